package main

import (
	"context"
	"errors"
	"io"
	"iter"

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

// openRegister opens (or creates) the SQLite register at path.
func openRegister(path string) (register, func(), error) {
	db, err := sqlstore.OpenSQLite(path)
	if err != nil {
		return nil, nil, err
	}
	st, err := sqlstore.New(db, sqlstore.SQLite, sqlstore.WithNow(now))
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return st, func() { db.Close() }, nil
}

// importCSV reads a CSV export and creates every incident in one
// transaction: all or nothing.
func importCSV(e *env, st register, r io.Reader) (int, error) {
	bc, ok := st.(incident.BatchCreator)
	if !ok {
		return 0, errors.New("register: the store cannot import all or nothing")
	}
	return incident.ImportCSV(e.ctx, bc, r)
}
