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

func TestCompareGolden(t *testing.T) {
	for _, tc := range []struct{ lang, format, ext string }{
		{"nl", "text", "txt"}, {"en", "text", "txt"}, {"nl", "markdown", "md"}, {"en", "markdown", "md"},
		{"en", "json", "json"}, {"nl", "html", "html"}, {"en", "html", "html"},
	} {
		t.Run(tc.lang+"."+tc.ext, func(t *testing.T) {
			code, out, errs := runCmd(t, nil, "-compare", "-lang", tc.lang, "-format", tc.format,
				dataPath("ind-before.json"), dataPath("ind-after.json"))
			require.Equal(t, exitOK, code, "stderr: %s", errs)
			golden(t, "compare.ind."+tc.lang+"."+tc.ext+".golden", out)
		})
	}
}

// The sample pair names every item as improved, none as worse, and the
// rating's move from red to green with the critical criteria it freed.
func TestCompareSamplePair(t *testing.T) {
	code, out, _ := runCmd(t, nil, "-compare", "-lang", "en", dataPath("ind-before.json"), dataPath("ind-after.json"))
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "Improved: GG01, GG02, GG03, GG04, GG05, GG06, GG07, GG08, GG09, GG10, GG11,\n  GG12, GG13, GG14\n")
	assert.Contains(t, out, "Got worse: none\n")
	assert.Contains(t, out, "+67.5 points; rating: ↑ improved")
	assert.Contains(t, out, "GG12-1 ↑ not met → met (critical); answer 40% → 100%")
	assert.Contains(t, out, "GG01-2 ↑ partially met → met; answer assertiveness only → both")
	assert.Contains(t, out, "GG02-3 ↑ not met → met; answer no → yes")
	assert.Contains(t, out, "New findings (5)")
	assert.Contains(t, out, "Findings resolved (41)")

	code, out, _ = runCmd(t, nil, "-compare", "-format", "json", dataPath("ind-before.json"), dataPath("ind-after.json"))
	require.Equal(t, exitOK, code)
	var c struct {
		Improved []string `json:"improved"`
		Worse    []string `json:"worse"`
		Rating   struct {
			Old, New, Change string
			Lifted           []string
		} `json:"rating"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &c))
	assert.Len(t, c.Improved, 14)
	assert.Empty(t, c.Worse)
	assert.Equal(t, "red", c.Rating.Old)
	assert.Equal(t, "green", c.Rating.New)
	assert.Equal(t, []string{"GG01-1", "GG03-1", "GG11-1", "GG12-1", "GG13-1"}, c.Rating.Lifted)
}

// Swapped the other way round, the same pair reads as a decline: the
// arguments are refused as swapped, not reported as "everything worse".
func TestCompareRefuses(t *testing.T) {
	code, out, errs := runCmd(t, nil, "-compare", "-lang", "en", dataPath("ind-after.json"), dataPath("ind-before.json"))
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "/assessment_date")
	assert.Contains(t, errs, "were they swapped?")

	code, out, errs = runCmd(t, nil, "-compare", dataPath("ind-before.json"), dataPath("compliant.json"))
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "/organisation")
	assert.Contains(t, errs, "verschillende organisaties")

	// An invalid file is reported against that file.
	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"version": "1"}`), 0o644))
	code, out, errs = runCmd(t, nil, "-compare", dataPath("ind-before.json"), bad)
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "bad.json")
}

func TestCompareUsage(t *testing.T) {
	a, b := dataPath("ind-before.json"), dataPath("ind-after.json")
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"one file", []string{"-compare", a}, "OUD.json NIEUW.json"},
		{"three files", []string{"-compare", a, b, b}, "precies één"},
		{"with batch", []string{"-compare", "-batch", a, b}, "-batch"},
		{"with a register", []string{"-compare", "-incidents", "r.csv", a, b}, "-incidents"},
		{"with a norm document", []string{"-compare", "-norm", dataPath("ind-after-norm.json"), a, b}, "-norm"},
		{"with a survey", []string{"-compare", "-survey", dataPath("survey-after.csv"), a, b}, "-survey"},
		{"as a workbook", []string{"-compare", "-format", "xlsx", "-o", "x.xlsx", a, b}, "xlsx"},
		{"stdin twice", []string{"-compare", "-", "-"}, "stdin"},
		{"summary without batch", []string{"-summary", a}, "-summary hoort bij -batch"},
		{"summary with a register", []string{"-batch", "-summary", "-incidents", "r.csv", a}, "-incidents"},
		{"summary with -at", []string{"-batch", "-summary", "-at", "2026-01-01", a}, "-at"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, nil, c.args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, c.want)
		})
	}
}

// The HTML comparison is one self-contained page: no script, its own CSP,
// one chart with two bars per item, each bar labelled with its value.
func TestCompareHTML(t *testing.T) {
	code, out, _ := runCmd(t, nil, "-compare", "-format", "html", dataPath("ind-before.json"), dataPath("ind-after.json"))
	require.Equal(t, exitOK, code)
	assertWellFormedHTML(t, out)
	lower := strings.ToLower(out)
	assert.NotContains(t, lower, "<script")
	assert.Contains(t, out, `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-`)
	assert.Equal(t, 1, strings.Count(out, "<svg"))
	assert.Equal(t, 14, strings.Count(out, `<rect class="old"`))
	assert.Equal(t, 14, strings.Count(out, `<rect class="new"`))
	assert.Contains(t, out, "<title>GG12 Binnen 48 uur reageren naar de dader: Toen 20, Nu 80 (beter)</title>")
}

// An organisation name full of markup and terminal tricks is escaped in
// the comparison and in the summary, as in the single report.
func TestCompareAndSummaryHostileText(t *testing.T) {
	hostile := filepath.Join("testdata", "hostile.json")
	code, out, errs := runCmd(t, nil, "-compare", "-format", "html", hostile, hostile)
	require.Equal(t, exitOK, code, errs)
	assertWellFormedHTML(t, out)
	assert.Contains(t, out, "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.NotContains(t, strings.ToLower(out), "<script")

	code, out, _ = runCmd(t, nil, "-compare", "-format", "markdown", hostile, hostile)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, `&lt;script&gt;alert(1)&lt;/script&gt;`)
	assert.Contains(t, out, `\*\*vet\*\*`)

	raw, err := os.ReadFile(hostile)
	require.NoError(t, err)
	line := strings.Join(strings.Fields(string(raw)), " ") + "\n"
	code, out, errs = runCmd(t, strings.NewReader(line), "-batch", "-summary", "-format", "html", "-")
	require.Equal(t, exitOK, code, errs)
	assertWellFormedHTML(t, out)
	assert.Contains(t, out, "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.NotContains(t, strings.ToLower(out), "<script")
	code, out, _ = runCmd(t, strings.NewReader(line), "-batch", "-summary", "-format", "markdown", "-")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, `\| \*\*vet\*\*`)
}
