package survey_test

import (
	"fmt"
	"strings"

	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/checklist/survey/surveytest"
)

// A round of twelve respondents read from CSV: a share with its 95%
// interval per question, and nothing about any one respondent.
func ExampleSummarize() {
	csv := "round,knows_norm,feels_safe\n" + strings.Repeat("2026-03,fully,5\n", 9) + strings.Repeat("2026-03,no,2\n", 3)
	rs, err := survey.ReadCSV(strings.NewReader(csv))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := survey.Summarize(rs)
	for _, id := range []survey.QuestionID{"knows_norm", "feels_safe", "backed_by_manager"} {
		f, _ := r.Figure(id)
		if f.Suppressed {
			fmt.Printf("%s: %d answered, no figure\n", id, f.Respondents)
			continue
		}
		e := f.Estimate
		fmt.Printf("%s: %v%% (%d of %d), 95%% interval %v–%v%%\n", id, e.Percent, e.Positive, f.Respondents, e.Low, e.High)
	}
	// Output:
	// knows_norm: 75% (9 of 12), 95% interval 46.8–91.1%
	// feels_safe: 75% (9 of 12), 95% interval 46.8–91.1%
	// backed_by_manager: 0 answered, no figure
}

// Two rounds of 40, shaped on the pilot's figures: the threats fell from
// 35% to 20%, which 40 respondents cannot tell apart from chance.
func ExampleCompare() {
	before, _ := survey.Summarize(surveytest.Sample(survey.Month{Year: 2025, Month: 3}, 40, surveytest.Before, 1))
	after, _ := survey.Summarize(surveytest.Sample(survey.Month{Year: 2026, Month: 3}, 40, surveytest.After, 1))
	cs, _ := survey.Compare(before, after)
	for _, c := range cs[:2] {
		fmt.Printf("%s: %v%% → %v%% (%+v pt, %s test, p = %v, significant: %v); pilot %v%% → %v%%\n",
			c.Question, c.Before.Estimate.Percent, c.After.Estimate.Percent, c.Difference.Points, c.Difference.Test, c.Difference.P, c.Difference.Significant, c.Pilot.Before, c.Pilot.After)
	}
	// Output:
	// exposed_verbal: 50% → 47.5% (-2.5 pt, z test, p = 0.823, significant: false); pilot 50% → 47%
	// exposed_threats: 35% → 20% (-15 pt, z test, p = 0.133, significant: false); pilot 36% → 19%
}
