package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// Measured is what the report does not say about the measured data:
// where they came from and how many actions are overdue.
type Measured struct {
	Origin  string // the register's file name, without its directory
	Overdue int
	Norm    string // the norm document's file name (evaluate -norm), without its directory
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

// New flattens a report into the strings the renderers show, in the
// report's language. The assessment may be nil (then no assessor is shown).
func New(rep *checklist.Report, a *checklist.Assessment, meas Measured) *View {
	// Every string that comes from the input, or from the library's texts
	// that may quote it, passes through norm.Printable: the decoder refuses
	// control characters, but a report may have been built from an
	// assessment that never went through it, and a file name may hold
	// anything. The renderers add their own escaping (Markdown,
	// html/template) on top.
	p := norm.Printable
	lang := rep.Language
	if lang != norm.EN {
		lang = norm.NL
	}
	v := &View{
		Lang:         lang,
		L:            LabelsFor(lang),
		Org:          p(rep.Organisation.Name),
		OrgKind:      kindLabels[rep.Organisation.Kind].In(lang),
		Date:         rep.AssessmentDate.String(),
		Score:        num(rep.Score, lang),
		Rating:       string(rep.Rating),
		RatingLabel:  ratingLabels[rep.Rating].In(lang),
		RatingReason: p(rep.RatingReason),
		Completeness: pct(rep.Completeness),
		Norm:         normView(rep, meas.Norm, lang),
		Policy:       policyLine(rep, lang),
	}
	v.OrgSize = fmt.Sprintf("%d %s, %d %s", rep.Organisation.ClientFacingEmployees, v.L.Employees, rep.Organisation.Managers, v.L.Managers)
	if a != nil {
		v.Assessor = p(a.Assessor.ID)
		if a.Assessor.Role != "" {
			v.Assessor += " (" + p(a.Assessor.Role) + ")"
		}
	}
	for _, it := range rep.Items {
		iv := ItemView{
			ID: p(string(it.ID)), Title: p(it.Title), Score: num(it.Score, lang), ScoreN: it.Score,
			Result: string(it.Result), ResultLabel: resultLabels[it.Result].In(lang), Mark: Marks[string(it.Result)],
		}
		for _, cr := range it.Criteria {
			iv.Criteria = append(iv.Criteria, CriterionView{
				ID: string(cr.ID), Result: string(cr.Result), ResultLabel: resultLabels[cr.Result].In(lang),
				Mark: Marks[string(cr.Result)], Explanation: p(cr.Explanation),
			})
		}
		v.Items = append(v.Items, iv)
	}
	for _, pr := range rep.Principles {
		pv := PrincipleView{ID: string(pr.ID), Title: p(pr.Title), Coverage: pct(pr.Coverage)}
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
		v.Findings = append(v.Findings, FindingView{
			N: i + 1, Code: string(f.Code), Criterion: p(string(f.Criterion)), Pointer: p(f.Pointer),
			Message: p(msg), Source: full, Short: short, NextStep: p(f.NextStep), Critical: f.Critical,
		})
	}
	v.Survey = newSurveyView(rep, lang)
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
		row := func(label string, s followup.Share, share checklist.MeasuredShare) MeasuredRow {
			r := MeasuredRow{Label: label, Num: s.Num, Den: s.Den, Percent: int(math.Round(s.Percent())), Known: s.Known()}
			if cr, ok := claims[share]; ok && share != "" {
				r.Claimed = num(cr.Measured.Claimed, lang) + "%"
				r.Criterion = string(cr.ID)
				r.Result = string(cr.Result)
				r.Mark = Marks[r.Result]
			}
			return r
		}
		v.Measured = &MeasuredView{
			Origin:    p(meas.Origin),
			Period:    m.Period.From.String() + " – " + m.Period.To.String(),
			Overdue:   meas.Overdue,
			At:        m.At.In(cli.Amsterdam).Format("2006-01-02 15:04 MST"),
			Incidents: m.Incidents,
			Rows: []MeasuredRow{
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
