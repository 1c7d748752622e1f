// Command evaluate scores a Goed gesprek self-assessment and prints an
// explained report: text for the terminal, JSON for other systems,
// Markdown for an audit report, one self-contained HTML file, or an Excel
// workbook (-format xlsx -o report.xlsx; with -batch one row per
// organisation).
//
//	go run ./examples/evaluate examples/data/ind-after.json
//	go run ./examples/evaluate -lang en -format html -o report.html \
//	    -incidents examples/data/register.csv -actions examples/data/register-actions.csv \
//	    examples/data/ind-after.json
//	go run ./examples/evaluate -batch assessments.ndjson > reports.ndjson
//	go run ./examples/evaluate -survey examples/data/survey-after.csv \
//	    -survey-before examples/data/survey-before.csv examples/data/ind-after.json
//
// With -incidents (a SQLite register or an incidents CSV, with -actions for
// the actions CSV that goes with it) the follow-up measured in the register
// is passed to the evaluator, which checks the claims against it.
//
// Exit codes: 0 evaluated, whatever the score; 1 invalid input (every
// problem on stderr with its JSON pointer, nothing on stdout); 2 wrong
// usage.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
