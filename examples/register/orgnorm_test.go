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

// ownNormFile writes a norm with one behaviour of its own, a threat.
func ownNormFile(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(`{
  "behaviours": ["swearing", "threatening", "hitting", "spitting"],
  "extra": [{"code": "refusing_to_leave", "category": "threat",
             "label": {"nl": "weigeren het pand te verlaten", "en": "refusing to leave the premises"}}],
  "known_to_employees": ["intranet"],
  "known_to_clients": ["website"]
}`), 0o600))
	return path
}

// statsByCategory runs stats -format json and returns its counts per
// category.
func statsByCategory(t *testing.T, r *reg) map[string]int {
	t.Helper()
	var out struct {
		Statistics struct {
			ByCategory map[string]int `json:"by_category"`
		} `json:"statistics"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.ok("", "stats", "-format", "json", "-at", "2026-04-01")), &out))
	return out.Statistics.ByCategory
}

func TestOwnBehaviourCodes(t *testing.T) {
	normFile := ownNormFile(t, "UDN-huisregels-2026.json")
	doc, err := os.ReadFile(dataPath("incident.json"))
	require.NoError(t, err)
	own := strings.Replace(string(doc), `"threatening"`, `"refusing_to_leave"`, 1)
	require.NotEqual(t, string(doc), own)

	t.Run("add", func(t *testing.T) {
		r := newReg(t)
		code, _, errs := r.run(own, "add", "-lang", "en")
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "/behaviours/1")
		_, err := os.Stat(r.db)
		assert.True(t, os.IsNotExist(err), "a refused incident creates no register")

		r.ok(own, "add", "-norm", normFile)
		assert.Equal(t, map[string]int{"verbal": 1, "threat": 1}, statsByCategory(t, r))
		list := r.ok("", "list", "-format", "json")
		assert.Contains(t, list, `"norm":{"id":"UDN-huisregels-2026","behaviours":[{"code":"refusing_to_leave","category":"threat"}]}`)
		assert.Contains(t, r.ok("", "list", "-category", "threat"), "INC-2026-0042")

		// A code the norm does not define is refused.
		other := strings.Replace(string(doc), `"threatening"`, `"spitting_on_the_floor"`, 1)
		code, _, errs = r.run(other, "add", "-norm", normFile, "-lang", "en")
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "/behaviours/1")
		assert.Contains(t, errs, "UDN-huisregels-2026")
	})

	t.Run("import", func(t *testing.T) {
		csv := filepath.Join(t.TempDir(), "own.csv")
		require.NoError(t, os.WriteFile(csv, []byte(
			"id,occurred_at,reported_at,channel,behaviours,phase,perpetrator_role\n"+
				"INC-1,2026-03-02 09:30,2026-03-02 10:00,desk,refusing_to_leave,red,client\n"+
				"INC-2,2026-03-03 09:30,2026-03-03 10:00,desk,hitting,red,client\n"), 0o600))
		r := newReg(t)
		code, _, errs := r.run("", "import", "-lang", "en", csv)
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "row 2, column behaviours")

		assert.Contains(t, r.ok("", "import", "-norm", normFile, "-norm-id", "UDN-2026-1", csv), "2")
		assert.Equal(t, map[string]int{"threat": 1, "physical": 1}, statsByCategory(t, r))
	})

	t.Run("a norm that is not sound", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.json")
		require.NoError(t, os.WriteFile(bad, []byte(`{"behaviours": ["swearing"], "extra": [{"code": "x", "category": "rude", "label": {"nl": "x", "en": "x"}}], "known_to_employees": [], "known_to_clients": []}`), 0o600))
		r := newReg(t)
		code, _, errs := r.run(own, "add", "-norm", bad, "-lang", "en")
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "/extra/0/category")
	})
}
