package normdoc

import (
	"encoding/json"
	"fmt"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// The limits the schema puts on a document, well above any real norm.
const (
	MaxItems   = 64  // entries in any list
	MaxLineLen = 200 // characters in a one-line text
	MaxTextLen = 2000
)

// ExtraCodePattern is the pattern of an extra behaviour's code: lower
// case like the catalogue's codes, at most norm.MaxOrgCodeLen (64)
// characters, so that every code the document accepts an incident can
// carry (TestExtraCodePatternMatchesNorm).
const ExtraCodePattern = "^[a-z][a-z0-9_]{0,63}$"

// SchemaID returns the "$id" of the norm document's schema in a language
// and dialect, e.g. "https://goedgesprek.nl/schema/norm/v1/nl.json" and
// "https://goedgesprek.nl/schema/norm/v1/draft-07/en.json".
func SchemaID(lang norm.Lang, d form.Dialect) string {
	id := "https://goedgesprek.nl/schema/norm/v1/"
	if d == form.Draft07 {
		id += "draft-07/"
	}
	return id + string(lang) + ".json"
}

var schemaCache form.SchemaCache

// Schema returns the JSON Schema of the norm document in a language
// ([norm.NL] or [norm.EN]: titles, descriptions and the labels of codes)
// and a dialect ([form.Draft2020], or [form.Draft07] with every reference
// inlined, for react-jsonschema-form and JSON Forms). Every object refuses
// unknown properties; numbers of days, months and steps cannot be
// negative; texts carry no control characters (tab and line feed
// aside). Built once per language and
// dialect; each call returns its own copy. An unknown language or dialect
// is a *norm.CodeError.
func Schema(lang norm.Lang, d form.Dialect) ([]byte, error) {
	return schemaCache.Get(lang, d, buildSchema)
}

func buildSchema(lang norm.Lang, d form.Dialect) ([]byte, error) {
	s, err := form.ReflectSchema(&Document{}, SchemaID(lang, d),
		form.Lang(lang),
		form.EnumLabels(norm.BehaviourCodes(), norm.BehaviourCode.Label),
		form.EnumLabels(norm.Categories(), norm.Category.Label),
		form.EnumLabels(norm.EmployeeMedia(), norm.EmployeeMedium.Label),
		form.EnumLabels(norm.ClientMedia(), norm.ClientMedium.Label),
		form.EnumLabels(norm.Channels(), norm.Channel.Label),
		form.EnumLabels(norm.Measures(), norm.Measure.Label),
	)
	if err != nil {
		return nil, err
	}
	// The document's own texts are written by the organisation and may
	// be in one language only; the schema still asks for both keys, as
	// every Text in the library has them (an empty one is "").
	if err := annotate(s, "", lang); err != nil {
		return nil, err
	}
	for name, def := range s.Definitions {
		if err := annotate(def, name, lang); err != nil {
			return nil, err
		}
	}
	vs, ok := s.Properties.Get("version")
	if !ok {
		return nil, fmt.Errorf("normdoc: the schema has no version property")
	}
	vs.Const = Version
	b, err := form.Marshal(s)
	if err != nil || d == form.Draft2020 {
		return b, err
	}
	return form.Convert(b, d)
}

// annotate sets the titles, descriptions and constraints of the
// properties of s, the definition named def ("" for the root). A property
// without a text is an error, so that a field added to a type cannot reach
// a form without a label.
func annotate(s *form.Schema, def string, lang norm.Lang) error {
	if t, ok := defTexts[def]; ok {
		s.Title, s.Description = t[0].In(lang), t[1].In(lang)
	}
	if s.Properties == nil {
		return nil
	}
	u := func(n uint64) *uint64 { return &n }
	for name, p := range s.Properties.All() {
		key := def + "." + name
		t, ok := fieldTexts[key]
		if !ok {
			return fmt.Errorf("normdoc: no title for %s", key)
		}
		p.Title, p.Description = t[0].In(lang), t[1].In(lang)
		if p.Type == "array" {
			p.MaxItems = u(MaxItems)
			if p.Items != nil && p.Items.Ref == "" { // lists of codes
				p.UniqueItems = true
			}
		}
		switch key {
		case "Organisation.name":
			p.MinLength, p.MaxLength, p.Pattern = u(1), u(MaxLineLen), norm.LinePattern
		case "Text.nl", "Text.en":
			p.MaxLength, p.Pattern = u(MaxTextLen), norm.TextPattern
		case "ExtraBehaviour.code":
			p.Pattern = ExtraCodePattern
		case "Turnaround.days":
			p.Minimum, p.Maximum = json.Number("0"), json.Number(fmt.Sprint(norm.MaxTurnaroundDays))
		case "Sanction.step":
			p.Minimum = json.Number("1")
		case "Sanction.ban_months":
			p.Minimum, p.Maximum = json.Number("0"), json.Number(fmt.Sprint(norm.MaxBanMonths))
		case "Sanction.measures":
			p.MinItems = u(1)
		}
	}
	return nil
}

// defTexts are the titles and descriptions of the document and its
// definitions.
var defTexts = map[string][2]norm.Text{
	"": {norm.T("Norm van de organisatie", "The organisation's norm"),
		norm.T("De huisregels tegen agressie (GG11, VPT1) en de servicenorm (GG09), zoals de organisatie ze heeft vastgesteld.",
			"The house rules against aggression (GG11, VPT1) and the service norm (GG09), as the organisation adopted them.")},
	"Text": {norm.T("Tekst", "Text"), norm.T("Dezelfde tekst in het Nederlands en het Engels.", "The same text in Dutch and English.")},
}

// fieldTexts are the title and description of every property, keyed by
// the definition's name, a dot and the property ("" for the root).
var fieldTexts = map[string][2]norm.Text{
	".version":      {norm.T("Versie", "Version"), norm.T("Altijd \"1\" voor deze versie van het document.", "Always \"1\" for this version of the document.")},
	".organisation": {norm.T("Organisatie", "Organisation"), norm.T("De organisatie van wie deze norm is.", "The organisation whose norm this is.")},
	".adopted": {norm.T("Vastgesteld op", "Adopted on"),
		norm.T("De datum waarop de norm in deze vorm is vastgesteld; zij geldt niet voor een zelfevaluatie van eerder.", "The date the norm was adopted in this form; it does not apply to a self-assessment of an earlier date.")},
	".norm": {norm.T("Norm van onacceptabel gedrag", "Norm of unacceptable behaviour"),
		norm.T("Welk gedrag de organisatie niet accepteert, waar zij dat laat zien en wat erop volgt (GG11).", "Which behaviour the organisation does not accept, where it shows this and what follows (GG11).")},
	".service": {norm.T("Servicenorm", "Service norm"),
		norm.T("Wat een klant van de organisatie mag verwachten (GG09). Weglaten als er (nog) geen is.", "What a client may expect of the organisation (GG09). Leave it out when there is none (yet).")},
	"Organisation.name": {norm.T("Naam", "Name"), norm.T("De naam van de organisatie.", "The organisation's name.")},
	"OrgNorm.behaviours": {norm.T("Onacceptabel gedrag uit de catalogus", "Unacceptable behaviour from the catalogue"),
		norm.T("Elke gedraging uit de catalogus die de huisregels noemen.", "Every catalogue behaviour the house rules name.")},
	"OrgNorm.extra": {norm.T("Eigen gedragingen", "Own behaviours"),
		norm.T("Gedrag dat de organisatie daarnaast noemt, met een eigen code en de categorie waarin het valt.", "Behaviour the organisation names besides, with a code of its own and the category it falls in.")},
	"OrgNorm.known_to_employees": {norm.T("Bekend bij medewerkers via", "Known to employees through"),
		norm.T("Waar medewerkers de norm tegenkomen.", "Where employees meet the norm.")},
	"OrgNorm.known_to_clients": {norm.T("Bekend bij klanten via", "Known to clients through"),
		norm.T("Waar klanten de norm tegenkomen (GG11-2).", "Where clients meet the norm (GG11-2).")},
	"OrgNorm.sanctions": {norm.T("Maatregelen per stap", "Sanctions per step"),
		norm.T("Wat er volgt op onacceptabel gedrag, stap voor stap: bijvoorbeeld een gesprek bij een eerste keer, een verbod bij herhaling.", "What follows unacceptable behaviour, step by step: for example a conversation the first time, a ban on repetition.")},
	"ExtraBehaviour.code": {norm.T("Code", "Code"),
		norm.T("Een eigen code in kleine letters, cijfers en _, geen code uit de catalogus.", "A code of its own in lower-case letters, digits and _, not a catalogue code.")},
	"ExtraBehaviour.category": {norm.T("Categorie", "Category"), norm.T("De categorie van agressie waarin het gedrag valt.", "The category of aggression the behaviour falls in.")},
	"ExtraBehaviour.label":    {norm.T("Omschrijving", "Description"), norm.T("Het gedrag in woorden.", "The behaviour in words.")},
	"Sanction.step":           {norm.T("Stap", "Step"), norm.T("1, 2, 3 ... op volgorde.", "1, 2, 3 ... in order.")},
	"Sanction.when":           {norm.T("Wanneer", "When"), norm.T("Wanneer deze stap geldt, in eigen woorden.", "When this step applies, in the organisation's own words.")},
	"Sanction.measures":       {norm.T("Maatregelen", "Measures"), norm.T("Wat de organisatie bij deze stap doet.", "What the organisation does at this step.")},
	"Sanction.ban_months": {norm.T("Duur van het verbod (maanden)", "Length of the ban (months)"),
		norm.T("Alleen bij een verbod; 0 of weglaten als er geen is.", "Only with a ban; 0 or left out when there is none.")},
	"ServiceNorm.turnaround":   {norm.T("Doorlooptijden", "Turnaround times"), norm.T("Hoe lang een verzoek duurt, per soort verzoek.", "How long a request takes, per kind of request.")},
	"ServiceNorm.reachability": {norm.T("Bereikbaarheid", "Reachability"), norm.T("Wanneer klanten de organisatie via elk kanaal bereiken.", "When clients can reach the organisation through each channel.")},
	"ServiceNorm.treatment":    {norm.T("Bejegening", "Treatment of clients"), norm.T("Wat de organisatie belooft over hoe medewerkers klanten behandelen.", "What the organisation promises about how staff treat clients.")},
	"ServiceNorm.known_to_employees": {norm.T("Bekend bij medewerkers via", "Known to employees through"),
		norm.T("Waar medewerkers de servicenorm tegenkomen (GG09-3).", "Where employees meet the service norm (GG09-3).")},
	"ServiceNorm.known_to_clients": {norm.T("Bekend bij klanten via", "Known to clients through"),
		norm.T("Waar klanten de servicenorm tegenkomen (GG09-2).", "Where clients meet the service norm (GG09-2).")},
	"Turnaround.request":      {norm.T("Soort verzoek", "Kind of request"), norm.T("In de woorden van de organisatie.", "In the organisation's own words.")},
	"Turnaround.days":         {norm.T("Dagen", "Days"), norm.T("De beloofde termijn in dagen; 0 is dezelfde dag.", "The promised time in days; 0 is the same day.")},
	"Turnaround.working_days": {norm.T("Werkdagen", "Working days"), norm.T("Aan als de termijn in werkdagen telt.", "On when the time counts working days.")},
	"Reachability.channel":    {norm.T("Kanaal", "Channel"), norm.T("Balie, telefoon of een ander kanaal.", "Desk, phone or another channel.")},
	"Reachability.hours":      {norm.T("Tijden", "Hours"), norm.T("Wanneer het kanaal open is, bijvoorbeeld ma-vr 9.00-17.00 uur.", "When the channel is open, for example Mon-Fri 9:00-17:00.")},
	"Text.nl":                 {norm.T("Nederlands", "Dutch"), norm.Text{}},
	"Text.en":                 {norm.T("Engels", "English"), norm.Text{}},
}
