package followuptest_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/followup/followuptest"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
)

var from = time.Date(2025, time.April, 1, 8, 0, 0, 0, followup.Amsterdam())

func TestActionsDeterministicAndValid(t *testing.T) {
	incs := incidenttest.Generate(7, 100, from)
	gen := func() [][]followup.Action {
		rng := rand.New(rand.NewPCG(7, 1))
		var out [][]followup.Action
		for _, inc := range incs {
			out = append(out, followuptest.Actions(inc, followup.Policy{}, rng, followuptest.Sample()))
		}
		return out
	}
	a, b := gen(), gen()
	require.Equal(t, a, b, "the same seed gives the same actions")
	n := 0
	for i, as := range a {
		for j, act := range as {
			n++
			require.NoError(t, act.Validate("test"), "%+v", act)
			assert.Equal(t, incs[i].ID, act.IncidentID)
			if j > 0 {
				assert.False(t, act.At.Before(as[j-1].At), "ordered by time")
			}
		}
	}
	assert.Greater(t, n, 300)
}

func TestPerfectProfile(t *testing.T) {
	at := from.AddDate(2, 0, 0)
	s, err := followup.Summarize(followuptest.Register(3, 300, from, followup.Policy{}, followuptest.Perfect()), followup.Policy{}, at)
	require.NoError(t, err)
	assert.Equal(t, 300, s.Incidents)
	for name, sh := range map[string]followup.Share{"reactions": s.Reactions48h, "police": s.PoliceReports, "aftercare": s.AftercareOnTime, "follow-up": s.FollowUpContact} {
		assert.True(t, sh.Known(), name)
		assert.Equal(t, sh.Den, sh.Num, name)
	}
	assert.Zero(t, s.OverdueCount)
}

func TestNowDropsFutureActions(t *testing.T) {
	inc := incidenttest.Generate(1, 1, from)[0]
	p := followuptest.Perfect()
	p.Now = inc.OccurredAt.Add(80 * time.Hour)
	for _, a := range followuptest.Actions(inc, followup.Policy{}, rand.New(rand.NewPCG(1, 1)), p) {
		assert.False(t, a.At.After(p.Now))
	}
}
