package followuptest

import (
	"iter"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
)

// Profile sets how well an organisation follows up. Each share is a
// probability between 0 and 1 for one obligation; what is neither on time,
// late nor not possible is never done, so it becomes overdue.
type Profile struct {
	ReactionOnTime      float64 // reaction to the perpetrator within the deadline
	ReactionLate        float64 // reaction after the deadline
	ReactionNotPossible float64 // reaction not possible (perpetrator unreachable)
	PoliceReportFiled   float64 // expected police report filed (within the deadline or a few days later)
	PoliceDecision      float64 // decision whether to report recorded, for verbal aggression and the like
	DecisionToReport    float64 // of those decisions, the share "report"
	DamagesClaimed      float64 // damage recovery started
	AftercareOnTime     float64 // first aftercare contact within the deadline
	AftercareLate       float64 // first aftercare contact after it
	Declined            float64 // of first contacts made, the share the person declines
	RepeatOffered       float64 // when declined, the offer repeated
	ManagerTalk         float64 // the manager's conversation (on time; the rest late or not at all, half and half)
	CheckDone           float64 // the check at six weeks
	// Now drops actions after this moment, so that a register made "as of
	// now" holds no actions from the future. Zero keeps every action.
	Now time.Time
}

// Sample returns the profile of the sample register: an organisation that
// claims to react within 48 hours every time but manages it in about two
// thirds of the cases. A function, so that no caller can change the
// profile another one generates with.
func Sample() Profile { return sample }

var sample = Profile{
	ReactionOnTime: 0.64, ReactionLate: 0.22, ReactionNotPossible: 0.04,
	PoliceReportFiled: 0.65, PoliceDecision: 0.7, DecisionToReport: 0.2,
	DamagesClaimed:  0.5,
	AftercareOnTime: 0.72, AftercareLate: 0.18, Declined: 0.25, RepeatOffered: 0.6,
	ManagerTalk: 0.7, CheckDone: 0.45,
}

// Perfect returns a profile in which everything is done on time and nobody
// declines.
func Perfect() Profile { return perfect }

var perfect = Profile{
	ReactionOnTime: 1, PoliceReportFiled: 1, PoliceDecision: 1, DamagesClaimed: 1,
	AftercareOnTime: 1, ManagerTalk: 1, CheckDone: 1, RepeatOffered: 1,
}

// Actions returns synthetic actions for the obligations of inc under p,
// ordered by At, then ID: deterministic for the state of rng. Action IDs are
// the incident ID with "-A1", "-A2", ...
//
// Actions panics when p has a code that Policy.Validate refuses: it makes
// test data, and a misspelt policy there is a bug in the test.
func Actions(inc incident.Incident, p followup.Policy, rng *rand.Rand, profile Profile) []followup.Action {
	obs, err := followup.Plan(inc, p)
	if err != nil {
		panic("followuptest.Actions: " + err.Error())
	}
	g := gen{inc: inc, rng: rng, pr: profile}
	anchor, _ := p.AnchorTime(inc) // Plan accepted p
	declined := map[string]bool{}
	for _, o := range obs {
		if o.NotApplicable {
			continue
		}
		switch o.Kind {
		case followup.KindReaction:
			g.three(o, anchor, profile.ReactionOnTime, profile.ReactionLate, profile.ReactionNotPossible, reactionForms)
		case followup.KindPoliceReport:
			if g.chance(profile.PoliceReportFiled) {
				g.doneWithin(o, anchor, g.chance(0.8), "")
			}
		case followup.KindPoliceDecision:
			if g.chance(profile.PoliceDecision) {
				form := followup.FormNoReport
				if g.chance(profile.DecisionToReport) {
					form = followup.FormReport
				}
				g.doneWithin(o, anchor, g.chance(0.9), form)
			}
		case followup.KindDamages:
			if g.chance(profile.DamagesClaimed) {
				g.doneWithin(o, anchor, g.chance(0.7), "")
			}
		case followup.KindAftercare:
			u := rng.Float64()
			switch {
			case u < profile.AftercareOnTime:
				g.add(o, g.between(anchor, o.Due), g.declineOr(o.Subject, declined), "")
			case u < profile.AftercareOnTime+profile.AftercareLate:
				g.add(o, g.late(o.Due), g.declineOr(o.Subject, declined), "")
			}
		case followup.KindManagerTalk:
			u := rng.Float64()
			switch {
			case u < profile.ManagerTalk:
				g.add(o, g.between(anchor, o.Due), followup.OutcomeDone, "")
			case u < profile.ManagerTalk+(1-profile.ManagerTalk)/2:
				g.add(o, g.late(o.Due), followup.OutcomeDone, "")
			}
		case followup.KindAftercareAgain:
			if declined[o.Subject] && g.chance(profile.RepeatOffered) {
				g.add(o, o.Due.Add(-time.Duration(rng.IntN(3*24))*time.Hour), followup.OutcomeDone, "")
			}
		case followup.KindAftercareCheck:
			if g.chance(profile.CheckDone) {
				g.add(o, o.Due.Add(time.Duration(rng.IntN(5*24)-3*24)*time.Hour), followup.OutcomeDone, "")
			}
		}
	}
	out := g.out
	if !profile.Now.IsZero() {
		kept := out[:0]
		for _, a := range out {
			if !a.At.After(profile.Now) {
				kept = append(kept, a)
			}
		}
		out = kept
	}
	sortActions(out)
	return out
}

var reactionForms = []followup.Form{followup.FormConversation, followup.FormConversation, followup.FormWarningLetter, followup.FormWarningLetter, followup.FormBan}

var notPossibleReasons = []string{
	"pleger niet bereikbaar; perpetrator could not be reached",
	"pleger verhuisd naar onbekend adres; perpetrator moved to an unknown address",
}

type gen struct {
	inc incident.Incident
	rng *rand.Rand
	pr  Profile
	out []followup.Action
}

func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

// three draws on time, late, not possible or nothing.
func (g *gen) three(o followup.Obligation, anchor time.Time, onTime, late, impossible float64, forms []followup.Form) {
	u := g.rng.Float64()
	form := forms[g.rng.IntN(len(forms))]
	switch {
	case u < onTime:
		g.add(o, g.between(anchor, o.Due), followup.OutcomeDone, form)
	case u < onTime+late:
		g.add(o, g.late(o.Due), followup.OutcomeDone, form)
	case u < onTime+late+impossible:
		a := g.add(o, g.between(anchor, o.Due), followup.OutcomeNotPossible, "")
		a.Reason = notPossibleReasons[g.rng.IntN(len(notPossibleReasons))]
	}
}

func (g *gen) doneWithin(o followup.Obligation, anchor time.Time, onTime bool, form followup.Form) {
	at := g.late(o.Due)
	if onTime {
		at = g.between(anchor, o.Due)
	}
	g.add(o, at, followup.OutcomeDone, form)
}

func (g *gen) declineOr(subject string, declined map[string]bool) followup.Outcome {
	if g.chance(g.pr.Declined) {
		declined[subject] = true
		return followup.OutcomeDeclined
	}
	return followup.OutcomeDone
}

// between is a whole minute after from and at or before to.
func (g *gen) between(from, to time.Time) time.Time {
	minutes := int(to.Sub(from) / time.Minute)
	if minutes < 1 {
		return to
	}
	return from.Add(time.Duration(1+g.rng.IntN(minutes)) * time.Minute).Truncate(time.Minute)
}

// late is between one hour and five days after due.
func (g *gen) late(due time.Time) time.Time {
	return due.Add(time.Hour + time.Duration(g.rng.IntN(5*24*60))*time.Minute).Truncate(time.Minute)
}

func (g *gen) add(o followup.Obligation, at time.Time, out followup.Outcome, form followup.Form) *followup.Action {
	g.out = append(g.out, followup.Action{
		ID:         string(g.inc.ID) + "-A" + strconv.Itoa(len(g.out)+1),
		IncidentID: g.inc.ID,
		Kind:       o.Kind,
		Subject:    o.Subject,
		At:         at.UTC(),
		Outcome:    out,
		Form:       form,
	})
	return &g.out[len(g.out)-1]
}

func sortActions(as []followup.Action) {
	// Insertion sort: a handful of actions per incident.
	for i := 1; i < len(as); i++ {
		for j := i; j > 0 && less(as[j], as[j-1]); j-- {
			as[j], as[j-1] = as[j-1], as[j]
		}
	}
}

func less(a, b followup.Action) bool {
	if c := a.At.Compare(b.At); c != 0 {
		return c < 0
	}
	return a.ID < b.ID
}

// Register yields n synthetic incidents (incidenttest, from the seed) with
// their actions under the profile, lazily: nothing is held in memory. The
// actions use their own random source, seeded from seed, so that the
// incidents are those of incidenttest.All(seed, n, from).
func Register(seed int64, n int, from time.Time, p followup.Policy, profile Profile) iter.Seq2[followup.Record, error] {
	return func(yield func(followup.Record, error) bool) {
		rng := rand.New(rand.NewPCG(uint64(seed), 0x6a09e667f3bcc908))
		for inc := range incidenttest.All(seed, n, from) {
			rec := followup.Record{Incident: inc, Actions: Actions(inc, p, rng, profile)}
			if !yield(rec, nil) {
				return
			}
		}
	}
}
