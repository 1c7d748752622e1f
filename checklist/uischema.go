package checklist

import (
	"bytes"
	"encoding/json"

	"github.com/goedgesprek/goedgesprek/norm"
)

// The top-level fields of the self-assessment in form order, and the
// fields of each object, as the UI schemas list them. A test checks them
// against the schema so that a new field cannot be left off a form.
var (
	formTop          = []string{"version", "organisation", "assessment_date", "assessor", "answers"}
	formOrganisation = []string{"name", "kind", "client_facing_employees", "managers"}
	formAssessor     = []string{"id", "role"}
	formAnswer       = []string{"value", "comment", "evidence"}
	formEvidence     = []string{"title", "reference", "date"}
)

// generalLabel is the label of the first JSON Forms category: who is
// assessed, when and by whom.
var generalLabel = norm.T("Organisatie en invuller", "Organisation and assessor")

// RJSFUISchema returns the UI schema for rendering the self-assessment
// ([Schema], either dialect) with react-jsonschema-form, in a language:
//   - "ui:order" lists the top-level fields and the fields of each object
//     in form order, and the answers in checklist order, so that the
//     criteria of one item follow each other;
//   - each answer is titled with its criterion and item ("GG01-1 ...")
//     and has the class names "gg-item gg-item-GG01" for grouping by item
//     in a stylesheet;
//   - each value is labelled with the question ("ui:title") and the help
//     text ("ui:description"), with radio buttons for yes/no and choices
//     and checkboxes for multiple choices;
//   - the version is a hidden field (its schema default fills it in).
//
// Cached; the returned bytes are shared: do not modify them.
func RJSFUISchema(lang norm.Lang) ([]byte, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	return schemas.Get(schemaKey{doc: "rjsf", lang: lang}, func() ([]byte, error) { return buildRJSF(lang) })
}

// JSONFormsUISchema returns the UI schema for rendering the
// self-assessment ([Schema], draft-07) with JSON Forms, in a language: a
// Categorization whose first Category holds the organisation, the
// assessment date and the assessor, followed by one Category per item
// (labelled with the item's ID and title). Each criterion is a Group of
// Controls whose scopes reach its value (labelled with the question),
// comment and evidence, e.g.
// "#/properties/answers/properties/GG01-1/properties/value": JSON Forms'
// vanilla renderers show nothing for nested objects that no Control
// reaches. Cached; the returned bytes are shared: do not modify them.
func JSONFormsUISchema(lang norm.Lang) ([]byte, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	return schemas.Get(schemaKey{doc: "jsonforms", lang: lang}, func() ([]byte, error) { return buildJSONForms(lang) })
}

// rjsf is a react-jsonschema-form UI schema object. Its keys are property
// names and "ui:" options; encoding/json sorts them, "ui:order" keeps the
// form order.
type rjsf map[string]any

// buildRJSF builds the react-jsonschema-form UI schema: every object in
// form order, the answers in checklist order, each answer titled with its
// criterion and item so that the answers of one item read as a group, and
// the value labelled with the question.
func buildRJSF(lang norm.Lang) ([]byte, error) {
	answers := rjsf{}
	var order []string
	for _, it := range Items() {
		for _, c := range it.Criteria {
			order = append(order, string(c.ID))
			value := rjsf{
				"ui:title":       c.Question.In(lang),
				"ui:description": c.Help.In(lang),
			}
			switch c.Type {
			case TypeBool, TypeChoice:
				value["ui:widget"] = "radio"
			case TypeMulti:
				value["ui:widget"] = "checkboxes"
			}
			answers[string(c.ID)] = rjsf{
				"ui:title":      string(c.ID) + " " + it.Title.In(lang),
				"ui:classNames": "gg-item gg-item-" + string(it.ID),
				"ui:order":      formAnswer,
				"value":         value,
				"comment":       rjsf{"ui:widget": "textarea"},
				"evidence":      rjsf{"items": rjsf{"ui:order": formEvidence}},
			}
		}
	}
	answers["ui:order"] = order
	ui := rjsf{
		"ui:order":     formTop,
		"version":      rjsf{"ui:widget": "hidden"},
		"organisation": rjsf{"ui:order": formOrganisation},
		"assessor":     rjsf{"ui:order": formAssessor},
		"answers":      answers,
	}
	return marshalIndent(ui)
}

// jsonForms is one element of a JSON Forms UI schema.
type jsonForms struct {
	Type     string         `json:"type"`
	Label    string         `json:"label,omitempty"`
	Scope    string         `json:"scope,omitempty"`
	Options  map[string]any `json:"options,omitempty"`
	Elements []jsonForms    `json:"elements,omitempty"`
}

// scope is the JSON Forms scope of a property: a JSON pointer into the
// schema through "properties".
func scope(path ...string) string {
	toks := make([]string, 0, 2*len(path))
	for _, p := range path {
		toks = append(toks, "properties", p)
	}
	return "#" + norm.Pointer(toks...)
}

// buildJSONForms builds the JSON Forms UI schema: a categorization with
// the organisation, date and assessor first and one category per item,
// whose controls reach every answer's value, comment and evidence.
func buildJSONForms(lang norm.Lang) ([]byte, error) {
	general := jsonForms{Type: "Category", Label: generalLabel.In(lang)}
	for _, f := range formOrganisation {
		general.Elements = append(general.Elements, jsonForms{Type: "Control", Scope: scope("organisation", f)})
	}
	general.Elements = append(general.Elements, jsonForms{Type: "Control", Scope: scope("assessment_date")})
	for _, f := range formAssessor {
		general.Elements = append(general.Elements, jsonForms{Type: "Control", Scope: scope("assessor", f)})
	}
	root := jsonForms{Type: "Categorization", Elements: []jsonForms{general}}
	for _, it := range Items() {
		cat := jsonForms{Type: "Category", Label: string(it.ID) + " " + it.Title.In(lang)}
		for _, c := range it.Criteria {
			id := string(c.ID)
			value := jsonForms{Type: "Control", Label: c.Question.In(lang), Scope: scope("answers", id, "value")}
			switch c.Type {
			case TypeBool, TypeChoice:
				value.Options = map[string]any{"format": "radio"}
			}
			cat.Elements = append(cat.Elements, jsonForms{
				Type:  "Group",
				Label: id,
				Elements: []jsonForms{
					value,
					{Type: "Control", Scope: scope("answers", id, "comment"), Options: map[string]any{"multi": true}},
					{Type: "Control", Scope: scope("answers", id, "evidence")},
				},
			})
		}
		root.Elements = append(root.Elements, cat)
	}
	return marshalIndent(root)
}

// marshalIndent writes v as indented JSON without HTML escaping, like the
// schemas, ending in a newline.
func marshalIndent(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
