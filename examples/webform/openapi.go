package main

import (
	"encoding/json"
	"sync"

	"github.com/goedgesprek/goedgesprek/examples/internal/schemadocs"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// openAPI builds the OpenAPI 3.1 description of the JSON API in a
// language. Its components are the library's own 2020-12 schemas (the
// dialect of OpenAPI 3.1), each keeping its "$id", so that the references
// inside them resolve within them; the error is the project's *norm.Error.
func openAPI(lang norm.Lang) ([]byte, error) {
	return openAPIOnce[lang]()
}

var openAPIOnce = map[norm.Lang]func() ([]byte, error){
	norm.NL: sync.OnceValues(func() ([]byte, error) { return buildOpenAPI(norm.NL) }),
	norm.EN: sync.OnceValues(func() ([]byte, error) { return buildOpenAPI(norm.EN) }),
}

// componentNames name the documents' schemas under components/schemas.
var componentNames = map[string]string{
	"assessment": "Assessment",
	"incident":   "Incident",
	"action":     "Action",
	"report":     "Report",
	"norm":       "NormDocument",
}

func buildOpenAPI(lang norm.Lang) ([]byte, error) {
	tx := func(nl, en string) string { return norm.T(nl, en).In(lang) }
	ref := func(name string) object { return object{{"$ref", "#/components/schemas/" + name}} }
	content := func(mediaType string, schema any) object {
		return object{{mediaType, object{{"schema", schema}}}}
	}
	errResponse := func(nl, en string) object {
		return object{{"description", tx(nl, en)}, {"content", content("application/json", ref("Error"))}}
	}
	langParam := object{{"$ref", "#/components/parameters/lang"}}

	schemas := object{}
	var docNames []string
	for _, d := range schemadocs.All {
		b, err := d.Schema(lang, form.Draft2020)
		if err != nil {
			return nil, err
		}
		schemas = append(schemas, member{componentNames[d.Name], json.RawMessage(b)})
		docNames = append(docNames, d.Name)
	}
	schemas = append(schemas,
		member{"Error", object{
			{"type", "object"},
			{"title", tx("Geweigerd document", "Refused document")},
			{"description", tx("Het ene getypeerde foutbericht van goedgesprek: de bewerking en elk gevonden probleem, met de JSON-pointer van de waarde, een vaste code en een bericht in het Nederlands en Engels.",
				"goedgesprek's one typed error: the operation and every problem found, each with the JSON pointer of the value, a stable code and a message in Dutch and English.")},
			{"required", []string{"op", "problems"}},
			{"additionalProperties", false},
			{"properties", object{
				{"op", object{{"type", "string"}}},
				{"problems", object{{"type", "array"}, {"items", ref("Problem")}}},
			}},
		}},
		member{"Problem", object{
			{"type", "object"},
			{"required", []string{"pointer", "code", "message"}},
			{"additionalProperties", false},
			{"properties", object{
				{"pointer", object{{"type", "string"}, {"description", tx("RFC 6901 JSON-pointer; leeg voor het hele document", "RFC 6901 JSON pointer; empty for the whole document")}}},
				{"row", object{{"type", "integer"}, {"minimum", 1}}},
				{"column", object{{"type", "string"}}},
				{"code", object{{"type", "string"}}},
				{"message", object{
					{"type", "object"},
					{"required", []string{"nl", "en"}},
					{"properties", object{{"nl", object{{"type", "string"}}}, {"en", object{{"type", "string"}}}}},
				}},
			}},
		}},
	)

	doc := object{
		{"openapi", "3.1.0"},
		{"jsonSchemaDialect", "https://json-schema.org/draft/2020-12/schema"},
		{"info", object{
			{"title", tx("Goed gesprek: zelfevaluatie beoordelen", "Goed gesprek: evaluate a self-assessment")},
			{"version", "1"},
			{"description", tx("Beoordeel een zelfevaluatie Goed gesprek en haal de JSON Schema's van de documenten op. Er wordt niets bewaard.",
				"Evaluate a Goed gesprek self-assessment and fetch the JSON Schemas of the documents. Nothing is stored.")},
		}},
		{"paths", object{
			{"/api/evaluate", object{{"post", object{
				{"operationId", "evaluate"},
				{"summary", tx("Beoordeel een zelfevaluatie", "Evaluate a self-assessment")},
				{"parameters", []any{langParam}},
				{"requestBody", object{{"required", true}, {"content", content("application/json", ref("Assessment"))}}},
				{"responses", object{
					{"200", object{{"description", tx("Het rapport met uitleg", "The explained report")}, {"content", content("application/json", ref("Report"))}}},
					{"400", errResponse("Een verkeerde parameter", "A wrong parameter")},
					{"413", errResponse("Groter dan 1 MiB", "Larger than 1 MiB")},
					{"415", errResponse("Geen application/json", "Not application/json")},
					{"422", errResponse("Geweigerd: elk probleem met zijn JSON-pointer", "Refused: every problem with its JSON pointer")},
				}},
			}}}},
			{"/api/schema/{doc}", object{{"get", object{
				{"operationId", "schema"},
				{"summary", tx("Het JSON Schema van een document, of het UI-schema van de zelfevaluatie", "A document's JSON Schema, or the self-assessment's UI schema")},
				{"parameters", []any{
					object{{"name", "doc"}, {"in", "path"}, {"required", true}, {"schema", object{{"type", "string"}, {"enum", docNames}}}},
					langParam,
					object{{"name", "dialect"}, {"in", "query"}, {"schema", object{{"type", "string"}, {"enum", []string{"2020-12", "07"}}, {"default", "2020-12"}}}},
					object{{"name", "ui"}, {"in", "query"}, {"description", tx("alleen bij assessment", "assessment only")}, {"schema", object{{"type", "string"}, {"enum", []string{"rjsf", "jsonforms"}}}}},
				}},
				{"responses", object{
					{"200", object{{"description", tx("Het schema", "The schema")}, {"content", object{
						{"application/schema+json", object{{"schema", object{{"type", "object"}}}}},
						{"application/json", object{{"schema", object{{"type", "object"}}}}},
					}}}},
					{"400", errResponse("Een verkeerde parameter", "A wrong parameter")},
					{"404", errResponse("Geen document met die naam", "No document by that name")},
				}},
			}}}},
			{"/api/openapi.json", object{{"get", object{
				{"operationId", "openapi"},
				{"summary", tx("Deze beschrijving", "This description")},
				{"parameters", []any{langParam}},
				{"responses", object{
					{"200", object{{"description", "OpenAPI 3.1"}, {"content", content("application/json", object{{"type", "object"}})}}},
				}},
			}}}},
		}},
		{"components", object{
			{"schemas", schemas},
			{"parameters", object{{"lang", object{
				{"name", "lang"}, {"in", "query"},
				{"description", tx("taal van titels, uitleg en berichten", "language of titles, explanations and messages")},
				{"schema", object{{"type", "string"}, {"enum", []string{"nl", "en"}}, {"default", "nl"}}},
			}}}},
		}},
	}
	return json.MarshalIndent(doc, "", "  ")
}
