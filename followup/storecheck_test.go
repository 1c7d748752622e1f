package followup_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

func storableAction(at time.Time) followup.Action {
	return followup.Action{ID: "A-1", IncidentID: "INC-1", Kind: followup.KindAftercare, Subject: "E-001",
		At: at, Outcome: followup.OutcomeDone}
}

// The check both stores make before recording an action: Validate plus a
// time a store can keep as int64 nanoseconds.
func TestCheckStorable(t *testing.T) {
	ok := storableAction(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))
	require.NoError(t, followup.CheckStorable(&ok))

	for name, at := range map[string]time.Time{
		"before 1900": time.Date(1899, 12, 31, 23, 0, 0, 0, time.UTC),
		"from 2200":   time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		t.Run(name, func(t *testing.T) {
			a := storableAction(at)
			err := followup.CheckStorable(&a)
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			assert.Equal(t, followup.RecordOp, ne.Op)
			require.Len(t, ne.Problems, 1)
			assert.Equal(t, "/at", ne.Problems[0].Pointer)
			assert.Equal(t, norm.CodeRange, ne.Problems[0].Code)
		})
	}
	t.Run("invalid and out of range: every problem", func(t *testing.T) {
		a := storableAction(time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC))
		a.Kind = "nope"
		var ne *norm.Error
		require.ErrorAs(t, followup.CheckStorable(&a), &ne)
		var ptrs []string
		for _, p := range ne.Problems {
			ptrs = append(ptrs, p.Pointer)
		}
		assert.Equal(t, []string{"/kind", "/at"}, ptrs)
	})
}

func TestActionSame(t *testing.T) {
	a := storableAction(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))
	b := a
	b.At = a.At.In(time.FixedZone("CET", 3600)) // the same instant
	assert.True(t, a.Same(b))
	b.Reason = "x"
	assert.False(t, a.Same(b))
}
