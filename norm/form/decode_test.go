package form

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

// patternSchema lets impossible dates and unknown codes through on
// purpose, so that the Go types have to refuse them.
const patternSchema = `{
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "kind": {"type": "string"},
    "when": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
    "at": {"type": "string"},
    "list": {"type": "array", "items": {"type": "object", "properties": {"date": {"type": "string"}}}},
    "byKind": {"type": "object"},
    "n": {"type": "integer"},
    "u8": {"type": "integer"},
    "f": {"type": "number"},
    "raw": {"type": "string"}
  }
}`

type decodeDoc struct {
	Kind   fxKind             `json:"kind,omitempty"`
	When   norm.Date          `json:"when,omitzero"`
	At     time.Time          `json:"at,omitzero"`
	List   []fxEvidence       `json:"list,omitempty"`
	ByKind map[fxKind]float64 `json:"byKind,omitempty"`
	N      int                `json:"n,omitempty"`
	U8     uint8              `json:"u8,omitempty"`
	F      float32            `json:"f,omitempty"`
	Raw    []byte             `json:"raw,omitempty"`
}

func TestDecodeTypeRefusals(t *testing.T) {
	v, err := NewValidator([]byte(patternSchema))
	require.NoError(t, err)
	tests := []struct {
		name string
		doc  string
		want []want
	}{
		{"impossible date that matches the pattern", `{"when": "2025-02-30"}`, []want{{"/when", norm.CodeDate}}},
		{"unknown code", `{"kind": "castle"}`, []want{{"/kind", norm.CodeEnum}}},
		{"several at once, nested", `{"kind": "castle", "when": "2025-02-29", "list": [{"title": "t", "reference": "r", "date": "2025-01-01"}, {"date": "2024-02-30"}]}`,
			[]want{{"/kind", norm.CodeEnum}, {"/list/1/date", norm.CodeDate}, {"/when", norm.CodeDate}}},
		{"bad map key", `{"byKind": {"municipality": 1, "castle": 2}}`, []want{{"/byKind/castle", norm.CodeEnum}}},
		{"bad time", `{"at": "yesterday"}`, []want{{"/at", norm.CodeSchema}}},
		{"int overflow", `{"u8": 300}`, []want{{"/u8", norm.CodeRange}}},
		{"negative uint", `{"u8": -1}`, []want{{"/u8", norm.CodeRange}}},
		{"float32 overflow", `{"f": 1e300}`, []want{{"/f", norm.CodeRange}}},
		{"bad base64", `{"raw": "!!"}`, []want{{"/raw", norm.CodeFormat}}},
		{"wrong type in map", `{"byKind": {"municipality": "x"}}`, []want{{"/byKind/municipality", norm.CodeType}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dst := decodeDoc{N: 42}
			probs := Decode(strings.NewReader(tc.doc), v, &dst, Limits{})
			var got []want
			for _, p := range probs {
				got = append(got, want{p.Pointer, p.Code})
				assert.NotEqual(t, p.Message.NL, p.Message.EN)
			}
			assert.Equal(t, tc.want, got)
			assert.Equal(t, decodeDoc{N: 42}, dst, "dst untouched")
		})
	}
}

func TestDecodeWithoutSchema(t *testing.T) {
	var dst decodeDoc
	probs := Decode(strings.NewReader(`{"kind": "other", "extra": 1, "list": [{"titel": "x"}]}`), nil, &dst, Limits{})
	assert.Equal(t, []want{{"/extra", norm.CodeUnknownField}, {"/list/0/titel", norm.CodeUnknownField}},
		func() (w []want) {
			for _, p := range probs {
				w = append(w, want{p.Pointer, p.Code})
			}
			return
		}())
	assert.Equal(t, decodeDoc{}, dst)

	probs = Decode(strings.NewReader(`{"n": "seven"}`), nil, &dst, Limits{})
	requireProblem(t, probs, "/n", norm.CodeType)

	probs = Decode(strings.NewReader(`{"kind": "other", "n": 7, "when": "2025-03-31"}`), nil, &dst, Limits{})
	require.Empty(t, probs)
	assert.Equal(t, decodeDoc{Kind: "other", N: 7, When: norm.Date{Year: 2025, Month: 3, Day: 31}}, dst)
}

func TestDecodeLeavesDstUntouched(t *testing.T) {
	v, err := NewValidator(fxSchema(t))
	require.NoError(t, err)
	doc := fxDocument()
	var good fxAssessment
	require.Empty(t, Decode(bytes.NewReader(doc), v, &good, Limits{}))
	bad := map[string][]byte{
		"schema":    bytes.Replace(doc, []byte(`"kind": "municipality"`), []byte(`"kind": "castle"`), 1),
		"syntax":    doc[:len(doc)-5],
		"too large": doc,
		"duplicate": bytes.Replace(doc, []byte(`"version": "1",`), []byte(`"version": "1", "version": "1",`), 1),
	}
	for name, b := range bad {
		t.Run(name, func(t *testing.T) {
			dst := good // a filled-in value must stay exactly as it was
			before, err := json.Marshal(dst)
			require.NoError(t, err)
			lim := Limits{}
			if name == "too large" {
				lim.MaxBytes = 1000
			}
			probs := Decode(bytes.NewReader(b), v, &dst, lim)
			require.NotEmpty(t, probs)
			after, err := json.Marshal(dst)
			require.NoError(t, err)
			assert.JSONEq(t, string(before), string(after))
		})
	}
}

func TestDecodeBadDestination(t *testing.T) {
	var notPtr decodeDoc
	var nilPtr *decodeDoc
	for name, dst := range map[string]any{"nil": nil, "value": notPtr, "nil pointer": nilPtr} {
		t.Run(name, func(t *testing.T) {
			probs := Decode(strings.NewReader(`{}`), nil, dst, Limits{})
			requireProblem(t, probs, "", norm.CodeSchema)
			probs = DecodeBytes([]byte(`{}`), nil, dst, Limits{})
			requireProblem(t, probs, "", norm.CodeSchema)
		})
	}
}

func TestDecodeBytes(t *testing.T) {
	var dst decodeDoc
	require.Empty(t, DecodeBytes([]byte(`{"n": 1}`), nil, &dst, Limits{}))
	assert.Equal(t, 1, dst.N)
	requireProblem(t, DecodeBytes([]byte(`{"n": 1}`), nil, &dst, Limits{MaxBytes: 3}), "", norm.CodeTooLarge)
}

func TestDecodeErrorWrapsIntoNormError(t *testing.T) {
	v := testValidator(t)
	var dst map[string]any
	err := norm.NewError("test.Decode", Decode(strings.NewReader(`{"name": 1}`), v, &dst, Limits{}))
	require.Error(t, err)
	assert.True(t, errors.Is(err, norm.ErrInvalid))
	var ne *norm.Error
	require.True(t, errors.As(err, &ne))
	assert.True(t, ne.Has("/name", norm.CodeType))
	assert.True(t, ne.Has("/kind", norm.CodeRequired))
}

// textErr has a bilingual message of its own.
type textErr struct{}

func (textErr) Error() string                    { return "bad" }
func (textErr) Message() norm.Text               { return norm.T("fout", "bad") }
func (*customText) MarshalText() ([]byte, error) { return []byte("x"), nil }

type customText string

func (*customText) UnmarshalText([]byte) error { return textErr{} }

func TestDecodeUsesErrorMessage(t *testing.T) {
	var dst struct {
		C customText `json:"c"`
	}
	probs := Decode(strings.NewReader(`{"c": "x"}`), nil, &dst, Limits{})
	require.Len(t, probs, 1)
	assert.Equal(t, norm.Problem{Pointer: "/c", Code: norm.CodeSchema, Message: norm.T("fout", "bad")}, probs[0])
}

func bytesReader(s string) *bytes.Reader { return bytes.NewReader([]byte(s)) }

// unsupportedDoc uses what the tree decoder does not handle.
type unsupportedDoc struct {
	Embedded
	N   json.Number     `json:"n"`
	Raw json.RawMessage `json:"raw"`
	Q   int             `json:"q,string"`
}

// Embedded is promoted into unsupportedDoc.
type Embedded struct {
	Inner string `json:"inner"`
}

// TestDecodeUnsupportedType: no fallback that no document reaches; a
// type the tree decoder does not handle is refused before reading, with
// the type in the message, and dst is left alone.
func TestDecodeUnsupportedType(t *testing.T) {
	for _, dst := range []any{new(unsupportedDoc), new(json.Number), new(struct{ A json.RawMessage }), new(struct {
		Q int `json:"q,string"`
	}), new(chan int)} {
		before := reflect.ValueOf(dst).Elem().Interface()
		probs := Decode(strings.NewReader(`{"inner": "x"}`), nil, dst, Limits{})
		require.Len(t, probs, 1)
		assert.Equal(t, norm.CodeSchema, probs[0].Code)
		assert.Contains(t, probs[0].Message.EN, reflect.TypeOf(dst).Elem().String())
		assert.Equal(t, before, reflect.ValueOf(dst).Elem().Interface())
	}
	assert.True(t, treeSupported(reflect.TypeFor[decodeDoc]()))
}
