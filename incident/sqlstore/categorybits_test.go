package sqlstore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"
	"github.com/goedgesprek/goedgesprek/norm"
)

// fixedBits are the bits of the column categories as registers store
// them. They must never change: a register written with them would be
// misread. This list is written out, not derived, on purpose.
var fixedBits = map[norm.Category]int64{
	"verbal": 1, "discrimination": 2, "sexual": 4, "property": 8, "threat": 16, "physical": 32,
}

func storedBits(t *testing.T, db *sql.DB) map[norm.Category]int64 {
	t.Helper()
	rows, err := db.Query(`SELECT category, bit FROM category_bits`)
	require.NoError(t, err)
	defer rows.Close()
	out := map[norm.Category]int64{}
	for rows.Next() {
		var c string
		var b int64
		require.NoError(t, rows.Scan(&c, &b))
		out[norm.Category(c)] = b
	}
	require.NoError(t, rows.Err())
	return out
}

// Every category has a bit of its own, the same in the program and in the
// register, whatever the order of the categories.
func TestCategoryBitsAreFixed(t *testing.T) {
	cats := norm.Categories()
	require.Len(t, fixedBits, len(cats), "a new category needs a new bit here and in a migration")
	for _, c := range cats {
		assert.Equal(t, fixedBits[c], sqlstore.CategoryMask([]norm.Category{c}), c)
	}
	_, db := openSQLite(t)
	assert.Equal(t, fixedBits, storedBits(t, db))
}

func TestCategoryBitsPostgreSQL(t *testing.T) {
	db, err := sql.Open("pgx", postgresDSN(t))
	require.NoError(t, err)
	defer db.Close()
	_, err = sqlstore.New(context.Background(), db, sqlstore.PostgreSQL)
	require.NoError(t, err)
	assert.Equal(t, fixedBits, storedBits(t, db))
	_, err = db.Exec(`UPDATE category_bits SET bit = 64 WHERE category = 'physical'`)
	require.NoError(t, err)
	_, err = sqlstore.Open(context.Background(), db, sqlstore.PostgreSQL)
	require.ErrorContains(t, err, "category physical as bit 64")
}

// A register whose bits mean something else is refused by New and Open
// with a message that says so, before anything is read or written.
func TestRegisterWithOtherCategoryBitsIsRefused(t *testing.T) {
	for name, tt := range map[string]struct{ change, want string }{
		"moved bit":     {`UPDATE category_bits SET bit = 64 WHERE category = 'threat'`, "stores category threat as bit 64, this version as 16"},
		"missing":       {`DELETE FROM category_bits WHERE category = 'sexual'`, "no bit for category sexual"},
		"newer version": {`INSERT INTO category_bits (category, bit) VALUES ('stalking', 64)`, `knows category "stalking" (bit 64)`},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "register.db")
			newRegister(t, path, "INC-1")
			db, err := sql.Open("sqlite", path)
			require.NoError(t, err)
			_, err = db.Exec(tt.change)
			require.NoError(t, err)
			require.NoError(t, db.Close())

			_, err = readRegister(t, path)
			require.ErrorContains(t, err, tt.want)
			rw, err := sqlstore.OpenSQLite(path)
			require.NoError(t, err)
			defer rw.Close()
			_, err = sqlstore.New(context.Background(), rw, sqlstore.SQLite)
			require.ErrorContains(t, err, tt.want)
		})
	}
}

// A register made before the bits had a table of their own (migration 1
// only) is told to be brought up to date when opened read-only, and is
// migrated by New; its stored bitmasks keep their meaning.
func TestRegisterBeforeCategoryBits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	version1Register(t, path)

	_, err := readRegister(t, path)
	require.ErrorContains(t, err, "lacks migration 0002_category_bits.sql")

	rw, err := sqlstore.OpenSQLite(path)
	require.NoError(t, err)
	defer rw.Close()
	s, err := sqlstore.New(context.Background(), rw, sqlstore.SQLite)
	require.NoError(t, err)
	ctx := context.Background()
	for cat, want := range map[norm.Category]int{norm.Threat: 1, norm.Verbal: 1, norm.Physical: 0, norm.Sexual: 0} {
		got, err := s.List(ctx, incident.Filter{Categories: []norm.Category{cat}})
		require.NoError(t, err)
		assert.Len(t, got, want, cat)
	}
	assert.Equal(t, fixedBits, storedBits(t, rw))
	inc, err := s.Get(ctx, "INC-OLD")
	require.NoError(t, err)
	assert.Equal(t, []norm.Category{norm.Verbal, norm.Threat}, inc.Classification().Categories)
}

// version1Register writes a register at path as the first version of this
// package did: migration 0001 only, and one incident (swearing and
// threatening) whose bitmask was built from the severity rank (bit rank-1).
func version1Register(t *testing.T, path string) {
	t.Helper()
	ms, err := sqlstore.Migrations(sqlstore.SQLite)
	require.NoError(t, err)
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	defer db.Close()
	for st := range strings.SplitSeq(ms[0].SQL, ";\n") {
		if strings.TrimSpace(st) == "" {
			continue
		}
		_, err := db.Exec(st)
		require.NoError(t, err, st)
	}
	for _, q := range []string{
		`CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_ns BIGINT NOT NULL)`,
		`INSERT INTO schema_migrations VALUES (1, '0001_init.sql', 0)`,
		`PRAGMA application_id = ` + strconv.Itoa(sqlstore.ApplicationID),
		`INSERT INTO incidents VALUES ('INC-OLD', 1743494400000000000, 1743494400000000000, 1743494400000000000, 'LOC-1', 'desk',
			'swearing threatening', 17, 'high', 'red', 'P-1', 'client', 0, 0, 0, 0, 0, '', '', '', '', 1)`,
	} {
		_, err := db.Exec(q)
		require.NoError(t, err, q)
	}
}
