package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
)

// TestRegisterIsUpToDate regenerates the sample register and compares it
// with the committed files: the generator is deterministic, and the files
// in examples/data are what it makes today.
func TestRegisterIsUpToDate(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-dir", dir}, &out, &errb), errb.String())
	for _, f := range []string{"register.csv", "register-actions.csv"} {
		got, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		want, err := os.ReadFile(filepath.Join("..", "data", f))
		require.NoError(t, err)
		assert.True(t, bytes.Equal(want, got), "examples/data/%s is stale: run go run ./examples/gendata", f)
	}
}

// TestRegisterContradictsTheAfterClaim checks the story the sample
// register is made for: at least 200 incidents over about a year before
// the 'after' assessment date, and reactions within 48 hours far below the
// 100% the 'after' assessment claims.
func TestRegisterContradictsTheAfterClaim(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "data", "register.csv"))
	require.NoError(t, err)
	defer f.Close()
	incs, err := incident.ReadCSV(f)
	require.NoError(t, err)
	g, err := os.Open(filepath.Join("..", "data", "register-actions.csv"))
	require.NoError(t, err)
	defer g.Close()
	acts, err := followup.ReadActionsCSV(g)
	require.NoError(t, err)

	assert.GreaterOrEqual(t, len(incs), 200)
	span := incs[len(incs)-1].OccurredAt.Sub(incs[0].OccurredAt)
	assert.InDelta(t, 365, span.Hours()/24, 30, "about a year")
	assert.True(t, incs[len(incs)-1].OccurredAt.Before(until))
	for _, inc := range incs {
		assert.Empty(t, inc.Description, "no free text in the sample export")
	}

	sum, err := followup.Summarize(records(incs, acts), followup.DefaultPolicy(), until)
	require.NoError(t, err)
	assert.InDelta(t, 62, sum.Reactions48h.Percent(), 4)
	assert.GreaterOrEqual(t, sum.AftercareOnTime.Percent(), 95.0, "aftercare keeps its promise, so that one claim stands out")

	b, err := os.ReadFile(filepath.Join("..", "data", "ind-after.json"))
	require.NoError(t, err)
	var after struct {
		Answers map[string]struct {
			Value any `json:"value"`
		} `json:"answers"`
	}
	require.NoError(t, json.Unmarshal(b, &after))
	assert.Equal(t, 100.0, after.Answers["GG12-1"].Value, "the after assessment claims every reaction in time")
}

// TestAssessments checks the NDJSON generator: one valid assessment per
// line, deterministic, spread over the ratings.
func TestAssessments(t *testing.T) {
	var a, b bytes.Buffer
	require.NoError(t, writeAssessments(&a, seed, 60))
	require.NoError(t, writeAssessments(&b, seed, 60))
	assert.Equal(t, a.String(), b.String(), "deterministic")
	sc := bufio.NewScanner(&a)
	sc.Buffer(nil, 1<<20)
	n := 0
	ratings := map[checklist.Rating]int{}
	for sc.Scan() {
		n++
		as, err := checklist.DecodeAssessment(bytes.NewReader(sc.Bytes()))
		require.NoError(t, err, "line %d", n)
		rep, err := checklist.Evaluate(as)
		require.NoError(t, err, "line %d", n)
		ratings[rep.Rating]++
	}
	assert.Equal(t, 60, n)
	assert.Positive(t, ratings[checklist.Red])
	assert.Positive(t, ratings[checklist.Amber])
}
