package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/normdoc"
)

// ownNormFile writes a norm document whose norm has one behaviour of its
// own, a threat.
func ownNormFile(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(`{
  "version": "1",
  "organisation": {"name": "UDN"},
  "adopted": "2026-01-15",
  "norm": {
    "behaviours": ["swearing", "threatening", "hitting", "spitting"],
    "extra": [{"code": "refusing_to_leave", "category": "threat",
               "label": {"nl": "weigeren het pand te verlaten", "en": "refusing to leave the premises"}}],
    "known_to_employees": ["intranet"],
    "known_to_clients": ["website"]
  }
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
		assert.Contains(t, list, `"norm":{"id":"UDN:2026-01-15","behaviours":[{"code":"refusing_to_leave","category":"threat"}]}`)
		assert.Contains(t, r.ok("", "list", "-category", "threat"), "INC-2026-0042")

		// A code the norm does not define is refused.
		other := strings.Replace(string(doc), `"threatening"`, `"spitting_on_the_floor"`, 1)
		code, _, errs = r.run(other, "add", "-norm", normFile, "-lang", "en")
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "/behaviours/1")
		assert.Contains(t, errs, "UDN:2026-01-15")
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
		require.NoError(t, os.WriteFile(bad, []byte(`{"version": "1", "organisation": {"name": "UDN"}, "adopted": "2026-01-15",
  "norm": {"behaviours": ["swearing"], "extra": [{"code": "x", "category": "rude", "label": {"nl": "x", "en": "x"}}], "known_to_employees": [], "known_to_clients": []}}`), 0o600))
		r := newReg(t)
		code, _, errs := r.run(own, "add", "-norm", bad, "-lang", "en")
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "/norm/extra/0/category")
		_, err := os.Stat(r.db)
		assert.True(t, os.IsNotExist(err), "a refused norm creates no register")
	})

	t.Run("a bare norm is not a norm document", func(t *testing.T) {
		bare := filepath.Join(t.TempDir(), "bare.json")
		require.NoError(t, os.WriteFile(bare, []byte(`{"behaviours": ["swearing"], "extra": [{"code": "refusing_to_leave", "category": "threat", "label": {"nl": "x", "en": "x"}}], "known_to_employees": ["intranet"], "known_to_clients": ["website"]}`), 0o600))
		for _, lang := range []string{"nl", "en"} {
			r := newReg(t)
			code, _, errs := r.run(own, "add", "-norm", bare, "-lang", lang)
			assert.Equal(t, 1, code)
			assert.Contains(t, errs, "go run ./examples/schema -doc norm")
			assert.Contains(t, errs, map[string]string{"nl": "geen normdocument", "en": "not a norm document"}[lang])
			assert.NotContains(t, errs, "unknown_field", "one clear message, not the schema's list")
		}
	})

	t.Run("a -norm-id that is not a token", func(t *testing.T) {
		r := newReg(t)
		code, _, errs := r.run(own, "add", "-norm", normFile, "-norm-id", "UDN huisregels", "-lang", "en")
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "choose one with -norm-id")
	})
}

// TestSampleNormDocument: the sample norm document's own code
// filming_staff is registered under the norm, classified as a threat and
// counted by stats; a code the sample does not define is refused with its
// pointer.
func TestSampleNormDocument(t *testing.T) {
	doc, err := os.ReadFile(dataPath("incident-own-code.json"))
	require.NoError(t, err)
	own := string(doc)
	require.Contains(t, own, `"filming_staff"`)
	sample := dataPath("ind-after-norm.json")

	r := newReg(t)
	code, _, errs := r.run(own, "add", "-lang", "en")
	assert.Equal(t, 1, code, "without the norm the code is unknown")
	assert.Contains(t, errs, "/behaviours/1")

	r.ok(own, "add", "-norm", sample)
	assert.Equal(t, map[string]int{"verbal": 1, "threat": 1}, statsByCategory(t, r))
	assert.Regexp(t, `(?m)^  threats and intimidation +1$`, r.ok("", "stats", "-lang", "en", "-at", "2026-04-01"))
	list := r.ok("", "list", "-format", "json")
	assert.Contains(t, list, `"norm":{"id":"Uitvoeringsdienst-Noordkust-fictief:2025-09-01","behaviours":[{"code":"filming_staff","category":"threat"}]}`)

	undefined := strings.Replace(strings.Replace(own, `"filming_staff"`, `"filming_clients"`, 1), "INC-2026-0051", "INC-2026-0052", 1)
	code, _, errs = r.run(undefined, "add", "-norm", sample, "-lang", "en")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "/behaviours/1")
	assert.Contains(t, errs, "filming_clients")
}

func TestNormID(t *testing.T) {
	at := norm.Date{Year: 2025, Month: 9, Day: 1}
	for _, tt := range []struct{ name, want string }{
		{"Uitvoeringsdienst Noordkust (fictief)", "Uitvoeringsdienst-Noordkust-fictief:2025-09-01"},
		{"Gemeente Súdwest-Fryslân", "Gemeente-Sudwest-Fryslan:2025-09-01"},
		{"  --  ", "norm:2025-09-01"},
		{"北京", "norm:2025-09-01"},
		{strings.Repeat("Abc ", 30), strings.Repeat("Abc-", 14)[:incident.MaxIDLen-len(":2025-09-01")] + ":2025-09-01"},
	} {
		t.Run(tt.want, func(t *testing.T) {
			var d normdoc.Document
			d.Organisation.Name, d.Adopted = tt.name, at
			got := normID(d)
			assert.Equal(t, tt.want, got)
			assert.True(t, incident.ValidToken(got), got)
		})
	}
}
