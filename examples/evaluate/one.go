package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// runOne evaluates one assessment and writes the report in the chosen
// format.
func runOne(c config, stdin io.Reader, stdout, stderr io.Writer) int {
	in, err := openInput(c.input, stdin)
	if err != nil {
		return fail(stderr, c.lang, c.input, err)
	}
	a, err := checklist.DecodeAssessment(in)
	in.Close()
	if err != nil {
		return fail(stderr, c.lang, c.input, err)
	}

	opts := []checklist.EvalOption{checklist.WithLang(c.lang)}
	var meas measuredInfo
	if c.incidents != "" {
		at := c.at
		if at.IsZero() {
			at = endOfDay(a.Date)
		}
		if c.actions == "" && !isDB(c.incidents) {
			fmt.Fprintln(stderr, norm.T("evaluate: let op: zonder -actions telt geen enkele vervolgactie als gedaan",
				"evaluate: note: without -actions no follow-up action counts as done").In(c.lang))
		}
		sum, err := loadMeasured(c.incidents, c.actions, at)
		if err != nil {
			return fail(stderr, c.lang, c.incidents, err)
		}
		opts = append(opts, checklist.WithMeasured(sum))
		meas = measuredInfo{origin: filepath.Base(c.incidents), overdue: overdueCount(sum)}
	}
	rep, err := checklist.Evaluate(a, opts...)
	if err != nil {
		return fail(stderr, c.lang, c.input, err)
	}

	var buf bytes.Buffer
	if err := render(&buf, c.format, &rep, &a, meas); err != nil {
		fmt.Fprintf(stderr, "evaluate: %s\n", norm.Printable(err.Error()))
		return exitInvalid
	}
	if err := emit(c, stdout, &buf); err != nil {
		fmt.Fprintf(stderr, "evaluate: %s\n", norm.Printable(err.Error()))
		return exitInvalid
	}
	return exitOK
}

// measuredInfo is what the report does not say about the measured data:
// where they came from and how many actions are overdue.
type measuredInfo struct {
	origin  string
	overdue int
}

// render writes the report in one of the formats.
func render(w io.Writer, format string, rep *checklist.Report, a *checklist.Assessment, meas measuredInfo) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	v := newView(rep, a, meas)
	switch format {
	case "markdown":
		return writeMarkdown(w, v)
	case "html":
		return writeHTML(w, v)
	}
	return writeText(w, v)
}

var ratingLabels = map[checklist.Rating]norm.Text{
	checklist.Green: norm.T("groen", "green"),
	checklist.Amber: norm.T("oranje", "amber"),
	checklist.Red:   norm.T("rood", "red"),
}

var resultLabels = map[checklist.Result]norm.Text{
	checklist.Met:           norm.T("voldaan", "met"),
	checklist.PartiallyMet:  norm.T("deels voldaan", "partially met"),
	checklist.NotMet:        norm.T("niet voldaan", "not met"),
	checklist.NotApplicable: norm.T("niet van toepassing", "not applicable"),
	checklist.Unanswered:    norm.T("niet beantwoord", "unanswered"),
}

var kindLabels = map[checklist.OrgKind]norm.Text{
	checklist.OrgMunicipality:    norm.T("gemeente", "municipality"),
	checklist.OrgExecutiveAgency: norm.T("uitvoeringsorganisatie", "executive agency"),
	checklist.OrgMinistry:        norm.T("ministerie", "ministry"),
	checklist.OrgOther:           norm.T("andere organisatie", "other organisation"),
}

// seedTitles names the source documents a finding can rest on.
var seedTitles = map[string]norm.Text{
	"000": norm.T("artikel ‘Een goed gesprek begint bij jezelf’", "article ‘Een goed gesprek begint bij jezelf’"),
	"001": norm.T("IND, eindrapport pilot Goed gesprek (2012)", "IND, final report of the Goed gesprek pilot (2012)"),
	"002": norm.T("nieuwsbericht ‘Klantgerichtheid beperkt agressie’ (2012)", "news item ‘Klantgerichtheid beperkt agressie’ (2012)"),
}

// sourceText renders a finding's source for people: the document, the
// place in it, and the principles; short is the compact form for the text
// report.
func sourceText(s checklist.FindingSource, lang norm.Lang) (full, short string) {
	doc, sdoc := "seed "+s.Document.Seed, "seed "+s.Document.Seed
	if t, ok := seedTitles[s.Document.Seed]; ok {
		doc = t.In(lang)
	}
	if s.Document.Seed == "001" {
		sdoc = norm.T("IND 2012", "IND 2012").In(lang)
	}
	sec, ssec := s.Document.Section, s.Document.Section
	if ch, item, ok := strings.Cut(sec, ", item "); ok {
		sec = norm.Textf("hoofdstuk %s, punt %s", "chapter %s, item %s", ch, item).In(lang)
		ssec = norm.Textf("h. %s punt %s", "ch. %s item %s", ch, item).In(lang)
	} else if sec != "" {
		sec = norm.T("paragraaf ", "section ").In(lang) + sec
		ssec = "§ " + ssec
	}
	full, short = doc, sdoc
	if sec != "" {
		full += ", " + sec
		short += ", " + ssec
	}
	if len(s.Principles) > 0 {
		ps := make([]string, len(s.Principles))
		for i, p := range s.Principles {
			ps[i] = string(p)
		}
		full += " (" + strings.Join(ps, ", ") + ")"
		short += " · " + strings.Join(ps, ", ")
	}
	return full, short
}

// num renders a score to one decimal, with a decimal comma in Dutch.
func num(f float64, lang norm.Lang) string {
	s := strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
	if lang != norm.EN {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func pct(f float64) int { return int(math.Round(f * 100)) }

// newView flattens a report into the strings the renderers show. Every
// string that comes from the input, or from the library's texts that may
// quote it, passes through norm.Printable: the decoder refuses control
// characters, but a report may have been built from an assessment that
// never went through it, and a file name may hold anything. The renderers
// add their own escaping (Markdown, html/template) on top.
func newView(rep *checklist.Report, a *checklist.Assessment, meas measuredInfo) *view {
	p := norm.Printable
	lang := rep.Language
	if lang != norm.EN {
		lang = norm.NL
	}
	v := &view{
		Lang:         lang,
		L:            labelsFor(lang),
		Org:          p(rep.Organisation.Name),
		OrgKind:      kindLabels[rep.Organisation.Kind].In(lang),
		Date:         rep.AssessmentDate.String(),
		Score:        num(rep.Score, lang),
		Rating:       string(rep.Rating),
		RatingLabel:  ratingLabels[rep.Rating].In(lang),
		RatingReason: p(rep.RatingReason),
		Completeness: pct(rep.Completeness),
	}
	v.OrgSize = fmt.Sprintf("%d %s, %d %s", rep.Organisation.ClientFacingEmployees, v.L.Employees, rep.Organisation.Managers, v.L.Managers)
	if a != nil {
		v.Assessor = p(a.Assessor.ID)
		if a.Assessor.Role != "" {
			v.Assessor += " (" + p(a.Assessor.Role) + ")"
		}
	}
	for _, it := range rep.Items {
		iv := itemView{
			ID: p(string(it.ID)), Title: p(it.Title), Score: num(it.Score, lang), ScoreN: it.Score,
			Result: string(it.Result), ResultLabel: resultLabels[it.Result].In(lang), Mark: marks[string(it.Result)],
		}
		for _, cr := range it.Criteria {
			iv.Criteria = append(iv.Criteria, criterionView{
				ID: string(cr.ID), Result: string(cr.Result), ResultLabel: resultLabels[cr.Result].In(lang),
				Mark: marks[string(cr.Result)], Explanation: p(cr.Explanation),
			})
		}
		v.Items = append(v.Items, iv)
	}
	for _, pr := range rep.Principles {
		pv := principleView{ID: string(pr.ID), Title: p(pr.Title), Coverage: pct(pr.Coverage)}
		if strings.HasPrefix(pv.ID, "VPT") {
			v.VPT = append(v.VPT, pv)
		} else {
			v.PC = append(v.PC, pv)
		}
	}
	for i, f := range rep.Findings {
		full, short := sourceText(f.Source, lang)
		msg := f.Message
		if !strings.HasPrefix(msg, string(f.Criterion)) {
			msg = string(f.Criterion) + ": " + msg
		}
		v.Findings = append(v.Findings, findingView{
			N: i + 1, Code: string(f.Code), Criterion: p(string(f.Criterion)), Pointer: p(f.Pointer),
			Message: p(msg), Source: full, Short: short, NextStep: p(f.NextStep), Critical: f.Critical,
		})
	}
	if m := rep.Measured; m != nil {
		L := v.L
		// The criteria whose claims were set beside a measured share.
		claims := map[checklist.MeasuredShare]checklist.CriterionReport{}
		for _, it := range rep.Items {
			for _, cr := range it.Criteria {
				if cr.Measured != nil {
					claims[cr.Measured.Share] = cr
				}
			}
		}
		row := func(label string, s followup.Share, share checklist.MeasuredShare) measuredRow {
			r := measuredRow{Label: label, Num: s.Num, Den: s.Den, Percent: int(math.Round(s.Percent())), Known: s.Known()}
			if cr, ok := claims[share]; ok && share != "" {
				r.Claimed = num(cr.Measured.Claimed, lang) + "%"
				r.Criterion = string(cr.ID)
				r.Result = string(cr.Result)
				r.Mark = marks[r.Result]
			}
			return r
		}
		v.Measured = &measuredView{
			Origin:    p(meas.origin),
			Overdue:   meas.overdue,
			At:        m.At.In(amsterdam).Format("2006-01-02 15:04 MST"),
			Incidents: m.Incidents,
			Rows: []measuredRow{
				row(L.Reactions48h, m.Reactions48h, checklist.MeasuredReactions48h),
				row(L.Police, m.PoliceReports, ""),
				row(L.Aftercare, m.AftercareOnTime, checklist.MeasuredAftercareOnTime),
				row(L.FollowUp, m.FollowUpContact, ""),
				row(L.CauseAnalysis, m.CauseAnalysis, checklist.MeasuredCauseAnalysis),
			},
		}
	}
	return v
}
