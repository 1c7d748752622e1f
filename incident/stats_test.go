package incident_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
	"github.com/goedgesprek/goedgesprek/norm"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestStats(t *testing.T) {
	incs := []incident.Incident{
		{ID: "a", OccurredAt: at("2025-01-31T23:30:00Z"), Site: "LOC-AMS", Channel: norm.ChannelDesk,
			Behaviours: []norm.BehaviourCode{norm.Shouting, norm.Threatening},
			Analysis:   &incident.Analysis{Causes: []incident.Cause{incident.CauseDecision}}},
		{ID: "b", OccurredAt: at("2025-01-31T12:00:00Z"), Site: "LOC-AMS", Channel: norm.ChannelPhone,
			Behaviours: []norm.BehaviourCode{norm.Swearing}},
		{ID: "c", OccurredAt: at("2025-04-02T09:00:00Z"), Site: "LOC-RTM", Channel: norm.ChannelDesk,
			Behaviours: []norm.BehaviourCode{norm.Hitting},
			Analysis:   &incident.Analysis{}}, // empty analysis: no causes, does not count
	}
	s := incident.StatsOf(incs)
	assert.Equal(t, 3, s.Total)
	assert.Equal(t, map[norm.Category]int{norm.Verbal: 2, norm.Threat: 1, norm.Physical: 1}, s.ByCategory)
	assert.Equal(t, map[norm.Severity]int{norm.SeverityHigh: 2, norm.SeverityLow: 1}, s.BySeverity)
	assert.Equal(t, map[norm.Channel]int{norm.ChannelDesk: 2, norm.ChannelPhone: 1}, s.ByChannel)
	assert.Equal(t, map[string]int{"LOC-AMS": 2, "LOC-RTM": 1}, s.BySite)
	// 23:30 UTC on 31 January is 1 February in Amsterdam.
	assert.Equal(t, map[incident.Month]int{{Year: 2025, Month: time.January}: 1, {Year: 2025, Month: time.February}: 1, {Year: 2025, Month: time.April}: 1}, s.ByMonth)
	assert.Equal(t, 1, s.WithAnalysis)
	assert.InDelta(t, 1.0/3, s.AnalysisShare, 1e-9)

	months := s.Months()
	require.Len(t, months, 4, "January to April without holes")
	assert.Equal(t, "2025-03", months[2].Month.String())
	assert.Zero(t, months[2].Count)
	assert.Equal(t, 1, months[3].Count)

	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"2025-02":1`)
	var back incident.Statistics
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)
}

func TestStatsEmpty(t *testing.T) {
	s := incident.StatsOf(nil)
	assert.Zero(t, s.Total)
	assert.Zero(t, s.AnalysisShare)
	assert.Nil(t, s.Months())

	var z incident.Statistics // the zero value works with Add
	z.Add(&incident.Incident{Site: "X", Behaviours: []norm.BehaviourCode{norm.Spitting}})
	assert.Equal(t, 1, z.ByCategory[norm.Physical])
}

func TestStatsStreamsGenerated(t *testing.T) {
	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	s := incident.Stats(incidenttest.All(3, 2000, from))
	sl := incident.StatsOf(incidenttest.Generate(3, 2000, from))
	assert.Equal(t, sl, s)
	assert.Equal(t, 2000, s.Total)
	sum := 0
	for _, n := range s.ByChannel {
		sum += n
	}
	assert.Equal(t, 2000, sum, "every incident has one channel")
	assert.Greater(t, s.ByCategory[norm.Verbal], s.ByCategory[norm.Physical])
}

func TestMonthText(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"2025-03", true}, {"0999-12", true}, {"2025-13", false}, {"2025-00", false},
		{"2025-3", false}, {"25-03", false}, {"+025-03", false}, {"2025-+3", false}, {"", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			var m incident.Month
			err := m.UnmarshalText([]byte(tc.in))
			if !tc.ok {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.in, m.String())
		})
	}
	ms := []incident.Month{{Year: 2025, Month: 2}, {Year: 2024, Month: 12}, {Year: 2025, Month: 1}}
	slices.SortFunc(ms, incident.Month.Compare)
	assert.Equal(t, "2024-12", ms[0].String())
}

func BenchmarkStats(b *testing.B) {
	incs := incidenttest.Generate(1, 10000, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	b.ReportAllocs()
	for b.Loop() {
		_ = incident.StatsOf(incs)
	}
}
