package sqlstore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"
	"github.com/goedgesprek/goedgesprek/incident/storetest"
)

// dumpTables renders every row of every table of the store's schema, every
// column as text, for the shared suite to search.
func dumpTables(t *testing.T, st storetest.Store) string {
	t.Helper()
	s := st.(*sqlstore.Store)
	db := s.DB()
	q := `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`
	if s.Dialect() == sqlstore.PostgreSQL {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`
	}
	var tables []string
	rows, err := db.Query(q)
	require.NoError(t, err)
	for rows.Next() {
		var name string
		require.NoError(t, rows.Scan(&name))
		tables = append(tables, name)
	}
	require.NoError(t, rows.Err())
	rows.Close()
	require.Contains(t, tables, "actions")
	var b strings.Builder
	for _, table := range tables {
		rows, err := db.Query(`SELECT * FROM ` + table)
		require.NoError(t, err)
		cols, err := rows.Columns()
		require.NoError(t, err)
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for k := range vals {
			ptrs[k] = &vals[k]
		}
		n := 0
		for rows.Next() {
			require.NoError(t, rows.Scan(ptrs...))
			fmt.Fprintf(&b, "%s:", table)
			for k, v := range vals {
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				fmt.Fprintf(&b, " %s=%v", cols[k], v)
			}
			b.WriteByte('\n')
			n++
		}
		require.NoError(t, rows.Err())
		rows.Close()
		fmt.Fprintf(&b, "%s: %d rows\n", table, n)
	}
	return b.String()
}

// After anonymising, not even the bytes of the SQLite files hold the old
// values: secure_delete overwrites what was replaced, and a checkpoint
// takes the old pages out of the write-ahead log.
func TestSQLiteFileHoldsNoTraceAfterAnonymising(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "register.db")
	db, err := sqlstore.OpenSQLite(path)
	require.NoError(t, err)
	defer db.Close()
	s, err := sqlstore.New(context.Background(), db, sqlstore.SQLite)
	require.NoError(t, err)
	at := time.Date(2025, 1, 6, 9, 30, 0, 0, time.UTC)
	inc := storetest.Sample("INC-file", at)
	inc.Perpetrator.Ref = "P-SECRET-77"
	inc.Involved = []incident.Person{{Ref: "E-SECRET-01", Role: incident.RoleTarget}}
	inc.Description = "Geheime beschrijving over Jan de Vries"
	inc.Analysis.Lessons = "Geheime les over Jan"
	inc.Site = "Geheime straat 12"
	require.NoError(t, s.Create(ctx, &inc))
	require.NoError(t, s.RecordAction(ctx, followup.Action{ID: "ACT-E-SECRET-01", IncidentID: "INC-file", Kind: followup.KindAftercare,
		Subject: "E-SECRET-01", At: at.Add(time.Hour), Outcome: followup.OutcomeNotPossible, Reason: "Geheime reden"}))
	checkpoint := func() string {
		t.Helper()
		_, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
		require.NoError(t, err)
		var all []byte
		for _, p := range []string{path, path + "-wal"} {
			b, err := os.ReadFile(p)
			if !os.IsNotExist(err) {
				require.NoError(t, err)
			}
			all = append(all, b...)
		}
		return string(all)
	}
	secrets := []string{"SECRET", "Geheim", "Jan de Vries"}
	before := checkpoint()
	for _, x := range secrets {
		require.Contains(t, before, x, "the file holds the values before")
	}
	require.NoError(t, s.Anonymise(ctx, "INC-file"))
	after := checkpoint()
	for _, x := range secrets {
		assert.NotContains(t, after, x, "the file still holds %q", x)
	}
}
