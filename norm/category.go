package norm

// Category is a kind of aggression, as incident registers count it.
type Category string

// The categories, in order of increasing severity (see Severity).
const (
	Verbal         Category = "verbal"
	Discrimination Category = "discrimination"
	Sexual         Category = "sexual"
	Property       Category = "property"
	Threat         Category = "threat"
	Physical       Category = "physical"
)

var categories = []Category{Verbal, Discrimination, Sexual, Property, Threat, Physical}

// Categories lists every category from least to most severe.
func Categories() []Category { return append([]Category(nil), categories...) }

// ParseCategory parses a category code.
func ParseCategory(s string) (Category, error) { return ParseCode("category", s, categories) }

// Rank is the category's place in the severity order, 1 (verbal) to 6
// (physical); 0 for an unknown category.
func (c Category) Rank() int {
	for i, x := range categories {
		if x == c {
			return i + 1
		}
	}
	return 0
}

// Valid reports whether c is a known category.
func (c Category) Valid() bool { return c.Rank() > 0 }

func (c Category) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler.
func (c Category) MarshalText() ([]byte, error) { return MarshalCode("category", c, categories) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Category) UnmarshalText(b []byte) error {
	v, err := ParseCategory(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Severity is the weight of an incident as a whole.
type Severity string

// The severity levels of an incident.
const (
	SeverityLow    Severity = "low"    // verbal aggression only
	SeverityMedium Severity = "medium" // discrimination, sexual intimidation or damage to property
	SeverityHigh   Severity = "high"   // a threat against a person or physical violence
)

var severities = []Severity{SeverityLow, SeverityMedium, SeverityHigh}

// Severities lists the levels from low to high.
func Severities() []Severity { return append([]Severity(nil), severities...) }

// ParseSeverity parses a severity code.
func ParseSeverity(s string) (Severity, error) { return ParseCode("severity", s, severities) }

func (s Severity) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return MarshalCode("severity", s, severities) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// SeverityOf gives the severity level that a category on its own carries.
func SeverityOf(c Category) Severity {
	switch c {
	case Threat, Physical:
		return SeverityHigh
	case Discrimination, Sexual, Property:
		return SeverityMedium
	case Verbal:
		return SeverityLow
	}
	return ""
}

// CategoryInfo describes one category: its name, what it covers, the
// severity it carries on its own and where it comes from.
type CategoryInfo struct {
	Category    Category `json:"category"`
	Label       Text     `json:"label"`
	Description Text     `json:"description"`
	Severity    Severity `json:"severity"`
	Source      Source   `json:"source"`
}

// categoryInfos follows the order of categories. The first five are the
// groups of the TNO survey (001, 2.1.3) and the pilot's survey (001,
// 4.2.1); property is counted beside them because VPT asks to recover
// damage from the perpetrator (001, 2.2.1).
var categoryInfos = []CategoryInfo{
	{Verbal, T("verbale agressie", "verbal aggression"),
		T("Woorden die kwetsen of kleineren, zoals schelden, schreeuwen, vernederen, treiteren en pesten.",
			"Words that hurt or belittle, such as swearing, shouting, humiliating, taunting and bullying."),
		SeverityLow, srcPoll},
	{Discrimination, T("discriminatie", "discrimination"),
		T("Negatieve uitlatingen of gedragingen over wie iemand is, zoals huidskleur, geloof of geaardheid.",
			"Negative remarks or conduct about who someone is, such as skin colour, religion or orientation."),
		SeverityMedium, srcPoll},
	{Sexual, T("seksuele intimidatie", "sexual intimidation"),
		T("Ongewenste aandacht met een seksuele lading, zoals nafluiten of seksueel getinte opmerkingen.",
			"Unwanted attention of a sexual nature, such as whistling at someone or sexually tinted remarks."),
		SeverityMedium, srcPoll},
	{Property, T("vernieling", "damage to property"),
		T("Geweld tegen spullen in plaats van mensen: meubilair, apparatuur of eigendommen van medewerkers beschadigen.",
			"Force against things rather than people: damaging furniture, equipment or employees' belongings."),
		SeverityMedium, srcProp},
	{Threat, T("bedreiging en intimidatie", "threats and intimidation"),
		T("Iemand bang maken of dwingen: stalken, onder druk zetten, chanteren of dreigen met geweld.",
			"Frightening or coercing someone: stalking, putting under pressure, blackmail or threatening violence."),
		SeverityHigh, srcPoll},
	{Physical, T("fysieke agressie", "physical aggression"),
		T("Geweld tegen het lichaam, zoals duwen, slaan, schoppen of spugen.",
			"Violence against the body, such as pushing, hitting, kicking or spitting."),
		SeverityHigh, srcPoll},
}

// CategoryInfos returns every category's description, least severe first.
func CategoryInfos() []CategoryInfo { return append([]CategoryInfo(nil), categoryInfos...) }

// Info gives the category's description (zero for an unknown category).
func (c Category) Info() CategoryInfo {
	if r := c.Rank(); r > 0 {
		return categoryInfos[r-1]
	}
	return CategoryInfo{}
}

// Label gives the category's bilingual name (empty for an unknown category).
func (c Category) Label() Text { return c.Info().Label }

var severityLabels = map[Severity]Text{
	SeverityLow:    T("laag", "low"),
	SeverityMedium: T("middel", "medium"),
	SeverityHigh:   T("hoog", "high"),
}

// Label gives the severity's bilingual name (empty for an unknown level).
func (s Severity) Label() Text { return severityLabels[s] }

// Rank is the level's place from 1 (low) to 3 (high); 0 when unknown.
func (s Severity) Rank() int {
	for i, x := range severities {
		if x == s {
			return i + 1
		}
	}
	return 0
}
