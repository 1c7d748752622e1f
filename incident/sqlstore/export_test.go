package sqlstore

import (
	"database/sql"

	"github.com/goedgesprek/goedgesprek/incident"
)

// FirstPageQuery exposes the statement of the first page of a listing, so
// that the benchmarks can show the plan on a large register.
func (s *Store) FirstPageQuery(f incident.Filter) (string, []any) {
	return s.pageQuery(f, cursor{}, f.Offset, pageSize)
}

// DB exposes the database of a store, so that the tests can read every
// table.
func (s *Store) DB() *sql.DB { return s.db }

// Dialect exposes the store's dialect.
func (s *Store) Dialect() Dialect { return s.d }
