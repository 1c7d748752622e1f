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
