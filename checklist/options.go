package checklist

import (
	"math"
	"slices"

	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/normdoc"
)

// DefaultMaxEvidenceAge is the default maximum age of evidence, in months
// before the assessment date. Two years leaves room for one missed yearly
// review (the catalogue expects policies and surveys to be renewed every
// year) and matches GG10-1's partial band; older evidence is reported as
// evidence_stale.
const DefaultMaxEvidenceAge = 24

// EvalOption changes how Evaluate judges an assessment. Options are
// checked when Evaluate runs; a bad option is reported in its *norm.Error.
type EvalOption func(*config)

type config struct {
	lang        norm.Lang
	itemWeights map[ItemID]float64
	critWeights map[CriterionID]float64
	thresholds  map[CriterionID]Threshold
	maxAge      int
	measured    *followup.Summary
	normDoc     *normdoc.Document

	// The employee survey: WithSurvey and WithSurveyBaseline.
	survey, surveyBefore *survey.Round
}

// WithLang sets the language of the report's texts (default Dutch).
func WithLang(l norm.Lang) EvalOption { return func(c *config) { c.lang = l } }

// WithWeights overrides item weights. A weight of 0 leaves the item out of
// the overall score; negative or non-finite weights are refused.
func WithWeights(w map[ItemID]float64) EvalOption {
	return func(c *config) { c.itemWeights = w }
}

// WithCriterionWeights overrides criterion weights within their items. A
// weight of 0 leaves the criterion out of its item's score.
func WithCriterionWeights(w map[CriterionID]float64) EvalOption {
	return func(c *config) { c.critWeights = w }
}

// WithThresholds overrides the thresholds of criteria whose rule uses one
// (see RuleKind.UsesThreshold). Bounds must lie in the answer's range and
// the partial bound may not be stricter than the met bound.
func WithThresholds(t map[CriterionID]Threshold) EvalOption {
	return func(c *config) { c.thresholds = t }
}

// WithMaxEvidenceAge sets the maximum age of evidence in months (default
// DefaultMaxEvidenceAge); 0 switches the age check off.
func WithMaxEvidenceAge(months int) EvalOption {
	return func(c *config) { c.maxAge = months }
}

// WithMeasured passes data measured from the incident register and the
// follow-up (followup.Summary). Where a share is known, it decides the
// result of the claim it measures (GG05-3 cause analysis, GG12-1 reactions
// within 48 hours, GG13-1 aftercare on time), and a finding states both
// figures when the two give different results.
//
// The summary must cover the assessment's period: the twelve months up to
// and including the assessment date, followup.YearTo(a.Date), measured
// with followup.SummarizeIn. A summary without a period, or over another
// one, is refused: figures of another year, or of the whole register,
// would decide this year's claims without anyone seeing it.
func WithMeasured(s followup.Summary) EvalOption {
	return func(c *config) { c.measured = &s }
}

func optionProblem(nl, en string) norm.Problem {
	return norm.Problem{Code: norm.CodeRange, Message: norm.T(nl, en)}
}

// check validates the options against an assessment of organisation org
// dated date and returns their problems.
func (c *config) check(date norm.Date, org string) []norm.Problem {
	var ps []norm.Problem
	if c.lang != norm.NL && c.lang != norm.EN {
		ps = append(ps, norm.Problem{Code: norm.CodeEnum, Message: norm.Textf(
			"WithLang: onbekende taal %q; toegestaan: nl, en", "WithLang: unknown language %q; allowed: nl, en", string(c.lang))})
	}
	if c.maxAge < 0 {
		ps = append(ps, optionProblem("WithMaxEvidenceAge: het aantal maanden mag niet negatief zijn", "WithMaxEvidenceAge: the number of months may not be negative"))
	}
	for _, id := range sortedKeys(c.itemWeights) {
		w := c.itemWeights[id]
		if _, ok := itemIndex[id]; !ok {
			ps = append(ps, norm.Problem{Code: norm.CodeEnum, Message: norm.Textf(
				"WithWeights: onbekend item %q", "WithWeights: unknown item %q", string(id))})
		} else if !(w >= 0) || math.IsInf(w, 0) {
			ps = append(ps, norm.Problem{Code: norm.CodeRange, Message: norm.Textf(
				"WithWeights: gewicht van %s moet een eindig getal >= 0 zijn", "WithWeights: the weight of %s must be a finite number >= 0", string(id))})
		}
	}
	for _, id := range sortedKeys(c.critWeights) {
		w := c.critWeights[id]
		if _, ok := criterionIdx[id]; !ok {
			ps = append(ps, norm.Problem{Code: norm.CodeEnum, Message: unknownCriterion("WithCriterionWeights: ", id)})
		} else if !(w >= 0) || math.IsInf(w, 0) {
			ps = append(ps, norm.Problem{Code: norm.CodeRange, Message: norm.Textf(
				"WithCriterionWeights: gewicht van %s moet een eindig getal >= 0 zijn", "WithCriterionWeights: the weight of %s must be a finite number >= 0", string(id))})
		}
	}
	for _, id := range sortedKeys(c.thresholds) {
		i, ok := criterionIdx[id]
		if !ok {
			ps = append(ps, norm.Problem{Code: norm.CodeEnum, Message: unknownCriterion("WithThresholds: ", id)})
			continue
		}
		if msg, bad := thresholdProblem(criteria[i], c.thresholds[id]); bad {
			ps = append(ps, norm.Problem{Code: norm.CodeRange, Message: norm.T(
				"WithThresholds: "+string(id)+": "+msg.NL, "WithThresholds: "+string(id)+": "+msg.EN)})
		}
	}
	if m := c.measured; m != nil {
		for _, s := range []struct {
			name  string
			share followup.Share
		}{
			{"reactions_48h", m.Reactions48h}, {"aftercare_on_time", m.AftercareOnTime},
			{"cause_analysis", m.CauseAnalysis}, {"police_reports", m.PoliceReports},
			{"follow_up_contact", m.FollowUpContact},
		} {
			if s.share.Num < 0 || s.share.Den < 0 || s.share.Num > s.share.Den {
				ps = append(ps, norm.Problem{Code: norm.CodeRange, Message: norm.Textf(
					"WithMeasured: %s moet 0 <= num <= den hebben, niet %d van %d", "WithMeasured: %s must have 0 <= num <= den, not %d of %d",
					s.name, s.share.Num, s.share.Den)})
			}
		}
		ps = append(ps, periodProblems(m.Period, date)...)
	}
	if c.normDoc != nil {
		ps = append(ps, normProblems(c.normDoc, date, org)...)
	}
	ps = append(ps, c.surveyProblems(date)...)
	return ps
}

// periodProblems says what is wrong with the period of a measured summary
// for an assessment dated date. An invalid date is validate's to report.
func periodProblems(got followup.Period, date norm.Date) []norm.Problem {
	if !date.Valid() {
		return nil
	}
	want := followup.YearTo(date)
	switch {
	case got.IsZero():
		return []norm.Problem{optionProblem(
			"WithMeasured: de meting noemt geen periode; tel de incidenten van "+want.String()+" (followup.SummarizeIn met followup.YearTo van de beoordelingsdatum)",
			"WithMeasured: the summary names no period; count the incidents of "+want.String()+" (followup.SummarizeIn with followup.YearTo of the assessment date)")}
	case got != want:
		return []norm.Problem{optionProblem(
			"WithMeasured: de meting gaat over "+got.String()+", de beoordeling over de twaalf maanden "+want.String(),
			"WithMeasured: the summary covers "+got.String()+", the assessment the twelve months "+want.String())}
	}
	return nil
}

// thresholdProblem says what is wrong with t as a threshold of c.
func thresholdProblem(c *Criterion, t Threshold) (norm.Text, bool) {
	if !c.Rule.Kind.UsesThreshold() {
		return norm.T("dit criterium heeft geen drempel", "this criterion has no threshold"), true
	}
	for _, v := range [2]float64{t.Met, t.Partial} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return norm.T("drempels moeten eindige getallen >= 0 zijn", "thresholds must be finite numbers >= 0"), true
		}
	}
	switch c.Rule.Kind {
	case RuleAtLeast, RuleCoverage:
		if (c.Type == TypePercent || c.Rule.Kind == RuleCoverage) && t.Met > 100 {
			return norm.T("een percentage ligt tussen 0 en 100", "a percentage lies between 0 and 100"), true
		}
	case RuleCount:
		if n := float64(len(c.Options)); t.Met > n {
			return norm.Textf("er zijn maar %d opties", "there are only %d options", len(c.Options)), true
		}
	}
	if c.Rule.Kind.lowerIsBetter() {
		if t.Partial < t.Met {
			return norm.T("de grens voor deels voldaan mag niet strenger zijn dan die voor voldaan", "the partly-met bound may not be stricter than the met bound"), true
		}
	} else if t.Partial > t.Met {
		return norm.T("de grens voor deels voldaan mag niet strenger zijn dan die voor voldaan", "the partly-met bound may not be stricter than the met bound"), true
	}
	return norm.Text{}, false
}

func sortedKeys[K ~string, V any](m map[K]V) []K {
	if len(m) == 0 {
		return nil
	}
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
