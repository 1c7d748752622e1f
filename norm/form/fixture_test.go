package form

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

// The fixture mirrors the shape of a full self-assessment (organisation,
// date, assessor, 41 answers with typed values, comments and evidence)
// without importing the checklist package, so these tests and benchmarks
// stay independent of it.

type fxKind string

var fxKinds = []fxKind{"municipality", "executive_agency", "ministry", "other"}

func (k *fxKind) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("organisation_kind", string(b), fxKinds)
	if err != nil {
		return err
	}
	*k = v
	return nil
}

func (k fxKind) MarshalText() ([]byte, error) {
	return norm.MarshalCode("organisation_kind", k, fxKinds)
}

type fxOrg struct {
	Name      string `json:"name" jsonschema:"minLength=1,maxLength=200"`
	Kind      fxKind `json:"kind"`
	Employees int    `json:"client_facing_employees" jsonschema:"minimum=0"`
	Managers  int    `json:"managers" jsonschema:"minimum=0"`
}

type fxAssessor struct {
	ID   string `json:"id" jsonschema:"minLength=1"`
	Role string `json:"role,omitempty"`
}

type fxEvidence struct {
	Title     string    `json:"title" jsonschema:"minLength=1"`
	Reference string    `json:"reference" jsonschema:"minLength=1"`
	Date      norm.Date `json:"date"`
}

// fxValue is a bool, number, string or list of strings, decoded by hand
// like checklist.Value.
type fxValue struct {
	kind byte
	b    bool
	n    float64
	s    string
	list []string
}

func (v *fxValue) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return fmt.Errorf("empty value")
	case b[0] == 'n':
		*v = fxValue{}
	case b[0] == 't' || b[0] == 'f':
		*v = fxValue{kind: 'b', b: b[0] == 't'}
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*v = fxValue{kind: 's', s: s}
	case b[0] == '[':
		var l []string
		if err := json.Unmarshal(b, &l); err != nil {
			return err
		}
		*v = fxValue{kind: 'l', list: l}
	default:
		var n float64
		if err := json.Unmarshal(b, &n); err != nil || math.IsInf(n, 0) {
			return fmt.Errorf("value must be a bool, number, string or list of strings")
		}
		*v = fxValue{kind: 'n', n: n}
	}
	return nil
}

func (v fxValue) MarshalJSON() ([]byte, error) {
	switch v.kind {
	case 'b':
		return json.Marshal(v.b)
	case 'n':
		return json.Marshal(v.n)
	case 's':
		return json.Marshal(v.s)
	case 'l':
		return json.Marshal(v.list)
	}
	return []byte("null"), nil
}

type fxAnswer struct {
	Value    fxValue      `json:"value"`
	Comment  string       `json:"comment,omitempty" jsonschema:"maxLength=2000"`
	Evidence []fxEvidence `json:"evidence,omitempty"`
}

type fxAssessment struct {
	Version  string              `json:"version"`
	Org      fxOrg               `json:"organisation"`
	Date     norm.Date           `json:"assessment_date"`
	Assessor fxAssessor          `json:"assessor"`
	Answers  map[string]fxAnswer `json:"answers"`
}

// fxCriteria are 41 criteria of 14 items with their answer types, like the
// real catalogue.
func fxCriteria() []struct{ id, typ string } {
	types := []string{"percent", "choice", "bool", "multi", "count", "date", "months"}
	var out []struct{ id, typ string }
	n := 0
	for item := 1; item <= 14; item++ {
		per := 3
		if item == 14 {
			per = 2
		}
		for c := 1; c <= per; c++ {
			out = append(out, struct{ id, typ string }{fmt.Sprintf("GG%02d-%d", item, c), types[n%len(types)]})
			n++
		}
	}
	return out
}

var fxChoices = []string{"none", "safety_only", "both", "within_6_months", "later_or_never"}

// fxSchema is the house schema of fxAssessment with one property per
// criterion under answers, as the checklist package builds it.
func fxSchema(tb testing.TB) []byte {
	tb.Helper()
	s, err := ReflectSchema(fxAssessment{}, "https://goedgesprek.nl/schema/test/assessment/v1.json",
		Enum(fxKinds))
	require.NoError(tb, err)
	vs, ok := s.Properties.Get("version")
	require.True(tb, ok)
	vs.Const = "1"
	answers := &Schema{Type: "object", Properties: NewProperties(), AdditionalProperties: False()}
	zero, hundred := json.Number("0"), json.Number("100")
	for _, c := range fxCriteria() {
		var val *Schema
		switch c.typ {
		case "percent":
			val = &Schema{Type: "number", Minimum: zero, Maximum: hundred}
		case "count", "months":
			val = &Schema{Type: "integer", Minimum: zero}
		case "bool":
			val = &Schema{Type: "boolean"}
		case "date":
			val = &Schema{Type: "string", Format: "date"}
		case "choice":
			val = &Schema{Type: "string"}
			for _, o := range fxChoices {
				val.OneOf = append(val.OneOf, &Schema{Const: o, Title: "label " + o})
			}
		case "multi":
			one := uint64(1)
			val = &Schema{Type: "array", UniqueItems: true, MinItems: &one, Items: &Schema{Type: "string", Enum: []any{"team_meeting", "intranet", "posters", "newsletter", "email"}}}
		}
		props := NewProperties()
		val.Title = "Vraag " + c.id
		props.Set("value", val)
		props.Set("comment", &Schema{Type: "string", MaxLength: ptr(uint64(2000))})
		props.Set("evidence", &Schema{Type: "array", Items: &Schema{Ref: "#/$defs/fxEvidence"}})
		answers.Properties.Set(c.id, &Schema{Type: "object", Properties: props, Required: []string{"value"}, AdditionalProperties: False()})
	}
	s.Properties.Set("answers", answers)
	b, err := Marshal(s)
	require.NoError(tb, err)
	return b
}

func ptr[T any](v T) *T { return &v }

// fxDocument is a valid full assessment of about 10 KB.
func fxDocument() []byte {
	var b strings.Builder
	b.WriteString(`{
  "version": "1",
  "organisation": {"name": "Gemeente Voorbeeld (fictief)", "kind": "municipality", "client_facing_employees": 240, "managers": 18},
  "assessment_date": "2026-03-31",
  "assessor": {"id": "AUD-0001", "role": "kwaliteitsadviseur"},
  "answers": {`)
	for i, c := range fxCriteria() {
		if i > 0 {
			b.WriteString(",")
		}
		var v string
		switch c.typ {
		case "percent":
			v = "87.5"
		case "count", "months":
			v = "4"
		case "bool":
			v = "true"
		case "date":
			v = `"2025-11-03"`
		case "choice":
			v = `"both"`
		case "multi":
			v = `["team_meeting", "intranet", "newsletter"]`
		}
		fmt.Fprintf(&b, "\n    %q: {\"value\": %s, \"comment\": \"Toelichting bij %s: zo geregeld sinds vorig jaar.\", \"evidence\": [{\"title\": \"Beleidsstuk %s\", \"reference\": \"DOC-%03d\", \"date\": \"2025-06-%02d\"}, {\"title\": \"Verslag overleg\", \"reference\": \"VERSLAG-%03d\", \"date\": \"2025-09-%02d\"}]}",
			c.id, v, c.id, c.id, i, 1+i%28, i, 1+i%28)
	}
	b.WriteString("\n  }\n}\n")
	return []byte(b.String())
}

func TestFixtureIsValid(t *testing.T) {
	doc := fxDocument()
	require.Greater(t, len(doc), 9000)
	require.Less(t, len(doc), 13000)
	v, err := NewValidator(fxSchema(t))
	require.NoError(t, err)
	require.Empty(t, v.Validate(doc))
	var a fxAssessment
	require.Empty(t, Decode(bytes.NewReader(doc), v, &a, Limits{}))
	require.Len(t, a.Answers, 41)
	require.Equal(t, "2025-06-02", a.Answers["GG01-2"].Evidence[0].Date.String())
}
