// Package schemadocs lists the documents the example programs serve a JSON
// Schema for, and the form libraries a UI schema exists for, so that
// examples/schema and examples/webform offer the same ones.
package schemadocs

import (
	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
	"github.com/goedgesprek/goedgesprek/norm/normdoc"
)

// Doc is one document with a schema.
type Doc struct {
	Name   string
	Schema func(norm.Lang, form.Dialect) ([]byte, error)
}

// All are the documents with a schema, in the order usage lists them.
var All = []Doc{
	{"assessment", checklist.Schema},
	{"incident", incident.Schema},
	{"action", followup.Schema},
	{"report", checklist.ReportSchema},
	{"norm", normdoc.Schema},
	{"survey", survey.Schema},
}

// UISchemas are the form libraries a UI schema exists for (the
// assessment only), by the name the programs take.
var UISchemas = map[string]func(norm.Lang) ([]byte, error){
	"rjsf":      checklist.RJSFUISchema,
	"jsonforms": checklist.JSONFormsUISchema,
}
