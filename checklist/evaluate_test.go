package checklist_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// updating reports whether -update ("rewrite golden files") was given. The
// flag is registered once per test binary: schema_test.go, in the internal
// test package whose init runs first, may already have done it.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

type wantProblem struct {
	pointer string
	code    norm.ProblemCode
}

func requireProblems(tb testing.TB, err error, want ...wantProblem) *norm.Error {
	tb.Helper()
	require.Error(tb, err)
	require.ErrorIs(tb, err, norm.ErrInvalid)
	var e *norm.Error
	require.ErrorAs(tb, err, &e)
	assert.Equal(tb, "checklist.Evaluate", e.Op)
	for _, w := range want {
		assert.True(tb, e.Has(w.pointer, w.code), "want %s at %q; got:\n%s", w.code, w.pointer, e.Error())
	}
	for _, p := range e.Problems {
		assert.True(tb, p.Message.Complete(), "bilingual message for %s", p.Pointer)
	}
	return e
}

func TestEvaluateInvalidInput(t *testing.T) {
	ans := func(id checklist.CriterionID, v checklist.Value) func(*checklist.Assessment) {
		return func(a *checklist.Assessment) { a.Answers[id] = checklist.Answer{Value: v} }
	}
	evid := func(e checklist.Evidence) func(*checklist.Assessment) {
		return func(a *checklist.Assessment) {
			a.Answers["GG05-1"] = checklist.Answer{Value: checklist.Bool(true), Evidence: []checklist.Evidence{
				{Title: "Goed", Reference: "x", Date: assessDate}, e,
			}}
		}
	}
	tests := []struct {
		name   string
		mutate func(*checklist.Assessment)
		want   wantProblem
	}{
		{"unknown criterion", ans("GG99-1", checklist.Bool(true)), wantProblem{"/answers/GG99-1", norm.CodeUnknownField}},
		{"item id as criterion", ans("GG01", checklist.Bool(true)), wantProblem{"/answers/GG01", norm.CodeUnknownField}},
		{"id with slash is escaped", ans("GG01/1", checklist.Bool(true)), wantProblem{"/answers/GG01~11", norm.CodeUnknownField}},
		{"bool wants bool", ans("GG02-3", checklist.Number(1)), wantProblem{"/answers/GG02-3/value", norm.CodeType}},
		{"choice wants string", ans("GG01-2", checklist.Multi("both")), wantProblem{"/answers/GG01-2/value", norm.CodeType}},
		{"choice not an option", ans("GG01-2", checklist.Choice("all")), wantProblem{"/answers/GG01-2/value", norm.CodeEnum}},
		{"choice case matters", ans("GG01-2", checklist.Choice("Both")), wantProblem{"/answers/GG01-2/value", norm.CodeEnum}},
		{"multi wants list", ans("GG04-2", checklist.Choice("intranet")), wantProblem{"/answers/GG04-2/value", norm.CodeType}},
		{"multi unknown code", ans("GG04-2", checklist.Multi("intranet", "fax")), wantProblem{"/answers/GG04-2/value/1", norm.CodeEnum}},
		{"multi duplicate", ans("GG04-2", checklist.Multi("intranet", "posters", "intranet")), wantProblem{"/answers/GG04-2/value/2", norm.CodeDuplicate}},
		{"behaviour not in catalogue", ans("GG11-1", checklist.Multi("swearing", "staring")), wantProblem{"/answers/GG11-1/value/1", norm.CodeEnum}},
		{"percent wants number", ans("GG01-1", checklist.Choice("82%")), wantProblem{"/answers/GG01-1/value", norm.CodeType}},
		{"percent above 100", ans("GG01-1", checklist.Number(100.5)), wantProblem{"/answers/GG01-1/value", norm.CodeRange}},
		{"percent below 0", ans("GG01-1", checklist.Number(-1)), wantProblem{"/answers/GG01-1/value", norm.CodeRange}},
		{"percent NaN", ans("GG01-1", checklist.Number(math.NaN())), wantProblem{"/answers/GG01-1/value", norm.CodeRange}},
		{"count negative", ans("GG05-4", checklist.Number(-2)), wantProblem{"/answers/GG05-4/value", norm.CodeRange}},
		{"count not whole", ans("GG05-4", checklist.Number(1.5)), wantProblem{"/answers/GG05-4/value", norm.CodeType}},
		{"count huge", ans("GG05-4", checklist.Number(1e12)), wantProblem{"/answers/GG05-4/value", norm.CodeRange}},
		{"count infinite", ans("GG14-3", checklist.Number(math.Inf(1))), wantProblem{"/answers/GG14-3/value", norm.CodeRange}},
		{"count wants number", ans("GG14-3", checklist.Bool(true)), wantProblem{"/answers/GG14-3/value", norm.CodeType}},
		{"date wants string", ans("GG10-1", checklist.Number(2024)), wantProblem{"/answers/GG10-1/value", norm.CodeType}},
		{"date does not exist", ans("GG10-1", checklist.Choice("2024-02-30")), wantProblem{"/answers/GG10-1/value", norm.CodeDate}},
		{"date badly written", ans("GG10-1", checklist.Choice("1 maart 2024")), wantProblem{"/answers/GG10-1/value", norm.CodeFormat}},
		{"date with time", ans("GG10-1", checklist.Choice("2024-03-01T10:00:00Z")), wantProblem{"/answers/GG10-1/value", norm.CodeFormat}},
		{"date after assessment", ans("GG10-1", checklist.Choice("2025-03-15")), wantProblem{"/answers/GG10-1/value", norm.CodeFuture}},
		{"evidence after assessment", evid(checklist.Evidence{Title: "Later", Date: norm.Date{Year: 2025, Month: 4, Day: 1}}), wantProblem{"/answers/GG05-1/evidence/1/date", norm.CodeFuture}},
		{"evidence without title", evid(checklist.Evidence{Title: "  ", Date: assessDate}), wantProblem{"/answers/GG05-1/evidence/1/title", norm.CodeRequired}},
		{"evidence without date", evid(checklist.Evidence{Title: "Beleid"}), wantProblem{"/answers/GG05-1/evidence/1/date", norm.CodeRequired}},
		{"evidence date does not exist", evid(checklist.Evidence{Title: "Beleid", Date: norm.Date{Year: 2024, Month: 2, Day: 30}}), wantProblem{"/answers/GG05-1/evidence/1/date", norm.CodeDate}},
		{"no organisation name", func(a *checklist.Assessment) { a.Organisation.Name = " " }, wantProblem{"/organisation/name", norm.CodeRequired}},
		{"no organisation kind", func(a *checklist.Assessment) { a.Organisation.Kind = "" }, wantProblem{"/organisation/kind", norm.CodeRequired}},
		{"unknown organisation kind", func(a *checklist.Assessment) { a.Organisation.Kind = "province" }, wantProblem{"/organisation/kind", norm.CodeEnum}},
		{"negative employees", func(a *checklist.Assessment) { a.Organisation.ClientFacingEmployees = -1 }, wantProblem{"/organisation/client_facing_employees", norm.CodeRange}},
		{"negative managers", func(a *checklist.Assessment) { a.Organisation.Managers = -3 }, wantProblem{"/organisation/managers", norm.CodeRange}},
		{"zero assessment date", func(a *checklist.Assessment) { a.Date = norm.Date{} }, wantProblem{"/assessment_date", norm.CodeRequired}},
		{"impossible assessment date", func(a *checklist.Assessment) { a.Date = norm.Date{Year: 2025, Month: 13, Day: 1} }, wantProblem{"/assessment_date", norm.CodeDate}},
		{"unknown version", func(a *checklist.Assessment) { a.Version = "2" }, wantProblem{"/version", norm.CodeEnum}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := baseAssessment(bestAnswers(t))
			tt.mutate(&a)
			r, err := checklist.Evaluate(a)
			e := requireProblems(t, err, tt.want)
			assert.Len(t, e.Problems, 1, "only the one problem: %s", e)
			assert.Zero(t, r.Score)
			assert.Nil(t, r.Items, "no report with an error")
		})
	}
}

// Every problem is listed at once, sorted by pointer.
func TestEvaluateListsEveryProblem(t *testing.T) {
	a := baseAssessment(map[checklist.CriterionID]checklist.Answer{
		"GG01-1": {Value: checklist.Number(120)},
		"GG04-2": {Value: checklist.Multi("fax", "fax")},
		"GG77-7": {Value: checklist.Bool(true)},
		"GG00-0": {Value: checklist.Bool(true)},
	})
	a.Organisation.Name = ""
	a.Date = norm.Date{}
	_, err := checklist.Evaluate(a, checklist.WithLang("de"))
	e := requireProblems(t, err,
		wantProblem{"/answers/GG01-1/value", norm.CodeRange},
		wantProblem{"/answers/GG04-2/value/0", norm.CodeEnum},
		wantProblem{"/answers/GG04-2/value/1", norm.CodeEnum},
		wantProblem{"/answers/GG77-7", norm.CodeUnknownField},
		wantProblem{"/answers/GG00-0", norm.CodeUnknownField},
		wantProblem{"/organisation/name", norm.CodeRequired},
		wantProblem{"/assessment_date", norm.CodeRequired},
		wantProblem{"", norm.CodeEnum},
	)
	assert.Len(t, e.Problems, 8)
	assert.True(t, slices.IsSortedFunc(e.Problems, func(x, y norm.Problem) int { return strings.Compare(x.Pointer, y.Pointer) }))
	assert.Contains(t, e.In(norm.NL), "8 problemen")
}

func TestEvaluateInvalidOptions(t *testing.T) {
	tests := []struct {
		name string
		opt  checklist.EvalOption
		code norm.ProblemCode
		text string
	}{
		{"language", checklist.WithLang("de"), norm.CodeEnum, "WithLang"},
		{"unknown item weight", checklist.WithWeights(map[checklist.ItemID]float64{"GG15": 1}), norm.CodeEnum, "GG15"},
		{"negative item weight", checklist.WithWeights(map[checklist.ItemID]float64{"GG01": -1}), norm.CodeRange, "GG01"},
		{"NaN item weight", checklist.WithWeights(map[checklist.ItemID]float64{"GG01": math.NaN()}), norm.CodeRange, "GG01"},
		{"infinite criterion weight", checklist.WithCriterionWeights(map[checklist.CriterionID]float64{"GG01-1": math.Inf(1)}), norm.CodeRange, "GG01-1"},
		{"unknown criterion weight", checklist.WithCriterionWeights(map[checklist.CriterionID]float64{"GG01-9": 1}), norm.CodeEnum, "GG01-9"},
		{"threshold of unknown criterion", checklist.WithThresholds(map[checklist.CriterionID]checklist.Threshold{"GG01-9": {Met: 1}}), norm.CodeEnum, "GG01-9"},
		{"weight under an old dotted ID", checklist.WithCriterionWeights(map[checklist.CriterionID]float64{"GG01.1": 1}), norm.CodeEnum, `WithCriterionWeights: "GG01.1" is the old spelling of a criterion ID; use GG01-1`},
		{"threshold under an old dotted ID", checklist.WithThresholds(map[checklist.CriterionID]checklist.Threshold{"GG01.1": {Met: 90, Partial: 50}}), norm.CodeEnum, `WithThresholds: "GG01.1" is the old spelling of a criterion ID; use GG01-1`},
		{"threshold of a yes/no criterion", checklist.WithThresholds(map[checklist.CriterionID]checklist.Threshold{"GG05-1": {Met: 1}}), norm.CodeRange, "GG05-1"},
		{"partial stricter than met", checklist.WithThresholds(map[checklist.CriterionID]checklist.Threshold{"GG01-1": {Met: 80, Partial: 90}}), norm.CodeRange, "GG01-1"},
		{"recency partial stricter", checklist.WithThresholds(map[checklist.CriterionID]checklist.Threshold{"GG10-1": {Met: 12, Partial: 6}}), norm.CodeRange, "GG10-1"},
		{"percent threshold over 100", checklist.WithThresholds(map[checklist.CriterionID]checklist.Threshold{"GG01-1": {Met: 101, Partial: 50}}), norm.CodeRange, "GG01-1"},
		{"more options than exist", checklist.WithThresholds(map[checklist.CriterionID]checklist.Threshold{"GG09-1": {Met: 4, Partial: 1}}), norm.CodeRange, "GG09-1"},
		{"negative threshold", checklist.WithThresholds(map[checklist.CriterionID]checklist.Threshold{"GG05-4": {Met: 1, Partial: -1}}), norm.CodeRange, "GG05-4"},
		{"negative evidence age", checklist.WithMaxEvidenceAge(-1), norm.CodeRange, "WithMaxEvidenceAge"},
		{"measured num above den", checklist.WithMeasured(followup.Summary{Period: period2025, Reactions48h: followup.Share{Num: 5, Den: 4}}), norm.CodeRange, "reactions_48h"},
		{"measured negative", checklist.WithMeasured(followup.Summary{Period: period2025, CauseAnalysis: followup.Share{Num: -1, Den: 4}}), norm.CodeRange, "cause_analysis"},
		// Figures of the whole register, or of another year, would decide
		// this year's claims unseen.
		{"measured without a period", checklist.WithMeasured(followup.Summary{Reactions48h: followup.Share{Num: 4, Den: 4}}), norm.CodeRange, "names no period; count the incidents of 2024-03-15/2025-03-14"},
		{"measured over the calendar year", checklist.WithMeasured(followup.Summary{Period: followup.Period{From: norm.Date{Year: 2024, Month: 1, Day: 1}, To: norm.Date{Year: 2024, Month: 12, Day: 31}}}), norm.CodeRange, "covers 2024-01-01/2024-12-31, the assessment the twelve months 2024-03-15/2025-03-14"},
		{"measured over a year too early", checklist.WithMeasured(followup.Summary{Period: followup.YearTo(norm.Date{Year: 2025, Month: 3, Day: 13})}), norm.CodeRange, "covers 2024-03-14/2025-03-13"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := checklist.Evaluate(baseAssessment(nil), tt.opt)
			e := requireProblems(t, err, wantProblem{"", tt.code})
			require.Len(t, e.Problems, 1)
			assert.Contains(t, e.Problems[0].Message.EN, tt.text)
		})
	}
}

// An answer under an old dotted ID is refused with the new ID named.
func TestEvaluateOldCriterionID(t *testing.T) {
	a := baseAssessment(map[checklist.CriterionID]checklist.Answer{"GG12.1": {Value: checklist.Number(100)}})
	_, err := checklist.Evaluate(a)
	e := requireProblems(t, err, wantProblem{"/answers/GG12.1", norm.CodeUnknownField})
	assert.Equal(t, norm.T(`"GG12.1" is de oude schrijfwijze van een criterium; gebruik GG12-1`,
		`"GG12.1" is the old spelling of a criterion ID; use GG12-1`), e.Problems[0].Message)
}

// No answer, or a null value, is unanswered, never an error.
func TestEvaluateUnanswered(t *testing.T) {
	a := baseAssessment(map[checklist.CriterionID]checklist.Answer{"GG01-1": {Comment: "nog niet gemeten"}})
	r, err := checklist.Evaluate(a)
	require.NoError(t, err)
	assert.Equal(t, checklist.Unanswered, criterionResult(t, r, "GG01-1"))
	assert.Equal(t, 0, r.Answered)
	assert.Equal(t, 41, r.CriteriaTotal)
	assert.Equal(t, 0.0, r.Completeness)
	assert.Equal(t, checklist.Unanswered, r.Items[0].Result)
	assert.Equal(t, checklist.FindingCriticalNotMet, r.Findings[0].Code, "an unanswered critical criterion caps the rating")
	assert.Contains(t, r.CappedBy, checklist.CriterionID("GG01-1"))
	assert.Equal(t, "GG01-1 is kritiek en niet beantwoord; norm: ≥ 95% voldaan, ≥ 50% deels voldaan. Zolang dit zo blijft, is de beoordeling hoogstens oranje.", findingOf(t, r, checklist.FindingCriticalNotMet, "GG01-1").Message)
}

func findingOf(tb testing.TB, r checklist.Report, code checklist.FindingCode, id checklist.CriterionID) checklist.Finding {
	tb.Helper()
	for _, f := range r.Findings {
		if f.Code == code && f.Criterion == id {
			return f
		}
	}
	tb.Fatalf("no %s finding on %s", code, id)
	return checklist.Finding{}
}

func TestEvaluateExplanations(t *testing.T) {
	a := baseAssessment(map[checklist.CriterionID]checklist.Answer{
		"GG01-1": {Value: checklist.Number(82)},
		"GG01-2": {Value: checklist.Choice("service_only")},
		"GG04-2": {Value: checklist.Multi("team_meeting", "posters")},
		"GG05-1": {Value: checklist.Bool(false)},
		"GG05-4": {Value: checklist.Number(0)},
		"GG08-1": {Value: checklist.Number(37.5)},
		"GG10-1": {Value: checklist.Choice("2023-11-30")},
		"GG11-1": {Value: checklist.Multi("swearing", "hitting", "unwanted_touching")},
	})
	tests := []struct {
		id     checklist.CriterionID
		result checklist.Result
		nl, en string
	}{
		{"GG01-1", checklist.PartiallyMet, "82% getraind; norm: ≥ 95% voldaan, ≥ 50% deels voldaan", "82% trained; norm: ≥ 95% met, ≥ 50% partially met"},
		{"GG01-2", checklist.PartiallyMet, "antwoord: alleen dienstverlening; norm: beide = voldaan; alleen dienstverlening, alleen weerbaarheid = deels voldaan", "answer: service only; norm: both = met; service only, assertiveness only = partially met"},
		{"GG04-2", checklist.PartiallyMet, "2 van 5 kanalen: werkoverleg, posters; norm: ≥ 3 voldaan, ≥ 1 deels voldaan", "2 of 5 channels: team meeting, posters; norm: ≥ 3 met, ≥ 1 partially met"},
		{"GG05-1", checklist.NotMet, "antwoord: nee; norm: ja = voldaan", "answer: no; norm: yes = met"},
		{"GG05-4", checklist.NotMet, "0 verbeteringen; norm: ≥ 1 voldaan", "0 improvements; norm: ≥ 1 met"},
		{"GG08-1", checklist.PartiallyMet, "37,5% informeel aangepakt; norm: ≥ 50% voldaan, ≥ 25% deels voldaan", "37.5% handled informally; norm: ≥ 50% met, ≥ 25% partially met"},
		{"GG10-1", checklist.PartiallyMet, "2023-11-30, 15 maanden voor de beoordelingsdatum; norm: ≤ 12 maanden geleden voldaan, ≤ 24 maanden geleden deels voldaan", "2023-11-30, 15 months before the assessment date; norm: ≤ 12 months ago met, ≤ 24 months ago partially met"},
		{"GG11-1", checklist.NotMet, "2 van 17 basisgedragingen (11,8%); ontbreekt: schreeuwen, vernederen, treiteren, pesten, stalken en nog 10; geen gedrag uit: discriminatie, bedreiging en intimidatie; norm: alle voldaan, elke categorie deels voldaan", "2 of 17 baseline behaviours (11.8%); missing: shouting, humiliating, taunting, bullying, stalking and 10 more; no behaviour of: discrimination, threats and intimidation; norm: all met, every category partially met"},
		{"GG12-1", checklist.Unanswered, "niet beantwoord; norm: ≥ 95% voldaan, ≥ 70% deels voldaan", "not answered; norm: ≥ 95% met, ≥ 70% partially met"},
	}
	nl, err := checklist.Evaluate(a)
	require.NoError(t, err)
	en, err := checklist.Evaluate(a, checklist.WithLang(norm.EN))
	require.NoError(t, err)
	assert.Equal(t, norm.EN, en.Language)
	assert.Equal(t, "Every client-facing employee trained", en.Items[0].Title)
	assert.Equal(t, "Training employees", en.Principles[3].Title)
	for _, tt := range tests {
		t.Run(string(tt.id), func(t *testing.T) {
			assert.Equal(t, tt.result, criterionResult(t, nl, tt.id))
			assert.Equal(t, tt.nl, explanationOf(t, nl, tt.id))
			assert.Equal(t, tt.en, explanationOf(t, en, tt.id))
		})
	}
}

func explanationOf(tb testing.TB, r checklist.Report, id checklist.CriterionID) string {
	tb.Helper()
	for _, it := range r.Items {
		for _, c := range it.Criteria {
			if c.ID == id {
				return c.Explanation
			}
		}
	}
	tb.Fatalf("criterion %s not in report", id)
	return ""
}

func TestEvaluateRating(t *testing.T) {
	// Only GG07 counts; its two criteria are weighted so that the score
	// lands exactly on the bounds.
	only07 := map[checklist.ItemID]float64{}
	for _, it := range checklist.Items() {
		only07[it.ID] = 0
	}
	only07["GG07"] = 1
	tests := []struct {
		name   string
		w1, w2 float64
		v2     string
		score  float64
		rating checklist.Rating
		rule   checklist.RatingRule
	}{
		{"100 is green", 1, 1, "always", 100, checklist.Green, checklist.RatingScoreGreen},
		{"exactly 80 is green", 4, 1, "never", 80, checklist.Green, checklist.RatingScoreGreen},
		{"just under 80 is amber", 79, 21, "never", 79, checklist.Amber, checklist.RatingScoreAmber},
		{"exactly 55 is amber", 11, 9, "never", 55, checklist.Amber, checklist.RatingScoreAmber},
		{"under 55 is red", 54, 46, "never", 54, checklist.Red, checklist.RatingScoreRed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := baseAssessment(bestAnswers(t))
			a.Answers["GG07-2"] = checklist.Answer{Value: checklist.Choice(tt.v2)}
			r, err := checklist.Evaluate(a,
				checklist.WithWeights(only07),
				checklist.WithCriterionWeights(map[checklist.CriterionID]float64{"GG07-1": tt.w1, "GG07-2": tt.w2}))
			require.NoError(t, err)
			assert.Equal(t, tt.score, r.Score)
			assert.Equal(t, tt.rating, r.Rating, r.RatingReason)
			assert.Equal(t, tt.rule, r.RatingRule)
			assert.True(t, r.Policy.ItemWeights)
			assert.Equal(t, []checklist.CriterionID{"GG07-1", "GG07-2"}, r.Policy.Overrides)
		})
	}
}

func TestEvaluateCriticalCap(t *testing.T) {
	for _, id := range []checklist.CriterionID{"GG01-1", "GG03-1", "GG05-1", "GG11-1", "GG12-1", "GG13-1"} {
		t.Run(string(id), func(t *testing.T) {
			c, ok := checklist.LookupCriterion(id)
			require.True(t, ok)
			require.True(t, c.Critical)
			a := baseAssessment(bestAnswers(t))
			a.Answers[id] = checklist.Answer{Value: answerSpace(t, c, assessDate)[0]}
			r, err := checklist.Evaluate(a)
			require.NoError(t, err)
			assert.GreaterOrEqual(t, r.Score, float64(checklist.GreenFrom), "one gap leaves a high score")
			assert.Equal(t, checklist.Amber, r.Rating)
			assert.Equal(t, checklist.RatingCapped, r.RatingRule)
			assert.Equal(t, []checklist.CriterionID{id}, r.CappedBy)
			assert.Contains(t, r.RatingReason, string(id))
			require.NotEmpty(t, r.Findings)
			assert.Equal(t, checklist.FindingCriticalNotMet, r.Findings[0].Code)
		})
	}
}

// A critical criterion only partially met caps the rating at amber too
// (issue 13, point 7): green needs every critical criterion met.
func TestEvaluateCriticalPartialCaps(t *testing.T) {
	half := checklist.Multi("swearing", "shouting", "humiliating", "taunting", "bullying",
		"stalking", "pressuring", "blackmail", "threatening", "whistling", "discriminating_remarks", "pushing", "damaging_property")
	tests := []struct {
		name    string
		answers map[checklist.CriterionID]checklist.Value
		capped  []checklist.CriterionID
	}{
		{"GG12-1 at 70%", map[checklist.CriterionID]checklist.Value{"GG12-1": checklist.Number(70)}, []checklist.CriterionID{"GG12-1"}},
		{"GG01-1 at 50% and GG11-1 partly", map[checklist.CriterionID]checklist.Value{"GG01-1": checklist.Number(50), "GG11-1": half},
			[]checklist.CriterionID{"GG01-1", "GG11-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := baseAssessment(bestAnswers(t))
			for id, v := range tt.answers {
				a.Answers[id] = checklist.Answer{Value: v, Evidence: evidenceAt(assessDate)}
			}
			for _, l := range []norm.Lang{norm.NL, norm.EN} {
				r, err := checklist.Evaluate(a, checklist.WithLang(l))
				require.NoError(t, err)
				for _, id := range tt.capped {
					require.Equal(t, checklist.PartiallyMet, criterionResult(t, r, id), string(id))
				}
				assert.GreaterOrEqual(t, r.Score, float64(checklist.GreenFrom), "the score alone would be green")
				assert.Equal(t, checklist.Amber, r.Rating, r.RatingReason)
				assert.Equal(t, checklist.RatingCapped, r.RatingRule)
				assert.Equal(t, tt.capped, r.CappedBy)
				for _, id := range tt.capped {
					assert.Contains(t, r.RatingReason, string(id))
				}
				want := map[norm.Lang]string{norm.NL: "niet volledig voldaan", norm.EN: "not fully met"}[l]
				assert.Contains(t, r.RatingReason, want)
				for _, id := range tt.capped {
					f := findingOf(t, r, checklist.FindingPartiallyMet, id)
					assert.True(t, f.Critical)
					end := map[norm.Lang]string{norm.NL: "hoogstens oranje.", norm.EN: "amber at best."}[l]
					assert.True(t, strings.HasSuffix(f.Message, end), f.Message)
				}
			}
		})
	}
}

func TestEvaluateThresholdOverride(t *testing.T) {
	a := baseAssessment(map[checklist.CriterionID]checklist.Answer{"GG01-1": {Value: checklist.Number(82)}})
	r, err := checklist.Evaluate(a, checklist.WithThresholds(map[checklist.CriterionID]checklist.Threshold{"GG01-1": {Met: 80, Partial: 40}}))
	require.NoError(t, err)
	assert.Equal(t, checklist.Met, criterionResult(t, r, "GG01-1"))
	assert.Equal(t, "82% getraind; norm: ≥ 80% voldaan, ≥ 40% deels voldaan", explanationOf(t, r, "GG01-1"))
	assert.Equal(t, []checklist.CriterionID{"GG01-1"}, r.Policy.Overrides)

	// The catalogue itself is untouched.
	c, _ := checklist.LookupCriterion("GG01-1")
	assert.Equal(t, checklist.Threshold{Met: 95, Partial: 50}, c.Rule.Threshold)
	r, err = checklist.Evaluate(a)
	require.NoError(t, err)
	assert.Equal(t, checklist.PartiallyMet, criterionResult(t, r, "GG01-1"))
}

func TestEvaluateMeasured(t *testing.T) {
	claim := func(pct float64) checklist.Assessment {
		a := baseAssessment(bestAnswers(t))
		a.Answers["GG12-1"] = checklist.Answer{Value: checklist.Number(pct), Evidence: evidenceAt(assessDate)}
		return a
	}
	sum := followup.Summary{Period: period2025, Incidents: 50, Reactions48h: followup.Share{Num: 31, Den: 50}}

	t.Run("contradiction: the measured figure decides", func(t *testing.T) {
		r, err := checklist.Evaluate(claim(100), checklist.WithMeasured(sum))
		require.NoError(t, err)
		assert.Equal(t, checklist.NotMet, criterionResult(t, r, "GG12-1"))
		f := findingOf(t, r, checklist.FindingMeasured, "GG12-1")
		assert.Equal(t, "GG12-1: de zelfevaluatie claimt 100% (voldaan), maar het register laat 62% (31 van 50) zien, dus niet voldaan.", f.Message)
		assert.Equal(t, "/answers/GG12-1", f.Pointer)
		assert.Equal(t, "geclaimd 100%, gemeten 62% (31 van 50) binnen 48 uur; het gemeten cijfer beslist; norm: ≥ 95% voldaan, ≥ 70% deels voldaan", explanationOf(t, r, "GG12-1"))
		cr := r.Items[11].Criteria[0]
		require.NotNil(t, cr.Measured)
		assert.Equal(t, checklist.MeasuredFigure{Share: checklist.MeasuredReactions48h, Num: 31, Den: 50, Percent: 62, Claimed: 100}, *cr.Measured)
		require.NotNil(t, r.Measured)
		assert.Equal(t, sum.Reactions48h, r.Measured.Reactions48h)
		assert.Equal(t, checklist.Amber, r.Rating)
	})
	t.Run("measured better than claimed also decides", func(t *testing.T) {
		r, err := checklist.Evaluate(claim(40), checklist.WithMeasured(followup.Summary{Period: period2025, Reactions48h: followup.Share{Num: 49, Den: 50}}))
		require.NoError(t, err)
		assert.Equal(t, checklist.Met, criterionResult(t, r, "GG12-1"))
		findingOf(t, r, checklist.FindingMeasured, "GG12-1")
	})
	t.Run("agreement: no finding", func(t *testing.T) {
		r, err := checklist.Evaluate(claim(97), checklist.WithMeasured(followup.Summary{Period: period2025, Reactions48h: followup.Share{Num: 48, Den: 50}}))
		require.NoError(t, err)
		assert.Equal(t, checklist.Met, criterionResult(t, r, "GG12-1"))
		assert.Empty(t, r.Findings)
	})
	t.Run("nothing measured: the claim stands", func(t *testing.T) {
		r, err := checklist.Evaluate(claim(100), checklist.WithMeasured(followup.Summary{Period: period2025}))
		require.NoError(t, err)
		assert.Equal(t, checklist.Met, criterionResult(t, r, "GG12-1"))
		assert.Nil(t, r.Items[11].Criteria[0].Measured)
		assert.Empty(t, r.Findings)
	})
	t.Run("cause analysis and aftercare", func(t *testing.T) {
		r, err := checklist.Evaluate(baseAssessment(bestAnswers(t)), checklist.WithMeasured(followup.Summary{Period: period2025,
			CauseAnalysis: followup.Share{Num: 1, Den: 4}, AftercareOnTime: followup.Share{Num: 3, Den: 4},
		}), checklist.WithLang(norm.EN))
		require.NoError(t, err)
		assert.Equal(t, checklist.NotMet, criterionResult(t, r, "GG05-3"))
		assert.Equal(t, checklist.PartiallyMet, criterionResult(t, r, "GG13-1"))
		assert.Equal(t, "GG05-3: the self-assessment claims 100% (met), but the register shows 25% (1 of 4), so not met.",
			findingOf(t, r, checklist.FindingMeasured, "GG05-3").Message)
		findingOf(t, r, checklist.FindingMeasured, "GG13-1")
	})
	t.Run("unanswered stays unanswered", func(t *testing.T) {
		a := baseAssessment(bestAnswers(t))
		delete(a.Answers, "GG12-1")
		r, err := checklist.Evaluate(a, checklist.WithMeasured(sum))
		require.NoError(t, err)
		assert.Equal(t, checklist.Unanswered, criterionResult(t, r, "GG12-1"))
	})
}

func TestEvaluateEvidence(t *testing.T) {
	withEvidence := func(id checklist.CriterionID, es ...checklist.Evidence) checklist.Assessment {
		a := baseAssessment(bestAnswers(t))
		ans := a.Answers[id]
		ans.Evidence = es
		a.Answers[id] = ans
		return a
	}
	old := checklist.Evidence{Title: "Protocol", Reference: "DMS-1", Date: norm.Date{Year: 2022, Month: 3, Day: 13}}
	edge := checklist.Evidence{Title: "Protocol", Reference: "DMS-2", Date: norm.Date{Year: 2023, Month: 3, Day: 14}}

	r, err := checklist.Evaluate(withEvidence("GG03-1", old))
	require.NoError(t, err)
	f := findingOf(t, r, checklist.FindingEvidenceStale, "GG03-1")
	assert.Equal(t, "Het nieuwste bewijsstuk bij GG03-1 dateert van 2022-03-13, 36 maanden voor de beoordelingsdatum; het beleid staat ten hoogste 24 maanden toe.", f.Message)
	assert.Equal(t, checklist.Green, r.Rating, "evidence findings do not change the score or rating")
	assert.Equal(t, 100.0, r.Score)
	assert.Greater(t, f.Stake, 0.0)

	r, err = checklist.Evaluate(withEvidence("GG03-1", edge))
	require.NoError(t, err)
	assert.Empty(t, r.Findings, "exactly 24 months is allowed")

	r, err = checklist.Evaluate(withEvidence("GG03-1", old, edge))
	require.NoError(t, err)
	assert.Empty(t, r.Findings, "the newest document counts")

	r, err = checklist.Evaluate(withEvidence("GG03-1", edge), checklist.WithMaxEvidenceAge(12))
	require.NoError(t, err)
	findingOf(t, r, checklist.FindingEvidenceStale, "GG03-1")
	assert.Equal(t, 12, r.Policy.MaxEvidenceAgeMonths)

	r, err = checklist.Evaluate(withEvidence("GG03-1", old), checklist.WithMaxEvidenceAge(0))
	require.NoError(t, err)
	assert.Empty(t, r.Findings, "0 switches the age check off")

	r, err = checklist.Evaluate(withEvidence("GG03-1"))
	require.NoError(t, err)
	f = findingOf(t, r, checklist.FindingEvidenceMissing, "GG03-1")
	assert.Equal(t, "GG03-1 is opgegeven als voldaan, zonder bewijsstuk (kritiek criterium).", f.Message)
	assert.True(t, f.Critical)

	// A criterion that expects no evidence has no evidence finding, stale
	// or missing (issue 13, point 11: the two agree); a negative answer
	// needs no evidence at all.
	c, ok := checklist.LookupCriterion("GG14-2")
	require.True(t, ok)
	require.False(t, c.Evidence)
	for _, es := range [][]checklist.Evidence{{old}, nil} {
		r, err = checklist.Evaluate(withEvidence("GG14-2", es...))
		require.NoError(t, err)
		assert.Empty(t, r.Findings, "%v", es)
	}
	a := withEvidence("GG03-1")
	a.Answers["GG03-1"] = checklist.Answer{Value: checklist.Bool(false)}
	r, err = checklist.Evaluate(a)
	require.NoError(t, err)
	assert.Len(t, r.Findings, 1)
	assert.Equal(t, checklist.FindingCriticalNotMet, r.Findings[0].Code)
}

func TestEvaluateNotApplicable(t *testing.T) {
	a := baseAssessment(bestAnswers(t))
	a.Answers["GG06-2"] = checklist.Answer{Value: checklist.Choice("no_legal_terms")}
	a.Answers["GG06-1"] = checklist.Answer{Value: checklist.Number(0)}
	r, err := checklist.Evaluate(a)
	require.NoError(t, err)
	assert.Equal(t, checklist.NotApplicable, criterionResult(t, r, "GG06-2"))
	assert.Equal(t, 50.0, r.Items[5].Score, "GG06-2 left out: GG06-1 0 and GG06-3 1")
	assert.Equal(t, 1.0, r.Completeness, "not applicable is answered")

	// An item whose every criterion counts for nothing is not applicable.
	r, err = checklist.Evaluate(baseAssessment(bestAnswers(t)), checklist.WithCriterionWeights(map[checklist.CriterionID]float64{"GG07-1": 0, "GG07-2": 0}))
	require.NoError(t, err)
	assert.Equal(t, checklist.NotApplicable, r.Items[6].Result)
	assert.Equal(t, 100.0, r.Score)
}

// Findings come in the documented order: capping findings first, then by
// stake, then by code order, then by criterion ID.
func TestEvaluateFindingOrder(t *testing.T) {
	for _, path := range scenarioFiles(t) {
		s := loadScenario(t, path)
		r, err := checklist.Evaluate(s.Assessment, s.options()...)
		require.NoError(t, err)
		codes := checklist.FindingCodes()
		for i := 1; i < len(r.Findings); i++ {
			x, y := r.Findings[i-1], r.Findings[i]
			xc, yc := x.Code == checklist.FindingCriticalNotMet, y.Code == checklist.FindingCriticalNotMet
			switch {
			case xc != yc:
				assert.True(t, xc, "%s: capping findings first", path)
			case x.Stake != y.Stake:
				assert.Greater(t, x.Stake, y.Stake, "%s: by stake", path)
			case x.Code != y.Code:
				assert.Less(t, slices.Index(codes, x.Code), slices.Index(codes, y.Code), "%s: by code", path)
			default:
				assert.Less(t, x.Criterion, y.Criterion, "%s: by criterion", path)
			}
		}
		for _, f := range r.Findings {
			assert.Equal(t, "/answers/"+string(f.Criterion), f.Pointer)
			assert.NotEmpty(t, f.Message)
			assert.NotEmpty(t, f.NextStep)
			assert.Equal(t, "001", f.Source.Document.Seed)
			assert.NotEmpty(t, f.Source.Principles)
		}
	}
}

func TestEvaluateDeterministicAndConcurrent(t *testing.T) {
	type job struct {
		a    checklist.Assessment
		opts []checklist.EvalOption
	}
	var jobs []job
	for _, path := range scenarioFiles(t) {
		s := loadScenario(t, path)
		jobs = append(jobs, job{s.Assessment, s.options()})
	}
	want := make([][]byte, len(jobs))
	for i, j := range jobs {
		r, err := checklist.Evaluate(j.a, j.opts...)
		require.NoError(t, err)
		want[i], err = json.Marshal(r)
		require.NoError(t, err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16*len(jobs))
	for g := range 16 {
		wg.Go(func() {
			for k := range 20 {
				i := (g + k) % len(jobs)
				r, err := checklist.Evaluate(jobs[i].a, jobs[i].opts...)
				if err != nil {
					errs <- err.Error()
					return
				}
				got, _ := json.Marshal(r)
				if !bytes.Equal(got, want[i]) {
					errs <- "report differs for job " + string(rune('0'+i))
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// Mutating a report does not reach the catalogue or other reports.
func TestReportIsolation(t *testing.T) {
	a := baseAssessment(benchAssessment(t).Answers)
	r1, err := checklist.Evaluate(a)
	require.NoError(t, err)
	r1.Items[1].Principles[0] = "PC10"
	r1.Items[1].Principles = append(r1.Items[1].Principles, "PC9")
	r1.Findings[0].Source.Principles[0] = "PC10"
	it, _ := checklist.LookupItem("GG02")
	assert.Equal(t, norm.VPT4, it.Principles[0])
	r2, err := checklist.Evaluate(a)
	require.NoError(t, err)
	assert.Equal(t, norm.VPT4, r2.Items[1].Principles[0])
	assert.Equal(t, r2.Items[2].Principles, r1.Items[2].Principles, "an append does not spill into the next item")
}

func TestReportGolden(t *testing.T) {
	r, err := checklist.Evaluate(benchAssessment(t), checklist.WithMeasured(followup.Summary{Period: period2025,
		Incidents:       50,
		Reactions48h:    followup.Share{Num: 31, Den: 50},
		AftercareOnTime: followup.Share{Num: 48, Den: 50},
		CauseAnalysis:   followup.Share{Num: 46, Den: 50},
		PoliceReports:   followup.Share{Num: 4, Den: 6},
		FollowUpContact: followup.Share{Num: 40, Den: 50},
	}))
	require.NoError(t, err)
	got, err := json.MarshalIndent(r, "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	path := filepath.Join("testdata", "report.golden.json")
	if updating() {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./checklist -update to create it")
	assert.Equal(t, string(want), string(got))

	// The golden file reads back into a Report that marshals the same.
	var back checklist.Report
	require.NoError(t, json.Unmarshal(want, &back))
	again, err := json.MarshalIndent(back, "", "  ")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(again)+"\n")
}

func TestReportJSONNames(t *testing.T) {
	r, err := checklist.Evaluate(benchAssessment(t))
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	for _, k := range []string{"score", "rating", "rating_reason", "completeness", "items", "principles", "findings", "organisation", "assessment_date", "language"} {
		assert.Contains(t, m, k)
	}
	item := m["items"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "title", "score", "result", "criteria"} {
		assert.Contains(t, item, k)
	}
	crit := item["criteria"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "result", "explanation", "answer", "weight", "critical"} {
		assert.Contains(t, crit, k)
	}
	p := m["principles"].([]any)[0].(map[string]any)
	assert.Equal(t, "VPT1", p["id"])
	assert.Contains(t, p, "coverage")
	f := m["findings"].([]any)[0].(map[string]any)
	for _, k := range []string{"code", "criterion", "pointer", "message", "source", "next_step"} {
		assert.Contains(t, f, k)
	}
	assert.False(t, errors.Is(err, norm.ErrInvalid))
}
