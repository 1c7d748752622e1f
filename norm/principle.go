package norm

import "slices"

// PrincipleID identifies a principle of Veilige Publieke Taak (VPT1..VPT8)
// or of Prettig contact met de overheid (PC1..PC10).
type PrincipleID string

// The principle IDs.
const (
	VPT1 PrincipleID = "VPT1"
	VPT2 PrincipleID = "VPT2"
	VPT3 PrincipleID = "VPT3"
	VPT4 PrincipleID = "VPT4"
	VPT5 PrincipleID = "VPT5"
	VPT6 PrincipleID = "VPT6"
	VPT7 PrincipleID = "VPT7"
	VPT8 PrincipleID = "VPT8"
	PC1  PrincipleID = "PC1"
	PC2  PrincipleID = "PC2"
	PC3  PrincipleID = "PC3"
	PC4  PrincipleID = "PC4"
	PC5  PrincipleID = "PC5"
	PC6  PrincipleID = "PC6"
	PC7  PrincipleID = "PC7"
	PC8  PrincipleID = "PC8"
	PC9  PrincipleID = "PC9"
	PC10 PrincipleID = "PC10"
)

// Programme is the government programme a principle belongs to.
type Programme string

// The two programmes.
const (
	ProgrammeVPT Programme = "vpt" // Veilige Publieke Taak: protects the employee
	ProgrammePC  Programme = "pc"  // Prettig contact met de overheid: serves the citizen
)

// Principle is one principle with its bilingual title and description.
type Principle struct {
	ID          PrincipleID `json:"id"`
	Programme   Programme   `json:"programme"`
	Title       Text        `json:"title"`
	Description Text        `json:"description"`
	Source      Source      `json:"source"`
}

var (
	srcVPT = Source{Seed: "001", Section: "2.2.1"}
	srcPC  = Source{Seed: "001", Section: "2.2.2"}
)

var principles = []Principle{
	{VPT1, ProgrammeVPT, T("Norm tegen agressie", "Norm against aggression"), T("", ""), srcVPT},
	{VPT2, ProgrammeVPT, T("Melden van incidenten", "Reporting incidents"), T("", ""), srcVPT},
	{VPT3, ProgrammeVPT, T("Registreren van incidenten", "Registering incidents"), T("", ""), srcVPT},
	{VPT4, ProgrammeVPT, T("Trainen van medewerkers", "Training employees"), T("", ""), srcVPT},
	{VPT5, ProgrammeVPT, T("Reactie op de dader binnen 48 uur", "Reaction to the perpetrator within 48 hours"), T("", ""), srcVPT},
	{VPT6, ProgrammeVPT, T("Aangifte doen", "Reporting to the police"), T("", ""), srcVPT},
	{VPT7, ProgrammeVPT, T("Schade verhalen", "Recovering damages"), T("", ""), srcVPT},
	{VPT8, ProgrammeVPT, T("Nazorg", "Aftercare"), T("", ""), srcVPT},
	{PC1, ProgrammePC, T("Beslistermijnen halen", "Meeting decision deadlines"), T("", ""), srcPC},
	{PC2, ProgrammePC, T("Hersteltermijn bij overschrijding", "A recovery term when a deadline is missed"), T("", ""), srcPC},
	{PC3, ProgrammePC, T("Complete aanvragen", "Complete applications"), T("", ""), srcPC},
	{PC4, ProgrammePC, T("Kennis en deskundigheid", "Knowledge and expertise"), T("", ""), srcPC},
	{PC5, ProgrammePC, T("Ervaring en begeleiding", "Experience and supervision"), T("", ""), srcPC},
	{PC6, ProgrammePC, T("Snelle reactie", "Response speed"), T("", ""), srcPC},
	{PC7, ProgrammePC, T("Actuele informatie", "Up-to-date information"), T("", ""), srcPC},
	{PC8, ProgrammePC, T("Klanttevredenheid", "Client satisfaction"), T("", ""), srcPC},
	{PC9, ProgrammePC, T("Zorgvuldige besluitvorming", "Sound decision-making"), T("", ""), srcPC},
	{PC10, ProgrammePC, T("Minder administratieve lasten", "Less administrative burden"), T("", ""), srcPC},
}

var principleIDs = func() []PrincipleID {
	out := make([]PrincipleID, len(principles))
	for i, p := range principles {
		out[i] = p.ID
	}
	return out
}()

// Principles returns VPT1..VPT8 then PC1..PC10.
func Principles() []Principle { return slices.Clone(principles) }

// PrincipleIDs returns every principle ID in catalogue order.
func PrincipleIDs() []PrincipleID { return slices.Clone(principleIDs) }

// LookupPrinciple finds a principle by ID.
func LookupPrinciple(id PrincipleID) (Principle, bool) {
	for _, p := range principles {
		if p.ID == id {
			return p, true
		}
	}
	return Principle{}, false
}

// ParsePrinciple parses a principle ID.
func ParsePrinciple(s string) (PrincipleID, error) { return ParseCode("principle", s, principleIDs) }

func (id PrincipleID) String() string { return string(id) }

// MarshalText implements encoding.TextMarshaler.
func (id PrincipleID) MarshalText() ([]byte, error) {
	return MarshalCode("principle", id, principleIDs)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (id *PrincipleID) UnmarshalText(b []byte) error {
	v, err := ParsePrinciple(string(b))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

var programmes = []Programme{ProgrammeVPT, ProgrammePC}

var programmeLabels = map[Programme]Text{
	ProgrammeVPT: T("Veilige Publieke Taak", "Safe Public Task"),
	ProgrammePC:  T("Prettig contact met de overheid", "Pleasant contact with the government"),
}

// Programmes lists the two programmes, VPT first.
func Programmes() []Programme { return slices.Clone(programmes) }

// ParseProgramme parses a programme code.
func ParseProgramme(s string) (Programme, error) { return ParseCode("programme", s, programmes) }

// Label gives the programme's name (empty for an unknown programme).
func (p Programme) Label() Text { return programmeLabels[p] }

func (p Programme) String() string { return string(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Programme) MarshalText() ([]byte, error) { return MarshalCode("programme", p, programmes) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Programme) UnmarshalText(b []byte) error {
	v, err := ParseProgramme(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
