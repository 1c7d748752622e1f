package checklist_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/checklist/survey/surveytest"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// The survey names the criteria it measures by string, so that it need not
// import this package; this test holds those names to the catalogue.
func TestSurveyCriteriaExist(t *testing.T) {
	n := 0
	for _, q := range survey.Questions() {
		for _, id := range q.Criteria {
			c, ok := checklist.LookupCriterion(checklist.CriterionID(id))
			require.True(t, ok, "%s names %s, which is not a criterion", q.ID, id)
			assert.Equal(t, checklist.TypePercent, c.Type, id)
			assert.Equal(t, checklist.RuleAtLeast, c.Rule.Kind, id)
			assert.Empty(t, c.MeasuredBy, "%s is measured by the register already", id)
			assert.Contains(t, c.Help.EN, "employee survey", id)
			n++
		}
	}
	assert.Equal(t, 3, n, "GG03-3, GG05-2 and GG11-3")
}

var surveyMonth = survey.Month{Year: 2025, Month: 3} // inside period2025

func surveyAssessment() checklist.Assessment {
	return baseAssessment(map[checklist.CriterionID]checklist.Answer{
		"GG03-3": {Value: checklist.Number(96)},
		"GG05-2": {Value: checklist.Number(97)},
		"GG11-3": {Value: checklist.Number(71)},
	})
}

func round(t *testing.T, m survey.Month, n int, ph surveytest.Phase) survey.Round {
	t.Helper()
	r, err := survey.Summarize(surveytest.Sample(m, n, ph, 1))
	require.NoError(t, err)
	return r
}

func TestWithSurveyDecides(t *testing.T) {
	a := surveyAssessment()
	plain, err := checklist.Evaluate(a, checklist.WithLang(norm.EN))
	require.NoError(t, err)
	assert.Equal(t, checklist.Met, criterion(plain, "GG05-2").Result, "on its own word, 97% ≥ 95%")

	rep, err := checklist.Evaluate(a, checklist.WithLang(norm.EN), checklist.WithSurvey(round(t, surveyMonth, 40, surveytest.After)))
	require.NoError(t, err)
	requireAppendJSON(t, rep)

	// GG05-2: 93% of 40 is 37 (92.5%, Wilson 80.1–97.4%): below 95, so
	// partially met where the claim was met, and 95 lies in the interval.
	c := criterion(rep, "GG05-2")
	assert.Equal(t, checklist.PartiallyMet, c.Result)
	require.NotNil(t, c.Measured)
	assert.Equal(t, checklist.MeasuredFigure{Share: checklist.MeasuredSurvey, Question: "knows_to_report", Num: 37, Den: 40, Percent: 92.5, Claimed: 97, Low: 80.1, High: 97.4}, *c.Measured)
	assert.Equal(t, "claimed 97%, employee survey 92.5% (37 of 40, 95% interval 80.1–97.4%) know to report; the survey decides; the interval straddles the bound of 95%; norm: ≥ 95% met, ≥ 75% partially met", c.Explanation)
	var f *checklist.Finding
	for i := range rep.Findings {
		if rep.Findings[i].Criterion == "GG05-2" && rep.Findings[i].Code == checklist.FindingMeasured {
			f = &rep.Findings[i]
		}
	}
	require.NotNil(t, f, "claimed and surveyed disagree")
	assert.Equal(t, "GG05-2: the self-assessment claims 97% (met), but the employee survey shows 92.5% (37 of 40, 95% interval 80.1–97.4%), so partially met; the interval straddles the bound of 95%.", f.Message)
	assert.Contains(t, f.NextStep, "survey")

	// GG11-3: 28 of 40 = 70% (54.6–81.9%), partially met as claimed: no
	// finding of disagreement, but the interval reaches below 60.
	c = criterion(rep, "GG11-3")
	assert.Equal(t, checklist.PartiallyMet, c.Result)
	assert.Contains(t, c.Explanation, "straddles the bound of 60%")
	// GG03-3: 38 of 40 = 95% (83.5–98.6%), met as claimed.
	c = criterion(rep, "GG03-3")
	assert.Equal(t, checklist.Met, c.Result)
	for _, f := range rep.Findings {
		assert.False(t, f.Code == checklist.FindingMeasured && f.Criterion != "GG05-2", "only GG05-2 disagrees: %s", f.Message)
	}
	require.NotNil(t, rep.Survey)
	assert.Equal(t, []checklist.CriterionID{"GG03-3", "GG05-2", "GG11-3"}, rep.Survey.Decided)
	assert.Equal(t, 40, rep.Survey.Round.Respondents)
	assert.Nil(t, rep.Survey.Baseline)
	assert.Less(t, rep.Score, plain.Score)

	// Dutch too.
	nl, err := checklist.Evaluate(a, checklist.WithSurvey(round(t, surveyMonth, 40, surveytest.After)))
	require.NoError(t, err)
	assert.Equal(t, "geclaimd 97%, volgens de medewerkersenquête 92,5% (37 van 40, 95%-interval 80,1–97,4%) weet dat melden moet; de enquête beslist; het interval omvat de grens van 95%; norm: ≥ 95% voldaan, ≥ 75% deels voldaan", criterion(nl, "GG05-2").Explanation)
}

func TestWithSurveySmallGroupDecidesNothing(t *testing.T) {
	a := surveyAssessment()
	plain, err := checklist.Evaluate(a)
	require.NoError(t, err)
	rep, err := checklist.Evaluate(a, checklist.WithSurvey(round(t, surveyMonth, 9, surveytest.After)))
	require.NoError(t, err)
	assert.Empty(t, rep.Survey.Decided)
	assert.Equal(t, plain.Score, rep.Score)
	assert.Nil(t, criterion(rep, "GG05-2").Measured)
	b, err := json.Marshal(rep.Survey)
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"percent":9`, "no figure for 9 respondents")
}

func TestWithSurveyBaselineCompares(t *testing.T) {
	before := round(t, survey.Month{Year: 2024, Month: 3}, 40, surveytest.Before)
	rep, err := checklist.Evaluate(surveyAssessment(), checklist.WithSurvey(round(t, surveyMonth, 40, surveytest.After)), checklist.WithSurveyBaseline(before))
	require.NoError(t, err)
	require.NotNil(t, rep.Survey.Baseline)
	require.Len(t, rep.Survey.Changes, len(survey.Questions()))
	c := rep.Survey.Changes[1]
	assert.Equal(t, survey.QuestionID("exposed_threats"), c.Question)
	assert.Equal(t, survey.Pilot{Before: 36, After: 19}, c.Pilot)
	require.NotNil(t, c.Difference)
	assert.Equal(t, -15.0, c.Difference.Points)

	// The whole report passes the report schema.
	for _, d := range form.Dialects() {
		sb, err := checklist.ReportSchema(norm.EN, d)
		require.NoError(t, err)
		v, err := form.NewValidator(sb)
		require.NoError(t, err)
		b, err := json.Marshal(rep)
		require.NoError(t, err)
		assert.Empty(t, v.Validate(b), d)
	}
}

func TestWithSurveyRefused(t *testing.T) {
	good := round(t, surveyMonth, 40, surveytest.After)
	doctored := round(t, surveyMonth, 40, surveytest.After)
	doctored.Figures[7].Estimate.Positive = 40
	for _, tc := range []struct {
		name string
		opts []checklist.EvalOption
		msg  string
	}{
		{"round before the period", []checklist.EvalOption{checklist.WithSurvey(round(t, survey.Month{Year: 2024, Month: 2}, 40, surveytest.After))}, "outside the assessment's twelve months"},
		{"round after the date", []checklist.EvalOption{checklist.WithSurvey(round(t, survey.Month{Year: 2025, Month: 4}, 40, surveytest.After))}, "outside the assessment's twelve months"},
		{"baseline not earlier", []checklist.EvalOption{checklist.WithSurvey(good), checklist.WithSurveyBaseline(good)}, "must come before"},
		{"baseline alone", []checklist.EvalOption{checklist.WithSurveyBaseline(good)}, "goes with WithSurvey"},
		{"doctored figures", []checklist.EvalOption{checklist.WithSurvey(doctored)}, "does not follow from the counts"},
		{"empty round", []checklist.EvalOption{checklist.WithSurvey(survey.Round{})}, "month of the round is missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := checklist.Evaluate(surveyAssessment(), tc.opts...)
			var ne *norm.Error
			require.True(t, errors.As(err, &ne), "%v", err)
			found := false
			for _, p := range ne.Problems {
				found = found || strings.Contains(p.Message.EN, tc.msg)
				assert.NotEmpty(t, p.Message.NL)
			}
			assert.True(t, found, "want %q in %v", tc.msg, ne.Problems)
		})
	}
}

// The round handed to WithSurvey is the caller's: changing it after the
// option is made changes nothing.
func TestWithSurveyCopiesTheRound(t *testing.T) {
	r := round(t, surveyMonth, 40, surveytest.After)
	opt := checklist.WithSurvey(r)
	r.Figures[7].Estimate.Positive = 40 // the option holds a deep copy
	r.Figures[7].Estimate.Percent = 100
	rep, err := checklist.Evaluate(surveyAssessment(), opt)
	require.NoError(t, err)
	assert.Equal(t, 37, criterion(rep, "GG05-2").Measured.Num)
}
