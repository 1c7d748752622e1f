package checklist_test

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

func TestCatalogueShape(t *testing.T) {
	items := checklist.Items()
	require.Len(t, items, 14)
	idRe := regexp.MustCompile(`^GG(0[1-9]|1[0-4])-[1-9]$`)
	var all []*checklist.Criterion
	for i, it := range items {
		want := checklist.ItemID(fmt.Sprintf("GG%02d", i+1))
		assert.Equal(t, want, it.ID, "items in checklist order")
		assert.True(t, it.Title.Complete(), "%s title", it.ID)
		assert.True(t, it.Description.Complete(), "%s description", it.ID)
		assert.Equal(t, norm.Source{Seed: "001", Section: fmt.Sprintf("5, item %d", i+1)}, it.Source)
		assert.Greater(t, it.Weight, 0.0, it.ID)
		assert.NotEmpty(t, it.Principles, it.ID)
		assert.True(t, len(it.Criteria) >= 2 && len(it.Criteria) <= 5, "%s has %d criteria", it.ID, len(it.Criteria))
		got, ok := checklist.LookupItem(it.ID)
		require.True(t, ok)
		assert.Equal(t, it, got)
		assert.NotSame(t, it, got, "LookupItem hands out a copy")
		for k, c := range it.Criteria {
			assert.Regexp(t, idRe, string(c.ID))
			assert.Equal(t, checklist.CriterionID(fmt.Sprintf("%s-%d", it.ID, k+1)), c.ID, "criteria numbered in order")
			assert.Equal(t, it.ID, c.Item)
			assert.Equal(t, it.Source, c.Source)
			for _, p := range c.Principles {
				assert.Contains(t, it.Principles, p, "%s principle %s is among its item's", c.ID, p)
			}
		}
		all = append(all, it.Criteria...)
	}
	assert.Equal(t, all, checklist.Criteria(), "Criteria lists every criterion in order")
	_, ok := checklist.LookupItem("GG15")
	assert.False(t, ok)
	_, ok = checklist.LookupCriterion("GG01-9")
	assert.False(t, ok)
}

// Every criterion has Dutch and English text, a source, a rule that fits
// its answer type, and a reachable met.
func TestCatalogueCriteria(t *testing.T) {
	for _, c := range checklist.Criteria() {
		t.Run(string(c.ID), func(t *testing.T) {
			got, ok := checklist.LookupCriterion(c.ID)
			require.True(t, ok)
			assert.Equal(t, c, got)
			assert.NotSame(t, c, got, "LookupCriterion hands out a copy")
			assert.True(t, c.Question.Complete(), "question")
			assert.True(t, c.Help.Complete(), "help")
			assert.True(t, c.NextStep.Complete(), "next step")
			assert.True(t, c.Source.Valid(), "source")
			assert.Greater(t, c.Weight, 0.0)
			assert.NotEmpty(t, c.Principles)
			for _, p := range c.Principles {
				_, err := norm.ParsePrinciple(string(p))
				assert.NoError(t, err)
			}
			if c.Critical {
				assert.True(t, c.Evidence, "a critical claim expects evidence")
			}
			rules := map[checklist.AnswerType][]checklist.RuleKind{
				checklist.TypeBool:    {checklist.RuleTrue},
				checklist.TypeChoice:  {checklist.RuleGrade},
				checklist.TypeMulti:   {checklist.RuleCount, checklist.RuleCoverage},
				checklist.TypePercent: {checklist.RuleAtLeast},
				checklist.TypeCount:   {checklist.RuleAtLeast},
				checklist.TypeDate:    {checklist.RuleRecent},
			}
			assert.Contains(t, rules[c.Type], c.Rule.Kind, "rule fits the answer type")
			if c.Rule.Kind.UsesThreshold() && c.Type != checklist.TypeBool {
				assert.True(t, c.Unit.Complete() || c.Type == checklist.TypeDate, "unit for explanations")
			}
			switch c.Type {
			case checklist.TypeChoice, checklist.TypeMulti:
				require.NotEmpty(t, c.Options)
				seen := map[string]bool{}
				for _, o := range c.Options {
					assert.False(t, seen[o.Code], "option %s twice", o.Code)
					seen[o.Code] = true
					assert.NotEmpty(t, o.Code)
					assert.True(t, o.Label.Complete(), "label of %s", o.Code)
					if c.Type == checklist.TypeChoice {
						assert.Contains(t, []checklist.Result{checklist.Met, checklist.PartiallyMet, checklist.NotMet, checklist.NotApplicable}, o.Result, o.Code)
					} else {
						assert.Empty(t, o.Result, "multi options carry no result")
					}
				}
				for _, r := range c.Rule.Required {
					assert.True(t, seen[r], "required code %s is an option", r)
				}
			default:
				assert.Empty(t, c.Options)
			}
			// met is reachable, and so is not met: the criterion discriminates.
			var results []checklist.Result
			for _, v := range answerSpace(t, c, assessDate) {
				a := baseAssessment(map[checklist.CriterionID]checklist.Answer{c.ID: {Value: v}})
				r, err := checklist.Evaluate(a)
				require.NoError(t, err, "answer %s", v)
				results = append(results, criterionResult(t, r, c.ID))
			}
			assert.Contains(t, results, checklist.Met)
			assert.Contains(t, results, checklist.NotMet)
		})
	}
}

func criterionResult(tb testing.TB, r checklist.Report, id checklist.CriterionID) checklist.Result {
	tb.Helper()
	for _, it := range r.Items {
		for _, c := range it.Criteria {
			if c.ID == id {
				return c.Result
			}
		}
	}
	tb.Fatalf("criterion %s not in report", id)
	return ""
}

func TestEveryPrincipleReached(t *testing.T) {
	reached := map[norm.PrincipleID][]checklist.CriterionID{}
	for _, c := range checklist.Criteria() {
		for _, p := range c.Principles {
			reached[p] = append(reached[p], c.ID)
		}
	}
	for _, p := range norm.PrincipleIDs() {
		assert.NotEmpty(t, reached[p], "%s is reached by no criterion", p)
	}
}

// GG11-1 offers the norm catalogue and requires the VPT baseline; GG09-1
// offers the service topics.
func TestCatalogueUsesNorm(t *testing.T) {
	c, ok := checklist.LookupCriterion("GG11-1")
	require.True(t, ok)
	var codes []string
	for _, o := range c.Options {
		codes = append(codes, o.Code)
	}
	var want []string
	for _, b := range norm.BehaviourCodes() {
		want = append(want, string(b))
	}
	assert.Equal(t, want, codes)
	var base []string
	for _, b := range norm.Baseline() {
		base = append(base, string(b))
	}
	assert.Equal(t, base, c.Rule.Required)
	assert.Equal(t, checklist.RuleCoverage, c.Rule.Kind)

	// The evaluator's coverage agrees with norm.BaselineCoverage on every
	// prefix of the catalogue, forwards and backwards.
	all := norm.BehaviourCodes()
	for n := 0; n <= len(all); n++ {
		for _, sel := range [][]norm.BehaviourCode{all[:n], all[len(all)-n:]} {
			covered, total := norm.BaselineCoverage(sel)
			var strs []string
			for _, b := range sel {
				strs = append(strs, string(b))
			}
			r, err := checklist.Evaluate(baseAssessment(map[checklist.CriterionID]checklist.Answer{"GG11-1": {Value: checklist.Multi(strs...)}}))
			require.NoError(t, err)
			want := checklist.NotMet
			switch {
			case covered == total:
				want = checklist.Met
			case norm.CoversBaselineCategories(sel):
				want = checklist.PartiallyMet
			}
			assert.Equal(t, want, criterionResult(t, r, "GG11-1"), "%d of %d", covered, total)
			assert.Contains(t, r.Items[10].Criteria[0].Explanation, fmt.Sprintf("%d van %d", covered, total))
		}
	}

	// Partially met means every category of the baseline has a behaviour
	// (issue 13, point 6): one behaviour per category is enough, while a
	// norm of verbal aggression and threats only is not met however many
	// behaviours it names.
	perCategory := map[norm.Category]string{}
	var one []string
	for _, b := range norm.Behaviours() {
		if norm.InBaseline(b.Code) && perCategory[b.Category] == "" {
			perCategory[b.Category] = string(b.Code)
			one = append(one, string(b.Code))
		}
	}
	require.Len(t, one, len(norm.BaselineCategories()))
	var verbalThreat []string
	for _, b := range norm.Baseline() {
		if cat := b.Category(); cat == norm.Verbal || cat == norm.Threat {
			verbalThreat = append(verbalThreat, string(b))
		}
	}
	require.GreaterOrEqual(t, len(verbalThreat), 9)
	for _, tc := range []struct {
		codes []string
		want  checklist.Result
		nl    string
	}{
		{one, checklist.PartiallyMet, "elke categorie deels voldaan"},
		{verbalThreat, checklist.NotMet, "geen gedrag uit: discriminatie, seksuele intimidatie"},
	} {
		for _, l := range []norm.Lang{norm.NL, norm.EN} {
			r, err := checklist.Evaluate(baseAssessment(map[checklist.CriterionID]checklist.Answer{"GG11-1": {Value: checklist.Multi(tc.codes...)}}), checklist.WithLang(l))
			require.NoError(t, err)
			assert.Equal(t, tc.want, criterionResult(t, r, "GG11-1"), "%v", tc.codes)
			if l == norm.NL {
				assert.Contains(t, r.Items[10].Criteria[0].Explanation, tc.nl)
			}
		}
	}

	g, ok := checklist.LookupCriterion("GG09-1")
	require.True(t, ok)
	var topics []string
	for _, o := range g.Options {
		topics = append(topics, o.Code)
	}
	var wantTopics []string
	for _, tp := range norm.ServiceTopics() {
		wantTopics = append(wantTopics, string(tp))
	}
	assert.Equal(t, wantTopics, topics)
}

func TestCatalogueIsolation(t *testing.T) {
	items := checklist.Items()
	items[0] = nil
	assert.NotNil(t, checklist.Items()[0], "Items returns a fresh slice")
	cs := checklist.Criteria()
	cs[0] = nil
	assert.NotNil(t, checklist.Criteria()[0], "Criteria returns a fresh slice")
	assert.True(t, slices.IsSortedFunc(checklist.Criteria(), func(a, b *checklist.Criterion) int {
		if a.ID < b.ID {
			return -1
		}
		if a.ID > b.ID {
			return 1
		}
		return 0
	}))
}

// GG12-2 (issue 13, point 8): item 12 names an oral or a written reaction,
// so two kinds of reaction are met only with a conversation or a warning
// letter among them; a ban on its own is not enough, however the
// threshold is set.
func TestReactionOptionsNeedOralOrWritten(t *testing.T) {
	tests := []struct {
		codes []string
		th    *checklist.Threshold
		want  checklist.Result
	}{
		{[]string{"conversation", "warning_letter"}, nil, checklist.Met},
		{[]string{"conversation", "ban"}, nil, checklist.Met},
		{[]string{"warning_letter", "ban"}, nil, checklist.Met},
		{[]string{"ban"}, nil, checklist.PartiallyMet},
		{[]string{"conversation"}, nil, checklist.PartiallyMet},
		{nil, nil, checklist.NotMet},
		{[]string{"ban"}, &checklist.Threshold{Met: 1, Partial: 1}, checklist.PartiallyMet},
		{[]string{"warning_letter"}, &checklist.Threshold{Met: 1, Partial: 1}, checklist.Met},
	}
	for _, tt := range tests {
		var opts []checklist.EvalOption
		if tt.th != nil {
			opts = append(opts, checklist.WithThresholds(map[checklist.CriterionID]checklist.Threshold{"GG12-2": *tt.th}))
		}
		r, err := checklist.Evaluate(baseAssessment(map[checklist.CriterionID]checklist.Answer{"GG12-2": {Value: checklist.Multi(tt.codes...)}}), opts...)
		require.NoError(t, err)
		assert.Equal(t, tt.want, criterionResult(t, r, "GG12-2"), "%v %v", tt.codes, tt.th)
	}
	r, err := checklist.Evaluate(baseAssessment(map[checklist.CriterionID]checklist.Answer{"GG12-2": {Value: checklist.Multi("ban")}}))
	require.NoError(t, err)
	assert.Equal(t, "1 van 3 reactievormen: toegangsverbod; norm: ≥ 2 (met gesprek of waarschuwingsbrief) voldaan, ≥ 1 deels voldaan",
		r.Items[11].Criteria[1].Explanation)

	// "other" was a code no action can record: it is refused now, with
	// the codes that are allowed.
	_, err = checklist.Evaluate(baseAssessment(map[checklist.CriterionID]checklist.Answer{"GG12-2": {Value: checklist.Multi("ban", "other")}}))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	require.Len(t, ne.Problems, 1)
	assert.Equal(t, "/answers/GG12-2/value/1", ne.Problems[0].Pointer)
	assert.Equal(t, norm.CodeEnum, ne.Problems[0].Code)
}

// GG11-2 and GG12-2 take their options from the one list each that norm
// and followup keep, codes and labels alike (issue 13, point 11).
func TestOptionsFromOneList(t *testing.T) {
	c, ok := checklist.LookupCriterion("GG11-2")
	require.True(t, ok)
	var want []checklist.Option
	for _, m := range norm.ClientMedia() {
		want = append(want, checklist.Option{Code: string(m), Label: m.Label()})
	}
	assert.Equal(t, want, c.Options)

	c, ok = checklist.LookupCriterion("GG12-2")
	require.True(t, ok)
	want = nil
	for _, f := range followup.Forms(followup.KindReaction) {
		require.NotEmpty(t, followup.FormLabel(f).EN, f)
		want = append(want, checklist.Option{Code: string(f), Label: followup.FormLabel(f)})
	}
	assert.Equal(t, want, c.Options)
	for _, code := range c.Rule.AnyOf {
		_, ok := c.OptionByCode(code)
		assert.True(t, ok, code)
	}
}
