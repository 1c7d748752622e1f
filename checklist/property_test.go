package checklist_test

import (
	"maps"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/followup"
)

// Improving any single answer never lowers any score: the overall score,
// any item's score, or any principle's coverage. Answers are generated
// from each criterion's answer space (worst to best), starting from no
// answer, against several very different assessments.
func TestImprovingAnAnswerNeverLowersAScore(t *testing.T) {
	ind := loadScenario(t, filepath.Join("testdata", "scenarios", "ind_before_pilot.json")).Assessment
	bases := map[string]struct {
		a    checklist.Assessment
		opts []checklist.EvalOption
	}{
		"empty":      {a: baseAssessment(nil)},
		"worst":      {a: baseAssessment(worstAnswers(t))},
		"best":       {a: baseAssessment(bestAnswers(t))},
		"mixed":      {a: benchAssessment(t)},
		"ind_before": {a: ind},
		"measured": {a: benchAssessment(t), opts: []checklist.EvalOption{checklist.WithMeasured(followup.Summary{Period: period2025,
			Reactions48h: followup.Share{Num: 31, Den: 50}, CauseAnalysis: followup.Share{Num: 9, Den: 10},
		})}},
		"reweighted": {a: benchAssessment(t), opts: []checklist.EvalOption{
			checklist.WithWeights(map[checklist.ItemID]float64{"GG04": 0, "GG11": 5}),
			checklist.WithCriterionWeights(map[checklist.CriterionID]float64{"GG01-1": 0.5, "GG12-2": 0}),
			checklist.WithThresholds(map[checklist.CriterionID]checklist.Threshold{"GG01-1": {Met: 80, Partial: 80}}),
		}},
	}
	for name, base := range bases {
		t.Run(name, func(t *testing.T) {
			for _, c := range checklist.Criteria() {
				// nil first: no answer at all.
				chain := append([]*checklist.Value{nil}, ptrs(answerSpace(t, c, base.a.Date))...)
				var prev *checklist.Report
				for _, v := range chain {
					a := base.a
					a.Answers = maps.Clone(base.a.Answers)
					if a.Answers == nil {
						a.Answers = map[checklist.CriterionID]checklist.Answer{}
					}
					if v == nil {
						delete(a.Answers, c.ID)
					} else {
						ans := a.Answers[c.ID]
						ans.Value = *v
						a.Answers[c.ID] = ans
					}
					r, err := checklist.Evaluate(a, base.opts...)
					require.NoError(t, err)
					if prev != nil {
						requireNotLower(t, *prev, r, c.ID, v)
					}
					prev = &r
				}
			}
		})
	}
}

func ptrs(vs []checklist.Value) []*checklist.Value {
	out := make([]*checklist.Value, len(vs))
	for i := range vs {
		out[i] = &vs[i]
	}
	return out
}

func requireNotLower(tb testing.TB, before, after checklist.Report, id checklist.CriterionID, v *checklist.Value) {
	tb.Helper()
	require.GreaterOrEqual(tb, after.Score, before.Score, "%s -> %s: overall score", id, v)
	for i := range before.Items {
		require.GreaterOrEqual(tb, after.Items[i].Score, before.Items[i].Score, "%s -> %s: item %s", id, v, before.Items[i].ID)
	}
	for i := range before.Principles {
		require.GreaterOrEqual(tb, after.Principles[i].Coverage, before.Principles[i].Coverage, "%s -> %s: principle %s", id, v, before.Principles[i].ID)
	}
	// A better answer also never makes the rating worse.
	rank := map[checklist.Rating]int{checklist.Red: 0, checklist.Amber: 1, checklist.Green: 2}
	require.GreaterOrEqual(tb, rank[after.Rating], rank[before.Rating], "%s -> %s: rating", id, v)
}
