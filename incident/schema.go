package incident

import (
	"encoding/json"
	"reflect"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// SchemaID is the "$id" of the incident document's schema. The version in
// it changes only when a valid document could become invalid.
const SchemaID = "https://goedgesprek.nl/schema/incident/v1.json"

var perpetratorRoleLabels = map[PerpetratorRole]norm.Text{
	PerpetratorClient:         norm.T("Klant", "Client"),
	PerpetratorRepresentative: norm.T("Vertegenwoordiger of gemachtigde", "Representative"),
	PerpetratorFamily:         norm.T("Familielid", "Family member"),
	PerpetratorOther:          norm.T("Iemand anders", "Someone else"),
	PerpetratorUnknown:        norm.T("Onbekend", "Unknown"),
}

var personRoleLabels = map[PersonRole]norm.Text{
	RoleTarget:  norm.T("Doelwit", "Target"),
	RoleWitness: norm.T("Getuige", "Witness"),
	RoleManager: norm.T("Leidinggevende", "Manager"),
}

var causeLabels = map[Cause]norm.Text{
	CauseDecision:      norm.T("Inhoud van een besluit", "Content of a decision"),
	CauseWaitingTime:   norm.T("Wacht- of doorlooptijd", "Waiting or turnaround time"),
	CauseProcedure:     norm.T("Onduidelijke of bureaucratische procedure", "Unclear or bureaucratic procedure"),
	CauseCommunication: norm.T("Hoe een boodschap werd gebracht", "How a message was delivered"),
	CauseReachability:  norm.T("Organisatie slecht bereikbaar", "Organisation hard to reach"),
	CausePersonal:      norm.T("Persoonlijke omstandigheden van de klant", "The client's personal circumstances"),
	CauseSubstance:     norm.T("Alcohol of drugs", "Alcohol or drugs"),
	CauseOther:         norm.T("Andere oorzaak", "Other cause"),
}

// fieldTexts are the title and description of each property, keyed by
// the property's JSON pointer in an incident document.
var fieldTexts = map[string][2]norm.Text{
	"/id": {norm.T("Kenmerk", "Reference"),
		norm.T("Uniek kenmerk van het incident; leeg laten om het register er een te laten maken.", "Unique reference of the incident; leave it out to let the register make one.")},
	"/occurred_at": {norm.T("Tijdstip van het incident", "Time of the incident"),
		norm.T("Wanneer het gebeurde, met tijdzone (RFC 3339).", "When it happened, with its time zone (RFC 3339).")},
	"/reported_at": {norm.T("Tijdstip van de melding", "Time of the report"),
		norm.T("Wanneer de medewerker het meldde; niet vóór het incident.", "When the employee reported it; not before the incident.")},
	"/recorded_at": {norm.T("Tijdstip van registratie", "Time of recording"),
		norm.T("Wanneer het in het register kwam; het register vult dit zelf in.", "When it entered the register; the register fills this in itself.")},
	"/site": {norm.T("Locatie", "Site"),
		norm.T("Code of naam van de vestiging; geen adres van een persoon.", "Code or name of the site; not a person's address.")},
	"/channel": {norm.T("Kanaal", "Channel"),
		norm.T("Waar klant en medewerker elkaar troffen.", "Where client and employee met.")},
	"/behaviours": {norm.T("Gedrag", "Behaviour"),
		norm.T("Het onacceptabele gedrag, uit de catalogus of uit de eigen norm van de organisatie (zie norm); categorie en ernst volgen hieruit.", "The unacceptable behaviour, from the catalogue or from the organisation's own norm (see norm); category and severity follow from it.")},
	"/norm": {norm.T("Norm van de organisatie", "The organisation's norm"),
		norm.T("De eigen norm waaronder het incident is geregistreerd, met de categorie die zij geeft aan elk eigen gedrag dat het incident noemt.", "The organisation's own norm the incident was registered under, with the category it gives to each of its own behaviours the incident names.")},
	"/norm/id": {norm.T("Naam van de norm", "Name of the norm"),
		norm.T("Hoe de organisatie deze versie van haar norm noemt, zoals UDN-huisregels-2026-1.", "What the organisation calls this version of its norm, such as UDN-huisregels-2026-1.")},
	"/norm/behaviours": {norm.T("Eigen gedrag", "Own behaviours"),
		norm.T("Elk gedrag uit de eigen norm dat het incident noemt, met zijn categorie; catalogusgedrag staat hier niet.", "Each behaviour of the own norm that the incident names, with its category; catalogue behaviours are not listed here.")},
	"/norm/behaviours/code": {norm.T("Code", "Code"),
		norm.T("De code zoals de norm en het gedrag van het incident haar schrijven.", "The code as the norm and the incident's behaviours write it.")},
	"/norm/behaviours/category": {norm.T("Categorie", "Category"),
		norm.T("De categorie die de norm aan dit gedrag geeft.", "The category the norm gives this behaviour.")},
	"/phase": {norm.T("Fase", "Phase"),
		norm.T("De kleur van het verkeerslicht die het gesprek bereikte.", "The colour of the traffic light the conversation reached.")},
	"/perpetrator": {norm.T("Pleger", "Perpetrator"),
		norm.T("Wie het deed, alleen als pseudonieme referentie.", "Who did it, only as a pseudonymous reference.")},
	"/perpetrator/ref": {norm.T("Referentie van de pleger", "Perpetrator reference"),
		norm.T("Pseudoniem zoals P-0042; geen naam. Weglaten als de pleger onbekend is.", "A pseudonym such as P-0042; not a name. Leave it out when the perpetrator is unknown.")},
	"/perpetrator/role": {norm.T("Rol van de pleger", "Role of the perpetrator"),
		norm.T("Wat de pleger voor de organisatie is; \"onbekend\" als niemand het weet.", "What the perpetrator is to the organisation; \"unknown\" when nobody knows.")},
	"/involved": {norm.T("Betrokkenen", "People involved"),
		norm.T("Medewerkers die erbij waren, elk met een pseudonieme referentie en een rol.", "Employees who were there, each with a pseudonymous reference and a role.")},
	"/involved/ref": {norm.T("Referentie", "Reference"),
		norm.T("Pseudoniem zoals E-017; geen naam.", "A pseudonym such as E-017; not a name.")},
	"/involved/role": {norm.T("Rol", "Role"),
		norm.T("Doelwit, getuige of leidinggevende.", "Target, witness or manager.")},
	"/consequences": {norm.T("Gevolgen", "Consequences"),
		norm.T("Wat het incident kostte.", "What the incident cost.")},
	"/consequences/injury": {norm.T("Letsel", "Injury"),
		norm.T("Raakte iemand gewond?", "Was anyone injured?")},
	"/consequences/absence_days": {norm.T("Verzuimdagen", "Days of absence"),
		norm.T("Werkdagen verzuim door het incident.", "Working days of absence caused by the incident.")},
	"/consequences/damage_cents": {norm.T("Schade (centen)", "Damage (cents)"),
		norm.T("Schade aan eigendommen in eurocent.", "Damage to property in euro cents.")},
	"/consequences/police_called": {norm.T("Politie gebeld", "Police called"),
		norm.T("Werd de politie erbij gehaald?", "Were the police called to the scene?")},
	"/analysis": {norm.T("Oorzaakanalyse", "Cause analysis"),
		norm.T("Waardoor het gebeurde en wat de organisatie ervan leert (GG05).", "Why it happened and what the organisation learns from it (GG05).")},
	"/analysis/causes": {norm.T("Oorzaken", "Causes"),
		norm.T("De gecodeerde oorzaken, ook die in de eigen werkwijze.", "The coded causes, including those in the organisation's own way of working.")},
	"/analysis/text": {norm.T("Analyse", "Analysis"),
		norm.T("Toelichting; persoonsgegevens, blijft buiten exports.", "Explanation; personal data, kept out of exports.")},
	"/analysis/lessons": {norm.T("Lessen", "Lessons"),
		norm.T("Wat de organisatie in haar eigen procedures verandert.", "What the organisation changes in its own procedures.")},
	"/description": {norm.T("Beschrijving", "Description"),
		norm.T("Wat er gebeurde, in eigen woorden; persoonsgegevens, blijft buiten logboeken en exports.", "What happened, in one's own words; personal data, kept out of logs and exports.")},
	"/version": {norm.T("Versie", "Version"),
		norm.T("Door het register bijgehouden; meesturen bij een wijziging.", "Kept by the register; send it along with a change.")},
}

var schemaCache form.SchemaCache

// Schema returns the JSON Schema of the incident document in a language
// (titles, descriptions and choice labels) and a dialect (form.Draft2020,
// the default, or form.Draft07 for react-jsonschema-form and JSON Forms).
// The schema is built once per language and dialect; each call returns its
// own copy of the bytes. An unknown language or dialect is a
// *norm.CodeError.
func Schema(lang norm.Lang, d form.Dialect) ([]byte, error) {
	return schemaCache.Get(lang, d, buildSchema)
}

func buildSchema(lang norm.Lang, d form.Dialect) ([]byte, error) {
	s, err := form.ReflectSchema(&Incident{}, SchemaID,
		form.Lang(lang),
		form.EnumLabels(norm.BehaviourCodes(), norm.BehaviourCode.Label),
		form.EnumLabels(norm.Categories(), norm.Category.Label),
		form.Mapper(func(t reflect.Type) *form.Schema {
			if t != reflect.TypeFor[Behaviours]() {
				return nil
			}
			return behavioursSchema(lang)
		}),
		form.EnumLabels(norm.Channels(), norm.Channel.Label),
		form.EnumLabels(norm.Phases(), norm.Phase.Label),
		form.EnumLabels(perpetratorRoles, func(r PerpetratorRole) norm.Text { return perpetratorRoleLabels[r] }),
		form.EnumLabels(personRoles, func(r PersonRole) norm.Text { return personRoleLabels[r] }),
		form.EnumLabels(causes, func(c Cause) norm.Text { return causeLabels[c] }),
	)
	if err != nil {
		return nil, err
	}
	s.Title = norm.T("Incident van agressie of geweld", "Incident of aggression or violence").In(lang)
	s.Description = norm.T(
		"Eén melding in het centrale incidentenregister (GG05, VPT2, VPT3). Personen alleen als pseudonieme referentie.",
		"One report in the central incident register (GG05, VPT2, VPT3). People only as pseudonymous references.").In(lang)

	// An ID is optional (the register makes one), and so are the lists
	// that can be empty: a document without people involved leaves
	// "involved" out.
	s.Required = without(s.Required, "id", "involved")
	annotate(s, "", lang)
	for name, def := range s.Definitions {
		base := map[string]string{"Perpetrator": "/perpetrator", "Person": "/involved", "Consequences": "/consequences", "Analysis": "/analysis",
			"NormRef": "/norm", "OwnBehaviour": "/norm/behaviours"}[name]
		if name == "Analysis" {
			def.Required = without(def.Required, "causes")
		}
		annotate(def, base, lang)
	}
	b, err := form.Marshal(s)
	if err != nil || d == form.Draft2020 {
		return b, err
	}
	return form.Convert(b, d)
}

// behavioursSchema is the schema of Behaviours: codes of the form every
// code has (norm.OrgCodePattern), either one of the catalogue (listed with
// their labels) or one of the organisation's own norm, which no schema can
// list: Validate checks those against the incident's norm.
func behavioursSchema(lang norm.Lang) *form.Schema {
	catalogue := &form.Schema{}
	for _, b := range norm.Behaviours() {
		catalogue.OneOf = append(catalogue.OneOf, &form.Schema{Const: string(b.Code), Title: b.Label.In(lang)})
	}
	own := &form.Schema{Title: norm.T("eigen gedrag uit de norm van de organisatie", "own behaviour from the organisation's norm").In(lang)}
	n := uint64(norm.MaxOrgCodeLen)
	return &form.Schema{Type: "array", Items: &form.Schema{Type: "string", Pattern: norm.OrgCodePattern, MaxLength: &n,
		AnyOf: []*form.Schema{catalogue, own}}}
}

func without(list []string, drop ...string) []string {
	out := list[:0:0]
	for _, s := range list {
		keep := true
		for _, d := range drop {
			keep = keep && s != d
		}
		if keep {
			out = append(out, s)
		}
	}
	return out
}

// annotate sets the titles, descriptions and constraints of the
// properties of s, whose pointer in the document is base.
func annotate(s *form.Schema, base string, lang norm.Lang) {
	if s.Properties == nil {
		return
	}
	u := func(n uint64) *uint64 { return &n }
	const tokenPattern = "^[A-Za-z0-9._:-]+$"
	for name, prop := range s.Properties.All() {
		ptr, p := base+"/"+name, prop
		if t, ok := fieldTexts[ptr]; ok {
			p.Title, p.Description = t[0].In(lang), t[1].In(lang)
		}
		switch ptr {
		case "/id":
			p.MaxLength, p.Pattern = u(MaxIDLen), "^[A-Za-z0-9._:-]*$"
		case "/perpetrator/ref", "/involved/ref":
			p.MinLength, p.MaxLength, p.Pattern = u(1), u(MaxIDLen), tokenPattern
		case "/site":
			p.MaxLength, p.Pattern = u(MaxSiteLen), norm.LinePattern
		case "/description", "/analysis/text", "/analysis/lessons":
			p.MaxLength, p.Pattern = u(MaxTextBytes), norm.TextPattern
		case "/behaviours":
			p.MinItems, p.MaxItems, p.UniqueItems = u(1), u(MaxItems), true
		case "/norm/id":
			p.MinLength, p.MaxLength, p.Pattern = u(1), u(MaxIDLen), tokenPattern
		case "/norm/behaviours":
			p.MaxItems = u(MaxItems)
		case "/norm/behaviours/code":
			p.MinLength, p.MaxLength, p.Pattern = u(1), u(norm.MaxOrgCodeLen), norm.OrgCodePattern
		case "/analysis/causes":
			p.MaxItems, p.UniqueItems = u(MaxItems), true
		case "/involved":
			p.MaxItems = u(MaxItems)
		case "/consequences/absence_days", "/consequences/damage_cents", "/version":
			p.Minimum = json.Number("0")
		}
	}
}
