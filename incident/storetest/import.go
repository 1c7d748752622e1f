package storetest

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// countActions counts the actions of every stored incident.
func countActions(t *testing.T, s Store) int {
	t.Helper()
	n := 0
	for r, err := range s.Records(context.Background(), incident.Filter{}) {
		require.NoError(t, err)
		n += len(r.Actions)
	}
	return n
}

// testImportAllOrNothing: an import of incidents with their actions is one
// transaction; whatever fails in it, the last action included, leaves the
// register as it was.
func testImportAllOrNothing(t *testing.T, s Store) {
	ctx := context.Background()
	base := time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)
	stored := Sample("IMP-STORED", base)
	require.NoError(t, s.Create(ctx, &stored))
	require.NoError(t, s.RecordAction(ctx, action("A-STORED", "IMP-STORED", base.Add(time.Hour))))

	mk := func() ([]incident.Incident, []followup.Action) {
		incs := make([]incident.Incident, 20)
		var acts []followup.Action
		for k := range incs {
			id := incident.ID(fmt.Sprintf("IMP-%02d", k))
			incs[k] = Sample(id, base.Add(time.Duration(k+1)*time.Minute))
			acts = append(acts, action(fmt.Sprintf("A-IMP-%02d", k), id, base.Add(2*time.Hour)))
		}
		// An action on an incident stored before the import.
		acts = append(acts, action("A-IMP-STORED", "IMP-STORED", base.Add(3*time.Hour)))
		return incs, acts
	}
	unchanged := func(t *testing.T) {
		t.Helper()
		assert.Equal(t, 1, count(t, s), "incidents")
		assert.Equal(t, 1, countActions(t, s), "actions")
	}

	t.Run("last action names an unknown incident", func(t *testing.T) {
		incs, acts := mk()
		acts = append(acts, action("A-LAST", "IMP-NONE", base))
		require.ErrorIs(t, s.Import(ctx, incs, acts), incident.ErrNotFound)
		unchanged(t)
		for _, inc := range incs {
			assert.Zero(t, inc.Version, "nothing written back")
		}
	})
	t.Run("last action conflicts with a stored one", func(t *testing.T) {
		incs, acts := mk()
		c := action("A-STORED", "IMP-STORED", base.Add(time.Hour))
		c.Outcome, c.Form, c.Reason = followup.OutcomeNotPossible, "", "niet bereikbaar"
		require.ErrorIs(t, s.Import(ctx, incs, append(acts, c)), incident.ErrConflict)
		unchanged(t)
	})
	t.Run("two different actions under one ID", func(t *testing.T) {
		incs, acts := mk()
		c := acts[3]
		c.At = c.At.Add(time.Minute)
		require.ErrorIs(t, s.Import(ctx, incs, append(acts, c)), incident.ErrConflict)
		unchanged(t)
	})
	t.Run("invalid action", func(t *testing.T) {
		incs, acts := mk()
		acts[len(acts)-1].Kind = "party"
		err := s.Import(ctx, incs, acts)
		require.ErrorIs(t, err, norm.ErrInvalid)
		unchanged(t)
	})
	t.Run("invalid incident", func(t *testing.T) {
		incs, acts := mk()
		incs[19].Behaviours = []norm.BehaviourCode{"yelling"}
		var ne *norm.Error
		require.ErrorAs(t, s.Import(ctx, incs, acts), &ne)
		assert.True(t, ne.Has("/19/behaviours/0", norm.CodeEnum), "%v", ne)
		unchanged(t)
	})
	t.Run("cancelled context", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		incs, acts := mk()
		require.ErrorIs(t, s.Import(cctx, incs, acts), context.Canceled)
		unchanged(t)
	})
	t.Run("success, then the same import again", func(t *testing.T) {
		incs, acts := mk()
		require.NoError(t, s.Import(ctx, incs, acts))
		for _, inc := range incs {
			assert.Equal(t, 1, inc.Version)
		}
		assert.Equal(t, 21, count(t, s))
		assert.Equal(t, 22, countActions(t, s))
		require.NoError(t, s.Import(ctx, incs, acts), "a repeated import is idempotent")
		assert.Equal(t, 21, count(t, s))
		assert.Equal(t, 22, countActions(t, s))
		got, err := s.ListActions(ctx, "IMP-STORED")
		require.NoError(t, err)
		assert.Len(t, got, 2)
	})
	t.Run("actions only", func(t *testing.T) {
		require.NoError(t, s.Import(ctx, nil, []followup.Action{action("A-ONLY", "IMP-00", base.Add(4*time.Hour))}))
		assert.Equal(t, 23, countActions(t, s))
	})
}

// testConcurrentImports runs imports at once that overlap: every importer
// writes the same shared incidents and actions, each in a different order
// (reversed, rotated), and its own. A store must order its writes so that
// they wait for each other instead of deadlocking, retry what the database
// still refuses, and in the end hold every row exactly once.
func testConcurrentImports(t *testing.T, s Store) {
	ctx := context.Background()
	const (
		importers = 4
		rounds    = 3
		shared    = 150
		own       = 50
	)
	base := time.Date(2025, 9, 1, 8, 0, 0, 0, time.UTC)
	errs := make(chan error, importers*rounds)
	for r := range rounds {
		// New shared rows each round, so that the importers race to write
		// them, and a start line, so that they write at the same time.
		sharedIncs := make([]incident.Incident, shared)
		sharedActs := make([]followup.Action, shared)
		for k := range sharedIncs {
			id := incident.ID(fmt.Sprintf("SH-%d-%03d", r, k))
			sharedIncs[k] = Sample(id, base.Add(time.Duration(r*1000+k)*time.Minute))
			sharedIncs[k].RecordedAt = Now // the same record, whoever writes it first
			sharedActs[k] = action("A-"+string(id), id, sharedIncs[k].OccurredAt.Add(time.Hour))
		}
		start := make(chan struct{})
		var wg sync.WaitGroup
		for w := range importers {
			incs := slices.Clone(sharedIncs)
			acts := slices.Clone(sharedActs)
			if w%2 == 1 {
				slices.Reverse(incs)
				slices.Reverse(acts)
			}
			rot := (w * 37) % shared
			incs = append(incs[rot:], incs[:rot]...)
			acts = append(acts[rot:], acts[:rot]...)
			for k := range own {
				id := incident.ID(fmt.Sprintf("OWN-%d-%d-%02d", w, r, k))
				incs = append(incs, Sample(id, base.Add(time.Duration(w*1000+r*100+k)*time.Second)))
				acts = append(acts, action("A-"+string(id), id, base.Add(2*time.Hour)))
			}
			wg.Go(func() {
				<-start
				if err := s.Import(ctx, incs, acts); err != nil {
					errs <- fmt.Errorf("importer %d round %d: %w", w, r, err)
				}
			})
		}
		close(start)
		wg.Wait()
	}
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	total := rounds * (shared + importers*own)
	assert.Equal(t, total, count(t, s), "every incident once")
	assert.Equal(t, total, countActions(t, s), "every action once")
}
