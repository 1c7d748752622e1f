package checklist_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

// reportJSON evaluates a and returns the report as JSON, for comparing
// two evaluations byte for byte.
func reportJSON(tb testing.TB, a checklist.Assessment) []byte {
	tb.Helper()
	r, err := checklist.Evaluate(a)
	require.NoError(tb, err)
	b, err := json.Marshal(r)
	require.NoError(tb, err)
	return b
}

// scribble changes every field of a criterion a caller could reach.
func scribble(c *checklist.Criterion) {
	c.Rule.Threshold = checklist.Threshold{Met: 10, Partial: 5}
	c.Rule.Kind = checklist.RuleTrue
	for i := range c.Rule.Required {
		c.Rule.Required[i] = "x"
	}
	c.Weight = 1000
	c.Critical = !c.Critical
	c.Question = norm.T("gewijzigd", "changed")
	for i := range c.Options {
		c.Options[i].Result = checklist.Met
		c.Options[i].Code = "x"
	}
	for i := range c.Principles {
		c.Principles[i] = "PC10"
	}
	c.MeasuredBy = ""
}

// Nothing the catalogue accessors hand out can change what Evaluate
// computes afterwards, or what the next caller is handed.
func TestCatalogueAccessorsHandOutCopies(t *testing.T) {
	a := benchAssessment(t)
	want := reportJSON(t, a)
	wantItems, err := json.Marshal(checklist.Items())
	require.NoError(t, err)
	first := checklist.Criteria()[0].ID
	firstItem := checklist.Items()[0].ID

	cases := map[string]func(){
		"Items": func() {
			for _, it := range checklist.Items() {
				it.Weight = 1000
				it.Title = norm.T("gewijzigd", "changed")
				for i := range it.Principles {
					it.Principles[i] = "PC10"
				}
				for _, c := range it.Criteria {
					scribble(c)
				}
				it.Criteria[0] = it.Criteria[len(it.Criteria)-1]
			}
		},
		"Criteria": func() {
			for _, c := range checklist.Criteria() {
				scribble(c)
			}
		},
		"LookupItem": func() {
			it, ok := checklist.LookupItem(firstItem)
			require.True(t, ok)
			it.Weight = 0
			for _, c := range it.Criteria {
				scribble(c)
			}
		},
		"LookupCriterion": func() {
			for _, c := range checklist.Criteria() {
				got, ok := checklist.LookupCriterion(c.ID)
				require.True(t, ok)
				scribble(got)
			}
		},
		"LookupCriterion threshold": func() {
			c, ok := checklist.LookupCriterion(first)
			require.True(t, ok)
			c.Rule.Threshold.Met = 10
		},
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			mutate()
			assert.JSONEq(t, string(want), string(reportJSON(t, a)), "Evaluate changed after mutating what %s handed out", name)
			got, err := json.Marshal(checklist.Items())
			require.NoError(t, err)
			assert.JSONEq(t, string(wantItems), string(got), "the catalogue changed after mutating what %s handed out", name)
		})
	}
}

// Every cached schema and UI schema comes back the same however the bytes
// handed out before were changed.
func TestSchemaBytesAreCopies(t *testing.T) {
	getters := map[string]func() ([]byte, error){
		"Schema 2020-12":    func() ([]byte, error) { return checklist.Schema(norm.NL, form.Draft2020) },
		"Schema draft-07":   func() ([]byte, error) { return checklist.Schema(norm.EN, form.Draft07) },
		"ReportSchema":      func() ([]byte, error) { return checklist.ReportSchema(norm.NL, form.Draft2020) },
		"RJSFUISchema":      func() ([]byte, error) { return checklist.RJSFUISchema(norm.NL) },
		"JSONFormsUISchema": func() ([]byte, error) { return checklist.JSONFormsUISchema(norm.EN) },
	}
	for name, get := range getters {
		t.Run(name, func(t *testing.T) { normtest.CachedCopies(t, get) })
	}
	doc := fullDoc(t)
	_, err := checklist.DecodeAssessment(bytes.NewReader(doc))
	require.NoError(t, err, "DecodeAssessment after the schema bytes were overwritten")
}

// fullDoc is the decoder's full sample assessment.
func fullDoc(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile("testdata/decode/full.json")
	require.NoError(tb, err)
	return b
}

// The validator behind DecodeAssessment is built from bytes no caller
// holds: a process whose very first act is to overwrite the schema it was
// handed still decodes. It runs in a child process, because in this one
// the validator may have been built already.
func TestDecodeAssessmentAfterSchemaOverwrittenFirst(t *testing.T) {
	if os.Getenv("GG_OVERWRITE_SCHEMA_FIRST") == "1" {
		b, err := checklist.Schema(norm.NL, form.Draft2020)
		require.NoError(t, err)
		b[0] = '!' // no longer JSON
		_, err = checklist.DecodeAssessment(bytes.NewReader(fullDoc(t)))
		require.NoError(t, err)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestDecodeAssessmentAfterSchemaOverwrittenFirst$", "-test.count=1")
	cmd.Env = append(os.Environ(), "GG_OVERWRITE_SCHEMA_FIRST=1")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "child process:\n%s", out)
	assert.True(t, strings.Contains(string(out), "PASS"), "child process:\n%s", out)
}

// Concurrent callers that mutate what they were handed do not race with
// each other or with evaluations (run with -race).
func TestSharedStateConcurrentCallers(t *testing.T) {
	a := benchAssessment(t)
	want := reportJSON(t, a)
	doc := fullDoc(t)
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Go(func() {
			for range 20 {
				switch g % 4 {
				case 0:
					for _, c := range checklist.Criteria() {
						scribble(c)
					}
				case 1:
					for _, it := range checklist.Items() {
						it.Weight = float64(g)
						if c, ok := checklist.LookupCriterion(it.Criteria[0].ID); ok {
							scribble(c)
						}
					}
				case 2:
					if b, err := checklist.Schema(norm.NL, form.Draft2020); err == nil {
						b[len(b)/2] = 'x'
					}
					if _, err := checklist.DecodeAssessment(bytes.NewReader(doc)); err != nil {
						errs <- "DecodeAssessment: " + err.Error()
						return
					}
				case 3:
					r, err := checklist.Evaluate(a)
					if err != nil {
						errs <- "Evaluate: " + err.Error()
						return
					}
					got, _ := json.Marshal(r)
					if !bytes.Equal(got, want) {
						errs <- "Evaluate gave another report"
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// A Value's list cannot be changed through AsList.
func TestValueAsListIsACopy(t *testing.T) {
	v := checklist.Multi("a", "b")
	l, ok := v.AsList()
	require.True(t, ok)
	l[0] = "z"
	again, _ := v.AsList()
	assert.Equal(t, []string{"a", "b"}, again)
}

// BenchmarkSchemaCopy is a cached schema hit from outside the package:
// one copy of the largest schema (draft-07, about 110 KB), with the CPU
// time per call beside the wall time.
func BenchmarkSchemaCopy(b *testing.B) {
	if _, err := checklist.Schema(norm.NL, form.Draft07); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		if _, err := checklist.Schema(norm.NL, form.Draft07); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}
