package followup

import (
	"time"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// Kind is the kind of an obligation, and of the action that fulfils it.
type Kind string

// The kinds of follow-up.
const (
	KindReaction       Kind = "reaction"        // reaction to the perpetrator within 48 hours (VPT5)
	KindPoliceReport   Kind = "police_report"   // aangifte (VPT6)
	KindPoliceDecision Kind = "police_decision" // a recorded decision whether to report verbal aggression (VPT6)
	KindDamages        Kind = "damage_recovery" // recover damages from the perpetrator (VPT7)
	KindAftercare      Kind = "aftercare"       // first aftercare contact (VPT8, GG13)
	KindAftercareAgain Kind = "aftercare_again" // offer repeated after two weeks when declined
	KindAftercareCheck Kind = "aftercare_check" // check at six weeks
	KindManagerTalk    Kind = "manager_talk"    // conversation with the manager
)

var kinds = []Kind{KindReaction, KindPoliceReport, KindPoliceDecision, KindDamages, KindAftercare, KindAftercareAgain, KindAftercareCheck, KindManagerTalk}

// Kinds lists the kinds.
func Kinds() []Kind { return append([]Kind(nil), kinds...) }

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return norm.MarshalCode("kind", k, kinds) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("kind", string(b), kinds)
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// Outcome is how an action ended.
type Outcome string

// The outcomes of an action.
const (
	OutcomeDone        Outcome = "done"
	OutcomeDeclined    Outcome = "declined"     // declined by the person (aftercare)
	OutcomeNotPossible Outcome = "not_possible" // not possible, with a reason
)

var outcomes = []Outcome{OutcomeDone, OutcomeDeclined, OutcomeNotPossible}

// Outcomes lists the outcomes.
func Outcomes() []Outcome { return append([]Outcome(nil), outcomes...) }

// MarshalText implements encoding.TextMarshaler.
func (o Outcome) MarshalText() ([]byte, error) { return norm.MarshalCode("outcome", o, outcomes) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *Outcome) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("outcome", string(b), outcomes)
	if err != nil {
		return err
	}
	*o = v
	return nil
}

// SubjectPerpetrator is the subject of obligations aimed at the perpetrator.
const SubjectPerpetrator = "perpetrator"

// Action is a follow-up action that was done: what, for whom, when, and how
// it ended. Subject is SubjectPerpetrator or the pseudonymous reference of an
// involved person.
type Action struct {
	ID         string      `json:"id"`
	IncidentID incident.ID `json:"incident_id"`
	Kind       Kind        `json:"kind"`
	Subject    string      `json:"subject"`
	At         time.Time   `json:"at"`
	Outcome    Outcome     `json:"outcome"`
	// Form says how a reaction was given: conversation, warning_letter, ban,
	// or for a police decision: report or no_report. Empty otherwise.
	Form   Form   `json:"form,omitempty"`
	Reason string `json:"reason,omitempty"` // required when Outcome is not_possible
}

// Share is a measured fraction: Num of Den. Den 0 means nothing to measure.
type Share struct {
	Num int `json:"num"`
	Den int `json:"den"`
}

// Known reports whether there was anything to measure.
func (s Share) Known() bool { return s.Den > 0 }

// Percent is the share as 0-100 (0 when unknown).
func (s Share) Percent() float64 {
	if s.Den == 0 {
		return 0
	}
	return 100 * float64(s.Num) / float64(s.Den)
}

// Summary is the measured follow-up compliance over a set of incidents. It is
// the measured data that checklist.Evaluate cross-checks against claims.
type Summary struct {
	Incidents       int   `json:"incidents"`
	Reactions48h    Share `json:"reactions_48h"`     // GG12-1, VPT5
	PoliceReports   Share `json:"police_reports"`    // VPT6
	AftercareOnTime Share `json:"aftercare_on_time"` // GG13-1, VPT8
	FollowUpContact Share `json:"follow_up_contact"` // GG13-3
	CauseAnalysis   Share `json:"cause_analysis"`    // GG05-3
	// Overdue lists the first OverdueLimit overdue obligations, in the
	// order the records came; OverdueCount counts all of them.
	Overdue      []Overdue `json:"overdue"`
	OverdueCount int       `json:"overdue_count"`
	At           time.Time `json:"at"` // the reference time of the status
	// Period is the period whose incidents were counted (SummarizeIn);
	// unset when every record given was counted (Summarize).
	Period Period `json:"period,omitzero"`
}

// Overdue is one obligation that is past its due time and not done.
type Overdue struct {
	IncidentID incident.ID `json:"incident_id"`
	Obligation string      `json:"obligation"`
	Kind       Kind        `json:"kind"`
	Subject    string      `json:"subject"`
	Due        time.Time   `json:"due"`
}
