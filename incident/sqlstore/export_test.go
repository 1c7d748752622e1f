package sqlstore

import "github.com/goedgesprek/goedgesprek/incident"

// FirstPageQuery exposes the statement of the first page of a listing, so
// that the benchmarks can show the plan on a large register.
func (s *Store) FirstPageQuery(f incident.Filter) (string, []any) {
	return s.pageQuery(f, cursor{}, f.Offset, pageSize)
}
