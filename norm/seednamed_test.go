package norm_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

// seedNamed is every behaviour the seeds name as unacceptable, with the
// section and the seed's own word, written out by hand from the seeds so
// that the catalogue is checked against them, not against itself:
//
//   - 001, 2.2.1, the VPT norm's examples: uitschelden, spugen, slaan,
//     bedreigen;
//   - 001, 4.2.1, the survey groups: schelden, schreeuwen, vernederen,
//     treiteren, pesten; stalken, onder druk zetten, chanteren, bedreigen;
//     nafluiten, seksueel getinte opmerkingen, negatieve opmerkingen of
//     gedragingen over huidskleur, geloof, geaardheid; duwen, slaan,
//     schoppen;
//   - 001, chapter 5, item 11: uitschelden, bedreigen, intimideren (the
//     threat group of 4.2.1 is "bedreiging en intimidatie"), nothing new.
//
// Where 2.2.1 and 4.2.1 both name a behaviour, the catalogue cites 2.2.1.
var seedNamed = []struct {
	code    norm.BehaviourCode
	section string
	word    string
}{
	{norm.Swearing, "2.2.1", "uitschelden"},
	{norm.Shouting, "4.2.1", "schreeuwen"},
	{norm.Humiliating, "4.2.1", "vernederen"},
	{norm.Taunting, "4.2.1", "treiteren"},
	{norm.Bullying, "4.2.1", "pesten"},
	{norm.Stalking, "4.2.1", "stalken"},
	{norm.Pressuring, "4.2.1", "onder druk zetten"},
	{norm.Blackmail, "4.2.1", "chanteren"},
	{norm.Threatening, "2.2.1", "bedreigen"},
	{norm.Whistling, "4.2.1", "nafluiten"},
	{norm.SexualRemarks, "4.2.1", "seksueel getinte opmerkingen"},
	{norm.DiscriminatingRemarks, "4.2.1", "negatieve opmerkingen m.b.t. huidskleur, geloof, geaardheid"},
	{norm.DiscriminatingConduct, "4.2.1", "negatieve gedragingen m.b.t. huidskleur, geloof, geaardheid"},
	{norm.Pushing, "4.2.1", "duwen"},
	{norm.Hitting, "2.2.1", "slaan"},
	{norm.Kicking, "4.2.1", "schoppen"},
	{norm.Spitting, "2.2.1", "spugen"},
}

// TestBaselineIsWhatTheSeedsName: a norm that names every behaviour the
// seeds name covers the baseline fully, and the baseline asks for nothing
// else (issue 13, point 5: damaging_property was required, so such a norm
// covered 17 of 18).
func TestBaselineIsWhatTheSeedsName(t *testing.T) {
	var codes []norm.BehaviourCode
	for _, s := range seedNamed {
		codes = append(codes, s.code)
	}
	covered, total := norm.BaselineCoverage(codes)
	assert.Equal(t, total, covered, "a norm naming every behaviour of the seeds")
	assert.Equal(t, len(seedNamed), total)
	assert.Equal(t, codes, norm.Baseline())
	got := norm.CheckNorm(norm.OrgNorm{Behaviours: codes})
	assert.Empty(t, got.MissingBehaviours)
	assert.True(t, got.CoversBaseline())
}

// TestBehaviourSources checks every catalogue entry's Source against the
// seeds: a behaviour the seeds name cites the section that names it; every
// other one is marked as the project's Addition.
func TestBehaviourSources(t *testing.T) {
	named := map[norm.BehaviourCode]string{}
	for _, s := range seedNamed {
		named[s.code] = s.section
	}
	for _, b := range norm.Behaviours() {
		t.Run(string(b.Code), func(t *testing.T) {
			require.True(t, b.Source.Valid())
			assert.Equal(t, "001", b.Source.Seed)
			section, ok := named[b.Code]
			if !ok {
				assert.True(t, b.Addition, "no seed names %s: it must be marked as the project's addition", b.Code)
				assert.False(t, norm.InBaseline(b.Code))
				return
			}
			assert.False(t, b.Addition)
			assert.Equal(t, section, b.Source.Section)
			assert.True(t, norm.InBaseline(b.Code))
		})
	}
	// The additions rest on: TNO's sexual intimidation (touching), the
	// "e.d." after duwen, slaan, schoppen (throwing), VPT's recovery of
	// damage from the perpetrator (property).
	for code, section := range map[norm.BehaviourCode]string{
		norm.UnwantedTouching: "2.1.3",
		norm.ThrowingObjects:  "4.2.1",
		norm.DamagingProperty: "2.2.1",
	} {
		b, ok := norm.LookupBehaviour(code)
		require.True(t, ok)
		assert.True(t, b.Addition, "%s", code)
		assert.Equal(t, section, b.Source.Section, "%s rests on", code)
	}
}
