package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"

	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"

	_ "modernc.org/sqlite" // the SQLite driver sqlstore.OpenSQLite expects
)

// recordLister is the optional ability of a store to stream incidents with
// their actions; sqlstore has it.
type recordLister interface {
	Records(ctx context.Context, f incident.Filter) iter.Seq2[followup.Record, error]
}

// How a command opens the register.
type openMode int

const (
	// forReading: list, due, stats. Never creates or changes a file; a
	// missing path or a file that is not a register is refused.
	forReading openMode = iota
	// forWriting: done, and commands that change what is there. The
	// register must exist.
	forWriting
	// forCreating: import and add, the commands that fill a register.
	// They create it when the path does not exist yet, and say so.
	forCreating
)

// openRegister opens the SQLite register at path as the mode says. created
// reports that a new register file was made.
func openRegister(path string, mode openMode) (st register, closer func(), created bool, err error) {
	if mode == forReading {
		db, err := sqlstore.OpenSQLiteReadOnly(path)
		if errors.Is(err, fs.ErrNotExist) {
			err = fmt.Errorf("%w: %w", cli.ErrNoRegister, err)
		}
		if err != nil {
			return nil, nil, false, err
		}
		s, err := sqlstore.Open(context.Background(), db, sqlstore.SQLite, sqlstore.WithNow(now))
		if err != nil {
			db.Close()
			return nil, nil, false, err
		}
		return s, func() { db.Close() }, false, nil
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if mode != forCreating {
			return nil, nil, false, fmt.Errorf("%w: %w", cli.ErrNoRegister, err)
		}
		created = true
	}
	db, err := sqlstore.OpenSQLite(path)
	if err != nil {
		return nil, nil, false, err
	}
	s, err := sqlstore.New(context.Background(), db, sqlstore.SQLite, sqlstore.WithNow(now))
	if err != nil {
		db.Close()
		return nil, nil, false, err
	}
	return s, func() { db.Close() }, created, nil
}
