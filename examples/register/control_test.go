package main

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

// hostileSite is a site that, printed raw, adds a fake incident to
// `register list`, clears the terminal and reverses the text after it.
const hostileSite = "LOC-DHG\nINC-FAKE  2026-01-01 00:00  desk  LOC-AMS\x1b[2J\u202eLAH"

// A site with a line break or an escape sequence is refused at the door,
// with its pointer and the character named.
func TestAddRefusesControlCharacters(t *testing.T) {
	r := newReg(t)
	doc := `{"occurred_at": "2026-03-27T10:40:00+01:00", "reported_at": "2026-03-27T11:00:00+01:00",
		"site": "LOC-DHG\nINC-FAKE\u001b[2J", "channel": "desk", "behaviours": ["shouting"], "phase": "amber",
		"perpetrator": {"role": "client"}, "involved": [], "description": "regel\u0007"}`
	code, out, errs := r.run(doc, "add", "-", "-lang", "en")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "/site: holds a control character (U+000A) at position 8")
	assert.Contains(t, errs, "/description: holds a control character (U+0007) at position 6")
	assert.NotContains(t, errs, "\x1b")
	assert.NoFileExists(t, r.db, "a refused add creates no register")
}

// A register written before control characters were refused may hold
// them; list, due, stats and list -free-text show them escaped, one
// incident per line.
func TestListEscapesStoredControlCharacters(t *testing.T) {
	r := newReg(t)
	r.ok("", "add", dataPath("incident.json"))

	db, err := sql.Open("sqlite", "file:"+r.db)
	require.NoError(t, err)
	_, err = db.Exec(`UPDATE incidents SET site = ?, description = ?`, hostileSite, "eerste regel\n\x07tweede\rregel")
	require.NoError(t, err)
	require.NoError(t, db.Close())

	for _, args := range [][]string{
		{"list"}, {"list", "-free-text"}, {"due", "-at", "2026-03-30T12:00"}, {"stats", "-at", "2026-04-30"},
	} {
		out := r.ok("", args...)
		for _, c := range []string{"\x1b", "\x07", "\r", "\u202e"} {
			assert.NotContains(t, out, c, "%v", args)
		}
		assert.NotRegexp(t, `(?m)^INC-FAKE`, out, "%v: no line starts with the planted ID", args)
		if args[0] == "list" {
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			want := 3 // header, the incident, the count
			if len(args) > 1 {
				want++ // the description line
			}
			assert.Len(t, lines, want, "%v:\n%s", args, out)
			assert.Contains(t, out, norm.Printable(hostileSite))
		}
	}
	assert.Contains(t, r.ok("", "list", "-free-text"), `eerste regel \x07tweede\rregel`)
}
