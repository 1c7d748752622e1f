package incident

import (
	"time"

	"github.com/goedgesprek/goedgesprek/norm"
)

// ID identifies an incident. Callers may supply one; the store can generate
// one when it is empty.
type ID string

// Incident is one registered incident of aggression or violence against an
// employee. People appear only as pseudonymous references. Categories and
// severity are derived from the behaviours (see Classification), never typed
// in.
type Incident struct {
	ID ID `json:"id"`

	OccurredAt time.Time `json:"occurred_at"`          // when it happened
	ReportedAt time.Time `json:"reported_at"`          // when an employee reported it
	RecordedAt time.Time `json:"recorded_at,omitzero"` // when it entered the register

	Site    string       `json:"site"`    // site code or name of the location, not an address of a person
	Channel norm.Channel `json:"channel"` // where client and employee met

	Behaviours Behaviours `json:"behaviours"` // catalogue codes and codes of the organisation's norm
	Phase      norm.Phase `json:"phase"`      // the traffic-light phase it reached

	// Norm is the organisation's own norm the incident was registered
	// under, with the category it gives to each of its own behaviours the
	// incident names (nil: the catalogue only). See UnderNorm.
	Norm *NormRef `json:"norm,omitempty"`

	Perpetrator Perpetrator `json:"perpetrator"`
	Involved    []Person    `json:"involved"`

	Consequences Consequences `json:"consequences"`
	Analysis     *Analysis    `json:"analysis,omitempty"`

	// Description is free text and personal data: it stays out of logs and
	// exports unless the caller asks for it.
	Description string `json:"description,omitempty"`

	// Version is managed by the store for optimistic concurrency: 0 before
	// the first write, then 1, 2, ...
	Version int `json:"version,omitempty"`
}

// Classification derives the categories and severity from the behaviours:
// catalogue codes by the catalogue, the organisation's own codes by the
// category their norm gave them when the incident was registered (Norm).
func (i *Incident) Classification() norm.Classification {
	if i.Norm == nil || len(i.Norm.Behaviours) == 0 {
		return norm.Classify(i.Behaviours)
	}
	return norm.ClassifyWith(i.Behaviours, i.Norm.category)
}

// PerpetratorRole says who the perpetrator is to the organisation.
type PerpetratorRole string

// The perpetrator roles (001, 4.3.1 names clients, their representatives and
// family members).
const (
	PerpetratorClient         PerpetratorRole = "client"
	PerpetratorRepresentative PerpetratorRole = "representative"
	PerpetratorFamily         PerpetratorRole = "family_member"
	PerpetratorOther          PerpetratorRole = "other"
	PerpetratorUnknown        PerpetratorRole = "unknown"
)

var perpetratorRoles = []PerpetratorRole{PerpetratorClient, PerpetratorRepresentative, PerpetratorFamily, PerpetratorOther, PerpetratorUnknown}

// PerpetratorRoles lists the roles.
func PerpetratorRoles() []PerpetratorRole { return append([]PerpetratorRole(nil), perpetratorRoles...) }

// MarshalText implements encoding.TextMarshaler.
func (r PerpetratorRole) MarshalText() ([]byte, error) {
	return norm.MarshalCode("perpetrator_role", r, perpetratorRoles)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *PerpetratorRole) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("perpetrator_role", string(b), perpetratorRoles)
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Perpetrator is who did it: a pseudonymous reference and a role. An unknown
// perpetrator has role "unknown" and no reference.
type Perpetrator struct {
	Ref  string          `json:"ref,omitempty"`
	Role PerpetratorRole `json:"role"`
}

// Known reports whether the perpetrator can be reached for a reaction.
func (p Perpetrator) Known() bool { return p.Role != PerpetratorUnknown && p.Ref != "" }

// PersonRole is the part an employee played in the incident.
type PersonRole string

// The roles of involved people.
const (
	RoleTarget  PersonRole = "target"
	RoleWitness PersonRole = "witness"
	RoleManager PersonRole = "manager"
)

var personRoles = []PersonRole{RoleTarget, RoleWitness, RoleManager}

// PersonRoles lists the roles.
func PersonRoles() []PersonRole { return append([]PersonRole(nil), personRoles...) }

// MarshalText implements encoding.TextMarshaler.
func (r PersonRole) MarshalText() ([]byte, error) {
	return norm.MarshalCode("person_role", r, personRoles)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *PersonRole) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("person_role", string(b), personRoles)
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Person is an involved employee, by pseudonymous reference.
type Person struct {
	Ref  string     `json:"ref"`
	Role PersonRole `json:"role"`
}

// Consequences are what the incident cost.
type Consequences struct {
	Injury       bool  `json:"injury"`
	AbsenceDays  int   `json:"absence_days"`  // working days of absence, >= 0
	DamageCents  int64 `json:"damage_cents"`  // damage to property in euro cents, >= 0
	PoliceCalled bool  `json:"police_called"` // police called to the scene
}

// Cause is a coded cause from the cause analysis.
type Cause string

// The coded causes. They include causes in the organisation itself, because
// item GG05 asks what the organisation can learn (a procedure that is not
// service-minded may provoke frustration).
const (
	CauseDecision      Cause = "decision"      // the content of a decision
	CauseWaitingTime   Cause = "waiting_time"  // waiting or turnaround time
	CauseProcedure     Cause = "procedure"     // an unclear or bureaucratic procedure
	CauseCommunication Cause = "communication" // how a message was delivered
	CauseReachability  Cause = "reachability"  // the organisation was hard to reach
	CausePersonal      Cause = "personal"      // the client's personal circumstances
	CauseSubstance     Cause = "substance"     // alcohol or drugs
	CauseOther         Cause = "other"
)

var causes = []Cause{CauseDecision, CauseWaitingTime, CauseProcedure, CauseCommunication, CauseReachability, CausePersonal, CauseSubstance, CauseOther}

// Causes lists the cause codes.
func Causes() []Cause { return append([]Cause(nil), causes...) }

// Organisational reports whether the cause lies in the organisation's own
// way of working, so that a lesson is expected.
func (c Cause) Organisational() bool {
	switch c {
	case CauseWaitingTime, CauseProcedure, CauseCommunication, CauseReachability:
		return true
	}
	return false
}

// MarshalText implements encoding.TextMarshaler.
func (c Cause) MarshalText() ([]byte, error) { return norm.MarshalCode("cause", c, causes) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Cause) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("cause", string(b), causes)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Analysis is the cause analysis of an incident and the lessons for the
// organisation's own procedures (GG05).
type Analysis struct {
	Causes  []Cause `json:"causes"`
	Text    string  `json:"text,omitempty"`    // free text: personal data
	Lessons string  `json:"lessons,omitempty"` // free text
}
