package sqlstore

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrNotRegister: the database holds something other than a register of
// this package: another program's SQLite file, an empty database opened
// for reading, or a file that is not SQLite at all.
var ErrNotRegister = errors.New("sqlstore: not an incident register")

// ApplicationID is the mark of a register in the header of its SQLite file
// (PRAGMA application_id): "GGsp" in ASCII. New sets it in the first
// migration; New and Open refuse a SQLite file that carries another mark,
// or no mark and tables that are not a register's.
const ApplicationID = 0x47477370

// busyTimeoutMS is how long a SQLite connection waits for another writer
// before a statement fails with SQLITE_BUSY; inTx then tries again a few
// times (see retry).
const busyTimeoutMS = 20000

// OpenSQLite opens the SQLite file at path for reading and writing, for
// [New]: a busy timeout of 20 s and BEGIN IMMEDIATE for write transactions
// (so that concurrent writers wait for each other instead of failing with
// SQLITE_BUSY), foreign keys on and synchronous=NORMAL (safe in WAL mode,
// which New switches on: a crash may lose the last transactions, never
// corrupt or half-apply one). It creates the file when it does not exist:
// call it only where creating a register is meant. Any path works: it is
// escaped into a file: URI, so "#", "?" and "%" in a name are part of the
// name. It needs a driver registered as "sqlite" that takes
// modernc.org/sqlite's DSN parameters: the caller imports
// _ "modernc.org/sqlite".
func OpenSQLite(path string) (*sql.DB, error) {
	return openSQLite(path, false)
}

// OpenSQLiteReadOnly opens the register file at path for reading only, for
// [Open], so that neither the store nor SQLite creates or changes a file.
// A path that does not exist is an error that wraps fs.ErrNotExist; a file
// that is not SQLite, or whose header carries another program's mark, is
// ErrNotRegister before SQLite opens it.
//
// The connection is SQLite's mode=ro with PRAGMA query_only, except for a
// register in WAL mode that no program has open (no -wal file beside it):
// a mode=ro connection would create the -wal and -shm files and could not
// remove them, so that one opens with mode=rw, never creating the database,
// and query_only, and SQLite removes the two files when the last
// connection closes. In both cases every statement that would write fails.
func OpenSQLiteReadOnly(path string) (*sql.DB, error) {
	return openSQLite(path, true)
}

// header checks the first 100 bytes of a SQLite file for [OpenSQLiteReadOnly]
// and reports whether the file is in WAL mode.
func header(path string) (wal bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	var h [100]byte
	n, err := io.ReadFull(f, h[:])
	switch {
	case n == 0:
		return false, fmt.Errorf("%w: the file is empty", ErrNotRegister)
	case err != nil || string(h[:16]) != "SQLite format 3\x00":
		return false, fmt.Errorf("%w: not a SQLite file", ErrNotRegister)
	}
	if id := binary.BigEndian.Uint32(h[68:72]); id != 0 && id != ApplicationID {
		return false, fmt.Errorf("%w: the file carries application_id %#x, a register %#x", ErrNotRegister, id, ApplicationID)
	}
	return h[18] == 2, nil
}

func openSQLite(path string, readOnly bool) (*sql.DB, error) {
	if path == "" {
		return nil, errors.New("sqlstore: open: empty path")
	}
	mode := ""
	if readOnly {
		wal, err := header(path)
		if err != nil {
			return nil, fmt.Errorf("sqlstore: open %s: %w", path, err)
		}
		mode = "ro"
		if _, err := os.Stat(path + "-wal"); wal && errors.Is(err, fs.ErrNotExist) {
			mode = "rw"
		}
	}
	db, err := openDSN(path, mode)
	if err != nil && mode == "rw" {
		db, err = openDSN(path, "ro") // a file we may not write to
	}
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open %s: %w", path, err)
	}
	return db, nil
}

// openDSN opens and pings path with mode "" (read-write, created when
// missing), "rw" or "ro", the last two read-only by query_only.
func openDSN(path, mode string) (*sql.DB, error) {
	dsn, err := sqliteDSN(path, mode)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, notRegister(err)
	}
	return db, nil
}

// sqliteDSN is the DSN of modernc.org/sqlite for a file: a file: URI with
// the absolute path escaped, so that SQLite reads every byte of the name
// as part of it (unescaped, "#" would end the path, "?" start the
// parameters and "%41" become "A"), followed by the parameters.
func sqliteDSN(path, mode string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") { // a Windows drive: file:/C:/...
		p = "/" + p
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.Itoa(busyTimeoutMS)+")")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "cache_size(-65536)")
	q.Add("_pragma", "temp_store(MEMORY)")
	if mode != "" {
		q.Set("mode", mode)
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Set("_txlock", "immediate")
	}
	return "file:" + escapePath(p) + "?" + q.Encode(), nil
}

// escapePath percent-encodes every byte of p but letters, digits, "/" and
// "-._~", as a file: URI path; SQLite decodes %HH back to the byte.
func escapePath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("/-._~", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// sqliteCode is the result code of a modernc.org/sqlite error, without
// importing the driver.
func sqliteCode(err error) (int, bool) {
	var c interface{ Code() int }
	if errors.As(err, &c) {
		return c.Code() & 0xff, true // the primary code of an extended one
	}
	return 0, false
}

// notRegister wraps ErrNotRegister around the error SQLite gives for a
// file that is not a database (SQLITE_NOTADB).
func notRegister(err error) error {
	if code, ok := sqliteCode(err); ok && code == 26 {
		return fmt.Errorf("%w: %w", ErrNotRegister, err)
	}
	return err
}

// checkMark refuses a database that is not a register. On SQLite: the mark
// must be ApplicationID, or be absent on a register made before the mark
// (recognised by its schema_migrations; New marks it), or, when creating,
// the database must be empty. On PostgreSQL a schema may hold other tables
// beside the register's, so only Open checks, through schema_migrations.
func (s *Store) checkMark(ctx context.Context, create bool) error {
	if s.d != SQLite {
		return nil
	}
	var id int64
	if err := s.db.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&id); err != nil {
		return fmt.Errorf("sqlstore: %w", notRegister(err))
	}
	if id == ApplicationID {
		return nil
	}
	if id != 0 {
		return fmt.Errorf("%w: the file carries application_id %#x, a register %#x", ErrNotRegister, id, ApplicationID)
	}
	var tables int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&tables); err != nil {
		return fmt.Errorf("sqlstore: %w", notRegister(err))
	}
	if tables == 0 {
		if create {
			return nil
		}
		return fmt.Errorf("%w: the database is empty", ErrNotRegister)
	}
	if !s.legacyRegister(ctx) {
		return fmt.Errorf("%w: the SQLite file holds other tables", ErrNotRegister)
	}
	return nil
}

// legacyRegister reports whether an unmarked SQLite database is a register
// made before registers were marked: its schema_migrations records this
// package's first migration by name.
func (s *Store) legacyRegister(ctx context.Context) bool {
	ms, err := Migrations(s.d)
	if err != nil || len(ms) == 0 {
		return false
	}
	var name string
	err = s.db.QueryRowContext(ctx, `SELECT name FROM schema_migrations WHERE version = 1`).Scan(&name)
	return err == nil && name == ms[0].Name
}

// checkMigrated, for Open, requires every migration of this version to be
// recorded, so that the queries find the columns they need.
func (s *Store) checkMigrated(ctx context.Context) error {
	ms, err := Migrations(s.d)
	if err != nil {
		return err
	}
	for _, m := range ms {
		var name string
		err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT name FROM schema_migrations WHERE version = ?`), m.Version).Scan(&name)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if m.Version == 1 {
				return fmt.Errorf("%w: no migrations recorded", ErrNotRegister)
			}
			return fmt.Errorf("sqlstore: the register lacks migration %s of this version: open it once with a program that writes to bring it up to date", m.Name)
		case err != nil:
			if m.Version == 1 {
				return fmt.Errorf("%w: %w", ErrNotRegister, err)
			}
			return fmt.Errorf("sqlstore: %w", err)
		case name != m.Name:
			return fmt.Errorf("%w: migration %d is %q, expected %q", ErrNotRegister, m.Version, name, m.Name)
		}
	}
	return nil
}

// useWAL switches a SQLite register to WAL mode (readers never block the
// writer), once: the mode is kept in the file. It also marks a register
// made before the mark. Both happen after the checks, so that New writes
// nothing into a file it refuses.
func (s *Store) useWAL(ctx context.Context) error {
	if s.d != SQLite {
		return nil
	}
	var id int64
	if err := s.db.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&id); err != nil {
		return fmt.Errorf("sqlstore: %w", err)
	}
	if id != ApplicationID {
		if err := s.inTx(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `PRAGMA application_id = `+strconv.Itoa(ApplicationID))
			return err
		}); err != nil {
			return fmt.Errorf("sqlstore: mark the register: %w", err)
		}
	}
	var mode string
	if err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		return fmt.Errorf("sqlstore: %w", err)
	}
	if mode == "wal" || mode == "memory" {
		return nil
	}
	return retry(ctx, func() error {
		return s.db.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode)
	})
}
