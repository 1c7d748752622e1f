package norm_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

// fullNorm is a norm that covers the baseline and is known to both groups.
func fullNorm() norm.OrgNorm {
	return norm.OrgNorm{
		Behaviours:       norm.Baseline(),
		KnownToEmployees: []norm.EmployeeMedium{norm.EmployeeIntranet},
		KnownToClients:   []norm.ClientMedium{norm.ClientHouseRules, norm.ClientWebsite},
	}
}

func TestBaseline(t *testing.T) {
	b := norm.Baseline()
	// The behaviours that the VPT norm and the domain brief name.
	for _, c := range []norm.BehaviourCode{
		norm.Swearing, norm.Shouting, norm.Humiliating, norm.Taunting, norm.Bullying,
		norm.Stalking, norm.Pressuring, norm.Blackmail, norm.Threatening,
		norm.Whistling, norm.SexualRemarks, norm.DiscriminatingRemarks,
		norm.Pushing, norm.Hitting, norm.Kicking, norm.Spitting,
	} {
		assert.Contains(t, b, c)
		assert.True(t, norm.InBaseline(c))
	}
	for _, c := range []norm.BehaviourCode{norm.UnwantedTouching, norm.ThrowingObjects, norm.DamagingProperty} {
		assert.False(t, norm.InBaseline(c), "%s is a project addition, not baseline", c)
	}
	requireUnique(t, b)
	// In catalogue order, every code from the catalogue, every category covered.
	all := norm.BehaviourCodes()
	assert.True(t, slices.IsSortedFunc(b, func(x, y norm.BehaviourCode) int {
		return slices.Index(all, x) - slices.Index(all, y)
	}))
	// Every category the seeds name; property only has an addition.
	assert.Equal(t, slices.DeleteFunc(norm.Categories(), func(c norm.Category) bool { return c == norm.Property }),
		norm.Classify(b).Categories)

	// Callers get a copy.
	b[0] = "bogus"
	assert.NotEqual(t, norm.BehaviourCode("bogus"), norm.Baseline()[0])
}

func TestBaselineCoverage(t *testing.T) {
	total := len(norm.Baseline())
	tests := []struct {
		name  string
		codes []norm.BehaviourCode
		want  int
	}{
		{"none", nil, 0},
		{"all", norm.Baseline(), total},
		{"whole catalogue", norm.BehaviourCodes(), total},
		{"repeats count once", []norm.BehaviourCode{norm.Hitting, norm.Hitting, norm.Spitting}, 2},
		{"unknown and non-baseline codes do not count", []norm.BehaviourCode{"bogus", norm.ThrowingObjects, norm.Kicking}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			covered, n := norm.BaselineCoverage(tt.codes)
			assert.Equal(t, tt.want, covered)
			assert.Equal(t, total, n)
		})
	}
}

func TestCheckNormComplete(t *testing.T) {
	got := norm.CheckNorm(fullNorm())
	assert.Equal(t, norm.NormCheck{
		MissingBehaviours: []norm.BehaviourCode{},
		MissingCategories: []norm.Category{},
		KnownToEmployees:  true,
		KnownToClients:    true,
	}, got)
	assert.True(t, got.Complete())

	// Findings serialise as empty lists, not null.
	out, err := json.Marshal(got)
	require.NoError(t, err)
	assert.JSONEq(t, `{"missing_behaviours":[],"missing_categories":[],"known_to_employees":true,"known_to_clients":true}`, string(out))
}

func TestCheckNormEmpty(t *testing.T) {
	got := norm.CheckNorm(norm.OrgNorm{})
	assert.Equal(t, norm.Baseline(), got.MissingBehaviours)
	assert.Equal(t, slices.DeleteFunc(norm.Categories(), func(c norm.Category) bool { return c == norm.Property }),
		got.MissingCategories, "every category the seeds name")
	assert.False(t, got.KnownToEmployees)
	assert.False(t, got.KnownToClients)
	assert.False(t, got.CoversBaseline())
	assert.False(t, got.Complete())
}

// TestCheckNormMissingCategory drops every behaviour of one category in
// turn and expects exactly that category, and its baseline behaviours, to
// be reported; an extra behaviour of the category then brings it back.
func TestCheckNormMissingCategory(t *testing.T) {
	for _, cat := range norm.Categories() {
		t.Run(string(cat), func(t *testing.T) {
			n := fullNorm()
			dropped := []norm.BehaviourCode{}
			n.Behaviours = slices.DeleteFunc(norm.BehaviourCodes(), func(c norm.BehaviourCode) bool {
				if c.Category() == cat {
					if norm.InBaseline(c) {
						dropped = append(dropped, c)
					}
					return true
				}
				return false
			})
			if cat != norm.Property { // only the addition damaging_property has it
				require.NotEmpty(t, dropped)
			}

			got := norm.CheckNorm(n)
			if cat == norm.Property {
				// No seed names property: a norm without it misses nothing.
				assert.Empty(t, got.MissingCategories)
			} else {
				assert.Equal(t, []norm.Category{cat}, got.MissingCategories)
			}
			assert.Equal(t, dropped, got.MissingBehaviours)
			// Without property the baseline is still covered: no seed names it.
			assert.Equal(t, cat == norm.Property, got.Complete())
			assert.True(t, got.KnownToEmployees)

			n.Extra = []norm.ExtraBehaviour{{Code: "own_" + string(cat), Category: cat, Label: norm.T("eigen", "own")}}
			got = norm.CheckNorm(n)
			assert.Empty(t, got.MissingCategories, "an extra behaviour covers its category")
			assert.Equal(t, dropped, got.MissingBehaviours, "but not the baseline behaviours")
		})
	}
}

func TestCheckNormKnown(t *testing.T) {
	tests := []struct {
		name           string
		emp            []norm.EmployeeMedium
		cli            []norm.ClientMedium
		wantEmp, wantC bool
	}{
		{"neither", nil, nil, false, false},
		{"employees only", []norm.EmployeeMedium{norm.EmployeeTraining}, nil, true, false},
		{"clients only", nil, []norm.ClientMedium{norm.ClientLetters}, false, true},
		{"unknown media do not count", []norm.EmployeeMedium{"poster"}, []norm.ClientMedium{"radio"}, false, false},
		{"both", []norm.EmployeeMedium{"poster", norm.EmployeeHandbook}, []norm.ClientMedium{norm.ClientSignage}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := fullNorm()
			n.KnownToEmployees, n.KnownToClients = tt.emp, tt.cli
			got := norm.CheckNorm(n)
			assert.Equal(t, tt.wantEmp, got.KnownToEmployees)
			assert.Equal(t, tt.wantC, got.KnownToClients)
			assert.Equal(t, tt.wantEmp && tt.wantC, got.Complete())
		})
	}
}

func TestOrgNormValidate(t *testing.T) {
	require.NoError(t, fullNorm().Validate())

	n := norm.OrgNorm{
		Behaviours: []norm.BehaviourCode{norm.Hitting, "bogus", norm.Hitting},
		Extra: []norm.ExtraBehaviour{
			{Code: "", Category: norm.Verbal, Label: norm.T("a", "a")},
			{Code: "hitting", Category: norm.Physical, Label: norm.T("slaan", "hitting")},
			{Code: "own", Category: "loud", Label: norm.T("b", "b")},
			{Code: "own", Category: "", Label: norm.T(" ", "")},
		},
		KnownToEmployees: []norm.EmployeeMedium{"poster"},
		KnownToClients:   []norm.ClientMedium{"radio"},
	}
	err := n.Validate()
	require.ErrorIs(t, err, norm.ErrInvalid)
	var e *norm.Error
	require.ErrorAs(t, err, &e)
	want := []struct {
		ptr  string
		code norm.ProblemCode
	}{
		{"/behaviours/1", norm.CodeEnum},
		{"/behaviours/2", norm.CodeDuplicate},
		{"/extra/0/code", norm.CodeRequired},
		{"/extra/1/code", norm.CodeDuplicate},
		{"/extra/2/category", norm.CodeEnum},
		{"/extra/3/code", norm.CodeDuplicate},
		{"/extra/3/category", norm.CodeRequired},
		{"/extra/3/label", norm.CodeRequired},
		{"/known_to_employees/0", norm.CodeEnum},
		{"/known_to_clients/0", norm.CodeEnum},
	}
	for _, w := range want {
		assert.True(t, e.Has(w.ptr, w.code), "missing %s %s in\n%s", w.ptr, w.code, e)
	}
	assert.Len(t, e.Problems, len(want))
	for _, p := range e.Problems {
		requireText(t, p.Pointer, p.Message)
	}
}

func TestOrgNormJSON(t *testing.T) {
	in := `{"behaviours":["hitting","spitting"],"extra":[{"code":"own","category":"verbal","label":{"nl":"a","en":"b"}}],"known_to_employees":["intranet"],"known_to_clients":["website"]}`
	var n norm.OrgNorm
	require.NoError(t, json.Unmarshal([]byte(in), &n))
	assert.Equal(t, []norm.BehaviourCode{norm.Hitting, norm.Spitting}, n.Behaviours)
	out, err := json.Marshal(n)
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))

	err = json.Unmarshal([]byte(`{"known_to_clients":["radio"]}`), &n)
	require.ErrorIs(t, err, norm.ErrUnknownCode)
	assert.Contains(t, err.Error(), `"radio"`)
}
