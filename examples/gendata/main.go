// Command gendata regenerates the sample register in examples/data from a
// fixed seed, so that the files can be checked and rebuilt at any time:
//
//	go run ./examples/gendata                 # examples/data/register.csv and register-actions.csv
//	go run ./examples/gendata -db register.db # the same register as a SQLite file too
//	go run ./examples/gendata -assessments 100000 -o big.ndjson
//
// The register holds about a year of synthetic, pseudonymous incidents
// before the reference date of the 'after' sample (2026-03-31), with the
// follow-up actions a busy organisation records. Its reactions to the
// perpetrator within 48 hours fall well short of the 100% that the 'after'
// assessment claims, so that the evaluator's cross-check has something to
// show.
//
// Beside the register it writes the sample employee surveys (survey-*.csv):
// before and after, 40 and 400 respondents, shaped on the pilot's figures.
//
// With -assessments N it writes N synthetic self-assessments as
// newline-delimited JSON instead, for `evaluate -batch` at scale.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
