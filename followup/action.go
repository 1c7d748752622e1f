package followup

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// Form says how a reaction or police decision was given (Action.Form).
// Which forms an action may have depends on its kind (see Forms);
// Action.Validate checks it.
type Form string

// The forms of an action (Action.Form).
const (
	FormConversation  Form = "conversation"   // reaction: a conversation with the perpetrator
	FormWarningLetter Form = "warning_letter" // reaction: a written warning
	FormBan           Form = "ban"            // reaction: a ban from the premises
	FormReport        Form = "report"         // police decision: report to the police
	FormNoReport      Form = "no_report"      // police decision: no report, with the reason
)

var formsByKind = map[Kind][]Form{
	KindReaction:       {FormConversation, FormWarningLetter, FormBan},
	KindPoliceDecision: {FormReport, FormNoReport},
}

// Forms lists the forms an action of kind k may have; nil means the kind
// takes no form.
func Forms(k Kind) []Form { return slices.Clone(formsByKind[k]) }

// PerpetratorKind reports whether obligations of this kind are aimed at the
// perpetrator (Subject SubjectPerpetrator) rather than at a person involved.
func (k Kind) PerpetratorKind() bool {
	switch k {
	case KindReaction, KindPoliceReport, KindPoliceDecision, KindDamages:
		return true
	}
	return false
}

// Limits on the text fields of an action, in characters. An incident_id
// and a subject other than SubjectPerpetrator are references and so at
// most incident.MaxIDLen; MaxRefLen leaves room for the IDs of ActionID.
const (
	MaxRefLen    = 128  // id, incident_id, subject
	MaxReasonLen = 2000 // reason
)

// Validate checks an action on its own, as DecodeAction and
// ReadActionsCSV do after decoding, and returns every problem in one
// *norm.Error with op as its Op (nil when the action is valid). The
// pointers are those of the action document ("/kind", "/reason").
//
// Checks: id, incident_id, subject and at are present; the id holds only
// letters, digits and ". _ : - / @", the incident_id is an incident ID and
// the subject is SubjectPerpetrator or a pseudonymous reference (the
// pattern of incident.ValidToken: a name such as "Jan de Vries" is
// refused); kind and outcome are known codes; the subject fits the kind
// (SubjectPerpetrator for the perpetrator kinds, a person's reference for
// aftercare and the manager conversation); only the aftercare kinds and the manager conversation can
// be declined; not_possible needs a reason; the form is one the kind allows
// (see Forms), and a done reaction or police decision says which.
func (a *Action) Validate(op string) error { return norm.NewError(op, a.problems(nil)) }

func (a *Action) problems(ps []norm.Problem) []norm.Problem {
	add := func(field string, code norm.ProblemCode, msg norm.Text) {
		ps = append(ps, norm.Problem{Pointer: norm.Pointer(field), Code: code, Message: msg})
	}
	// ref reports a missing, invalid, overlong or control-character
	// reference, and whether it did not.
	ref := func(field, v string) bool {
		switch {
		case strings.TrimSpace(v) == "":
			add(field, norm.CodeRequired, norm.Textf("%s ontbreekt", "%s is missing", field))
		case !utf8.ValidString(v):
			add(field, norm.CodeInvalidUTF8, norm.T("geen geldige UTF-8", "not valid UTF-8"))
		case utf8.RuneCountInString(v) > MaxRefLen:
			add(field, norm.CodeRange, norm.Textf("%s is langer dan %d tekens", "%s is longer than %d characters", field, MaxRefLen))
		default:
			r, pos, bad := norm.FirstRefused(v, false)
			if !bad {
				return true
			}
			add(field, norm.CodeFormat, norm.RefusedMessage(r, pos, false))
		}
		return false
	}
	idOK := ref("id", a.ID)
	incOK := ref("incident_id", string(a.IncidentID))
	subjOK := ref("subject", a.Subject)
	// The references are codes, not names: an ID, an incident ID and a
	// subject with spaces or other characters are refused, and the
	// messages do not repeat the value (it may be a name typed by
	// mistake).
	if idOK && !validActionID(a.ID) {
		add("id", norm.CodeFormat, norm.T(
			"het kenmerk mag alleen letters, cijfers en . _ : - / @ bevatten",
			"the ID may hold only letters, digits and . _ : - / @"))
	}
	if incOK && !incident.ValidToken(string(a.IncidentID)) {
		add("incident_id", norm.CodeFormat, norm.Textf(
			"het kenmerk van een incident is 1 tot %d letters, cijfers en . _ : -",
			"an incident ID is 1 to %d letters, digits and . _ : -", incident.MaxIDLen))
	}
	if subjOK && !incident.ValidToken(a.Subject) {
		add("subject", norm.CodeFormat, norm.Textf(
			"subject is %q of de pseudonieme referentie van een betrokkene (1 tot %d letters, cijfers en . _ : -), geen naam",
			"subject is %q or the pseudonymous reference of a person involved (1 to %d letters, digits and . _ : -), not a name",
			SubjectPerpetrator, incident.MaxIDLen))
	}
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
		names := make([]string, len(allowed))
		for i, f := range allowed {
			names[i] = string(f)
		}
		switch {
		case a.Form == "" && len(allowed) > 0 && a.Outcome == OutcomeDone:
			add("form", norm.CodeRequired, norm.Textf(
				"zeg hoe het ging: een van %s", "say how it was done: one of %s", strings.Join(names, ", ")))
		case a.Form != "" && len(allowed) == 0:
			add("form", norm.CodeEnum, norm.Textf(
				"een actie van soort %s heeft geen vorm", "an action of kind %s has no form", a.Kind))
		case a.Form != "" && !slices.Contains(allowed, a.Form):
			add("form", norm.CodeEnum, norm.Textf(
				"onbekende vorm %q voor %s; toegestaan: %s", "unknown form %q for %s; allowed: %s",
				a.Form, a.Kind, strings.Join(names, ", ")))
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

// validActionID reports whether id holds only the characters of an
// incident.ValidToken plus '/' and '@' (which the IDs of ActionID use).
func validActionID(id string) bool {
	for i := 0; i < len(id); i++ {
		switch c := id[i]; c {
		case '/', '@':
		default:
			if !incident.ValidToken(string(c)) {
				return false
			}
		}
	}
	return id != ""
}

// CheckIncident checks what Validate cannot: that a belongs to inc, and
// that the subject of an action about a person (aftercare, the manager
// conversation) is one of inc's involved people. Every store calls it
// before it records an action. It returns nil or a *norm.Error with op,
// pointer "/incident_id" or "/subject" and code norm.CodeReference; the
// message names the incident, not the subject.
func (a *Action) CheckIncident(op string, inc *incident.Incident) error {
	if p, ok := a.incidentProblem(inc); ok {
		return norm.NewError(op, []norm.Problem{p})
	}
	return nil
}

func (a *Action) incidentProblem(inc *incident.Incident) (norm.Problem, bool) {
	if a.IncidentID != inc.ID {
		return norm.Problem{Pointer: "/incident_id", Code: norm.CodeReference, Message: norm.Textf(
			"de actie hoort bij een ander incident dan %s", "the action belongs to another incident than %s", inc.ID)}, true
	}
	if a.Kind.PerpetratorKind() || a.Subject == SubjectPerpetrator || involvedAt(inc, a.Subject) > 0 {
		return norm.Problem{}, false
	}
	return norm.Problem{Pointer: "/subject", Code: norm.CodeReference, Message: norm.Textf(
		"subject is niet een van de betrokkenen bij incident %s: gebruik de pseudonieme referentie waaronder de medewerker bij het incident staat",
		"subject is not one of the people involved in incident %s: use the pseudonymous reference the employee has in the incident", inc.ID)}, true
}

// involvedAt is the place (1, 2, ...) of ref among inc's involved people,
// or 0.
func involvedAt(inc *incident.Incident, ref string) int {
	for k, p := range inc.Involved {
		if p.Ref == ref {
			return k + 1
		}
	}
	return 0
}

// ActionID is the ID to give an action when the caller has none: the
// incident, the kind and the time in UTC to the second, and for an action
// about a person their place among inc.Involved (1, 2, ...) instead of
// their reference:
//
//	INC-2026-0042/reaction@20260328T140000Z
//	INC-2026-0042/aftercare/2@20260328T093000Z
//
// The ID holds nothing that leads to a person, and after the incident is
// anonymised (the person becomes incident.AnonRef-2) the same action gets
// the same ID. ok is false when subject is neither SubjectPerpetrator nor
// one of inc's involved people.
func ActionID(inc *incident.Incident, k Kind, subject string, at time.Time) (id string, ok bool) {
	pos := -1
	if subject != SubjectPerpetrator {
		if pos = involvedAt(inc, subject); pos == 0 {
			return "", false
		}
	}
	return actionID(inc.ID, k, pos, at), true
}

// actionID builds an ID; pos is -1 for the perpetrator, 0 for a subject
// who is not involved.
func actionID(id incident.ID, k Kind, pos int, at time.Time) string {
	s := string(id) + "/" + string(k)
	if pos >= 0 {
		s += "/" + strconv.Itoa(pos)
	}
	return s + "@" + at.UTC().Format("20060102T150405Z")
}

// AnonymiseActions returns the actions of one incident as they are kept
// once the incident is anonymised. inc is the anonymised incident and repl
// the replacements that Incident.Anonymise returned. Whatever could lead
// to a person goes:
//
//   - a subject that was a person becomes that person's anonymous
//     reference (incident.AnonRef for a subject who was not involved);
//   - a reason (free text) becomes incident.AnonRef, so that a
//     not_possible action still has one;
//   - every ID becomes the ActionID of the anonymised action (a subject
//     who was not involved counts as place 0), with "-2", "-3", ... when
//     actions share kind, subject and second, so that no ID a caller
//     chose, which may hold a reference or a name, survives.
//
// Kind, time, outcome and form stay, so that Summarize counts the same
// before and after. Anonymising again gives the same actions. The result
// is ordered by At, then ID; acts is not modified.
func AnonymiseActions(inc *incident.Incident, repl map[string]string, acts []Action) []Action {
	out := slices.Clone(acts)
	bases := make([]string, len(out))
	for k := range out {
		a := &out[k]
		if a.Subject != SubjectPerpetrator {
			if r, ok := repl[a.Subject]; ok {
				a.Subject = r
			} else {
				a.Subject = incident.AnonRef
			}
		}
		if a.Reason != "" {
			a.Reason = incident.AnonRef
		}
		pos := -1
		if a.Subject != SubjectPerpetrator {
			pos = involvedAt(inc, a.Subject)
		}
		bases[k] = actionID(inc.ID, a.Kind, pos, a.At)
	}
	// Within a group of one base, keep the order the IDs of an earlier
	// anonymisation gave (base, base-2, ...), then the old IDs.
	rank := func(k int) (int, string) {
		id, base := out[k].ID, bases[k]
		if id == base {
			return 1, ""
		}
		if n, err := strconv.Atoi(strings.TrimPrefix(id, base+"-")); err == nil && strings.HasPrefix(id, base+"-") && n > 1 {
			return n, ""
		}
		return int(^uint(0) >> 1), id
	}
	order := make([]int, len(out))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(x, y int) int {
		if c := cmp.Compare(bases[x], bases[y]); c != 0 {
			return c
		}
		nx, ix := rank(x)
		ny, iy := rank(y)
		return cmp.Or(cmp.Compare(nx, ny), cmp.Compare(ix, iy))
	})
	n := 0
	for j, k := range order {
		if j > 0 && bases[order[j-1]] == bases[k] {
			n++
		} else {
			n = 1
		}
		out[k].ID = bases[k]
		if n > 1 {
			out[k].ID += "-" + strconv.Itoa(n)
		}
	}
	slices.SortFunc(out, func(a, b Action) int { return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID)) })
	return out
}

// CheckActions checks actions against the incidents they belong to, as a
// store will when it records them (see Action.CheckIncident), so that a
// file can be refused with its rows before anything is written. lookup
// returns the incident with an ID, or an error wrapping
// incident.ErrNotFound for an unknown one; any other error of lookup is
// returned as it is.
//
// The problems (the first norm.MaxProblems, then how many more) come in one
// *norm.Error with Op "followup.CheckActions" and code
// norm.CodeReference, with the row and column of the actions CSV that
// ReadActionsCSV read them from (the header is row 1, acts[0] row 2) and
// the pointer of the action ("/0/subject").
func CheckActions(acts []Action, lookup func(incident.ID) (incident.Incident, error)) error {
	const op = "followup.CheckActions"
	var ps norm.Problems
	add := func(k int, p norm.Problem) {
		col := strings.TrimPrefix(p.Pointer, "/")
		p.Row, p.Column, p.Pointer = k+2, col, "/"+strconv.Itoa(k)+p.Pointer
		ps.Add(p)
	}
	seen := map[incident.ID]*incident.Incident{}
	for k := range acts {
		a := &acts[k]
		inc, known := seen[a.IncidentID]
		if !known {
			got, err := lookup(a.IncidentID)
			switch {
			case errors.Is(err, incident.ErrNotFound):
				inc = nil
			case err != nil:
				return err
			default:
				inc = &got
			}
			seen[a.IncidentID] = inc
		}
		if inc == nil {
			add(k, norm.Problem{Pointer: "/incident_id", Code: norm.CodeReference, Message: norm.Textf(
				"incident %s staat niet in het register", "incident %s is not in the register", a.IncidentID)})
			continue
		}
		if p, bad := a.incidentProblem(inc); bad {
			add(k, p)
		}
	}
	return ps.Err(op)
}
