package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"iter"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// cmdAdd registers one incident from a JSON file or stdin.
func cmdAdd(e *env, args []string) int {
	fs := flag.NewFlagSet("add", flag.ContinueOnError)
	var nf normFlags
	nf.declare(fs, e)
	pos, code, ok := e.parseSub("add", fs, args, 0, 1)
	if !ok {
		return code
	}
	decOpts, _, code, ok := nf.load(e)
	if !ok {
		return code
	}
	in, name, err := e.input(pos)
	if err != nil {
		return cli.Fail(e.stderr, e.lang, name, err)
	}
	inc, err := incident.DecodeIncident(in, decOpts...)
	in.Close()
	if err != nil {
		return cli.Fail(e.stderr, e.lang, name, err)
	}
	st, closeStore, code := e.openCreate()
	if st == nil {
		return code
	}
	defer closeStore()
	if err := st.Create(e.ctx, &inc); err != nil {
		return cli.Fail(e.stderr, e.lang, name, err)
	}
	fmt.Fprintf(e.stdout, "%s %s\n", e.t("geregistreerd:", "registered:"), norm.Printable(string(inc.ID)))
	return cli.ExitOK
}

// cmdImport imports a CSV export of incidents, and optionally the actions
// CSV that goes with it: one transaction, every row of both files or none.
// It creates the register when it does not exist yet.
func cmdImport(e *env, args []string) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	actions := fs.String("actions", "", e.t("importeer ook deze CSV met vervolgacties, in dezelfde transactie", "also import this CSV of follow-up actions, in the same transaction"))
	var nf normFlags
	nf.declare(fs, e)
	pos, code, ok := e.parseSub("import", fs, args, 1, 1)
	if !ok {
		return code
	}
	_, csvOpts, code, ok := nf.load(e)
	if !ok {
		return code
	}
	in, name, err := e.input(pos)
	if err != nil {
		return cli.Fail(e.stderr, e.lang, name, err)
	}
	defer in.Close()
	// Read both files before the register is opened, so that a bad file
	// changes nothing and creates no register.
	var acts []followup.Action
	if *actions != "" {
		f, err := os.Open(*actions)
		if err != nil {
			return cli.Fail(e.stderr, e.lang, *actions, err)
		}
		acts, err = followup.ReadActionsCSV(f)
		f.Close()
		if err != nil {
			return cli.Fail(e.stderr, e.lang, *actions, err)
		}
	}
	incs, err := incident.ReadCSV(in, append(csvOpts, incident.WithValidationTime(now()))...)
	if err != nil {
		return cli.Fail(e.stderr, e.lang, name, err)
	}
	// Every action must belong to an incident in the file or the register,
	// and an action about a person must name one of its involved people.
	// Checked before anything is written, and before a new register would
	// be created for nothing; the problems come with their rows.
	inFile := make(map[incident.ID]incident.Incident, len(incs))
	for _, inc := range incs {
		inFile[inc.ID] = inc
	}
	var st register
	lookup := func(id incident.ID) (incident.Incident, error) {
		if inc, ok := inFile[id]; ok {
			return inc, nil
		}
		if st == nil {
			return incident.Incident{}, incident.ErrNotFound
		}
		return st.Get(e.ctx, id)
	}
	_, statErr := os.Stat(e.db)
	if statErr != nil {
		if err := followup.CheckActions(acts, lookup); err != nil {
			return cli.Fail(e.stderr, e.lang, *actions, err)
		}
	}
	st, closeStore, code := e.openCreate()
	if st == nil {
		return code
	}
	defer closeStore()
	if statErr == nil {
		if err := followup.CheckActions(acts, lookup); err != nil {
			return cli.Fail(e.stderr, e.lang, *actions, err)
		}
	}
	imp, ok := st.(followup.Importer)
	if !ok {
		return cli.Fail(e.stderr, e.lang, e.db, errors.New("register: the store cannot import incidents and actions all or nothing"))
	}
	if err := imp.Import(e.ctx, incs, acts); err != nil {
		// Checked above, so only another program can have changed the
		// register in between; name the actions file then.
		var ne *norm.Error
		if errors.Is(err, incident.ErrNotFound) || (errors.As(err, &ne) && ne.Op == "followup.Import") {
			return cli.Fail(e.stderr, e.lang, *actions, err)
		}
		return cli.Fail(e.stderr, e.lang, name, err)
	}
	fmt.Fprintf(e.stdout, "%s %d\n", e.t("geïmporteerd:", "imported:"), len(incs))
	if len(acts) > 0 {
		fmt.Fprintf(e.stdout, "%s %d\n", e.t("acties vastgelegd:", "actions recorded:"), len(acts))
	}
	return cli.ExitOK
}

// filterFlags are the selection flags of list and stats.
type filterFlags struct {
	from, to, category, channel, site string
}

func (f *filterFlags) declare(fs *flag.FlagSet, e *env) {
	fs.StringVar(&f.from, "from", "", e.t("vanaf deze datum of dit moment", "from this date or time"))
	fs.StringVar(&f.to, "to", "", e.t("tot en met deze datum (of tot dit moment)", "up to and including this date (or until this time)"))
	fs.StringVar(&f.category, "category", "", e.t("categorieën, met komma's: verbal,threat,...", "categories, comma-separated: verbal,threat,..."))
	fs.StringVar(&f.channel, "channel", "", e.t("kanalen, met komma's: desk,phone,...", "channels, comma-separated: desk,phone,..."))
	fs.StringVar(&f.site, "site", "", e.t("precies deze locatie", "exactly this site"))
}

func (f *filterFlags) filter(e *env) (incident.Filter, error) {
	var out incident.Filter
	var err error
	if out.From, err = e.parseTimeFlag("from", f.from, false); err != nil {
		return out, err
	}
	if f.to != "" {
		if d, derr := norm.ParseDate(f.to); derr == nil {
			out.To = cli.StartOfDay(d).AddDate(0, 0, 1) // the whole day is included
		} else if out.To, err = e.parseTimeFlag("to", f.to, false); err != nil {
			return out, err
		}
	}
	for _, c := range splitList(f.category) {
		cat, err := norm.ParseCategory(c)
		if err != nil {
			return out, cli.Usagef("-category: %s", "-category: %s", err.(*norm.CodeError).Message().NL)
		}
		out.Categories = append(out.Categories, cat)
	}
	for _, c := range splitList(f.channel) {
		ch, err := norm.ParseChannel(c)
		if err != nil {
			return out, cli.Usagef("-channel: %s", "-channel: %s", err.(*norm.CodeError).Message().NL)
		}
		out.Channels = append(out.Channels, ch)
	}
	out.Site = f.site
	if err := out.Validate(); err != nil {
		return out, &cli.UsageError{Msg: norm.T(err.(*norm.Error).In(norm.NL), err.(*norm.Error).In(norm.EN))}
	}
	return out, nil
}

func (e *env) usageErr(name string, err error) int {
	return cli.ReportUsage(e.stderr, e.lang, "register "+name, err, nil)
}

// cmdList shows incidents, without free text unless asked.
func cmdList(e *env, args []string) int {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	var ff filterFlags
	ff.declare(fs, e)
	freeText := fs.Bool("free-text", false, e.t("toon ook de vrije tekst (persoonsgegevens)", "also show the free text (personal data)"))
	format := fs.String("format", "text", e.t("text of json", "text or json"))
	if _, code, ok := e.parseSub("list", fs, args, 0, 0); !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		return e.usageErr("list", cli.Usagef("-format %q: kies text of json", "-format %q: choose text or json", *format))
	}
	f, err := ff.filter(e)
	if err != nil {
		return e.usageErr("list", err)
	}
	st, closeStore, code := e.openRead()
	if st == nil {
		return code
	}
	defer closeStore()
	incs, err := st.List(e.ctx, f)
	if err != nil {
		return cli.Fail(e.stderr, e.lang, e.db, err)
	}
	if !*freeText {
		for i := range incs {
			withoutFreeText(&incs[i])
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		for i := range incs {
			if err := enc.Encode(&incs[i]); err != nil {
				return cli.Fail(e.stderr, e.lang, "stdout", err)
			}
		}
		return cli.ExitOK
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, e.t("ID\tMOMENT\tKANAAL\tLOCATIE\tCATEGORIE\tERNST\tFASE\tDADER\tBETROKKENEN",
		"ID\tTIME\tCHANNEL\tSITE\tCATEGORY\tSEVERITY\tPHASE\tPERPETRATOR\tINVOLVED"))
	for i := range incs {
		inc := &incs[i]
		c := inc.Classification()
		cats := make([]string, len(c.Categories))
		for j, x := range c.Categories {
			cats[j] = string(x)
		}
		perp := inc.Perpetrator.Ref
		if perp == "" {
			perp = string(inc.Perpetrator.Role)
		}
		refs := make([]string, len(inc.Involved))
		for j, p := range inc.Involved {
			refs[j] = p.Ref
		}
		// Every stored value is escaped (norm.Printable): a register
		// written by an older version may hold a site with a line break
		// or an escape sequence, which would add a line to this listing
		// or reach the terminal.
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", norm.Printable(string(inc.ID)), inc.OccurredAt.In(cli.Amsterdam).Format("2006-01-02 15:04"),
			norm.Printable(string(inc.Channel)), norm.Printable(inc.Site), strings.Join(cats, ","), c.Severity, inc.Phase.Label().In(e.lang),
			norm.Printable(perp), norm.Printable(strings.Join(refs, ",")))
		if *freeText && inc.Description != "" {
			fmt.Fprintf(tw, "\t%s\n", norm.Printable(strings.ReplaceAll(inc.Description, "\n", " ")))
		}
	}
	tw.Flush()
	fmt.Fprintf(e.stdout, "%d %s\n", len(incs), e.t("incidenten", "incidents"))
	return cli.ExitOK
}

// withoutFreeText clears every free-text field of an incident: the
// description, the analysis text and the lessons. They may name people,
// so they are shown only with -free-text.
func withoutFreeText(inc *incident.Incident) {
	inc.Description = ""
	if inc.Analysis != nil {
		a := *inc.Analysis
		a.Text, a.Lessons = "", ""
		inc.Analysis = &a
	}
}

// records streams every incident of the register with its actions, as
// followup.Summarize and the due list consume them.
func records(e *env, st register, f incident.Filter) iter.Seq2[followup.Record, error] {
	if rl, ok := st.(recordLister); ok {
		return rl.Records(e.ctx, f)
	}
	return func(yield func(followup.Record, error) bool) {
		incs, err := st.List(e.ctx, f)
		if err != nil {
			yield(followup.Record{}, err)
			return
		}
		for _, inc := range incs {
			acts, err := st.ListActions(e.ctx, inc.ID)
			if !yield(followup.Record{Incident: inc, Actions: acts}, err) || err != nil {
				return
			}
		}
	}
}

// cmdDue lists the follow-up that is open or overdue at a moment.
func cmdDue(e *env, args []string) int {
	fs := flag.NewFlagSet("due", flag.ContinueOnError)
	atStr := fs.String("at", "", e.t("peilmoment (standaard nu)", "reference time (default now)"))
	overdueOnly := fs.Bool("overdue", false, e.t("alleen wat over de termijn is", "only what is past its deadline"))
	format := fs.String("format", "text", e.t("text of json", "text or json"))
	if _, code, ok := e.parseSub("due", fs, args, 0, 0); !ok {
		return code
	}
	at, err := e.parseTimeFlag("at", *atStr, true)
	if err != nil {
		return e.usageErr("due", err)
	}
	if at.IsZero() {
		at = now()
	}
	if *format != "text" && *format != "json" {
		return e.usageErr("due", cli.Usagef("-format %q: kies text of json", "-format %q: choose text or json", *format))
	}
	st, closeStore, code := e.openRead()
	if st == nil {
		return code
	}
	defer closeStore()
	var due []followup.ObligationStatus
	policy := followup.DefaultPolicy()
	for r, err := range records(e, st, incident.Filter{To: at}) {
		if err != nil {
			return cli.Fail(e.stderr, e.lang, e.db, err)
		}
		obs, err := followup.Plan(r.Incident, policy)
		if err != nil {
			return cli.Fail(e.stderr, e.lang, e.db, err)
		}
		sts, err := followup.Status(obs, r.Actions, at)
		if err != nil {
			return cli.Fail(e.stderr, e.lang, e.db, err)
		}
		for _, s := range sts {
			if s.State == followup.StateOverdue || (!*overdueOnly && s.State == followup.StateOpen) {
				due = append(due, s)
			}
		}
	}
	sort.SliceStable(due, func(i, j int) bool { return due[i].Due.Before(due[j].Due) })
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		for i := range due {
			if err := enc.Encode(&due[i]); err != nil {
				return cli.Fail(e.stderr, e.lang, "stdout", err)
			}
		}
		return cli.ExitOK
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, e.t("TERMIJN\tSTAAT\tINCIDENT\tSOORT\tVOOR\tBRON", "DUE\tSTATE\tINCIDENT\tKIND\tSUBJECT\tSOURCE"))
	overdue := 0
	for _, s := range due {
		state := e.t("open", "open")
		if s.State == followup.StateOverdue {
			state = e.t("TE LAAT", "OVERDUE")
			overdue++
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.Due.In(cli.Amsterdam).Format("2006-01-02 15:04"), state, norm.Printable(string(s.IncidentID)),
			kindLabel(s.Kind).In(e.lang), norm.Printable(s.Subject), strings.Join(s.Sources, ","))
	}
	tw.Flush()
	fmt.Fprintf(e.stdout, "%s %s: %d %s, %d %s\n", e.t("op", "at"), at.In(cli.Amsterdam).Format("2006-01-02 15:04 MST"),
		len(due)-overdue, e.t("open", "open"), overdue, e.t("te laat", "overdue"))
	return cli.ExitOK
}

// kindLabel is the library's label of a kind of follow-up.
func kindLabel(k followup.Kind) norm.Text {
	if t := k.Label(); t.Complete() {
		return t
	}
	return norm.T(string(k), string(k))
}

// cmdDone records an action, from flags or from an action JSON.
func cmdDone(e *env, args []string) int {
	fs := flag.NewFlagSet("done", flag.ContinueOnError)
	var a followup.Action
	var id, kind, atStr, outcome, form string
	fs.StringVar(&id, "incident", "", e.t("het incident", "the incident"))
	fs.StringVar(&kind, "kind", "", e.t("soort actie: reaction, police_report, police_decision, damage_recovery, aftercare, aftercare_again, aftercare_check, manager_talk", "kind of action: reaction, police_report, police_decision, damage_recovery, aftercare, aftercare_again, aftercare_check, manager_talk"))
	fs.StringVar(&a.Subject, "subject", "", e.t("perpetrator of de pseudonieme referentie van een betrokkene bij het incident, geen naam (standaard perpetrator bij reactie, aangifte en schade)", "perpetrator or the pseudonymous reference of a person involved in the incident, not a name (default perpetrator for reaction, police and damages)"))
	fs.StringVar(&atStr, "at", "", e.t("wanneer (standaard nu)", "when (default now)"))
	fs.StringVar(&outcome, "outcome", "done", e.t("done, declined of not_possible", "done, declined or not_possible"))
	fs.StringVar(&form, "form", "", e.t("vorm: conversation, warning_letter, ban; bij een besluit: report of no_report", "form: conversation, warning_letter, ban; for a decision: report or no_report"))
	fs.StringVar(&a.Reason, "reason", "", e.t("reden, verplicht bij not_possible", "reason, required with not_possible"))
	fs.StringVar(&a.ID, "id", "", e.t("ID van de actie (standaard afgeleid van incident, soort, plaats van de betrokkene en tijd; nooit van een referentie)", "the action's ID (default derived from the incident, the kind, the person's place among the involved and the time; never from a reference)"))
	pos, code, ok := e.parseSub("done", fs, args, 0, 1)
	if !ok {
		return code
	}
	var name string
	if len(pos) == 1 {
		if id != "" || kind != "" {
			return e.usageErr("done", cli.Usagef("geef een actie als JSON of met vlaggen, niet beide", "give an action as JSON or with flags, not both"))
		}
		in, n, err := e.input(pos)
		if err != nil {
			return cli.Fail(e.stderr, e.lang, n, err)
		}
		name = n
		a, err = followup.DecodeAction(in)
		in.Close()
		if err != nil {
			return cli.Fail(e.stderr, e.lang, name, err)
		}
	} else {
		if id == "" || kind == "" {
			return e.usageErr("done", cli.Usagef("geef -incident en -kind, of een actie als JSON", "give -incident and -kind, or an action as JSON"))
		}
		name = "done"
		a.IncidentID = incident.ID(id)
		a.Form = followup.Form(form)
		at, err := e.parseTimeFlag("at", atStr, false)
		if err != nil {
			return e.usageErr("done", err)
		}
		if at.IsZero() {
			at = now()
		}
		a.At = at.Truncate(time.Second)
		if err := a.Kind.UnmarshalText([]byte(kind)); err != nil {
			return cli.Fail(e.stderr, e.lang, "-kind", err)
		}
		if err := a.Outcome.UnmarshalText([]byte(outcome)); err != nil {
			return cli.Fail(e.stderr, e.lang, "-outcome", err)
		}
		if a.Subject == "" {
			switch a.Kind {
			case followup.KindReaction, followup.KindPoliceReport, followup.KindPoliceDecision, followup.KindDamages:
				a.Subject = followup.SubjectPerpetrator
			default:
				return e.usageErr("done", cli.Usagef("-subject: voor %s de referentie van een betrokkene", "-subject: for %s the reference of a person involved", kind))
			}
		}
		// Validate the flags as the JSON would be validated (a derived ID
		// comes later, once the incident is known).
		given := a.ID
		if a.ID == "" {
			a.ID = "-"
		}
		b, _ := json.Marshal(a)
		if a, err = followup.DecodeAction(strings.NewReader(string(b))); err != nil {
			return cli.Fail(e.stderr, e.lang, name, err)
		}
		a.ID = given
	}
	st, closeStore, code := e.open()
	if st == nil {
		return code
	}
	defer closeStore()
	inc, err := st.Get(e.ctx, a.IncidentID)
	if err != nil {
		return cli.Fail(e.stderr, e.lang, name, err)
	}
	// The subject must be one of the people involved, by their
	// pseudonymous reference (the store checks it too); the ID is
	// derived from the incident, so it is checked first.
	if err := a.CheckIncident("register done", &inc); err != nil {
		return cli.Fail(e.stderr, e.lang, name, err)
	}
	if a.ID == "" {
		// Derived from the incident, the kind, the person's place among
		// the involved and the time: never from a reference.
		a.ID, _ = followup.ActionID(&inc, a.Kind, a.Subject, a.At)
	}
	if err := st.RecordAction(e.ctx, a); err != nil {
		return cli.Fail(e.stderr, e.lang, name, err)
	}
	fmt.Fprintf(e.stdout, "%s %s (%s: %s)\n", e.t("vastgelegd:", "recorded:"), norm.Printable(a.ID), kindLabel(a.Kind).In(e.lang), a.Outcome.Label().In(e.lang))
	return cli.ExitOK
}

// cmdStats prints the counts and the measured follow-up.
func cmdStats(e *env, args []string) int {
	fs := flag.NewFlagSet("stats", flag.ContinueOnError)
	var ff filterFlags
	ff.declare(fs, e)
	atStr := fs.String("at", "", e.t("peilmoment voor de opvolging (standaard nu)", "reference time for the follow-up (default now)"))
	format := fs.String("format", "text", e.t("text of json", "text or json"))
	if _, code, ok := e.parseSub("stats", fs, args, 0, 0); !ok {
		return code
	}
	f, err := ff.filter(e)
	if err != nil {
		return e.usageErr("stats", err)
	}
	at, err := e.parseTimeFlag("at", *atStr, true)
	if err != nil {
		return e.usageErr("stats", err)
	}
	if at.IsZero() {
		at = now()
	}
	if *format != "text" && *format != "json" {
		return e.usageErr("stats", cli.Usagef("-format %q: kies text of json", "-format %q: choose text or json", *format))
	}
	st, closeStore, code := e.openRead()
	if st == nil {
		return code
	}
	defer closeStore()
	stats := incident.NewStatistics()
	counted := func(yield func(followup.Record, error) bool) {
		for r, err := range records(e, st, f) {
			if err == nil {
				stats.Add(&r.Incident)
			}
			if !yield(r, err) {
				return
			}
		}
	}
	sum, err := followup.Summarize(counted, followup.DefaultPolicy(), at)
	if err != nil {
		return cli.Fail(e.stderr, e.lang, e.db, err)
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"statistics": stats, "follow_up": sum}); err != nil {
			return cli.Fail(e.stderr, e.lang, "stdout", err)
		}
		return cli.ExitOK
	}
	w := e.stdout
	fmt.Fprintf(w, "%s: %d\n", e.t("Incidenten", "Incidents"), stats.Total)
	section := func(title string, m map[string]int, label func(string) string) {
		fmt.Fprintf(w, "\n%s\n", title)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if m[keys[i]] != m[keys[j]] {
				return m[keys[i]] > m[keys[j]]
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			fmt.Fprintf(w, "  %s %5d\n", pad(norm.Printable(label(k)), 40), m[k])
		}
	}
	id := func(s string) string { return s }
	cats := map[string]int{}
	for _, c := range norm.Categories() {
		if n := stats.ByCategory[c]; n > 0 {
			cats[string(c)] = n
		}
	}
	section(e.t("Per categorie", "By category"), cats, func(s string) string { return norm.Category(s).Label().In(e.lang) })
	sev := map[string]int{}
	for k, n := range stats.BySeverity {
		sev[string(k)] = n
	}
	section(e.t("Per ernst", "By severity"), sev, func(s string) string { return norm.Severity(s).Label().In(e.lang) })
	chans := map[string]int{}
	for k, n := range stats.ByChannel {
		chans[string(k)] = n
	}
	section(e.t("Per kanaal", "By channel"), chans, func(s string) string { return norm.Channel(s).Label().In(e.lang) })
	section(e.t("Per locatie", "By site"), stats.BySite, id)
	fmt.Fprintf(w, "\n%s\n", e.t("Per maand", "By month"))
	months := stats.Months()
	peak := 1
	for _, m := range months {
		peak = max(peak, m.Count)
	}
	for _, m := range months {
		fmt.Fprintf(w, "  %s %4d %s\n", m.Month, m.Count, strings.Repeat("█", (m.Count*40+peak-1)/peak))
	}
	fmt.Fprintf(w, "\n%s %s\n", e.t("Opvolging, gemeten op", "Follow-up, measured at"), at.In(cli.Amsterdam).Format("2006-01-02 15:04 MST"))
	share := func(label string, s followup.Share) {
		if !s.Known() {
			fmt.Fprintf(w, "  %-44s %s\n", label, e.t("niets te meten", "nothing to measure"))
			return
		}
		fmt.Fprintf(w, "  %-44s %5.1f%%  (%d %s %d)\n", label, s.Percent(), s.Num, e.t("van", "of"), s.Den)
	}
	share(e.t("Reactie op de dader binnen 48 uur", "Reaction to the perpetrator within 48 hours"), sum.Reactions48h)
	share(e.t("Aangifte waar verwacht", "Police report where expected"), sum.PoliceReports)
	share(e.t("Nazorg op tijd aangeboden", "Aftercare offered on time"), sum.AftercareOnTime)
	share(e.t("Nazorg ook later", "Aftercare also later"), sum.FollowUpContact)
	share(e.t("Met oorzaakanalyse", "With a cause analysis"), sum.CauseAnalysis)
	fmt.Fprintf(w, "  %-44s %5d\n", e.t("Acties over de termijn", "Actions past their deadline"), sum.OverdueCount)
	return cli.ExitOK
}

// pad fills s with spaces to n runes.
func pad(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}
