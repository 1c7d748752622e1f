package incidenttest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
	"github.com/goedgesprek/goedgesprek/norm"
)

var from = time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)

func TestGenerateDeterministic(t *testing.T) {
	a := incidenttest.Generate(7, 300, from)
	b := incidenttest.Generate(7, 300, from)
	c := incidenttest.Generate(8, 300, from)
	require.Len(t, a, 300)
	assert.Equal(t, a, b, "same seed, same register")
	assert.NotEqual(t, a, c, "another seed, another register")

	var streamed []incident.Incident
	for inc := range incidenttest.All(7, 300, from) {
		streamed = append(streamed, inc)
	}
	assert.Equal(t, a, streamed, "All and Generate agree")
}

func TestGenerateStopsEarly(t *testing.T) {
	n := 0
	for range incidenttest.All(1, 1000, from) {
		n++
		if n == 5 {
			break
		}
	}
	assert.Equal(t, 5, n)
	assert.Empty(t, incidenttest.Generate(1, 0, from))
	assert.Empty(t, incidenttest.Generate(1, -3, from))
}

func TestGenerateShape(t *testing.T) {
	incs := incidenttest.Generate(2012, 5000, from)
	worst := map[norm.Category]int{}
	channels := map[norm.Channel]int{}
	unknown, withAnalysis, withDamage := 0, 0, 0
	perps := map[string]int{}
	ids := map[incident.ID]bool{}
	prev := time.Time{}
	for _, inc := range incs {
		require.False(t, ids[inc.ID], "duplicate ID %s", inc.ID)
		ids[inc.ID] = true
		require.NotEmpty(t, inc.Behaviours)
		require.True(t, !inc.OccurredAt.Before(prev), "incidents in time order")
		prev = inc.OccurredAt
		require.Equal(t, time.UTC, inc.OccurredAt.Location())
		require.True(t, !inc.ReportedAt.Before(inc.OccurredAt), "%s reported before it occurred", inc.ID)
		require.True(t, !inc.RecordedAt.Before(inc.ReportedAt), "%s recorded before it was reported", inc.ID)
		require.GreaterOrEqual(t, inc.Consequences.DamageCents, int64(0))
		require.GreaterOrEqual(t, inc.Consequences.AbsenceDays, 0)
		require.Contains(t, incidenttest.DefaultSites(), inc.Site)
		require.NotEmpty(t, inc.Phase)

		require.GreaterOrEqual(t, len(inc.Involved), 1)
		require.LessOrEqual(t, len(inc.Involved), 3)
		assert.Equal(t, incident.RoleTarget, inc.Involved[0].Role)
		assert.Regexp(t, `^E-\d{3}$`, inc.Involved[0].Ref)

		worst[inc.Classification().Worst]++
		channels[inc.Channel]++
		if inc.Perpetrator.Role == incident.PerpetratorUnknown {
			unknown++
			assert.Empty(t, inc.Perpetrator.Ref)
		} else {
			assert.Regexp(t, `^P-\d{4}$`, inc.Perpetrator.Ref)
			perps[inc.Perpetrator.Ref]++
		}
		if inc.Analysis != nil {
			withAnalysis++
			require.NotEmpty(t, inc.Analysis.Causes)
		}
		if inc.Consequences.DamageCents > 0 {
			withDamage++
		}
	}
	// 001, 4.2.1: verbal most common, threats next, physical rare. Verbal
	// may be the worst category of fewer incidents than threats' share
	// because combinations raise the worst category.
	assert.Greater(t, worst[norm.Verbal], worst[norm.Threat])
	assert.Greater(t, worst[norm.Threat], worst[norm.Sexual]+worst[norm.Discrimination])
	assert.Less(t, worst[norm.Physical], len(incs)/10)
	assert.Positive(t, worst[norm.Physical])
	assert.Greater(t, channels[norm.ChannelDesk], channels[norm.ChannelHearing])
	assert.InDelta(t, 0.10, float64(unknown)/float64(len(incs)), 0.02)
	assert.InDelta(t, 0.60, float64(withAnalysis)/float64(len(incs)), 0.03)
	assert.Positive(t, withDamage)
	repeat := 0
	for _, n := range perps {
		if n >= 3 {
			repeat++
		}
	}
	assert.Positive(t, repeat, "some perpetrators return")
	assert.Len(t, channels, len(norm.Channels()), "every channel appears")
}

func BenchmarkAll(b *testing.B) {
	for b.Loop() {
		for range incidenttest.All(1, 1000, from) {
		}
	}
}
