package norm_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

// sections001 are the sections of seed 001 that the catalogues may cite.
var sections001 = []string{"2.1.3", "2.2.1", "2.2.2", "2.2.3", "4.1", "4.2.1", "4.3.1"}

// requireSource checks that src names one of the seeds, and for the long
// report 001 one of its sections.
func requireSource(t *testing.T, src norm.Source) {
	t.Helper()
	require.True(t, src.Valid(), "empty source")
	require.Contains(t, []string{"000", "001", "002", "003", "004"}, src.Seed)
	if src.Seed == "001" {
		require.Contains(t, sections001, src.Section)
	}
}

func requireText(t *testing.T, what string, x norm.Text) {
	t.Helper()
	require.NotEmpty(t, x.NL, "%s: Dutch missing", what)
	require.NotEmpty(t, x.EN, "%s: English missing", what)
	require.True(t, x.Complete())
}

func requireUnique[T comparable](t *testing.T, ids []T) {
	t.Helper()
	seen := map[T]bool{}
	for _, id := range ids {
		require.False(t, seen[id], "duplicate %v", id)
		seen[id] = true
	}
}

func TestCatalogueBehaviours(t *testing.T) {
	bs := norm.Behaviours()
	require.Len(t, bs, len(norm.BehaviourCodes()))
	var codes []norm.BehaviourCode
	for _, b := range bs {
		t.Run(string(b.Code), func(t *testing.T) {
			requireText(t, "label", b.Label)
			requireSource(t, b.Source)
			require.True(t, b.Category.Valid(), "category %q", b.Category)
			assert.Equal(t, b.Category, b.Code.Category())
			assert.Equal(t, b.Label, b.Code.Label())
			got, ok := norm.LookupBehaviour(b.Code)
			require.True(t, ok)
			assert.Equal(t, b, got)
		})
		codes = append(codes, b.Code)
	}
	requireUnique(t, codes)
	assert.Equal(t, norm.BehaviourCodes(), codes, "codes and catalogue in the same order")

	// Every category has at least one catalogue behaviour.
	for _, c := range norm.Categories() {
		assert.True(t, slices.ContainsFunc(bs, func(b norm.Behaviour) bool { return b.Category == c }), "no behaviour for %s", c)
	}
	_, ok := norm.LookupBehaviour("bogus")
	assert.False(t, ok)
	assert.Equal(t, norm.Category(""), norm.BehaviourCode("bogus").Category())
}

func TestCatalogueCategories(t *testing.T) {
	infos := norm.CategoryInfos()
	require.Len(t, infos, len(norm.Categories()))
	for i, info := range infos {
		t.Run(string(info.Category), func(t *testing.T) {
			assert.Equal(t, norm.Categories()[i], info.Category, "same order as Categories")
			assert.Equal(t, i+1, info.Category.Rank())
			requireText(t, "label", info.Label)
			requireText(t, "description", info.Description)
			requireSource(t, info.Source)
			assert.Equal(t, norm.SeverityOf(info.Category), info.Severity)
			assert.Equal(t, info, info.Category.Info())
		})
	}
	requireUnique(t, norm.Categories())
	for _, s := range norm.Severities() {
		requireText(t, string(s), s.Label())
	}
	assert.Equal(t, norm.Text{}, norm.Category("bogus").Label())
	assert.Equal(t, 0, norm.Category("bogus").Rank())
	assert.False(t, norm.Category("bogus").Valid())
}

func TestCataloguePrinciples(t *testing.T) {
	ps := norm.Principles()
	require.Len(t, ps, 18)
	var ids []norm.PrincipleID
	count := map[norm.Programme]int{}
	for _, p := range ps {
		t.Run(string(p.ID), func(t *testing.T) {
			requireText(t, "title", p.Title)
			requireText(t, "description", p.Description)
			requireSource(t, p.Source)
			requireText(t, "programme", p.Programme.Label())
			want := map[norm.Programme]string{norm.ProgrammeVPT: "2.2.1", norm.ProgrammePC: "2.2.2"}[p.Programme]
			assert.Equal(t, want, p.Source.Section)
			got, ok := norm.LookupPrinciple(p.ID)
			require.True(t, ok)
			assert.Equal(t, p, got)
		})
		ids = append(ids, p.ID)
		count[p.Programme]++
	}
	requireUnique(t, ids)
	assert.Equal(t, norm.PrincipleIDs(), ids)
	assert.Equal(t, map[norm.Programme]int{norm.ProgrammeVPT: 8, norm.ProgrammePC: 10}, count)
	_, ok := norm.LookupPrinciple("VPT9")
	assert.False(t, ok)
}

func TestCatalogueTrafficLight(t *testing.T) {
	tl := norm.TrafficLight()
	require.Len(t, tl, 3)
	for i, p := range tl {
		t.Run(string(p.Phase), func(t *testing.T) {
			assert.Equal(t, norm.Phases()[i], p.Phase)
			requireText(t, "label", p.Label)
			requireText(t, "description", p.Description)
			require.NotEmpty(t, p.Signals)
			require.NotEmpty(t, p.Actions)
			for _, s := range p.Signals {
				requireText(t, "signal", s)
			}
			for _, a := range p.Actions {
				requireText(t, "action", a)
			}
			assert.Equal(t, "000", p.Source.Seed)
			requireSource(t, p.Source)
			assert.Equal(t, p.Label, p.Phase.Label())
		})
	}
	// The red phase carries seed 000's three concrete actions.
	red := norm.Red.Info()
	var en []string
	for _, a := range red.Actions {
		en = append(en, a.EN)
	}
	assert.Contains(t, en, "press the alarm button to call security")
	assert.Contains(t, en, "register the incident")

	// Callers cannot change the catalogue through the returned slices.
	tl[0].Signals[0] = norm.T("x", "x")
	assert.NotEqual(t, "x", norm.TrafficLight()[0].Signals[0].EN)
	assert.Equal(t, norm.PhaseInfo{}, norm.Phase("blue").Info())
}

func TestCatalogueLabels(t *testing.T) {
	for _, c := range norm.Channels() {
		requireText(t, string(c), c.Label())
		requireSource(t, c.Source())
		assert.True(t, c.Valid())
	}
	requireUnique(t, norm.Channels())
	assert.False(t, norm.Channel("fax").Valid())
	for _, m := range norm.EmployeeMedia() {
		requireText(t, string(m), m.Label())
	}
	requireUnique(t, norm.EmployeeMedia())
	for _, m := range norm.ClientMedia() {
		requireText(t, string(m), m.Label())
	}
	requireUnique(t, norm.ClientMedia())
	for _, s := range norm.ServiceTopics() {
		requireText(t, string(s), s.Label())
	}
	requireUnique(t, norm.ServiceTopics())
	for _, m := range norm.Measures() {
		requireText(t, string(m), m.Label())
	}
	requireUnique(t, norm.Measures())
	for _, p := range norm.Programmes() {
		requireText(t, string(p), p.Label())
	}
}
