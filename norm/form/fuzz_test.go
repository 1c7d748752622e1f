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
	`{"version": "1", "organisation": {"name": "x", "kind": "castle", "client_facing_employees": -1, "managers": 1.5}, "assessment_date": "2025-13-01", "assessor": {"id": ""}, "answers": {"GG01.1": {"value": 101}, "GG99.9": {}}}`,
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
