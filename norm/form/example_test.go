package form_test

import (
	"fmt"
	"strings"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// Incident is a small document for the examples.
type Incident struct {
	ID         string    `json:"id" jsonschema:"minLength=1"`
	OccurredOn norm.Date `json:"occurred_on"`
	Injured    int       `json:"injured" jsonschema:"minimum=0"`
}

// A document with two mistakes: both are reported, in Dutch here, each
// with the JSON pointer of the value and a stable code.
func ExampleDecode() {
	schema, err := form.Reflect(Incident{}, "https://goedgesprek.nl/schema/example/v1.json")
	if err != nil {
		panic(err)
	}
	v := form.MustValidator(schema)

	var inc Incident
	doc := `{"id": "INC-1", "occurred_on": "2026-02-30", "injured": -1}`
	probs := form.Decode(strings.NewReader(doc), v, &inc, form.Limits{})
	err = norm.NewError("example.Decode", probs)
	if e, ok := err.(*norm.Error); ok {
		fmt.Println(e.In(norm.NL))
	}
	fmt.Printf("decoded: %q\n", inc.ID)
	// Output:
	// example.Decode: 2 problemen
	//   /injured: moet minstens 0 zijn (range)
	//   /occurred_on: geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-31 (format)
	// decoded: ""
}

// Read refuses a key that occurs twice, because taking the last one would
// hide a changed answer.
func ExampleRead() {
	_, probs := form.Read(strings.NewReader(`{"answer": "yes", "answer": "no"}`), form.Limits{})
	for _, p := range probs {
		fmt.Println(p.In(norm.EN))
	}
	// Output:
	// /answer: this key occurs more than once in the same object (duplicate_key)
}

// Convert makes a draft-07 schema for react-jsonschema-form and JSON
// Forms, and Cache serves it on every page load for next to nothing.
func ExampleConvert() {
	var cache form.Cache[form.Dialect]
	get := func(d form.Dialect) ([]byte, error) {
		return cache.Get(d, func() ([]byte, error) {
			s, err := form.Reflect(Incident{}, "https://goedgesprek.nl/schema/example/v1.json")
			if err != nil {
				return nil, err
			}
			return form.Convert(s, d)
		})
	}
	d, _ := form.ParseDialect("draft-07")
	s, err := get(d)
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.Contains(string(s), `"$schema": "http://json-schema.org/draft-07/schema#"`))
	fmt.Println(strings.Contains(string(s), "$defs"), strings.Contains(string(s), "$ref"))
	// Output:
	// true
	// false false
}
