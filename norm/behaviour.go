package norm

import "slices"

// BehaviourCode is the stable code of one kind of unacceptable behaviour.
type BehaviourCode string

// The catalogue's behaviour codes. New codes are appended, never renumbered.
const (
	Swearing              BehaviourCode = "swearing"
	Shouting              BehaviourCode = "shouting"
	Humiliating           BehaviourCode = "humiliating"
	Taunting              BehaviourCode = "taunting"
	Bullying              BehaviourCode = "bullying"
	Stalking              BehaviourCode = "stalking"
	Pressuring            BehaviourCode = "pressuring"
	Blackmail             BehaviourCode = "blackmail"
	Threatening           BehaviourCode = "threatening"
	Whistling             BehaviourCode = "whistling"
	SexualRemarks         BehaviourCode = "sexual_remarks"
	UnwantedTouching      BehaviourCode = "unwanted_touching"
	DiscriminatingRemarks BehaviourCode = "discriminating_remarks"
	DiscriminatingConduct BehaviourCode = "discriminating_conduct"
	Pushing               BehaviourCode = "pushing"
	Hitting               BehaviourCode = "hitting"
	Kicking               BehaviourCode = "kicking"
	Spitting              BehaviourCode = "spitting"
	ThrowingObjects       BehaviourCode = "throwing_objects"
	DamagingProperty      BehaviourCode = "damaging_property"
)

// Behaviour is one entry of the catalogue of unacceptable behaviour.
type Behaviour struct {
	Code     BehaviourCode `json:"code"`
	Category Category      `json:"category"`
	Label    Text          `json:"label"`
	// Source is the section that names the behaviour as unacceptable; for
	// an Addition, the section it rests on, which does not name it.
	Source Source `json:"source"`
	// Addition marks the project's own additions to the catalogue: no
	// seed names them, so the VPT baseline does not require them.
	Addition bool `json:"addition,omitempty"`
}

var (
	srcAggr = Source{Seed: "001", Section: "2.1.3"} // TNO's five kinds of unwanted behaviour
	srcPoll = Source{Seed: "001", Section: "4.2.1"} // the pilot survey's examples per group
	srcProp = Source{Seed: "001", Section: "2.2.1"} // the VPT norm and its principles
)

// behaviours is the catalogue. Labels are the project's own wording. Each
// entry names where the seeds name the behaviour: the VPT norm's examples
// (2.2.1: uitschelden, spugen, slaan, bedreigen) or the examples of the
// pilot's survey groups (4.2.1). Three entries are the project's additions,
// marked Addition, with the section they rest on: unwanted touching adds to
// the sexual intimidation that TNO counts (2.1.3); throwing objects stands
// for the "and the like" after the pilot's physical examples (4.2.1);
// damaging property serves the recovery of damage from the perpetrator
// that VPT promotes (2.2.1, seventh principle).
var behaviours = []Behaviour{
	{Swearing, Verbal, T("uitschelden", "swearing at someone"), srcProp, false},
	{Shouting, Verbal, T("schreeuwen", "shouting"), srcPoll, false},
	{Humiliating, Verbal, T("vernederen", "humiliating"), srcPoll, false},
	{Taunting, Verbal, T("treiteren", "taunting"), srcPoll, false},
	{Bullying, Verbal, T("pesten", "bullying"), srcPoll, false},
	{Stalking, Threat, T("stalken", "stalking"), srcPoll, false},
	{Pressuring, Threat, T("onder druk zetten", "putting someone under pressure"), srcPoll, false},
	{Blackmail, Threat, T("chanteren", "blackmail"), srcPoll, false},
	{Threatening, Threat, T("bedreigen", "threatening"), srcProp, false},
	{Whistling, Sexual, T("nafluiten", "whistling at someone"), srcPoll, false},
	{SexualRemarks, Sexual, T("seksueel getinte opmerkingen", "sexually tinted remarks"), srcPoll, false},
	{UnwantedTouching, Sexual, T("ongewenst aanraken", "unwanted touching"), srcAggr, true},
	{DiscriminatingRemarks, Discrimination, T("discriminerende opmerkingen (over huidskleur, geloof, geaardheid)", "discriminating remarks (about skin colour, religion, orientation)"), srcPoll, false},
	{DiscriminatingConduct, Discrimination, T("discriminerend gedrag", "discriminating conduct"), srcPoll, false},
	{Pushing, Physical, T("duwen", "pushing"), srcPoll, false},
	{Hitting, Physical, T("slaan", "hitting"), srcProp, false},
	{Kicking, Physical, T("schoppen", "kicking"), srcPoll, false},
	{Spitting, Physical, T("spugen", "spitting"), srcProp, false},
	{ThrowingObjects, Physical, T("met voorwerpen naar iemand gooien", "throwing objects at someone"), srcPoll, true},
	{DamagingProperty, Property, T("vernielen van eigendommen", "damaging property"), srcProp, true},
}

var behaviourCodes = func() []BehaviourCode {
	out := make([]BehaviourCode, len(behaviours))
	for i, b := range behaviours {
		out[i] = b.Code
	}
	return out
}()

// behaviourIndex maps a code to its place in the catalogue, and
// behaviourRank a place to its category's rank, so that Classify does no
// linear searches.
var (
	behaviourIndex = func() map[BehaviourCode]int {
		m := make(map[BehaviourCode]int, len(behaviours))
		for i, b := range behaviours {
			m[b.Code] = i
		}
		return m
	}()
	behaviourRank = func() []int {
		out := make([]int, len(behaviours))
		for i, b := range behaviours {
			out[i] = b.Category.Rank()
		}
		return out
	}()
)

// Behaviours returns the catalogue, in its stable order.
func Behaviours() []Behaviour { return slices.Clone(behaviours) }

// BehaviourCodes returns every catalogue code, in catalogue order.
func BehaviourCodes() []BehaviourCode { return slices.Clone(behaviourCodes) }

// LookupBehaviour finds a behaviour by code.
func LookupBehaviour(code BehaviourCode) (Behaviour, bool) {
	if i, ok := behaviourIndex[code]; ok {
		return behaviours[i], true
	}
	return Behaviour{}, false
}

// ParseBehaviour parses a behaviour code.
func ParseBehaviour(s string) (BehaviourCode, error) {
	return ParseCode("behaviour", s, behaviourCodes)
}

// Category gives the category of a catalogue behaviour ("" when unknown).
func (c BehaviourCode) Category() Category {
	b, _ := LookupBehaviour(c)
	return b.Category
}

// Label gives the behaviour's bilingual label (empty when unknown).
func (c BehaviourCode) Label() Text {
	b, _ := LookupBehaviour(c)
	return b.Label
}

func (c BehaviourCode) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler.
func (c BehaviourCode) MarshalText() ([]byte, error) {
	return MarshalCode("behaviour", c, behaviourCodes)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *BehaviourCode) UnmarshalText(b []byte) error {
	v, err := ParseBehaviour(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Classification is what a set of behaviours amounts to.
type Classification struct {
	// Categories are the distinct categories, from least to most severe.
	Categories []Category `json:"categories"`
	// Worst is the most severe category ("" for no behaviours).
	Worst Category `json:"worst,omitempty"`
	// Severity is the level of the worst category.
	Severity Severity `json:"severity,omitempty"`
}

// Has reports whether the classification includes c.
func (c Classification) Has(cat Category) bool { return slices.Contains(c.Categories, cat) }

// Classify turns behaviours into their categories and the incident's
// severity. Unknown codes are ignored; validate input before classifying.
func Classify(codes []BehaviourCode) Classification { return ClassifyWith(codes, nil) }
