package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var surveyArgs = []string{"-survey", dataPath("survey-after.csv"), "-survey-before", dataPath("survey-before.csv")}

// TestSurveyGolden is the after-organisation's report with its employee
// survey and the baseline of a year before, in every format.
func TestSurveyGolden(t *testing.T) {
	ext := map[string]string{"text": "txt", "markdown": "md", "json": "json", "html": "html"}
	for _, l := range []string{"nl", "en"} {
		for _, f := range []string{"text", "markdown", "json", "html"} {
			name := "ind-after." + l + ".survey." + ext[f]
			t.Run(name, func(t *testing.T) {
				args := append([]string{"-lang", l, "-format", f}, surveyArgs...)
				code, out, errs := runCmd(t, nil, append(args, dataPath("ind-after.json"))...)
				require.Equal(t, exitOK, code, "stderr: %s", errs)
				assert.Empty(t, errs)
				golden(t, name+".golden", out)
				if f == "text" {
					for i, line := range strings.Split(out, "\n") {
						assert.LessOrEqual(t, len([]rune(line)), width, "line %d is wider than %d columns: %q", i+1, width, line)
					}
				}
			})
		}
	}
}

// TestSurveyDecidesAndCompares checks the story the samples tell: the
// survey decides GG05-2 against the claim, and the report sets the change
// since the baseline beside the pilot's figures.
func TestSurveyDecidesAndCompares(t *testing.T) {
	code, out, errs := runCmd(t, nil, append(append([]string{"-format", "json", "-lang", "en"}, surveyArgs...), dataPath("ind-after.json"))...)
	require.Equal(t, exitOK, code, errs)
	var rep struct {
		Findings []struct{ Code, Criterion, Message string }
		Survey   struct {
			Decided []string
			Changes []struct {
				Question   string
				Difference struct {
					Points      float64
					Test        string
					P           float64
					Significant bool
				}
				Pilot struct{ Before, After float64 }
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, []string{"GG03-3", "GG05-2", "GG11-3"}, rep.Survey.Decided)
	found := false
	for _, f := range rep.Findings {
		if f.Code == "measured_contradicts_claim" && f.Criterion == "GG05-2" {
			found = true
			assert.Contains(t, f.Message, "employee survey shows 92.5% (37 of 40")
		}
	}
	assert.True(t, found, "the survey contradicts the claim on GG05-2")
	require.Len(t, rep.Survey.Changes, 19)
	th := rep.Survey.Changes[1]
	assert.Equal(t, "exposed_threats", th.Question)
	assert.Equal(t, -15.0, th.Difference.Points)
	assert.Equal(t, "z", th.Difference.Test)
	assert.Equal(t, 0.133, th.Difference.P)
	assert.False(t, th.Difference.Significant, "40 respondents are too few to call 35% → 20% more than chance")
	assert.Equal(t, 36.0, th.Pilot.Before)
	assert.Equal(t, 19.0, th.Pilot.After)

	// Among 400 the same shift is significant.
	code, out, errs = runCmd(t, nil, "-format", "json", "-survey", dataPath("survey-after-large.csv"), "-survey-before", dataPath("survey-before-large.csv"), dataPath("ind-after.json"))
	require.Equal(t, exitOK, code, errs)
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.True(t, rep.Survey.Changes[1].Difference.Significant)
}

func TestSurveyRefused(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("round,knows_norm,name\n2026-03,maybe,Jan\n"), 0o644))
	small := filepath.Join(dir, "small.csv")
	rows := "round,knows_to_report\n" + strings.Repeat("2026-03,no\n", 9)
	require.NoError(t, os.WriteFile(small, []byte(rows), 0o644))

	for _, tc := range []struct {
		name string
		args []string
		exit int
		err  string
	}{
		{"baseline alone", []string{"-survey-before", dataPath("survey-before.csv"), dataPath("ind-after.json")}, exitUsage, "-survey-before goes with -survey"},
		{"batch", []string{"-batch", "-survey", dataPath("survey-after.csv"), "-"}, exitUsage, "-survey goes with a single assessment"},
		{"unknown column", []string{"-survey", bad, dataPath("ind-after.json")}, exitInvalid, "row 1, column name"},
		{"round outside the year", []string{"-survey", dataPath("survey-after.csv"), dataPath("ind-before.json")}, exitInvalid, "lies outside the assessment's twelve months"},
		{"baseline after the round", []string{"-survey", dataPath("survey-before.csv"), "-survey-before", dataPath("survey-after.csv"), dataPath("ind-before.json")}, exitInvalid, "must come before"},
		{"missing file", []string{"-survey", filepath.Join(dir, "none.csv"), dataPath("ind-after.json")}, exitInvalid, "none.csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCmd(t, nil, append([]string{"-lang", "en"}, tc.args...)...)
			assert.Equal(t, tc.exit, code, errs)
			assert.Empty(t, out)
			assert.Contains(t, errs, tc.err)
		})
	}

	// Nine respondents: no figure, nothing decided, the claim stands.
	code, out, errs := runCmd(t, nil, "-lang", "en", "-survey", small, dataPath("ind-after.json"))
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, "Round 2026-03 · 9 respondents")
	assert.NotContains(t, out, "Decides:")
	assert.NotContains(t, out, "0%  ", "no share for 9 respondents")
}
