package incident

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Lister is the part of a Store that Dossier reads with.
type Lister interface {
	// List returns the incidents that match f, ordered by OccurredAt, then ID.
	List(ctx context.Context, f Filter) ([]Incident, error)
}

// Step is a rung of the escalation ladder: the reaction to a perpetrator
// that the organisation gives within 48 hours (GG12, VPT5).
type Step string

// The rungs, from mild to severe.
const (
	StepNone          Step = "none"           // nothing in the window
	StepConversation  Step = "conversation"   // talk to the perpetrator about the behaviour
	StepWarningLetter Step = "warning_letter" // a written warning naming the consequences of a next time
	StepBan           Step = "ban"            // a ban from the premises or from a channel for a period
)

var steps = []Step{StepNone, StepConversation, StepWarningLetter, StepBan}

var stepLabels = map[Step]norm.Text{
	StepNone:          norm.T("geen reactie nodig", "no reaction needed"),
	StepConversation:  norm.T("gesprek", "conversation"),
	StepWarningLetter: norm.T("waarschuwingsbrief", "warning letter"),
	StepBan:           norm.T("toegangsverbod", "ban"),
}

// Steps lists the rungs from mild to severe.
func Steps() []Step { return append([]Step(nil), steps...) }

// Rank is the place of the step on the ladder: 0 (none) to 3 (ban); -1 for
// an unknown step.
func (s Step) Rank() int {
	for i, x := range steps {
		if x == s {
			return i
		}
	}
	return -1
}

// Label gives the step's bilingual name.
func (s Step) Label() norm.Text { return stepLabels[s] }

func (s Step) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Step) MarshalText() ([]byte, error) { return norm.MarshalCode("step", s, steps) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Step) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("step", string(b), steps)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// LadderRule is one threshold of the escalation ladder. A rule matches an
// incident when all its conditions hold; the incident then calls for the
// most severe step among the matching rules.
type LadderRule struct {
	// Step is the reaction the rule calls for.
	Step Step `json:"step"`
	// MinIncidents is how many incidents of the perpetrator, this one
	// included, must lie within the ladder's window (0: any number).
	MinIncidents int `json:"min_incidents,omitempty"`
	// Categories: the incident has at least one of these (nil: any).
	Categories []norm.Category `json:"categories,omitempty"`
	// AfterStep: an earlier incident within the window already called for
	// at least this step ("": no condition).
	AfterStep Step `json:"after_step,omitempty"`
	// Reason explains the step to the manager who decides.
	Reason norm.Text `json:"reason"`
}

// Ladder is an escalation ladder: the rules and how far back incidents
// count.
type Ladder struct {
	// Window is how far back earlier incidents count towards a rule.
	Window time.Duration `json:"window"`
	// Rules are the thresholds. Their order only matters between rules
	// with the same step: the first one gives the reason.
	Rules []LadderRule `json:"rules"`
}

// Year is the ladder's default window: twelve months of 365 days.
const Year = 365 * 24 * time.Hour

// DefaultLadder is the documented escalation ladder (see the package
// documentation). The 001 report asks for a reaction to every perpetrator
// within 48 hours, oral or written, with options (chapter 5, item 12); the
// thresholds below are the project's choice and can be replaced with
// [WithLadder]. Each call returns a fresh deep copy: changing it changes
// nothing for [Dossier] or for another caller.
func DefaultLadder() Ladder { return defaultLadder.clone() }

// clone deep-copies the ladder's rules.
func (l Ladder) clone() Ladder {
	l.Rules = slices.Clone(l.Rules)
	for i := range l.Rules {
		l.Rules[i].Categories = slices.Clone(l.Rules[i].Categories)
	}
	return l
}

// defaultLadder is the ladder of DefaultLadder, private so that no caller
// can change it.
var defaultLadder = Ladder{
	Window: Year,
	Rules: []LadderRule{
		{Step: StepConversation, MinIncidents: 1,
			Reason: norm.T("eerste incident: bespreek het gedrag met de dader en leg de grens uit",
				"first incident: discuss the behaviour with the perpetrator and explain the limit")},
		{Step: StepWarningLetter, MinIncidents: 2,
			Reason: norm.T("tweede incident binnen twaalf maanden: stuur een waarschuwingsbrief",
				"second incident within twelve months: send a warning letter")},
		{Step: StepWarningLetter, Categories: []norm.Category{norm.Threat, norm.Physical},
			Reason: norm.T("bedreiging of fysiek geweld: stuur direct een waarschuwingsbrief",
				"a threat or physical violence: send a warning letter straight away")},
		{Step: StepBan, MinIncidents: 3,
			Reason: norm.T("derde incident binnen twaalf maanden: leg een toegangsverbod op",
				"third incident within twelve months: impose a ban")},
		{Step: StepBan, Categories: []norm.Category{norm.Physical}, AfterStep: StepWarningLetter,
			Reason: norm.T("fysiek geweld na een waarschuwing: leg een toegangsverbod op",
				"physical violence after a warning: impose a ban")},
	},
}

// Validate checks the ladder: a positive window, known steps and
// categories, non-negative counts and a reason in both languages.
func (l Ladder) Validate() error {
	var ps []norm.Problem
	if l.Window <= 0 {
		ps = append(ps, norm.Problem{Pointer: "/window", Code: norm.CodeRange, Message: norm.T("het venster moet positief zijn", "the window must be positive")})
	}
	for k, r := range l.Rules {
		at := func(f string) string { return norm.Pointer("rules", fmt.Sprint(k), f) }
		if r.Step.Rank() <= 0 {
			ps = append(ps, norm.Problem{Pointer: at("step"), Code: norm.CodeEnum, Message: norm.Textf("onbekende stap %q", "unknown step %q", string(r.Step))})
		}
		if r.AfterStep != "" && r.AfterStep.Rank() < 0 {
			ps = append(ps, norm.Problem{Pointer: at("after_step"), Code: norm.CodeEnum, Message: norm.Textf("onbekende stap %q", "unknown step %q", string(r.AfterStep))})
		}
		if r.MinIncidents < 0 {
			ps = append(ps, norm.Problem{Pointer: at("min_incidents"), Code: norm.CodeRange, Message: norm.T("aantal mag niet negatief zijn", "count must not be negative")})
		}
		for j, c := range r.Categories {
			if !c.Valid() {
				ps = append(ps, norm.Problem{Pointer: norm.Pointer("rules", fmt.Sprint(k), "categories", fmt.Sprint(j)), Code: norm.CodeEnum, Message: norm.Textf("onbekende categorie %q", "unknown category %q", string(c))})
			}
		}
		if !r.Reason.Complete() {
			ps = append(ps, norm.Problem{Pointer: at("reason"), Code: norm.CodeRequired, Message: norm.T("reden in beide talen ontbreekt", "reason in both languages is missing")})
		}
	}
	return norm.NewError("incident.Ladder", ps)
}

// PerpetratorDossier is what the register holds about one perpetrator
// reference within a window, with the suggested next step.
type PerpetratorDossier struct {
	Ref  string    `json:"ref"`
	From time.Time `json:"from"` // start of the window, inclusive
	To   time.Time `json:"to"`   // the reference time, inclusive
	// Entries are the perpetrator's incidents in the window, oldest first,
	// each with the step it called for at the time.
	Entries []DossierEntry `json:"entries"`
	// Next is the suggested reaction now: the step the latest incident
	// calls for (StepNone when the window holds no incident).
	Next Step `json:"next"`
	// Reason explains Next.
	Reason norm.Text `json:"reason"`
}

// DossierEntry is one incident of a dossier and the step it called for.
type DossierEntry struct {
	Incident Incident  `json:"incident"`
	Step     Step      `json:"step"`
	Reason   norm.Text `json:"reason"`
}

// DossierOption configures Dossier.
type DossierOption func(*Ladder)

// WithLadder replaces DefaultLadder. The ladder is copied, so that a
// caller changing its rules later does not change a Dossier under way.
func WithLadder(l Ladder) DossierOption { return func(d *Ladder) { *d = l.clone() } }

// Dossier collects the incidents of one perpetrator reference that
// occurred within window before at (at included) and suggests the next
// step on the escalation ladder. A window of 0 is the ladder's window.
// An empty, malformed or anonymised reference, a zero at or an invalid
// ladder is a *norm.Error with Op "incident.Dossier"; store errors are
// wrapped.
func Dossier(ctx context.Context, store Lister, ref string, window time.Duration, at time.Time, opts ...DossierOption) (PerpetratorDossier, error) {
	const op = "incident.Dossier"
	ladder := defaultLadder.clone() // a DossierOption may change what it is given
	for _, o := range opts {
		if o != nil {
			o(&ladder)
		}
	}
	var ps []norm.Problem
	switch {
	case ref == "":
		ps = append(ps, norm.Problem{Pointer: "/ref", Code: norm.CodeRequired, Message: norm.T("referentie van de dader ontbreekt", "perpetrator reference is missing")})
	case !ValidToken(ref):
		ps = append(ps, norm.Problem{Pointer: "/ref", Code: norm.CodeFormat, Message: norm.T("referentie mag alleen letters, cijfers en . _ : - bevatten", "reference may hold only letters, digits and . _ : -")})
	case strings.HasPrefix(ref, AnonRef):
		ps = append(ps, norm.Problem{Pointer: "/ref", Code: norm.CodeSchema, Message: norm.T("geanonimiseerde incidenten horen bij niemand: er is geen dossier", "anonymised incidents belong to nobody: there is no dossier")})
	}
	if at.IsZero() {
		ps = append(ps, norm.Problem{Pointer: "/at", Code: norm.CodeRequired, Message: norm.T("peilmoment ontbreekt", "reference time is missing")})
	}
	if window < 0 {
		ps = append(ps, norm.Problem{Pointer: "/window", Code: norm.CodeRange, Message: norm.T("het venster mag niet negatief zijn", "the window must not be negative")})
	}
	if err := ladder.Validate(); err != nil {
		for _, p := range err.(*norm.Error).Problems {
			p.Pointer = "/ladder" + p.Pointer
			ps = append(ps, p)
		}
	}
	if err := norm.NewError(op, ps); err != nil {
		return PerpetratorDossier{}, err
	}
	if window == 0 {
		window = ladder.Window
	}

	d := PerpetratorDossier{Ref: ref, From: at.Add(-window), To: at, Next: StepNone, Reason: StepNone.Label()}
	incs, err := store.List(ctx, Filter{PerpetratorRef: ref, From: d.From, To: at.Add(time.Nanosecond)})
	if err != nil {
		return PerpetratorDossier{}, fmt.Errorf("%s: %w", op, err)
	}
	d.Entries = make([]DossierEntry, 0, len(incs))
	for i := range incs {
		step, reason := ladder.stepFor(incs[:i+1], d.Entries)
		d.Entries = append(d.Entries, DossierEntry{Incident: incs[i], Step: step, Reason: reason})
	}
	if n := len(d.Entries); n > 0 {
		d.Next, d.Reason = d.Entries[n-1].Step, d.Entries[n-1].Reason
	}
	return d, nil
}

// stepFor gives the step the last of incs calls for, given the steps the
// earlier ones called for (prev, same order).
func (l Ladder) stepFor(incs []Incident, prev []DossierEntry) (Step, norm.Text) {
	last := &incs[len(incs)-1]
	since := last.OccurredAt.Add(-l.Window)
	count, before := 0, StepNone
	for i := range incs {
		if incs[i].OccurredAt.Before(since) {
			continue
		}
		count++
		if i < len(prev) && prev[i].Step.Rank() > before.Rank() {
			before = prev[i].Step
		}
	}
	cl := last.Classification()
	best, reason := StepNone, StepNone.Label()
	for _, r := range l.Rules {
		if r.MinIncidents > count {
			continue
		}
		if len(r.Categories) > 0 && !anyCategory(cl, r.Categories) {
			continue
		}
		if r.AfterStep != "" && before.Rank() < r.AfterStep.Rank() {
			continue
		}
		if r.Step.Rank() > best.Rank() {
			best, reason = r.Step, r.Reason
		}
	}
	return best, reason
}

func anyCategory(cl norm.Classification, cats []norm.Category) bool {
	for _, c := range cats {
		if cl.Has(c) {
			return true
		}
	}
	return false
}
