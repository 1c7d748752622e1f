package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

// buildRegister writes the sample register with its actions to path.
func buildRegister(t *testing.T, path string) {
	t.Helper()
	db, err := sqlstore.OpenSQLite(path)
	require.NoError(t, err)
	defer db.Close()
	st, err := sqlstore.New(context.Background(), db, sqlstore.SQLite)
	require.NoError(t, err)
	f, err := os.Open(dataPath("register.csv"))
	require.NoError(t, err)
	defer f.Close()
	incs, err := incident.ReadCSV(f)
	require.NoError(t, err)
	g, err := os.Open(dataPath("register-actions.csv"))
	require.NoError(t, err)
	defer g.Close()
	acts, err := followup.ReadActionsCSV(g)
	require.NoError(t, err)
	require.NoError(t, st.Import(t.Context(), incs, acts))
}

// A register named "reg#1.db" is measured from that file: it used to open
// (and create) "reg", measure nothing and rate the sample GREEN 91.8
// instead of AMBER 88.3. Nothing in the directory changes.
func TestRegisterPathWithURICharacters(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "reg.db")
	buildRegister(t, plain)
	measure := func(path string) (string, any) {
		code, out, errs := runCmd(t, nil, "-format", "json", "-incidents", path, dataPath("ind-after.json"))
		require.Equal(t, exitOK, code, errs)
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &m))
		require.NotNil(t, m["measured"])
		b, err := json.Marshal(m["score"])
		require.NoError(t, err)
		return string(b), m["measured"]
	}
	wantScore, wantMeasured := measure(plain)
	for _, name := range []string{"reg#1.db", "reg%41.db", "reg?x=1.db"} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(plain)
			require.NoError(t, err)
			path := filepath.Join(dir, name)
			require.NoError(t, os.WriteFile(path, b, 0o644))
			before := normtest.DirState(t, dir)
			score, measured := measure(path)
			assert.Equal(t, wantScore, score)
			assert.Equal(t, wantMeasured, measured)
			assert.Equal(t, before, normtest.DirState(t, dir), "no file created or changed")
		})
	}
}

// A SQLite file that is not a register is refused by name, unchanged.
func TestMeasureRefusesOtherSQLite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "contacts.db")
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	_, err = db.Exec(`CREATE TABLE contacts (name TEXT)`)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	before := normtest.DirState(t, dir)
	code, out, errs := runCmd(t, nil, "-lang", "en", "-incidents", path, dataPath("ind-after.json"))
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "contacts.db: this file is not a goedgesprek incident register")
	assert.Equal(t, before, normtest.DirState(t, dir))
}
