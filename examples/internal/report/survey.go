package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/norm"
)

// SurveyView is the employee survey of a report: the criteria it decided,
// and per question this round's figure, the baseline's, the change and
// its test, and the pilot's own figures.
type SurveyView struct {
	L                   SurveyLabels
	Round               string
	Respondents         int
	Baseline            string // empty without a baseline
	BaselineRespondents int
	Decided             []SurveyDecided
	Rows                []SurveyRow
}

// SurveyDecided is a criterion the survey decided, with the claim beside
// the surveyed share.
type SurveyDecided struct {
	Criterion, Mark, Result, Claimed, Surveyed, Interval string
}

// SurveyRow is one question.
type SurveyRow struct {
	Theme       string // set on the first question of a theme
	Question    string // the short label
	ID          string
	After       string // "20%", or "–" when suppressed
	Interval    string // "11–35%"
	Before      string // empty without a baseline
	Change      string // "−15 pt"
	P           string // "0.133"
	Test        string // "z" or "F"
	Significant bool
	Trend       string // "better", "worse" or ""
	Arrow       string // ↑ ↓ or ""
	Pilot       string // "36→19%"
	Criteria    string // the criteria the question decides
}

// SurveyLabels are the survey section's words.
type SurveyLabels struct {
	Title, Round, Respondents, Baseline, Question, Interval, Change, P, Pilot, Decides, Claimed, Surveyed, Legend string
}

var surveyLabelsNL = SurveyLabels{
	Title: "Medewerkersenquête", Round: "Meting", Respondents: "respondenten", Baseline: "nulmeting",
	Question: "Vraag", Interval: "95%-int.", Change: "verschil", P: "p", Pilot: "pilot 0→1",
	Decides: "Beslist", Claimed: "geclaimd", Surveyed: "enquête",
	Legend: "Aandeel positieve antwoorden. * p < 0,05; z: toets op twee proporties, F: exacte toets van Fisher (kleine aantallen). – : minder dan 10 respondenten, geen cijfer. ↑ beter, ↓ slechter. Pilot: IND, eindrapport pilot Goed gesprek (2012), par. 4.2, 40 deelnemers (seed 001).",
}

var surveyLabelsEN = SurveyLabels{
	Title: "Employee survey", Round: "Round", Respondents: "respondents", Baseline: "baseline",
	Question: "Question", Interval: "95% int.", Change: "change", P: "p", Pilot: "pilot 0→1",
	Decides: "Decides", Claimed: "claimed", Surveyed: "survey",
	Legend: "Share of positive answers. * p < 0.05; z: two-proportion z-test, F: Fisher's exact test (small numbers). – : fewer than 10 respondents, no figure. ↑ better, ↓ worse. Pilot: IND, final report of the Goed gesprek pilot (2012), section 4.2, 40 participants (seed 001).",
}

func decimal(s string, lang norm.Lang) string {
	if lang != norm.EN {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}

func whole(x float64) string { return strconv.Itoa(int(math.Round(x))) }

// newSurveyView flattens the report's survey section; nil without one.
func newSurveyView(rep *checklist.Report, lang norm.Lang) *SurveyView {
	s := rep.Survey
	if s == nil {
		return nil
	}
	v := &SurveyView{L: surveyLabelsNL, Round: s.Round.Round.String(), Respondents: s.Round.Respondents}
	if lang == norm.EN {
		v.L = surveyLabelsEN
	}
	for _, it := range rep.Items {
		for _, cr := range it.Criteria {
			if m := cr.Measured; m != nil && m.Share == checklist.MeasuredSurvey {
				v.Decided = append(v.Decided, SurveyDecided{
					Criterion: string(cr.ID), Mark: Marks[string(cr.Result)], Result: string(cr.Result),
					Claimed: num(m.Claimed, lang) + "%", Surveyed: num(m.Percent, lang) + "%",
					Interval: num(m.Low, lang) + "–" + num(m.High, lang) + "%",
				})
			}
		}
	}
	changes := map[survey.QuestionID]survey.Change{}
	if s.Baseline != nil {
		v.Baseline, v.BaselineRespondents = s.Baseline.Round.String(), s.Baseline.Respondents
		for _, c := range s.Changes {
			changes[c.Question] = c
		}
	}
	var theme survey.Theme
	for _, q := range survey.Questions() {
		f, _ := s.Round.Figure(q.ID)
		r := SurveyRow{
			Question: q.Short.In(lang), ID: string(q.ID), After: "–",
			Pilot:    whole(q.Pilot.Before) + "→" + whole(q.Pilot.After) + "%",
			Criteria: strings.Join(q.Criteria, ", "),
		}
		if q.Theme != theme {
			theme, r.Theme = q.Theme, q.Theme.Title().In(lang)
		}
		if e := f.Estimate; e != nil {
			r.After = whole(e.Percent) + "%"
			r.Interval = whole(e.Low) + "–" + whole(e.High) + "%"
		}
		if s.Baseline != nil {
			r.Before = "–"
			c := changes[q.ID]
			if e := c.Before.Estimate; e != nil {
				r.Before = whole(e.Percent) + "%"
			}
			if c := c.Difference; c != nil {
				sign := "+"
				if c.Points < 0 {
					sign = "−"
				}
				if c.Points == 0 {
					sign = "±"
				}
				r.Change = sign + whole(math.Abs(c.Points)) + " pt"
				r.P = decimal(fmt.Sprintf("%.3f", c.P), lang)
				if c.P < 0.001 {
					r.P = decimal("<0.001", lang)
				}
				r.Test = "z"
				if c.Test == survey.TestFisher {
					r.Test = "F"
				}
				r.Significant = c.Significant
				switch {
				case c.Points != 0 && c.Improved:
					r.Trend, r.Arrow = "better", "↑"
				case c.Points != 0:
					r.Trend, r.Arrow = "worse", "↓"
				}
			}
		}
		v.Rows = append(v.Rows, r)
	}
	return v
}
