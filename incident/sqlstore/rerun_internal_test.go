package sqlstore

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/storetest"
)

// A write that the database fails after its statements ran (a deadlock
// victim, say) is run again from the start; the second run must not carry
// anything over from the first.
func TestRerunTransactionsStartAfresh(t *testing.T) {
	db, err := OpenSQLite(filepath.Join(t.TempDir(), "register.db"))
	require.NoError(t, err)
	defer db.Close()
	s, err := New(context.Background(), db, SQLite, WithNow(func() time.Time { return storetest.Now }))
	require.NoError(t, err)
	ctx := context.Background()
	failures := 0
	failOnce := func() {
		done := false
		s.beforeCommit = func() error {
			if done {
				return nil
			}
			done = true
			failures++
			return fakePgErr("40P01")
		}
	}

	inc := storetest.Sample("INC-1", storetest.From)
	failOnce()
	require.NoError(t, s.Create(ctx, &inc))
	assert.Equal(t, 1, inc.Version)

	failOnce()
	inc.Site = "LOC-UTR"
	require.NoError(t, s.Update(ctx, &inc), "the rerun updates from the version the caller gave")
	assert.Equal(t, 2, inc.Version)
	got, err := s.Get(ctx, "INC-1")
	require.NoError(t, err)
	assert.Equal(t, "LOC-UTR", got.Site)
	assert.Equal(t, 2, got.Version)

	failOnce()
	batch := []incident.Incident{storetest.Sample("", storetest.From.Add(time.Hour)), storetest.Sample("INC-2", storetest.From)}
	acts := []followup.Action{{ID: "A-1", IncidentID: "INC-2", Kind: followup.KindReaction, Subject: followup.SubjectPerpetrator,
		At: storetest.From.Add(2 * time.Hour), Outcome: followup.OutcomeDone, Form: "conversation"}}
	require.NoError(t, s.Import(ctx, batch, acts))
	got, err = s.Get(ctx, batch[0].ID)
	require.NoError(t, err, "the generated ID written back is the stored one")
	assert.Equal(t, 1, got.Version)
	all, err := s.List(ctx, incident.Filter{})
	require.NoError(t, err)
	assert.Len(t, all, 3)
	listed, err := s.ListActions(ctx, "INC-2")
	require.NoError(t, err)
	assert.Len(t, listed, 1)

	failOnce()
	require.NoError(t, s.Anonymise(ctx, "INC-2"))
	got, err = s.Get(ctx, "INC-2")
	require.NoError(t, err)
	assert.Equal(t, 2, got.Version)
	assert.True(t, got.Anonymised())

	assert.Equal(t, 4, failures)
}
