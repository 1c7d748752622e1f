package followup

import (
	"time"

	"github.com/goedgesprek/goedgesprek/norm"
)

// State is where an obligation stands at a moment.
type State string

// The states.
const (
	StateOpen       State = "open"         // not done, not yet due
	StateDoneOnTime State = "done_on_time" // done at or before the due time
	StateDoneLate   State = "done_late"    // done after the due time
	StateOverdue    State = "overdue"      // not done and past the due time
	StateWaived     State = "waived"       // does not apply or was not possible, with the reason
)

var states = []State{StateOpen, StateDoneOnTime, StateDoneLate, StateOverdue, StateWaived}

// States lists the states.
func States() []State { return append([]State(nil), states...) }

// Done reports whether the obligation was fulfilled, on time or late.
func (s State) Done() bool { return s == StateDoneOnTime || s == StateDoneLate }

// MarshalText implements encoding.TextMarshaler.
func (s State) MarshalText() ([]byte, error) { return norm.MarshalCode("state", s, states) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *State) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("state", string(b), states)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ObligationStatus is an obligation with its state at a moment.
type ObligationStatus struct {
	Obligation
	State State `json:"state"`
	// ActionID is the action that decided the state (done or not
	// possible); empty otherwise.
	ActionID string `json:"action_id,omitempty"`
	// DoneAt is when that action happened.
	DoneAt time.Time `json:"done_at,omitzero"`
	// Outcome is that action's outcome.
	Outcome Outcome `json:"outcome,omitempty"`
	// WaivedReason says why a waived obligation does not count.
	WaivedReason norm.Text `json:"waived_reason,omitzero"`
}

var (
	reasonNotDeclined = norm.T(
		"het eerste nazorgcontact is niet afgewezen, dus een herhaald aanbod is niet nodig",
		"the first aftercare contact was not declined, so no repeated offer is needed",
	)
	reasonFirstNotPossible = norm.T(
		"het eerste nazorgcontact was niet mogelijk",
		"the first aftercare contact was not possible",
	)
)

// Declinable reports whether a person can decline an action of this kind:
// the aftercare kinds and the manager conversation. A declined action of
// any other kind does not count.
func (k Kind) Declinable() bool {
	switch k {
	case KindAftercare, KindAftercareAgain, KindAftercareCheck, KindManagerTalk:
		return true
	}
	return false
}

// Status gives every obligation its state at the moment at. Actions match
// an obligation by incident, kind and subject; actions after at are
// ignored, so that a status can be computed for any moment in the past.
//
//   - NotApplicable obligations are waived with their reason.
//   - An action with outcome done, or declined for a kind a person can
//     decline (see Kind.Declinable), fulfils the obligation: done_on_time
//     when it happened at or before the due time, done_late after it.
//     When several match, the earliest counts. A declined first contact
//     counts as done: the offer was made.
//   - Otherwise an action with outcome not_possible waives it, with the
//     action's reason.
//   - Otherwise it is overdue after the due time and open until then.
//   - The repeated offer (IfDeclined) applies only when the first contact
//     of the same subject was declined. Until the first contact is
//     decided it stays open; when the first contact was done and not
//     declined, or not possible, it is waived. An action for it counts
//     in any case.
//
// The result has the order of obligations. Status does not modify its
// arguments.
func Status(obligations []Obligation, actions []Action, at time.Time) []ObligationStatus {
	return status(make([]ObligationStatus, 0, len(obligations)), obligations, actions, at)
}

func status(dst []ObligationStatus, obligations []Obligation, actions []Action, at time.Time) []ObligationStatus {
	for i := range obligations {
		o := &obligations[i]
		s := ObligationStatus{Obligation: *o}
		switch {
		case o.NotApplicable:
			s.State, s.WaivedReason = StateWaived, o.Reason
		default:
			done, impossible := match(actions, o, at)
			switch {
			case done != nil:
				s.ActionID, s.DoneAt, s.Outcome = done.ID, done.At, done.Outcome
				s.State = StateDoneOnTime
				if done.At.After(o.Due) {
					s.State = StateDoneLate
				}
			case o.IfDeclined:
				s.State = StateOpen
				first, firstImpossible := match(actions, &Obligation{IncidentID: o.IncidentID, Kind: KindAftercare, Subject: o.Subject}, at)
				switch {
				case first != nil && first.Outcome == OutcomeDeclined:
					s.State = openOrOverdue(o, at)
				case first != nil:
					s.State, s.WaivedReason = StateWaived, reasonNotDeclined
				case firstImpossible != nil:
					s.State, s.WaivedReason = StateWaived, reasonFirstNotPossible
				}
				if s.State == StateOverdue || s.State == StateOpen {
					if impossible != nil {
						s.waive(impossible)
					}
				}
			case impossible != nil:
				s.waive(impossible)
			default:
				s.State = openOrOverdue(o, at)
			}
		}
		dst = append(dst, s)
	}
	return dst
}

func (s *ObligationStatus) waive(a *Action) {
	s.State = StateWaived
	s.ActionID, s.DoneAt, s.Outcome = a.ID, a.At, a.Outcome
	s.WaivedReason = norm.Textf("niet mogelijk: %s", "not possible: %s", a.Reason)
}

func openOrOverdue(o *Obligation, at time.Time) State {
	if at.After(o.Due) {
		return StateOverdue
	}
	return StateOpen
}

// match finds the earliest action (by At, then ID) at or before at that
// fulfils o, and the earliest that says it was not possible.
func match(actions []Action, o *Obligation, at time.Time) (done, impossible *Action) {
	for i := range actions {
		a := &actions[i]
		if a.Kind != o.Kind || a.Subject != o.Subject || a.IncidentID != o.IncidentID || a.At.After(at) {
			continue
		}
		switch a.Outcome {
		case OutcomeDone:
		case OutcomeDeclined:
			if !a.Kind.Declinable() {
				continue
			}
		case OutcomeNotPossible:
			if earlier(a, impossible) {
				impossible = a
			}
			continue
		default:
			continue
		}
		if earlier(a, done) {
			done = a
		}
	}
	return done, impossible
}

func earlier(a, b *Action) bool {
	if b == nil {
		return true
	}
	if c := a.At.Compare(b.At); c != 0 {
		return c < 0
	}
	return a.ID < b.ID
}
