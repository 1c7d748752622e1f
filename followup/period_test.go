package followup_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

func date(y int, m time.Month, d int) norm.Date { return norm.Date{Year: y, Month: m, Day: d} }

func TestYearTo(t *testing.T) {
	tests := []struct {
		name     string
		to, from norm.Date
	}{
		{"ordinary", date(2026, 3, 1), date(2025, 3, 2)},
		{"leap day", date(2024, 2, 29), date(2023, 3, 1)},
		{"after a leap day", date(2025, 2, 28), date(2024, 2, 29)},
		{"year end", date(2025, 12, 31), date(2025, 1, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := followup.YearTo(tt.to)
			assert.Equal(t, followup.Period{From: tt.from, To: tt.to}, p)
			assert.True(t, p.Valid())
		})
	}
}

// The period's bounds are midnight in Amsterdam, also on the days the
// clocks change: 2025-10-26 has 25 hours, 2026-03-29 has 23.
func TestPeriodBoundsDST(t *testing.T) {
	p := followup.Period{From: date(2025, 10, 26), To: date(2026, 3, 28)}
	assert.Equal(t, time.Date(2025, 10, 25, 22, 0, 0, 0, time.UTC), p.Start().UTC(), "midnight CEST")
	assert.Equal(t, time.Date(2026, 3, 28, 23, 0, 0, 0, time.UTC), p.End().UTC(), "midnight CET, before the clocks go forward")
	assert.False(t, p.Contains(p.Start().Add(-time.Nanosecond)))
	assert.True(t, p.Contains(p.Start()))
	assert.True(t, p.Contains(p.End().Add(-time.Nanosecond)))
	assert.False(t, p.Contains(p.End()))

	q := followup.Period{From: date(2026, 3, 30), To: date(2026, 10, 25)}
	assert.Equal(t, time.Date(2026, 3, 29, 22, 0, 0, 0, time.UTC), q.Start().UTC(), "midnight CEST, the day after the clocks went forward")
	assert.Equal(t, time.Date(2026, 10, 25, 23, 0, 0, 0, time.UTC), q.End().UTC(), "midnight CET, the day the clocks went back")
}

// A register with incidents before, inside and after the twelve months up
// to the assessment date: only those inside count, the boundaries at
// midnight Amsterdam time.
func TestSummarizeInCountsOnlyThePeriod(t *testing.T) {
	per := followup.YearTo(date(2026, 3, 28)) // 2025-03-29 through 2026-03-28
	at := per.End()
	inc := func(id string, when time.Time, analysed bool) followup.Record {
		r := followup.Record{Incident: incident.Incident{ID: incident.ID(id), OccurredAt: when, Behaviours: []norm.BehaviourCode{norm.Swearing},
			Perpetrator: incident.Perpetrator{Role: incident.PerpetratorUnknown}}}
		if analysed {
			r.Incident.Analysis = &incident.Analysis{Causes: []incident.Cause{incident.CauseWaitingTime}}
		}
		return r
	}
	ams := followup.Amsterdam()
	recs := []followup.Record{
		inc("old", time.Date(2024, 6, 1, 12, 0, 0, 0, ams), false),
		inc("just-before", time.Date(2025, 3, 28, 23, 59, 59, 0, ams), false), // 22:59:59Z, the last second of the day before
		inc("first", time.Date(2025, 3, 29, 0, 0, 0, 0, ams), true),
		inc("middle", time.Date(2025, 10, 26, 2, 30, 0, 0, time.FixedZone("CET", 3600)), true), // the repeated hour
		inc("last", time.Date(2026, 3, 28, 23, 59, 59, 0, ams), false),
		inc("next-day", time.Date(2026, 3, 29, 0, 0, 0, 0, ams), false),
	}

	all, err := followup.Summarize(seq(recs...), followup.Policy{}, at)
	require.NoError(t, err)
	assert.Equal(t, 6, all.Incidents, "Summarize counts what it is given")
	assert.True(t, all.Period.IsZero())

	s, err := followup.SummarizeIn(seq(recs...), followup.Policy{}, per, at)
	require.NoError(t, err)
	assert.Equal(t, per, s.Period)
	assert.Equal(t, 3, s.Incidents, "first, middle and last")
	assert.Equal(t, followup.Share{Num: 2, Den: 3}, s.CauseAnalysis)
}

func TestSummarizeInRefusesABadPeriod(t *testing.T) {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for name, per := range map[string]followup.Period{
		"unset":       {},
		"reversed":    {From: date(2026, 1, 2), To: date(2026, 1, 1)},
		"no such day": {From: date(2025, 2, 29), To: date(2026, 1, 1)},
	} {
		t.Run(name, func(t *testing.T) {
			s, err := followup.SummarizeIn(seq(), followup.Policy{}, per, at)
			var ne *norm.Error
			require.True(t, errors.As(err, &ne), "%v", err)
			assert.Equal(t, norm.CodeRange, ne.Problems[0].Code)
			assert.Zero(t, s.Incidents)
		})
	}
}

// An error from the records stops SummarizeIn, whatever the period.
func TestSummarizeInPassesErrors(t *testing.T) {
	boom := errors.New("boom")
	failing := func(yield func(followup.Record, error) bool) { yield(followup.Record{}, boom) }
	_, err := followup.SummarizeIn(failing, followup.Policy{}, followup.YearTo(date(2026, 1, 1)), time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
	assert.ErrorIs(t, err, boom)
}
