package norm

import "slices"

// Phase is a colour of the conversation traffic light (seed 000).
type Phase string

// The three phases of a conversation.
const (
	Green Phase = "green" // groen: pleasant and cooperative, the starting point
	Amber Phase = "amber" // oranje: threatens to tip over
	Red   Phase = "red"   // rood: escalated
)

var phases = []Phase{Green, Amber, Red}

// PhaseInfo describes one phase: what it looks like, its warning signals
// and what the employee is expected to do.
type PhaseInfo struct {
	Phase       Phase  `json:"phase"`
	Label       Text   `json:"label"`
	Description Text   `json:"description"`
	Signals     []Text `json:"signals"`
	Actions     []Text `json:"actions"`
	Source      Source `json:"source"`
}

var srcLight = Source{Seed: "000", Section: "Verkeerslicht"}

var trafficLight = []PhaseInfo{
	{Phase: Green, Label: T("groen", "green"), Source: srcLight},
	{Phase: Amber, Label: T("oranje", "amber"), Source: srcLight},
	{Phase: Red, Label: T("rood", "red"), Source: srcLight},
}

// Phases lists green, amber, red.
func Phases() []Phase { return slices.Clone(phases) }

// TrafficLight returns the three phases with their signals and actions.
func TrafficLight() []PhaseInfo { return slices.Clone(trafficLight) }

// ParsePhase parses a phase code.
func ParsePhase(s string) (Phase, error) { return ParseCode("phase", s, phases) }

func (p Phase) String() string { return string(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Phase) MarshalText() ([]byte, error) { return MarshalCode("phase", p, phases) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Phase) UnmarshalText(b []byte) error {
	v, err := ParsePhase(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
