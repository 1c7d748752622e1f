package norm

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
