// Command schema prints the JSON Schema of one of the documents the
// library reads or writes, or the UI schema that renders the assessment
// as a form:
//
//	go run ./examples/schema -doc assessment              # JSON Schema 2020-12, Dutch titles
//	go run ./examples/schema -doc incident -lang en -draft 07
//	go run ./examples/schema -doc assessment -ui          # react-jsonschema-form uiSchema
//	go run ./examples/schema -doc assessment -ui=jsonforms
//
// Documents: assessment (the self-assessment), incident, action (a
// follow-up action) and report (the evaluator's report).
//
// Exit codes: 0 printed; 1 the schema could not be made; 2 wrong usage.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
