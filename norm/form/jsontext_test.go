//go:build jsontexteval

// The evaluation of issue 16: could github.com/go-json-experiment/json's
// jsontext replace the hand-written reader (read.go)? Not yet:
// TestJSONTextLacks shows what it does not do, BenchmarkTreeReader what
// building the tree with it costs. Run with
//
//	go test -tags jsontexteval -run JSONText -v ./norm/form
//	go test -tags jsontexteval -run '^$' -bench TreeReader -benchmem -count 6 ./norm/form

package form

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/assert"
)

// jsontextTree builds the tree Parse builds, with jsontext as the reader.
func jsontextTree(doc []byte) (any, error) {
	d := jsontext.NewDecoder(bytes.NewReader(doc))
	v, err := jtValue(d)
	if err != nil {
		return nil, err
	}
	if _, err := d.ReadToken(); err != io.EOF {
		return nil, fmt.Errorf("trailing data: %v", err)
	}
	return v, nil
}

func jtValue(d *jsontext.Decoder) (any, error) {
	tok, err := d.ReadToken()
	if err != nil {
		return nil, err
	}
	switch tok.Kind() {
	case '{':
		m := map[string]any{}
		for d.PeekKind() != '}' {
			k, err := d.ReadToken()
			if err != nil {
				return nil, err
			}
			name := k.String()
			v, err := jtValue(d)
			if err != nil {
				return nil, err
			}
			m[name] = v
		}
		_, err := d.ReadToken()
		return m, err
	case '[':
		a := []any{}
		for d.PeekKind() != ']' {
			v, err := jtValue(d)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		_, err := d.ReadToken()
		return a, err
	case '"':
		return tok.String(), nil
	case '0':
		return json.Number(tok.String()), nil
	case 't', 'f':
		return tok.Bool(), nil
	}
	return nil, nil
}

// TestJSONTextLacks records, as assertions, where jsontext falls short
// of what the readers of this module promise.
func TestJSONTextLacks(t *testing.T) {
	cases := []struct {
		doc      string
		jsontext bool // does jsontext refuse it at all?
		form     int  // problems form reports
	}{
		// Every duplicate key and every bad string is listed, not the first.
		{`{"a": 1, "a": 2, "b": {"c": 1, "c": 2}}`, true, 2},
		{"{\"a\": \"caf\xe9\", \"b\": \"\xff\"}", true, 2},
		// No number beyond a float64.
		{`[1e999]`, false, 1},
		// A depth limit of our choosing (jsontext's is fixed at 10000).
		{strings.Repeat("[", 40) + strings.Repeat("]", 40), false, 1},
	}
	for _, c := range cases {
		_, err := jsontextTree([]byte(c.doc))
		assert.Equal(t, c.jsontext, err != nil, "%q: %v", c.doc, err)
		_, probs := Parse([]byte(c.doc), Limits{})
		assert.Len(t, probs, c.form, c.doc)
		var se *jsontext.SyntacticError
		if errors.As(err, &se) {
			t.Logf("%q: jsontext stops at %q: %v; form: %v", c.doc, se.JSONPointer, err, probs)
		}
	}
}

func BenchmarkTreeReader(b *testing.B) {
	doc := fxDocument()
	b.Run("reader=form", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, p := Parse(doc, Limits{}); p != nil {
				b.Fatal(p)
			}
		}
	})
	b.Run("reader=jsontext", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := jsontextTree(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("reader=jsonv2-any", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var v any
			if err := jsonv2.Unmarshal(doc, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("reader=encoding-json-any", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			d := json.NewDecoder(bytes.NewReader(doc))
			d.UseNumber()
			var v any
			if err := d.Decode(&v); err != nil {
				b.Fatal(err)
			}
		}
	})
}
