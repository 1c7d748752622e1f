package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dataPath(name string) string { return filepath.Join("..", "data", name) }

// reg runs the tool on one register file.
type reg struct {
	t  *testing.T
	db string
}

func newReg(t *testing.T) *reg {
	t.Helper()
	now = func() time.Time { return time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { now = time.Now })
	return &reg{t: t, db: filepath.Join(t.TempDir(), "register.db")}
}

func (r *reg) run(stdin string, args ...string) (int, string, string) {
	r.t.Helper()
	var out, errb bytes.Buffer
	var in io.Reader = strings.NewReader(stdin)
	code := run(append([]string{"-db", r.db}, args...), in, &out, &errb)
	return code, out.String(), errb.String()
}

func (r *reg) ok(stdin string, args ...string) string {
	r.t.Helper()
	code, out, errs := r.run(stdin, args...)
	require.Equal(r.t, 0, code, "register %v: %s", args, errs)
	return out
}

func TestAddListDueDone(t *testing.T) {
	r := newReg(t)
	out := r.ok("", "add", dataPath("incident.json"))
	assert.Contains(t, out, "INC-2026-0042")
	// Adding the same incident again is one record.
	r.ok("", "add", dataPath("incident.json"))

	list := r.ok("", "list")
	assert.Contains(t, list, "INC-2026-0042")
	assert.Contains(t, list, "1 incidenten")
	assert.NotContains(t, list, "Synthetisch voorbeeld", "free text stays out unless asked")
	assert.Contains(t, r.ok("", "list", "-free-text"), "Synthetisch voorbeeld")

	// Before the 48 hours are over the reaction is open, after them overdue.
	due := r.ok("", "due", "-at", "2026-03-27T12:00", "-lang", "en")
	assert.Regexp(t, `open\s+INC-2026-0042\s+Reaction to the perpetrator\s+perpetrator`, due)
	due = r.ok("", "due", "-at", "2026-03-30T12:00", "-overdue")
	assert.Regexp(t, `TE LAAT\s+INC-2026-0042\s+Reactie op de pleger`, due)

	// Recording the reaction (as JSON) takes it off the list.
	assert.Contains(t, r.ok("", "done", dataPath("action.json")), "ACT-2026-0042-1")
	due = r.ok("", "due", "-at", "2026-03-30T12:00")
	assert.NotContains(t, due, "Reactie op de pleger")
	// Aftercare for both people is still due; record one with flags.
	assert.Regexp(t, `Eerste nazorgcontact\s+E-031`, due)
	r.ok("", "done", "-incident", "INC-2026-0042", "-kind", "aftercare", "-subject", "E-031", "-at", "2026-03-28T09:30")
	due = r.ok("", "due", "-at", "2026-03-30T12:00")
	assert.NotRegexp(t, `Eerste nazorgcontact\s+E-031`, due)
	assert.Regexp(t, `Eerste nazorgcontact\s+E-044`, due)

	var first map[string]any
	require.NoError(t, json.Unmarshal([]byte(strings.SplitN(r.ok("", "due", "-format", "json", "-at", "2026-03-30T12:00"), "\n", 2)[0]), &first))
	assert.Equal(t, "INC-2026-0042", first["incident_id"])

	stats := r.ok("", "stats", "-at", "2026-04-30", "-lang", "en")
	assert.Contains(t, stats, "Incidents: 1")
	assert.Regexp(t, `Reaction to the perpetrator within 48 hours\s+100.0%\s+\(1 of 1\)`, stats)
}

func TestAddRefusesInvalid(t *testing.T) {
	r := newReg(t)
	code, out, errs := r.run(`{"occurred_at": "2026-03-27T10:40:00+01:00", "channel": "fax", "behaviours": ["rudeness"], "phase": "red",
		"perpetrator": {"role": "client"}, "involved": []}`, "add", "-", "-lang", "en")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	for _, p := range []string{"/reported_at", "/channel", "/behaviours/0"} {
		assert.Contains(t, errs, p)
	}
	assert.NoFileExists(t, r.db, "a refused incident creates no register")
}

func TestImport(t *testing.T) {
	r := newReg(t)
	out := r.ok("", "import", dataPath("register.csv"))
	assert.Regexp(t, `geïmporteerd: \d{3}`, out)
	list := r.ok("", "list", "-from", "2025-10-01", "-to", "2025-10-31", "-category", "threat", "-lang", "en")
	assert.Contains(t, list, "threat")
	assert.NotContains(t, list, " 2025-09-")
	assert.NotContains(t, list, " 2025-11-")

	t.Run("with actions", func(t *testing.T) {
		r := newReg(t)
		out := r.ok("", "import", "-actions", dataPath("register-actions.csv"), dataPath("register.csv"))
		assert.Regexp(t, `acties vastgelegd: \d{3,}`, out)
		stats := r.ok("", "stats", "-at", "2026-03-31", "-lang", "en")
		assert.Regexp(t, `Reaction to the perpetrator within 48 hours\s+63.8%\s+\(125 of 196\)`, stats)
		assert.Contains(t, stats, "Incidents: 215")
	})
	t.Run("actions for unknown incidents change nothing", func(t *testing.T) {
		r := newReg(t)
		r.ok("", "add", dataPath("incident.json"))
		dir := t.TempDir()
		empty := filepath.Join(dir, "empty.csv")
		require.NoError(t, os.WriteFile(empty, []byte("id,occurred_at,reported_at,channel,behaviours,phase\n"), 0o644))
		acts := filepath.Join(dir, "actions.csv")
		require.NoError(t, os.WriteFile(acts, []byte("id,incident_id,kind,subject,at,outcome,form,reason\n"+
			"A-1,INC-2026-0042,reaction,perpetrator,2026-03-28T10:00:00Z,done,conversation,\n"+
			"A-2,INC-NOPE,reaction,perpetrator,2026-03-28T10:00:00Z,done,conversation,\n"), 0o644))
		code, _, errs := r.run("", "import", "-actions", acts, empty)
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "INC-NOPE")
		assert.Contains(t, r.ok("", "due", "-at", "2026-03-30T12:00"), "Reactie op de pleger", "the valid action was not recorded either")
	})
	t.Run("all or nothing", func(t *testing.T) {
		r := newReg(t)
		b, err := os.ReadFile(dataPath("register.csv"))
		require.NoError(t, err)
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		// Break the channel of the third data row.
		bad := strings.Join(lines[:3], "\n") + "\n" + strings.Replace(lines[3], ",desk,", ",fax,", 1) + "\n" + strings.Replace(lines[4], ",phone,", ",telex,", 1) + "\n" + strings.Join(lines[5:], "\n") + "\n"
		if !strings.Contains(bad, "fax") && !strings.Contains(bad, "telex") {
			t.Skip("rows 3 and 4 hold neither desk nor phone")
		}
		code, out, errs := r.run(bad, "import", "-")
		assert.Equal(t, 1, code)
		assert.Empty(t, out)
		assert.Contains(t, errs, "rij ")
		assert.NoFileExists(t, r.db, "nothing was imported, no register created")
	})
}

func TestUsage(t *testing.T) {
	r := newReg(t)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no command", nil, "geef een opdracht"},
		{"unknown command", []string{"erase"}, "erase"},
		{"unknown flag", []string{"list", "-colour"}, "colour"},
		{"unknown category", []string{"list", "-category", "rudeness"}, "rudeness"},
		{"bad date", []string{"list", "-from", "gisteren"}, "gisteren"},
		{"period backwards", []string{"list", "-from", "2026-02-01", "-to", "2026-01-01"}, "/to"},
		{"done without incident", []string{"done", "-kind", "reaction"}, "-incident"},
		{"done with both", []string{"done", "-incident", "X", "-kind", "reaction", dataPath("action.json")}, "niet beide"},
		{"import without file", []string{"import"}, "INCIDENTEN.csv"},
		{"english", []string{"-lang", "en", "frobnicate"}, "unknown command"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := r.run("", c.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errs, c.want)
		})
	}
	t.Run("help", func(t *testing.T) {
		code, _, errs := r.run("", "-h")
		assert.Equal(t, 0, code)
		for _, c := range []string{"add", "import", "list", "due", "done", "stats"} {
			assert.Contains(t, errs, "  "+c)
		}
	})
}
