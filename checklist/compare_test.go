package checklist_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
)

// sampleReport evaluates one of the bundled sample assessments.
func sampleReport(tb testing.TB, name string, lang norm.Lang) checklist.Report {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "examples", "data", name))
	require.NoError(tb, err)
	defer f.Close()
	a, err := checklist.DecodeAssessment(f)
	require.NoError(tb, err)
	rep, err := checklist.Evaluate(a, checklist.WithLang(lang))
	require.NoError(tb, err)
	return rep
}

// The sample pair is one organisation before and after the rollout: every
// item scores higher, five criteria keep their result, and the rating goes
// from red to green because all five critical gaps are closed.
func TestCompareSamplePair(t *testing.T) {
	old, new := sampleReport(t, "ind-before.json", norm.EN), sampleReport(t, "ind-after.json", norm.EN)
	c, err := checklist.Compare(old, new)
	require.NoError(t, err)

	assert.Equal(t, []checklist.ItemID{"GG01", "GG02", "GG03", "GG04", "GG05", "GG06", "GG07",
		"GG08", "GG09", "GG10", "GG11", "GG12", "GG13", "GG14"}, c.Improved)
	assert.Empty(t, c.Worse)
	assert.Equal(t, 24.3, c.OldScore)
	assert.Equal(t, 91.8, c.NewScore)
	assert.Equal(t, 67.5, c.ScoreChange)
	assert.Equal(t, norm.Date{Year: 2025, Month: 3, Day: 31}, c.OldDate)

	// GG05 stays partially met but its score rises from 50 to 90.
	gg05 := c.Items[4]
	assert.Equal(t, checklist.ItemID("GG05"), gg05.ID)
	assert.Equal(t, checklist.PartiallyMet, gg05.OldResult)
	assert.Equal(t, checklist.PartiallyMet, gg05.NewResult)
	assert.Equal(t, 50.0, gg05.OldScore)
	assert.Equal(t, 90.0, gg05.NewScore)
	assert.Equal(t, checklist.Improved, gg05.Change)

	var same []checklist.CriterionID
	for _, it := range c.Items {
		for _, cr := range it.Criteria {
			if cr.Change != checklist.Improved {
				assert.Equal(t, checklist.Unchanged, cr.Change, cr.ID)
				same = append(same, cr.ID)
			}
		}
	}
	assert.Equal(t, []checklist.CriterionID{"GG05-1", "GG06-1", "GG06-2", "GG09-2", "GG12-3"}, same)
	gg011 := c.Items[0].Criteria[0]
	assert.Equal(t, "66", gg011.OldAnswer.String())
	assert.Equal(t, "100", gg011.NewAnswer.String())
	assert.True(t, gg011.Critical)

	// Findings: the five criteria that went from not met to partially met
	// have a new finding each; every other old finding is resolved.
	var newIDs []string
	for _, f := range c.New {
		newIDs = append(newIDs, string(f.Code)+" "+string(f.Criterion))
	}
	assert.ElementsMatch(t, []string{"criterion_partially_met GG05-3", "criterion_partially_met GG08-1",
		"criterion_partially_met GG11-3", "criterion_partially_met GG12-4", "criterion_partially_met GG14-1"}, newIDs)
	assert.Equal(t, 3, c.Remaining)
	assert.Len(t, c.Resolved, len(old.Findings)-3)
	assert.Equal(t, len(new.Findings), len(c.New)+c.Remaining)
	assert.Contains(t, c.Resolved, old.Findings[0]) // the most at stake: a critical gap

	r := c.Rating
	assert.Equal(t, checklist.Red, r.Old)
	assert.Equal(t, checklist.Green, r.New)
	assert.Equal(t, checklist.Improved, r.Change)
	assert.Equal(t, []checklist.CriterionID{"GG01-1", "GG03-1", "GG11-1", "GG12-1", "GG13-1"}, r.Lifted)
	assert.Empty(t, r.Added)
	assert.Equal(t, "from red to green. Then: "+old.RatingReason+". Now: "+new.RatingReason+
		". Critical now in order: GG01-1, GG03-1, GG11-1, GG12-1, GG13-1", r.Reason)
	assert.False(t, c.PolicyChanged)
}

// A critical criterion that slips caps the rating: the item is worse, the
// finding is new, and the reason names the criterion.
func TestCompareWorse(t *testing.T) {
	old, err := checklist.Evaluate(baseAssessment(bestAnswers(t)), checklist.WithLang(norm.NL))
	require.NoError(t, err)
	answers := bestAnswers(t)
	a := answers["GG12-1"]
	a.Value = checklist.Number(80) // partially met: 70 <= 80 < 95
	answers["GG12-1"] = a
	delete(answers, "GG10-1") // met before, unanswered now
	later := baseAssessment(answers)
	later.Date = assessDate.AddMonths(12)
	later.Organisation.Name = "  gemeente   VOORBEELD " // the same organisation, typed differently
	later.Organisation.ClientFacingEmployees = 140      // and grown
	new, err := checklist.Evaluate(later, checklist.WithLang(norm.NL))
	require.NoError(t, err)

	c, err := checklist.Compare(old, new)
	require.NoError(t, err)
	assert.Empty(t, c.Improved)
	assert.Equal(t, []checklist.ItemID{"GG10", "GG12"}, c.Worse)
	assert.Empty(t, c.Resolved)
	assert.Equal(t, checklist.Green, c.Rating.Old)
	assert.Equal(t, checklist.Amber, c.Rating.New)
	assert.Equal(t, checklist.Worse, c.Rating.Change)
	assert.Equal(t, []checklist.CriterionID{"GG12-1"}, c.Rating.Added)
	assert.Contains(t, c.Rating.Reason, "van groen naar oranje. Toen: ")
	assert.Contains(t, c.Rating.Reason, "Kritiek nieuw open: GG12-1")
	var newIDs []string
	for _, f := range c.New {
		newIDs = append(newIDs, string(f.Code)+" "+string(f.Criterion))
	}
	assert.Equal(t, []string{"unanswered GG10-1", "criterion_partially_met GG12-1"}, newIDs)
	for _, it := range c.Items {
		for _, cr := range it.Criteria {
			switch cr.ID {
			case "GG12-1", "GG10-1":
				assert.Equal(t, checklist.Worse, cr.Change, cr.ID)
			default:
				assert.Equal(t, checklist.Unchanged, cr.Change, cr.ID)
			}
		}
	}
}

// Results that score the same but differ are changed, not better or worse.
func TestCompareChangedNotBetter(t *testing.T) {
	worst := worstAnswers(t)
	old, err := checklist.Evaluate(baseAssessment(worst), checklist.WithLang(norm.EN))
	require.NoError(t, err)
	var id checklist.CriterionID
	for cid, a := range worst {
		if r := mustCriterionResult(t, old, cid); r == checklist.NotMet && !a.Value.IsZero() {
			id = cid
			break
		}
	}
	require.NotEmpty(t, id)
	delete(worst, id)
	new, err := checklist.Evaluate(baseAssessment(worst), checklist.WithLang(norm.EN))
	require.NoError(t, err)
	c, err := checklist.Compare(old, new)
	require.NoError(t, err)
	for _, it := range c.Items {
		for _, cr := range it.Criteria {
			if cr.ID == id {
				assert.Equal(t, checklist.Changed, cr.Change)
				assert.Equal(t, checklist.NotMet, cr.OldResult)
				assert.Equal(t, checklist.Unanswered, cr.NewResult)
			}
		}
	}
	assert.Empty(t, c.Improved)
	assert.Empty(t, c.Worse)
}

func mustCriterionResult(tb testing.TB, r checklist.Report, id checklist.CriterionID) checklist.Result {
	tb.Helper()
	for _, it := range r.Items {
		for _, cr := range it.Criteria {
			if cr.ID == id {
				return cr.Result
			}
		}
	}
	tb.Fatalf("no criterion %s", id)
	return ""
}

// Compare refuses what cannot be compared, with the pointer of the field
// and a message in both languages, rather than give a wrong answer.
func TestCompareRefuses(t *testing.T) {
	base := func() (checklist.Report, checklist.Report) {
		return sampleReport(t, "ind-before.json", norm.NL), sampleReport(t, "ind-after.json", norm.NL)
	}
	cases := []struct {
		name   string
		change func(old, new *checklist.Report)
		ptr    string
		code   norm.ProblemCode
	}{
		{"other organisation", func(_, n *checklist.Report) { n.Organisation.Name = "Gemeente Zonnedal (fictief)" }, "/organisation", norm.CodeReference},
		{"other kind", func(_, n *checklist.Report) { n.Organisation.Kind = checklist.OrgMinistry }, "/organisation", norm.CodeReference},
		{"swapped", func(o, n *checklist.Report) { *o, *n = *n, *o }, "/assessment_date", norm.CodeOrder},
		{"languages", func(_, n *checklist.Report) { n.Language = norm.EN }, "/language", norm.CodeEnum},
		{"version", func(o, _ *checklist.Report) { o.Version = "2" }, "/version", norm.CodeEnum},
		{"item missing", func(o, _ *checklist.Report) { o.Items = o.Items[1:] }, "/items", norm.CodeSchema},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			old, new := base()
			tc.change(&old, &new)
			c, err := checklist.Compare(old, new)
			require.Error(t, err)
			assert.True(t, errors.Is(err, norm.ErrInvalid))
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			require.NotEmpty(t, ne.Problems)
			p := ne.Problems[0]
			assert.Equal(t, tc.ptr, p.Pointer)
			assert.Equal(t, tc.code, p.Code)
			assert.True(t, p.Message.Complete(), "message in both languages")
			assert.Empty(t, c.Items, "no half answer")
		})
	}
}

func TestSameOrganisation(t *testing.T) {
	a := checklist.Organisation{Name: "Gemeente Klein Veerhaven", Kind: checklist.OrgMunicipality, ClientFacingEmployees: 24}
	b := a
	b.Name, b.ClientFacingEmployees = " gemeente  klein\tveerhaven ", 30
	assert.True(t, checklist.SameOrganisation(a, b))
	b.Name = "Gemeente Klein-Veerhaven"
	assert.False(t, checklist.SameOrganisation(a, b))
}

// A report made under another catalogue version or other rating bounds
// (last year's report against this year's rules) is compared, but the
// comparison says that part of the change may come from the rules.
func TestComparePolicyChangedByCatalogue(t *testing.T) {
	old, new := sampleReport(t, "ind-before.json", norm.EN), sampleReport(t, "ind-after.json", norm.EN)
	for name, change := range map[string]func(p *checklist.Policy){
		"catalogue": func(p *checklist.Policy) { p.Catalogue = "2025-01-01" },
		"green":     func(p *checklist.Policy) { p.GreenFrom = 85 },
		"amber":     func(p *checklist.Policy) { p.AmberFrom = 50 },
	} {
		t.Run(name, func(t *testing.T) {
			o := old
			change(&o.Policy)
			c, err := checklist.Compare(o, new)
			require.NoError(t, err)
			assert.True(t, c.PolicyChanged)
		})
	}
}
