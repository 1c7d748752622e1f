package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goedgesprek/goedgesprek/norm/normtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An import with actions is one transaction: an actions file whose last
// row names an unknown incident stores nothing, not the incidents either.
func TestImportWithActionsIsAllOrNothing(t *testing.T) {
	b, err := os.ReadFile(dataPath("register-actions.csv"))
	require.NoError(t, err)
	acts := filepath.Join(t.TempDir(), "actions.csv")
	require.NoError(t, os.WriteFile(acts, append(b, []byte("A-LAST,INC-NOPE,reaction,perpetrator,2026-03-28T10:00:00Z,done,conversation,\n")...), 0o644))

	t.Run("new register", func(t *testing.T) {
		r := newReg(t)
		code, out, errs := r.run("", "import", "-actions", acts, dataPath("register.csv"))
		assert.Equal(t, 1, code)
		assert.Empty(t, out)
		assert.Contains(t, errs, "actions.csv")
		assert.Contains(t, errs, "rij 1176, kolom incident_id: incident INC-NOPE staat niet in het register")
		assert.NoFileExists(t, r.db, "no register was created")
	})
	t.Run("existing register", func(t *testing.T) {
		r := newReg(t)
		r.ok("", "add", dataPath("incident.json"))
		before := normtest.DirState(t, filepath.Dir(r.db))
		code, _, errs := r.run("", "import", "-actions", acts, dataPath("register.csv"), "-lang", "en")
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "row 1176, column incident_id: incident INC-NOPE is not in the register")
		assert.Equal(t, before, normtest.DirState(t, filepath.Dir(r.db)), "the register is unchanged")
		assert.Contains(t, r.ok("", "list"), "1 incidenten")
	})
	t.Run("the store refuses the last action", func(t *testing.T) {
		// The incident exists when the program checks, and the store
		// still finds the conflict of the last action in the transaction.
		r := newReg(t)
		r.ok("", "add", dataPath("incident.json"))
		r.ok("", "done", dataPath("action.json"))
		conflicting := filepath.Join(t.TempDir(), "actions.csv")
		require.NoError(t, os.WriteFile(conflicting, append(b, []byte("ACT-2026-0042-1,INC-2026-0042,reaction,perpetrator,2026-03-29T10:00:00Z,done,ban,\n")...), 0o644))
		code, _, errs := r.run("", "import", "-actions", conflicting, dataPath("register.csv"), "-lang", "en")
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "conflict")
		assert.Contains(t, r.ok("", "list"), "1 incidenten", "none of the 215 incidents was stored")
	})
}

// Reading a register never creates or changes a file, whatever the path.
func TestReadingCreatesNothing(t *testing.T) {
	for _, cmd := range [][]string{{"list"}, {"due", "-at", "2026-03-30"}, {"stats", "-at", "2026-03-30"}} {
		t.Run(cmd[0]+" missing", func(t *testing.T) {
			r := newReg(t)
			code, out, errs := r.run("", append(cmd, "-lang", "en")...)
			assert.Equal(t, 1, code)
			assert.Empty(t, out)
			assert.Contains(t, errs, "this register does not exist")
			assert.NoFileExists(t, r.db)
		})
	}
	t.Run("done on a missing register", func(t *testing.T) {
		r := newReg(t)
		code, _, errs := r.run("", "done", dataPath("action.json"))
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "bestaat niet")
		assert.NoFileExists(t, r.db)
	})
	t.Run("existing register", func(t *testing.T) {
		r := newReg(t)
		r.ok("", "import", "-actions", dataPath("register-actions.csv"), dataPath("register.csv"))
		before := normtest.DirState(t, filepath.Dir(r.db))
		r.ok("", "list")
		r.ok("", "due", "-at", "2026-03-30")
		r.ok("", "stats", "-at", "2026-03-30")
		assert.Equal(t, before, normtest.DirState(t, filepath.Dir(r.db)))
	})
}

// A register path is a file name, whatever it holds: "reg#1.db" used to
// open "reg" and "reg%41.db" "regA.db".
func TestRegisterPathsAreLiteral(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"reg#1.db", "reg%41.db", "reg?mode=memory.db", "met spatie €.db"} {
		t.Run(name, func(t *testing.T) {
			r := newReg(t)
			r.db = filepath.Join(dir, name)
			_, _, errs := r.run("", "import", dataPath("register.csv"))
			assert.Contains(t, errs, "nieuw register aangemaakt")
			assert.Contains(t, r.ok("", "list"), "215 incidenten")
			assert.FileExists(t, r.db)
		})
	}
	var names []string
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"reg#1.db", "reg%41.db", "reg?mode=memory.db", "met spatie €.db"}, names, "no other file: %s", strings.Join(names, ", "))
}

// A SQLite file of another program is refused by name and left alone, by
// reading and by writing commands.
func TestOtherSQLiteFileIsRefused(t *testing.T) {
	r := newReg(t)
	db, err := sql.Open("sqlite", r.db)
	require.NoError(t, err)
	_, err = db.Exec(`CREATE TABLE contacts (name TEXT)`)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	before := normtest.DirState(t, filepath.Dir(r.db))
	for _, args := range [][]string{{"list"}, {"stats"}, {"import", dataPath("register.csv")}, {"add", dataPath("incident.json")}} {
		t.Run(args[0], func(t *testing.T) {
			code, out, errs := r.run("", append(args, "-lang", "en")...)
			assert.Equal(t, 1, code)
			assert.Empty(t, out)
			assert.Contains(t, errs, "is not a goedgesprek incident register")
		})
	}
	assert.Equal(t, before, normtest.DirState(t, filepath.Dir(r.db)), "unchanged")
}
