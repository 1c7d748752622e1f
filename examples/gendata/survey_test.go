package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist/survey"
)

// TestSurveysAreUpToDate regenerates the sample surveys and compares them
// with the committed files, and checks that they read back to rounds of
// the intended size and month.
func TestSurveysAreUpToDate(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, writeSurveys(dir))
	for _, s := range sampleSurveys {
		got, err := os.ReadFile(filepath.Join(dir, s.file))
		require.NoError(t, err)
		want, err := os.ReadFile(filepath.Join("..", "data", s.file))
		require.NoError(t, err)
		assert.True(t, bytes.Equal(want, got), "examples/data/%s is stale: run go run ./examples/gendata", s.file)
		rs, err := survey.ReadCSV(bytes.NewReader(want))
		require.NoError(t, err)
		r, err := survey.Summarize(rs)
		require.NoError(t, err)
		assert.Equal(t, s.n, r.Respondents)
		assert.Equal(t, s.round, r.Round)
	}
}
