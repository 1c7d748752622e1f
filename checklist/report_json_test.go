package checklist_test

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
)

// requireAppendJSON asserts that Report.AppendJSON gives the bytes
// json.Marshal gives, and appends after what the buffer held.
func requireAppendJSON(tb testing.TB, r checklist.Report) {
	tb.Helper()
	want, err := json.Marshal(r)
	require.NoError(tb, err)
	got, err := r.AppendJSON([]byte("x"))
	require.NoError(tb, err)
	require.Equal(tb, byte('x'), got[0], "AppendJSON must append")
	got = got[1:]
	if string(got) != string(want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		from := max(i-60, 0)
		tb.Fatalf("AppendJSON differs from json.Marshal at byte %d:\n got …%s\nwant …%s", i, got[from:min(i+60, len(got))], want[from:min(i+60, len(want))])
	}
}

// TestAppendJSONFields: AppendJSON writes these types field by field; a
// field added to one of them must be added there too (and here).
func TestAppendJSONFields(t *testing.T) {
	for typ, n := range map[reflect.Type]int{
		reflect.TypeFor[checklist.Report]():          19,
		reflect.TypeFor[checklist.Organisation]():    4,
		reflect.TypeFor[checklist.ItemReport]():      7,
		reflect.TypeFor[checklist.CriterionReport](): 10,
		reflect.TypeFor[checklist.Threshold]():       2,
		reflect.TypeFor[checklist.PrincipleReport](): 4,
		reflect.TypeFor[checklist.Finding]():         8,
		reflect.TypeFor[checklist.FindingSource]():   3,
		reflect.TypeFor[norm.Source]():               2,
		reflect.TypeFor[checklist.Policy]():          6,
	} {
		assert.Equal(t, n, typ.NumField(), "%s: update Report.AppendJSON and this count", typ)
	}
}

// TestAppendJSONHostile: strings that encoding/json escapes (HTML
// characters, control characters, U+2028, invalid UTF-8), floats in
// exponent form and every optional part are written alike.
func TestAppendJSONHostile(t *testing.T) {
	a := benchAssessment(t)
	a.Organisation.Name = "<script>&amp; \"Zaak\" \\ é 😀"
	r, err := checklist.Evaluate(a, checklist.WithCriterionWeights(map[checklist.CriterionID]float64{"GG01-1": 1e-7, "GG01-2": 123456789}))
	require.NoError(t, err)
	r.RatingReason = strings.Repeat("a\x1f<>&", 3)
	r.Items[0].Criteria[0].Explanation = "\x00\x01\b\f\n\r\t\x7f\u2028\u2029\xff\xfe"
	r.Items[0].Criteria[1].Answer = checklist.Choice("a\u2028b")
	r.Items[0].Weight = 1e21
	r.Items[1].Weight = -1e-9
	r.Findings[0].Message = "\xed\xa0\x80" // a surrogate half: invalid UTF-8
	requireAppendJSON(t, r)

	r.Items, r.Principles, r.Findings = nil, nil, nil
	requireAppendJSON(t, r)
}

// TestAppendJSONRefuses: a code outside its set and a number that is not
// finite are refused, as json.Marshal refuses them, and the buffer is
// handed back unchanged.
func TestAppendJSONRefuses(t *testing.T) {
	base, err := checklist.Evaluate(benchAssessment(t))
	require.NoError(t, err)
	for name, spoil := range map[string]func(r *checklist.Report){
		"result":    func(r *checklist.Report) { r.Items[0].Criteria[0].Result = "fine" },
		"rating":    func(r *checklist.Report) { r.Rating = "purple" },
		"principle": func(r *checklist.Report) { r.Items[0].Principles = []norm.PrincipleID{"VPT9"} },
		"lang":      func(r *checklist.Report) { r.Language = "de" },
		"nan":       func(r *checklist.Report) { r.Score = math.NaN() },
		"inf":       func(r *checklist.Report) { r.Principles[0].Coverage = math.Inf(1) },
	} {
		t.Run(name, func(t *testing.T) {
			r := base
			r.Items = append([]checklist.ItemReport(nil), base.Items...)
			r.Items[0].Criteria = append([]checklist.CriterionReport(nil), base.Items[0].Criteria...)
			r.Principles = append([]checklist.PrincipleReport(nil), base.Principles...)
			spoil(&r)
			_, jerr := json.Marshal(r)
			require.Error(t, jerr)
			got, err := r.AppendJSON([]byte("kept"))
			require.Error(t, err)
			assert.Equal(t, "kept", string(got))
		})
	}
}
