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

// TestNormGolden: with -norm the sample's norm document decides GG11-1
// (and GG09-1..3, GG11-2), the report says so, and the one place where
// the document differs from the claim (it does not name whistling) is a
// finding.
func TestNormGolden(t *testing.T) {
	ext := map[string]string{"text": "txt", "markdown": "md", "json": "json"}
	for _, lang := range []string{"nl", "en"} {
		for _, f := range []string{"text", "markdown", "json"} {
			name := "ind-after." + lang + ".norm." + ext[f]
			t.Run(name, func(t *testing.T) {
				code, out, errs := runCmd(t, nil, "-lang", lang, "-format", f, "-norm", dataPath("ind-after-norm.json"), dataPath("ind-after.json"))
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

// criterionJSON is the part of a criterion in the JSON report these tests
// look at.
type criterionJSON struct {
	ID          string `json:"id"`
	Result      string `json:"result"`
	Explanation string `json:"explanation"`
	Derived     *struct {
		Source        string `json:"source"`
		ClaimedResult string `json:"claimed_result"`
		Agrees        bool   `json:"agrees"`
	} `json:"derived"`
}

func criterionOf(t *testing.T, out, id string) criterionJSON {
	t.Helper()
	var r struct {
		Items []struct {
			Criteria []criterionJSON `json:"criteria"`
		} `json:"items"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	for _, it := range r.Items {
		for _, c := range it.Criteria {
			if c.ID == id {
				return c
			}
		}
	}
	t.Fatalf("no criterion %s", id)
	return criterionJSON{}
}

func TestNormDerivesGG111(t *testing.T) {
	_, claimed, _ := runCmd(t, nil, "-lang", "en", "-format", "json", dataPath("ind-after.json"))
	code, derived, errs := runCmd(t, nil, "-lang", "en", "-format", "json", "-norm", dataPath("ind-after-norm.json"), dataPath("ind-after.json"))
	require.Equal(t, exitOK, code, errs)

	before := criterionOf(t, claimed, "GG11-1")
	assert.Nil(t, before.Derived)
	assert.Equal(t, "met", before.Result)
	assert.NotContains(t, before.Explanation, "norm document")

	after := criterionOf(t, derived, "GG11-1")
	require.NotNil(t, after.Derived, "GG11-1 now comes from the document")
	assert.Equal(t, "norm", after.Derived.Source)
	assert.Equal(t, "met", after.Derived.ClaimedResult)
	assert.False(t, after.Derived.Agrees)
	assert.Equal(t, "partially_met", after.Result)
	assert.True(t, strings.HasPrefix(after.Explanation, "according to the norm document: 16 of 17"), after.Explanation)

	var r reportJSON
	require.NoError(t, json.Unmarshal([]byte(derived), &r))
	assert.True(t, hasFinding(r, "document_contradicts_claim", "GG11-1"), "findings: %+v", r.Findings)
	for _, id := range []string{"GG09-1", "GG09-2", "GG09-3", "GG11-2"} {
		assert.False(t, hasFinding(r, "document_contradicts_claim", id), id)
		assert.NotNil(t, criterionOf(t, derived, id).Derived, id)
	}
	assert.Equal(t, "amber", r.Rating, "a critical criterion only partially met")

	// The HTML report has the section, well formed.
	code, html, errs := runCmd(t, nil, "-lang", "en", "-format", "html", "-norm", dataPath("ind-after-norm.json"), dataPath("ind-after.json"))
	require.Equal(t, exitOK, code, errs)
	assertWellFormedHTML(t, html)
	assert.Contains(t, html, "<h2>Derived from the norm document</h2>")
	assert.Contains(t, html, "ind-after-norm.json")
	assert.Contains(t, html, "Rules applied: catalogue ")
}

func TestNormRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(s), 0o644))
		return p
	}
	sample, err := os.ReadFile(dataPath("ind-after-norm.json"))
	require.NoError(t, err)
	bad := write("bad.json", strings.Replace(string(sample), `"days": 30`, `"days": -30`, 1))
	late := write("late.json", strings.Replace(string(sample), `"2025-09-01"`, `"2026-04-01"`, 1))

	code, out, errs := runCmd(t, nil, "-lang", "en", "-norm", bad, dataPath("ind-after.json"))
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "bad.json")
	assert.Contains(t, errs, "/service/turnaround/1/days")

	code, out, errs = runCmd(t, nil, "-lang", "en", "-norm", late, dataPath("ind-after.json"))
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "late.json")
	assert.Contains(t, errs, "/adopted")
	assert.Contains(t, errs, "after the assessment date")

	other := write("other.json", strings.Replace(string(sample), "Noordkust", "Zuidkust", 1))
	code, out, errs = runCmd(t, nil, "-lang", "en", "-norm", other, dataPath("ind-after.json"))
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, `the norm document belongs to "Uitvoeringsdienst Zuidkust (fictief)"`)

	code, _, errs = runCmd(t, nil, "-lang", "en", "-norm", filepath.Join(dir, "missing.json"), dataPath("ind-after.json"))
	assert.Equal(t, exitInvalid, code, errs)

	code, _, errs = runCmd(t, nil, "-lang", "en", "-batch", "-norm", dataPath("ind-after-norm.json"), "-")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "-norm goes with a single assessment")
}
