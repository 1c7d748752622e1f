package checklist

import (
	"sync"

	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// MeasuredSurvey marks a MeasuredFigure that comes from an employee
// survey round (see WithSurvey) rather than from the register.
const MeasuredSurvey MeasuredShare = "survey"

// WithSurvey passes the figures of an employee survey round
// (survey.Summarize). The survey decides the criteria its questions
// measure (survey.Question.Criteria: GG03-3 backed by the manager, GG05-2
// knowing to report, GG11-3 knowing the norm) the way WithMeasured lets
// the register decide: the report sets the claimed percentage beside the
// surveyed one with its 95% interval, grades the surveyed share, gives a
// finding when the two results differ, and says so when the interval
// straddles a bound of the criterion's threshold, where more respondents
// could tip the result. A figure suppressed for having fewer than
// survey.MinGroup respondents decides nothing; nor does the survey decide
// a criterion the assessment leaves unanswered.
//
// The round must have been held within the assessment's period, the
// twelve months up to and including the assessment date, and must pass
// survey.Round.Check; otherwise Evaluate refuses the option.
func WithSurvey(r survey.Round) EvalOption {
	r = r.Clone()
	return func(c *config) { c.survey = &r }
}

// WithSurveyBaseline passes an earlier round of the same survey, the
// 0-measurement. The report then compares the two rounds question by
// question (survey.Compare), beside the pilot's own 0- and 1-figures
// (seed 001, 4.2). It goes with WithSurvey, and must be from an earlier
// month.
func WithSurveyBaseline(r survey.Round) EvalOption {
	r = r.Clone()
	return func(c *config) { c.surveyBefore = &r }
}

// SurveyReport is the employee survey an evaluation used.
type SurveyReport struct {
	// Round is the figures of the round that decided the survey-based
	// criteria.
	Round survey.Round `json:"round"`
	// Decided lists the criteria the survey decided, in checklist order.
	Decided []CriterionID `json:"decided,omitempty"`
	// Baseline is the earlier round, when given (WithSurveyBaseline).
	Baseline *survey.Round `json:"baseline,omitempty"`
	// Changes compares Baseline with Round per question, with the pilot's
	// figures beside each (seed 001, 4.2).
	Changes []survey.Change `json:"changes,omitempty"`
}

// surveyQuestions maps a criterion's index to the question that measures
// it.
var surveyQuestions = sync.OnceValue(func() map[int]survey.QuestionID {
	m := map[int]survey.QuestionID{}
	for _, q := range survey.Questions() {
		for _, id := range q.Criteria {
			if ci, ok := criterionIdx[CriterionID(id)]; ok {
				m[ci] = q.ID
			}
		}
	}
	return m
})

// surveyProblems checks the survey options against an assessment dated
// date.
func (c *config) surveyProblems(date norm.Date) []norm.Problem {
	var ps []norm.Problem
	bad := func(nl, en string) { ps = append(ps, optionProblem(nl, en)) }
	check := func(name string, r *survey.Round) {
		for _, p := range r.Check() {
			ps = append(ps, norm.Problem{Code: p.Code, Message: norm.T(
				name+": "+p.Pointer+": "+p.Message.NL, name+": "+p.Pointer+": "+p.Message.EN)})
		}
	}
	if c.survey == nil {
		if c.surveyBefore != nil {
			bad("WithSurveyBaseline hoort bij WithSurvey: een nulmeting alleen beslist niets",
				"WithSurveyBaseline goes with WithSurvey: a baseline alone decides nothing")
		}
		return ps
	}
	check("WithSurvey", c.survey)
	if b := c.surveyBefore; b != nil {
		check("WithSurveyBaseline", b)
		if b.Round.Valid() && c.survey.Round.Valid() && !b.Round.First().Before(c.survey.Round.First()) {
			bad("WithSurveyBaseline: de nulmeting ("+b.Round.String()+") moet vóór de meting ("+c.survey.Round.String()+") liggen",
				"WithSurveyBaseline: the baseline ("+b.Round.String()+") must come before the round ("+c.survey.Round.String()+")")
		}
	}
	if !date.Valid() || !c.survey.Round.Valid() {
		return ps
	}
	per := followup.YearTo(date)
	if m := c.survey.Round; m.Last().Before(per.From) || m.First().After(per.To) {
		bad("WithSurvey: de meting van "+m.String()+" valt buiten de twaalf maanden van de beoordeling, "+per.String(),
			"WithSurvey: the round of "+m.String()+" lies outside the assessment's twelve months, "+per.String())
	}
	return ps
}

// surveyDecides lets the survey decide criterion ci, when it measures it,
// the claim was answered and the figure is not suppressed.
func surveyDecides(j *judgement, ci int, t Threshold, r *survey.Round) {
	qid, ok := surveyQuestions()[ci]
	if !ok || !j.answered || j.measured {
		return
	}
	f, ok := r.Figure(qid)
	s, known := f.Share()
	if !ok || !known {
		return
	}
	e := f.Estimate
	share := 100 * s
	j.measured, j.surveyed = true, true
	j.claimRes, j.claimed = j.result, j.number
	j.share = followup.Share{Num: e.Positive, Den: f.Respondents}
	j.number = round1(share)
	j.low, j.high = e.Low, e.High
	j.result = grade(share, t, false)
	for _, b := range [2]float64{t.Met, t.Partial} {
		if e.Low < b && b <= e.High && b > 0 {
			j.straddles = b
			break
		}
	}
}

var surveyPhr = [2]struct{ claimed, surveyed, interval, decides, straddle, claims, butShows string }{
	{
		claimed: "geclaimd ", surveyed: ", volgens de medewerkersenquête ", interval: ", 95%-interval ",
		decides: "; de enquête beslist", straddle: "; het interval omvat de grens van ",
		claims: ": de zelfevaluatie claimt ", butShows: "), maar de medewerkersenquête laat ",
	},
	{
		claimed: "claimed ", surveyed: ", employee survey ", interval: ", 95% interval ",
		decides: "; the survey decides", straddle: "; the interval straddles the bound of ",
		claims: ": the self-assessment claims ", butShows: "), but the employee survey shows ",
	},
}

// appendSurveyExplanation writes the explanation of a criterion the
// survey decided: "claimed 97%, employee survey 92.5% (37 of 40, 95%
// interval 80.1–97.4%) know to report; the survey decides".
func appendSurveyExplanation(b []byte, c *Criterion, j *judgement, li int) []byte {
	p := &surveyPhr[li]
	b = appendClaimedAndShare(b, j, li, p.claimed, p.surveyed)
	b = append(b, p.interval...)
	b = appendNum(b, j.low, li)
	b = append(b, "–"...)
	b = appendNum(b, j.high, li)
	b = append(b, "%) "...)
	b = append(b, c.Unit.In(langs[li])...)
	b = append(b, p.decides...)
	if j.straddles > 0 {
		b = append(b, p.straddle...)
		b = appendNum(b, j.straddles, li)
		b = append(b, '%')
	}
	return b
}

// appendSurveyMessage writes the finding of a claim the survey
// contradicts.
func appendSurveyMessage(b []byte, c *Criterion, j *judgement, li int) []byte {
	p := &surveyPhr[li]
	b = appendClaimBeside(b, c, j, li, p.claims, p.butShows)
	b = append(b, surveyPhr[li].interval...)
	b = appendNum(b, j.low, li)
	b = append(b, "–"...)
	b = appendNum(b, j.high, li)
	b = append(b, '%')
	b = append(b, msgPhr[li].so...)
	b = append(b, resultWord(j.result, li)...)
	if j.straddles > 0 {
		b = append(b, p.straddle...)
		b = appendNum(b, j.straddles, li)
		b = append(b, '%')
	}
	b = append(b, '.')
	return b
}

var surveyNext = [2]string{
	"Zoek uit waarom zelfevaluatie en enquête verschillen, werk aan wat medewerkers missen, en neem voortaan het cijfer uit de enquête over.",
	"Find out why the self-assessment and the survey differ, work on what employees miss, and report the survey's figure from now on.",
}

// surveyReport builds the report's survey section.
func surveyReport(cfg *config, js []judgement) *SurveyReport {
	if cfg.survey == nil {
		return nil
	}
	sr := &SurveyReport{Round: cfg.survey.Clone()}
	for ci, c := range criteria {
		if js[ci].surveyed {
			sr.Decided = append(sr.Decided, c.ID)
		}
	}
	if b := cfg.surveyBefore; b != nil {
		base := b.Clone()
		sr.Baseline = &base
		sr.Changes, _ = survey.Compare(base, sr.Round) // both checked by surveyProblems
	}
	return sr
}

func surveyQuestionIDs() []survey.QuestionID {
	qs := survey.Questions()
	ids := make([]survey.QuestionID, len(qs))
	for i, q := range qs {
		ids[i] = q.ID
	}
	return ids
}
