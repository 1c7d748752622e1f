package followup

import (
	"slices"
	"strconv"
	"time"

	"github.com/goedgesprek/goedgesprek/incident"
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
	// FulfilledBy is the kind of the deciding action when it is not the
	// obligation's own: a police report or a damages claim filed by the
	// reaction's due time fulfils the reaction (seed 002). Note says so in
	// words. Both are empty otherwise.
	FulfilledBy Kind      `json:"fulfilled_by,omitempty"`
	Note        norm.Text `json:"note,omitzero"`
}

// reactionStandIns are the kinds of action that, done by the reaction's due
// time, are the reaction to the perpetrator: after an incident a reaction
// must follow within 48 hours, for instance a police report or recovering
// the damage (seed 002), and each is a response aimed at the perpetrator.
// A recorded decision to report is not a report and does not count.
var reactionStandIns = map[Kind]norm.Text{
	KindPoliceReport: norm.T(
		"de reactie was de aangifte, gedaan binnen de reactietermijn",
		"the reaction was the police report, filed within the reaction deadline"),
	KindDamages: norm.T(
		"de reactie was de schadeclaim, ingediend binnen de reactietermijn",
		"the reaction was the damages claim, filed within the reaction deadline"),
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
//   - The reaction to the perpetrator is also done on time by a police
//     report or a damages claim (outcome done) for the same subject at or
//     before its due time, when no reaction action was done by then (seed
//     002: reporting to the police or recovering the damage is a reaction).
//     FulfilledBy and Note then say which action it was; a report or
//     claim after the due time does not count for the reaction.
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
// arguments. An obligation or action whose kind, or an action whose
// outcome, is not one of the codes could match nothing and would leave an
// obligation open without a word: Status refuses it instead, with a
// *norm.Error (Op "followup.Status", code norm.CodeEnum) pointing at
// "/obligations/i/kind", "/actions/i/kind" or "/actions/i/outcome".
func Status(obligations []Obligation, actions []Action, at time.Time) ([]ObligationStatus, error) {
	var ps norm.Problems
	for i := range obligations {
		if k := obligations[i].Kind; !slices.Contains(kinds, k) {
			ps.Add(norm.Problem{Pointer: "/obligations/" + strconv.Itoa(i) + "/kind", Code: norm.CodeEnum, Message: codeMessage("kind", string(k), kinds)})
		}
	}
	actionCodes(&ps, "/actions/", actions)
	if err := ps.Err("followup.Status"); err != nil {
		return nil, err
	}
	return status(make([]ObligationStatus, 0, len(obligations)), obligations, actions, at), nil
}

// actionCodes adds a problem for each action whose kind or outcome is not
// a known code, at prefix + its index.
func actionCodes(ps *norm.Problems, prefix string, actions []Action) {
	for i := range actions {
		a := &actions[i]
		if !slices.Contains(kinds, a.Kind) {
			ps.Add(norm.Problem{Pointer: prefix + strconv.Itoa(i) + "/kind", Code: norm.CodeEnum, Message: codeMessage("kind", string(a.Kind), kinds)})
		}
		if !slices.Contains(outcomes, a.Outcome) {
			ps.Add(norm.Problem{Pointer: prefix + strconv.Itoa(i) + "/outcome", Code: norm.CodeEnum, Message: codeMessage("outcome", string(a.Outcome), outcomes)})
		}
	}
}

func status(dst []ObligationStatus, obligations []Obligation, actions []Action, at time.Time) []ObligationStatus {
	for i := range obligations {
		o := &obligations[i]
		s := ObligationStatus{Obligation: *o}
		var by *Action
		s.State, by, s.WaivedReason = evaluate(o, actions, at)
		if by != nil {
			s.ActionID, s.DoneAt, s.Outcome = by.ID, by.At, by.Outcome
			if by.Outcome == OutcomeNotPossible {
				s.WaivedReason = norm.T("niet mogelijk: "+by.Reason, "not possible: "+by.Reason)
			}
			if by.Kind != o.Kind {
				s.FulfilledBy, s.Note = by.Kind, reactionStandIns[by.Kind]
			}
		}
		dst = append(dst, s)
	}
	return dst
}

// evaluate decides the state of one obligation (see Status): the action
// that decided it, if any, and the reason of a waiver that is not the
// action's own.
func evaluate(o *Obligation, actions []Action, at time.Time) (State, *Action, norm.Text) {
	if o.NotApplicable {
		return StateWaived, nil, o.Reason
	}
	done, impossible := match(actions, o.IncidentID, o.Kind, o.Subject, at)
	if o.Kind == KindReaction && (done == nil || done.At.After(o.Due)) {
		if by := standIn(actions, o, at); by != nil {
			return StateDoneOnTime, by, norm.Text{}
		}
	}
	switch {
	case done != nil:
		if done.At.After(o.Due) {
			return StateDoneLate, done, norm.Text{}
		}
		return StateDoneOnTime, done, norm.Text{}
	case o.IfDeclined:
		first, firstImpossible := match(actions, o.IncidentID, KindAftercare, o.Subject, at)
		switch {
		case first != nil && first.Outcome != OutcomeDeclined:
			return StateWaived, nil, reasonNotDeclined
		case first == nil && firstImpossible != nil:
			return StateWaived, nil, reasonFirstNotPossible
		case impossible != nil:
			return StateWaived, impossible, norm.Text{}
		case first == nil: // the first contact is not decided yet
			return StateOpen, nil, norm.Text{}
		}
		return openOrOverdue(o, at), nil, norm.Text{}
	case impossible != nil:
		return StateWaived, impossible, norm.Text{}
	}
	return openOrOverdue(o, at), nil, norm.Text{}
}

// standIn finds the earliest police report or damages claim done for the
// reaction o's incident and subject, at or before both its due time and at
// (see reactionStandIns).
func standIn(actions []Action, o *Obligation, at time.Time) *Action {
	var by *Action
	for i := range actions {
		a := &actions[i]
		if _, ok := reactionStandIns[a.Kind]; !ok || a.Outcome != OutcomeDone ||
			a.Subject != o.Subject || a.IncidentID != o.IncidentID || a.At.After(at) || a.At.After(o.Due) {
			continue
		}
		if earlier(a, by) {
			by = a
		}
	}
	return by
}

func openOrOverdue(o *Obligation, at time.Time) State {
	if at.After(o.Due) {
		return StateOverdue
	}
	return StateOpen
}

// match finds the earliest action (by At, then ID) at or before at that
// fulfils the obligation of kind k for subject in incident id, and the earliest that says it was not possible.
func match(actions []Action, id incident.ID, k Kind, subject string, at time.Time) (done, impossible *Action) {
	for i := range actions {
		a := &actions[i]
		if a.Kind != k || a.Subject != subject || a.IncidentID != id || a.At.After(at) {
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
