package checklist

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

// fuzzCorpusDir is where go test -fuzz keeps the corpus of
// FuzzDecodeAssessment; the seeds written by TestFuzzSeedCorpus live
// there too.
var fuzzCorpusDir = filepath.Join("testdata", "fuzz", "FuzzDecodeAssessment")

// fuzzSeeds are the full sample, the base document and every invalid
// case, by file name.
func fuzzSeeds(tb testing.TB) map[string][]byte {
	tb.Helper()
	seeds := map[string][]byte{
		"seed-full": fullAssessment(tb),
		"seed-base": []byte(baseDoc),
	}
	for _, tt := range invalidCases(tb) {
		if len(tt.opts) > 0 {
			continue // needs options the fuzz target does not pass
		}
		seeds["seed-"+tt.name] = []byte(tt.doc)
	}
	return seeds
}

// corpusFile renders one input in the format of go test -fuzz.
func corpusFile(b []byte) []byte {
	return []byte("go test fuzz v1\n[]byte(" + strconv.Quote(string(b)) + ")\n")
}

// TestFuzzSeedCorpus keeps the seed files in the fuzz corpus in step with
// the cases of these tests (rewrite with -update).
func TestFuzzSeedCorpus(t *testing.T) {
	for name, doc := range fuzzSeeds(t) {
		path := filepath.Join(fuzzCorpusDir, name)
		if formsUpdating() {
			require.NoError(t, os.MkdirAll(fuzzCorpusDir, 0o755))
			require.NoError(t, os.WriteFile(path, corpusFile(doc), 0o644))
			continue
		}
		got, err := os.ReadFile(path)
		require.NoError(t, err, "run go test ./checklist -update")
		assert.Equal(t, string(corpusFile(doc)), string(got), path)
	}
}

// FuzzDecodeAssessment: DecodeAssessment never panics, and returns either
// a document that survives a round trip or the zero Assessment and a
// *norm.Error whose every problem has a code and messages in both
// languages.
func FuzzDecodeAssessment(f *testing.F) {
	f.Add(fullAssessment(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := DecodeAssessment(bytes.NewReader(data))
		if err != nil {
			var ne *norm.Error
			if !errors.As(err, &ne) {
				t.Fatalf("error is %T, not *norm.Error: %v", err, err)
			}
			if !errors.Is(err, norm.ErrInvalid) {
				t.Fatalf("error does not match norm.ErrInvalid")
			}
			if ne.Op != decodeOp || len(ne.Problems) == 0 {
				t.Fatalf("bad error: %+v", ne)
			}
			for _, p := range ne.Problems {
				if p.Code == "" || p.Message.NL == "" || p.Message.EN == "" {
					t.Fatalf("incomplete problem: %+v", p)
				}
				if p.Pointer != "" && !strings.HasPrefix(p.Pointer, "/") {
					t.Fatalf("not a JSON pointer: %q", p.Pointer)
				}
				for _, l := range norm.Langs() {
					if s := p.In(l); norm.Printable(s) != s {
						t.Fatalf("problem prints a control character: %q", s)
					}
				}
			}
			if !reflect.DeepEqual(a, Assessment{}) {
				t.Fatalf("half-decoded document returned with an error")
			}
			return
		}
		if a.Answers == nil {
			t.Fatalf("nil answers")
		}
		// Free text the decoder (through the schema's patterns) accepts,
		// Evaluate accepts too: the two keep one rule.
		var ne *norm.Error
		r, err := Evaluate(a)
		if errors.As(err, &ne) {
			for _, p := range ne.Problems {
				if p.Code == norm.CodeFormat {
					t.Fatalf("decoded, but Evaluate refuses it: %v", err)
				}
			}
		}
		if err == nil {
			// The report of whatever was accepted encodes alike both ways.
			want, werr := json.Marshal(r)
			got, gerr := r.AppendJSON(nil)
			if werr != nil || gerr != nil || string(got) != string(want) {
				t.Fatalf("AppendJSON differs from json.Marshal (%v, %v):\n%s\n%s", gerr, werr, got, want)
			}
		}
		enc, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("encoding a decoded document: %v", err)
		}
		b, err := DecodeAssessment(bytes.NewReader(enc))
		if err != nil {
			t.Fatalf("re-decoding %s: %v", enc, err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("round trip changed the document:\n%s", fmt.Sprint(a, "\n", b))
		}
	})
}
