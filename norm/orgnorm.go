package norm

import (
	"slices"
	"strings"
)

// EmployeeMedium is where a norm or service norm is made known to employees.
type EmployeeMedium string

// The media that reach employees.
const (
	EmployeeInstruction EmployeeMedium = "instruction"  // werkinstructie
	EmployeeIntranet    EmployeeMedium = "intranet"     // intranet
	EmployeeTeamMeeting EmployeeMedium = "team_meeting" // werkoverleg
	EmployeeTraining    EmployeeMedium = "training"     // training
	EmployeeHandbook    EmployeeMedium = "handbook"     // personeelshandboek
)

var employeeMedia = []EmployeeMedium{EmployeeInstruction, EmployeeIntranet, EmployeeTeamMeeting, EmployeeTraining, EmployeeHandbook}

var employeeMediumLabels = map[EmployeeMedium]Text{
	EmployeeInstruction: T("werkinstructie", "work instruction"),
	EmployeeIntranet:    T("intranet", "intranet"),
	EmployeeTeamMeeting: T("werkoverleg", "team meeting"),
	EmployeeTraining:    T("training", "training"),
	EmployeeHandbook:    T("personeelshandboek", "staff handbook"),
}

// EmployeeMedia lists every employee medium.
func EmployeeMedia() []EmployeeMedium { return slices.Clone(employeeMedia) }

// ParseEmployeeMedium parses an employee medium code.
func ParseEmployeeMedium(s string) (EmployeeMedium, error) {
	return ParseCode("employee medium", s, employeeMedia)
}

// Valid reports whether m is a known employee medium.
func (m EmployeeMedium) Valid() bool { return slices.Contains(employeeMedia, m) }

// Label gives the medium's bilingual label (empty for an unknown medium).
func (m EmployeeMedium) Label() Text { return employeeMediumLabels[m] }

func (m EmployeeMedium) String() string { return string(m) }

// MarshalText implements encoding.TextMarshaler.
func (m EmployeeMedium) MarshalText() ([]byte, error) {
	return MarshalCode("employee medium", m, employeeMedia)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *EmployeeMedium) UnmarshalText(b []byte) error {
	v, err := ParseEmployeeMedium(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// ClientMedium is where a norm or service norm is made known to clients.
type ClientMedium string

// The media that reach clients.
const (
	ClientHouseRules ClientMedium = "house_rules_desk" // huisregels bij de balie
	ClientWebsite    ClientMedium = "website"          // website
	ClientLetters    ClientMedium = "letters"          // brieven
	ClientPhoneMenu  ClientMedium = "phone_menu"       // keuzemenu telefoon
	ClientSignage    ClientMedium = "signage"          // borden en posters
)

var clientMedia = []ClientMedium{ClientHouseRules, ClientWebsite, ClientLetters, ClientPhoneMenu, ClientSignage}

var clientMediumLabels = map[ClientMedium]Text{
	ClientHouseRules: T("huisregels bij de balie", "house rules at the desk"),
	ClientWebsite:    T("website", "website"),
	ClientLetters:    T("brieven", "letters"),
	ClientPhoneMenu:  T("keuzemenu van de telefoon", "phone menu"),
	ClientSignage:    T("borden en posters", "signs and posters"),
}

// ClientMedia lists every client medium.
func ClientMedia() []ClientMedium { return slices.Clone(clientMedia) }

// ParseClientMedium parses a client medium code.
func ParseClientMedium(s string) (ClientMedium, error) {
	return ParseCode("client medium", s, clientMedia)
}

// Valid reports whether m is a known client medium.
func (m ClientMedium) Valid() bool { return slices.Contains(clientMedia, m) }

// Label gives the medium's bilingual label (empty for an unknown medium).
func (m ClientMedium) Label() Text { return clientMediumLabels[m] }

func (m ClientMedium) String() string { return string(m) }

// MarshalText implements encoding.TextMarshaler.
func (m ClientMedium) MarshalText() ([]byte, error) {
	return MarshalCode("client medium", m, clientMedia)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *ClientMedium) UnmarshalText(b []byte) error {
	v, err := ParseClientMedium(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// ExtraBehaviour is a behaviour an organisation adds to its own norm on top
// of the catalogue.
type ExtraBehaviour struct {
	Code     string   `json:"code"`
	Category Category `json:"category"`
	Label    Text     `json:"label"`
}

// OrgNorm is an organisation's own norm of unacceptable behaviour.
type OrgNorm struct {
	Behaviours       []BehaviourCode  `json:"behaviours"`
	Extra            []ExtraBehaviour `json:"extra,omitempty"`
	KnownToEmployees []EmployeeMedium `json:"known_to_employees"`
	KnownToClients   []ClientMedium   `json:"known_to_clients"`
	// Sanctions are the house rules' steps of escalation (see Sanction).
	Sanctions []Sanction `json:"sanctions,omitempty"`
}

// NormCheck is what CheckNorm finds: findings as data, not errors.
type NormCheck struct {
	MissingBehaviours []BehaviourCode `json:"missing_behaviours"`
	MissingCategories []Category      `json:"missing_categories"`
	KnownToEmployees  bool            `json:"known_to_employees"`
	KnownToClients    bool            `json:"known_to_clients"`
}

// CoversBaseline reports whether no baseline behaviour is missing.
func (c NormCheck) CoversBaseline() bool { return len(c.MissingBehaviours) == 0 }

// Complete reports whether the norm covers the baseline and is known to both
// employees and clients.
func (c NormCheck) Complete() bool {
	return c.CoversBaseline() && c.KnownToEmployees && c.KnownToClients
}

// baseline is the VPT baseline: the catalogue behaviours that the seeds
// name as unacceptable, in the VPT norm's examples (001, 2.2.1: abuse,
// spitting, hitting, threatening) and the pilot's survey groups (001,
// 4.2.1); chapter 5, item 11 names nothing beyond them. It is every
// behaviour that is not an Addition: unwanted touching, throwing objects
// and damaging property are the project's own additions and therefore not
// required.
var baseline = func() []BehaviourCode {
	var out []BehaviourCode
	for _, b := range behaviours {
		if !b.Addition {
			out = append(out, b.Code)
		}
	}
	return out
}()

// baselineCategory marks, by Category.Rank, the categories the baseline
// covers: those the seeds name.
var baselineCategory = func() (out [7]bool) {
	for _, b := range baseline {
		out[b.Category().Rank()] = true
	}
	return out
}()

// Baseline returns the behaviours every organisation's norm must name at
// least, in catalogue order. It covers every category the seeds name;
// property, which only the project's addition damaging property fills, is
// not among them.
func Baseline() []BehaviourCode { return slices.Clone(baseline) }

// InBaseline reports whether code is part of the VPT baseline.
func InBaseline(code BehaviourCode) bool { return slices.Contains(baseline, code) }

// BaselineCoverage counts how many distinct baseline behaviours codes name,
// out of the baseline's total. Unknown and repeated codes do not count.
func BaselineCoverage(codes []BehaviourCode) (covered, total int) {
	for _, b := range baseline {
		if slices.Contains(codes, b) {
			covered++
		}
	}
	return covered, len(baseline)
}

// CheckNorm compares an organisation's norm with the VPT baseline. It
// reports the baseline behaviours the norm lacks (in catalogue order), the
// categories of the baseline it does not touch at all (in severity order;
// an extra behaviour of a category counts for that category; property,
// which no seed names, is never missing), and whether the norm
// is known to employees and to clients through at least one known medium.
// Unknown codes are ignored here; [OrgNorm.Validate] reports them.
func CheckNorm(n OrgNorm) NormCheck {
	out := NormCheck{MissingBehaviours: []BehaviourCode{}, MissingCategories: []Category{}}
	for _, b := range baseline {
		if !slices.Contains(n.Behaviours, b) {
			out.MissingBehaviours = append(out.MissingBehaviours, b)
		}
	}
	var has [7]bool // indexed by Category.Rank
	for _, c := range n.Behaviours {
		has[c.Category().Rank()] = true
	}
	for _, x := range n.Extra {
		has[x.Category.Rank()] = true
	}
	for i, c := range categories {
		if !has[i+1] && baselineCategory[i+1] {
			out.MissingCategories = append(out.MissingCategories, c)
		}
	}
	out.KnownToEmployees = slices.ContainsFunc(n.KnownToEmployees, EmployeeMedium.Valid)
	out.KnownToClients = slices.ContainsFunc(n.KnownToClients, ClientMedium.Valid)
	return out
}

// Validate reports everything wrong with the norm as one *Error (nil when
// it is sound): unknown or repeated catalogue codes, extra behaviours
// without a code, category or label, extra codes that repeat each other or
// a catalogue code (use the catalogue code instead) or that do not have
// the form of [OrgCodePattern] (at most [MaxOrgCodeLen] bytes), which an
// incident register would refuse, unknown media, and
// sanctions whose steps are out of order or whose measures are unknown,
// repeated or missing. Pointers follow the JSON field names.
func (n OrgNorm) Validate() error {
	var ps []Problem
	seen := make(map[BehaviourCode]bool, len(n.Behaviours))
	for i, c := range n.Behaviours {
		ptr := Pointer("behaviours", itoa(i))
		switch {
		case !slices.Contains(behaviourCodes, c):
			ps = append(ps, enumProblem(ptr, "behaviour", string(c), behaviourCodes))
		case seen[c]:
			ps = append(ps, Problem{Pointer: ptr, Code: CodeDuplicate,
				Message: Textf("gedrag %q staat er al in", "behaviour %q is already listed", string(c))})
		}
		seen[c] = true
	}
	extra := make(map[string]bool, len(n.Extra))
	for i, x := range n.Extra {
		switch {
		case strings.TrimSpace(x.Code) == "":
			ps = append(ps, requiredProblem(Pointer("extra", itoa(i), "code")))
		case slices.Contains(behaviourCodes, BehaviourCode(x.Code)):
			ps = append(ps, Problem{Pointer: Pointer("extra", itoa(i), "code"), Code: CodeDuplicate,
				Message: Textf("%q staat al in de catalogus; noem het onder behaviours", "%q is a catalogue code; list it under behaviours", x.Code)})
		case !ValidOrgCode(x.Code):
			// An incident register takes only codes of this form; a norm
			// that holds another would fail first when an incident uses it.
			ps = append(ps, Problem{Pointer: Pointer("extra", itoa(i), "code"), Code: CodeFormat, Message: Textf(
				"een eigen gedragscode bestaat uit kleine letters, cijfers en _, begint met een letter en telt ten hoogste %d tekens",
				"an own behaviour code is lowercase letters, digits and _, starts with a letter and has at most %d characters", MaxOrgCodeLen)})
		case extra[x.Code]:
			ps = append(ps, Problem{Pointer: Pointer("extra", itoa(i), "code"), Code: CodeDuplicate,
				Message: Textf("eigen gedrag %q staat er al in", "extra behaviour %q is already listed", x.Code)})
		}
		extra[x.Code] = true
		switch {
		case x.Category == "":
			ps = append(ps, requiredProblem(Pointer("extra", itoa(i), "category")))
		case !x.Category.Valid():
			ps = append(ps, enumProblem(Pointer("extra", itoa(i), "category"), "category", string(x.Category), categories))
		}
		if blank(x.Label) {
			ps = append(ps, requiredProblem(Pointer("extra", itoa(i), "label")))
		}
	}
	for i, m := range n.KnownToEmployees {
		if !m.Valid() {
			ps = append(ps, enumProblem(Pointer("known_to_employees", itoa(i)), "employee medium", string(m), employeeMedia))
		}
	}
	for i, m := range n.KnownToClients {
		if !m.Valid() {
			ps = append(ps, enumProblem(Pointer("known_to_clients", itoa(i)), "client medium", string(m), clientMedia))
		}
	}
	ps = append(ps, validateSanctions(n.Sanctions)...)
	return NewError("norm.OrgNorm.Validate", ps)
}
