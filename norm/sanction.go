package norm

import "slices"

// Measure is what an organisation's house rules do about unacceptable
// behaviour at one step of escalation (VPT5 reaction, VPT6 police report,
// VPT7 damages). The reaction codes are those of followup's reaction forms,
// so that what the norm promises is what the register can record.
type Measure string

// The measures, from mildest to heaviest.
const (
	MeasureConversation  Measure = "conversation"    // een gesprek met de dader
	MeasureWarningLetter Measure = "warning_letter"  // een schriftelijke waarschuwing
	MeasureBan           Measure = "ban"             // een toegangs- of contactverbod
	MeasurePoliceReport  Measure = "police_report"   // aangifte bij de politie
	MeasureDamages       Measure = "damage_recovery" // de schade verhalen op de dader
)

var measures = []Measure{MeasureConversation, MeasureWarningLetter, MeasureBan, MeasurePoliceReport, MeasureDamages}

var measureLabels = map[Measure]Text{
	MeasureConversation:  T("gesprek met de dader", "conversation with the perpetrator"),
	MeasureWarningLetter: T("schriftelijke waarschuwing", "written warning"),
	MeasureBan:           T("toegangs- of contactverbod", "ban on visits or contact"),
	MeasurePoliceReport:  T("aangifte bij de politie", "report to the police"),
	MeasureDamages:       T("schade verhalen", "recovery of damages"),
}

// Measures lists every measure, mildest first.
func Measures() []Measure { return slices.Clone(measures) }

// ParseMeasure parses a measure code.
func ParseMeasure(s string) (Measure, error) { return ParseCode("measure", s, measures) }

// Valid reports whether m is a known measure.
func (m Measure) Valid() bool { return slices.Contains(measures, m) }

// Label gives the measure's bilingual label (empty for an unknown measure).
func (m Measure) Label() Text { return measureLabels[m] }

func (m Measure) String() string { return string(m) }

// MarshalText implements encoding.TextMarshaler.
func (m Measure) MarshalText() ([]byte, error) { return MarshalCode("measure", m, measures) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *Measure) UnmarshalText(b []byte) error {
	v, err := ParseMeasure(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// MaxBanMonths bounds the length of a ban: longer than five years is a
// typing error, not a house rule.
const MaxBanMonths = 60

// Sanction is one step of an organisation's escalation ladder: what
// follows at that step (the first incident, a repeat, ...), in the order
// the house rules give them.
type Sanction struct {
	// Step numbers the steps 1, 2, 3 ... in order.
	Step int `json:"step"`
	// When says in the organisation's own words when this step applies,
	// e.g. T("bij een eerste incident", "at a first incident").
	When Text `json:"when"`
	// Measures are what the organisation does at this step.
	Measures []Measure `json:"measures"`
	// BanMonths is how long a ban at this step lasts; 0 when the step has
	// no ban.
	BanMonths int `json:"ban_months,omitempty"`
}

// validateSanctions reports the problems of a list of sanctions: steps
// out of order, unknown or repeated measures, a step without measures or
// a description, a ban length out of range or without a ban.
func validateSanctions(ss []Sanction) []Problem {
	var ps []Problem
	for i, s := range ss {
		at := func(f ...string) string { return Pointer(append([]string{"sanctions", itoa(i)}, f...)...) }
		if s.Step != i+1 {
			ps = append(ps, Problem{Pointer: at("step"), Code: CodeOrder,
				Message: Textf("stap %d staat op plaats %d; nummer de stappen 1, 2, 3 ... op volgorde", "step %d is in place %d; number the steps 1, 2, 3 ... in order", s.Step, i+1)})
		}
		if blank(s.When) {
			ps = append(ps, requiredProblem(at("when")))
		}
		if len(s.Measures) == 0 {
			ps = append(ps, requiredProblem(at("measures")))
		}
		seen := make(map[Measure]bool, len(s.Measures))
		for k, m := range s.Measures {
			switch {
			case !m.Valid():
				ps = append(ps, enumProblem(at("measures", itoa(k)), "measure", string(m), measures))
			case seen[m]:
				ps = append(ps, Problem{Pointer: at("measures", itoa(k)), Code: CodeDuplicate,
					Message: Textf("maatregel %q staat er al in", "measure %q is already listed", string(m))})
			}
			seen[m] = true
		}
		switch {
		case s.BanMonths < 0 || s.BanMonths > MaxBanMonths:
			ps = append(ps, Problem{Pointer: at("ban_months"), Code: CodeRange,
				Message: Textf("%d maanden ligt niet tussen 0 en %d", "%d months is not between 0 and %d", s.BanMonths, MaxBanMonths)})
		case s.BanMonths > 0 && !seen[MeasureBan]:
			ps = append(ps, Problem{Pointer: at("ban_months"), Code: CodeSchema,
				Message: T("een duur van een verbod zonder verbod bij deze stap", "a ban length without a ban at this step")})
		}
	}
	return ps
}
