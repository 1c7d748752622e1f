package followup

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/goedgesprek/goedgesprek/norm"
)

// The forms of an action (Action.Form).
const (
	FormConversation  = "conversation"   // reaction: a conversation with the perpetrator
	FormWarningLetter = "warning_letter" // reaction: a written warning
	FormBan           = "ban"            // reaction: a ban from the premises
	FormReport        = "report"         // police decision: report to the police
	FormNoReport      = "no_report"      // police decision: no report, with the reason
)

var formsByKind = map[Kind][]string{
	KindReaction:       {FormConversation, FormWarningLetter, FormBan},
	KindPoliceDecision: {FormReport, FormNoReport},
}

// Forms lists the forms an action of kind k may have; nil means the kind
// takes no form.
func Forms(k Kind) []string { return slices.Clone(formsByKind[k]) }

// PerpetratorKind reports whether obligations of this kind are aimed at the
// perpetrator (Subject SubjectPerpetrator) rather than at a person involved.
func (k Kind) PerpetratorKind() bool {
	switch k {
	case KindReaction, KindPoliceReport, KindPoliceDecision, KindDamages:
		return true
	}
	return false
}

// Limits on the text fields of an action, in characters.
const (
	MaxRefLen    = 100  // id, incident_id, subject
	MaxReasonLen = 2000 // reason
)

// Validate checks an action on its own, as DecodeAction and
// ReadActionsCSV do after decoding, and returns every problem in one
// *norm.Error with op as its Op (nil when the action is valid). The
// pointers are those of the action document ("/kind", "/reason").
//
// Checks: id, incident_id, subject and at are present; kind and outcome are
// known codes; the subject fits the kind (SubjectPerpetrator for the
// perpetrator kinds, a person's reference for aftercare and the manager
// conversation); only the aftercare kinds and the manager conversation can
// be declined; not_possible needs a reason; the form is one the kind allows
// (see Forms), and a done reaction or police decision says which.
func (a *Action) Validate(op string) error { return norm.Errorf(op, a.problems(nil)) }

func (a *Action) problems(ps []norm.Problem) []norm.Problem {
	add := func(field string, code norm.ProblemCode, msg norm.Text) {
		ps = append(ps, norm.Problem{Pointer: norm.Pointer(field), Code: code, Message: msg})
	}
	ref := func(field, v string) {
		switch {
		case strings.TrimSpace(v) == "":
			add(field, norm.CodeRequired, norm.Textf("%s ontbreekt", "%s is missing", field))
		case !utf8.ValidString(v):
			add(field, norm.CodeInvalidUTF8, norm.T("geen geldige UTF-8", "not valid UTF-8"))
		case utf8.RuneCountInString(v) > MaxRefLen:
			add(field, norm.CodeRange, norm.Textf("%s is langer dan %d tekens", "%s is longer than %d characters", field, MaxRefLen))
		default:
			if r, pos, bad := norm.FirstRefused(v, false); bad {
				add(field, norm.CodeFormat, norm.RefusedMessage(r, pos, false))
			}
		}
	}
	ref("id", a.ID)
	ref("incident_id", string(a.IncidentID))
	ref("subject", a.Subject)
	if a.At.IsZero() {
		add("at", norm.CodeRequired, norm.T("het tijdstip ontbreekt", "the time is missing"))
	}

	kindOK := slices.Contains(kinds, a.Kind)
	if !kindOK {
		add("kind", norm.CodeEnum, codeMessage("kind", string(a.Kind), kinds))
	}
	if !slices.Contains(outcomes, a.Outcome) {
		add("outcome", norm.CodeEnum, codeMessage("outcome", string(a.Outcome), outcomes))
	}
	if kindOK && strings.TrimSpace(a.Subject) != "" {
		switch {
		case a.Kind.PerpetratorKind() && a.Subject != SubjectPerpetrator:
			add("subject", norm.CodeEnum, norm.Textf(
				"een actie van soort %s is gericht op de pleger: subject moet %q zijn",
				"an action of kind %s is aimed at the perpetrator: subject must be %q", a.Kind, SubjectPerpetrator))
		case !a.Kind.PerpetratorKind() && a.Subject == SubjectPerpetrator:
			add("subject", norm.CodeEnum, norm.Textf(
				"een actie van soort %s is voor een betrokken medewerker: subject moet diens referentie zijn",
				"an action of kind %s is for an involved employee: subject must be their reference", a.Kind))
		}
	}
	if kindOK && a.Outcome == OutcomeDeclined && !a.Kind.Declinable() {
		add("outcome", norm.CodeEnum, norm.Textf(
			"een actie van soort %s kan niet worden afgewezen",
			"an action of kind %s cannot be declined", a.Kind))
	}
	if a.Outcome == OutcomeNotPossible && strings.TrimSpace(a.Reason) == "" {
		add("reason", norm.CodeRequired, norm.T(
			"geef de reden waarom de actie niet mogelijk was",
			"give the reason why the action was not possible"))
	}
	if !utf8.ValidString(a.Reason) {
		add("reason", norm.CodeInvalidUTF8, norm.T("geen geldige UTF-8", "not valid UTF-8"))
	} else if utf8.RuneCountInString(a.Reason) > MaxReasonLen {
		add("reason", norm.CodeRange, norm.Textf("de reden is langer dan %d tekens", "the reason is longer than %d characters", MaxReasonLen))
	} else if r, pos, bad := norm.FirstRefused(a.Reason, true); bad {
		add("reason", norm.CodeFormat, norm.RefusedMessage(r, pos, true))
	}
	if kindOK {
		allowed := formsByKind[a.Kind]
		switch {
		case a.Form == "" && len(allowed) > 0 && a.Outcome == OutcomeDone:
			add("form", norm.CodeRequired, norm.Textf(
				"zeg hoe het ging: een van %s", "say how it was done: one of %s", strings.Join(allowed, ", ")))
		case a.Form != "" && len(allowed) == 0:
			add("form", norm.CodeEnum, norm.Textf(
				"een actie van soort %s heeft geen vorm", "an action of kind %s has no form", a.Kind))
		case a.Form != "" && !slices.Contains(allowed, a.Form):
			add("form", norm.CodeEnum, norm.Textf(
				"onbekende vorm %q voor %s; toegestaan: %s", "unknown form %q for %s; allowed: %s",
				a.Form, a.Kind, strings.Join(allowed, ", ")))
		}
	}
	return ps
}

// codeMessage is the bilingual message of an unknown code.
func codeMessage[T ~string](kind, v string, allowed []T) norm.Text {
	_, err := norm.ParseCode(kind, v, allowed)
	if ce, ok := err.(*norm.CodeError); ok {
		return ce.Message()
	}
	return norm.Textf("onbekende %s", "unknown %s", kind)
}
