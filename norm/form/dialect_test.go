package form

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestParseDialect(t *testing.T) {
	for in, want := range map[string]Dialect{
		"": Draft2020, "2020-12": Draft2020, "draft/2020-12": Draft2020, " 2020-12 ": Draft2020,
		"07": Draft07, "draft-07": Draft07, "Draft-07": Draft07, "7": Draft07,
	} {
		got, err := ParseDialect(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"04", "2019-09", "draft-08", "openapi"} {
		_, err := ParseDialect(in)
		var ce *norm.CodeError
		require.ErrorAs(t, err, &ce, in)
		assert.ErrorIs(t, err, norm.ErrUnknownCode)
		assert.Equal(t, []string{"2020-12", "07"}, ce.Allowed)
	}
	var d Dialect
	require.NoError(t, d.UnmarshalText([]byte("draft-07")))
	b, err := d.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "07", string(b))
	_, err = Dialect("x").MarshalText()
	assert.Error(t, err)
	assert.Equal(t, Draft07URL, Draft07.URL())
	assert.Equal(t, Draft2020URL, Draft2020.URL())
}

// walkSchemas calls f on every subschema object (not on enum or const
// data).
func walkSchemas(v any, f func(m map[string]any)) {
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	f(m)
	for k, sub := range m {
		switch k {
		case "properties", "patternProperties", "$defs", "definitions", "dependencies", "dependentSchemas":
			if mm, ok := sub.(map[string]any); ok {
				for _, s := range mm {
					walkSchemas(s, f)
				}
			}
		case "allOf", "anyOf", "oneOf", "prefixItems", "items":
			if l, ok := sub.([]any); ok {
				for _, s := range l {
					walkSchemas(s, f)
				}
			} else {
				walkSchemas(sub, f)
			}
		case "additionalProperties", "additionalItems", "not", "if", "then", "else", "contains", "propertyNames":
			walkSchemas(sub, f)
		}
	}
}

// convertTable holds small 2020-12 schemas with documents valid and
// invalid under them; each must mean the same after Convert to draft-07.
var convertTable = []struct {
	name    string
	schema  string
	valid   []string
	invalid []string
}{
	{"ref with sibling annotation", `{"$defs": {"d": {"type": "string", "format": "date"}},
		"type": "object", "properties": {"a": {"$ref": "#/$defs/d", "title": "A date"}}}`,
		[]string{`{"a": "2025-01-01"}`, `{}`}, []string{`{"a": "2025-02-30"}`, `{"a": 1}`}},
	{"ref with clashing sibling", `{"$defs": {"n": {"type": "integer", "minimum": 0}},
		"properties": {"a": {"$ref": "#/$defs/n", "minimum": 5, "description": "at least five"}}}`,
		[]string{`{"a": 5}`}, []string{`{"a": 4}`, `{"a": -1}`, `{"a": 5.5}`}},
	{"nested refs", `{"$defs": {"e": {"type": "object", "required": ["r"], "properties": {"r": {"$ref": "#/$defs/s"}}, "additionalProperties": false},
		"s": {"type": "string", "minLength": 1}},
		"type": "array", "items": {"$ref": "#/$defs/e"}}`,
		[]string{`[]`, `[{"r": "x"}]`}, []string{`[{"r": ""}]`, `[{}]`, `[{"r": "x", "y": 1}]`}},
	{"ref to the same definition twice", `{"$defs": {"s": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/s"}, "b": {"$ref": "#/$defs/s"}}}`,
		[]string{`{"a": "x", "b": "y"}`}, []string{`{"b": 1}`}},
	{"ref by anchor", `{"$defs": {"s": {"$anchor": "str", "type": "string"}}, "properties": {"a": {"$ref": "#str"}}}`,
		[]string{`{"a": "x"}`}, []string{`{"a": 1}`}},
	{"ref with the $id", `{"$id": "https://goedgesprek.nl/schema/t/v1.json", "$defs": {"s": {"type": "string"}}, "properties": {"a": {"$ref": "https://goedgesprek.nl/schema/t/v1.json#/$defs/s"}}}`,
		[]string{`{"a": "x"}`}, []string{`{"a": 1}`}},
	{"prefixItems", `{"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false}`,
		[]string{`["a", 1]`, `["a"]`}, []string{`[1, 1]`, `["a", 1, 2]`}},
	{"dependentRequired and dependentSchemas", `{"type": "object", "dependentRequired": {"a": ["b"]}, "dependentSchemas": {"c": {"required": ["d"]}}}`,
		[]string{`{"a": 1, "b": 2}`, `{"c": 1, "d": 1}`, `{}`}, []string{`{"a": 1}`, `{"c": 1}`}},
	{"unevaluatedProperties alone", `{"type": "object", "properties": {"a": {}}, "unevaluatedProperties": false}`,
		[]string{`{"a": 1}`}, []string{`{"b": 1}`}},
	{"oneOf of consts with titles", `{"type": "string", "oneOf": [{"const": "a", "title": "Aa"}, {"const": "b", "title": "Bb"}]}`,
		[]string{`"a"`, `"b"`}, []string{`"c"`, `1`}},
	{"enum data containing $ref is data", `{"enum": [{"$ref": "#/nowhere"}, 1]}`,
		[]string{`{"$ref": "#/nowhere"}`, `1`}, []string{`2`}},
	{"boolean subschemas", `{"properties": {"a": true, "b": false}}`,
		[]string{`{"a": 1}`}, []string{`{"b": 1}`}},
	{"if then else", `{"if": {"properties": {"k": {"const": "x"}}}, "then": {"required": ["x"]}, "else": {"required": ["y"]}}`,
		[]string{`{"k": "x", "x": 1}`, `{"k": "z", "y": 1}`}, []string{`{"k": "x"}`, `{"k": "z"}`}},
	{"root ref", `{"$defs": {"o": {"type": "object", "required": ["a"]}}, "$ref": "#/$defs/o", "properties": {"a": {"type": "string"}}}`,
		[]string{`{"a": "x"}`}, []string{`{}`, `{"a": 1}`}},
}

func TestConvertKeepsMeaning(t *testing.T) {
	for _, tc := range convertTable {
		t.Run(tc.name, func(t *testing.T) {
			d7, err := Convert([]byte(tc.schema), Draft07)
			require.NoError(t, err)
			var tree any
			require.NoError(t, json.Unmarshal(d7, &tree))
			assert.Equal(t, Draft07URL, tree.(map[string]any)["$schema"])
			walkSchemas(tree, func(m map[string]any) {
				assert.NotContains(t, m, "$defs")
				assert.NotContains(t, m, "definitions")
				assert.NotContains(t, m, "$ref", "every $ref is inlined")
				for _, k := range []string{"prefixItems", "dependentRequired", "dependentSchemas", "unevaluatedProperties", "$anchor"} {
					assert.NotContains(t, m, k)
				}
			})
			d20, err := Convert([]byte(tc.schema), Draft2020)
			require.NoError(t, err)
			for name, s := range map[string][]byte{"2020-12": d20, "draft-07": d7} {
				v, err := compile(s) // without the optimiser
				require.NoError(t, err, name)
				vo, err := NewValidator(s) // with it
				require.NoError(t, err, name)
				for _, doc := range tc.valid {
					assert.Empty(t, v.Validate([]byte(doc)), "%s: %s", name, doc)
					assert.Empty(t, vo.Validate([]byte(doc)), "%s optimised: %s", name, doc)
				}
				for _, doc := range tc.invalid {
					assert.NotEmpty(t, v.Validate([]byte(doc)), "%s: %s", name, doc)
					assert.NotEmpty(t, vo.Validate([]byte(doc)), "%s optimised: %s", name, doc)
				}
			}
		})
	}
}

func TestConvertRefuses(t *testing.T) {
	for name, schema := range map[string]string{
		"recursive":           `{"$defs": {"n": {"properties": {"next": {"$ref": "#/$defs/n"}}}}, "$ref": "#/$defs/n"}`,
		"root recursion":      `{"properties": {"child": {"$ref": "#"}}}`,
		"remote":              `{"properties": {"a": {"$ref": "https://example.org/s.json"}}}`,
		"missing target":      `{"properties": {"a": {"$ref": "#/$defs/none"}}}`,
		"dynamicRef":          `{"$dynamicRef": "#meta"}`,
		"minContains":         `{"contains": {"type": "string"}, "minContains": 2}`,
		"unevaluated + allOf": `{"allOf": [{"properties": {"a": {}}}], "unevaluatedProperties": false}`,
		"not JSON":            `{`,
		"not a schema":        `[1]`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Convert([]byte(schema), Draft07)
			assert.Error(t, err)
		})
	}
	_, err := Convert([]byte(`{}`), Dialect("04"))
	assert.Error(t, err)
}

func TestConvertKeepsOrderAndText(t *testing.T) {
	in := `{"properties": {"zeta": {"title": "Beleid & afspraken <intern>"}, "alpha": {}, "mid": {}}}`
	for _, d := range Dialects() {
		out, err := Convert([]byte(in), d)
		require.NoError(t, err)
		s := string(out)
		assert.Less(t, strings.Index(s, "zeta"), strings.Index(s, "alpha"), d)
		assert.Less(t, strings.Index(s, "alpha"), strings.Index(s, "mid"), d)
		assert.Contains(t, s, "Beleid & afspraken <intern>", "no HTML escaping")
		assert.True(t, strings.HasPrefix(s, "{\n  \"$schema\": "), "indented, $schema first")
	}
}

// TestConvertGolden pins the draft-07 form of the fixture schema.
func TestConvertGolden(t *testing.T) {
	s20 := fxSchema(t)
	s07, err := Convert(s20, Draft07)
	require.NoError(t, err)
	for name, got := range map[string][]byte{"fixture.2020-12.json": s20, "fixture.draft-07.json": s07} {
		path := filepath.Join("testdata", name)
		if *update {
			require.NoError(t, os.WriteFile(path, got, 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run go test ./norm/form -update")
		assertGolden(t, name, string(want), string(got))
	}
	v, err := NewValidator(s07)
	require.NoError(t, err)
	assert.Empty(t, v.Validate(fxDocument()))
}

// assertGolden reports the first line that differs, not the whole file.
func assertGolden(t *testing.T, name, want, got string) {
	t.Helper()
	if want == got {
		return
	}
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			t.Errorf("%s differs from the golden file at line %d:\n want %q\n got  %q\n(run go test ./norm/form -update after checking)", name, i+1, w, g)
			return
		}
	}
}
