package norm

import (
	"slices"
	"strings"
)

// ServiceTopic is one of the things a service norm must promise clients
// (checklist item GG09; 001, chapter 5).
type ServiceTopic string

// The topics of a service norm.
const (
	TopicTurnaround   ServiceTopic = "turnaround"   // doorlooptijden: how long a request takes
	TopicReachability ServiceTopic = "reachability" // bereikbaarheid: when each channel is open
	TopicTreatment    ServiceTopic = "treatment"    // bejegening: how staff treat clients
)

var serviceTopics = []ServiceTopic{TopicTurnaround, TopicReachability, TopicTreatment}

var serviceTopicLabels = map[ServiceTopic]Text{
	TopicTurnaround:   T("doorlooptijden", "turnaround times"),
	TopicReachability: T("bereikbaarheid", "reachability"),
	TopicTreatment:    T("bejegening", "treatment of clients"),
}

// ServiceTopics lists the topics in the order a service norm treats them.
func ServiceTopics() []ServiceTopic { return slices.Clone(serviceTopics) }

// ParseServiceTopic parses a service topic code.
func ParseServiceTopic(s string) (ServiceTopic, error) {
	return ParseCode("service topic", s, serviceTopics)
}

// Valid reports whether t is a known topic.
func (t ServiceTopic) Valid() bool { return slices.Contains(serviceTopics, t) }

// Label gives the topic's bilingual label (empty for an unknown topic).
func (t ServiceTopic) Label() Text { return serviceTopicLabels[t] }

func (t ServiceTopic) String() string { return string(t) }

// MarshalText implements encoding.TextMarshaler.
func (t ServiceTopic) MarshalText() ([]byte, error) {
	return MarshalCode("service topic", t, serviceTopics)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *ServiceTopic) UnmarshalText(b []byte) error {
	v, err := ParseServiceTopic(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// MaxTurnaroundDays bounds a promised turnaround time: longer than five
// years is a typing error, not a promise.
const MaxTurnaroundDays = 5 * 366

// Turnaround is the promised handling time of one kind of request.
type Turnaround struct {
	// Request names the kind of request in the organisation's own words,
	// e.g. T("aanvraag verblijfsvergunning", "residence permit application").
	Request Text `json:"request"`
	// Days is the promised time in days, 0 meaning the same day.
	Days int `json:"days"`
	// WorkingDays is set when Days counts working days, not calendar days.
	WorkingDays bool `json:"working_days,omitempty"`
}

// Reachability says when clients can reach the organisation through one
// channel, in free text such as T("ma-vr 9.00-17.00 uur", "Mon-Fri 9:00-17:00").
type Reachability struct {
	Channel Channel `json:"channel"`
	Hours   Text    `json:"hours"`
}

// ServiceNorm is what a client may expect of the organisation (GG09):
// turnaround times, reachability per channel and treatment, and where the
// norm is made known.
type ServiceNorm struct {
	Turnaround       []Turnaround     `json:"turnaround"`
	Reachability     []Reachability   `json:"reachability"`
	Treatment        []Text           `json:"treatment"`
	KnownToEmployees []EmployeeMedium `json:"known_to_employees"`
	KnownToClients   []ClientMedium   `json:"known_to_clients"`
}

// ServiceCheck is what CheckService finds: findings as data, not errors.
type ServiceCheck struct {
	MissingTopics    []ServiceTopic `json:"missing_topics"`
	KnownToEmployees bool           `json:"known_to_employees"`
	KnownToClients   bool           `json:"known_to_clients"`
}

// CoversTopics reports whether no topic is missing.
func (c ServiceCheck) CoversTopics() bool { return len(c.MissingTopics) == 0 }

// Complete reports whether every topic is covered and the norm is known to
// both employees and clients.
func (c ServiceCheck) Complete() bool {
	return c.CoversTopics() && c.KnownToEmployees && c.KnownToClients
}

func blank(t Text) bool { return strings.TrimSpace(t.NL) == "" && strings.TrimSpace(t.EN) == "" }

// CheckService reports which topics the service norm leaves out and
// whether it is known to employees and to clients. A topic counts only
// through a usable entry: a turnaround with a named request and 0 to
// MaxTurnaroundDays days, a known channel with hours, a non-blank
// treatment promise. Invalid entries are ignored here; [ServiceNorm.Validate]
// reports them.
func CheckService(s ServiceNorm) ServiceCheck {
	out := ServiceCheck{MissingTopics: []ServiceTopic{}}
	if !slices.ContainsFunc(s.Turnaround, func(t Turnaround) bool {
		return !blank(t.Request) && t.Days >= 0 && t.Days <= MaxTurnaroundDays
	}) {
		out.MissingTopics = append(out.MissingTopics, TopicTurnaround)
	}
	if !slices.ContainsFunc(s.Reachability, func(r Reachability) bool {
		return slices.Contains(channels, r.Channel) && !blank(r.Hours)
	}) {
		out.MissingTopics = append(out.MissingTopics, TopicReachability)
	}
	if !slices.ContainsFunc(s.Treatment, func(t Text) bool { return !blank(t) }) {
		out.MissingTopics = append(out.MissingTopics, TopicTreatment)
	}
	out.KnownToEmployees = slices.ContainsFunc(s.KnownToEmployees, EmployeeMedium.Valid)
	out.KnownToClients = slices.ContainsFunc(s.KnownToClients, ClientMedium.Valid)
	return out
}

// Validate reports everything wrong with the service norm as one *Error
// (nil when it is sound): negative or absurd day counts, turnarounds
// without a request, unknown or repeated channels, blank hours or promises,
// and unknown media. A missing topic is not an error: CheckService reports
// it as a finding.
func (s ServiceNorm) Validate() error {
	var ps []Problem
	for i, t := range s.Turnaround {
		if blank(t.Request) {
			ps = append(ps, requiredProblem(Pointer("turnaround", itoa(i), "request")))
		}
		if t.Days < 0 || t.Days > MaxTurnaroundDays {
			ps = append(ps, Problem{Pointer: Pointer("turnaround", itoa(i), "days"), Code: CodeRange,
				Message: Textf("%d dagen ligt niet tussen 0 en %d", "%d days is not between 0 and %d", t.Days, MaxTurnaroundDays)})
		}
	}
	seen := make(map[Channel]bool, len(s.Reachability))
	for i, r := range s.Reachability {
		ptr := Pointer("reachability", itoa(i), "channel")
		switch {
		case r.Channel == "":
			ps = append(ps, requiredProblem(ptr))
		case !slices.Contains(channels, r.Channel):
			ps = append(ps, enumProblem(ptr, "channel", string(r.Channel), channels))
		case seen[r.Channel]:
			ps = append(ps, Problem{Pointer: ptr, Code: CodeDuplicate,
				Message: Textf("kanaal %q staat er al in", "channel %q is already listed", string(r.Channel))})
		}
		seen[r.Channel] = true
		if blank(r.Hours) {
			ps = append(ps, requiredProblem(Pointer("reachability", itoa(i), "hours")))
		}
	}
	for i, t := range s.Treatment {
		if blank(t) {
			ps = append(ps, requiredProblem(Pointer("treatment", itoa(i))))
		}
	}
	for i, m := range s.KnownToEmployees {
		if !m.Valid() {
			ps = append(ps, enumProblem(Pointer("known_to_employees", itoa(i)), "employee medium", string(m), employeeMedia))
		}
	}
	for i, m := range s.KnownToClients {
		if !m.Valid() {
			ps = append(ps, enumProblem(Pointer("known_to_clients", itoa(i)), "client medium", string(m), clientMedia))
		}
	}
	return NewError("norm.ServiceNorm.Validate", ps)
}
