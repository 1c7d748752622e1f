//lint:file-ignore SA5008 sinkDoc's malformed tags are deliberate: the tree decoder must treat them as encoding/json does

package form

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/goedgesprek/goedgesprek/norm"
)

// fuzzSeeds are the hostile and ordinary inputs of the table tests.
var fuzzSeeds = []string{
	`{}`, `[]`, `null`, `0`, `"x"`, `-0.5e+10`, `1e999`, `[NaN]`, `{"a": Infinity}`,
	`{"a": 1, "a": 2}`, `{"value": 1, "\u0076alue": 2}`, `{"a": {"b": [1, {"c": 1, "c": 2}]}}`,
	"{\"a\": \"caf\xe9\"}", "[\"\xed\xa0\x80\"]", `["\ud800"]`, `["\ud83d\ude00"]`, `["\udc00\ud800"]`,
	`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`,
	`{"a": [1, 2,]}`, `{"a" 1}`, `{'a': 1}`, `[01]`, `[1.]`, `[1e]`, "\ufeff{}", `{"a": 1 /* */}`,
	`{"name": "n", "kind": "a", "date": "2025-02-30"}`,
	`{"version": "1", "organisation": {"name": "x", "kind": "castle", "client_facing_employees": -1, "managers": 1.5}, "assessment_date": "2025-13-01", "assessor": {"id": ""}, "answers": {"GG01-1": {"value": 101}, "GG99-9": {}}}`,
}

// FuzzRead checks Read and Parse against encoding/json: whatever they
// accept, encoding/json accepts and parses to the same tree; whatever
// encoding/json refuses, they refuse; and what they refuse although it is
// JSON is refused for one of their extra rules, never as a syntax error.
func FuzzRead(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add(fxDocument())
	lim := Limits{MaxBytes: 1 << 16, MaxDepth: 16}
	extra := []norm.ProblemCode{norm.CodeDuplicateKey, norm.CodeTooDeep, norm.CodeRange, norm.CodeInvalidUTF8}
	f.Fuzz(func(t *testing.T, in []byte) {
		buf, probs := Read(bytes.NewReader(in), lim)
		tree, pprobs := Parse(in, lim)
		if (buf == nil) == (len(probs) == 0) {
			t.Fatalf("Read must return bytes or problems: %q %v", buf, probs)
		}
		if (probs == nil) != (pprobs == nil) {
			t.Fatalf("Read and Parse disagree: %v / %v", probs, pprobs)
		}
		checkProblems(t, probs)
		if len(in) > int(lim.MaxBytes) {
			return
		}
		valid := json.Valid(in)
		if probs == nil {
			if !valid || !utf8.Valid(in) {
				t.Fatalf("accepted what encoding/json refuses: %q", in)
			}
			if !bytes.Equal(buf, in) {
				t.Fatalf("Read changed the bytes")
			}
			dec := json.NewDecoder(bytes.NewReader(in))
			dec.UseNumber()
			var want any
			if err := dec.Decode(&want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(want, tree) {
				t.Fatalf("Parse tree differs from encoding/json:\n%#v\n%#v", tree, want)
			}
			return
		}
		if valid {
			for _, p := range probs {
				if !slices.Contains(extra, p.Code) {
					t.Fatalf("valid JSON refused with %v", probs)
				}
			}
		}
	})
}

func checkProblems(t *testing.T, probs []norm.Problem) {
	t.Helper()
	for i, p := range probs {
		if p.Message.NL == "" || p.Message.EN == "" || p.Code == "" {
			t.Fatalf("incomplete problem %+v", p)
		}
		if p.Pointer != "" && p.Pointer[0] != '/' {
			t.Fatalf("bad pointer %q", p.Pointer)
		}
		if i > 0 && ComparePointers(probs[i-1].Pointer, p.Pointer) > 0 {
			t.Fatalf("problems not sorted: %v", probs)
		}
	}
	if len(probs) > maxProblems+1 {
		t.Fatalf("%d problems", len(probs))
	}
}

var fuzzValidator = sync.OnceValue(func() *Validator {
	v, err := NewValidator(fxSchema(&testing.T{}))
	if err != nil {
		panic(err)
	}
	return v
})

// FuzzDecode decodes into the assessment fixture with its schema and into
// decodeDoc without one: never a panic, either problems and an untouched
// destination or a value that survives a round trip.
func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add(fxDocument())
	f.Add([]byte(`{"kind": "castle", "when": "2025-02-29", "list": [{"date": "2024-02-30"}], "byKind": {"x": 1}, "u8": 300, "raw": "!!"}`))
	for _, s := range sinkSeeds {
		f.Add([]byte(s))
	}
	v := fuzzValidator()
	f.Fuzz(func(t *testing.T, in []byte) {
		sentinel := fxAssessment{Version: "sentinel"}
		a := sentinel
		probs := Decode(bytes.NewReader(in), v, &a, Limits{})
		checkProblems(t, probs)
		if len(probs) > 0 {
			if !reflect.DeepEqual(a, sentinel) {
				t.Fatalf("dst changed on error")
			}
		} else {
			roundTrip(t, v, &a, new(fxAssessment))
		}

		differential(t, in, func() any { return new(fxAssessment) })
		differential(t, in, func() any { return new(decodeDoc) })
		differential(t, in, func() any { return new(sinkDoc) })
		differential(t, in, func() any { return new(any) })
		differential(t, in, func() any { return new([]*sinkDoc) })

		d := decodeDoc{N: -7}
		probs = Decode(bytes.NewReader(in), nil, &d, Limits{})
		checkProblems(t, probs)
		if len(probs) > 0 {
			if !reflect.DeepEqual(d, decodeDoc{N: -7}) {
				t.Fatalf("dst changed on error")
			}
		} else {
			roundTrip(t, nil, &d, new(decodeDoc))
		}
	})
}

// roundTrip encodes got, decodes it again into fresh and compares the two
// encodings.
func roundTrip[T any](t *testing.T, v *Validator, got, fresh *T) {
	t.Helper()
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatalf("decoded value does not encode: %v", err)
	}
	if probs := DecodeBytes(b, v, fresh, Limits{MaxBytes: 1 << 22}); probs != nil {
		t.Fatalf("re-decoding %s: %v", b, probs)
	}
	b2, err := json.Marshal(fresh)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Fatalf("round trip differs:\n%s\n%s", b, b2)
	}
}

var sinkSeeds = []string{
	`{"s": "x", "b": true, "i8": -128, "u16": 65535, "f32": 1.5, "f64": -2e300, "p": 7, "pp": {"s": "inner"},
	  "any": {"a": [1, "two", null, true, {"b": 2.5}]}, "arr": [1, 2, 3], "bytes": "aGVsbG8=", "mi": {"-3": "x"},
	  "mu": {"255": true}, "mk": {"ministry": 1}, "kinds": ["other"], "date": "2025-03-31", "val": [ "a" ], "valp": 3,
	  "nest": [{"k": [1]}, null], "Plain": "p", "-": 4, "Odd": 5, "next": {"next": null}, "ms": {"k": {"x": 1}}}`,
	`{"S": "case", "I8": 127, "PLAIN": "x", "Any": null, "Bytes": [1, 2], "Date": null, "Val": null, "ValP": null}`,
	`{"s": "x", "S": "y"}`,
	`{"i8": 128}`, `{"u16": -1}`, `{"f32": 1e39}`, `{"i8": 1.0}`, `{"i8": 1e2}`, `{"p": "7"}`, `{"arr": [1]}`,
	`{"bytes": "!!"}`, `{"mi": {"x": "y"}}`, `{"mu": {"256": true}}`, `{"mk": {"castle": 1}}`, `{"kinds": ["castle"]}`,
	`{"date": "2025-02-30"}`, `{"val": {}}`, `{"valp": {"a": 1}}`, `{"hide": 1}`, `{"Skip": 1}`, `{"ms": {"k": {"y": 1}}}`,
	`[{"s": "a"}, null, {"pp": null}]`, `null`, `{"any": 1e308}`, `{"kinds": null, "mi": null, "bytes": null}`,
}

// sinkDoc reaches every kind the tree decoder handles.
//
// Its tags "-," and "a\\b" are malformed on purpose (SA5008): encoding/json
// names the first field "-" and ignores the second name, and the tree
// decoder must do the same.
type sinkDoc struct {
	S     string            `json:"s"`
	B     bool              `json:"b,omitempty"`
	I8    int8              `json:"i8"`
	U16   uint16            `json:"u16"`
	F32   float32           `json:"f32"`
	F64   float64           `json:"f64"`
	P     *int              `json:"p"`
	PP    **sinkDoc         `json:"pp"`
	Any   any               `json:"any"`
	Arr   [2]int            `json:"arr"`
	Bytes []byte            `json:"bytes"`
	MI    map[int]string    `json:"mi"`
	MU    map[uint8]bool    `json:"mu"`
	MK    map[fxKind]int    `json:"mk"`
	Kinds []fxKind          `json:"kinds"`
	Date  *norm.Date        `json:"date"`
	Val   fxValue           `json:"val"`
	ValP  *fxValue          `json:"valp"`
	Nest  []map[string]any  `json:"nest"`
	Plain string            `json:",omitempty"`
	Dash  int               `json:"-,"`
	Skip  int               `json:"-"`
	Odd   int               `json:"a\\b"`
	Next  *sinkDoc          `json:"next"`
	MS    map[string]sinkMS `json:"ms"`
	hide  int               //lint:ignore U1000 deliberate: an unexported field both decoders must leave alone
}

type sinkMS struct {
	X int `json:"x"`
}

// differential decodes the same bytes with the tree decoder and with
// encoding/json (unknown fields refused) and requires the same outcome.
// The tree decoder may refuse more in one case only: two keys of one
// object that name the same field in different case.
func differential(t *testing.T, in []byte, newT func() any) {
	t.Helper()
	tree, probs := Parse(in, Limits{MaxDepth: 64})
	if probs != nil {
		return
	}
	a, b := newT(), newT()
	typ := reflect.TypeOf(a).Elem()
	if !treeSupported(typ) {
		t.Fatalf("%v should be supported", typ)
	}
	d := treeDecoder{}
	d.value(tree, reflect.ValueOf(a).Elem())
	dec := json.NewDecoder(bytes.NewReader(in))
	dec.DisallowUnknownFields()
	err := dec.Decode(b)
	switch {
	case err != nil && d.probs.Len() == 0:
		t.Fatalf("%v: encoding/json refuses (%v), the tree decoder accepts %q", typ, err, in)
	case err == nil && d.probs.Len() > 0:
		for _, p := range d.probs.List() {
			if p.Code != norm.CodeDuplicateKey {
				t.Fatalf("%v: encoding/json accepts, the tree decoder refuses %q: %v", typ, in, d.probs.List())
			}
		}
	case err == nil && !reflect.DeepEqual(a, b):
		t.Fatalf("%v: values differ for %q:\n tree %#v\n json %#v", typ, in, a, b)
	}
}
