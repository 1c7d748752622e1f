package norm_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

// orgCodesNorm adds two behaviours of its own, and tries to recategorise a
// catalogue code (which Validate refuses and classification ignores).
func orgCodesNorm() norm.OrgNorm {
	return norm.OrgNorm{
		Behaviours: []norm.BehaviourCode{norm.Swearing},
		Extra: []norm.ExtraBehaviour{
			{Code: "refusing_to_leave", Category: norm.Threat, Label: norm.T("weigeren te vertrekken", "refusing to leave")},
			{Code: "filming_staff", Category: norm.Verbal, Label: norm.T("medewerkers filmen", "filming staff")},
			{Code: "swearing", Category: norm.Physical, Label: norm.T("x", "x")},
		},
	}
}

func TestOrgNormClassify(t *testing.T) {
	n := orgCodesNorm()
	c, ok := n.ExtraCategory("refusing_to_leave")
	assert.True(t, ok)
	assert.Equal(t, norm.Threat, c)
	_, ok = n.ExtraCategory("swearing")
	assert.False(t, ok, "a catalogue code keeps the catalogue's category")
	_, ok = n.ExtraCategory("unknown")
	assert.False(t, ok)

	got := n.Classify([]norm.BehaviourCode{"filming_staff", "refusing_to_leave", "nobody_defines_this"})
	assert.Equal(t, []norm.Category{norm.Verbal, norm.Threat}, got.Categories)
	assert.Equal(t, norm.Threat, got.Worst)
	assert.Equal(t, norm.SeverityHigh, got.Severity)

	got = n.Classify([]norm.BehaviourCode{"swearing"})
	assert.Equal(t, []norm.Category{norm.Verbal}, got.Categories)

	// Without own codes, ClassifyWith is Classify.
	for _, codes := range [][]norm.BehaviourCode{nil, {norm.Hitting, norm.Swearing}, {norm.DamagingProperty, "x"}} {
		assert.Equal(t, norm.Classify(codes), norm.ClassifyWith(codes, nil))
	}
}

func TestValidOrgCode(t *testing.T) {
	for code, want := range map[string]bool{
		"refusing_to_leave": true, "a": true, "x1": true,
		"": false, "1x": false, "_x": false, "Refusing": false, "refusing to leave": false,
		"a;b": false, "a:b": false, "a-b": false, strings.Repeat("a", 65): false, strings.Repeat("a", 64): true,
	} {
		assert.Equal(t, want, norm.ValidOrgCode(code), code)
	}
}

// TestOrgNormValidateCodeForm: an extra code an incident register would
// refuse is refused when the norm is checked, not first when an incident
// uses it.
func TestOrgNormValidateCodeForm(t *testing.T) {
	for _, code := range []string{"Filming_Staff", "filming staff", "9lives", "_x", "filming-staff", strings.Repeat("a", norm.MaxOrgCodeLen+1)} {
		t.Run(code[:min(len(code), 16)], func(t *testing.T) {
			n := norm.OrgNorm{
				Behaviours: []norm.BehaviourCode{norm.Hitting},
				Extra: []norm.ExtraBehaviour{
					{Code: "filming_staff", Category: norm.Threat, Label: norm.T("filmen", "filming")},
					{Code: code, Category: norm.Threat, Label: norm.T("x", "x")},
				},
			}
			var e *norm.Error
			require.ErrorAs(t, n.Validate(), &e)
			require.Len(t, e.Problems, 1, "%s", e)
			assert.True(t, e.Has("/extra/1/code", norm.CodeFormat), "%s", e)
			requireText(t, e.Problems[0].Pointer, e.Problems[0].Message)
		})
	}
	n := norm.OrgNorm{Behaviours: []norm.BehaviourCode{norm.Hitting}, Extra: []norm.ExtraBehaviour{
		{Code: strings.Repeat("a", norm.MaxOrgCodeLen), Category: norm.Threat, Label: norm.T("x", "x")}}}
	assert.NoError(t, n.Validate())
}
