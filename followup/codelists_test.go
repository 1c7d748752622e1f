package followup_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
)

// Outcomes, which nothing in the module calls (issue 16, point 5: test it
// or remove it), stays for users who build a form: it lists every outcome
// an action accepts, each with a label, and hands out a copy.
func TestOutcomes(t *testing.T) {
	os := followup.Outcomes()
	require.Equal(t, []followup.Outcome{followup.OutcomeDone, followup.OutcomeDeclined, followup.OutcomeNotPossible}, os)
	for _, o := range os {
		b, err := o.MarshalText()
		require.NoError(t, err)
		var back followup.Outcome
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, o, back)
		assert.True(t, o.Label().Complete(), "%s has a label in both languages", o)
	}
	os[0] = "x"
	assert.Equal(t, followup.OutcomeDone, followup.Outcomes()[0])
}
