package form

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

type rfPhase string

var rfPhases = []rfPhase{"green", "orange", "red"}

func rfLabel(p rfPhase) norm.Text {
	switch p {
	case "green":
		return norm.T("groen", "green")
	case "orange":
		return norm.T("oranje", "orange")
	}
	return norm.T("rood", "red")
}

type rfInner struct {
	Ref string `json:"ref"`
}

type rfDoc struct {
	ID       string            `json:"id"`
	Note     string            `json:"note,omitempty"`
	Zero     int               `json:"zero,omitzero"`
	Date     norm.Date         `json:"date"`
	At       time.Time         `json:"at"`
	Kind     fxKind            `json:"kind"`
	Phase    rfPhase           `json:"phase"`
	Phases   []rfPhase         `json:"phases,omitempty"`
	Lang     norm.Lang         `json:"lang,omitempty"` // a TextMarshaler that is not registered
	Value    fxValue           `json:"value,omitzero"` // its own MarshalJSON
	Pct      float64           `json:"pct" jsonschema:"minimum=0,maximum=100"`
	Inner    rfInner           `json:"inner"`
	Inners   []*rfInner        `json:"inners,omitempty"`
	Extra    map[string]string `json:"extra,omitempty"`
	Skipped  string            `json:"-"`
	internal string            //lint:ignore U1000 deliberate: an unexported field the schema must not show
}

func reflectTree(tb testing.TB, v any, opts ...ReflectOption) map[string]any {
	tb.Helper()
	b, err := Reflect(v, "https://goedgesprek.nl/schema/test/v1.json", opts...)
	require.NoError(tb, err)
	var m map[string]any
	require.NoError(tb, json.Unmarshal(b, &m))
	return m
}

func prop(m map[string]any, name string) map[string]any {
	return m["properties"].(map[string]any)[name].(map[string]any)
}

func TestReflectHouseSettings(t *testing.T) {
	m := reflectTree(t, rfDoc{}, Enum(fxKinds), EnumLabels(rfPhases, rfLabel))
	assert.Equal(t, Draft2020URL, m["$schema"])
	assert.Equal(t, "https://goedgesprek.nl/schema/test/v1.json", m["$id"])
	assert.Equal(t, "object", m["type"], "the root is the type itself, not a $ref")
	assert.Equal(t, false, m["additionalProperties"])
	assert.ElementsMatch(t, []any{"id", "date", "at", "kind", "phase", "pct", "inner"}, m["required"])
	assert.Equal(t, map[string]any{"type": "string", "format": "date"}, prop(m, "date"))
	assert.Equal(t, map[string]any{"type": "string", "format": "date-time"}, prop(m, "at"))
	assert.Equal(t, map[string]any{"type": "string", "enum": []any{"municipality", "executive_agency", "ministry", "other"}}, prop(m, "kind"))
	assert.Equal(t, map[string]any{"type": "string", "oneOf": []any{
		map[string]any{"const": "green", "title": "groen"},
		map[string]any{"const": "orange", "title": "oranje"},
		map[string]any{"const": "red", "title": "rood"},
	}}, prop(m, "phase"))
	assert.Equal(t, "array", prop(m, "phases")["type"])
	assert.Len(t, prop(m, "phases")["items"].(map[string]any)["oneOf"], 3)
	assert.Equal(t, map[string]any{"type": "string"}, prop(m, "lang"))
	assert.Equal(t, float64(0), prop(m, "pct")["minimum"])
	assert.Equal(t, float64(100), prop(m, "pct")["maximum"])
	props := m["properties"].(map[string]any)
	assert.NotContains(t, props, "Skipped")
	assert.NotContains(t, props, "-")
	assert.NotContains(t, props, "internal")
	assert.Contains(t, props, "value")
	// Every object schema, nested ones included, is closed.
	defs := m["$defs"].(map[string]any)
	require.Contains(t, defs, "rfInner")
	assert.Equal(t, false, defs["rfInner"].(map[string]any)["additionalProperties"])
	assert.Equal(t, map[string]any{"$ref": "#/$defs/rfInner"}, prop(m, "inner"))

	en := reflectTree(t, rfDoc{}, EnumLabels(rfPhases, rfLabel), Lang(norm.EN))
	assert.Equal(t, "orange", prop(en, "phase")["oneOf"].([]any)[1].(map[string]any)["title"])
}

func TestReflectedSchemaValidates(t *testing.T) {
	b, err := Reflect(rfDoc{}, "https://goedgesprek.nl/schema/test/v1.json", Enum(fxKinds), EnumLabels(rfPhases, rfLabel))
	require.NoError(t, err)
	for _, d := range Dialects() {
		s, err := Convert(b, d)
		require.NoError(t, err)
		v, err := NewValidator(s)
		require.NoError(t, err)
		ok := `{"id": "x", "date": "2025-01-31", "at": "2025-01-31T10:00:00+01:00", "kind": "ministry", "phase": "red", "pct": 50, "inner": {"ref": "r"}, "value": ["a"]}`
		assert.Empty(t, v.Validate([]byte(ok)), d)
		var dst rfDoc
		assert.Empty(t, Decode(bytesReader(ok), v, &dst, Limits{}), d)
		bad := `{"id": "x", "date": "2025-02-30", "at": "noon", "kind": "castle", "phase": "blue", "pct": 101, "inner": {"ref": "r", "x": 1}}`
		probs := v.Validate([]byte(bad))
		assert.Equal(t, []string{"/at", "/date", "/inner/x", "/kind", "/pct", "/phase"}, pointers(probs), d)
		assert.Equal(t, []norm.ProblemCode{norm.CodeFormat, norm.CodeFormat, norm.CodeUnknownField, norm.CodeEnum, norm.CodeRange, norm.CodeEnum}, codes(probs), d)
	}
}

// Two types with one name in different packages get distinct definitions.
type rfClash struct {
	A rfInner `json:"a"`
	B struct {
		X Schema `json:"-"`
	} `json:"b"`
	C norm.Source `json:"c"`
	D Source      `json:"d"`
}

// Source shares its name with norm.Source.
type Source struct {
	Where string `json:"where"`
}

func TestReflectNameClash(t *testing.T) {
	m := reflectTree(t, rfClash{})
	defs := m["$defs"].(map[string]any)
	assert.Len(t, defs, 3, "rfInner and two different Sources")
	assert.NotEqual(t, prop(m, "c")["$ref"], prop(m, "d")["$ref"])
}

func TestReflectOptions(t *testing.T) {
	m := reflectTree(t, rfInner{},
		Mapper(func(t reflect.Type) *Schema {
			if t == reflect.TypeFor[string]() {
				return &Schema{Type: "string", MinLength: ptr(uint64(1))}
			}
			return nil
		}),
	)
	assert.Equal(t, float64(1), prop(m, "ref")["minLength"])
	outer := reflectTree(t, rfDoc{})
	assert.Contains(t, outer, "$defs")
	assert.Equal(t, "#/$defs/rfInner", prop(outer, "inner")["$ref"])
	in := reflectTree(t, rfDoc{}, Inline())
	assert.NotContains(t, in, "$defs", "Inline writes nested types in place")
	assert.Equal(t, "object", prop(in, "inner")["type"])
}

func TestReflectUnsupportedType(t *testing.T) {
	_, err := Reflect(struct {
		C chan int `json:"c"`
	}{}, "x")
	assert.Error(t, err, "a panic inside the reflector becomes an error")
}

func TestSchemaTreeKeepsOrderAndBooleans(t *testing.T) {
	s := &Schema{Type: "object", Properties: NewProperties(), AdditionalProperties: False()}
	s.Properties.Set("zeta", &Schema{Type: "string"})
	s.Properties.Set("alpha", &Schema{})
	s.Properties.Set("zeta", &Schema{Type: "integer"}) // in its place
	b, err := Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"type":"object","properties":{"zeta":{"type":"integer"},"alpha":true},"additionalProperties":false}`, string(b))
	assert.Less(t, strings.Index(string(b), "zeta"), strings.Index(string(b), "alpha"), "properties keep the order they were set in")
	var back Schema
	require.NoError(t, json.Unmarshal(b, &back))
	var keys []string
	for k := range back.Properties.All() {
		keys = append(keys, k)
	}
	assert.Equal(t, []string{"zeta", "alpha"}, keys)
	again, err := Marshal(&back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again))
	require.Error(t, json.Unmarshal([]byte(`{"tpye":"object"}`), &back), "a keyword Schema lacks is refused, not dropped")
}
