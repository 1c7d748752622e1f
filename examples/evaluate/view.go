package main

import "github.com/goedgesprek/goedgesprek/examples/internal/report"

// The view of a report that the text and Markdown renderers read is shared
// with the HTML report (and the web form) in examples/internal/report.
type (
	view          = report.View
	principleView = report.PrincipleView
)
