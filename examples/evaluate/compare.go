package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/examples/internal/report"
	"github.com/goedgesprek/goedgesprek/norm"
)

// moreFlags declares -compare and -summary, which live in this file and in
// summary.go rather than in run.go.
func moreFlags(fs *flag.FlagSet, c *config, h func(nl, en string) string) {
	fs.BoolVar(&c.compare, "compare", false, h("vergelijk twee zelfevaluaties van één organisatie: OUD.json NIEUW.json", "compare two self-assessments of one organisation: OLD.json NEW.json"))
	fs.BoolVar(&c.summary, "summary", false, h("met -batch: schrijf het overzicht van alle organisaties in plaats van een rapport per regel", "with -batch: write the summary of all organisations instead of a report per line"))
}

// checkMoreFlags refuses -compare and -summary where they do not fit.
func checkMoreFlags(c *config, atStr string) error {
	if c.compare {
		if c.newer == "" {
			return cli.Usagef("-compare vraagt twee zelfevaluaties: OUD.json NIEUW.json", "-compare takes two assessments: OLD.json NEW.json")
		}
		if c.batch || c.summary {
			return cli.Usagef("-compare vergelijkt twee zelfevaluaties; -batch en -summary horen daar niet bij", "-compare compares two assessments; -batch and -summary do not go with it")
		}
		if c.incidents != "" || atStr != "" {
			return cli.Usagef("-compare vergelijkt de zelfevaluaties zelf; -incidents en -at horen bij één zelfevaluatie", "-compare compares the assessments as given; -incidents and -at go with a single assessment")
		}
		if c.norm != "" || c.survey != "" {
			return cli.Usagef("-compare vergelijkt de zelfevaluaties zelf; -norm en -survey horen bij één zelfevaluatie", "-compare compares the assessments as given; -norm and -survey go with a single assessment")
		}
		if c.input == "-" && c.newer == "-" {
			return cli.Usagef("-compare: stdin kan maar één van de twee zijn", "-compare: stdin can be only one of the two")
		}
	}
	if c.summary && !c.batch {
		return cli.Usagef("-summary hoort bij -batch", "-summary goes with -batch")
	}
	if c.summary && (c.incidents != "" || atStr != "") {
		return cli.Usagef("-batch beoordeelt veel organisaties: -incidents en -at horen bij één zelfevaluatie", "-batch evaluates many organisations: -incidents and -at go with a single assessment")
	}
	return nil
}

// runCompare evaluates two assessments of one organisation and writes what
// changed in the chosen format.
func runCompare(c config, stdin io.Reader, stdout, stderr io.Writer) int {
	var reps [2]checklist.Report
	for i, name := range []string{c.input, c.newer} {
		in, err := openInput(name, stdin)
		if err != nil {
			return fail(stderr, c.lang, name, err)
		}
		a, err := checklist.DecodeAssessment(in)
		in.Close()
		if err != nil {
			return fail(stderr, c.lang, name, err)
		}
		if reps[i], err = checklist.Evaluate(a, checklist.WithLang(c.lang)); err != nil {
			return fail(stderr, c.lang, name, err)
		}
	}
	cmp, err := checklist.Compare(reps[0], reps[1])
	if err != nil {
		// The pointers name fields of the new assessment's report.
		return fail(stderr, c.lang, c.newer, err)
	}
	var buf bytes.Buffer
	if err := renderCompare(&buf, c.format, &cmp, &reps[0], &reps[1]); err != nil {
		fmt.Fprintf(stderr, "evaluate: %s\n", norm.Printable(err.Error()))
		return exitInvalid
	}
	if err := emit(c, stdout, &buf); err != nil {
		fmt.Fprintf(stderr, "evaluate: %s\n", norm.Printable(err.Error()))
		return exitInvalid
	}
	return exitOK
}

func renderCompare(w io.Writer, format string, cmp *checklist.Comparison, old, new *checklist.Report) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(cmp)
	}
	v := newCompareView(cmp, old, new)
	switch format {
	case "markdown":
		return writeCompareMarkdown(w, v)
	case "html":
		return writeCompareHTML(w, v)
	}
	return writeCompareText(w, v)
}

// compareLabels are the words of the comparison that the report's labels
// do not have.
type compareLabels struct {
	Title, Before, After, Change, Points, ItemScores, Chart            string
	Improved, Worse, None, CriteriaChanged, NoCriteria, Resolved, New  string
	Remaining, Policy, Answer, Unanswered, RatingChange, Items, Legend string
	Changes                                                            map[checklist.Change]string
}

var compareNL = compareLabels{
	Title: "Goed gesprek – twee zelfevaluaties vergeleken", Before: "Toen", After: "Nu", Change: "Verschil",
	Points: "punten", ItemScores: "Score per punt", Chart: "Score per punt, toen (omlijnd) en nu (gevuld)",
	Improved: "Beter geworden", Worse: "Slechter geworden", None: "geen",
	CriteriaChanged: "Criteria die veranderden", NoCriteria: "Geen criterium veranderde.",
	Resolved: "Opgeloste bevindingen", New: "Nieuwe bevindingen",
	Remaining: "%d bevindingen staan in beide rapporten.",
	Policy:    "Let op: de rapporten zijn mogelijk met verschillende instellingen gemaakt (versie van de catalogus, grenzen van de beoordeling, leeftijd van bewijs, gewichten of drempels); een deel van het verschil kan daaruit komen.",
	Answer:    "antwoord", Unanswered: "–", RatingChange: "Oordeel", Items: "Punten", Legend: "Legenda",
	Changes: map[checklist.Change]string{checklist.Improved: "beter", checklist.Worse: "slechter", checklist.Unchanged: "gelijk", checklist.Changed: "anders"},
}

var compareEN = compareLabels{
	Title: "Goed gesprek – two self-assessments compared", Before: "Before", After: "After", Change: "Change",
	Points: "points", ItemScores: "Score per item", Chart: "Score per item, before (outlined) and after (filled)",
	Improved: "Improved", Worse: "Got worse", None: "none",
	CriteriaChanged: "Criteria that changed", NoCriteria: "No criterion changed.",
	Resolved: "Findings resolved", New: "New findings",
	Remaining: "%d findings are in both reports.",
	Policy:    "Note: the reports may have been made with different rules (catalogue version, rating bounds, evidence age, weights or thresholds); part of the difference may come from them.",
	Answer:    "answer", Unanswered: "–", RatingChange: "Rating", Items: "Items", Legend: "Legend",
	Changes: map[checklist.Change]string{checklist.Improved: "improved", checklist.Worse: "worse", checklist.Unchanged: "unchanged", checklist.Changed: "changed"},
}

// arrows mark a change in one narrow character.
var arrows = map[checklist.Change]string{checklist.Improved: "↑", checklist.Worse: "↓", checklist.Unchanged: "=", checklist.Changed: "~"}

type compareView struct {
	Lang                 norm.Lang
	L                    compareLabels
	R                    report.Labels
	Org, OrgKind         string
	OldDate, NewDate     string
	OldScore, NewScore   string
	Delta                string // signed, in points
	OldRating, NewRating string // green, amber, red
	OldRatingLabel       string
	NewRatingLabel       string
	RatingChange         string
	RatingChangeLabel    string
	RatingArrow          string
	RatingReason         string
	Items                []itemCompareView
	Improved, Worse      []string
	Criteria             []criterionCompareView // the criteria whose result changed
	Resolved, New        []report.FindingView
	Remaining            int
	PolicyChanged        bool
}

type itemCompareView struct {
	ID, Title                  string
	Old, New, Delta            string
	OldN, NewN                 float64
	OldResult, NewResult       string
	OldLabel, NewLabel         string
	OldMark, NewMark           string
	Change, ChangeLabel, Arrow string
}

type criterionCompareView struct {
	ID                         string
	OldLabel, NewLabel         string
	OldResult, NewResult       string
	OldAnswer, NewAnswer       string
	Change, ChangeLabel, Arrow string
	Critical                   bool
}

// newCompareView flattens a comparison into strings in its language. The
// item and result words, and the findings, come from the report's view, so
// that they read (and are escaped) as in a single report.
func newCompareView(cmp *checklist.Comparison, old, new *checklist.Report) *compareView {
	p := norm.Printable
	ov, nv := report.New(old, nil, report.Measured{}), report.New(new, nil, report.Measured{})
	lang := nv.Lang
	L := compareNL
	if lang == norm.EN {
		L = compareEN
	}
	v := &compareView{
		Lang: lang, L: L, R: nv.L, Org: nv.Org, OrgKind: nv.OrgKind,
		OldDate: cmp.OldDate.String(), NewDate: cmp.NewDate.String(),
		OldScore: ov.Score, NewScore: nv.Score, Delta: signed(cmp.ScoreChange, lang),
		OldRating: ov.Rating, NewRating: nv.Rating, OldRatingLabel: ov.RatingLabel, NewRatingLabel: nv.RatingLabel,
		RatingChange: string(cmp.Rating.Change), RatingChangeLabel: L.Changes[cmp.Rating.Change], RatingArrow: arrows[cmp.Rating.Change],
		RatingReason: p(cmp.Rating.Reason), Remaining: cmp.Remaining, PolicyChanged: cmp.PolicyChanged,
	}
	oldItems := map[string]report.ItemView{}
	for _, it := range ov.Items {
		oldItems[it.ID] = it
	}
	newItems := map[string]report.ItemView{}
	for _, it := range nv.Items {
		newItems[it.ID] = it
	}
	crLabel := func(iv report.ItemView, id string) (label, mark string) {
		for _, cr := range iv.Criteria {
			if cr.ID == id {
				return cr.ResultLabel, cr.Mark
			}
		}
		return "", ""
	}
	answer := func(id checklist.CriterionID, a checklist.Value) string {
		if a.IsZero() {
			return L.Unanswered
		}
		return p(answerText(id, a, lang))
	}
	for _, ic := range cmp.Items {
		o, n := oldItems[p(string(ic.ID))], newItems[p(string(ic.ID))]
		v.Items = append(v.Items, itemCompareView{
			ID: n.ID, Title: n.Title, Old: o.Score, New: n.Score, Delta: signed(ic.NewScore-ic.OldScore, lang),
			OldN: ic.OldScore, NewN: ic.NewScore,
			OldResult: o.Result, NewResult: n.Result, OldLabel: o.ResultLabel, NewLabel: n.ResultLabel,
			OldMark: o.Mark, NewMark: n.Mark,
			Change: string(ic.Change), ChangeLabel: L.Changes[ic.Change], Arrow: arrows[ic.Change],
		})
		switch ic.Change {
		case checklist.Improved:
			v.Improved = append(v.Improved, n.ID)
		case checklist.Worse:
			v.Worse = append(v.Worse, n.ID)
		}
		for _, cc := range ic.Criteria {
			if cc.Change == checklist.Unchanged {
				continue
			}
			cv := criterionCompareView{
				ID: p(string(cc.ID)), OldResult: string(cc.OldResult), NewResult: string(cc.NewResult),
				OldAnswer: answer(cc.ID, cc.OldAnswer), NewAnswer: answer(cc.ID, cc.NewAnswer),
				Change: string(cc.Change), ChangeLabel: L.Changes[cc.Change], Arrow: arrows[cc.Change], Critical: cc.Critical,
			}
			cv.OldLabel, _ = crLabel(o, string(cc.ID))
			cv.NewLabel, _ = crLabel(n, string(cc.ID))
			v.Criteria = append(v.Criteria, cv)
		}
	}
	v.Resolved = report.New(&checklist.Report{Language: lang, Findings: cmp.Resolved}, nil, report.Measured{}).Findings
	v.New = report.New(&checklist.Report{Language: lang, Findings: cmp.New}, nil, report.Measured{}).Findings
	return v
}

// answerText renders an answer in words: the labels of the chosen options,
// yes or no, a percentage with its sign, or the number or date as given.
func answerText(id checklist.CriterionID, a checklist.Value, lang norm.Lang) string {
	c, ok := checklist.LookupCriterion(id)
	if !ok {
		return a.String()
	}
	label := func(code string) string {
		for _, o := range c.Options {
			if o.Code == code {
				return o.Label.In(lang)
			}
		}
		return code
	}
	if b, ok := a.AsBool(); ok {
		if b {
			return norm.T("ja", "yes").In(lang)
		}
		return norm.T("nee", "no").In(lang)
	}
	if c.Type == checklist.TypeChoice {
		if s, ok := a.AsString(); ok {
			return label(s)
		}
	}
	if list, ok := a.AsList(); ok {
		for i, code := range list {
			list[i] = label(code)
		}
		if len(list) == 0 {
			return norm.T("geen", "none").In(lang)
		}
		return strings.Join(list, ", ")
	}
	if c.Type == checklist.TypePercent {
		return a.String() + "%"
	}
	return a.String()
}

// signed renders a change in points with its sign, to one decimal, with a
// decimal comma in Dutch.
func signed(f float64, lang norm.Lang) string {
	f = math.Round(f*10) / 10
	s := strconv.FormatFloat(math.Abs(f), 'f', -1, 64)
	if lang != norm.EN {
		s = strings.Replace(s, ".", ",", 1)
	}
	switch {
	case f > 0:
		return "+" + s
	case f < 0:
		return "−" + s
	}
	return "0"
}

func listOr(ids []string, none string) string {
	if len(ids) == 0 {
		return none
	}
	return strings.Join(ids, ", ")
}

// writeCompareText renders the comparison for an 80-column terminal.
func writeCompareText(w io.Writer, v *compareView) error {
	var b strings.Builder
	L, R := v.L, v.R
	rule, line := strings.Repeat("=", width), strings.Repeat("-", width)
	b.WriteString(L.Title + "\n" + rule + "\n")
	field(&b, R.Organisation, v.Org)
	field(&b, "", v.OrgKind)
	field(&b, L.Before, fmt.Sprintf("%s   %s %s/100   %s", v.OldDate, strings.ToUpper(R.Score), v.OldScore, strings.ToUpper(v.OldRatingLabel)))
	field(&b, L.After, fmt.Sprintf("%s   %s %s/100   %s", v.NewDate, strings.ToUpper(R.Score), v.NewScore, strings.ToUpper(v.NewRatingLabel)))
	field(&b, L.Change, fmt.Sprintf("%s %s; %s: %s %s", v.Delta, L.Points, strings.ToLower(L.RatingChange), v.RatingArrow, v.RatingChangeLabel))
	wrapTo(&b, R.Reason+": "+v.RatingReason, "", "  ")
	if v.PolicyChanged {
		wrapTo(&b, L.Policy, "", "  ")
	}
	b.WriteString("\n")

	b.WriteString(L.ItemScores + "\n" + line + "\n")
	numW := max(utf8.RuneCountInString(L.Before), utf8.RuneCountInString(L.After), 5)
	titleW := width - 5 - 1 - 2*(numW+1) - 2 - 9
	fmt.Fprintf(&b, "%s %s %s %s  %s\n", pad(R.Item, 4), pad("", titleW), padLeft(L.Before, numW), padLeft(L.After, numW), L.Change)
	for _, it := range v.Items {
		lines := wrapWords(it.Title, titleW)
		fmt.Fprintf(&b, "%s %s %s %s  %s %s\n", pad(it.ID, 4), pad(lines[0], titleW), padLeft(it.Old, numW), padLeft(it.New, numW), it.Arrow, it.Delta)
		for _, l := range lines[1:] {
			b.WriteString("     " + l + "\n")
		}
	}
	wrapTo(&b, L.Improved+": "+listOr(v.Improved, L.None), "", "  ")
	wrapTo(&b, L.Worse+": "+listOr(v.Worse, L.None), "", "  ")
	b.WriteString("\n")

	b.WriteString(L.CriteriaChanged + "\n" + line + "\n")
	if len(v.Criteria) == 0 {
		b.WriteString(L.NoCriteria + "\n")
	}
	for _, c := range v.Criteria {
		crit := ""
		if c.Critical {
			crit = " (" + R.Critical + ")"
		}
		wrapTo(&b, fmt.Sprintf("%s %s %s → %s%s; %s %s → %s", pad(c.ID, 6), c.Arrow, c.OldLabel, c.NewLabel, crit, L.Answer, c.OldAnswer, c.NewAnswer), "", "         ")
	}
	b.WriteString("\n")

	fmt.Fprintf(&b, "%s (%d)\n%s\n", L.New, len(v.New), line)
	for i, f := range v.New {
		head := fmt.Sprintf("%d. ", i+1)
		indent := strings.Repeat(" ", utf8.RuneCountInString(head))
		wrapTo(&b, head+f.Message, "", indent)
		if f.NextStep != "" {
			wrapTo(&b, indent+"→ "+R.NextStep+": "+f.NextStep, "", indent+"  ")
		}
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "%s (%d)\n%s\n", L.Resolved, len(v.Resolved), line)
	for _, f := range v.Resolved {
		b.WriteString("✓ " + truncate(f.Message, width-2) + "\n")
	}
	b.WriteString("\n" + fmt.Sprintf(L.Remaining, v.Remaining) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeCompareMarkdown renders the comparison for an audit report.
func writeCompareMarkdown(w io.Writer, v *compareView) error {
	var b strings.Builder
	L, R := v.L, v.R
	fmt.Fprintf(&b, "## %s: %s\n\n", L.Title, md(v.Org))
	fmt.Fprintf(&b, "| | %s | %s | %s |\n|---|---|---|---|\n", L.Before, L.After, L.Change)
	fmt.Fprintf(&b, "| %s | %s | %s | |\n", R.Date, v.OldDate, v.NewDate)
	fmt.Fprintf(&b, "| %s | %s/100 | **%s/100** | %s |\n", R.Score, v.OldScore, v.NewScore, v.Delta)
	fmt.Fprintf(&b, "| %s | %s | **%s** | %s %s |\n\n", R.Rating, md(v.OldRatingLabel), md(v.NewRatingLabel), v.RatingArrow, v.RatingChangeLabel)
	fmt.Fprintf(&b, "%s; %s\n\n", md(v.Org), md(v.OrgKind))
	fmt.Fprintf(&b, "**%s:** %s\n\n", R.Reason, md(v.RatingReason))
	if v.PolicyChanged {
		fmt.Fprintf(&b, "*%s*\n\n", L.Policy)
	}

	fmt.Fprintf(&b, "### %s\n\n", L.ItemScores)
	fmt.Fprintf(&b, "| %s | %s | %s | %s | |\n|---|---:|---:|---:|---|\n", R.Item, L.Before, L.After, L.Change)
	for _, it := range v.Items {
		fmt.Fprintf(&b, "| %s %s | %s %s | %s %s | %s | %s %s |\n", it.ID, md(it.Title), it.OldMark, it.Old, it.NewMark, it.New, it.Delta, it.Arrow, it.ChangeLabel)
	}
	fmt.Fprintf(&b, "\n%s: %s  \n%s: %s\n\n", L.Improved, listOr(v.Improved, L.None), L.Worse, listOr(v.Worse, L.None))

	fmt.Fprintf(&b, "### %s\n\n", L.CriteriaChanged)
	if len(v.Criteria) == 0 {
		b.WriteString(L.NoCriteria + "\n\n")
	} else {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n|---|---|---|---|\n", R.Criterion, L.Before, L.After, L.Change)
		for _, c := range v.Criteria {
			crit := ""
			if c.Critical {
				crit = " (" + R.Critical + ")"
			}
			fmt.Fprintf(&b, "| %s%s | %s (%s) | %s (%s) | %s %s |\n", c.ID, crit, md(c.OldLabel), md(c.OldAnswer), md(c.NewLabel), md(c.NewAnswer), c.Arrow, c.ChangeLabel)
		}
		b.WriteString("\n")
	}
	for _, part := range []struct {
		title string
		fs    []report.FindingView
	}{{L.New, v.New}, {L.Resolved, v.Resolved}} {
		fmt.Fprintf(&b, "### %s (%d)\n\n", part.title, len(part.fs))
		for i, f := range part.fs {
			fmt.Fprintf(&b, "%d. %s; code `%s`\n", i+1, md(f.Message), f.Code)
		}
		if len(part.fs) > 0 {
			b.WriteString("\n")
		}
	}
	fmt.Fprintf(&b, L.Remaining+"\n", v.Remaining)
	_, err := io.WriteString(w, b.String())
	return err
}

//go:embed compare.html.tmpl
var compareHTMLSource string

var compareTemplate = template.Must(template.New("compare").Parse(compareHTMLSource))

// compareCSP is the page's Content-Security-Policy: nothing but its own
// inline stylesheet, allowed by hash.
var compareCSP = report.PageCSP(compareHTMLSource)

type compareChart struct {
	Width, Height, PlotHeight, AxisY int
	Grid                             []gridMark
	Rows                             []compareRow
}

type gridMark struct {
	X     int
	Label string
}

type compareRow struct {
	Title, Label, Old, New                 string
	Y, LabelY, OldY, NewY, OldW, NewW, H   int
	OldTextX, NewTextX, OldTextY, NewTextY int
}

const (
	cmpLeft  = 52 // room for the item ID
	cmpScale = 5  // pixels per score point
	cmpBar   = 11 // thickness of each of the two bars
	cmpRow   = 32 // pixels per item
)

// writeCompareHTML writes the comparison as one self-contained page: no
// script, one inline stylesheet allowed by the page's own CSP, and one SVG
// chart with both scores of every item. The old bar is outlined and the new
// one filled, and every bar carries its value, so colour is never the only
// thing that tells them apart.
func writeCompareHTML(w io.Writer, v *compareView) error {
	ch := compareChart{}
	ch.PlotHeight = len(v.Items) * cmpRow
	ch.AxisY = ch.PlotHeight + 14
	ch.Height = ch.AxisY + 6
	ch.Width = cmpLeft + 100*cmpScale + 60
	for _, g := range []int{0, 50, 80, 100} {
		ch.Grid = append(ch.Grid, gridMark{X: cmpLeft + g*cmpScale, Label: strconv.Itoa(g)})
	}
	for i, it := range v.Items {
		y := i*cmpRow + 4
		ow, nw := int(it.OldN*cmpScale+0.5), int(it.NewN*cmpScale+0.5)
		ch.Rows = append(ch.Rows, compareRow{
			Title: fmt.Sprintf("%s %s: %s %s, %s %s (%s)", it.ID, it.Title, v.L.Before, it.Old, v.L.After, it.New, it.ChangeLabel),
			Label: it.ID, Old: it.Old, New: it.New,
			Y: y, LabelY: y + cmpBar + 4, OldY: y, NewY: y + cmpBar + 2, OldW: ow, NewW: nw, H: cmpBar,
			OldTextX: cmpLeft + ow + 6, NewTextX: cmpLeft + nw + 6, OldTextY: y + cmpBar - 2, NewTextY: y + 2*cmpBar,
		})
	}
	return compareTemplate.Execute(w, struct {
		V     *compareView
		CSP   string
		Chart compareChart
	}{v, compareCSP, ch})
}
