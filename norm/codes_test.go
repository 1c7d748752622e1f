package norm_test

import (
	"encoding"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

// codeType describes one string-backed enum of the package: how to make a
// fresh value, its kind as CodeError names it, and its allowed codes.
type codeType struct {
	name    string
	kind    string
	newPtr  func() encoding.TextUnmarshaler // a pointer to a zero value
	allowed []string
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// codeTypes is every code type of norm, in one table.
var codeTypes = []codeType{
	{"Category", "category", func() encoding.TextUnmarshaler { return new(norm.Category) }, strs(norm.Categories())},
	{"Severity", "severity", func() encoding.TextUnmarshaler { return new(norm.Severity) }, strs(norm.Severities())},
	{"BehaviourCode", "behaviour", func() encoding.TextUnmarshaler { return new(norm.BehaviourCode) }, strs(norm.BehaviourCodes())},
	{"PrincipleID", "principle", func() encoding.TextUnmarshaler { return new(norm.PrincipleID) }, strs(norm.PrincipleIDs())},
	{"Programme", "programme", func() encoding.TextUnmarshaler { return new(norm.Programme) }, strs(norm.Programmes())},
	{"Channel", "channel", func() encoding.TextUnmarshaler { return new(norm.Channel) }, strs(norm.Channels())},
	{"Phase", "phase", func() encoding.TextUnmarshaler { return new(norm.Phase) }, strs(norm.Phases())},
	{"Lang", "lang", func() encoding.TextUnmarshaler { return new(norm.Lang) }, strs(norm.Langs())},
	{"EmployeeMedium", "employee medium", func() encoding.TextUnmarshaler { return new(norm.EmployeeMedium) }, strs(norm.EmployeeMedia())},
	{"ClientMedium", "client medium", func() encoding.TextUnmarshaler { return new(norm.ClientMedium) }, strs(norm.ClientMedia())},
	{"ServiceTopic", "service topic", func() encoding.TextUnmarshaler { return new(norm.ServiceTopic) }, strs(norm.ServiceTopics())},
	{"Measure", "measure", func() encoding.TextUnmarshaler { return new(norm.Measure) }, strs(norm.Measures())},
}

// checkCode feeds s to the type's UnmarshalText and checks the contract:
// success gives back the same bytes from MarshalText, failure is a
// *CodeError naming the value and the allowed codes.
func checkCode(t *testing.T, ct codeType, s string) {
	t.Helper()
	p := ct.newPtr()
	err := p.UnmarshalText([]byte(s))
	if err == nil {
		m, ok := p.(encoding.TextMarshaler)
		require.True(t, ok, "%s has no MarshalText", ct.name)
		out, err := m.MarshalText()
		require.NoError(t, err, "%s: %q parsed but does not marshal", ct.name, s)
		require.Equal(t, s, string(out), "%s: round trip changed the code", ct.name)
		require.Contains(t, ct.allowed, s, "%s accepted a code outside its list", ct.name)
		return
	}
	var ce *norm.CodeError
	require.ErrorAs(t, err, &ce, "%s: %q", ct.name, s)
	require.ErrorIs(t, err, norm.ErrUnknownCode)
	require.Equal(t, s, ce.Value)
	require.Equal(t, ct.kind, ce.Kind)
	require.Equal(t, ct.allowed, ce.Allowed)
	require.NotContains(t, ct.allowed, s, "%s refused an allowed code", ct.name)
}

func TestCodesRoundTrip(t *testing.T) {
	for _, ct := range codeTypes {
		t.Run(ct.name, func(t *testing.T) {
			require.NotEmpty(t, ct.allowed)
			assert.Len(t, slices.Compact(slices.Sorted(slices.Values(ct.allowed))), len(ct.allowed), "duplicate codes")
			for _, code := range ct.allowed {
				checkCode(t, ct, code)

				// JSON: a quoted code decodes and encodes unchanged.
				p := ct.newPtr()
				quoted, err := json.Marshal(code)
				require.NoError(t, err)
				require.NoError(t, json.Unmarshal(quoted, p))
				back, err := json.Marshal(p)
				require.NoError(t, err)
				assert.JSONEq(t, string(quoted), string(back))
			}
		})
	}
}

func TestCodesRejectUnknown(t *testing.T) {
	for _, ct := range codeTypes {
		t.Run(ct.name, func(t *testing.T) {
			for _, bad := range []string{"", "bogus", " " + ct.allowed[0], ct.allowed[0] + " ", "\x00", "\xff"} {
				checkCode(t, ct, bad)
			}

			// The error names the value and every allowed code.
			err := ct.newPtr().UnmarshalText([]byte("bogus"))
			require.Error(t, err)
			assert.Contains(t, err.Error(), `"bogus"`)
			for _, a := range ct.allowed {
				assert.Contains(t, err.Error(), a)
			}
			var ce *norm.CodeError
			require.ErrorAs(t, err, &ce)
			assert.Contains(t, ce.Message().NL, "bogus")
			assert.Contains(t, ce.Message().EN, "bogus")

			// JSON decoding surfaces the same typed error.
			err = json.Unmarshal([]byte(`"bogus"`), ct.newPtr())
			require.ErrorIs(t, err, norm.ErrUnknownCode)

			// An invalid value refuses to marshal, so it never leaves the process.
			p := ct.newPtr()
			_, err = json.Marshal(struct{ V any }{p})
			if zeroAllowed := slices.Contains(ct.allowed, ""); !zeroAllowed {
				require.Error(t, err, "zero %s marshalled", ct.name)
				require.True(t, errors.Is(err, norm.ErrUnknownCode))
			}
		})
	}
}

// FuzzUnmarshalCodes feeds arbitrary strings to every code type's
// UnmarshalText.
func FuzzUnmarshalCodes(f *testing.F) {
	for _, ct := range codeTypes {
		for _, a := range ct.allowed {
			f.Add(a)
		}
	}
	f.Add("")
	f.Add("VERBAL")
	f.Add("vpt1")
	f.Add("nl-BE")
	f.Fuzz(func(t *testing.T, s string) {
		for _, ct := range codeTypes {
			checkCode(t, ct, s)
		}
	})
}
