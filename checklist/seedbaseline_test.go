package checklist_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
)

// TestGG11SeedNamedBehavioursMet: a norm that names every behaviour the
// seeds name (001, 2.2.1: uitschelden, spugen, slaan, bedreigen; 4.2.1:
// the survey groups' examples; chapter 5, item 11 adds none) meets GG11-1,
// a critical criterion (issue 13, point 5: the baseline also required
// damaging_property, which no seed names, so such a norm covered 17 of 18
// and was only partially met).
func TestGG11SeedNamedBehavioursMet(t *testing.T) {
	seedNamed := checklist.Multi(
		"swearing",               // 2.2.1 uitschelden; 4.2.1 schelden
		"shouting",               // 4.2.1 schreeuwen
		"humiliating",            // 4.2.1 vernederen
		"taunting",               // 4.2.1 treiteren
		"bullying",               // 4.2.1 pesten
		"stalking",               // 4.2.1 stalken
		"pressuring",             // 4.2.1 onder druk zetten
		"blackmail",              // 4.2.1 chanteren
		"threatening",            // 2.2.1 and 4.2.1 bedreigen
		"whistling",              // 4.2.1 nafluiten
		"sexual_remarks",         // 4.2.1 seksueel getinte opmerkingen
		"discriminating_remarks", // 4.2.1 negatieve opmerkingen (huidskleur, geloof, geaardheid)
		"discriminating_conduct", // 4.2.1 negatieve gedragingen (idem)
		"pushing",                // 4.2.1 duwen
		"hitting",                // 2.2.1 and 4.2.1 slaan
		"kicking",                // 4.2.1 schoppen
		"spitting",               // 2.2.1 spugen
	)
	r, err := checklist.Evaluate(baseAssessment(map[checklist.CriterionID]checklist.Answer{"GG11-1": {Value: seedNamed}}))
	require.NoError(t, err)
	assert.Equal(t, checklist.Met, criterionResult(t, r, "GG11-1"))
	assert.Contains(t, r.Items[10].Criteria[0].Explanation, "17 van 17")
}
