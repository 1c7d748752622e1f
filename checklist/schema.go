package checklist

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"

	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// The $id base of the schemas this package emits. The version in the path
// changes only when a document that was valid would be refused.
const schemaBase = "https://goedgesprek.nl/schema/"

// AssessmentSchemaID returns the "$id" of the self-assessment schema in a
// language and dialect:
// "https://goedgesprek.nl/schema/assessment/v1/nl.json" for 2020-12 and
// "https://goedgesprek.nl/schema/assessment/v1/draft-07/nl.json" for
// draft-07. The languages differ in titles and labels, so each schema has
// its own $id.
func AssessmentSchemaID(lang norm.Lang, d form.Dialect) string {
	return schemaID("assessment", lang, d)
}

// ReportSchemaID returns the "$id" of the report schema, e.g.
// "https://goedgesprek.nl/schema/report/v1/en.json".
func ReportSchemaID(lang norm.Lang, d form.Dialect) string {
	return schemaID("report", lang, d)
}

func schemaID(doc string, lang norm.Lang, d form.Dialect) string {
	id := schemaBase + doc + "/v1/"
	if d == form.Draft07 {
		id += "draft-07/"
	}
	return id + string(lang) + ".json"
}

// schemaKey names one emitted schema.
type schemaKey struct {
	doc  string // "assessment", "report", "rjsf", "jsonforms"
	lang norm.Lang
	d    form.Dialect
}

// schemas caches every schema and UI schema this package emits: they are
// asked for on every page load and never change in a running program.
var schemas form.Cache[schemaKey]

// Schema returns the JSON Schema of the self-assessment ([Assessment]) in
// a language ([norm.NL] or [norm.EN]) and dialect ([form.Draft2020] or
// [form.Draft07]).
//
// Every criterion of the checklist is a property of "answers", keyed by
// its ID, in checklist order. Its value carries the question as title,
// the help text as description and the constraints of the answer type:
// yes/no and choices as "oneOf" lists of {const, title} so that form
// renderers show readable labels, multiple choices as an array of those
// with unique items, percentages 0-100, counts and months whole numbers
// of 0 or more, dates with "format": "date". Every object refuses unknown
// properties; the answers themselves are optional, as is the value of an
// answer: an unanswered criterion is not an error. "version" (const "1")
// and "answers" may be left out, so that a form that shows neither still
// hands in a valid document.
//
// The schema sets no default on any answer; yes/no questions are
// "oneOf" true (yes) and false (no) rather than a checkbox, so that an
// untouched question stays unanswered instead of "no". JSON Forms leaves
// such a question empty; react-jsonschema-form fills in the first option
// of every "oneOf" unless its Form gets
// experimental_defaultFormStateBehavior={{constAsDefaults: 'skipOneOf'}}.
//
// The draft-07 schema has every reference inlined (no "definitions" or
// "$defs"), for JSON Forms and react-jsonschema-form. Each schema is
// built once and then served from a cache: a call after the first costs
// a map lookup and a copy, and the caller owns the returned bytes.
func Schema(lang norm.Lang, d form.Dialect) ([]byte, error) {
	if err := checkLangDialect(lang, d); err != nil {
		return nil, err
	}
	return schemas.Get(schemaKey{"assessment", lang, d}, func() ([]byte, error) {
		return emitAssessmentSchema(lang, d)
	})
}

// ReportSchema returns the JSON Schema of the evaluation report
// ([Report]) in a language and dialect, for systems that consume reports.
// It is reflected from the Go type; codes (results, ratings, finding
// codes, item and criterion IDs, principles) are enumerations, and
// results and ratings carry labels in the requested language. Cached like
// [Schema].
func ReportSchema(lang norm.Lang, d form.Dialect) ([]byte, error) {
	if err := checkLangDialect(lang, d); err != nil {
		return nil, err
	}
	return schemas.Get(schemaKey{"report", lang, d}, func() ([]byte, error) {
		return emitReportSchema(lang, d)
	})
}

// checkLangDialect refuses a language or dialect there is no schema for,
// with a *norm.CodeError naming the allowed values.
func checkLangDialect(lang norm.Lang, d form.Dialect) error {
	if err := checkLang(lang); err != nil {
		return err
	}
	_, err := norm.ParseCode("dialect", string(d), form.Dialects())
	return err
}

func checkLang(lang norm.Lang) error {
	_, err := norm.ParseCode("lang", string(lang), norm.Langs())
	return err
}

// emitAssessmentSchema builds the schema, marshals it and converts it to
// the dialect.
func emitAssessmentSchema(lang norm.Lang, d form.Dialect) ([]byte, error) {
	s, err := buildAssessmentSchema(lang)
	if err != nil {
		return nil, err
	}
	s.ID = string(AssessmentSchemaID(lang, d))
	b, err := form.Marshal(s)
	if err != nil {
		return nil, err
	}
	return form.Convert(b, d)
}

// fieldText is the title and description of one property of a document,
// in both languages.
type fieldText struct {
	title, desc norm.Text
}

// assessmentTexts labels every property of the self-assessment that comes
// from the Go types, keyed by its dotted path ("organisation.name";
// "answer.comment" for every answer, "evidence.title" for every item of
// evidence). Building the schema fails when a property has no entry, so a
// field added to a type cannot reach a form without a label.
var assessmentTexts = map[string]fieldText{
	"": {
		norm.T("Zelfevaluatie Goed gesprek", "Goed gesprek self-assessment"),
		norm.T("De 14 punten van de checklist Goed gesprek, door de organisatie zelf ingevuld. Een criterium zonder antwoord is geen fout: het telt als onbeantwoord.",
			"The 14 items of the Goed gesprek checklist, filled in by the organisation itself. A criterion without an answer is not an error: it counts as unanswered."),
	},
	"version": {
		norm.T("Versie van het formulier", "Form version"),
		norm.T("Altijd \"1\" voor deze versie van de zelfevaluatie.", "Always \"1\" for this version of the self-assessment."),
	},
	"organisation": {
		norm.T("Organisatie", "Organisation"),
		norm.T("De organisatie die zichzelf beoordeelt.", "The organisation that assesses itself."),
	},
	"organisation.name": {
		norm.T("Naam van de organisatie", "Name of the organisation"),
		norm.Text{},
	},
	"organisation.kind": {
		norm.T("Soort organisatie", "Kind of organisation"),
		norm.Text{},
	},
	"organisation.client_facing_employees": {
		norm.T("Medewerkers met klantcontact", "Client-facing employees"),
		norm.T("Het aantal medewerkers dat klanten spreekt: aan de balie, aan de telefoon, in de backoffice of bij hoorzittingen.",
			"The number of employees who deal with clients: at the desk, by phone, in the back office or at hearings."),
	},
	"organisation.managers": {
		norm.T("Leidinggevenden", "Managers"),
		norm.T("Het aantal leidinggevenden van deze medewerkers.", "The number of managers of these employees."),
	},
	"assessment_date": {
		norm.T("Datum van de zelfevaluatie", "Assessment date"),
		norm.T("De peildatum: elke termijn zoals 'de afgelopen 12 maanden' telt terug vanaf deze datum, en geen bewijsstuk mag later gedateerd zijn.",
			"The reference date: every period such as 'the past 12 months' counts back from it, and no evidence may be dated later."),
	},
	"assessor": {
		norm.T("Ingevuld door", "Filled in by"),
		norm.T("Wie de zelfevaluatie invulde, met een kenmerk in plaats van een naam.", "Who filled in the self-assessment, by a reference rather than a name."),
	},
	"assessor.id": {
		norm.T("Kenmerk van de invuller", "Assessor reference"),
		norm.T("Een pseudoniem kenmerk, zoals een personeelsnummer; geen naam.", "A pseudonymous reference such as a staff number; not a name."),
	},
	"assessor.role": {
		norm.T("Functie of rol", "Position or role"),
		norm.T("Bijvoorbeeld: kwaliteitsadviseur of beleidsmedewerker veiligheid.", "For example: quality adviser or safety policy officer."),
	},
	"answers": {
		norm.T("Antwoorden", "Answers"),
		norm.T("Eén antwoord per criterium, onder het nummer van het criterium. Laat een criterium weg zolang het niet beantwoord is.",
			"One answer per criterion, under the criterion's number. Leave a criterion out for as long as it is not answered."),
	},
	"answer.comment": {
		norm.T("Toelichting", "Comment"),
		norm.T("Een korte toelichting bij het antwoord (optioneel).", "A short comment on the answer (optional)."),
	},
	"answer.evidence": {
		norm.T("Onderbouwing", "Evidence"),
		norm.T("Documenten die het antwoord staven. Een positief antwoord op een criterium dat bewijs vraagt, hoort er een te hebben.",
			"Documents that support the answer. A positive answer to a criterion that asks for evidence should have one."),
	},
	"evidence": {
		norm.T("Bewijsstuk", "Evidence document"),
		norm.Text{},
	},
	"evidence.title": {
		norm.T("Titel", "Title"),
		norm.T("De titel van het document.", "The document's title."),
	},
	"evidence.reference": {
		norm.T("Vindplaats", "Reference"),
		norm.T("Een kenmerk of link waarmee het document terug te vinden is. Elk kenmerk komt één keer voor in de zelfevaluatie.",
			"A reference or link by which the document can be found. Each reference occurs once in the self-assessment."),
	},
	"evidence.date": {
		norm.T("Datum", "Date"),
		norm.T("De datum van het document, niet later dan de datum van de zelfevaluatie.", "The document's date, no later than the assessment date."),
	},
}

// orgKindLabels are the readable labels of the organisation kinds.
var orgKindLabels = map[OrgKind]norm.Text{
	OrgMunicipality:    norm.T("Gemeente", "Municipality"),
	OrgExecutiveAgency: norm.T("Uitvoeringsorganisatie", "Executive agency"),
	OrgMinistry:        norm.T("Ministerie", "Ministry"),
	OrgOther:           norm.T("Andere overheidsorganisatie", "Other public organisation"),
}

// boolLabels label the two answers of a yes/no criterion.
var boolLabels = [2]norm.Text{norm.T("Ja", "Yes"), norm.T("Nee", "No")}

// minLength1 lists the strings that may not be empty.
var minLength1 = map[string]bool{
	"organisation.name":  true,
	"assessor.id":        true,
	"evidence.title":     true,
	"evidence.reference": true,
}

// maxLength bounds every free-text string, so that a form shows the limit
// and a 1 MB name is refused by the schema rather than carried into
// reports. Names and references are short; a comment may be a paragraph.
var maxLength = map[string]uint64{
	"organisation.name":  200,
	"assessor.id":        100,
	"assessor.role":      200,
	"answer.comment":     4000,
	"evidence.title":     300,
	"evidence.reference": 200,
}

// textPatterns keeps control characters out of every free-text string
// (see norm.LinePattern): names, references and titles are one line; a
// comment may have line breaks and tabs.
var textPatterns = map[string]string{
	"organisation.name":  norm.LinePattern,
	"assessor.id":        norm.LinePattern,
	"assessor.role":      norm.LinePattern,
	"answer.comment":     norm.TextPattern,
	"evidence.title":     norm.LinePattern,
	"evidence.reference": norm.LinePattern,
}

var (
	answersType  = reflect.TypeFor[map[CriterionID]Answer]()
	evidenceType = reflect.TypeFor[Evidence]()
	valueType    = reflect.TypeFor[Value]()
)

// evidenceDef is the name of the one shared definition: the evidence
// object, referred to from every answer.
const evidenceDef = "evidence"

// buildAssessmentSchema builds the 2020-12 self-assessment schema in one
// language: properties, types and required fields reflected from the Go
// types with form.ReflectSchema, titles from assessmentTexts, and the
// answers from the catalogue.
func buildAssessmentSchema(lang norm.Lang) (*form.Schema, error) {
	root, err := reflectPart(Assessment{}, lang, true)
	if err != nil {
		return nil, err
	}
	if err := decorate(root, "", lang); err != nil {
		return nil, err
	}
	vs, ok := root.Properties.Get("version")
	if !ok {
		return nil, fmt.Errorf("checklist: the Assessment type has no version field")
	}
	vs.Const = AssessmentVersion
	// Optional, with its default: JSON Forms writes no field that has no
	// control and applies no default, so a form must be able to leave it
	// out. DecodeAssessment reads an absent version as the default.
	vs.Default = AssessmentVersion
	// Answers are optional too: a form nobody touched hands in no
	// answers object at all, and that is a document with every criterion
	// unanswered, not an invalid one.
	root.Required = slices.DeleteFunc(root.Required, func(p string) bool { return p == "version" || p == "answers" })

	ev, err := reflectPart(Evidence{}, lang, false)
	if err != nil {
		return nil, err
	}
	if err := decorate(ev, "evidence", lang); err != nil {
		return nil, err
	}
	root.Definitions = map[string]*form.Schema{evidenceDef: ev}

	answers, ok := root.Properties.Get("answers")
	if !ok {
		return nil, fmt.Errorf("checklist: the Assessment type has no answers field")
	}
	answers.AdditionalProperties = form.False()
	answers.Properties = form.NewProperties()
	// The comment and evidence of an answer come from the Answer type;
	// only the value differs per criterion.
	tmpl, err := reflectPart(Answer{}, lang, true)
	if err != nil {
		return nil, err
	}
	for _, it := range catalogue {
		for _, c := range it.Criteria {
			a, err := answerSchema(tmpl, it, c, lang)
			if err != nil {
				return nil, err
			}
			answers.Properties.Set(string(c.ID), a)
		}
	}
	return root, nil
}

// reflectPart reflects one document type with everything inlined except
// evidence, which refEvidence turns into a reference to the one shared
// definition.
func reflectPart(v any, lang norm.Lang, refEvidence bool) (*form.Schema, error) {
	s, err := form.ReflectSchema(v, "",
		form.Lang(lang),
		form.EnumLabels(orgKinds, func(k OrgKind) norm.Text { return orgKindLabels[k] }),
		form.Mapper(func(t reflect.Type) *form.Schema {
			switch t {
			case answersType:
				return &form.Schema{Type: "object"} // filled in from the catalogue
			case valueType:
				return &form.Schema{} // per criterion
			case evidenceType:
				if refEvidence {
					return &form.Schema{Ref: "#/$defs/" + evidenceDef}
				}
			}
			return nil
		}),
		form.Inline(),
	)
	if err != nil {
		return nil, err
	}
	s.Version = ""
	s.ID = ""
	s.Definitions = nil
	return s, nil
}

// decorate walks the reflected properties and gives each its title,
// description and constraints, failing on a property without a text.
func decorate(s *form.Schema, path string, lang norm.Lang) error {
	t, ok := assessmentTexts[path]
	if !ok {
		return fmt.Errorf("checklist: no title for the form field %q", path)
	}
	s.Title = t.title.In(lang)
	s.Description = t.desc.In(lang)
	switch s.Type {
	case "integer":
		s.Minimum = "0"
	case "string":
		if minLength1[path] {
			one := uint64(1)
			s.MinLength = &one
		}
		if n, ok := maxLength[path]; ok {
			s.MaxLength = &n
		}
		s.Pattern = textPatterns[path]
	}
	if s.Properties == nil {
		return nil
	}
	for key, val := range s.Properties.All() {
		child := key
		if path != "" {
			child = path + "." + key
		}
		if val.Ref != "" {
			continue
		}
		if err := decorate(val, child, lang); err != nil {
			return err
		}
	}
	return nil
}

// answerSchema builds the answer object of one criterion: its value with
// the question as title, and the comment and evidence of the Answer type.
func answerSchema(tmpl *form.Schema, it *Item, c *Criterion, lang norm.Lang) (*form.Schema, error) {
	a := &form.Schema{
		Type:                 "object",
		Title:                string(c.ID) + " " + it.Title.In(lang),
		Properties:           form.NewProperties(),
		AdditionalProperties: form.False(),
	}
	for key, val := range tmpl.Properties.All() {
		switch key {
		case "value":
			v, err := valueSchema(c, lang)
			if err != nil {
				return nil, err
			}
			a.Properties.Set("value", v)
		default:
			t, ok := assessmentTexts["answer."+key]
			if !ok {
				return nil, fmt.Errorf("checklist: no title for the form field %q", "answer."+key)
			}
			s := *val
			s.Title = t.title.In(lang)
			s.Description = t.desc.In(lang)
			if n, ok := maxLength["answer."+key]; ok {
				s.MaxLength = &n
			}
			if s.Type == "string" {
				s.Pattern = textPatterns["answer."+key]
			}
			a.Properties.Set(key, &s)
		}
	}
	// An answer without a value is an unanswered criterion, not an error:
	// form renderers hand in empty answer objects for untouched questions.
	return a, nil
}

// valueSchema is the schema of one criterion's value.
func valueSchema(c *Criterion, lang norm.Lang) (*form.Schema, error) {
	s := &form.Schema{Title: c.Question.In(lang), Description: c.Help.In(lang)}
	switch c.Type {
	case TypeBool:
		s.Type = "boolean"
		s.OneOf = []*form.Schema{
			{Const: true, Title: boolLabels[0].In(lang)},
			{Const: false, Title: boolLabels[1].In(lang)},
		}
	case TypeChoice:
		s.Type = "string"
		s.OneOf = optionSchemas(c, lang)
	case TypeMulti:
		s.Type = "array"
		s.UniqueItems = true
		s.Items = &form.Schema{Type: "string", OneOf: optionSchemas(c, lang)}
	case TypePercent:
		s.Type = "number"
		s.Minimum = "0"
		s.Maximum = "100"
	case TypeCount:
		s.Type = "integer"
		s.Minimum = "0"
	case TypeDate:
		s.Type = "string"
		s.Format = "date"
	default:
		return nil, fmt.Errorf("checklist: criterion %s has unknown answer type %q", c.ID, c.Type)
	}
	if (c.Type == TypeChoice || c.Type == TypeMulti) && len(c.Options) == 0 {
		return nil, fmt.Errorf("checklist: criterion %s has no options", c.ID)
	}
	return s, nil
}

func optionSchemas(c *Criterion, lang norm.Lang) []*form.Schema {
	out := make([]*form.Schema, len(c.Options))
	for i, o := range c.Options {
		out[i] = &form.Schema{Const: o.Code, Title: o.Label.In(lang)}
	}
	return out
}

// resultLabels and ratingLabels label the codes of the report schema.
var (
	resultLabels = map[Result]norm.Text{
		Met:           norm.T("voldaan", "met"),
		PartiallyMet:  norm.T("deels voldaan", "partially met"),
		NotMet:        norm.T("niet voldaan", "not met"),
		NotApplicable: norm.T("niet van toepassing", "not applicable"),
		Unanswered:    norm.T("niet beantwoord", "unanswered"),
	}
	ratingLabels = map[Rating]norm.Text{
		Green: norm.T("groen", "green"),
		Amber: norm.T("oranje", "amber"),
		Red:   norm.T("rood", "red"),
	}
	reportTitle = fieldText{
		norm.T("Beoordeling zelfevaluatie Goed gesprek", "Goed gesprek self-assessment report"),
		norm.T("De uitkomst van de beoordeling van een zelfevaluatie: score, kleur en de reden daarvan, elk punt en criterium met uitleg, de dekking van de principes en de bevindingen.",
			"The outcome of evaluating a self-assessment: score, rating and its reason, every item and criterion explained, the coverage of the principles, and the findings."),
	}
)

// emitReportSchema reflects the Report type.
func emitReportSchema(lang norm.Lang, d form.Dialect) ([]byte, error) {
	var itemIDs []ItemID
	var criterionIDs []CriterionID
	for _, it := range catalogue {
		itemIDs = append(itemIDs, it.ID)
		for _, c := range it.Criteria {
			criterionIDs = append(criterionIDs, c.ID)
		}
	}
	s, err := form.ReflectSchema(Report{}, ReportSchemaID(lang, d),
		form.Lang(lang),
		form.EnumLabels(results, func(r Result) norm.Text { return resultLabels[r] }),
		form.EnumLabels(ratings, func(r Rating) norm.Text { return ratingLabels[r] }),
		form.EnumLabels(orgKinds, func(k OrgKind) norm.Text { return orgKindLabels[k] }),
		form.Enum(ratingRules),
		form.Enum(FindingCodes()),
		form.Enum(derivedSources),
		form.Enum(itemIDs),
		form.Enum(criterionIDs),
		form.Enum(norm.PrincipleIDs()),
		form.Enum(norm.Langs()),
		form.Enum(surveyQuestionIDs()),
		form.Enum([]survey.TestKind{survey.TestZ, survey.TestFisher}),
		form.Mapper(func(t reflect.Type) *form.Schema {
			if t == valueType { // an answer as given: see Value
				return &form.Schema{OneOf: []*form.Schema{
					{Type: "boolean"},
					{Type: "number"},
					{Type: "string"},
					{Type: "array", Items: &form.Schema{Type: "string"}},
				}}
			}
			return nil
		}),
	)
	if err != nil {
		return nil, err
	}
	s.Title = reportTitle.title.In(lang)
	s.Description = reportTitle.desc.In(lang)
	boundReport(s)
	for _, def := range s.Definitions {
		boundReport(def)
	}
	b, err := form.Marshal(s)
	if err != nil {
		return nil, err
	}
	return form.Convert(b, d)
}

// reportBounds are the ranges of the report's numbers, by property name:
// scores and percentages 0-100, shares 0-1, counts and weights 0 or more.
var reportBounds = map[string][2]string{
	"score":                   {"0", "100"},
	"percent":                 {"0", "100"},
	"claimed":                 {"0", "100"},
	"stake":                   {"0", "100"},
	"completeness":            {"0", "1"},
	"coverage":                {"0", "1"},
	"weight":                  {"0", ""},
	"answered":                {"0", ""},
	"criteria_total":          {"0", ""},
	"criteria":                {"0", ""},
	"evidence":                {"0", ""},
	"num":                     {"0", ""},
	"den":                     {"0", ""},
	"incidents":               {"0", ""},
	"max_evidence_age_months": {"0", ""},
	"extra":                   {"0", ""},
	"sanctions":               {"0", ""},
	"low":                     {"0", "100"},
	"high":                    {"0", "100"},
	"p":                       {"0", "1"},
	"points":                  {"-100", "100"},
	"respondents":             {"0", ""},
	"positive":                {"0", ""},
}

// boundReport sets the ranges of reportBounds on the numeric properties of
// one reflected object.
func boundReport(s *form.Schema) {
	if s == nil || s.Properties == nil {
		return
	}
	for key, val := range s.Properties.All() {
		b, ok := reportBounds[key]
		if !ok || (val.Type != "number" && val.Type != "integer") {
			continue
		}
		val.Minimum = json.Number(b[0])
		val.Maximum = json.Number(b[1])
	}
}
