package followup_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// act builds an action on INC-1, h hours after the incident of oneIncident.
func act(id string, k followup.Kind, subject string, h float64, o followup.Outcome) followup.Action {
	occurred := time.Date(2026, time.March, 10, 10, 0, 0, 0, followup.Amsterdam())
	return followup.Action{ID: id, IncidentID: "INC-1", Kind: k, Subject: subject,
		At: occurred.Add(time.Duration(h * float64(time.Hour))), Outcome: o}
}

func notPossible(a followup.Action, reason string) followup.Action {
	a.Outcome, a.Reason = followup.OutcomeNotPossible, reason
	return a
}

func stateOf(tb testing.TB, sts []followup.ObligationStatus, k followup.Kind, subject string) followup.ObligationStatus {
	tb.Helper()
	for _, s := range sts {
		if s.Kind == k && s.Subject == subject {
			return s
		}
	}
	require.Failf(tb, "status missing", "%s for %s", k, subject)
	return followup.ObligationStatus{}
}

func TestStatus(t *testing.T) {
	const P, E = followup.SubjectPerpetrator, "E-001"
	hours := func(h float64) time.Time {
		return time.Date(2026, time.March, 10, 10, 0, 0, 0, followup.Amsterdam()).Add(time.Duration(h * float64(time.Hour)))
	}
	tests := []struct {
		name    string
		actions []followup.Action
		at      time.Time
		kind    followup.Kind
		subject string
		want    followup.State
		reason  string // part of the English waived reason
	}{
		{"nothing done, before the deadline", nil, hours(47), followup.KindReaction, P, followup.StateOpen, ""},
		{"nothing done, exactly at the deadline", nil, hours(48), followup.KindReaction, P, followup.StateOpen, ""},
		{"nothing done, after the deadline", nil, hours(49), followup.KindReaction, P, followup.StateOverdue, ""},
		{"done within 48 hours", []followup.Action{act("a1", followup.KindReaction, P, 20, followup.OutcomeDone)}, hours(100), followup.KindReaction, P, followup.StateDoneOnTime, ""},
		{"done exactly at the deadline", []followup.Action{act("a1", followup.KindReaction, P, 48, followup.OutcomeDone)}, hours(100), followup.KindReaction, P, followup.StateDoneOnTime, ""},
		{"recorded late", []followup.Action{act("a1", followup.KindReaction, P, 50, followup.OutcomeDone)}, hours(100), followup.KindReaction, P, followup.StateDoneLate, ""},
		{"late action not yet happened at the moment asked", []followup.Action{act("a1", followup.KindReaction, P, 50, followup.OutcomeDone)}, hours(49), followup.KindReaction, P, followup.StateOverdue, ""},
		{"earliest of two actions counts", []followup.Action{act("a2", followup.KindReaction, P, 60, followup.OutcomeDone), act("a1", followup.KindReaction, P, 30, followup.OutcomeDone)}, hours(100), followup.KindReaction, P, followup.StateDoneOnTime, ""},
		{"not possible, with its reason", []followup.Action{notPossible(act("a1", followup.KindReaction, P, 30, ""), "client moved abroad")}, hours(100), followup.KindReaction, P, followup.StateWaived, "not possible: client moved abroad"},
		{"not possible then done: done counts", []followup.Action{notPossible(act("a1", followup.KindReaction, P, 10, ""), "no answer"), act("a2", followup.KindReaction, P, 70, followup.OutcomeDone)}, hours(100), followup.KindReaction, P, followup.StateDoneLate, ""},
		{"declined reaction does not count", []followup.Action{act("a1", followup.KindReaction, P, 10, followup.OutcomeDeclined)}, hours(100), followup.KindReaction, P, followup.StateOverdue, ""},
		{"action for another subject does not count", []followup.Action{act("a1", followup.KindAftercare, "E-002", 10, followup.OutcomeDone)}, hours(100), followup.KindAftercare, E, followup.StateOverdue, ""},
		{"action for another incident does not count", []followup.Action{func() followup.Action {
			a := act("a1", followup.KindAftercare, E, 10, followup.OutcomeDone)
			a.IncidentID = "INC-2"
			return a
		}()}, hours(100), followup.KindAftercare, E, followup.StateOverdue, ""},
		{"declined first contact counts as done", []followup.Action{act("a1", followup.KindAftercare, E, 24, followup.OutcomeDeclined)}, hours(100), followup.KindAftercare, E, followup.StateDoneOnTime, ""},
		{"repeat waits while the first contact is open", nil, hours(24 * 20), followup.KindAftercareAgain, E, followup.StateOpen, ""},
		{"repeat not needed when the first contact was accepted", []followup.Action{act("a1", followup.KindAftercare, E, 24, followup.OutcomeDone)}, hours(24 * 20), followup.KindAftercareAgain, E, followup.StateWaived, "not declined"},
		{"repeat not needed when the first contact was not possible", []followup.Action{notPossible(act("a1", followup.KindAftercare, E, 24, ""), "long-term sick")}, hours(24 * 20), followup.KindAftercareAgain, E, followup.StateWaived, "not possible"},
		{"declined, repeat not yet due", []followup.Action{act("a1", followup.KindAftercare, E, 24, followup.OutcomeDeclined)}, hours(24 * 10), followup.KindAftercareAgain, E, followup.StateOpen, ""},
		{"declined, repeat overdue", []followup.Action{act("a1", followup.KindAftercare, E, 24, followup.OutcomeDeclined)}, hours(24 * 15), followup.KindAftercareAgain, E, followup.StateOverdue, ""},
		{"declined, then offered again on time", []followup.Action{act("a1", followup.KindAftercare, E, 24, followup.OutcomeDeclined), act("a2", followup.KindAftercareAgain, E, 24*13, followup.OutcomeDone)}, hours(24 * 20), followup.KindAftercareAgain, E, followup.StateDoneOnTime, ""},
		{"declined, then offered again and declined again: still offered", []followup.Action{act("a1", followup.KindAftercare, E, 24, followup.OutcomeDeclined), act("a2", followup.KindAftercareAgain, E, 24*14, followup.OutcomeDeclined)}, hours(24 * 20), followup.KindAftercareAgain, E, followup.StateDoneOnTime, ""},
		{"check at six weeks done late", []followup.Action{act("a1", followup.KindAftercareCheck, E, 24*43, followup.OutcomeDone)}, hours(24 * 50), followup.KindAftercareCheck, E, followup.StateDoneLate, ""},
		{"manager talk declined by the person", []followup.Action{act("a1", followup.KindManagerTalk, E, 30, followup.OutcomeDeclined)}, hours(24 * 50), followup.KindManagerTalk, E, followup.StateDoneOnTime, ""},
	}
	obs := mustPlan(t, oneIncident(t), followup.Policy{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sts := mustStatus(t, obs, tt.actions, tt.at)
			require.Len(t, sts, len(obs))
			s := stateOf(t, sts, tt.kind, tt.subject)
			assert.Equal(t, tt.want, s.State)
			if tt.reason != "" {
				assert.Contains(t, s.WaivedReason.EN, tt.reason)
				assert.NotEmpty(t, s.WaivedReason.NL)
			} else {
				assert.Empty(t, s.WaivedReason.EN)
			}
			if s.State.Done() {
				assert.NotEmpty(t, s.ActionID)
				assert.False(t, s.DoneAt.IsZero())
			}
		})
	}
}

func TestStatusNotApplicable(t *testing.T) {
	inc := oneIncident(t)
	inc.Perpetrator = incident.Perpetrator{Role: incident.PerpetratorUnknown}
	obs := mustPlan(t, inc, followup.Policy{})
	sts := mustStatus(t, obs, nil, inc.OccurredAt.Add(1000*time.Hour))
	s := stateOf(t, sts, followup.KindReaction, followup.SubjectPerpetrator)
	assert.Equal(t, followup.StateWaived, s.State)
	assert.Equal(t, obs[0].Reason, s.WaivedReason)
	assert.Equal(t, followup.StateOverdue, stateOf(t, sts, followup.KindAftercare, "E-001").State)
}

func TestStatusDeclinedThenOfferedAgain(t *testing.T) {
	// The whole story of one person: first contact declined on day 1, the
	// offer repeated on day 14, the check at six weeks.
	inc := oneIncident(t)
	obs := mustPlan(t, inc, followup.Policy{})
	actions := []followup.Action{
		act("a1", followup.KindAftercare, "E-001", 26, followup.OutcomeDeclined),
		act("a2", followup.KindManagerTalk, "E-001", 50, followup.OutcomeDone),
	}
	day := func(d int) time.Time { return inc.OccurredAt.Add(time.Duration(d) * 24 * time.Hour) }
	assert.Equal(t, followup.StateOpen, stateOf(t, mustStatus(t, obs, actions, day(13)), followup.KindAftercareAgain, "E-001").State)
	assert.Equal(t, followup.StateOverdue, stateOf(t, mustStatus(t, obs, actions, day(15)), followup.KindAftercareAgain, "E-001").State)
	actions = append(actions, act("a3", followup.KindAftercareAgain, "E-001", 24*14, followup.OutcomeDone))
	sts := mustStatus(t, obs, actions, day(15))
	assert.Equal(t, followup.StateDoneOnTime, stateOf(t, sts, followup.KindAftercare, "E-001").State)
	assert.Equal(t, followup.OutcomeDeclined, stateOf(t, sts, followup.KindAftercare, "E-001").Outcome)
	assert.Equal(t, followup.StateDoneOnTime, stateOf(t, sts, followup.KindAftercareAgain, "E-001").State)
	assert.Equal(t, "a3", stateOf(t, sts, followup.KindAftercareAgain, "E-001").ActionID)
	assert.Equal(t, followup.StateOpen, stateOf(t, sts, followup.KindAftercareCheck, "E-001").State)
}

func TestStateText(t *testing.T) {
	for _, s := range followup.States() {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back followup.State
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	var s followup.State
	assert.ErrorIs(t, s.UnmarshalText([]byte("late")), norm.ErrUnknownCode)
	_, err := followup.State("late").MarshalText()
	assert.ErrorIs(t, err, norm.ErrUnknownCode)
}

// TestStatusRefusesUnknownCodes: an action with an outcome or kind that is
// not a code (a typo in a hand-built action) matched nothing, so the
// reaction it recorded showed as overdue without a word. Status and
// Summarize now refuse it, with its pointer.
func TestStatusRefusesUnknownCodes(t *testing.T) {
	inc := oneIncident(t)
	obs := mustPlan(t, inc, followup.Policy{})
	good := act("a1", followup.KindReaction, followup.SubjectPerpetrator, 2, followup.OutcomeDone)
	typo := good
	typo.Outcome = "finished"
	badKind := good
	badKind.Kind = "reactie"
	at := inc.OccurredAt.Add(100 * time.Hour)

	sts, err := followup.Status(obs, []followup.Action{good, typo, badKind}, at)
	assert.Nil(t, sts)
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	assert.ErrorIs(t, err, norm.ErrInvalid)
	assert.Equal(t, "followup.Status", ne.Op)
	require.Len(t, ne.Problems, 2)
	assert.Equal(t, "/actions/1/outcome", ne.Problems[0].Pointer)
	assert.Equal(t, "/actions/2/kind", ne.Problems[1].Pointer)
	for _, p := range ne.Problems {
		assert.Equal(t, norm.CodeEnum, p.Code)
		assert.True(t, p.Message.Complete(), "%+v", p.Message)
	}

	handObs := append([]followup.Obligation(nil), obs...)
	handObs[1].Kind = "aangifte"
	_, err = followup.Status(handObs, nil, at)
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, "/obligations/1/kind", ne.Problems[0].Pointer)

	recs := seq(followup.Record{Incident: inc, Actions: []followup.Action{good}}, followup.Record{Incident: inc, Actions: []followup.Action{good, typo}})
	s, err := followup.Summarize(recs, followup.Policy{}, at)
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, "followup.Summarize", ne.Op)
	assert.Equal(t, "/1/actions/1/outcome", ne.Problems[0].Pointer)
	assert.Equal(t, 0, s.Incidents, "no half summary on error")

	// The same action spelt right is done on time.
	assert.Equal(t, followup.StateDoneOnTime, stateOf(t, mustStatus(t, obs, []followup.Action{good}, at), followup.KindReaction, followup.SubjectPerpetrator).State)
}
