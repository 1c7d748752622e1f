package sqlstore

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
)

// fakeSQLiteErr and fakePgErr look like the drivers' errors.
type fakeSQLiteErr int

func (e fakeSQLiteErr) Error() string { return "database is locked" }
func (e fakeSQLiteErr) Code() int     { return int(e) }

type fakePgErr string

func (e fakePgErr) Error() string    { return "pg: " + string(e) }
func (e fakePgErr) SQLState() string { return string(e) }

func TestRetry(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		err       error
		contended bool
	}{
		{"SQLITE_BUSY", fakeSQLiteErr(5), true},
		{"SQLITE_BUSY_SNAPSHOT", fakeSQLiteErr(5 | 2<<8), true},
		{"SQLITE_LOCKED", fakeSQLiteErr(6), true},
		{"SQLITE_CONSTRAINT", fakeSQLiteErr(19), false},
		{"deadlock_detected", fakePgErr("40P01"), true},
		{"serialization_failure", fakePgErr("40001"), true},
		{"unique_violation", fakePgErr("23505"), false},
		{"other", errors.New("boom"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runs := 0
			err := retry(ctx, func() error { runs++; return tt.err })
			require.ErrorIs(t, err, tt.err)
			if tt.contended {
				assert.Equal(t, attempts, runs)
				assert.ErrorIs(t, err, incident.ErrBusy)
			} else {
				assert.Equal(t, 1, runs)
				assert.NotErrorIs(t, err, incident.ErrBusy)
			}
		})
	}
	t.Run("succeeds on a later run", func(t *testing.T) {
		runs := 0
		require.NoError(t, retry(ctx, func() error {
			if runs++; runs < 3 {
				return fakePgErr("40P01")
			}
			return nil
		}))
		assert.Equal(t, 3, runs)
	})
	t.Run("context ends while waiting", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		err := retry(cctx, func() error { cancel(); return fakeSQLiteErr(5) })
		require.ErrorIs(t, err, context.Canceled)
	})
}
