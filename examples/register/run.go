package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// now is the clock; tests replace it.
var now = time.Now

// register is what the tool needs of a store: the incidents and their
// follow-up actions.
type register interface {
	incident.Store
	followup.ActionStore
}

// env is what every subcommand gets.
type env struct {
	ctx    context.Context
	lang   norm.Lang
	db     string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

func (e *env) t(nl, en string) string { return norm.T(nl, en).In(e.lang) }

type command struct {
	name string
	args norm.Text // argument synopsis
	help norm.Text
	run  func(e *env, args []string) int
}

var commands []command

func init() {
	commands = []command{
		{"add", norm.T("[INCIDENT.json|-]", "[INCIDENT.json|-]"), norm.T("registreer één incident (JSON)", "register one incident (JSON)"), cmdAdd},
		{"import", norm.T("[-actions ACTIES.csv] INCIDENTEN.csv|-", "[-actions ACTIONS.csv] INCIDENTS.csv|-"), norm.T("importeer een CSV-export, alles of niets", "import a CSV export, all or nothing"), cmdImport},
		{"list", norm.T("[-from] [-to] [-category] [-channel] [-site] [-free-text] [-format text|json]", "[-from] [-to] [-category] [-channel] [-site] [-free-text] [-format text|json]"), norm.T("toon incidenten", "list incidents"), cmdList},
		{"due", norm.T("[-at TIJD] [-overdue] [-format text|json]", "[-at TIME] [-overdue] [-format text|json]"), norm.T("open en te late vervolgacties op een moment", "open and overdue follow-up at a moment"), cmdDue},
		{"done", norm.T("-incident ID -kind SOORT [-subject] [-at] [-outcome] [-form] [-reason] | ACTIE.json", "-incident ID -kind KIND [-subject] [-at] [-outcome] [-form] [-reason] | ACTION.json"), norm.T("leg een uitgevoerde vervolgactie vast", "record a follow-up action that was done"), cmdDone},
		{"stats", norm.T("[-from] [-to] [-at]", "[-from] [-to] [-at]"), norm.T("tellingen en gemeten opvolging", "counts and measured follow-up"), cmdStats},
		{"retain", norm.T("-days N [-mode anonymise|delete] [-at TIJD] [-dry-run] [-format text|json]", "-days N [-mode anonymise|delete] [-at TIME] [-dry-run] [-format text|json]"), norm.T("pas de bewaartermijn toe: anonimiseer of verwijder oude incidenten, alles of niets", "apply the retention period: anonymise or delete old incidents, all or nothing"), cmdRetain},
	}
}

func usage(w io.Writer, lang norm.Lang, fs *flag.FlagSet) {
	fmt.Fprintln(w, norm.T("gebruik: register [-db BESTAND] [-lang nl|en] OPDRACHT [vlaggen] [argumenten]",
		"usage: register [-db FILE] [-lang nl|en] COMMAND [flags] [arguments]").In(lang))
	fmt.Fprintln(w)
	fmt.Fprintln(w, norm.T("Een klein incidentregister op een SQLite-bestand. Opdrachten:", "A small incident register on a SQLite file. Commands:").In(lang))
	for _, c := range commands {
		fmt.Fprintf(w, "  %-7s %s\n          %s\n", c.name, c.help.In(lang), c.args.In(lang))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, norm.T("Afsluitcodes: 0 gelukt, 1 geweigerde invoer, 2 verkeerd gebruik.", "Exit codes: 0 done, 1 refused input, 2 wrong usage.").In(lang))
	if fs != nil {
		fmt.Fprintln(w)
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

// commonFlags declares -db and -lang, which every subcommand also accepts.
func commonFlags(fs *flag.FlagSet, lang norm.Lang, db, langStr *string) {
	h := func(nl, en string) string { return norm.T(nl, en).In(lang) }
	fs.StringVar(db, "db", *db, h("het SQLite-bestand van het register", "the register's SQLite file"))
	fs.StringVar(langStr, "lang", *langStr, h("taal van de uitvoer: nl of en", "language of the output: nl or en"))
}

// run is the whole program, so that tests can call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	lang := cli.GuessLang(args)
	db, langStr := "register.db", "nl"
	top := flag.NewFlagSet("register", flag.ContinueOnError)
	top.SetOutput(io.Discard)
	top.Usage = func() {}
	commonFlags(top, lang, &db, &langStr)
	if err := top.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stderr, lang, top)
			return cli.ExitOK
		}
		return cli.ReportUsage(stderr, lang, "register", &cli.UsageError{Msg: norm.T(err.Error(), err.Error())}, nil)
	}
	rest := top.Args()
	if len(rest) == 0 {
		return cli.ReportUsage(stderr, lang, "register", cli.Usagef("geef een opdracht: add, import, list, due, done, stats of retain", "give a command: add, import, list, due, done, stats or retain"), nil)
	}
	var cmd *command
	for i := range commands {
		if commands[i].name == rest[0] {
			cmd = &commands[i]
		}
	}
	if cmd == nil {
		return cli.ReportUsage(stderr, lang, "register", cli.Usagef("onbekende opdracht %q", "unknown command %q", rest[0]), nil)
	}
	e := &env{ctx: context.Background(), lang: lang, stdin: stdin, stdout: stdout, stderr: stderr}
	// The subcommand parses its own flags, -db and -lang included.
	sub := rest[1:]
	e.db = db
	e.lang, _ = cli.ParseLang(langStr)
	if e.lang == "" {
		return cli.ReportUsage(stderr, lang, "register", cli.Usagef("-lang %q: kies nl of en", "-lang %q: choose nl or en", langStr), nil)
	}
	return cmd.run(e, sub)
}

// parseSub parses a subcommand's flags (with -db and -lang) and checks the
// number of positional arguments.
func (e *env) parseSub(name string, fs *flag.FlagSet, args []string, minArgs, maxArgs int) ([]string, int, bool) {
	langStr := string(e.lang)
	commonFlags(fs, e.lang, &e.db, &langStr)
	pos, err := cli.Parse(fs, args)
	if err == nil {
		if e.lang, err = cli.ParseLang(langStr); err == nil {
			if len(pos) < minArgs || len(pos) > maxArgs {
				err = cli.Usagef("register %s: verwacht %s", "register %s: expected %s", name, argsOf(name, e.lang))
			}
		}
	}
	if err != nil {
		code := cli.ReportUsage(e.stderr, e.lang, "register "+name, err, func() {
			fmt.Fprintf(e.stderr, "register %s %s\n\n", name, argsOf(name, e.lang))
			fs.SetOutput(e.stderr)
			fs.PrintDefaults()
		})
		return nil, code, false
	}
	return pos, 0, true
}

func argsOf(name string, lang norm.Lang) string {
	for _, c := range commands {
		if c.name == name {
			return c.args.In(lang)
		}
	}
	return ""
}

// open opens an existing register for a command that writes to it.
func (e *env) open() (register, func(), int) { return e.openAs(forWriting) }

// openRead opens an existing register for a command that only reads it:
// no file is created or changed.
func (e *env) openRead() (register, func(), int) { return e.openAs(forReading) }

// openCreate opens the register for a command that fills it, creating it
// when it does not exist yet.
func (e *env) openCreate() (register, func(), int) { return e.openAs(forCreating) }

func (e *env) openAs(mode openMode) (register, func(), int) {
	st, closer, created, err := openRegister(e.db, mode)
	if err != nil {
		return nil, nil, cli.Fail(e.stderr, e.lang, e.db, err)
	}
	if created {
		fmt.Fprintf(e.stderr, "%s: %s\n", e.db, e.t("nieuw register aangemaakt", "new register created"))
	}
	return st, closer, 0
}

// input opens a named file or stdin ("-" or nothing).
func (e *env) input(args []string) (io.ReadCloser, string, error) {
	if len(args) == 0 || args[0] == "-" {
		return io.NopCloser(e.stdin), "stdin", nil
	}
	f, err := os.Open(args[0])
	return f, args[0], err
}

func (e *env) parseTimeFlag(name, v string, endOfDay bool) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := cli.ParseTime(v, endOfDay)
	if err != nil {
		return t, cli.Usagef("-%s %q: gebruik RFC 3339, JJJJ-MM-DDTUU:MM of JJJJ-MM-DD", "-%s %q: use RFC 3339, YYYY-MM-DDTHH:MM or YYYY-MM-DD", name, v)
	}
	return t, nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
