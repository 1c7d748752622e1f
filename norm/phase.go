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

// trafficLight is the model of seed 000 in the project's own words.
var trafficLight = []PhaseInfo{
	{
		Phase: Green,
		Label: T("groen", "green"),
		Description: T("Het gesprek verloopt prettig en informeel: beide kanten zijn respectvol en werken samen. Elk gesprek begint hier.",
			"The conversation is pleasant and informal: both sides are respectful and work together. Every conversation starts here."),
		Signals: []Text{
			T("een respectvolle toon over en weer", "a respectful tone on both sides"),
			T("een goede sfeer, gericht op samenwerken", "a good atmosphere, aimed at working together"),
			T("samen snel tot de kern komen", "getting to the point together quickly"),
		},
		Actions: []Text{
			T("voer het gesprek informeel en gericht op een oplossing", "keep the conversation informal and aimed at a solution"),
			T("houd de sfeer goed en let op tekenen dat het gesprek omslaat", "keep the atmosphere good and watch for signs that the conversation is turning"),
		},
		Source: srcLight,
	},
	{
		Phase: Amber,
		Label: T("oranje", "amber"),
		Description: T("Het gesprek dreigt te kantelen: de spanning loopt op, maar er is nog niets misgegaan.",
			"The conversation is about to tip: tension is rising, but nothing has gone wrong yet."),
		Signals: []Text{
			T("de klant leunt opvallend ver over de tafel", "the client leans conspicuously far across the table"),
			T("de klant maakt zich juist heel klein", "the client, on the contrary, makes themselves very small"),
			T("de klant gaat harder praten", "the client raises their voice"),
		},
		Actions: []Text{
			T("merk de omslag tijdig op", "notice the turn in good time"),
			T("sta stil bij hoe je eigen boodschap bij de ander aankomt", "consider how your own message lands with the other person"),
			T("buig het gesprek terug naar groen", "bring the conversation back to green"),
		},
		Source: srcLight,
	},
	{
		Phase: Red,
		Label: T("rood", "red"),
		Description: T("Het gesprek is geëscaleerd: er is sprake van agressie, chantage of een andere dreigende situatie.",
			"The conversation has escalated: there is aggression, blackmail or another threatening situation."),
		Signals: []Text{
			T("agressief gedrag", "aggressive behaviour"),
			T("chantage", "blackmail"),
			T("bedreiging", "threats"),
		},
		Actions: []Text{
			T("houd het hoofd koel en blijf rustig", "keep a cool head and stay calm"),
			T("druk op de alarmknop om de beveiliging te roepen", "press the alarm button to call security"),
			T("weet waar de vluchtweg is", "know where the escape route is"),
			T("registreer het incident", "register the incident"),
		},
		Source: srcLight,
	},
}

// Phases lists green, amber, red.
func Phases() []Phase { return slices.Clone(phases) }

// TrafficLight returns the three phases with their signals and actions.
// The slices inside are copies too, so callers cannot alter the catalogue.
func TrafficLight() []PhaseInfo {
	out := slices.Clone(trafficLight)
	for i := range out {
		out[i].Signals = slices.Clone(out[i].Signals)
		out[i].Actions = slices.Clone(out[i].Actions)
	}
	return out
}

// Info gives the phase's description, signals and actions (zero for an
// unknown phase).
func (p Phase) Info() PhaseInfo {
	for _, x := range TrafficLight() {
		if x.Phase == p {
			return x
		}
	}
	return PhaseInfo{}
}

// Label gives the phase's colour name (empty for an unknown phase).
func (p Phase) Label() Text { return p.Info().Label }

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
