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
//   - the first answer of each item carries the item's ID and title as
//     its heading ("GG01 Every client-facing employee trained") and the
//     item's description; the item's other answers have no heading of
//     their own, so the item reads as one section. Every answer has the
//     class names "gg-criterion gg-item-GG01" (plus "gg-item-start" on
//     the first) for a stylesheet;
//   - each value is labelled with the question ("ui:title") and the help
//     text ("ui:description"), always shown, with radio buttons for
//     yes/no and choices and checkboxes for multiple choices; comment
//     (a two-line text area) and evidence follow as secondary fields,
//     with a short note ("Optional.", or for evidence a criterion
//     expects, "Expected with a positive answer.") for help text;
//   - the version is a hidden field.
//
// Render it with experimental_defaultFormStateBehavior={{constAsDefaults:
// 'skipOneOf'}} on the Form: without it react-jsonschema-form answers
// every untouched yes/no and choice with its first option.
//
// Cached; each call returns its own copy of the bytes.
func RJSFUISchema(lang norm.Lang) ([]byte, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	return schemas.Get(schemaKey{doc: "rjsf", lang: lang}, func() ([]byte, error) { return buildRJSF(lang) })
}

// JSONFormsUISchema returns the UI schema for rendering the
// self-assessment ([Schema], either dialect) with JSON Forms, in a
// language: a Categorization whose first Category holds the organisation,
// the assessment date and the assessor, followed by one Category per item
// (labelled with the item's ID and title). In each item's Category a
// Group headed with the item's ID and title holds the item's description
// and, per criterion, the Control of its value (labelled with the
// question) followed by those of its comment and evidence. The scopes
// reach every field, e.g.
// "#/properties/answers/properties/GG01-1/properties/value": JSON Forms'
// vanilla renderers show nothing for nested objects that no Control
// reaches. Every Control shows its help text without focus
// (showUnfocusedDescription); yes/no questions are radio buttons, choices
// a drop-down list whose empty first entry means unanswered. Cached; each
// call returns its own copy of the bytes.
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

// The short help texts of the secondary fields in the rjsf UI schema.
var (
	optionalNote = norm.T("Optioneel.", "Optional.")
	expectedNote = norm.T("Verwacht bij een positief antwoord.", "Expected with a positive answer.")
)

// evidenceNote says whether a criterion expects evidence.
func evidenceNote(c *Criterion) norm.Text {
	if c.Evidence {
		return expectedNote
	}
	return optionalNote
}

// itemHeading is the heading of an item's section in both UI schemas.
func itemHeading(it *Item, lang norm.Lang) string {
	return string(it.ID) + " " + it.Title.In(lang)
}

// buildRJSF builds the react-jsonschema-form UI schema: every object in
// form order, the answers in checklist order, the first answer of each
// item headed with the item, and the value labelled with the question.
func buildRJSF(lang norm.Lang) ([]byte, error) {
	answers := rjsf{}
	var order []string
	for _, it := range catalogue {
		for i, c := range it.Criteria {
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
			a := rjsf{
				"ui:classNames": "gg-criterion gg-item-" + string(it.ID),
				"ui:order":      formAnswer,
				"value":         value,
				// Secondary: a short note instead of the schema's
				// paragraph, which would repeat 41 times.
				"comment":  rjsf{"ui:widget": "textarea", "ui:options": rjsf{"rows": 2}, "ui:description": optionalNote.In(lang)},
				"evidence": rjsf{"ui:description": evidenceNote(c).In(lang), "items": rjsf{"ui:order": formEvidence}},
			}
			if i == 0 {
				a["ui:title"] = itemHeading(it, lang)
				a["ui:description"] = it.Description.In(lang)
				a["ui:classNames"] = "gg-criterion gg-item-start gg-item-" + string(it.ID)
			} else {
				a["ui:label"] = false // the item's heading is above its first criterion
			}
			answers[string(c.ID)] = a
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
	Text     string         `json:"text,omitempty"` // of a Label element
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

// control is a JSON Forms Control that shows its help text without
// focus: by default JSON Forms shows it only while the field has focus,
// so the page jumps as a person moves from field to field.
func control(label string, opts map[string]any, path ...string) jsonForms {
	o := map[string]any{"showUnfocusedDescription": true}
	for k, v := range opts {
		o[k] = v
	}
	return jsonForms{Type: "Control", Label: label, Scope: scope(path...), Options: o}
}

// buildJSONForms builds the JSON Forms UI schema: a categorization with
// the organisation, date and assessor first and one category per item,
// whose controls reach every answer's value, comment and evidence.
func buildJSONForms(lang norm.Lang) ([]byte, error) {
	general := jsonForms{Type: "Category", Label: generalLabel.In(lang)}
	for _, f := range formOrganisation {
		general.Elements = append(general.Elements, control("", nil, "organisation", f))
	}
	general.Elements = append(general.Elements, control("", nil, "assessment_date"))
	for _, f := range formAssessor {
		general.Elements = append(general.Elements, control("", nil, "assessor", f))
	}
	root := jsonForms{Type: "Categorization", Elements: []jsonForms{general}}
	for _, it := range catalogue {
		group := jsonForms{Type: "Group", Label: itemHeading(it, lang), Elements: []jsonForms{
			{Type: "Label", Text: it.Description.In(lang)},
		}}
		for _, c := range it.Criteria {
			id := string(c.ID)
			var opts map[string]any
			if c.Type == TypeBool {
				// Yes and no as two radio buttons, neither chosen. A
				// choice stays a drop-down list: JSON Forms' vanilla radio
				// buttons take their option's value as HTML id, so two
				// choice questions with the same options on one page
				// would share ids.
				opts = map[string]any{"format": "radio"}
			}
			value := control(c.Question.In(lang), opts, "answers", id, "value")
			if c.Type == TypeMulti {
				// JSON Forms shows a multiple choice as a table, which
				// shows no help text: a Label under it does.
				group.Elements = append(group.Elements, value, jsonForms{Type: "Label", Text: c.Help.In(lang)})
			} else {
				group.Elements = append(group.Elements, value)
			}
			group.Elements = append(group.Elements,
				control("", map[string]any{"multi": true}, "answers", id, "comment"),
				control("", nil, "answers", id, "evidence"),
			)
		}
		root.Elements = append(root.Elements, jsonForms{Type: "Category", Label: itemHeading(it, lang), Elements: []jsonForms{group}})
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
