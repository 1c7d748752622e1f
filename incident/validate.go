package incident

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Limits that Validate enforces.
const (
	// MaxIDLen is the longest ID and the longest pseudonymous reference.
	MaxIDLen = 64
	// MaxTextBytes is the largest description, analysis text or lessons text
	// in bytes: enough for a page of prose, small enough to keep a register
	// of millions of incidents manageable.
	MaxTextBytes = 16 << 10
	// MaxSiteLen is the longest site in bytes.
	MaxSiteLen = 200
	// MaxItems is the largest number of behaviours, involved people or
	// causes in one incident.
	MaxItems = 100
	// ClockSkew is how far OccurredAt and ReportedAt may lie after the
	// reference time of ValidateAt before they count as in the future: the
	// clocks of the application servers and of the store differ a little.
	ClockSkew = 5 * time.Minute
)

// minTime and maxTime bound every time of an incident, so that a store can
// keep times as int64 nanoseconds since 1970 without overflow.
var (
	minTime = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
)

// Validate checks an incident without a reference time: everything
// ValidateAt checks except that nothing lies in the future. It returns
// nil or a *norm.Error with Op "incident.Validate" listing every problem.
func Validate(inc *Incident) error { return ValidateAt(inc, time.Time{}) }

// ValidateAt checks an incident and returns nil or a *norm.Error with Op
// "incident.Validate" listing every problem, each with the JSON pointer of
// the offending field (as in the incident's JSON form):
//
//   - ID: empty is allowed (a store generates one); otherwise at most
//     MaxIDLen bytes of letters, digits and ". _ : -" (format, range).
//   - OccurredAt and ReportedAt are required; reported before it occurred
//     is an order problem; either after at + ClockSkew is a future problem
//     (skipped when at is zero); every time lies in 1900..2200 (range).
//   - Channel, Phase: required, known codes (enum).
//   - Behaviours: at least one (required), no code twice (duplicate),
//     each a catalogue code or one of the own behaviours of the incident's
//     Norm (enum).
//   - Norm (when given): a name of the form of an ID (required, format);
//     each own behaviour with a code of the form of norm.OrgCodePattern
//     (format) that is not a catalogue code and not listed twice
//     (duplicate) and that the incident names (reference), and a known
//     category (required, enum).
//   - Perpetrator: a known role is required. The role "unknown" with a
//     reference is refused (schema): whoever has a reference is known at
//     least as "other". A known role without a reference is allowed: the
//     person is known to be, say, a client, but not who (Perpetrator.Known
//     is then false and no reaction can be planned).
//   - References (perpetrator and involved): letters, digits and ". _ : -"
//     only, at most MaxIDLen bytes, so that a reference is a pseudonym and
//     not a name (format); an involved person needs one (required), and no
//     reference appears twice (duplicate); involved roles are known codes.
//   - Consequences: AbsenceDays and DamageCents not negative (range).
//   - Analysis: known cause codes without duplicates.
//   - Texts (description, analysis text and lessons, site): valid UTF-8,
//     at most MaxTextBytes (MaxSiteLen for the site) (too_large).
//   - Version not negative.
func ValidateAt(inc *Incident, at time.Time) error {
	if inc == nil {
		return norm.NewError(validateOp, []norm.Problem{{Code: norm.CodeRequired, Message: norm.T("geen incident", "no incident")}})
	}
	v := validator{}
	v.incident(inc, at)
	return norm.NewError(validateOp, v.ps)
}

const validateOp = "incident.Validate"

type validator struct{ ps []norm.Problem }

func (v *validator) add(ptr string, code norm.ProblemCode, msg norm.Text) {
	v.ps = append(v.ps, norm.Problem{Pointer: ptr, Code: code, Message: msg})
}

func (v *validator) incident(inc *Incident, at time.Time) {
	if inc.ID != "" {
		v.token("/id", string(inc.ID), "ID")
	}
	v.times(inc, at)

	v.text("/site", inc.Site, MaxSiteLen, false)
	switch _, err := norm.ParseChannel(string(inc.Channel)); {
	case inc.Channel == "":
		v.add("/channel", norm.CodeRequired, norm.T("kanaal ontbreekt", "channel is missing"))
	case err != nil:
		v.enum("/channel", err)
	}
	switch _, err := norm.ParsePhase(string(inc.Phase)); {
	case inc.Phase == "":
		v.add("/phase", norm.CodeRequired, norm.T("fase ontbreekt", "phase is missing"))
	case err != nil:
		v.enum("/phase", err)
	}

	v.behaviours(inc.Behaviours, inc.Norm)
	v.norm(inc)
	v.perpetrator(inc.Perpetrator)
	v.involved(inc.Involved)

	if inc.Consequences.AbsenceDays < 0 {
		v.add("/consequences/absence_days", norm.CodeRange, norm.T("verzuimdagen mogen niet negatief zijn", "absence days must not be negative"))
	}
	if inc.Consequences.DamageCents < 0 {
		v.add("/consequences/damage_cents", norm.CodeRange, norm.T("schade mag niet negatief zijn", "damage must not be negative"))
	}
	if a := inc.Analysis; a != nil {
		v.causes(a.Causes)
		v.text("/analysis/text", a.Text, MaxTextBytes, true)
		v.text("/analysis/lessons", a.Lessons, MaxTextBytes, true)
	}
	v.text("/description", inc.Description, MaxTextBytes, true)
	if inc.Version < 0 {
		v.add("/version", norm.CodeRange, norm.T("versie mag niet negatief zijn", "version must not be negative"))
	}
}

func (v *validator) times(inc *Incident, at time.Time) {
	check := func(ptr string, t time.Time, required bool, nl, en string) bool {
		if t.IsZero() {
			if required {
				v.add(ptr, norm.CodeRequired, norm.T(nl+" ontbreekt", en+" is missing"))
			}
			return false
		}
		if t.Before(minTime) || !t.Before(maxTime) {
			v.add(ptr, norm.CodeRange, norm.T(nl+" ligt niet tussen 1900 en 2200", en+" is not between 1900 and 2200"))
			return false
		}
		if !at.IsZero() && t.After(at.Add(ClockSkew)) {
			v.add(ptr, norm.CodeFuture, norm.T(nl+" ligt in de toekomst", en+" lies in the future"))
		}
		return true
	}
	okO := check("/occurred_at", inc.OccurredAt, true, "tijdstip van het incident", "time of the incident")
	okR := check("/reported_at", inc.ReportedAt, true, "tijdstip van de melding", "time of the report")
	if okO && okR && inc.ReportedAt.Before(inc.OccurredAt) {
		v.add("/reported_at", norm.CodeOrder, norm.T("gemeld voordat het gebeurde", "reported before it occurred"))
	}
	if !inc.RecordedAt.IsZero() && (inc.RecordedAt.Before(minTime) || !inc.RecordedAt.Before(maxTime)) {
		v.add("/recorded_at", norm.CodeRange, norm.T("tijdstip van registratie ligt niet tussen 1900 en 2200", "time of recording is not between 1900 and 2200"))
	}
}

func (v *validator) behaviours(bs []norm.BehaviourCode, own *NormRef) {
	if len(bs) == 0 {
		v.add("/behaviours", norm.CodeRequired, norm.T("geen gedragingen opgegeven", "no behaviours given"))
		return
	}
	if len(bs) > MaxItems {
		v.add("/behaviours", norm.CodeTooLarge, norm.Textf("meer dan %d gedragingen", "more than %d behaviours", MaxItems))
		return
	}
	seen := make(map[norm.BehaviourCode]bool, len(bs))
	for k, b := range bs {
		ptr := norm.Pointer("behaviours", strconv.Itoa(k))
		if _, err := norm.ParseBehaviour(string(b)); err != nil {
			if !own.defines(b) {
				v.unknownBehaviour(ptr, b, own, err)
				continue
			}
		}
		if seen[b] {
			v.add(ptr, norm.CodeDuplicate, norm.Textf("gedraging %q staat er twee keer in", "behaviour %q is listed twice", string(b)))
		}
		seen[b] = true
	}
}

// unknownBehaviour reports a code that neither the catalogue nor the
// incident's norm defines.
func (v *validator) unknownBehaviour(ptr string, b norm.BehaviourCode, own *NormRef, err error) {
	if own == nil {
		v.enum(ptr, err) // the catalogue's message, as before norms
		return
	}
	v.add(ptr, norm.CodeEnum, norm.Textf(
		"gedrag %q staat niet in de catalogus en niet bij het eigen gedrag van norm %q",
		"behaviour %q is neither in the catalogue nor among the own behaviours of norm %q", norm.Printable(string(b)), own.ID))
}

func (v *validator) perpetrator(p Perpetrator) {
	switch _, err := norm.ParseCode("perpetrator_role", string(p.Role), perpetratorRoles); {
	case p.Role == "":
		v.add("/perpetrator/role", norm.CodeRequired, norm.T("rol van de dader ontbreekt (gebruik \"unknown\" als die onbekend is)", "role of the perpetrator is missing (use \"unknown\" when not known)"))
	case err != nil:
		v.enum("/perpetrator/role", err)
	}
	if p.Ref == "" {
		return
	}
	v.token("/perpetrator/ref", p.Ref, "reference")
	if p.Role == PerpetratorUnknown {
		v.add("/perpetrator/ref", norm.CodeSchema, norm.T("een dader met een referentie heeft een bekende rol (desnoods \"other\")", "a perpetrator with a reference has a known role (\"other\" if need be)"))
	}
}

func (v *validator) involved(ps []Person) {
	if len(ps) > MaxItems {
		v.add("/involved", norm.CodeTooLarge, norm.Textf("meer dan %d betrokkenen", "more than %d people involved", MaxItems))
		return
	}
	seen := make(map[string]bool, len(ps))
	for k, p := range ps {
		base := strconv.Itoa(k)
		ptr := norm.Pointer("involved", base, "ref")
		switch {
		case p.Ref == "":
			v.add(ptr, norm.CodeRequired, norm.T("referentie van de betrokkene ontbreekt", "reference of the person involved is missing"))
		case seen[p.Ref]:
			v.add(ptr, norm.CodeDuplicate, norm.T("deze betrokkene staat er al in", "this person is listed already"))
		default:
			v.token(ptr, p.Ref, "reference")
		}
		seen[p.Ref] = true
		switch _, err := norm.ParseCode("person_role", string(p.Role), personRoles); {
		case p.Role == "":
			v.add(norm.Pointer("involved", base, "role"), norm.CodeRequired, norm.T("rol van de betrokkene ontbreekt", "role of the person involved is missing"))
		case err != nil:
			v.enum(norm.Pointer("involved", base, "role"), err)
		}
	}
}

func (v *validator) causes(cs []Cause) {
	if len(cs) > MaxItems {
		v.add("/analysis/causes", norm.CodeTooLarge, norm.Textf("meer dan %d oorzaken", "more than %d causes", MaxItems))
		return
	}
	seen := make(map[Cause]bool, len(cs))
	for k, c := range cs {
		ptr := norm.Pointer("analysis", "causes", strconv.Itoa(k))
		if _, err := norm.ParseCode("cause", string(c), causes); err != nil {
			v.enum(ptr, err)
			continue
		}
		if seen[c] {
			v.add(ptr, norm.CodeDuplicate, norm.Textf("oorzaak %q staat er twee keer in", "cause %q is listed twice", string(c)))
		}
		seen[c] = true
	}
}

func (v *validator) enum(ptr string, err error) {
	if ce, ok := err.(*norm.CodeError); ok {
		v.add(ptr, norm.CodeEnum, ce.Message())
		return
	}
	v.add(ptr, norm.CodeEnum, norm.T("onbekende code", "unknown code"))
}

// token checks an ID or a pseudonymous reference.
func (v *validator) token(ptr, s, what string) {
	if len(s) > MaxIDLen {
		v.add(ptr, norm.CodeRange, norm.Textf("langer dan %d tekens", "longer than %d characters", MaxIDLen))
		return
	}
	if !ValidToken(s) {
		nl := "referentie"
		if what == "ID" {
			nl = "ID"
		}
		v.add(ptr, norm.CodeFormat, norm.T(nl+" mag alleen letters, cijfers en . _ : - bevatten", what+" may hold only letters, digits and . _ : -"))
	}
}

// ValidToken reports whether s is usable as an ID or pseudonymous
// reference: 1 to MaxIDLen ASCII letters, digits, '.', '_', ':' or '-'.
func ValidToken(s string) bool {
	if s == "" || len(s) > MaxIDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '_', c == ':', c == '-':
		default:
			return false
		}
	}
	return true
}

// text checks free text: its size, UTF-8, and no control characters (one
// line, or multiLine with tabs and line feeds; see norm.LinePattern).
func (v *validator) text(ptr, s string, limit int, multiLine bool) {
	if len(s) > limit {
		v.add(ptr, norm.CodeTooLarge, norm.Textf("tekst is langer dan %d bytes", "text is longer than %d bytes", limit))
		return
	}
	if !utf8.ValidString(s) {
		v.add(ptr, norm.CodeInvalidUTF8, norm.T("tekst is geen geldige UTF-8", "text is not valid UTF-8"))
		return
	}
	if r, pos, bad := norm.FirstRefused(s, multiLine); bad {
		v.add(ptr, norm.CodeFormat, norm.RefusedMessage(r, pos, multiLine))
	}
}

// ValidateAll validates a batch as ValidateAt does each incident, and
// returns one *norm.Error (Op "incident.Validate") whose pointers start with
// the index of the incident, e.g. "/3/behaviours/0".
func ValidateAll(incs []Incident, at time.Time) error {
	var ps norm.Problems // a batch of 100,000 bad incidents keeps only the first problems
	for k := range incs {
		v := validator{}
		v.incident(&incs[k], at)
		prefix := "/" + strconv.Itoa(k)
		for _, p := range v.ps {
			p.Pointer = prefix + p.Pointer
			ps.Add(p)
		}
	}
	return ps.Err(validateOp)
}
