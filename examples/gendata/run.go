package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/followup/followuptest"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"
	"github.com/goedgesprek/goedgesprek/norm"

	_ "modernc.org/sqlite" // the SQLite driver sqlstore.OpenSQLite expects
)

// The fixed settings of the sample register.
const (
	seed      = 2012 // the year of the pilot
	incidents = 240
)

var (
	// from is when the sample register starts: a year before the 'after'
	// assessment date.
	from = time.Date(2025, 4, 1, 8, 0, 0, 0, cli.Amsterdam)
	// until is the end of the 'after' assessment date; no incident occurs
	// later.
	until = cli.EndOfDay(norm.Date{Year: 2026, Month: time.March, Day: 31})
)

// profile is how the sample organisation follows up: followuptest's
// Sample, with fewer reactions on time, so that about 62% of the
// reactions to the perpetrator come within 48 hours. That contradicts the
// 100% the 'after' assessment claims.
var profile = func() followuptest.Profile {
	p := followuptest.Sample()
	p.ReactionOnTime, p.ReactionLate, p.ReactionNotPossible = 0.60, 0.25, 0.03
	// Aftercare is where the organisation does keep its promise.
	p.AftercareOnTime, p.AftercareLate = 0.97, 0.02
	p.Now = until
	return p
}()

func run(args []string, stdout, stderr io.Writer) int {
	lang := cli.GuessLang(args)
	fs := flag.NewFlagSet("gendata", flag.ContinueOnError)
	dir := fs.String("dir", filepath.Join("examples", "data"), "directory for register.csv and register-actions.csv")
	db := fs.String("db", "", "also write the register to this SQLite file (created; must not exist)")
	n := fs.Int("assessments", 0, "write this many synthetic self-assessments as NDJSON instead of the register")
	out := fs.String("o", "", "with -assessments: the output file (default stdout)")
	if _, err := cli.Parse(fs, args); err != nil {
		return cli.ReportUsage(stderr, lang, "gendata", err, func() { fs.SetOutput(stderr); fs.PrintDefaults() })
	}
	if *n < 0 {
		return cli.ReportUsage(stderr, lang, "gendata", cli.Usagef("-assessments moet 0 of meer zijn", "-assessments must be 0 or more"), nil)
	}
	if *n > 0 {
		w := stdout
		if *out != "" {
			f, err := os.Create(*out)
			if err != nil {
				return cli.Fail(stderr, lang, *out, err)
			}
			defer f.Close()
			w = f
		}
		if err := writeAssessments(w, seed, *n); err != nil {
			return cli.Fail(stderr, lang, *out, err)
		}
		return cli.ExitOK
	}

	incs, acts := sampleRegister()
	if err := writeRegister(*dir, incs, acts); err != nil {
		return cli.Fail(stderr, lang, *dir, err)
	}
	if err := writeSurveys(*dir); err != nil {
		return cli.Fail(stderr, lang, *dir, err)
	}
	if *db != "" {
		if err := writeDB(*db, incs, acts); err != nil {
			return cli.Fail(stderr, lang, *db, err)
		}
	}
	sum, err := followup.Summarize(records(incs, acts), followup.DefaultPolicy(), until)
	if err != nil {
		return cli.Fail(stderr, lang, "summarize", err)
	}
	fmt.Fprintf(stdout, "%d incidents (%s .. %s), %d actions\n", len(incs),
		incs[0].OccurredAt.In(cli.Amsterdam).Format("2006-01-02"), incs[len(incs)-1].OccurredAt.In(cli.Amsterdam).Format("2006-01-02"), len(acts))
	fmt.Fprintf(stdout, "measured at %s: reactions within 48h %.1f%% (%d of %d), aftercare on time %.1f%%, police reports %.1f%%, cause analysis %.1f%%, overdue %d\n",
		until.Format(time.RFC3339), sum.Reactions48h.Percent(), sum.Reactions48h.Num, sum.Reactions48h.Den,
		sum.AftercareOnTime.Percent(), sum.PoliceReports.Percent(), sum.CauseAnalysis.Percent(), sum.OverdueCount)
	return cli.ExitOK
}

// sampleRegister generates the incidents and their actions.
func sampleRegister() ([]incident.Incident, []followup.Action) {
	g := incidenttest.New(seed, from)
	g.Descriptions = false // free text stays out of the sample export
	var incs []incident.Incident
	for inc := range g.All(incidents) {
		// Leave the last days before the assessment date out, so that every
		// 48-hour deadline has passed when it is measured.
		if inc.OccurredAt.After(until.AddDate(0, 0, -7)) {
			break
		}
		incs = append(incs, inc)
	}
	r := rand.New(rand.NewPCG(seed, 48))
	var acts []followup.Action
	policy := followup.DefaultPolicy()
	for _, inc := range incs {
		acts = append(acts, followuptest.Actions(inc, policy, r, profile)...)
	}
	return incs, acts
}

func records(incs []incident.Incident, acts []followup.Action) func(func(followup.Record, error) bool) {
	by := map[incident.ID][]followup.Action{}
	for _, a := range acts {
		by[a.IncidentID] = append(by[a.IncidentID], a)
	}
	return func(yield func(followup.Record, error) bool) {
		for _, inc := range incs {
			if !yield(followup.Record{Incident: inc, Actions: by[inc.ID]}, nil) {
				return
			}
		}
	}
}

// writeDB writes the register into a new SQLite file: incidents and
// actions in one transaction, and no file left behind when that fails.
func writeDB(path string, incs []incident.Incident, acts []followup.Action) (err error) {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists; remove it first", path)
	}
	db, err := sqlstore.OpenSQLite(path)
	if err != nil {
		return err
	}
	defer func() {
		db.Close()
		if err != nil {
			for _, p := range []string{path, path + "-wal", path + "-shm"} {
				_ = os.Remove(p)
			}
		}
	}()
	st, err := sqlstore.New(context.Background(), db, sqlstore.SQLite, sqlstore.WithNow(func() time.Time { return until }))
	if err != nil {
		return err
	}
	return st.Import(context.Background(), incs, acts)
}
