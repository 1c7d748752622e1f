package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// maxRetainDays keeps -days within what a time.Duration holds.
const maxRetainDays = 100_000

// cmdRetain applies a retention policy: incidents that occurred more than
// -days before -at are anonymised or deleted, all in one transaction, or
// with -dry-run only listed. It prints incident IDs and counts, never
// personal data.
func cmdRetain(e *env, args []string) int {
	fs := flag.NewFlagSet("retain", flag.ContinueOnError)
	days := fs.Int("days", 0, e.t("bewaartermijn in dagen, geteld vanaf het incident (minstens 30; verplicht)", "retention period in days, counted from the incident (at least 30; required)"))
	mode := fs.String("mode", string(incident.RetainAnonymise), e.t("anonymise (houd het incident voor de statistiek, zonder persoonsgegevens) of delete", "anonymise (keep the incident for the statistics, without personal data) or delete"))
	atStr := fs.String("at", "", e.t("peilmoment (standaard nu)", "reference time (default now)"))
	dry := fs.Bool("dry-run", false, e.t("toon alleen wat er zou gebeuren; verander niets", "only show what would happen; change nothing"))
	format := fs.String("format", "text", e.t("text of json", "text or json"))
	if _, code, ok := e.parseSub("retain", fs, args, 0, 0); !ok {
		return code
	}
	if *days == 0 {
		return e.usageErr("retain", cli.Usagef("geef de bewaartermijn met -days", "give the retention period with -days"))
	}
	if *days > maxRetainDays {
		return e.usageErr("retain", cli.Usagef("-days %d: hoogstens %d", "-days %d: at most %d", *days, maxRetainDays))
	}
	if *format != "text" && *format != "json" {
		return e.usageErr("retain", cli.Usagef("-format %q: kies text of json", "-format %q: choose text or json", *format))
	}
	at, err := e.parseTimeFlag("at", *atStr, true)
	if err != nil {
		return e.usageErr("retain", err)
	}
	if at.IsZero() {
		at = now()
	}
	p := incident.RetentionPolicy{After: time.Duration(*days) * 24 * time.Hour, Mode: incident.RetentionMode(*mode)}
	if err := p.Validate(); err != nil {
		ne := err.(*norm.Error)
		return e.usageErr("retain", &cli.UsageError{Msg: norm.T(ne.In(norm.NL), ne.In(norm.EN))})
	}
	st, closeStore, code := e.open()
	if st == nil {
		return code
	}
	defer closeStore()
	var rep incident.RetentionReport
	if *dry {
		rep, err = incident.PlanRetention(e.ctx, st, p, at)
	} else {
		if _, ok := st.(incident.BatchRetainer); !ok {
			return cli.Fail(e.stderr, e.lang, e.db, errors.New("register: the store cannot apply retention in one transaction"))
		}
		rep, err = incident.Retain(e.ctx, st, p, at)
	}
	if err != nil {
		return cli.Fail(e.stderr, e.lang, e.db, err)
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			DryRun bool `json:"dry_run"`
			incident.RetentionReport
		}{*dry, rep}); err != nil {
			return cli.Fail(e.stderr, e.lang, "stdout", err)
		}
		return cli.ExitOK
	}
	w := e.stdout
	fmt.Fprintf(w, "%s %d %s, %s %s: %s %s\n", e.t("bewaartermijn", "retention period"), *days, e.t("dagen", "days"),
		e.t("peilmoment", "reference time"), at.In(cli.Amsterdam).Format("2006-01-02 15:04 MST"),
		e.t("incidenten van vóór", "incidents before"), rep.Cutoff.In(cli.Amsterdam).Format("2006-01-02 15:04 MST"))
	var verb string
	switch {
	case *dry && p.Mode == incident.RetainDelete:
		verb = e.t("zou verwijderen:", "would delete:")
	case *dry:
		verb = e.t("zou anonimiseren:", "would anonymise:")
	case p.Mode == incident.RetainDelete:
		verb = e.t("verwijderd:", "deleted:")
	default:
		verb = e.t("geanonimiseerd:", "anonymised:")
	}
	fmt.Fprintf(w, "%s %d %s", verb, len(rep.Touched), e.t("incidenten", "incidents"))
	if rep.Skipped > 0 {
		fmt.Fprintf(w, " (%s %d)", e.t("al geanonimiseerd of al weg:", "already anonymised or gone:"), rep.Skipped)
	}
	fmt.Fprintln(w)
	for _, id := range rep.Touched {
		fmt.Fprintf(w, "  %s\n", id)
	}
	if *dry {
		fmt.Fprintln(w, e.t("niets veranderd (-dry-run)", "nothing changed (-dry-run)"))
	}
	return cli.ExitOK
}
