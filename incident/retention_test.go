package incident_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
	"github.com/goedgesprek/goedgesprek/norm"
)

func TestRetain(t *testing.T) {
	ctx := context.Background()
	incs := incidenttest.Generate(11, 1200, genFrom) // about five and a half years
	at := genFrom.AddDate(5, 0, 0)
	policy := func(m incident.RetentionMode) incident.RetentionPolicy {
		return incident.RetentionPolicy{After: 2 * incident.Year, Mode: m}
	}
	cutoff := at.Add(-2 * incident.Year)
	var due []incident.ID
	for _, inc := range incs {
		if inc.OccurredAt.Before(cutoff) {
			due = append(due, inc.ID)
		}
	}
	require.Greater(t, len(due), 500, "more than one page is due")

	t.Run("anonymise", func(t *testing.T) {
		s := newStore(t, incs...)
		rep, err := incident.Retain(ctx, s, policy(incident.RetainAnonymise), at)
		require.NoError(t, err)
		assert.Equal(t, cutoff, rep.Cutoff)
		assert.Equal(t, due, rep.Touched)
		assert.Equal(t, len(due), rep.Anonymised)
		assert.Zero(t, rep.Deleted)
		assert.Zero(t, rep.Skipped)

		all, err := s.List(ctx, incident.Filter{})
		require.NoError(t, err)
		require.Len(t, all, len(incs), "anonymising keeps the incidents")
		for _, inc := range all {
			assert.Equal(t, inc.OccurredAt.Before(cutoff), inc.Anonymised(), inc.ID)
		}
		// Statistics survive anonymisation.
		assert.Equal(t, incident.StatsOf(incs).ByCategory, incident.StatsOf(all).ByCategory)

		again, err := incident.Retain(ctx, s, policy(incident.RetainAnonymise), at)
		require.NoError(t, err)
		assert.Empty(t, again.Touched, "a second run touches nothing")
		assert.Equal(t, len(due), again.Skipped)
	})

	t.Run("delete", func(t *testing.T) {
		s := newStore(t, incs...)
		rep, err := incident.Retain(ctx, s, policy(incident.RetainDelete), at)
		require.NoError(t, err)
		assert.Equal(t, due, rep.Touched)
		assert.Equal(t, len(due), rep.Deleted)
		all, err := s.List(ctx, incident.Filter{})
		require.NoError(t, err)
		assert.Len(t, all, len(incs)-len(due))
		for _, inc := range all {
			assert.False(t, inc.OccurredAt.Before(cutoff))
		}
	})

	t.Run("nothing due", func(t *testing.T) {
		s := newStore(t, incs[:10]...)
		rep, err := incident.Retain(ctx, s, policy(incident.RetainDelete), genFrom)
		require.NoError(t, err)
		assert.Empty(t, rep.Touched)
		assert.NotNil(t, rep.Touched)
	})
}

func TestRetainInvalid(t *testing.T) {
	s := newStore(t, mk("a", "P-1", 0, norm.Swearing))
	for _, tc := range []struct {
		name string
		p    incident.RetentionPolicy
		at   time.Time
		ptr  string
		code norm.ProblemCode
	}{
		{"hours, not days", incident.RetentionPolicy{After: 48 * time.Hour, Mode: incident.RetainDelete}, t0, "/after", norm.CodeRange},
		{"no mode", incident.RetentionPolicy{After: incident.Year}, t0, "/mode", norm.CodeEnum},
		{"unknown mode", incident.RetentionPolicy{After: incident.Year, Mode: "shred"}, t0, "/mode", norm.CodeEnum},
		{"no time", incident.RetentionPolicy{After: incident.Year, Mode: incident.RetainDelete}, time.Time{}, "/at", norm.CodeRequired},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := incident.Retain(context.Background(), s, tc.p, tc.at)
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			assert.Equal(t, "incident.Retain", ne.Op)
			assert.True(t, ne.Has(tc.ptr, tc.code), "%v", ne)
			assert.Empty(t, rep.Touched)
		})
	}
	_, err := s.Get(context.Background(), "a")
	require.NoError(t, err, "nothing was touched")
}

// flaky fails the n-th delete.
type flaky struct {
	incident.RetentionStore
	n int
}

func (f *flaky) Delete(ctx context.Context, id incident.ID) error {
	f.n--
	if f.n == 0 {
		return errors.New("connection reset")
	}
	return f.RetentionStore.Delete(ctx, id)
}

func TestRetainReportsProgressOnError(t *testing.T) {
	incs := []incident.Incident{mk("a", "P-1", 0, norm.Swearing), mk("b", "P-1", 1, norm.Swearing), mk("c", "P-1", 2, norm.Swearing)}
	s := &flaky{RetentionStore: newStore(t, incs...), n: 3}
	rep, err := incident.Retain(context.Background(), s, incident.RetentionPolicy{After: incident.Year, Mode: incident.RetainDelete}, t0.AddDate(2, 0, 0))
	require.ErrorContains(t, err, "connection reset")
	assert.Equal(t, []incident.ID{"a", "b"}, rep.Touched)
	assert.Equal(t, 2, rep.Deleted)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = incident.Retain(ctx, s, incident.RetentionPolicy{After: incident.Year, Mode: incident.RetainDelete}, t0.AddDate(2, 0, 0))
	require.ErrorIs(t, err, context.Canceled)
}

func TestRetentionModeText(t *testing.T) {
	var m incident.RetentionMode
	require.NoError(t, m.UnmarshalText([]byte("delete")))
	assert.Equal(t, incident.RetainDelete, m)
	require.ErrorIs(t, m.UnmarshalText([]byte("Delete")), norm.ErrUnknownCode)
	_, err := incident.RetentionMode("x").MarshalText()
	require.Error(t, err)
}

func TestPlanRetentionChangesNothing(t *testing.T) {
	ctx := context.Background()
	incs := incidenttest.Generate(11, 1200, genFrom)
	at := genFrom.AddDate(5, 0, 0)
	for _, mode := range []incident.RetentionMode{incident.RetainAnonymise, incident.RetainDelete} {
		t.Run(string(mode), func(t *testing.T) {
			s := newStore(t, incs...)
			p := incident.RetentionPolicy{After: 2 * incident.Year, Mode: mode}
			before, err := s.List(ctx, incident.Filter{})
			require.NoError(t, err)
			plan, err := incident.PlanRetention(ctx, s, p, at)
			require.NoError(t, err)
			after, err := s.List(ctx, incident.Filter{})
			require.NoError(t, err)
			assert.Equal(t, before, after, "a dry run changes nothing")
			require.Greater(t, len(plan.Touched), 500)

			rep, err := incident.Retain(ctx, s, p, at)
			require.NoError(t, err)
			assert.Equal(t, plan, rep, "the dry run says what Retain does")
		})
	}
	_, err := incident.PlanRetention(ctx, newStore(t), incident.RetentionPolicy{After: time.Hour, Mode: incident.RetainDelete}, at)
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, "incident.PlanRetention", ne.Op)
}
