package followup

import (
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// ActionSchemaID is the "$id" of the action document's schema. The version
// in it changes only when a valid document could become invalid.
const ActionSchemaID = "https://goedgesprek.nl/schema/action/v1.json"

var kindLabels = map[Kind]norm.Text{
	KindReaction:       norm.T("Reactie op de pleger", "Reaction to the perpetrator"),
	KindPoliceReport:   norm.T("Aangifte bij de politie", "Police report"),
	KindPoliceDecision: norm.T("Besluit over aangifte", "Decision whether to report to the police"),
	KindDamages:        norm.T("Schade verhalen op de pleger", "Damage recovery from the perpetrator"),
	KindAftercare:      norm.T("Eerste nazorgcontact", "First aftercare contact"),
	KindAftercareAgain: norm.T("Nazorg opnieuw aangeboden", "Aftercare offered again"),
	KindAftercareCheck: norm.T("Nazorgcontrole na zes weken", "Aftercare check at six weeks"),
	KindManagerTalk:    norm.T("Gesprek met de leidinggevende", "Conversation with the manager"),
}

// Label is the kind's name for people, in Dutch and English.
func (k Kind) Label() norm.Text { return kindLabels[k] }

var outcomeLabels = map[Outcome]norm.Text{
	OutcomeDone:        norm.T("Gedaan", "Done"),
	OutcomeDeclined:    norm.T("Afgewezen door de medewerker", "Declined by the employee"),
	OutcomeNotPossible: norm.T("Niet mogelijk (met reden)", "Not possible (with a reason)"),
}

// Label is the outcome's name for people, in Dutch and English.
func (o Outcome) Label() norm.Text { return outcomeLabels[o] }

// formNames are the forms' names, spelled in this one place: the action
// schema and the checklist's options for GG12-2 both read them.
var formNames = map[Form]norm.Text{
	FormConversation:  norm.T("gesprek", "conversation"),
	FormWarningLetter: norm.T("waarschuwingsbrief", "warning letter"),
	FormBan:           norm.T("toegangsverbod", "ban from the premises"),
	FormReport:        norm.T("wel aangifte doen", "report to the police"),
	FormNoReport:      norm.T("geen aangifte doen", "no police report"),
}

// FormLabel gives a form's bilingual name, in lower case (empty for an
// unknown form).
func FormLabel(f Form) norm.Text { return formNames[f] }

// formKindWords say in the schema which kind of action a form belongs to.
var formKindWords = map[Kind]norm.Text{
	KindReaction:       norm.T("reactie", "reaction"),
	KindPoliceDecision: norm.T("besluit", "decision"),
}

// formTitle is a form's title in the action schema: "Gesprek (reactie)".
func formTitle(f Form, lang norm.Lang) string {
	name := formNames[f].In(lang)
	if name != "" {
		name = strings.ToUpper(name[:1]) + name[1:]
	}
	for _, k := range kinds {
		if slices.Contains(formsByKind[k], f) {
			return name + " (" + formKindWords[k].In(lang) + ")"
		}
	}
	return name
}

var allForms = []Form{FormConversation, FormWarningLetter, FormBan, FormReport, FormNoReport}

// fieldTexts are the title and description of each property of the action
// document.
var fieldTexts = map[string][2]norm.Text{
	"id": {norm.T("Kenmerk van de actie", "Action reference"),
		norm.T("Uniek kenmerk van deze actie; dezelfde actie twee keer vastleggen telt één keer.", "Unique reference of this action; recording the same action twice counts once.")},
	"incident_id": {norm.T("Kenmerk van het incident", "Incident reference"),
		norm.T("Het incident in het register waar deze actie bij hoort.", "The incident in the register this action belongs to.")},
	"kind": {norm.T("Soort actie", "Kind of action"),
		norm.T("Welke verplichting na het incident deze actie vervult.", "Which obligation after the incident this action fulfils.")},
	"subject": {norm.T("Voor wie", "For whom"),
		norm.T("\"perpetrator\" voor de pleger (reactie, aangifte, schade), anders de pseudonieme referentie van de betrokken medewerker.", "\"perpetrator\" for the perpetrator (reaction, police, damages), otherwise the pseudonymous reference of the employee involved.")},
	"at": {norm.T("Tijdstip", "Time"),
		norm.T("Wanneer de actie plaatsvond, met tijdzone (RFC 3339).", "When the action took place, with its time zone (RFC 3339).")},
	"outcome": {norm.T("Uitkomst", "Outcome"),
		norm.T("Gedaan, afgewezen door de medewerker (alleen nazorg en gesprek met de leidinggevende), of niet mogelijk met een reden.", "Done, declined by the employee (aftercare and the manager conversation only), or not possible with a reason.")},
	"form": {norm.T("Vorm", "Form"),
		norm.T("Bij een reactie: gesprek, waarschuwingsbrief of toegangsverbod; bij een besluit over aangifte: wel of geen aangifte. Anders weglaten.", "For a reaction: conversation, warning letter or ban; for a police decision: report or no report. Leave it out otherwise.")},
	"reason": {norm.T("Reden", "Reason"),
		norm.T("Verplicht als de actie niet mogelijk was; geen namen of andere persoonsgegevens.", "Required when the action was not possible; no names or other personal data.")},
}

var schemaCache form.SchemaCache

// Schema returns the JSON Schema of the action document in a language
// (titles, descriptions and choice labels) and a dialect (form.Draft2020,
// the default, or form.Draft07 for react-jsonschema-form and JSON Forms).
// The schema is built once per language and dialect; each call returns its
// own copy of the bytes. An unknown language or dialect is a
// *norm.CodeError.
func Schema(lang norm.Lang, d form.Dialect) ([]byte, error) {
	return schemaCache.Get(lang, d, buildSchema)
}

func buildSchema(lang norm.Lang, d form.Dialect) ([]byte, error) {
	s, err := form.ReflectSchema(&Action{}, ActionSchemaID,
		form.Lang(lang),
		form.EnumLabels(kinds, Kind.Label),
		form.EnumLabels(outcomes, Outcome.Label),
	)
	if err != nil {
		return nil, err
	}
	s.Title = norm.T("Vervolgactie na een incident", "Follow-up action after an incident").In(lang)
	s.Description = norm.T(
		"Een actie die na een incident is gedaan: wat, voor wie, wanneer en met welke uitkomst (VPT5-8, GG12, GG13).",
		"An action taken after an incident: what, for whom, when and with what outcome (VPT5-8, GG12, GG13).").In(lang)
	u := func(n uint64) *uint64 { return &n }
	for name, p := range s.Properties.All() {
		if t, ok := fieldTexts[name]; ok {
			p.Title, p.Description = t[0].In(lang), t[1].In(lang)
		}
		switch name {
		case "id":
			p.MinLength, p.MaxLength, p.Pattern = u(1), u(MaxRefLen), "^[A-Za-z0-9._:/@-]+$"
		case "incident_id", "subject":
			// References, not names: the pattern of incident.ValidToken.
			p.MinLength, p.MaxLength, p.Pattern = u(1), u(incident.MaxIDLen), "^[A-Za-z0-9._:-]+$"
		case "reason":
			p.MaxLength, p.Pattern = u(MaxReasonLen), norm.TextPattern
		case "form":
			p.OneOf = make([]*form.Schema, len(allForms))
			for i, f := range allForms {
				p.OneOf[i] = &form.Schema{Const: f, Title: formTitle(f, lang)}
			}
		}
	}
	// A form renderer can show the reason as required as soon as
	// not_possible is chosen.
	cond := form.NewProperties()
	cond.Set("outcome", &form.Schema{Const: string(OutcomeNotPossible)})
	s.AllOf = []*form.Schema{{
		If:   &form.Schema{Properties: cond, Required: []string{"outcome"}},
		Then: &form.Schema{Required: []string{"reason"}},
	}}
	if d == form.Draft2020 {
		return form.Marshal(s)
	}
	b, err := form.Marshal(s)
	if err != nil {
		return nil, err
	}
	return form.Convert(b, d)
}

// validator checks documents against the 2020-12 schema (the language only
// changes texts, so one validator serves both).
var validator = sync.OnceValues(func() (*form.Validator, error) {
	b, err := Schema(norm.NL, form.Draft2020) // a copy of its own: no caller can reach these bytes
	if err != nil {
		return nil, err
	}
	return form.NewValidator(b)
})

// DecodeOption changes how DecodeAction reads a document.
type DecodeOption func(*decodeConfig)

type decodeConfig struct {
	limits form.Limits
	now    func() time.Time
}

// WithLimits sets the size and depth limits (default 1 MiB and 32 levels,
// see form.Limits).
func WithLimits(l form.Limits) DecodeOption { return func(c *decodeConfig) { c.limits = l } }

// WithNow makes DecodeAction refuse an action dated after now() with
// norm.CodeFuture. Without it the time is not compared with the clock.
func WithNow(now func() time.Time) DecodeOption { return func(c *decodeConfig) { c.now = now } }

// decodeOp is the Op of every error DecodeAction returns.
const decodeOp = "followup.DecodeAction"

// DecodeAction reads one action document from r: within the limits,
// strictly (no unknown field, no key twice), valid against Schema, and then
// the semantic checks of Action.Validate (not_possible needs a reason, the
// form must fit the kind, the subject must fit the kind, only aftercare and
// the manager conversation can be declined, at is not zero), plus
// norm.CodeFuture with WithNow. Every problem comes in one *norm.Error with
// Op "followup.DecodeAction"; on error the Action is zero.
func DecodeAction(r io.Reader, opts ...DecodeOption) (Action, error) {
	var cfg decodeConfig
	for _, o := range opts {
		o(&cfg)
	}
	v, err := validator()
	if err != nil {
		return Action{}, err
	}
	var a Action
	if probs := form.Decode(r, v, &a, cfg.limits); len(probs) > 0 {
		return Action{}, norm.NewError(decodeOp, probs)
	}
	probs := a.problems(nil)
	if cfg.now != nil && a.At.After(cfg.now()) {
		probs = append(probs, norm.Problem{Pointer: "/at", Code: norm.CodeFuture,
			Message: norm.T("het tijdstip ligt in de toekomst", "the time is in the future")})
	}
	if len(probs) > 0 {
		return Action{}, norm.NewError(decodeOp, probs)
	}
	return a, nil
}
