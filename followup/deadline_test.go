package followup_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// ams is a wall-clock time in Amsterdam. It is only used for times that
// exist exactly once.
func ams(tb testing.TB, y int, m time.Month, d, hh, mm int) time.Time {
	tb.Helper()
	return time.Date(y, m, d, hh, mm, 0, 0, followup.Amsterdam())
}

func utc(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, time.UTC)
}

// wall renders a time as the Amsterdam wall clock with its zone.
func wall(t time.Time) string { return t.In(followup.Amsterdam()).Format("Mon 2006-01-02 15:04 MST") }

func TestDeadlineElapsedAcrossDST(t *testing.T) {
	p := followup.Policy{} // elapsed hours, the default
	tests := []struct {
		name       string
		anchor     time.Time
		d          time.Duration
		want       string
		wallChange time.Duration // difference of the two wall clocks
	}{
		{
			name:   "Saturday before spring forward: 48 real hours show as 49 on the clock",
			anchor: ams(t, 2026, time.March, 28, 10, 0), d: 48 * time.Hour,
			want: "Mon 2026-03-30 11:00 CEST", wallChange: 49 * time.Hour,
		},
		{
			name:   "Saturday before fall back: 48 real hours show as 47 on the clock",
			anchor: ams(t, 2026, time.October, 24, 10, 0), d: 48 * time.Hour,
			want: "Mon 2026-10-26 09:00 CET", wallChange: 47 * time.Hour,
		},
		{
			name:   "first 02:30 on the night the clocks go back (00:30 UTC, summer time)",
			anchor: utc(2026, time.October, 25, 0, 30), d: 48 * time.Hour,
			want: "Tue 2026-10-27 01:30 CET", wallChange: 47 * time.Hour,
		},
		{
			name:   "second 02:30 on the night the clocks go back (01:30 UTC, winter time)",
			anchor: utc(2026, time.October, 25, 1, 30), d: 48 * time.Hour,
			want: "Tue 2026-10-27 02:30 CET", wallChange: 48 * time.Hour,
		},
		{
			name:   "03:30 summer time, just after the spring gap",
			anchor: utc(2026, time.March, 29, 1, 30), d: 72 * time.Hour,
			want: "Wed 2026-04-01 03:30 CEST", wallChange: 72 * time.Hour,
		},
		{
			name:   "ordinary week, no change",
			anchor: ams(t, 2026, time.June, 3, 16, 45), d: 48 * time.Hour,
			want: "Fri 2026-06-05 16:45 CEST", wallChange: 48 * time.Hour,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustDeadline(t, p, tt.anchor, tt.d)
			assert.Equal(t, tt.want, wall(got))
			assert.Equal(t, tt.d, got.Sub(tt.anchor), "elapsed time is exactly the deadline")
			assert.Equal(t, tt.wallChange, wallClock(got).Sub(wallClock(tt.anchor)), "difference on the wall clock")
			assert.Equal(t, followup.Amsterdam(), got.Location())
		})
	}
}

// wallClock reads the Amsterdam wall clock as if it were UTC, so that
// subtracting two of them gives the difference a person sees on the clock.
func wallClock(t time.Time) time.Time {
	l := t.In(followup.Amsterdam())
	y, m, d := l.Date()
	return time.Date(y, m, d, l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), time.UTC)
}

func TestDeadlineWorkingDays(t *testing.T) {
	base := followup.Policy{Counting: followup.CountWorkingDays}
	withGoodFriday := base
	withGoodFriday.GoodFriday = true
	lustrum := base
	lustrum.LiberationDay = followup.LiberationLustrum
	never := base
	never.LiberationDay = followup.LiberationNever
	tests := []struct {
		name   string
		p      followup.Policy
		anchor time.Time
		d      time.Duration
		want   string
	}{
		{"Friday afternoon: Monday and Tuesday count", base, ams(t, 2026, time.March, 13, 15, 30), 48 * time.Hour, "Tue 2026-03-17 15:30 CET"},
		{"Friday afternoon, 72 hours is three working days", base, ams(t, 2026, time.March, 13, 15, 30), 72 * time.Hour, "Wed 2026-03-18 15:30 CET"},
		{"Friday afternoon, 24 hours is the next working day", base, ams(t, 2026, time.March, 13, 15, 30), 24 * time.Hour, "Mon 2026-03-16 15:30 CET"},
		{"a started day counts: 25 hours is two working days", base, ams(t, 2026, time.March, 11, 9, 0), 25 * time.Hour, "Fri 2026-03-13 09:00 CET"},
		{"Saturday incident: Monday is day one", base, ams(t, 2026, time.March, 28, 10, 0), 48 * time.Hour, "Tue 2026-03-31 10:00 CEST"},
		{"Saturday before fall back keeps its clock time", base, ams(t, 2026, time.October, 24, 10, 0), 48 * time.Hour, "Tue 2026-10-27 10:00 CET"},
		{"first 02:30 on the night the clocks go back", base, utc(2026, time.October, 25, 0, 30), 48 * time.Hour, "Tue 2026-10-27 02:30 CET"},
		{"second 02:30 on the night the clocks go back", base, utc(2026, time.October, 25, 1, 30), 48 * time.Hour, "Tue 2026-10-27 02:30 CET"},

		// King's Day: 27 April, a Monday in 2026; Saturday 26 April in 2025 (27 was a Sunday).
		{"King's Day 2026 on a Monday is skipped", base, ams(t, 2026, time.April, 24, 11, 0), 48 * time.Hour, "Wed 2026-04-29 11:00 CEST"},
		{"King's Day 2025 moved to Saturday 26 April: Monday 28 counts", base, ams(t, 2025, time.April, 25, 11, 0), 48 * time.Hour, "Tue 2025-04-29 11:00 CEST"},
		{"King's Day 2029 on a Friday is skipped", base, ams(t, 2029, time.April, 26, 11, 0), 24 * time.Hour, "Mon 2029-04-30 11:00 CEST"},

		// Christmas 2026: Friday 25 and Saturday 26 December; New Year 2026 on a Thursday.
		{"Christmas Eve: Christmas Day and the weekend skipped", base, ams(t, 2026, time.December, 24, 14, 0), 48 * time.Hour, "Tue 2026-12-29 14:00 CET"},
		{"Christmas 2025: both Christmas days on Thursday and Friday", base, ams(t, 2025, time.December, 24, 14, 0), 48 * time.Hour, "Tue 2025-12-30 14:00 CET"},
		{"New Year's Eve 2025: New Year's Day skipped", base, ams(t, 2025, time.December, 31, 14, 0), 24 * time.Hour, "Fri 2026-01-02 14:00 CET"},

		// Easter 2026: Good Friday 3 April, Easter Monday 6 April.
		{"Easter: Good Friday a working day by default", base, ams(t, 2026, time.April, 2, 10, 0), 48 * time.Hour, "Tue 2026-04-07 10:00 CEST"},
		{"Easter: Good Friday a working day by default, 24h", base, ams(t, 2026, time.April, 2, 10, 0), 24 * time.Hour, "Fri 2026-04-03 10:00 CEST"},
		{"Easter: Good Friday off when the policy says so", withGoodFriday, ams(t, 2026, time.April, 2, 10, 0), 24 * time.Hour, "Tue 2026-04-07 10:00 CEST"},
		{"Easter: Good Friday off, 48h", withGoodFriday, ams(t, 2026, time.April, 2, 10, 0), 48 * time.Hour, "Wed 2026-04-08 10:00 CEST"},

		// Liberation Day: Tuesday 5 May 2026, Monday 5 May 2025.
		{"Liberation Day every year (default)", base, ams(t, 2026, time.May, 4, 10, 0), 24 * time.Hour, "Wed 2026-05-06 10:00 CEST"},
		{"Liberation Day only in lustrum years: 2026 works", lustrum, ams(t, 2026, time.May, 4, 10, 0), 24 * time.Hour, "Tue 2026-05-05 10:00 CEST"},
		{"Liberation Day only in lustrum years: 2025 is off", lustrum, ams(t, 2025, time.May, 2, 10, 0), 24 * time.Hour, "Tue 2025-05-06 10:00 CEST"},
		{"Liberation Day never", never, ams(t, 2025, time.May, 2, 10, 0), 24 * time.Hour, "Mon 2025-05-05 10:00 CEST"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustDeadline(t, tt.p, tt.anchor, tt.d)
			assert.Equal(t, tt.want, wall(got))
			assert.True(t, got.After(tt.anchor))
		})
	}
}

func TestHolidays(t *testing.T) {
	names := func(p followup.Policy, year int) map[string]string {
		m := map[string]string{}
		hs, err := p.Holidays(year)
		require.NoError(t, err)
		for _, h := range hs {
			m[h.Date.String()] = h.Name
		}
		return m
	}
	got := names(followup.Policy{}, 2026)
	assert.Equal(t, map[string]string{
		"2026-01-01": "Nieuwjaarsdag",
		"2026-04-06": "Tweede Paasdag",
		"2026-04-27": "Koningsdag",
		"2026-05-05": "Bevrijdingsdag",
		"2026-05-14": "Hemelvaartsdag",
		"2026-05-25": "Tweede Pinksterdag",
		"2026-12-25": "Eerste Kerstdag",
		"2026-12-26": "Tweede Kerstdag",
	}, got)
	assert.Equal(t, "Goede Vrijdag", names(followup.Policy{GoodFriday: true}, 2026)["2026-04-03"])
	assert.Equal(t, "Koningsdag", names(followup.Policy{}, 2025)["2025-04-26"], "27 April 2025 was a Sunday")
	assert.NotContains(t, names(followup.Policy{LiberationDay: followup.LiberationLustrum}, 2026), "2026-05-05")
	assert.Contains(t, names(followup.Policy{LiberationDay: followup.LiberationLustrum}, 2030), "2030-05-05")

	working := func(t *testing.T, d time.Time) bool {
		t.Helper()
		ok, err := followup.Policy{}.WorkingDay(d)
		require.NoError(t, err)
		return ok
	}
	assert.False(t, working(t, time.Date(2026, time.April, 27, 12, 0, 0, 0, time.UTC)), "King's Day")
	assert.False(t, working(t, time.Date(2026, time.March, 28, 12, 0, 0, 0, time.UTC)), "Saturday")
	assert.True(t, working(t, time.Date(2026, time.April, 3, 12, 0, 0, 0, time.UTC)), "Good Friday by default")
}

func TestPeriodsInCalendarDays(t *testing.T) {
	// The check at six weeks keeps the clock time across the change to
	// summer time: 42 calendar days, not 42 x 24 hours.
	inc := oneIncident(t)
	inc.OccurredAt = ams(t, 2026, time.March, 2, 10, 0)
	obs := mustPlan(t, inc, followup.Policy{})
	check := find(t, obs, followup.KindAftercareCheck, "E-001")
	assert.Equal(t, "Mon 2026-04-13 10:00 CEST", wall(check.Due))
	again := find(t, obs, followup.KindAftercareAgain, "E-001")
	assert.Equal(t, "Mon 2026-03-16 10:00 CET", wall(again.Due))

	// A period that lands in the spring gap moves forward by the gap; one
	// that lands on the repeated hour takes the first.
	inc.OccurredAt = utc(2026, time.March, 15, 1, 30) // 02:30 CET
	check = find(t, mustPlan(t, inc, followup.Policy{RepeatDays: 14}), followup.KindAftercareAgain, "E-001")
	assert.Equal(t, "Sun 2026-03-29 03:30 CEST", wall(check.Due))
	assert.Equal(t, utc(2026, time.March, 29, 1, 30), check.Due.UTC())

	inc.OccurredAt = utc(2026, time.October, 11, 0, 30) // 02:30 CEST
	check = find(t, mustPlan(t, inc, followup.Policy{}), followup.KindAftercareAgain, "E-001")
	assert.Equal(t, "Sun 2026-10-25 02:30 CEST", wall(check.Due))
	assert.Equal(t, utc(2026, time.October, 25, 0, 30), check.Due.UTC())

	// In working-day mode a period that ends on a day off moves to the
	// next working day: 14 days after Monday 13 April 2026 is Monday 27
	// April, King's Day.
	inc.OccurredAt = ams(t, 2026, time.April, 13, 9, 0)
	again = find(t, mustPlan(t, inc, followup.Policy{Counting: followup.CountWorkingDays}), followup.KindAftercareAgain, "E-001")
	assert.Equal(t, "Tue 2026-04-28 09:00 CEST", wall(again.Due))
}

func TestPolicyDefaults(t *testing.T) {
	p := followup.DefaultPolicy()
	assert.Equal(t, followup.AnchorOccurred, p.Anchor)
	assert.Equal(t, followup.CountElapsed, p.Counting)
	assert.Equal(t, 48*time.Hour, p.Reaction)
	assert.Equal(t, 72*time.Hour, p.FirstContact)
	assert.Equal(t, 120*time.Hour, p.ManagerTalk)
	assert.Equal(t, 14, p.RepeatDays)
	assert.Equal(t, 42, p.CheckDays)
	assert.Equal(t, followup.LiberationEveryYear, p.LiberationDay)
	assert.False(t, p.GoodFriday)

	// A 24-hour first contact and the reported anchor.
	inc := oneIncident(t)
	inc.ReportedAt = inc.OccurredAt.Add(5 * time.Hour)
	obs := mustPlan(t, inc, followup.Policy{FirstContact: 24 * time.Hour, Anchor: followup.AnchorReported})
	assert.Equal(t, inc.ReportedAt.Add(24*time.Hour), find(t, obs, followup.KindAftercare, "E-001").Due.UTC())
	assert.Equal(t, inc.ReportedAt.Add(48*time.Hour), find(t, obs, followup.KindReaction, followup.SubjectPerpetrator).Due.UTC())

	for _, c := range []struct {
		v    interface{ MarshalText() ([]byte, error) }
		want string
	}{{followup.AnchorReported, "reported"}, {followup.CountWorkingDays, "working_days"}, {followup.LiberationLustrum, "every_5_years"}} {
		b, err := c.v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, c.want, string(b))
	}
	var a followup.Anchor
	require.ErrorIs(t, a.UnmarshalText([]byte("tomorrow")), norm.ErrUnknownCode)
}
