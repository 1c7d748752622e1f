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

// principles is the catalogue. Titles and descriptions are the project's
// own wording of the lists in 001, 2.2.1 and 2.2.2.
var principles = []Principle{
	{VPT1, ProgrammeVPT, T("Norm tegen agressie", "Norm against aggression"),
		T("De organisatie legt vast welk gedrag van klanten zij niet accepteert, baseert die norm op de VPT-norm en draagt hem uit naar medewerkers en klanten.",
			"The organisation sets down which client behaviour it will not accept, bases that norm on the VPT norm and makes it known to employees and clients."), srcVPT},
	{VPT2, ProgrammeVPT, T("Melden van incidenten", "Reporting incidents"),
		T("Medewerkers worden aangemoedigd elk incident van agressie of geweld te melden, ook wanneer het bij het werk lijkt te horen.",
			"Employees are encouraged to report every incident of aggression or violence, even when it seems to come with the job."), srcVPT},
	{VPT3, ProgrammeVPT, T("Registreren van incidenten", "Registering incidents"),
		T("Meldingen worden op één plek vastgelegd, zodat de organisatie aard, omvang en oorzaken van agressie kan volgen en ervan kan leren.",
			"Reports are recorded in one place, so that the organisation can follow the nature, extent and causes of aggression and learn from them."), srcVPT},
	{VPT4, ProgrammeVPT, T("Trainen van medewerkers", "Training employees"),
		T("Medewerkers leren hoe zij agressie en geweld voorkomen en hoe zij ermee omgaan als het toch gebeurt.",
			"Employees learn how to prevent aggression and violence and how to deal with it when it happens all the same."), srcVPT},
	{VPT5, ProgrammeVPT, T("Reactie op de dader binnen 48 uur", "Reaction to the perpetrator within 48 hours"),
		T("Wie agressie of geweld gebruikt tegen een medewerker, hoort binnen 48 uur van de organisatie, mondeling of schriftelijk.",
			"Whoever uses aggression or violence against an employee hears from the organisation within 48 hours, orally or in writing."), srcVPT},
	{VPT6, ProgrammeVPT, T("Aangifte doen", "Reporting to the police"),
		T("De organisatie bevordert aangifte bij de politie: zij helpt de medewerker daarbij of doet zelf aangifte.",
			"The organisation promotes reports to the police: it helps the employee make one or makes one itself."), srcVPT},
	{VPT7, ProgrammeVPT, T("Schade verhalen", "Recovering damages"),
		T("Schade die door agressie of geweld ontstaat, wordt waar het kan op de dader verhaald.",
			"Damage caused by aggression or violence is claimed back from the perpetrator wherever possible."), srcVPT},
	{VPT8, ProgrammeVPT, T("Nazorg", "Aftercare"),
		T("Medewerkers die slachtoffer werden van agressie of geweld krijgen nazorg, meteen na het incident en ook in de tijd daarna.",
			"Employees who were victims of aggression or violence receive aftercare, straight after the incident and in the time that follows."), srcVPT},
	{PC1, ProgrammePC, T("Beslistermijnen halen", "Meeting decision deadlines"),
		T("Op een aanvraag wordt beslist binnen de termijn die de wet stelt of die de organisatie heeft beloofd.",
			"An application is decided within the time the law sets or the organisation has promised."), srcPC},
	{PC2, ProgrammePC, T("Hersteltermijn bij overschrijding", "A recovery term when a deadline is missed"),
		T("Gaat een termijn toch voorbij, dan hoort de klant dat en krijgt hij een nieuwe, korte termijn waarbinnen alsnog wordt beslist.",
			"When a deadline passes all the same, the client is told and given a new, short term within which the decision will follow."), srcPC},
	{PC3, ProgrammePC, T("Complete aanvragen", "Complete applications"),
		T("Verzoeken en aanvragen worden zo volledig mogelijk gemaakt voordat erop wordt beslist, bijvoorbeeld door een ontbrekend stuk telefonisch op te vragen.",
			"Requests and applications are made as complete as possible before they are decided, for instance by asking for a missing document by phone."), srcPC},
	{PC4, ProgrammePC, T("Kennis en deskundigheid", "Knowledge and expertise"),
		T("Medewerkers kennen hun vak inhoudelijk, zodat zij de klant in één keer goed kunnen helpen.",
			"Employees know their subject, so that they can help the client well at the first attempt."), srcPC},
	{PC5, ProgrammePC, T("Ervaring en begeleiding", "Experience and supervision"),
		T("Er is aandacht voor hoe de klant het contact ervaart, en leidinggevenden begeleiden en bewaken de kwaliteit van dat contact.",
			"Attention is paid to how the client experiences the contact, and managers guide and watch over the quality of that contact."), srcPC},
	{PC6, ProgrammePC, T("Snelle reactie", "Response speed"),
		T("Vragen, brieven en berichten van klanten krijgen vlot een antwoord.",
			"Questions, letters and messages from clients get a prompt answer."), srcPC},
	{PC7, ProgrammePC, T("Actuele informatie", "Up-to-date information"),
		T("Wat de klant te horen en te lezen krijgt over zijn zaak en over de procedure, klopt en is bij de tijd.",
			"What the client hears and reads about their case and the procedure is correct and current."), srcPC},
	{PC8, ProgrammePC, T("Klanttevredenheid", "Client satisfaction"),
		T("De organisatie meet hoe tevreden klanten zijn en verbetert haar dienstverlening op grond van de uitkomsten.",
			"The organisation measures how satisfied clients are and improves its service on the strength of the results."), srcPC},
	{PC9, ProgrammePC, T("Zorgvuldige besluitvorming", "Sound decision-making"),
		T("Besluiten zijn zorgvuldig voorbereid en begrijpelijk onderbouwd, zodat de klant ze kan volgen en bezwaar minder vaak nodig is.",
			"Decisions are carefully prepared and clearly reasoned, so that the client can follow them and an objection is needed less often."), srcPC},
	{PC10, ProgrammePC, T("Minder administratieve lasten", "Less administrative burden"),
		T("Klanten hoeven niet meer formulieren in te vullen, stukken aan te leveren of stappen te zetten dan nodig is.",
			"Clients need not fill in more forms, supply more documents or take more steps than necessary."), srcPC},
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
