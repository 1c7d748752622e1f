package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 12, item 11: an action about a person names one of the incident's
// involved people by their pseudonymous reference.
func TestDoneRefusesSubjectsThatAreNotInvolved(t *testing.T) {
	r := newReg(t)
	r.ok("", "add", dataPath("incident.json"))
	for _, tc := range []struct {
		name, subject, code string
	}{
		{"a name", "Jan de Vries", "(format)"},
		{"someone not involved", "E-099", "(reference)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := r.run("", "done", "-incident", "INC-2026-0042", "-kind", "aftercare", "-subject", tc.subject, "-at", "2026-03-28T09:30")
			assert.Equal(t, 1, code)
			assert.Empty(t, out)
			assert.Contains(t, errs, "/subject")
			assert.Contains(t, errs, tc.code)
			assert.NotContains(t, errs, tc.subject, "the message does not repeat the subject")
		})
	}
	t.Run("as JSON", func(t *testing.T) {
		doc := `{"id": "A-1", "incident_id": "INC-2026-0042", "kind": "manager_talk", "subject": "E-099", "at": "2026-03-28T09:30:00+01:00", "outcome": "done"}`
		code, _, errs := r.run(doc, "done", "-", "-lang", "en")
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "/subject")
		assert.Contains(t, errs, "not one of the people involved in incident INC-2026-0042")
	})
	due := r.ok("", "due", "-at", "2026-03-30T12:00")
	assert.Regexp(t, `Eerste nazorgcontact\s+E-031`, due, "nothing was recorded")
}

func TestDoneDerivesAnIDWithoutTheSubject(t *testing.T) {
	r := newReg(t)
	r.ok("", "add", dataPath("incident.json"))
	out := r.ok("", "done", "-incident", "INC-2026-0042", "-kind", "aftercare", "-subject", "E-044", "-at", "2026-03-28T09:30")
	assert.Contains(t, out, "INC-2026-0042/aftercare/2@20260328T083000Z")
	assert.NotContains(t, out, "E-044")
	out = r.ok("", "done", "-incident", "INC-2026-0042", "-kind", "reaction", "-form", "conversation", "-at", "2026-03-28T10:00")
	assert.Contains(t, out, "INC-2026-0042/reaction@20260328T090000Z")
	code, _, errs := r.run("", "done", "-incident", "INC-NONE", "-kind", "reaction", "-form", "conversation")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "not found")
}

func TestListJSONHasNoFreeTextUnlessAsked(t *testing.T) {
	r := newReg(t)
	r.ok("", "add", dataPath("incident.json"))
	out := r.ok("", "list", "-format", "json")
	var inc map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &inc))
	assert.NotContains(t, out, "Synthetisch", "no description, analysis text or lessons")
	assert.NotContains(t, out, "lessons")
	assert.Contains(t, out, "waiting_time", "the cause codes stay")
	assert.Contains(t, r.ok("", "list", "-format", "json", "-free-text"), `"lessons":"Synthetisch voorbeeld`)
}

func TestImportRefusesActionsForPeopleNotInvolved(t *testing.T) {
	r := newReg(t)
	dir := t.TempDir()
	acts := filepath.Join(dir, "actions.csv")
	require.NoError(t, os.WriteFile(acts, []byte("id,incident_id,kind,subject,at,outcome,form,reason\n"+
		"A-1,INC-000001,aftercare,E-032,2025-04-04T12:35:00Z,done,,\n"+
		"A-2,INC-000001,aftercare,E-999,2025-04-04T12:35:00Z,done,,\n"), 0o644))
	code, _, errs := r.run("", "import", "-actions", acts, dataPath("register.csv"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "rij 3, kolom subject")
	assert.NotContains(t, errs, "E-999")
}

// registerFiles reads the register file and its write-ahead log.
func registerFiles(t *testing.T, r *reg) []byte {
	t.Helper()
	var all []byte
	for _, p := range []string{r.db, r.db + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			require.NoError(t, err)
		}
		all = append(all, b...)
	}
	return all
}

func TestRetain(t *testing.T) {
	personal := []string{"E-031", "E-044", "P-0117", "Synthetisch", "Jan de Vries", "nazorg-E-031"}
	setup := func(t *testing.T) *reg {
		r := newReg(t)
		r.ok("", "add", dataPath("incident.json"))
		r.ok("", "done", "-incident", "INC-2026-0042", "-kind", "aftercare", "-subject", "E-031", "-at", "2026-03-28T09:30", "-id", "nazorg-E-031")
		r.ok("", "done", "-incident", "INC-2026-0042", "-kind", "aftercare", "-subject", "E-044", "-at", "2026-03-28T09:45",
			"-outcome", "not_possible", "-reason", "Jan de Vries was ziek")
		r.ok("", "done", dataPath("action.json"))
		return r
	}
	stats := func(r *reg) map[string]any {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(r.ok("", "stats", "-at", "2026-06-01", "-format", "json")), &m))
		delete(m["follow_up"].(map[string]any), "overdue") // the subjects in it become anon-1, anon-2
		return m
	}

	t.Run("dry run changes nothing", func(t *testing.T) {
		r := setup(t)
		before := registerFiles(t, r)
		out := r.ok("", "retain", "-days", "30", "-at", "2026-06-01", "-dry-run")
		assert.Contains(t, out, "zou anonimiseren: 1 incidenten")
		assert.Contains(t, out, "  INC-2026-0042\n")
		assert.Contains(t, out, "niets veranderd")
		for _, x := range personal {
			assert.NotContains(t, out, x)
		}
		assert.True(t, bytes.Equal(before, registerFiles(t, r)), "the register's bytes are the same after a dry run")
		assert.Contains(t, r.ok("", "list", "-free-text"), "Synthetisch")

		var rep map[string]any
		require.NoError(t, json.Unmarshal([]byte(r.ok("", "retain", "-days", "30", "-at", "2026-06-01", "-dry-run", "-format", "json", "-mode", "delete")), &rep))
		assert.Equal(t, true, rep["dry_run"])
		assert.Equal(t, []any{"INC-2026-0042"}, rep["touched"])
		assert.EqualValues(t, 1, rep["deleted"])
		assert.Contains(t, r.ok("", "list"), "1 incidenten")
	})

	t.Run("anonymise", func(t *testing.T) {
		r := setup(t)
		for _, x := range personal {
			require.Contains(t, string(registerFiles(t, r)), x, "the register holds %q before", x)
		}
		statsBefore := stats(r)
		assert.Contains(t, r.ok("", "retain", "-days", "90", "-at", "2026-06-01"), "geanonimiseerd: 0 incidenten\n", "not yet due")
		out := r.ok("", "retain", "-days", "30", "-at", "2026-06-01", "-lang", "en")
		assert.Contains(t, out, "anonymised: 1 incidents")
		assert.Equal(t, statsBefore, stats(r), "the statistics and the measured follow-up stay")

		texts := []string{string(registerFiles(t, r)), r.ok("", "list", "-free-text", "-format", "json"),
			r.ok("", "due", "-at", "2026-06-01", "-format", "json")}
		for _, text := range texts {
			for _, x := range personal {
				assert.NotContains(t, text, x)
			}
		}
		out = r.ok("", "retain", "-days", "30", "-at", "2026-06-01")
		assert.Contains(t, out, "geanonimiseerd: 0 incidenten (al geanonimiseerd of al weg: 1)")
	})

	t.Run("delete", func(t *testing.T) {
		r := setup(t)
		assert.Contains(t, r.ok("", "retain", "-days", "30", "-at", "2026-06-01", "-mode", "delete"), "verwijderd: 1 incidenten")
		assert.Contains(t, r.ok("", "list"), "0 incidenten")
		for _, x := range personal {
			assert.NotContains(t, string(registerFiles(t, r)), x)
		}
	})

	t.Run("usage", func(t *testing.T) {
		r := setup(t)
		for _, tc := range []struct {
			args []string
			want string
		}{
			{[]string{"retain"}, "-days"},
			{[]string{"retain", "-days", "5"}, "/after"},
			{[]string{"retain", "-days", "1000000"}, "100000"},
			{[]string{"retain", "-days", "365", "-mode", "shred"}, "/mode"},
			{[]string{"retain", "-days", "365", "-at", "gisteren"}, "gisteren"},
			{[]string{"retain", "-days", "365", "-format", "xml"}, "xml"},
		} {
			code, out, errs := r.run("", tc.args...)
			assert.Equal(t, 2, code, "%v", tc.args)
			assert.Empty(t, out)
			assert.Contains(t, errs, tc.want)
		}
		assert.Contains(t, r.ok("", "list", "-free-text"), "Synthetisch", "nothing changed")
	})
}
