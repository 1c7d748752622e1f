package checklist_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/normdoc"
)

func indAfter(t *testing.T) (checklist.Assessment, normdoc.Document) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "examples", "data", "ind-after.json"))
	require.NoError(t, err)
	defer f.Close()
	a, err := checklist.DecodeAssessment(f)
	require.NoError(t, err)
	b, err := os.ReadFile(filepath.Join("..", "examples", "data", "ind-after-norm.json"))
	require.NoError(t, err)
	d, err := normdoc.DecodeBytes(b)
	require.NoError(t, err)
	return a, d
}

func criterion(r checklist.Report, id checklist.CriterionID) checklist.CriterionReport {
	for _, it := range r.Items {
		for _, c := range it.Criteria {
			if c.ID == id {
				return c
			}
		}
	}
	return checklist.CriterionReport{}
}

func findings(r checklist.Report, code checklist.FindingCode) []checklist.CriterionID {
	var out []checklist.CriterionID
	for _, f := range r.Findings {
		if f.Code == code {
			out = append(out, f.Criterion)
		}
	}
	return out
}

// TestWithNormSample: the sample's norm document does not name whistling,
// which its self-assessment claims; the document decides GG11-1 and a
// finding says that the two disagree.
func TestWithNormSample(t *testing.T) {
	a, d := indAfter(t)
	claimed, err := checklist.Evaluate(a, checklist.WithLang(norm.EN))
	require.NoError(t, err)
	assert.Equal(t, checklist.Met, criterion(claimed, "GG11-1").Result)
	assert.Nil(t, criterion(claimed, "GG11-1").Derived)
	assert.Nil(t, claimed.Norm)

	r, err := checklist.Evaluate(a, checklist.WithLang(norm.EN), checklist.WithNorm(d))
	require.NoError(t, err)
	requireAppendJSON(t, r)
	gg111 := criterion(r, "GG11-1")
	assert.Equal(t, checklist.PartiallyMet, gg111.Result)
	require.NotNil(t, gg111.Derived)
	assert.Equal(t, checklist.DerivedNorm, gg111.Derived.Source)
	assert.Equal(t, checklist.Met, gg111.Derived.ClaimedResult)
	assert.False(t, gg111.Derived.Agrees)
	list, _ := gg111.Derived.Value.AsList()
	assert.NotContains(t, list, "whistling")
	assert.Len(t, list, 19)
	assert.Contains(t, gg111.Explanation, "according to the norm document: 16 of 17 baseline behaviours")
	assert.Equal(t, []checklist.CriterionID{"GG11-1"}, findings(r, checklist.FindingDocument))
	for _, f := range r.Findings {
		if f.Code == checklist.FindingDocument {
			assert.Equal(t, "GG11-1: the self-assessment claims 17 of 17 baseline behaviours (100%), met; the norm document (adopted on 2025-09-01) gives 16 of 17 baseline behaviours (94.1%); missing: whistling at someone, so partially met. The document decides.", f.Message)
			assert.Equal(t, "/answers/GG11-1", f.Pointer)
			assert.True(t, f.Critical)
			assert.Positive(t, f.Stake)
		}
	}
	// A critical criterion only partially met: amber.
	assert.Equal(t, checklist.Green, claimed.Rating)
	assert.Equal(t, checklist.Amber, r.Rating)
	assert.Equal(t, []checklist.CriterionID{"GG11-1"}, r.CappedBy)

	// The others agree with the claim: derived, no finding.
	for _, id := range []checklist.CriterionID{"GG09-1", "GG09-2", "GG09-3", "GG11-2"} {
		c := criterion(r, id)
		require.NotNil(t, c.Derived, id)
		assert.True(t, c.Derived.Agrees, id)
		assert.Equal(t, checklist.Met, c.Result, id)
	}
	assert.Nil(t, criterion(r, "GG11-3").Derived, "a survey figure, not in the document")

	require.NotNil(t, r.Norm)
	assert.Equal(t, "Uitvoeringsdienst Noordkust (fictief)", r.Norm.Organisation)
	assert.Equal(t, norm.Date{Year: 2025, Month: 9, Day: 1}, r.Norm.Adopted)
	assert.Equal(t, []checklist.CriterionID{"GG09-1", "GG09-2", "GG09-3", "GG11-1", "GG11-2"}, r.Norm.Criteria)
	assert.Equal(t, []norm.BehaviourCode{norm.Whistling}, r.Norm.Check.Norm.MissingBehaviours)
	assert.Equal(t, 2, r.Norm.Extra)
	assert.Equal(t, 3, r.Norm.Sanctions)

	// Dutch too.
	nl, err := checklist.Evaluate(a, checklist.WithNorm(d))
	require.NoError(t, err)
	assert.Contains(t, criterion(nl, "GG11-1").Explanation, "volgens het normdocument: 16 van 17 basisgedragingen")
}

// TestWithNormAgrees: a document that says what the assessment claims
// derives the criteria without a finding.
func TestWithNormAgrees(t *testing.T) {
	a, d := indAfter(t)
	d.Norm.Behaviours = append(d.Norm.Behaviours, norm.Whistling)
	r, err := checklist.Evaluate(a, checklist.WithNorm(d))
	require.NoError(t, err)
	assert.Empty(t, findings(r, checklist.FindingDocument))
	assert.Equal(t, checklist.Met, criterion(r, "GG11-1").Result)
	assert.True(t, criterion(r, "GG11-1").Derived.Agrees)
	assert.Equal(t, checklist.Green, r.Rating)
}

// TestWithNormDecides: the document decides both ways, also where the
// claim is worse, and answers what the assessment left open.
func TestWithNormDecides(t *testing.T) {
	a, d := indAfter(t)
	a.Answers["GG09-3"] = checklist.Answer{Value: checklist.Bool(false)}
	delete(a.Answers, "GG11-2")
	r, err := checklist.Evaluate(a, checklist.WithNorm(d))
	require.NoError(t, err)
	assert.Equal(t, checklist.Met, criterion(r, "GG09-3").Result, "the service norm is in the work instructions")
	assert.Equal(t, checklist.NotMet, criterion(r, "GG09-3").Derived.ClaimedResult)
	assert.Equal(t, checklist.Met, criterion(r, "GG11-2").Result, "answered by the document")
	assert.Equal(t, checklist.Unanswered, criterion(r, "GG11-2").Derived.ClaimedResult)
	got := findings(r, checklist.FindingDocument)
	assert.Contains(t, got, checklist.CriterionID("GG09-3"))
	assert.NotContains(t, got, checklist.CriterionID("GG11-2"), "nothing was claimed, so nothing contradicts")
	assert.Empty(t, findings(r, checklist.FindingUnanswered))

	// Without a service norm GG09 stays claimed.
	d.Service = nil
	r, err = checklist.Evaluate(a, checklist.WithNorm(d))
	require.NoError(t, err)
	assert.Nil(t, criterion(r, "GG09-3").Derived)
	assert.Equal(t, checklist.NotMet, criterion(r, "GG09-3").Result)
	assert.Nil(t, r.Norm.Check.Service)
}

// TestWithNormExtraCategory: an extra behaviour of the organisation's own
// counts for its category, as in norm.CheckNorm, so a norm naming one
// catalogue behaviour of each category but sexual intimidation, and an
// own behaviour of that category, partially meets GG11-1.
func TestWithNormExtraCategory(t *testing.T) {
	a, d := indAfter(t)
	d.Norm.Behaviours = []norm.BehaviourCode{norm.Swearing, "discriminating_remarks", "threatening", "hitting"}
	d.Norm.Extra = nil
	r, err := checklist.Evaluate(a, checklist.WithNorm(d))
	require.NoError(t, err)
	assert.Equal(t, checklist.NotMet, criterion(r, "GG11-1").Result)
	assert.Equal(t, []norm.Category{norm.Sexual}, r.Norm.Check.Norm.MissingCategories)

	d.Norm.Extra = []norm.ExtraBehaviour{{Code: "leering", Category: norm.Sexual, Label: norm.T("aanstaren", "leering")}}
	r, err = checklist.Evaluate(a, checklist.WithNorm(d))
	require.NoError(t, err)
	assert.Equal(t, checklist.PartiallyMet, criterion(r, "GG11-1").Result)
	assert.Empty(t, r.Norm.Check.Norm.MissingCategories)
}

// TestWithNormRefused: a norm adopted after the assessment date was not in
// force; an invalid document is refused.
func TestWithNormRefused(t *testing.T) {
	a, d := indAfter(t)
	late := d
	late.Adopted = norm.Date{Year: 2026, Month: 4, Day: 1}
	_, err := checklist.Evaluate(a, checklist.WithNorm(late))
	require.Error(t, err)
	assert.True(t, errors.Is(err, norm.ErrInvalid))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	require.Len(t, ne.Problems, 1)
	assert.Equal(t, norm.CodeFuture, ne.Problems[0].Code)
	assert.Contains(t, ne.Problems[0].Message.EN, "adopted on 2026-04-01, after the assessment date 2026-03-31")
	assert.True(t, ne.Problems[0].Message.Complete())

	bad := d
	bad.Norm.Behaviours = append(slices.Clone(d.Norm.Behaviours), "yelling")
	bad.Adopted = norm.Date{}
	_, err = checklist.Evaluate(a, checklist.WithNorm(bad))
	require.ErrorAs(t, err, &ne)
	var codes []norm.ProblemCode
	for _, p := range ne.Problems {
		codes = append(codes, p.Code)
		assert.True(t, p.Message.Complete())
	}
	assert.ElementsMatch(t, []norm.ProblemCode{norm.CodeEnum, norm.CodeDate}, codes)
	assert.Contains(t, ne.Error(), "/norm/behaviours/19")

	hostile := d
	hostile.Organisation.Name = "Noordkust\u202e"
	_, err = checklist.Evaluate(a, checklist.WithNorm(hostile))
	require.ErrorAs(t, err, &ne)
	require.Len(t, ne.Problems, 1)
	assert.Equal(t, norm.CodeFormat, ne.Problems[0].Code)
	assert.Contains(t, ne.Problems[0].Message.EN, "WithNorm: /organisation/name: ")
}

// TestMeasuresCoverReactionForms: every form a reaction can take in
// followup is a measure an organisation's norm can name, with the same
// code, so that the sanctions a norm promises are what actions record.
func TestMeasuresCoverReactionForms(t *testing.T) {
	for _, f := range followup.Forms(followup.KindReaction) {
		_, err := norm.ParseMeasure(string(f))
		assert.NoError(t, err, f)
	}
}

// TestWithNormOtherOrganisation: the norm of another organisation is not
// this organisation's norm; deriving its criteria from it would be a wrong
// answer. The names are compared ignoring case and runs of spaces.
func TestWithNormOtherOrganisation(t *testing.T) {
	a, d := indAfter(t)
	require.Equal(t, a.Organisation.Name, d.Organisation.Name, "the samples belong to one organisation")

	other := d
	other.Organisation.Name = "Uitvoeringsdienst Zuidkust (fictief)"
	_, err := checklist.Evaluate(a, checklist.WithNorm(other))
	require.ErrorIs(t, err, norm.ErrInvalid)
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	require.Len(t, ne.Problems, 1, "%s", ne)
	p := ne.Problems[0]
	assert.Equal(t, norm.CodeReference, p.Code)
	assert.True(t, p.Message.Complete())
	assert.Contains(t, p.Message.EN, "WithNorm: /organisation/name: ")
	assert.Contains(t, p.Message.EN, "Zuidkust")
	assert.Contains(t, p.Message.NL, "Noordkust")

	same := d
	same.Organisation.Name = "  uitvoeringsdienst   NOORDKUST  (fictief) "
	_, err = checklist.Evaluate(a, checklist.WithNorm(same))
	assert.NoError(t, err, "case and runs of spaces do not make another organisation")
}
