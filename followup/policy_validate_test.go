package followup_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// TestPolicyValidate: an unknown anchor, counting mode or Liberation Day
// rule is refused with its pointer and a message in both languages, not
// replaced by the default (issue 13, point 11): a misspelt "working_day"
// used to count real hours without a word.
func TestPolicyValidate(t *testing.T) {
	assert.NoError(t, followup.Policy{}.Validate(), "the zero policy is the default")
	assert.NoError(t, followup.DefaultPolicy().Validate())
	assert.NoError(t, followup.Policy{Anchor: followup.AnchorReported, Counting: followup.CountWorkingDays, LiberationDay: followup.LiberationNever}.Validate())

	tests := []struct {
		name    string
		p       followup.Policy
		pointer string
		en      string
	}{
		{"anchor", followup.Policy{Anchor: "reportd"}, "/anchor", `unknown anchor "reportd"; allowed: occurred, reported`},
		{"counting", followup.Policy{Counting: "working_day"}, "/counting", `unknown counting mode "working_day"; allowed: elapsed, working_days`},
		{"liberation day", followup.Policy{LiberationDay: "lustrum"}, "/liberation_day", `unknown Liberation Day rule "lustrum"; allowed: every_year, every_5_years, never`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			require.Error(t, err)
			assert.True(t, errors.Is(err, norm.ErrInvalid))
			var ne *norm.Error
			require.True(t, errors.As(err, &ne))
			require.Len(t, ne.Problems, 1)
			pr := ne.Problems[0]
			assert.Equal(t, tt.pointer, pr.Pointer)
			assert.Equal(t, norm.CodeEnum, pr.Code)
			assert.Equal(t, tt.en, pr.Message.EN)
			assert.Contains(t, pr.Message.NL, "onbekende waarde")

			// Summarize refuses it instead of counting with the default.
			at := time.Date(2026, time.March, 31, 12, 0, 0, 0, followup.Amsterdam())
			_, err = followup.Summarize(seq(followup.Record{Incident: oneIncident(t)}), tt.p, at)
			assert.ErrorIs(t, err, norm.ErrInvalid)
		})
	}

	// Every problem at once.
	err := followup.Policy{Anchor: "x", Counting: "y", LiberationDay: "z"}.Validate()
	var ne *norm.Error
	require.True(t, errors.As(err, &ne))
	assert.Len(t, ne.Problems, 3)
}

// TestPlanAndDeadlineRefuseUnknownCodes: Plan, Deadline and the other
// methods that count with a policy (AnchorTime, WorkingDay, Holidays)
// refuse a policy with a code Validate refuses, with the same problems
// and their own operation, instead of counting by the default (issue 13
// leftover): a misspelt "working_day" used to give deadlines in real hours
// without a word, and a misspelt Liberation Day rule made 5 May a day off.
func TestPlanAndDeadlineRefuseUnknownCodes(t *testing.T) {
	inc := oneIncident(t)
	tests := []struct {
		name    string
		p       followup.Policy
		pointer string
		nl, en  string
	}{
		{"anchor", followup.Policy{Anchor: "reportd"}, "/anchor",
			`onbekende waarde "reportd" voor het beginpunt van de termijnen; toegestaan: occurred, reported`,
			`unknown anchor "reportd"; allowed: occurred, reported`},
		{"counting", followup.Policy{Counting: "working_day"}, "/counting",
			`onbekende waarde "working_day" voor de manier van tellen; toegestaan: elapsed, working_days`,
			`unknown counting mode "working_day"; allowed: elapsed, working_days`},
		{"liberation day", followup.Policy{Counting: followup.CountWorkingDays, LiberationDay: "lustrum"}, "/liberation_day",
			`onbekende waarde "lustrum" voor Bevrijdingsdag; toegestaan: every_year, every_5_years, never`,
			`unknown Liberation Day rule "lustrum"; allowed: every_year, every_5_years, never`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := func(t *testing.T, err error, op string) {
				t.Helper()
				require.Error(t, err)
				assert.ErrorIs(t, err, norm.ErrInvalid)
				var ne *norm.Error
				require.True(t, errors.As(err, &ne))
				assert.Equal(t, op, ne.Op)
				require.Len(t, ne.Problems, 1)
				assert.Equal(t, tt.pointer, ne.Problems[0].Pointer)
				assert.Equal(t, norm.CodeEnum, ne.Problems[0].Code)
				assert.Equal(t, tt.nl, ne.Problems[0].Message.NL)
				assert.Equal(t, tt.en, ne.Problems[0].Message.EN)
			}
			obs, err := followup.Plan(inc, tt.p)
			check(t, err, "followup.Plan")
			assert.Empty(t, obs, "no obligations counted by the default")

			due, err := tt.p.Deadline(inc.OccurredAt, 48*time.Hour)
			check(t, err, "followup.Deadline")
			assert.True(t, due.IsZero(), "no deadline counted by the default")

			anchor, err := tt.p.AnchorTime(inc)
			check(t, err, "followup.AnchorTime")
			assert.True(t, anchor.IsZero())

			liberation := time.Date(2026, time.May, 5, 12, 0, 0, 0, time.UTC)
			working, err := tt.p.WorkingDay(liberation)
			check(t, err, "followup.WorkingDay")
			assert.False(t, working)

			hs, err := tt.p.Holidays(2026)
			check(t, err, "followup.Holidays")
			assert.Empty(t, hs)
		})
	}

	// A valid policy, the zero one included, plans as before.
	for _, p := range []followup.Policy{{}, followup.DefaultPolicy(), {Anchor: followup.AnchorReported, Counting: followup.CountWorkingDays, LiberationDay: followup.LiberationNever}} {
		obs, err := followup.Plan(inc, p)
		require.NoError(t, err)
		assert.NotEmpty(t, obs)
		_, err = p.Deadline(inc.OccurredAt, 48*time.Hour)
		require.NoError(t, err)
		_, err = p.AnchorTime(inc)
		require.NoError(t, err)
		_, err = p.WorkingDay(inc.OccurredAt)
		require.NoError(t, err)
		_, err = p.Holidays(2026)
		require.NoError(t, err)
	}
}
