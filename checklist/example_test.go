package checklist_test

import (
	"errors"
	"fmt"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// Evaluate a small self-assessment, with the incident register's measured
// reactions beside the claim, and print the explained score.
func ExampleEvaluate() {
	a := checklist.Assessment{
		Version:      checklist.AssessmentVersion,
		Organisation: checklist.Organisation{Name: "Gemeente Voorbeeld", Kind: checklist.OrgMunicipality},
		Date:         norm.Date{Year: 2025, Month: 3, Day: 14},
		Answers: map[checklist.CriterionID]checklist.Answer{
			"GG01-1": {Value: checklist.Number(82)},
			"GG01-2": {Value: checklist.Choice("both")},
			"GG01-3": {Value: checklist.Choice("within_12_months")},
			"GG12-1": {Value: checklist.Number(100)},
		},
	}
	r, err := checklist.Evaluate(a,
		checklist.WithLang(norm.EN),
		// The register counted over the twelve months up to the assessment date.
		checklist.WithMeasured(followup.Summary{Period: followup.YearTo(a.Date), Reactions48h: followup.Share{Num: 31, Den: 50}}))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("score %.1f, %s, %.0f%% answered\n", r.Score, r.Rating, 100*r.Completeness)
	fmt.Println(r.RatingReason)
	it := r.Items[0]
	fmt.Printf("%s %s: %.1f\n", it.ID, it.Title, it.Score)
	for _, c := range it.Criteria {
		fmt.Printf("  %s %s: %s\n", c.ID, c.Result, c.Explanation)
	}
	fmt.Println(r.Items[11].Criteria[0].Explanation)
	f := r.Findings[0]
	fmt.Printf("first finding: %s %s (stake %.1f)\n  %s\n", f.Code, f.Criterion, f.Stake, f.NextStep)
	// Output:
	// score 7.4, red, 10% answered
	// score 7.4 is below 55: red; critical criterion not fully met (GG01-1, GG03-1, GG05-1, GG11-1, GG12-1, GG13-1)
	// GG01 Every client-facing employee trained: 62.5
	//   GG01-1 partially_met: 82% trained; norm: ≥ 95% met, ≥ 50% partially met
	//   GG01-2 met: answer: both; norm: both = met; service only, assertiveness only = partially met
	//   GG01-3 partially_met: answer: within 12 months; norm: within 6 months = met; within 12 months = partially met
	// claimed 100%, measured 62% (31 of 50) within 48 hours; the measured figure decides; norm: ≥ 95% met, ≥ 70% partially met
	// first finding: critical_not_met GG11-1 (stake 4.4)
	//   Extend the organisation's norm until it covers at least the VPT baseline, and make it known again.
}

// Look up a criterion and read its rule: thresholds are data.
func ExampleLookupCriterion() {
	c, _ := checklist.LookupCriterion("GG12-1")
	fmt.Println(c.Question.In(norm.NL))
	fmt.Println(c.Type, c.Rule.Kind, c.Rule.Threshold.Met, c.Rule.Threshold.Partial, c.Critical)
	// Output:
	// Bij welk deel van de incidenten is binnen 48 uur naar de dader gereageerd?
	// percent at_least 95 70 true
}

// Compare two assessments of one organisation a year apart.
func ExampleCompare() {
	a := checklist.Assessment{
		Version:      checklist.AssessmentVersion,
		Organisation: checklist.Organisation{Name: "Gemeente Voorbeeld", Kind: checklist.OrgMunicipality},
		Date:         norm.Date{Year: 2025, Month: 3, Day: 14},
		Answers: map[checklist.CriterionID]checklist.Answer{
			"GG01-1": {Value: checklist.Number(60)},
			"GG12-1": {Value: checklist.Number(80)},
		},
	}
	b := a
	b.Date = norm.Date{Year: 2026, Month: 3, Day: 14}
	b.Answers = map[checklist.CriterionID]checklist.Answer{
		"GG01-1": {Value: checklist.Number(97)},
		"GG12-1": {Value: checklist.Number(40)},
	}
	old, _ := checklist.Evaluate(a, checklist.WithLang(norm.EN))
	new, _ := checklist.Evaluate(b, checklist.WithLang(norm.EN))
	c, err := checklist.Compare(old, new)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("score %.1f → %.1f (%+.1f), improved %v, worse %v\n", c.OldScore, c.NewScore, c.ScoreChange, c.Improved, c.Worse)
	for _, cr := range c.Items[0].Criteria[:1] {
		fmt.Printf("%s: %s → %s (%s → %s), %s\n", cr.ID, cr.OldResult, cr.NewResult, cr.OldAnswer, cr.NewAnswer, cr.Change)
	}
	fmt.Println(len(c.Resolved), "resolved,", len(c.New), "new,", c.Remaining, "remaining")

	// Another organisation is refused, not compared.
	b.Organisation.Name = "Gemeente Elders"
	other, _ := checklist.Evaluate(b, checklist.WithLang(norm.EN))
	_, err = checklist.Compare(old, other)
	fmt.Println(errors.Is(err, norm.ErrInvalid))
	// Output:
	// score 4.7 → 5.9 (+1.2), improved [GG01], worse [GG12]
	// GG01-1: partially_met → met (60 → 97), improved
	// 3 resolved, 1 new, 40 remaining
	// true
}
