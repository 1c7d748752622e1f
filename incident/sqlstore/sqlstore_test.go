package sqlstore_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"
	"github.com/goedgesprek/goedgesprek/incident/storetest"
	"github.com/goedgesprek/goedgesprek/norm"
)

// openSQLite opens a fresh SQLite register in a temporary directory.
func openSQLite(t testing.TB, opts ...sqlstore.Option) (*sqlstore.Store, *sql.DB) {
	t.Helper()
	db, err := sqlstore.OpenSQLite(filepath.Join(t.TempDir(), "register.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	s, err := sqlstore.New(context.Background(), db, sqlstore.SQLite, opts...)
	require.NoError(t, err)
	return s, db
}

func TestSQLite(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) storetest.Store {
		s, _ := openSQLite(t, sqlstore.WithNow(now))
		return s
	}, storetest.WithDump(dumpTables))
}

// postgresDSN returns the DSN of a fresh schema on the server named by
// GOEDGESPREK_POSTGRES_DSN, dropped when the test ends, or skips.
func postgresDSN(t testing.TB) string {
	t.Helper()
	dsn := requirePostgres(t)
	admin, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	t.Cleanup(func() { admin.Close() })
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "gg_test_" + hex.EncodeToString(b[:])
	_, err = admin.Exec(`CREATE SCHEMA ` + schema)
	require.NoError(t, err)
	t.Cleanup(func() {
		_, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		assert.NoError(t, err)
	})
	return withSearchPath(t, dsn, schema)
}

// withSearchPath adds search_path to a URL or key=value DSN, so that every
// connection of the pool works in the schema.
func withSearchPath(t testing.TB, dsn, schema string) string {
	t.Helper()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		require.NoError(t, err)
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return dsn + " search_path=" + schema
}

func openPostgres(t testing.TB, opts ...sqlstore.Option) *sqlstore.Store {
	t.Helper()
	db, err := sql.Open("pgx", postgresDSN(t))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	s, err := sqlstore.New(context.Background(), db, sqlstore.PostgreSQL, opts...)
	require.NoError(t, err)
	return s
}

// requirePostgres returns GOEDGESPREK_POSTGRES_DSN. Without it the test
// skips, saying what to set, except under CI=true, where a missing
// database must not pass as an "ok".
func requirePostgres(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("GOEDGESPREK_POSTGRES_DSN")
	if dsn != "" {
		return dsn
	}
	const how = "GOEDGESPREK_POSTGRES_DSN is not set: install PostgreSQL and set it to a database this test may write to, " +
		"e.g. postgres://postgres@127.0.0.1:54329/goedgesprek?sslmode=disable (.ci/postgres.sh starts a throw-away cluster)"
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true, so the PostgreSQL suite must run: " + how)
	}
	t.Skip("skipping the PostgreSQL suite: " + how)
	return ""
}

func TestPostgreSQL(t *testing.T) {
	requirePostgres(t)
	storetest.Run(t, func(t *testing.T, now func() time.Time) storetest.Store {
		return openPostgres(t, sqlstore.WithNow(now))
	}, storetest.WithDump(dumpTables))
}

func TestMigrationsAreRecordedOnce(t *testing.T) {
	for _, d := range []sqlstore.Dialect{sqlstore.SQLite, sqlstore.PostgreSQL} {
		ms, err := sqlstore.Migrations(d)
		require.NoError(t, err)
		require.NotEmpty(t, ms, "dialect %s", d)
		for k, m := range ms {
			assert.Equal(t, k+1, m.Version, "migrations are numbered 1, 2, ... (%s)", m.Name)
		}
	}
	path := filepath.Join(t.TempDir(), "register.db")
	db, err := sqlstore.OpenSQLite(path)
	require.NoError(t, err)
	defer db.Close()
	_, err = sqlstore.New(context.Background(), db, sqlstore.SQLite)
	require.NoError(t, err)
	s, err := sqlstore.New(context.Background(), db, sqlstore.SQLite) // again: nothing to do
	require.NoError(t, err)
	require.NotNil(t, s)
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n))
	ms, _ := sqlstore.Migrations(sqlstore.SQLite)
	assert.Equal(t, len(ms), n)
}

// New and Open run under the caller's context: a cancelled one stops them
// before any migration is applied (they used context.Background()).
func TestNewAndOpenHonourTheContext(t *testing.T) {
	db, err := sqlstore.OpenSQLite(filepath.Join(t.TempDir(), "register.db"))
	require.NoError(t, err)
	defer db.Close()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err = sqlstore.New(ctx, db, sqlstore.SQLite)
	require.ErrorIs(t, err, context.Canceled)
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'`).Scan(&n))
	assert.Zero(t, n, "no migration applied under a cancelled context")
	_, err = sqlstore.Open(ctx, db, sqlstore.SQLite)
	require.ErrorIs(t, err, context.Canceled)
	_, err = sqlstore.New(t.Context(), db, sqlstore.SQLite)
	require.NoError(t, err)
}

func TestNewRefusesBadArguments(t *testing.T) {
	_, err := sqlstore.New(context.Background(), nil, sqlstore.SQLite)
	require.Error(t, err)
	db, err := sqlstore.OpenSQLite(filepath.Join(t.TempDir(), "x.db"))
	require.NoError(t, err)
	defer db.Close()
	_, err = sqlstore.New(context.Background(), db, "oracle")
	require.Error(t, err)
}

func TestOpenSQLiteSettings(t *testing.T) {
	_, db := openSQLite(t)
	var mode string
	require.NoError(t, db.QueryRow(`PRAGMA journal_mode`).Scan(&mode))
	assert.Equal(t, "wal", mode)
	var timeout, fk int
	require.NoError(t, db.QueryRow(`PRAGMA busy_timeout`).Scan(&timeout))
	assert.Equal(t, 20000, timeout)
	require.NoError(t, db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk))
	assert.Equal(t, 1, fk)
}

// The category filter runs in SQL on the derived bitmask.
func TestCategoryMask(t *testing.T) {
	inc := storetest.Sample("X", time.Now())
	assert.Equal(t, int64(1|16), sqlstore.CategoryMask(inc.Classification().Categories))
	assert.Equal(t, int64(63), sqlstore.CategoryMask([]norm.Category{"verbal", "discrimination", "sexual", "property", "threat", "physical"}))
	assert.Equal(t, int64(0), sqlstore.CategoryMask([]norm.Category{"nope"}))
}

// A failed write in the middle of a transaction (a CHECK the database itself
// refuses, after rows were written) leaves nothing behind.
func TestFailedTransactionLeavesNothing(t *testing.T) {
	s, db := openSQLite(t)
	ctx := context.Background()
	// Make the database refuse the second person of one incident, after its
	// row and earlier incidents were inserted in the same transaction.
	_, err := db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON incident_people WHEN NEW.ref = 'E-BOOM'
		BEGIN SELECT RAISE(ABORT, 'refused'); END`)
	require.NoError(t, err)
	incs := make([]incident.Incident, 10)
	for k := range incs {
		incs[k] = storetest.Sample(incident.ID("T-"+string(rune('a'+k))), storetest.From.Add(time.Duration(k)*time.Hour))
	}
	incs[7].Involved[1].Ref = "E-BOOM"
	err = s.CreateMany(ctx, incs)
	require.ErrorContains(t, err, "refused")
	for _, table := range []string{"incidents", "incident_people"} {
		var n int
		require.NoError(t, db.QueryRow(`SELECT count(*) FROM `+table).Scan(&n))
		assert.Zero(t, n, table)
	}
	for _, inc := range incs {
		assert.Zero(t, inc.Version)
	}
}
