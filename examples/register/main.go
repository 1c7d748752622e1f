// Command register is a small incident register on a SQLite file, for a
// team that has nothing yet. It registers incidents, imports a CSV export,
// lists them, shows the follow-up that is open or overdue, records what was
// done, and counts.
//
//	go run ./examples/register -db register.db add incident.json
//	go run ./examples/register -db register.db add -norm examples/data/ind-after-norm.json examples/data/incident-own-code.json
//	go run ./examples/register -db register.db import examples/data/register.csv
//	go run ./examples/register -db register.db list -from 2026-01-01 -category threat
//	go run ./examples/register -db register.db due -at 2026-03-31
//	go run ./examples/register -db register.db done -incident INC-1 -kind reaction -at 2026-03-30T10:00 -form conversation
//	go run ./examples/register -db register.db stats
//	go run ./examples/register -db register.db retain -days 1825 -dry-run
//
// With -norm, add and import take the organisation's norm document
// (norm/normdoc) and accept the behaviour codes of its own, each counted
// under the category the norm gives it and kept with the norm's name.
//
// People appear only by their pseudonymous references, and an action about
// a person must name one of the incident's involved people; free text
// (descriptions, analyses, lessons) is shown only with -free-text. retain
// anonymises or deletes what is past the retention period, in one
// transaction, and -dry-run lists it first.
//
// Exit codes: 0 done; 1 refused input or a failing register (the problems
// on stderr); 2 wrong usage.
package main

import (
	"os"
	_ "time/tzdata" // deadlines are kept in Europe/Amsterdam, also where no zone database is installed
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
