package sqlstore

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// queryPlan returns SQLite's plan of a page query, one step per line.
func queryPlan(t testing.TB, db *sql.DB, s *Store, f incident.Filter, after cursor) string {
	t.Helper()
	q, args := s.pageQuery(f, after, 0, pageSize)
	rows, err := db.Query(`EXPLAIN QUERY PLAN `+q, args...)
	require.NoError(t, err)
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		require.NoError(t, rows.Scan(&id, &parent, &notused, &detail))
		steps = append(steps, detail)
	}
	require.NoError(t, rows.Err())
	return strings.Join(steps, "\n")
}

// The listings use the indexes the schema documents, also on a cold
// database without statistics.
func TestQueryPlans(t *testing.T) {
	db, err := OpenSQLite(filepath.Join(t.TempDir(), "plan.db"))
	require.NoError(t, err)
	defer db.Close()
	s, err := New(context.Background(), db, SQLite)
	require.NoError(t, err)
	_, err = db.ExecContext(context.Background(), `ANALYZE`)
	require.NoError(t, err)

	from := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		f     incident.Filter
		after cursor
		index string
	}{
		{"period", incident.Filter{From: from, To: from.AddDate(0, 1, 0)}, cursor{}, "incidents_occurred"},
		{"period and category", incident.Filter{From: from, To: from.AddDate(0, 1, 0), Categories: []norm.Category{norm.Physical}}, cursor{}, "incidents_occurred"},
		{"next page", incident.Filter{From: from}, cursor{occ: from.UnixNano(), id: "X", set: true}, "incidents_occurred"},
		{"perpetrator dossier", incident.Filter{PerpetratorRef: "P-1", From: from, To: from.AddDate(1, 0, 0)}, cursor{}, "incidents_occurred"},
		{"site", incident.Filter{Site: "LOC-AMS"}, cursor{}, "incidents_site"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := queryPlan(t, db, s, tt.f, tt.after)
			assert.Contains(t, plan, tt.index, plan)
			assert.Contains(t, plan, "PRIMARY KEY", "people by primary key:\n%s", plan)
		})
	}
}
