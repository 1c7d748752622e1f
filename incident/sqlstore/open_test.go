package sqlstore_test

import (
	"context"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"
	"github.com/goedgesprek/goedgesprek/incident/storetest"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

// newRegister creates a register at path holding one incident, and closes
// it.
func newRegister(t *testing.T, path string, id incident.ID) {
	t.Helper()
	db, err := sqlstore.OpenSQLite(path)
	require.NoError(t, err)
	defer db.Close()
	s, err := sqlstore.New(context.Background(), db, sqlstore.SQLite, sqlstore.WithNow(func() time.Time { return storetest.Now }))
	require.NoError(t, err)
	inc := storetest.Sample(id, storetest.From)
	require.NoError(t, s.Create(context.Background(), &inc))
}

// readRegister opens path read-only and returns the IDs it holds.
func readRegister(t *testing.T, path string) ([]incident.ID, error) {
	t.Helper()
	db, err := sqlstore.OpenSQLiteReadOnly(path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	s, err := sqlstore.Open(context.Background(), db, sqlstore.SQLite)
	if err != nil {
		return nil, err
	}
	incs, err := s.List(context.Background(), incident.Filter{})
	if err != nil {
		return nil, err
	}
	var out []incident.ID
	for _, inc := range incs {
		out = append(out, inc.ID)
	}
	return out, nil
}

// A name with the characters of a URI, or any other, opens that file and
// no other: "reg#1.db" used to open "reg", "reg%41.db" "regA.db".
func TestOpenSQLitePathIsTakenLiterally(t *testing.T) {
	names := []string{"reg#1.db", "reg?mode=memory.db", "reg%41.db", "reg%2f.db", "met spatie.db", "régistre €.db", "reg&x=1;.db", "#", "%"}
	dir := t.TempDir()
	for k, name := range names {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			newRegister(t, path, incident.ID("INC-"+string(rune('A'+k))))
			got, err := readRegister(t, path)
			require.NoError(t, err)
			assert.Equal(t, []incident.ID{incident.ID("INC-" + string(rune('A'+k)))}, got)
		})
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var files []string
	for _, e := range entries {
		files = append(files, e.Name())
	}
	slices.Sort(names)
	assert.Equal(t, names, files, "each register in its own file, no other file made")

	t.Run("relative path", func(t *testing.T) {
		t.Chdir(dir)
		got, err := readRegister(t, "reg#1.db")
		require.NoError(t, err)
		assert.Equal(t, []incident.ID{"INC-A"}, got)
	})
}

// Reading never creates a file, and never changes one.
func TestReadOnlyChangesNothing(t *testing.T) {
	dir := t.TempDir()
	t.Run("missing file", func(t *testing.T) {
		_, err := readRegister(t, filepath.Join(dir, "nothing.db"))
		require.ErrorIs(t, err, fs.ErrNotExist)
		assert.Empty(t, normtest.DirState(t, dir))
	})
	path := filepath.Join(dir, "register.db")
	newRegister(t, path, "INC-1")
	before := normtest.DirState(t, dir)
	info, err := os.Stat(path)
	require.NoError(t, err)
	for range 3 {
		got, err := readRegister(t, path)
		require.NoError(t, err)
		assert.Equal(t, []incident.ID{"INC-1"}, got)
	}
	assert.Equal(t, before, normtest.DirState(t, dir), "the same files with the same bytes")
	after, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, info.ModTime(), after.ModTime())

	t.Run("a read-only store refuses to write", func(t *testing.T) {
		db, err := sqlstore.OpenSQLiteReadOnly(path)
		require.NoError(t, err)
		s, err := sqlstore.Open(context.Background(), db, sqlstore.SQLite)
		require.NoError(t, err)
		inc := storetest.Sample("INC-2", storetest.From)
		require.Error(t, s.Create(context.Background(), &inc))
		require.Error(t, s.Delete(context.Background(), "INC-1"))
		require.NoError(t, db.Close())
		assert.Equal(t, before, normtest.DirState(t, dir))
	})
}

// A SQLite file that is not a register is refused by name, read or write,
// and left as it was; so is a file that is not SQLite.
func TestNotARegisterIsRefused(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	require.NoError(t, err)
	_, err = db.Exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`)
	require.NoError(t, err)
	require.NoError(t, db.Close())

	marked := filepath.Join(dir, "marked.db")
	db, err = sql.Open("sqlite", marked)
	require.NoError(t, err)
	_, err = db.Exec(`PRAGMA application_id = 1234`)
	require.NoError(t, err)
	require.NoError(t, db.Close())

	text := filepath.Join(dir, "text.db")
	require.NoError(t, os.WriteFile(text, []byte("id,site\nINC-1,LOC\n"+string(make([]byte, 200))), 0o644))

	empty := filepath.Join(dir, "empty.db")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))

	before := normtest.DirState(t, dir)
	for _, path := range []string{other, marked, text} {
		t.Run(filepath.Base(path)+" read", func(t *testing.T) {
			_, err := readRegister(t, path)
			require.ErrorIs(t, err, sqlstore.ErrNotRegister)
		})
		t.Run(filepath.Base(path)+" write", func(t *testing.T) {
			db, err := sqlstore.OpenSQLite(path)
			if err == nil {
				defer db.Close()
				_, err = sqlstore.New(context.Background(), db, sqlstore.SQLite)
			}
			require.ErrorIs(t, err, sqlstore.ErrNotRegister)
		})
	}
	t.Run("empty file read", func(t *testing.T) {
		_, err := readRegister(t, empty)
		require.ErrorIs(t, err, sqlstore.ErrNotRegister)
	})
	assert.Equal(t, before, normtest.DirState(t, dir), "nothing changed")

	t.Run("empty file write: becomes a marked register", func(t *testing.T) {
		newRegister(t, empty, "INC-1")
		db, err := sql.Open("sqlite", empty)
		require.NoError(t, err)
		defer db.Close()
		var id int64
		require.NoError(t, db.QueryRow(`PRAGMA application_id`).Scan(&id))
		assert.Equal(t, int64(sqlstore.ApplicationID), id)
	})
}

// A register made before registers were marked is read as it is, and
// marked by the first store that may write.
func TestUnmarkedOldRegister(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	newRegister(t, path, "INC-OLD")
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	_, err = db.Exec(`PRAGMA application_id = 0`)
	require.NoError(t, err)
	require.NoError(t, db.Close())

	got, err := readRegister(t, path)
	require.NoError(t, err)
	assert.Equal(t, []incident.ID{"INC-OLD"}, got)

	newRegister(t, path, "INC-NEW")
	db, err = sql.Open("sqlite", path)
	require.NoError(t, err)
	defer db.Close()
	var id int64
	require.NoError(t, db.QueryRow(`PRAGMA application_id`).Scan(&id))
	assert.Equal(t, int64(sqlstore.ApplicationID), id)
}

// While a program writes to the register (its -wal file exists), a reader
// opens it read-only and sees what was committed.
func TestReadWhileWriterHasItOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "register.db")
	db, err := sqlstore.OpenSQLite(path)
	require.NoError(t, err)
	defer db.Close()
	s, err := sqlstore.New(context.Background(), db, sqlstore.SQLite, sqlstore.WithNow(func() time.Time { return storetest.Now }))
	require.NoError(t, err)
	inc := storetest.Sample("INC-W", storetest.From)
	require.NoError(t, s.Create(context.Background(), &inc))
	_, err = os.Stat(path + "-wal")
	require.NoError(t, err, "the writer's WAL is there")

	got, err := readRegister(t, path)
	require.NoError(t, err)
	assert.Equal(t, []incident.ID{"INC-W"}, got)
}

// On PostgreSQL, Open reads a schema that New migrated and refuses one
// that holds no register.
func TestOpenPostgreSQL(t *testing.T) {
	db, err := sql.Open("pgx", postgresDSN(t))
	require.NoError(t, err)
	defer db.Close()
	_, err = sqlstore.Open(context.Background(), db, sqlstore.PostgreSQL)
	require.ErrorIs(t, err, sqlstore.ErrNotRegister)
	_, err = sqlstore.New(context.Background(), db, sqlstore.PostgreSQL)
	require.NoError(t, err)
	s, err := sqlstore.Open(context.Background(), db, sqlstore.PostgreSQL)
	require.NoError(t, err)
	got, err := s.List(context.Background(), incident.Filter{})
	require.NoError(t, err)
	assert.Empty(t, got)
}
