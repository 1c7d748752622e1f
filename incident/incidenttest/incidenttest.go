package incidenttest

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
	"time"
	_ "time/tzdata" // office hours are in Europe/Amsterdam on every platform

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// Generator holds the settings of a synthetic register. The zero value is
// not useful; start from New.
type Generator struct {
	// Seed makes the output reproducible.
	Seed int64
	// From is the earliest moment an incident can occur.
	From time.Time
	// MeanGap is the average time between two incidents (default 42 hours,
	// so 200 incidents span about a year).
	MeanGap time.Duration
	// Sites are the site codes incidents are spread over.
	Sites []string
	// Perpetrators is the size of the pool of perpetrator references.
	Perpetrators int
	// Employees is the size of the pool of employee references.
	Employees int
	// Descriptions adds a synthetic free-text description when true.
	Descriptions bool
}

// DefaultSites returns the site codes the generator uses by default, as a
// new slice on every call.
func DefaultSites() []string { return slices.Clone(defaultSites) }

var defaultSites = []string{"LOC-AMS", "LOC-DHG", "LOC-RTM", "LOC-UTR", "LOC-ZWL"}

// New returns a generator with the defaults for a seed and a start time.
func New(seed int64, from time.Time) *Generator {
	return &Generator{
		Seed:         seed,
		From:         from,
		MeanGap:      42 * time.Hour,
		Sites:        DefaultSites(),
		Perpetrators: 400,
		Employees:    150,
		Descriptions: true,
	}
}

// Generate returns n synthetic incidents, deterministic for the seed, with
// the first occurring at or after from.
func Generate(seed int64, n int, from time.Time) []incident.Incident {
	out := make([]incident.Incident, 0, max(n, 0))
	for inc := range New(seed, from).All(n) {
		out = append(out, inc)
	}
	return out
}

// All yields n synthetic incidents without holding them in memory, for
// benchmarks and large registers.
func All(seed int64, n int, from time.Time) iter.Seq[incident.Incident] {
	return New(seed, from).All(n)
}

var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return time.FixedZone("CET", 3600) // unreachable: time/tzdata is embedded
	}
	return loc
}()

// weighted is one choice with its weight.
type weighted[T any] struct {
	v T
	w int
}

func pick[T any](r *rand.Rand, choices []weighted[T]) T {
	total := 0
	for _, c := range choices {
		total += c.w
	}
	n := r.IntN(total)
	for _, c := range choices {
		if n < c.w {
			return c.v
		}
		n -= c.w
	}
	return choices[len(choices)-1].v
}

// categoryMix follows 001, 4.2.1 (0-measurement: verbal 50%, threats 36%,
// sexual intimidation and discrimination 18%, physical 4%), with a small
// share of damage to property added.
var categoryMix = []weighted[norm.Category]{
	{norm.Verbal, 50},
	{norm.Threat, 36},
	{norm.Sexual, 9},
	{norm.Discrimination, 9},
	{norm.Property, 3},
	{norm.Physical, 4},
}

var channelMix = []weighted[norm.Channel]{
	{norm.ChannelDesk, 30},
	{norm.ChannelPhone, 30},
	{norm.ChannelWritten, 10},
	{norm.ChannelHearing, 6},
	{norm.ChannelEmail, 10},
	{norm.ChannelChat, 6},
	{norm.ChannelHomeVisit, 4},
	{norm.ChannelOutside, 4},
}

var roleMix = []weighted[incident.PerpetratorRole]{
	{incident.PerpetratorClient, 76},
	{incident.PerpetratorRepresentative, 10},
	{incident.PerpetratorFamily, 10},
	{incident.PerpetratorOther, 4},
}

var byCategory = func() map[norm.Category][]norm.BehaviourCode {
	m := map[norm.Category][]norm.BehaviourCode{}
	for _, b := range norm.Behaviours() {
		m[b.Category] = append(m[b.Category], b.Code)
	}
	return m
}()

// All yields n incidents.
func (g *Generator) All(n int) iter.Seq[incident.Incident] {
	return func(yield func(incident.Incident) bool) {
		r := rand.New(rand.NewPCG(uint64(g.Seed), 0x9e3779b97f4a7c15))
		sites := g.Sites
		if len(sites) == 0 {
			sites = defaultSites
		}
		gap := g.MeanGap
		if gap <= 0 {
			gap = 42 * time.Hour
		}
		perps := max(g.Perpetrators, 1)
		emps := max(g.Employees, 3)
		at := g.From.In(amsterdam)
		var last time.Time
		for i := range n {
			at = at.Add(time.Duration(r.ExpFloat64() * float64(gap)))
			occurred := officeHours(r, at)
			if occurred.Before(last) { // two on one day: keep the register in time order
				occurred = last.Add(time.Duration(1+r.IntN(30)) * time.Minute)
			}
			last = occurred
			inc := g.one(r, i, occurred, sites, perps, emps)
			if !yield(inc) {
				return
			}
		}
	}
}

// officeHours moves t onto a weekday between 08:30 and 17:00 Amsterdam
// time, where most client contact happens, keeping the date order.
func officeHours(r *rand.Rand, t time.Time) time.Time {
	for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = t.AddDate(0, 0, 1)
	}
	y, m, d := t.Date()
	minute := 8*60 + 30 + r.IntN(8*60+30)
	return time.Date(y, m, d, 0, minute, 0, 0, amsterdam)
}

func (g *Generator) one(r *rand.Rand, i int, occurred time.Time, sites []string, perps, emps int) incident.Incident {
	cat := pick(r, categoryMix)
	codes := byCategory[cat]
	behaviours := []norm.BehaviourCode{codes[r.IntN(len(codes))]}
	// Aggression often comes in combinations: shouting with a threat,
	// swearing with a push.
	if cat != norm.Verbal && r.IntN(3) == 0 {
		v := byCategory[norm.Verbal]
		behaviours = append([]norm.BehaviourCode{v[r.IntN(len(v))]}, behaviours...)
	}
	if r.IntN(8) == 0 {
		if extra := codes[r.IntN(len(codes))]; extra != behaviours[len(behaviours)-1] {
			behaviours = append(behaviours, extra)
		}
	}

	inc := incident.Incident{
		ID:         incident.ID(fmt.Sprintf("INC-%06d", i+1)),
		OccurredAt: occurred.UTC(),
		Site:       sites[r.IntN(len(sites))],
		Channel:    pick(r, channelMix),
		Behaviours: behaviours,
	}
	inc.ReportedAt = inc.OccurredAt.Add(time.Duration(r.IntN(6*60)) * time.Minute)
	if r.IntN(10) == 0 { // some are reported a day or two later
		inc.ReportedAt = inc.ReportedAt.Add(time.Duration(1+r.IntN(3)) * 24 * time.Hour)
	}
	inc.RecordedAt = inc.ReportedAt.Add(time.Duration(r.IntN(72*60)) * time.Minute)

	severity := norm.SeverityOf(cat)
	switch {
	case severity == norm.SeverityHigh:
		inc.Phase = pick(r, []weighted[norm.Phase]{{norm.Red, 8}, {norm.Amber, 2}})
	case severity == norm.SeverityMedium:
		inc.Phase = pick(r, []weighted[norm.Phase]{{norm.Red, 3}, {norm.Amber, 6}, {norm.Green, 1}})
	default:
		inc.Phase = pick(r, []weighted[norm.Phase]{{norm.Red, 1}, {norm.Amber, 6}, {norm.Green, 3}})
	}

	if r.IntN(10) == 0 {
		inc.Perpetrator = incident.Perpetrator{Role: incident.PerpetratorUnknown}
	} else {
		// Squaring a uniform number favours low references: a few
		// perpetrators return often, most appear once.
		u := r.Float64()
		ref := 1 + int(u*u*float64(perps))
		inc.Perpetrator = incident.Perpetrator{Ref: fmt.Sprintf("P-%04d", min(ref, perps)), Role: pick(r, roleMix)}
	}

	inc.Involved = []incident.Person{{Ref: employee(r, emps), Role: incident.RoleTarget}}
	if r.IntN(2) == 0 {
		inc.Involved = append(inc.Involved, incident.Person{Ref: employee(r, emps), Role: incident.RoleWitness})
	}
	if severity == norm.SeverityHigh && r.IntN(2) == 0 {
		inc.Involved = append(inc.Involved, incident.Person{Ref: employee(r, emps), Role: incident.RoleManager})
	}
	inc.Involved = distinct(inc.Involved)

	if cat == norm.Physical {
		inc.Consequences.Injury = r.IntN(5) < 2
		if inc.Consequences.Injury {
			inc.Consequences.AbsenceDays = r.IntN(11)
		}
	}
	if cat == norm.Property || contains(behaviours, norm.ThrowingObjects) {
		inc.Consequences.DamageCents = int64(25+r.IntN(2500)) * 100
	}
	switch {
	case cat == norm.Physical:
		inc.Consequences.PoliceCalled = r.IntN(2) == 0
	case severity == norm.SeverityHigh:
		inc.Consequences.PoliceCalled = r.IntN(5) == 0
	}

	if r.IntN(10) < 6 {
		all := incident.Causes()
		a := &incident.Analysis{Causes: []incident.Cause{all[r.IntN(len(all))]}}
		if second := all[r.IntN(len(all))]; r.IntN(3) == 0 && second != a.Causes[0] {
			a.Causes = append(a.Causes, second)
		}
		a.Text = fmt.Sprintf("Synthetische oorzaakanalyse bij %s.", inc.ID)
		if a.Causes[0].Organisational() {
			a.Lessons = fmt.Sprintf("Synthetische les voor de eigen werkwijze bij %s.", inc.ID)
		}
		inc.Analysis = a
	}
	if g.Descriptions {
		inc.Description = fmt.Sprintf("Synthetisch voorval %s; testgegevens zonder echte personen.", inc.ID)
	}
	return inc
}

func employee(r *rand.Rand, n int) string { return fmt.Sprintf("E-%03d", 1+r.IntN(n)) }

// distinct drops a person whose reference already appears, so that one
// employee never has two roles in an incident.
func distinct(ps []incident.Person) []incident.Person {
	out := ps[:0]
	seen := map[string]bool{}
	for _, p := range ps {
		if !seen[p.Ref] {
			seen[p.Ref] = true
			out = append(out, p)
		}
	}
	return out
}

func contains(codes []norm.BehaviourCode, c norm.BehaviourCode) bool {
	for _, x := range codes {
		if x == c {
			return true
		}
	}
	return false
}
