package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/examples/internal/report"
	"github.com/goedgesprek/goedgesprek/norm"
)

// The portfolio summary (-batch -summary) streams: each organisation's row
// of the organisations-by-items table is written as soon as its line is
// evaluated, and only aggregates of bounded size are kept for the end (a
// histogram per item, a count per finding, the first maxCapped capped
// organisations). Memory therefore does not grow with the number of
// organisations; the output does, by one table row each.

// scoreSteps is the number of distinct scores: 0.0 to 100.0 in steps of
// 0.1, the precision of every score in a report. A histogram over them
// gives exact quantiles.
const scoreSteps = 1001

// maxCapped is how many capped organisations the summary names at the end;
// every capped organisation is marked in its own row of the table.
const maxCapped = 50

// topFindingsN is how many of the most frequent findings the summary lists.
const topFindingsN = 10

// histogram counts scores by tenth of a point.
type histogram struct {
	n     int
	count [scoreSteps]int
}

func (h *histogram) add(score float64) {
	i := int(math.Round(score * 10))
	i = min(max(i, 0), scoreSteps-1)
	h.count[i]++
	h.n++
}

// kth returns the k-th smallest score (0-based).
func (h *histogram) kth(k int) float64 {
	for i, c := range h.count {
		if k < c {
			return float64(i) / 10
		}
		k -= c
	}
	return 100
}

// quantile is the p-quantile by linear interpolation between the closest
// ranks: h = (n-1)p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])
// on the sorted scores, 0-based. This is Hyndman and Fan's type 7, the
// default of R and NumPy and what spreadsheets call QUARTILE.INC.
func (h *histogram) quantile(p float64) float64 {
	if h.n == 0 {
		return math.NaN()
	}
	pos := float64(h.n-1) * p
	lo := int(math.Floor(pos))
	x := h.kth(lo)
	if frac := pos - float64(lo); frac > 0 {
		x += frac * (h.kth(lo+1) - x)
	}
	// Scores are tenths and quartiles fall on quarter ranks, so a quartile
	// is a multiple of 0.025: three decimals keep it exact and drop only
	// the floating-point noise.
	return math.Round(x*1000) / 1000
}

// orgRow is what the summary keeps of one organisation while its row is
// written; the rows are not kept after that.
type orgRow struct {
	Line         int                     `json:"line"`
	Organisation string                  `json:"organisation"`
	Kind         checklist.OrgKind       `json:"kind"`
	Date         norm.Date               `json:"assessment_date"`
	Score        float64                 `json:"score"`
	Rating       checklist.Rating        `json:"rating"`
	Items        []itemCell              `json:"items"`
	CappedBy     []checklist.CriterionID `json:"capped_by,omitempty"`
	findings     []findingKey
}

type itemCell struct {
	ID     checklist.ItemID `json:"id"`
	Score  float64          `json:"score"`
	Result checklist.Result `json:"result"`
}

type findingKey struct {
	Code      checklist.FindingCode `json:"code"`
	Criterion checklist.CriterionID `json:"criterion"`
}

func newOrgRow(line int, rep *checklist.Report) orgRow {
	r := orgRow{
		Line: line, Organisation: rep.Organisation.Name, Kind: rep.Organisation.Kind, Date: rep.AssessmentDate,
		Score: rep.Score, Rating: rep.Rating, CappedBy: rep.CappedBy,
		Items: make([]itemCell, len(rep.Items)), findings: make([]findingKey, len(rep.Findings)),
	}
	for i, it := range rep.Items {
		r.Items[i] = itemCell{it.ID, it.Score, it.Result}
	}
	for i, f := range rep.Findings {
		r.findings[i] = findingKey{f.Code, f.Criterion}
	}
	return r
}

// portfolio is the running summary: everything in it is bounded by the
// catalogue's size, not by the number of organisations.
type portfolio struct {
	items      []checklist.ItemID
	orgs       int
	refused    int
	ratings    map[checklist.Rating]int
	score      histogram
	itemScores []histogram // per item, organisations for which it applies
	notAppl    []int       // per item, organisations for which it does not
	findings   map[findingKey]int
	cappedBy   map[checklist.CriterionID]int
	capped     int
	firstCaps  []orgRow // the first maxCapped capped organisations, without their items
}

func newPortfolio() *portfolio {
	p := &portfolio{ratings: map[checklist.Rating]int{}, findings: map[findingKey]int{}, cappedBy: map[checklist.CriterionID]int{}}
	for _, it := range checklist.Items() {
		p.items = append(p.items, it.ID)
	}
	p.itemScores = make([]histogram, len(p.items))
	p.notAppl = make([]int, len(p.items))
	return p
}

func (p *portfolio) add(r *orgRow) {
	p.orgs++
	p.ratings[r.Rating]++
	p.score.add(r.Score)
	for i, c := range r.Items {
		if i >= len(p.items) || c.ID != p.items[i] {
			continue // a report from another catalogue: cannot happen with Evaluate
		}
		if c.Result == checklist.NotApplicable {
			p.notAppl[i]++
		} else {
			p.itemScores[i].add(c.Score)
		}
	}
	for _, f := range r.findings {
		p.findings[f]++
	}
	if len(r.CappedBy) > 0 {
		p.capped++
		for _, id := range r.CappedBy {
			p.cappedBy[id]++
		}
		if len(p.firstCaps) < maxCapped {
			c := *r
			c.Items, c.findings = nil, nil
			p.firstCaps = append(p.firstCaps, c)
		}
	}
}

// summaryJSON is the aggregate part of the summary.
type summaryJSON struct {
	Organisations int                      `json:"organisations"`
	Refused       int                      `json:"refused_lines"`
	Ratings       map[checklist.Rating]int `json:"ratings"`
	Score         quartiles                `json:"score"`
	Items         []itemSummary            `json:"items"`
	TopFindings   []findingCount           `json:"top_findings"`
	Capped        int                      `json:"capped"`
	CappedBy      []criterionCount         `json:"capped_by"`
	CappedFirst   []cappedOrg              `json:"capped_first"` // at most maxCapped, in input order
	// Quantiles names the method: Hyndman and Fan type 7.
	Quantiles string `json:"quantiles"`
}

type quartiles struct {
	N      int     `json:"n"`
	Q1     float64 `json:"q1"`
	Median float64 `json:"median"`
	Q3     float64 `json:"q3"`
}

type itemSummary struct {
	ID            checklist.ItemID `json:"id"`
	Title         string           `json:"title"`
	NotApplicable int              `json:"not_applicable"`
	Quartiles     quartiles        `json:"quartiles"`
}

type findingCount struct {
	findingKey
	Organisations int `json:"organisations"`
}

type criterionCount struct {
	Criterion     checklist.CriterionID `json:"criterion"`
	Organisations int                   `json:"organisations"`
}

type cappedOrg struct {
	Line         int                     `json:"line"`
	Organisation string                  `json:"organisation"`
	Rating       checklist.Rating        `json:"rating"`
	CappedBy     []checklist.CriterionID `json:"capped_by"`
}

// MarshalJSON writes null quartiles when there is nothing to summarise (no
// organisation, or an item that applies to none), never a false 0.
func (q quartiles) MarshalJSON() ([]byte, error) {
	if q.N == 0 {
		return []byte(`{"n": 0, "q1": null, "median": null, "q3": null}`), nil
	}
	type plain quartiles
	return json.Marshal(plain(q))
}

// strings renders the quartiles, or dashes when there are none.
func (q quartiles) strings(lang norm.Lang) (q1, median, q3 string) {
	if q.N == 0 {
		return "–", "–", "–"
	}
	return fmtNum(q.Q1, lang), fmtNum(q.Median, lang), fmtNum(q.Q3, lang)
}

func quarts(h *histogram) quartiles {
	if h.n == 0 {
		return quartiles{}
	}
	return quartiles{N: h.n, Q1: h.quantile(0.25), Median: h.quantile(0.5), Q3: h.quantile(0.75)}
}

// result turns the running summary into its final form.
func (p *portfolio) result(lang norm.Lang) summaryJSON {
	s := summaryJSON{
		Organisations: p.orgs, Refused: p.refused, Ratings: map[checklist.Rating]int{},
		Score: quarts(&p.score), Capped: p.capped, Quantiles: "hyndman-fan-7",
		TopFindings: []findingCount{}, CappedBy: []criterionCount{}, CappedFirst: []cappedOrg{},
	}
	for _, r := range []checklist.Rating{checklist.Green, checklist.Amber, checklist.Red} {
		s.Ratings[r] = p.ratings[r]
	}
	for i, id := range p.items {
		it, _ := checklist.LookupItem(id)
		s.Items = append(s.Items, itemSummary{ID: id, Title: it.Title.In(lang), NotApplicable: p.notAppl[i], Quartiles: quarts(&p.itemScores[i])})
	}
	for k, n := range p.findings {
		s.TopFindings = append(s.TopFindings, findingCount{k, n})
	}
	codes := checklist.FindingCodes()
	slices.SortFunc(s.TopFindings, func(a, b findingCount) int {
		return cmp.Or(cmp.Compare(b.Organisations, a.Organisations),
			cmp.Compare(slices.Index(codes, a.Code), slices.Index(codes, b.Code)),
			cmp.Compare(a.Criterion, b.Criterion))
	})
	s.TopFindings = s.TopFindings[:min(len(s.TopFindings), topFindingsN)]
	for id, n := range p.cappedBy {
		s.CappedBy = append(s.CappedBy, criterionCount{id, n})
	}
	slices.SortFunc(s.CappedBy, func(a, b criterionCount) int {
		return cmp.Or(cmp.Compare(b.Organisations, a.Organisations), cmp.Compare(a.Criterion, b.Criterion))
	})
	for _, r := range p.firstCaps {
		s.CappedFirst = append(s.CappedFirst, cappedOrg{r.Line, r.Organisation, r.Rating, r.CappedBy})
	}
	return s
}

// summaryWriter writes the summary in one format: a head, one row per
// organisation as it comes, and the aggregates at the end.
type summaryWriter interface {
	head(items []checklist.ItemID) error
	row(r *orgRow) error
	tail(s summaryJSON) error
}

type sumSlot struct {
	lineNo int
	in     []byte
	row    orgRow
	err    error
}

// runSummary reads a batch as runBatch does, but writes the portfolio: the
// organisations-by-items table row by row, then the aggregates.
func runSummary(c config, stdin io.Reader, stdout, stderr io.Writer) int {
	in, err := openInput(c.input, stdin)
	if err != nil {
		return fail(stderr, c.lang, c.input, err)
	}
	defer in.Close()
	dst, err := openOutput(c, stdout)
	if err != nil {
		return fail(stderr, c.lang, c.out, err)
	}
	defer dst.Close()
	out := bufio.NewWriterSize(dst, 256<<10)
	r := bufio.NewReaderSize(in, 256<<10)
	p := newPortfolio()
	w := newSummaryWriter(c.format, c.lang, out)
	if err := w.head(p.items); err != nil {
		return writeFailed(stderr, err)
	}

	workers := max(runtime.GOMAXPROCS(0), 1)
	slots := make([]sumSlot, chunk)
	lineNo := 0
	var readErr error
	for readErr == nil {
		n, size := 0, 0
		for n < len(slots) && size < chunkBytes && readErr == nil {
			line, tooLong, err := readLine(r, slots[n].in[:0])
			slots[n].in = line
			size += len(line)
			if tooLong {
				slots[n].in, size = nil, size+maxLine
			}
			if err != nil {
				readErr = err
				if !errors.Is(err, io.EOF) || (len(line) == 0 && !tooLong) {
					break
				}
			}
			lineNo++
			if !tooLong && len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			slots[n].lineNo, slots[n].err = lineNo, nil
			if tooLong {
				slots[n].err = &norm.Error{Op: "evaluate.batch", Problems: []norm.Problem{{
					Code: norm.CodeTooLarge, Message: norm.Textf(
						"regel langer dan %d bytes, de grens van een zelfevaluatie; overgeslagen",
						"line longer than %d bytes, the limit of a self-assessment; skipped", maxLine),
				}}}
			}
			n++
		}
		summariseChunk(slots[:n], c.lang, workers)
		for i := range slots[:n] {
			s := &slots[i]
			if cap(s.in) > keepBuf {
				s.in = nil
			}
			if s.err != nil {
				p.refused++
				var ne *norm.Error
				if !errors.As(s.err, &ne) {
					ne = &norm.Error{Op: "evaluate.batch", Problems: []norm.Problem{{Code: norm.CodeSyntax, Message: norm.T(s.err.Error(), s.err.Error())}}}
				}
				fmt.Fprintf(stderr, "%s %d: %s\n", norm.T("regel", "line").In(c.lang), s.lineNo, ne.In(c.lang))
				continue
			}
			p.add(&s.row)
			if err := w.row(&s.row); err != nil {
				return writeFailed(stderr, err)
			}
			s.row = orgRow{}
		}
	}
	if !errors.Is(readErr, io.EOF) {
		return fail(stderr, c.lang, c.input, readErr)
	}
	if err := w.tail(p.result(c.lang)); err != nil {
		return writeFailed(stderr, err)
	}
	if err := out.Flush(); err != nil {
		return writeFailed(stderr, err)
	}
	if p.refused > 0 {
		fmt.Fprintln(stderr, norm.Textf("%d van %d regels geweigerd", "%d of %d lines refused", p.refused, p.refused+p.orgs).In(c.lang))
		return exitInvalid
	}
	return exitOK
}

func writeFailed(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "evaluate: %s\n", norm.Printable(err.Error()))
	return exitInvalid
}

// summariseChunk decodes and evaluates the slots in parallel and keeps
// each one's row.
func summariseChunk(slots []sumSlot, lang norm.Lang, workers int) {
	var wg sync.WaitGroup
	workers = min(workers, len(slots))
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(slots); i += workers {
				s := &slots[i]
				if s.err != nil {
					continue
				}
				a, err := checklist.DecodeAssessment(bytes.NewReader(s.in))
				if err != nil {
					s.err = err
					continue
				}
				rep, err := checklist.Evaluate(a, checklist.WithLang(lang))
				if err != nil {
					s.err = err
					continue
				}
				s.row = newOrgRow(s.lineNo, &rep)
			}
		})
	}
	wg.Wait()
}

func newSummaryWriter(format string, lang norm.Lang, w *bufio.Writer) summaryWriter {
	L := summaryNL
	if lang == norm.EN {
		L = summaryEN
	}
	switch format {
	case "json":
		return &jsonSummary{w: w}
	case "markdown":
		return &mdSummary{w: w, L: L, lang: lang}
	case "html":
		return &htmlSummary{w: w, L: L, lang: lang}
	}
	return &textSummary{w: w, L: L, lang: lang}
}

// summaryLabels are the words of the portfolio summary.
type summaryLabels struct {
	Title, Table, Org, Score, Rating, Capped, Summary, Orgs, Refused    string
	Ratings, Items, Q1, Median, Q3, N, NA, Findings, Code, Criterion    string
	CappedTitle, CappedNote, CappedBy, Quantiles, SkipToSummary, Legend string
	Line, OrgsCol                                                       string
	RatingWords                                                         map[checklist.Rating]string
	ResultWords                                                         map[checklist.Result]string
}

var summaryNL = summaryLabels{
	Title: "Goed gesprek – overzicht van alle organisaties", Table: "Organisaties per punt",
	Org: "Organisatie", Score: "Score", Rating: "Oordeel", Capped: "begrensd door",
	Summary: "Samenvatting", Orgs: "Organisaties beoordeeld", Refused: "Regels geweigerd",
	Ratings: "Oordelen", Items: "Score per punt", Q1: "1e kwartiel", Median: "mediaan", Q3: "3e kwartiel",
	N: "aantal", NA: "n.v.t.", Findings: "Meest voorkomende bevindingen", Code: "Code", Criterion: "Criterium",
	CappedTitle: "Begrensd door een kritiek criterium", CappedBy: "Per kritiek criterium",
	CappedNote:    "%d organisaties zijn door een kritiek criterium begrensd; hieronder de eerste %d (alle staan in de tabel, gemarkeerd met ⚠).",
	Quantiles:     "Kwartielen en mediaan: lineair tussen de dichtstbijzijnde rangen (Hyndman en Fan type 7, zoals KWARTIEL.INC), exact uit een histogram per tiende punt.",
	SkipToSummary: "Naar de samenvatting (onder de tabel)", Legend: "✓ voldaan, ± deels voldaan, ✗ niet voldaan, ? niet beantwoord, – niet van toepassing; ⚠ begrensd door een kritiek criterium",
	Line: "regel", OrgsCol: "Organisaties",
	RatingWords: map[checklist.Rating]string{checklist.Green: "groen", checklist.Amber: "oranje", checklist.Red: "rood"},
	ResultWords: map[checklist.Result]string{checklist.Met: "voldaan", checklist.PartiallyMet: "deels voldaan", checklist.NotMet: "niet voldaan", checklist.NotApplicable: "niet van toepassing", checklist.Unanswered: "niet beantwoord"},
}

var summaryEN = summaryLabels{
	Title: "Goed gesprek – summary of all organisations", Table: "Organisations by item",
	Org: "Organisation", Score: "Score", Rating: "Rating", Capped: "capped by",
	Summary: "Summary", Orgs: "Organisations evaluated", Refused: "Lines refused",
	Ratings: "Ratings", Items: "Score per item", Q1: "1st quartile", Median: "median", Q3: "3rd quartile",
	N: "count", NA: "n/a", Findings: "Most frequent findings", Code: "Code", Criterion: "Criterion",
	CappedTitle: "Capped by a critical criterion", CappedBy: "By critical criterion",
	CappedNote:    "%d organisations are capped by a critical criterion; the first %d are listed below (all are in the table, marked ⚠).",
	Quantiles:     "Quartiles and median: linear between the closest ranks (Hyndman and Fan type 7, as QUARTILE.INC), exact from a histogram per tenth of a point.",
	SkipToSummary: "To the summary (below the table)", Legend: "✓ met, ± partially met, ✗ not met, ? unanswered, – not applicable; ⚠ capped by a critical criterion",
	Line: "line", OrgsCol: "Organisations",
	RatingWords: map[checklist.Rating]string{checklist.Green: "green", checklist.Amber: "amber", checklist.Red: "red"},
	ResultWords: map[checklist.Result]string{checklist.Met: "met", checklist.PartiallyMet: "partially met", checklist.NotMet: "not met", checklist.NotApplicable: "not applicable", checklist.Unanswered: "unanswered"},
}

func fmtNum(f float64, lang norm.Lang) string {
	s := strconv.FormatFloat(math.Round(f*1000)/1000, 'f', -1, 64)
	if lang != norm.EN {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func joinCrit(ids []checklist.CriterionID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}

// jsonSummary writes one JSON object: {"organisations": [rows…],
// "summary": {…}}, the rows streamed as they come.
type jsonSummary struct {
	w     *bufio.Writer
	first bool
}

func (j *jsonSummary) head([]checklist.ItemID) error {
	j.first = true
	_, err := j.w.WriteString("{\"organisations\": [")
	return err
}

func (j *jsonSummary) row(r *orgRow) error {
	if !j.first {
		j.w.WriteByte(',')
	}
	j.first = false
	j.w.WriteString("\n  ")
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = j.w.Write(b)
	return err
}

func (j *jsonSummary) tail(s summaryJSON) error {
	j.w.WriteString("\n],\n\"summary\": ")
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	j.w.Write(b)
	_, err = j.w.WriteString("}\n")
	return err
}

// textSummary writes an 80-column table with one mark per item, then the
// aggregates.
type textSummary struct {
	w    *bufio.Writer
	L    summaryLabels
	lang norm.Lang
}

const textOrgW = 26

func (t *textSummary) head(items []checklist.ItemID) error {
	L := t.L
	t.w.WriteString(L.Title + "\n" + strings.Repeat("=", width) + "\n")
	t.w.WriteString(L.Table + "\n" + strings.Repeat("-", width) + "\n")
	// The item numbers stand in two rows of digits, one column each.
	var tens, ones strings.Builder
	for i := range items {
		fmt.Fprintf(&tens, "%d ", (i+1)/10%10)
		fmt.Fprintf(&ones, "%d ", (i+1)%10)
	}
	fmt.Fprintf(t.w, "%s %s %s  %s\n", pad("", textOrgW), padLeft("", 5), pad("", 7), strings.TrimRight(tens.String(), " "))
	_, err := fmt.Fprintf(t.w, "%s %s %s  %s\n", pad(L.Org, textOrgW), padLeft(L.Score, 5), pad(L.Rating, 7), strings.TrimRight(ones.String(), " "))
	return err
}

func (t *textSummary) row(r *orgRow) error {
	var marks strings.Builder
	for _, c := range r.Items {
		marks.WriteString(report.Marks[string(c.Result)] + " ")
	}
	capped := ""
	if len(r.CappedBy) > 0 {
		// The first critical criterion and how many more: the line stays
		// within 80 columns; the summary's end lists them all.
		capped = " ⚠ " + string(r.CappedBy[0])
		if len(r.CappedBy) > 1 {
			capped += fmt.Sprintf(" +%d", len(r.CappedBy)-1)
		}
	}
	name := truncate(norm.Printable(r.Organisation), textOrgW)
	_, err := fmt.Fprintf(t.w, "%s %s %s  %s%s\n", pad(name, textOrgW), padLeft(fmtNum(r.Score, t.lang), 5),
		pad(t.L.RatingWords[r.Rating], 7), strings.TrimRight(marks.String(), " "), capped)
	return err
}

func (t *textSummary) tail(s summaryJSON) error {
	L, lang := t.L, t.lang
	var b strings.Builder
	wrapTo(&b, L.Legend, "", "  ")
	b.WriteString("\n" + L.Summary + "\n" + strings.Repeat("-", width) + "\n")
	fmt.Fprintf(&b, "%s: %d; %s: %d\n", L.Orgs, s.Organisations, L.Refused, s.Refused)
	fmt.Fprintf(&b, "%s: %s %d, %s %d, %s %d\n", L.Ratings,
		L.RatingWords[checklist.Green], s.Ratings[checklist.Green], L.RatingWords[checklist.Amber], s.Ratings[checklist.Amber],
		L.RatingWords[checklist.Red], s.Ratings[checklist.Red])
	q1, med, q3 := s.Score.strings(lang)
	fmt.Fprintf(&b, "%s: %s %s, %s %s, %s %s\n\n", L.Score, L.Q1, q1, L.Median, med, L.Q3, q3)

	b.WriteString(L.Items + "\n")
	fmt.Fprintf(&b, "%s %s %s %s %s %s\n", pad("", 4+1+38), padLeft("Q1", 5), padLeft(L.Median, 6), padLeft("Q3", 5), padLeft(L.N, 6), L.NA)
	for _, it := range s.Items {
		q1, med, q3 := it.Quartiles.strings(lang)
		fmt.Fprintf(&b, "%s %s %s %s %s %s %d\n", pad(string(it.ID), 4), pad(truncate(it.Title, 38), 38), padLeft(q1, 5),
			padLeft(med, 6), padLeft(q3, 5), padLeft(fmt.Sprint(it.Quartiles.N), 6), it.NotApplicable)
	}
	wrapTo(&b, L.Quantiles, "", "")
	b.WriteString("\n" + L.Findings + "\n")
	fmt.Fprintf(&b, "    %s %s  %s\n", pad(L.Criterion, 9), pad(L.Code, 27), L.OrgsCol)
	for i, f := range s.TopFindings {
		fmt.Fprintf(&b, "%2d. %s %s  %d\n", i+1, pad(string(f.Criterion), 9), pad(string(f.Code), 27), f.Organisations)
	}
	b.WriteString("\n" + L.CappedTitle + "\n")
	wrapTo(&b, fmt.Sprintf(L.CappedNote, s.Capped, len(s.CappedFirst)), "", "")
	var per []string
	for _, c := range s.CappedBy {
		per = append(per, fmt.Sprintf("%s %d", c.Criterion, c.Organisations))
	}
	wrapTo(&b, L.CappedBy+": "+strings.Join(per, ", "), "", "  ")
	for _, c := range s.CappedFirst {
		wrapTo(&b, fmt.Sprintf("%s %d: %s (%s): %s", L.Line, c.Line, norm.Printable(c.Organisation), L.RatingWords[c.Rating], joinCrit(c.CappedBy)), "  ", "    ")
	}
	_, err := t.w.WriteString(b.String())
	return err
}

// mdSummary writes a Markdown table, then the aggregates.
type mdSummary struct {
	w    *bufio.Writer
	L    summaryLabels
	lang norm.Lang
}

func (m *mdSummary) head(items []checklist.ItemID) error {
	L := m.L
	fmt.Fprintf(m.w, "## %s\n\n### %s\n\n| %s | %s | %s |", L.Title, L.Table, L.Org, L.Score, L.Rating)
	for _, id := range items {
		fmt.Fprintf(m.w, " %s |", id)
	}
	m.w.WriteString(" " + L.Capped + " |\n|---|---:|---|")
	for range items {
		m.w.WriteString("---:|")
	}
	_, err := m.w.WriteString("---|\n")
	return err
}

func (m *mdSummary) row(r *orgRow) error {
	fmt.Fprintf(m.w, "| %s | %s | %s |", md(r.Organisation), fmtNum(r.Score, m.lang), m.L.RatingWords[r.Rating])
	for _, c := range r.Items {
		fmt.Fprintf(m.w, " %s %s |", report.Marks[string(c.Result)], fmtNum(c.Score, m.lang))
	}
	capped := ""
	if len(r.CappedBy) > 0 {
		capped = "⚠ " + joinCrit(r.CappedBy)
	}
	_, err := m.w.WriteString(" " + capped + " |\n")
	return err
}

func (m *mdSummary) tail(s summaryJSON) error {
	L, lang := m.L, m.lang
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s\n\n### %s\n\n", L.Legend, L.Summary)
	fmt.Fprintf(&b, "| | |\n|---|---|\n| %s | %d |\n| %s | %d |\n", L.Orgs, s.Organisations, L.Refused, s.Refused)
	for _, r := range []checklist.Rating{checklist.Green, checklist.Amber, checklist.Red} {
		fmt.Fprintf(&b, "| %s: %s | %d |\n", L.Rating, L.RatingWords[r], s.Ratings[r])
	}
	q1, med, q3 := s.Score.strings(lang)
	fmt.Fprintf(&b, "| %s (%s, %s, %s) | %s, %s, %s |\n\n", L.Score, L.Q1, L.Median, L.Q3, q1, med, q3)
	fmt.Fprintf(&b, "#### %s\n\n| | | %s | %s | %s | %s | %s |\n|---|---|---:|---:|---:|---:|---:|\n", L.Items, L.Q1, L.Median, L.Q3, L.N, L.NA)
	for _, it := range s.Items {
		q1, med, q3 := it.Quartiles.strings(lang)
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %d | %d |\n", it.ID, md(it.Title), q1, med, q3, it.Quartiles.N, it.NotApplicable)
	}
	fmt.Fprintf(&b, "\n%s\n\n#### %s\n\n| %s | %s | %s |\n|---|---|---:|\n", L.Quantiles, L.Findings, L.Criterion, L.Code, L.OrgsCol)
	for _, f := range s.TopFindings {
		fmt.Fprintf(&b, "| %s | `%s` | %d |\n", f.Criterion, f.Code, f.Organisations)
	}
	fmt.Fprintf(&b, "\n#### %s\n\n%s\n\n", L.CappedTitle, fmt.Sprintf(L.CappedNote, s.Capped, len(s.CappedFirst)))
	for _, c := range s.CappedBy {
		fmt.Fprintf(&b, "- %s: %d\n", c.Criterion, c.Organisations)
	}
	b.WriteString("\n")
	for _, c := range s.CappedFirst {
		fmt.Fprintf(&b, "- %s %d: %s (%s): %s\n", L.Line, c.Line, md(c.Organisation), L.RatingWords[c.Rating], joinCrit(c.CappedBy))
	}
	_, err := m.w.WriteString(b.String())
	return err
}
