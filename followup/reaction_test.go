package followup_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// TestReactionByPoliceReportOrDamages: seed 002 says that after an incident
// a reaction must follow within 48 hours, for instance by reporting to the
// police or recovering the damage. A police report or a damages claim done
// within the reaction's deadline fulfils the reaction, and the status says
// which action did (issue 13, point 9).
func TestReactionByPoliceReportOrDamages(t *testing.T) {
	const P = followup.SubjectPerpetrator
	occurred := time.Date(2026, time.March, 10, 10, 0, 0, 0, followup.Amsterdam())
	inc := oneIncident(t)
	inc.Consequences.DamageCents = 12000
	obs := mustPlan(t, inc, followup.Policy{})
	decision := act("d1", followup.KindPoliceDecision, P, 5, followup.OutcomeDone)
	decision.Form = followup.FormReport
	tests := []struct {
		name    string
		actions []followup.Action
		want    followup.State
		action  string
		by      followup.Kind
		note    string // part of the English note
	}{
		{"police report within 48 hours", []followup.Action{act("r1", followup.KindPoliceReport, P, 30, followup.OutcomeDone)},
			followup.StateDoneOnTime, "r1", followup.KindPoliceReport, "police report"},
		{"damages claim exactly at the deadline", []followup.Action{act("c1", followup.KindDamages, P, 48, followup.OutcomeDone)},
			followup.StateDoneOnTime, "c1", followup.KindDamages, "damages claim"},
		{"the earlier of report and claim", []followup.Action{act("c1", followup.KindDamages, P, 40, followup.OutcomeDone), act("r1", followup.KindPoliceReport, P, 20, followup.OutcomeDone)},
			followup.StateDoneOnTime, "r1", followup.KindPoliceReport, "police report"},
		{"police report after 48 hours does not count", []followup.Action{act("r1", followup.KindPoliceReport, P, 50, followup.OutcomeDone)},
			followup.StateOverdue, "", "", ""},
		{"late reaction, but a report in time", []followup.Action{act("a1", followup.KindReaction, P, 60, followup.OutcomeDone), act("r1", followup.KindPoliceReport, P, 30, followup.OutcomeDone)},
			followup.StateDoneOnTime, "r1", followup.KindPoliceReport, "police report"},
		{"reaction not possible, report in time", []followup.Action{notPossible(act("a1", followup.KindReaction, P, 5, ""), "no address"), act("r1", followup.KindPoliceReport, P, 30, followup.OutcomeDone)},
			followup.StateDoneOnTime, "r1", followup.KindPoliceReport, "police report"},
		{"own reaction in time is the one named", []followup.Action{act("r1", followup.KindPoliceReport, P, 5, followup.OutcomeDone), act("a1", followup.KindReaction, P, 10, followup.OutcomeDone)},
			followup.StateDoneOnTime, "a1", "", ""},
		{"a report that was not possible does not count", []followup.Action{notPossible(act("r1", followup.KindPoliceReport, P, 5, ""), "police station closed")},
			followup.StateOverdue, "", "", ""},
		{"a decision to report is not a report", []followup.Action{decision},
			followup.StateOverdue, "", "", ""},
		{"a report for another incident does not count", []followup.Action{func() followup.Action {
			a := act("r1", followup.KindPoliceReport, P, 5, followup.OutcomeDone)
			a.IncidentID = "INC-2"
			return a
		}()}, followup.StateOverdue, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := occurred.Add(100 * time.Hour)
			st := stateOf(t, mustStatus(t, obs, tt.actions, at), followup.KindReaction, P)
			assert.Equal(t, tt.want, st.State)
			assert.Equal(t, tt.action, st.ActionID)
			assert.Equal(t, tt.by, st.FulfilledBy)
			if tt.note == "" {
				assert.Equal(t, norm.Text{}, st.Note)
			} else {
				assert.Contains(t, st.Note.EN, tt.note)
				assert.NotEmpty(t, st.Note.NL)
			}

			// Summarize counts the same: the reaction within 48 hours.
			sum, err := followup.Summarize(seq(followup.Record{Incident: inc, Actions: tt.actions}), followup.Policy{}, at)
			require.NoError(t, err)
			assert.Equal(t, 1, sum.Reactions48h.Den)
			assert.Equal(t, b2i(tt.want == followup.StateDoneOnTime), sum.Reactions48h.Num)
		})
	}

	// Before the report happened, the reaction is still open.
	early := []followup.Action{act("r1", followup.KindPoliceReport, P, 30, followup.OutcomeDone)}
	st := stateOf(t, mustStatus(t, obs, early, occurred.Add(20*time.Hour)), followup.KindReaction, P)
	assert.Equal(t, followup.StateOpen, st.State)
	assert.Empty(t, st.FulfilledBy)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
