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
