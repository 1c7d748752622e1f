package sqlstore

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
)

// Dialect is the SQL dialect of the database behind a Store. The
// differences between the two are confined to this type: placeholders, the
// column types in the migrations and the lock that serialises migrations.
type Dialect string

// The supported dialects.
const (
	SQLite     Dialect = "sqlite"   // modernc.org/sqlite, driver name "sqlite"
	PostgreSQL Dialect = "postgres" // github.com/jackc/pgx/v5/stdlib, driver name "pgx"
)

func (d Dialect) valid() bool { return d == SQLite || d == PostgreSQL }

// rebind turns the ? placeholders of a query into $1, $2, ... for
// PostgreSQL. The queries of this package hold no ? inside literals.
func (d Dialect) rebind(q string) string {
	if d != PostgreSQL {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

//go:embed migrations/*/*.sql
var migrations embed.FS

// Store is an incident register in a SQL database. It implements
// incident.Store, incident.BatchCreator, followup.ActionStore and
// followup.Importer, and is
// safe for concurrent use.
type Store struct {
	db  *sql.DB
	d   Dialect
	now func() time.Time

	// beforeCommit, set by tests only, can fail a transaction after its
	// writes, as a deadlock would, to check that a retried run is right.
	beforeCommit func() error
}

// The store implements these interfaces.
var (
	_ incident.Store         = (*Store)(nil)
	_ incident.BatchCreator  = (*Store)(nil)
	_ followup.ActionStore   = (*Store)(nil)
	_ incident.BatchRetainer = (*Store)(nil)
	_ followup.Importer      = (*Store)(nil)
)

// Option configures a Store.
type Option func(*Store)

// WithNow sets the clock that stamps RecordedAt and is the reference time
// of validation (default time.Now).
func WithNow(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// New returns a store over db, which the caller opened with a driver for
// dialect d and keeps closing. It applies the migrations that the database
// lacks, each in its own transaction, and records them in the table
// schema_migrations; a store that runs against an already migrated database
// changes nothing. So New creates a register in an empty database; it
// refuses, with ErrNotRegister and before writing anything, a SQLite
// database that holds something else (see [Open] for the check). On
// SQLite it marks the file as a register (PRAGMA application_id, see
// [ApplicationID]) and switches it to WAL mode. ctx bounds the checks and
// the migrations; a migration cancelled halfway is rolled back.
func New(ctx context.Context, db *sql.DB, d Dialect, opts ...Option) (*Store, error) {
	s, err := newStore(db, d, opts)
	if err != nil {
		return nil, err
	}
	if err := s.checkMark(ctx, true); err != nil {
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	if err := s.checkCategoryBits(ctx); err != nil {
		return nil, err
	}
	if err := s.useWAL(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Open returns a store over a register that exists already, without
// writing to the database: no migration, no change of mode. It returns
// ErrNotRegister when db holds something else (another program's SQLite
// file, an empty database, a file that is not SQLite) and an error that
// says so when the register lacks a migration of this version. Use it with
// [OpenSQLiteReadOnly] for everything that only reads a register. ctx
// bounds the checks.
func Open(ctx context.Context, db *sql.DB, d Dialect, opts ...Option) (*Store, error) {
	s, err := newStore(db, d, opts)
	if err != nil {
		return nil, err
	}
	if err := s.checkMark(ctx, false); err != nil {
		return nil, err
	}
	if err := s.checkMigrated(ctx); err != nil {
		return nil, err
	}
	if err := s.checkCategoryBits(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// newStore checks the arguments of New and Open and applies the options.
func newStore(db *sql.DB, d Dialect, opts []Option) (*Store, error) {
	if db == nil {
		return nil, errors.New("sqlstore: nil *sql.DB")
	}
	if !d.valid() {
		return nil, fmt.Errorf("sqlstore: unknown dialect %q", string(d))
	}
	s := &Store{db: db, d: d, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	return s, nil
}

// Migration is one embedded schema change.
type Migration struct {
	Version int    // from the file name: 0001_init.sql is 1
	Name    string // the file name
	SQL     string
}

// Migrations returns the embedded migrations of a dialect, in order.
func Migrations(d Dialect) ([]Migration, error) {
	dir := path.Join("migrations", string(d))
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: migrations of %q: %w", string(d), err)
	}
	var out []Migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("sqlstore: migration %s: name must start with a number and _", e.Name())
		}
		b, err := fs.ReadFile(migrations, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: e.Name(), SQL: string(b)})
	}
	slices.SortFunc(out, func(a, b Migration) int { return a.Version - b.Version })
	for i := 1; i < len(out); i++ {
		if out[i].Version == out[i-1].Version {
			return nil, fmt.Errorf("sqlstore: two migrations with version %d", out[i].Version)
		}
	}
	return out, nil
}

// statements splits a migration into its statements: each ends with a
// semicolon at the end of a line (migrations keep semicolons out of
// comments and literals).
func statements(script string) []string {
	var out []string
	for _, st := range strings.Split(script, ";\n") {
		if st = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(st), ";")); st != "" && !onlyComments(st) {
			out = append(out, st)
		}
	}
	return out
}

func onlyComments(st string) bool {
	for line := range strings.Lines(st) {
		if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "--") {
			return false
		}
	}
	return true
}

func (s *Store) migrate(ctx context.Context) error {
	ms, err := Migrations(s.d)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if err := s.apply(ctx, m); err != nil {
			return fmt.Errorf("sqlstore: migration %s: %w", m.Name, err)
		}
	}
	return nil
}

// apply runs one migration in a transaction unless it is recorded already.
// On PostgreSQL an advisory lock per schema keeps two processes that start
// at once from applying it twice; on SQLite the write transaction does.
func (s *Store) apply(ctx context.Context, m Migration) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if s.d == PostgreSQL {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('goedgesprek.migrate.' || current_schema()))`); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER NOT NULL PRIMARY KEY,
			name       TEXT    NOT NULL,
			applied_ns BIGINT  NOT NULL)`); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT count(*) FROM schema_migrations WHERE version = ?`), m.Version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		for _, st := range statements(m.SQL) {
			if _, err := tx.ExecContext(ctx, st); err != nil {
				return err
			}
		}
		if s.d == SQLite && m.Version == 1 {
			// The mark that tells a register from any other SQLite file;
			// part of the transaction, like the tables.
			if _, err := tx.ExecContext(ctx, `PRAGMA application_id = `+strconv.Itoa(ApplicationID)); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO schema_migrations (version, name, applied_ns) VALUES (?, ?, ?)`),
			m.Version, m.Name, s.now().UnixNano())
		return err
	})
}

// inTx runs fn in a write transaction and commits it, or rolls it back
// when fn fails, so that a failed write leaves nothing behind. A
// transaction that fails because another writer holds the lock (SQLite) or
// because the database chose it as the victim of a deadlock or a
// serialisation conflict (PostgreSQL) is run again from the start, a few
// times; when it still fails the error wraps incident.ErrBusy. fn must
// therefore compute everything it hands back anew on each run.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return retry(ctx, func() error { return s.tryTx(ctx, fn) })
}

// tryTx runs fn in one write transaction.
func (s *Store) tryTx(ctx context.Context, fn func(*sql.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	err = fn(tx)
	if err == nil && s.beforeCommit != nil {
		err = s.beforeCommit()
	}
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return nil
}

// readTx runs fn in a read-only transaction, so that the statements of one
// read see one snapshot.
func (s *Store) readTx(ctx context.Context, fn func(*sql.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	return fn(tx)
}
