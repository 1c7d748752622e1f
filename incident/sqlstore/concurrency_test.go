package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"
	"github.com/goedgesprek/goedgesprek/incident/storetest"
)

// importBatch is import b of importer w: n incidents and an action on each.
func importBatch(w, b, n int) ([]incident.Incident, []followup.Action) {
	incs := make([]incident.Incident, n)
	acts := make([]followup.Action, n)
	at := storetest.From.Add(time.Duration(w*100+b) * time.Hour)
	for k := range incs {
		id := incident.ID(fmt.Sprintf("W%d-B%02d-%05d", w, b, k))
		incs[k] = storetest.Sample(id, at.Add(time.Duration(k)*time.Millisecond))
		acts[k] = followup.Action{ID: "A-" + string(id), IncidentID: id, Kind: followup.KindReaction,
			Subject: followup.SubjectPerpetrator, At: incs[k].OccurredAt.Add(time.Hour), Outcome: followup.OutcomeDone, Form: "conversation"}
	}
	return incs, acts
}

// Several importers, each with its own connection pool as separate
// programs would have, import into one SQLite file at once: every import
// succeeds (they wait for each other) and every row is there once.
func TestConcurrentImportsOnOneFile(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 24,000 rows")
	}
	const importers, batches, size = 4, 3, 1000
	path := filepath.Join(t.TempDir(), "register.db")
	var wg sync.WaitGroup
	errs := make(chan error, importers*batches+importers)
	for w := range importers {
		wg.Go(func() {
			db, err := sqlstore.OpenSQLite(path)
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			s, err := sqlstore.New(context.Background(), db, sqlstore.SQLite, sqlstore.WithNow(func() time.Time { return storetest.Now }))
			if err != nil {
				errs <- fmt.Errorf("importer %d: %w", w, err)
				return
			}
			for b := range batches {
				incs, acts := importBatch(w, b, size)
				if err := s.Import(context.Background(), incs, acts); err != nil {
					errs <- fmt.Errorf("importer %d batch %d: %w", w, b, err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	db, err := sqlstore.OpenSQLiteReadOnly(path)
	require.NoError(t, err)
	defer db.Close()
	for table, want := range map[string]int{"incidents": importers * batches * size, "actions": importers * batches * size, "incident_people": 2 * importers * batches * size} {
		var n int
		require.NoError(t, db.QueryRow(`SELECT count(*) FROM `+table).Scan(&n))
		assert.Equal(t, want, n, table)
	}
}

// A writer that holds the register longer than SQLite's old busy timeout of
// 5 s makes another writer wait, not fail with SQLITE_BUSY.
func TestWriterWaitsForALongTransaction(t *testing.T) {
	if testing.Short() {
		t.Skip("holds a lock for 6 s")
	}
	path := filepath.Join(t.TempDir(), "register.db")
	db, err := sqlstore.OpenSQLite(path)
	require.NoError(t, err)
	defer db.Close()
	s, err := sqlstore.New(context.Background(), db, sqlstore.SQLite, sqlstore.WithNow(func() time.Time { return storetest.Now }))
	require.NoError(t, err)

	other, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	defer other.Close()
	conn, err := other.Conn(context.Background())
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.ExecContext(context.Background(), `BEGIN IMMEDIATE`)
	require.NoError(t, err)
	released := make(chan struct{})
	go func() {
		time.Sleep(6 * time.Second)
		_, _ = conn.ExecContext(context.Background(), `COMMIT`)
		close(released)
	}()
	incs, acts := importBatch(0, 0, 10)
	require.NoError(t, s.Import(context.Background(), incs, acts))
	<-released
	got, err := s.List(context.Background(), incident.Filter{})
	require.NoError(t, err)
	assert.Len(t, got, 10)
}
