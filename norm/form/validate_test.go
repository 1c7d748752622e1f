package form

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

const testSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://goedgesprek.nl/schema/test/v1.json",
  "type": "object",
  "additionalProperties": false,
  "required": ["name", "kind", "date"],
  "properties": {
    "name": {"type": "string", "minLength": 1, "maxLength": 10},
    "kind": {"type": "string", "oneOf": [{"const": "a", "title": "A"}, {"const": "b", "title": "B"}]},
    "code": {"enum": ["x", "y"]},
    "version": {"const": "1"},
    "date": {"type": "string", "format": "date"},
    "at": {"type": "string", "format": "date-time"},
    "ref": {"type": "string", "pattern": "^[A-Z]+-[0-9]+$"},
    "pct": {"type": "number", "minimum": 0, "maximum": 100},
    "count": {"type": "integer", "minimum": 0},
    "ratio": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
    "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true, "minItems": 1, "maxItems": 3},
    "evidence": {"type": "array", "items": {"$ref": "#/$defs/evidence"}},
    "maybe": {"oneOf": [{"$ref": "#/$defs/evidence"}, {"type": "null"}]},
    "status": {"oneOf": [{"type": "string", "enum": ["open", "closed"]}, {"type": "null"}]},
    "shape": {"anyOf": [{"type": "object", "required": ["r"]}, {"type": "object", "required": ["w", "h"]}]}
  },
  "$defs": {
    "evidence": {
      "type": "object",
      "additionalProperties": false,
      "required": ["ref", "date"],
      "properties": {
        "ref": {"type": "string", "minLength": 1},
        "date": {"type": "string", "format": "date"}
      }
    }
  }
}`

func testValidator(tb testing.TB) *Validator {
	tb.Helper()
	v, err := NewValidator([]byte(testSchema))
	require.NoError(tb, err)
	return v
}

type want struct {
	pointer string
	code    norm.ProblemCode
}

func TestValidateCodesAndPointers(t *testing.T) {
	v := testValidator(t)
	base := `"name": "n", "kind": "a", "date": "2025-01-31"`
	tests := []struct {
		name string
		doc  string
		want []want
	}{
		{"valid", `{` + base + `}`, nil},
		{"wrong type", `{"name": 5, "kind": "a", "date": "2025-01-31"}`, []want{{"/name", norm.CodeType}}},
		{"integer expected", `{` + base + `, "count": 1.5}`, []want{{"/count", norm.CodeType}}},
		{"unknown fields, one problem each", `{` + base + `, "x": 1, "y": 2}`, []want{{"/x", norm.CodeUnknownField}, {"/y", norm.CodeUnknownField}}},
		{"missing required, one problem each", `{"name": "n"}`, []want{{"/date", norm.CodeRequired}, {"/kind", norm.CodeRequired}}},
		{"minimum", `{` + base + `, "pct": -1}`, []want{{"/pct", norm.CodeRange}}},
		{"maximum", `{` + base + `, "pct": 100.5}`, []want{{"/pct", norm.CodeRange}}},
		{"exclusive bounds", `{` + base + `, "ratio": 1}`, []want{{"/ratio", norm.CodeRange}}},
		{"minLength", `{"name": "", "kind": "a", "date": "2025-01-31"}`, []want{{"/name", norm.CodeRange}}},
		{"maxLength", `{"name": "abcdefghijk", "kind": "a", "date": "2025-01-31"}`, []want{{"/name", norm.CodeRange}}},
		{"minItems", `{` + base + `, "tags": []}`, []want{{"/tags", norm.CodeRange}}},
		{"maxItems", `{` + base + `, "tags": ["a", "b", "c", "d"]}`, []want{{"/tags", norm.CodeRange}}},
		{"uniqueItems", `{` + base + `, "tags": ["a", "b", "a"]}`, []want{{"/tags/2", norm.CodeDuplicate}}},
		{"date format", `{"name": "n", "kind": "a", "date": "31-01-2025"}`, []want{{"/date", norm.CodeFormat}}},
		{"impossible date", `{"name": "n", "kind": "a", "date": "2025-02-30"}`, []want{{"/date", norm.CodeFormat}}},
		{"date-time format", `{` + base + `, "at": "2025-01-31 10:00"}`, []want{{"/at", norm.CodeFormat}}},
		{"pattern", `{` + base + `, "ref": "abc"}`, []want{{"/ref", norm.CodeFormat}}},
		{"oneOf of consts", `{"name": "n", "kind": "c", "date": "2025-01-31"}`, []want{{"/kind", norm.CodeEnum}}},
		{"enum", `{` + base + `, "code": "z"}`, []want{{"/code", norm.CodeEnum}}},
		{"const", `{` + base + `, "version": "2"}`, []want{{"/version", norm.CodeEnum}}},
		{"through a $ref", `{` + base + `, "evidence": [{"ref": "a", "date": "2025-01-01"}, {"ref": "", "extra": 1}]}`,
			[]want{{"/evidence/1/date", norm.CodeRequired}, {"/evidence/1/extra", norm.CodeUnknownField}, {"/evidence/1/ref", norm.CodeRange}}},
		{"nullable object, inner problem", `{` + base + `, "maybe": {"ref": "a", "date": "x"}}`, []want{{"/maybe/date", norm.CodeFormat}}},
		{"nullable object, wrong type", `{` + base + `, "maybe": 3}`, []want{{"/maybe", norm.CodeType}}},
		{"nullable object, null", `{` + base + `, "maybe": null}`, nil},
		{"nullable enum", `{` + base + `, "status": "zzz"}`, []want{{"/status", norm.CodeEnum}}},
		{"nullable enum, wrong type", `{` + base + `, "status": 1}`, []want{{"/status", norm.CodeType}}},
		{"anyOf of shapes", `{` + base + `, "shape": {"w": 1}}`, []want{{"/shape", norm.CodeSchema}}},
		{"top level not an object", `[1]`, []want{{"", norm.CodeType}}},
		{"several at once, sorted", `{"name": 7, "kind": "q", "pct": 101, "tags": ["a", "a"], "zz": true, "evidence": [{"ref": "r", "date": "2025-13-01"}]}`,
			[]want{
				{"/date", norm.CodeRequired},
				{"/evidence/0/date", norm.CodeFormat},
				{"/kind", norm.CodeEnum},
				{"/name", norm.CodeType},
				{"/pct", norm.CodeRange},
				{"/tags/1", norm.CodeDuplicate},
				{"/zz", norm.CodeUnknownField},
			}},
		{"number the validator would choke on", `{` + base + `, "pct": 1e-400000}`, []want{{"/pct", norm.CodeRange}}},
		{"syntax first", `{"name": "n",}`, []want{{"", norm.CodeSyntax}}},
		{"duplicate key before the schema", `{"name": "n", "name": "m", "kind": "a", "date": "2025-01-31"}`, []want{{"/name", norm.CodeDuplicateKey}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			probs := v.Validate([]byte(tc.doc))
			var got []want
			for _, p := range probs {
				got = append(got, want{p.Pointer, p.Code})
				assert.NotEmpty(t, p.Message.NL)
				assert.NotEmpty(t, p.Message.EN)
				if p.Code != norm.CodeSyntax || !strings.Contains(p.Message.EN, "byte") {
					assert.NotEqual(t, p.Message.NL, p.Message.EN, "the Dutch is not the English")
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestValidateMessages(t *testing.T) {
	v := testValidator(t)
	probs := v.Validate([]byte(`{"name": "n", "kind": "c", "date": "2025-01-31", "pct": 101}`))
	require.Len(t, probs, 2)
	assert.Equal(t, `deze waarde is niet toegestaan; kies uit: "a", "b"`, probs[0].Message.NL)
	assert.Equal(t, `this value is not allowed; choose from: "a", "b"`, probs[0].Message.EN)
	assert.Equal(t, "mag hoogstens 100 zijn", probs[1].Message.NL)
	assert.Equal(t, "must be at most 100", probs[1].Message.EN)

	probs = v.Validate([]byte(`{"name": "", "kind": "a", "date": "2025-01-31", "tags": ["a", "b", "c", "d"]}`))
	require.Len(t, probs, 2)
	assert.Equal(t, norm.T("moet minstens 1 teken lang zijn", "must be at least 1 character long"), probs[0].Message)
	assert.Equal(t, norm.T("mag hoogstens 3 elementen hebben", "must have at most 3 items"), probs[1].Message)
}

func TestValidateDraft07(t *testing.T) {
	d7, err := Convert([]byte(testSchema), Draft07)
	require.NoError(t, err)
	v, err := NewValidator(d7)
	require.NoError(t, err)
	probs := v.Validate([]byte(`{"name": "n", "kind": "a", "date": "2025-02-30", "x": 1}`))
	assert.Equal(t, []string{"/date", "/x"}, pointers(probs))
	assert.Equal(t, []norm.ProblemCode{norm.CodeFormat, norm.CodeUnknownField}, codes(probs))
}

func TestNewValidatorRefuses(t *testing.T) {
	for name, schema := range map[string]string{
		"not JSON":        `{`,
		"bad keyword":     `{"type": 5}`,
		"remote ref":      `{"$ref": "https://example.org/other.json"}`,
		"file ref":        `{"$ref": "file:///etc/passwd"}`,
		"bad regex":       `{"pattern": "("}`,
		"unknown $schema": `{"$schema": "https://example.org/my-schema"}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := NewValidator([]byte(schema))
			assert.Error(t, err)
		})
	}
}

// The rewrite NewValidator applies must not change what is valid.
func TestOptimisedSchemaAgrees(t *testing.T) {
	opt, ok := optimiseForValidation([]byte(testSchema))
	require.True(t, ok)
	assert.NotContains(t, string(opt), "$ref")
	assert.NotContains(t, string(opt), "oneOf\":[{\"const")
	plain, err := compile([]byte(testSchema))
	require.NoError(t, err)
	fast, err := compile(opt)
	require.NoError(t, err)
	docs := []string{
		`{"name": "n", "kind": "a", "date": "2025-01-31"}`,
		`{"name": "n", "kind": "c", "date": "2025-01-31"}`,
		`{"name": "n", "kind": "a", "date": "2025-01-31", "evidence": [{"ref": "", "date": "x"}], "maybe": null}`,
		`{"name": "n", "kind": "a", "date": "2025-01-31", "maybe": {"ref": "r", "date": "2025-01-01", "x": 1}}`,
		`{"name": 1}`,
		`[]`,
	}
	for _, d := range docs {
		tree, probs := Parse([]byte(d), Limits{})
		require.Empty(t, probs)
		a, b := plain.ValidateValue(tree), fast.ValidateValue(tree)
		assert.Equal(t, len(a) == 0, len(b) == 0, d)
		assert.Equal(t, pointers(a), pointers(b), d)
		assert.Equal(t, codes(a), codes(b), d)
	}
}

func TestValidateValueDoesNotPanic(t *testing.T) {
	v := testValidator(t)
	tree := map[string]any{"name": "n", "kind": "a", "date": "2025-01-31", "pct": json.Number("1e-99999999999")}
	probs := v.ValidateValue(tree)
	require.NotEmpty(t, probs)
	assert.Equal(t, norm.CodeSchema, probs[0].Code)
	assert.Contains(t, probs[0].Message.EN, "could not be validated", "santhosh panics on such a number")
}
