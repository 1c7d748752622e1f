package checklist

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// propertyNames lists the property names of a schema object, sorted.
func propertyNames(t testing.TB, s map[string]any) []string {
	t.Helper()
	var out []string
	for k := range schemaObj(t, s, "properties") {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// assertOrder checks an RJSF "ui:order": react-jsonschema-form refuses a
// list that misses a property or names one that does not exist.
func assertOrder(t *testing.T, where string, ui, schema map[string]any) []string {
	t.Helper()
	raw, ok := ui["ui:order"].([]any)
	require.True(t, ok, "%s: no ui:order", where)
	order := make([]string, len(raw))
	for i, v := range raw {
		order[i] = v.(string)
	}
	sorted := slices.Sorted(slices.Values(order))
	assert.Equal(t, propertyNames(t, schema), sorted, "%s: ui:order must list every property once", where)
	return order
}

func TestRJSFUISchema(t *testing.T) {
	for _, lang := range norm.Langs() {
		t.Run(string(lang), func(t *testing.T) {
			b, err := RJSFUISchema(lang)
			require.NoError(t, err)
			ui := formsJSON(t, b)
			sb, err := Schema(lang, form.Draft07)
			require.NoError(t, err)
			schema := formsJSON(t, sb)
			props := schemaObj(t, schema, "properties")

			assert.Equal(t, formTop, assertOrder(t, "root", ui, schema))
			assert.Equal(t, "hidden", schemaObj(t, ui, "version")["ui:widget"])
			assertOrder(t, "organisation", schemaObj(t, ui, "organisation"), schemaObj(t, props, "organisation"))
			assertOrder(t, "assessor", schemaObj(t, ui, "assessor"), schemaObj(t, props, "assessor"))

			answersUI := schemaObj(t, ui, "answers")
			order := assertOrder(t, "answers", answersUI, schemaObj(t, props, "answers"))
			var want []string
			for _, c := range Criteria() {
				want = append(want, string(c.ID))
			}
			assert.Equal(t, want, order, "answers in checklist order")

			for _, it := range Items() {
				for _, c := range it.Criteria {
					id := string(c.ID)
					a := schemaObj(t, answersUI, id)
					// One section per item: the item's heading and
					// description over its first criterion, no heading
					// over the others.
					if c == it.Criteria[0] {
						assert.Equal(t, string(it.ID)+" "+it.Title.In(lang), a["ui:title"])
						assert.Equal(t, it.Description.In(lang), a["ui:description"])
						assert.Contains(t, a["ui:classNames"], "gg-item-start")
					} else {
						assert.NotContains(t, a, "ui:title", id)
						assert.Equal(t, false, a["ui:label"], id)
					}
					assert.Contains(t, a["ui:classNames"], "gg-item-"+string(it.ID))
					// Secondary fields: a short note, not the schema's
					// paragraph (rjsf falls back to it on "").
					assert.Equal(t, optionalNote.In(lang), schemaObj(t, a, "comment")["ui:description"], id)
					if c.Evidence {
						assert.Equal(t, expectedNote.In(lang), schemaObj(t, a, "evidence")["ui:description"], id)
					} else {
						assert.Equal(t, optionalNote.In(lang), schemaObj(t, a, "evidence")["ui:description"], id)
					}
					assert.Equal(t, formAnswer, assertOrder(t, id, a, schemaObj(t, props, "answers", "properties", id)))
					v := schemaObj(t, a, "value")
					assert.Equal(t, c.Question.In(lang), v["ui:title"], id)
					assert.Equal(t, c.Help.In(lang), v["ui:description"], id)
					switch c.Type {
					case TypeBool, TypeChoice:
						assert.Equal(t, "radio", v["ui:widget"], id)
					case TypeMulti:
						assert.Equal(t, "checkboxes", v["ui:widget"], id)
					default:
						assert.NotContains(t, v, "ui:widget", id)
					}
					// The labels the widget shows come from the schema's oneOf.
					sv := schemaObj(t, props, "answers", "properties", id, "properties", "value")
					if c.Type == TypeMulti {
						sv = sv["items"].(map[string]any)
					}
					if c.Type == TypeBool || c.Type == TypeChoice || c.Type == TypeMulti {
						for _, o := range sv["oneOf"].([]any) {
							assert.NotEmpty(t, o.(map[string]any)["title"], id)
						}
					}
				}
			}
		})
	}
}

// resolveScope follows a JSON Forms scope ("#/properties/a/properties/b")
// through a schema, as JSON Forms does, and returns the subschema.
func resolveScope(t testing.TB, schema map[string]any, scope string) map[string]any {
	t.Helper()
	require.True(t, strings.HasPrefix(scope, "#/"), scope)
	cur := schema
	for _, tok := range strings.Split(scope[2:], "/") { // our scopes need no ~ escapes
		next, ok := cur[tok].(map[string]any)
		require.True(t, ok, "scope %s does not resolve at %q", scope, tok)
		cur = next
	}
	return cur
}

// jsonFormsControls collects the controls of a JSON Forms UI schema by
// category label.
func jsonFormsControls(t testing.TB, el jsonForms, category string, out map[string][]jsonForms) {
	t.Helper()
	if el.Type == "Category" {
		category = el.Label
	}
	if el.Type == "Control" {
		out[category] = append(out[category], el)
	}
	for _, c := range el.Elements {
		jsonFormsControls(t, c, category, out)
	}
}

func TestJSONFormsUISchema(t *testing.T) {
	for _, lang := range norm.Langs() {
		for _, d := range form.Dialects() {
			t.Run(fmt.Sprintf("%s/%s", lang, d), func(t *testing.T) {
				b, err := JSONFormsUISchema(lang)
				require.NoError(t, err)
				var root jsonForms
				require.NoError(t, jsonUnmarshalStrict(b, &root))
				sb, err := Schema(lang, d)
				require.NoError(t, err)
				schema := formsJSON(t, sb)

				assert.Equal(t, "Categorization", root.Type)
				require.Len(t, root.Elements, 1+len(Items()))
				for _, c := range root.Elements {
					assert.Equal(t, "Category", c.Type)
					assert.NotEmpty(t, c.Label)
				}
				controls := map[string][]jsonForms{}
				jsonFormsControls(t, root, "", controls)

				// Every scope resolves in the schema.
				for _, cs := range controls {
					for _, c := range cs {
						resolveScope(t, schema, c.Scope)
					}
				}

				// The first category reaches every field outside the answers.
				general := controls[generalLabel.In(lang)]
				var scopes []string
				for _, c := range general {
					scopes = append(scopes, c.Scope)
				}
				props := schemaObj(t, schema, "properties")
				for _, f := range propertyNames(t, schemaObj(t, props, "organisation")) {
					assert.Contains(t, scopes, "#/properties/organisation/properties/"+f)
				}
				for _, f := range propertyNames(t, schemaObj(t, props, "assessor")) {
					assert.Contains(t, scopes, "#/properties/assessor/properties/"+f)
				}
				assert.Contains(t, scopes, "#/properties/assessment_date")

				// One category per item reaches every answer's value,
				// labelled with the question, and its comment and evidence.
				for i, it := range Items() {
					cat := root.Elements[i+1]
					assert.Equal(t, string(it.ID)+" "+it.Title.In(lang), cat.Label)
					// The item's section: a Group headed with its title,
					// its description first.
					require.Len(t, cat.Elements, 1)
					group := cat.Elements[0]
					assert.Equal(t, "Group", group.Type)
					assert.Equal(t, cat.Label, group.Label)
					assert.Equal(t, jsonForms{Type: "Label", Text: it.Description.In(lang)}, group.Elements[0])
					byScope := map[string]jsonForms{}
					for _, c := range controls[cat.Label] {
						byScope[c.Scope] = c
					}
					for _, c := range it.Criteria {
						base := "#/properties/answers/properties/" + string(c.ID) + "/properties/"
						v, ok := byScope[base+"value"]
						require.True(t, ok, "%s: no control reaches the value", c.ID)
						assert.Equal(t, c.Question.In(lang), v.Label)
						target := resolveScope(t, schema, v.Scope)
						assert.Equal(t, c.Question.In(lang), target["title"])
						// Yes/no as radio buttons; a choice as a drop-down
						// (JSON Forms' radio buttons share ids across
						// questions with the same options).
						switch c.Type {
						case TypeBool:
							assert.Equal(t, "radio", v.Options["format"], c.ID)
						case TypeChoice:
							assert.NotContains(t, v.Options, "format", c.ID)
						}
						if c.Type == TypeChoice || c.Type == TypeBool {
							for _, o := range target["oneOf"].([]any) {
								assert.NotEmpty(t, o.(map[string]any)["title"], c.ID)
							}
						}
						assert.Contains(t, byScope, base+"comment")
						assert.Contains(t, byScope, base+"evidence")
						for _, f := range formAnswer {
							assert.Equal(t, true, byScope[base+f].Options["showUnfocusedDescription"], "%s %s: help text hidden until focus", c.ID, f)
						}
						if c.Type == TypeMulti {
							assert.Contains(t, group.Elements, jsonForms{Type: "Label", Text: c.Help.In(lang)}, "%s: the table shows no help text", c.ID)
						}
					}
					for _, c := range controls[generalLabel.In(lang)] {
						assert.Equal(t, true, c.Options["showUnfocusedDescription"], c.Scope)
					}
					assert.Len(t, byScope, 3*len(it.Criteria))
				}
			})
		}
	}
}

// jsonUnmarshalStrict decodes refusing unknown fields, so that the JSON
// Forms UI schema has no key the test does not look at.
func jsonUnmarshalStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
