package followup

import (
	"time"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// Obligation is one thing an incident requires, for one subject, by a due
// time.
type Obligation struct {
	// ID is stable: the incident ID, the kind and the subject joined by
	// "/", e.g. "INC-000042/aftercare/E-017".
	ID         string      `json:"id"`
	IncidentID incident.ID `json:"incident_id"`
	Kind       Kind        `json:"kind"`
	// Subject is SubjectPerpetrator or the reference of an involved person.
	Subject string    `json:"subject"`
	Due     time.Time `json:"due"` // in Europe/Amsterdam
	// Sources are the principles and checklist items the obligation rests
	// on, e.g. "VPT5", "GG12".
	Sources []string `json:"sources"`
	// IfDeclined marks the repeated aftercare offer: it applies only when
	// the subject declined the first contact (Status decides).
	IfDeclined bool `json:"if_declined,omitempty"`
	// NotApplicable is set, with Reason, when the incident does not allow
	// the obligation (an unknown perpetrator cannot be reacted to).
	NotApplicable bool      `json:"not_applicable,omitempty"`
	Reason        norm.Text `json:"reason,omitzero"`
}

// ObligationID is the stable ID of the obligation of this kind for this
// subject in an incident.
func ObligationID(id incident.ID, k Kind, subject string) string {
	return string(id) + "/" + string(k) + "/" + subject
}

// PoliceExpectation is what the triage table expects of the police for a
// category.
type PoliceExpectation string

// The expectations.
const (
	// PoliceReportExpected: a police report (aangifte) is expected.
	PoliceReportExpected PoliceExpectation = "report"
	// PoliceDecisionExpected: a recorded decision whether to report.
	PoliceDecisionExpected PoliceExpectation = "decision"
)

// TriageRule is one row of the police triage table.
type TriageRule struct {
	Category    norm.Category     `json:"category"`
	Expectation PoliceExpectation `json:"expectation"`
}

// policeTriage is the triage table for the police (VPT6), in category order.
var policeTriage = []TriageRule{
	{norm.Verbal, PoliceDecisionExpected},
	{norm.Discrimination, PoliceDecisionExpected},
	{norm.Sexual, PoliceDecisionExpected},
	{norm.Property, PoliceReportExpected},
	{norm.Threat, PoliceReportExpected},
	{norm.Physical, PoliceReportExpected},
}

// PoliceTriage returns the triage table for the police (VPT6): per category
// of aggression, whether a police report is expected or a recorded
// decision whether to report. An incident with several categories takes
// the strictest: one expected report outweighs any decisions.
//
// Threats against a person, physical violence and damage to property are
// offences that the police and the public prosecutor handle as a matter of
// course, and VPT6 asks organisations to report them. Verbal aggression,
// discrimination and sexual intimidation are offences only in some forms
// (an insult, a discriminatory remark in public, an indecent act): whether
// one was committed depends on what was said and where, so the
// organisation weighs it and records its decision, with the reason in the
// action (Form "report" or "no_report").
func PoliceTriage() []TriageRule { return append([]TriageRule(nil), policeTriage...) }

// Triage returns the expectation for one category ("" for an unknown one).
func Triage(c norm.Category) PoliceExpectation {
	for _, r := range policeTriage {
		if r.Category == c {
			return r.Expectation
		}
	}
	return ""
}

// The sources of each kind of obligation.
var (
	sourcesReaction  = []string{"VPT5", "GG12"}
	sourcesPolice    = []string{"VPT6", "GG12"}
	sourcesDamages   = []string{"VPT7", "GG12"}
	sourcesAftercare = []string{"VPT8", "GG13"}
	sourcesManager   = []string{"VPT8", "GG02", "GG13"}
)

// reasonUnknownPerpetrator is why perpetrator obligations do not apply.
var reasonUnknownPerpetrator = norm.T(
	"de pleger is onbekend: er is niemand om op te reageren, aangifte tegen te doen of schade op te verhalen",
	"the perpetrator is unknown: there is nobody to react to, to report or to recover damages from",
)

// Plan returns the obligations an incident creates under a policy, in a
// fixed order: the reaction to the perpetrator, the police report or
// decision, damage recovery, then for every involved person (in the order
// of inc.Involved, a repeated reference once) the first aftercare contact,
// the manager conversation, the repeated offer and the check.
//
//   - Reaction (VPT5, GG12): due after p.Reaction.
//   - Police (VPT6): KindPoliceReport or KindPoliceDecision after
//     PoliceTriage; none when the behaviours have no category.
//   - Damages (VPT7): only when inc.Consequences.DamageCents > 0.
//   - With an unknown perpetrator the three are planned but NotApplicable,
//     with the reason, so that reports show why nothing happened.
//   - Aftercare (VPT8, GG13) for everyone involved, not just the target:
//     first contact after p.FirstContact, manager conversation after
//     p.ManagerTalk, the repeated offer after p.RepeatDays (IfDeclined: it
//     counts only when the first contact was declined, which Status
//     decides from the actions) and the check after p.CheckDays.
//
// A policy with a code that Validate refuses (a misspelt anchor, counting
// mode or Liberation Day rule) gives a *norm.Error (Op "followup.Plan")
// with a problem per code and no obligations, never deadlines counted by
// the default.
func Plan(inc incident.Incident, p Policy) ([]Obligation, error) {
	if err := p.validate("followup.Plan"); err != nil {
		return nil, err
	}
	p = p.withDefaults()
	out := plan(nil, &inc, &p, true)
	// Times carry a pointer to their location: label them with a copy,
	// so that the package's own location never leaves it.
	loc := Amsterdam()
	for i := range out {
		out[i].Sources = append([]string(nil), out[i].Sources...)
		out[i].Due = out[i].Due.In(loc)
	}
	return out, nil
}

// plan appends the obligations of inc to dst. With ids false it leaves the
// IDs empty, which Summarize uses to avoid an allocation per obligation.
func plan(dst []Obligation, inc *incident.Incident, p *Policy, ids bool) []Obligation {
	anchor := p.anchorTime(inc)
	add := func(k Kind, subject string, due time.Time, sources []string) *Obligation {
		o := Obligation{IncidentID: inc.ID, Kind: k, Subject: subject, Due: due, Sources: sources}
		if ids {
			o.ID = ObligationID(inc.ID, k, subject)
		}
		dst = append(dst, o)
		return &dst[len(dst)-1]
	}
	known := inc.Perpetrator.Known()
	na := func(o *Obligation) {
		if !known {
			o.NotApplicable = true
			o.Reason = reasonUnknownPerpetrator
		}
	}

	na(add(KindReaction, SubjectPerpetrator, p.deadline(anchor, p.Reaction), sourcesReaction))

	switch policeExpectation(inc.Classification().Categories) {
	case PoliceReportExpected:
		na(add(KindPoliceReport, SubjectPerpetrator, p.deadline(anchor, p.PoliceReport), sourcesPolice))
	case PoliceDecisionExpected:
		na(add(KindPoliceDecision, SubjectPerpetrator, p.deadline(anchor, p.PoliceReport), sourcesPolice))
	}
	if inc.Consequences.DamageCents > 0 {
		na(add(KindDamages, SubjectPerpetrator, p.deadline(anchor, p.Damages), sourcesDamages))
	}

	var first, manager, again, check time.Time
	for i, person := range inc.Involved {
		if seenBefore(inc.Involved, i) {
			continue
		}
		if first.IsZero() { // the same for everyone: compute once
			first = p.deadline(anchor, p.FirstContact)
			manager = p.deadline(anchor, p.ManagerTalk)
			again = p.afterDays(anchor, p.RepeatDays)
			check = p.afterDays(anchor, p.CheckDays)
		}
		add(KindAftercare, person.Ref, first, sourcesAftercare)
		add(KindManagerTalk, person.Ref, manager, sourcesManager)
		add(KindAftercareAgain, person.Ref, again, sourcesAftercare).IfDeclined = true
		add(KindAftercareCheck, person.Ref, check, sourcesAftercare)
	}
	return dst
}

// seenBefore reports whether the reference of person i appeared earlier.
func seenBefore(ps []incident.Person, i int) bool {
	for j := range i {
		if ps[j].Ref == ps[i].Ref {
			return true
		}
	}
	return false
}

// policeExpectation applies PoliceTriage to the behaviours: "" when none of
// their categories is in the table.
func policeExpectation(cats []norm.Category) PoliceExpectation {
	var e PoliceExpectation
	for _, c := range cats {
		switch Triage(c) {
		case PoliceReportExpected:
			return PoliceReportExpected
		case PoliceDecisionExpected:
			e = PoliceDecisionExpected
		}
	}
	return e
}
