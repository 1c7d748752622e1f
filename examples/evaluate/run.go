package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/norm"
)

// The exit codes.
const (
	exitOK      = cli.ExitOK      // evaluated, whatever the score
	exitInvalid = cli.ExitInvalid // invalid input: the problems are on stderr
	exitUsage   = cli.ExitUsage   // wrong usage
)

// config is the parsed command line.
type config struct {
	lang      norm.Lang
	format    string
	out       string
	incidents string
	actions   string
	norm      string    // -norm: the organisation's norm document (norm.go)
	at        time.Time // zero: the end of the assessment date in Amsterdam
	batch     bool
	input     string
	surveyConfig
	compare bool // -compare OLD NEW: input is OLD, newer is NEW (compare.go)
	newer   string
	summary bool // -batch -summary: the portfolio (summary.go)
}

var formats = []string{"text", "json", "markdown", "html", "xlsx"}

const usageNL = `gebruik: evaluate [vlaggen] ZELFEVALUATIE.json
       evaluate -batch [vlaggen] ZELFEVALUATIES.ndjson   (of - voor stdin)
       evaluate -batch -summary [vlaggen] ZELFEVALUATIES.ndjson
       evaluate -compare [vlaggen] OUD.json NIEUW.json

Beoordeelt een zelfevaluatie Goed gesprek en drukt een rapport met uitleg af.
Met -batch volgt op elke invoerregel één uitvoerregel: het rapport, of bij een
geweigerde regel {"line": N, "error": {...}} (de problemen staan ook op stderr).
Met -batch -format xlsx komt er één werkmap met één rij per invoerregel.
Afsluitcodes: 0 beoordeeld, 1 ongeldige invoer, 2 verkeerd gebruik.

vlaggen:
`

const usageEN = `usage: evaluate [flags] ASSESSMENT.json
       evaluate -batch [flags] ASSESSMENTS.ndjson   (or - for stdin)
       evaluate -batch -summary [flags] ASSESSMENTS.ndjson
       evaluate -compare [flags] OLD.json NEW.json

Scores a Goed gesprek self-assessment and prints an explained report.
With -batch every input line gets one output line: the report, or for a
refused line {"line": N, "error": {...}} (its problems also go to stderr).
With -batch -format xlsx one workbook holds one row per input line.
Exit codes: 0 evaluated, 1 invalid input, 2 wrong usage.

flags:
`

// flagSet declares the flags, with help texts in the asked-for language.
func flagSet(lang norm.Lang, c *config, langStr, atStr *string) *flag.FlagSet {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	h := func(nl, en string) string { return norm.T(nl, en).In(lang) }
	fs.StringVar(langStr, "lang", "nl", h("taal van het rapport: nl of en", "language of the report: nl or en"))
	fs.StringVar(&c.format, "format", "text", h("text, json, markdown, html of xlsx", "text, json, markdown, html or xlsx"))
	fs.StringVar(&c.out, "o", "", h("schrijf het rapport naar dit bestand in plaats van stdout", "write the report to this file instead of stdout"))
	fs.StringVar(&c.incidents, "incidents", "", h("incidentregister: een SQLite-bestand (.db) of een CSV-export (.csv)", "incident register: a SQLite file (.db) or a CSV export (.csv)"))
	fs.StringVar(&c.actions, "actions", "", h("CSV met de vervolgacties bij een incidenten-CSV", "CSV of follow-up actions that goes with an incidents CSV"))
	fs.StringVar(atStr, "at", "", h("peilmoment voor de termijnen (RFC 3339 of JJJJ-MM-DD); standaard het einde van de peildatum", "reference time for the deadlines (RFC 3339 or YYYY-MM-DD); default: the end of the assessment date"))
	normFlag(fs, c, h)
	surveyFlags(fs, &c.surveyConfig, h)
	fs.BoolVar(&c.batch, "batch", false, h("lees zelfevaluaties als JSON per regel en schrijf één JSON-rapport per regel", "read newline-delimited JSON assessments and write one JSON report per line"))
	moreFlags(fs, c, h) // -compare, -summary
	return fs
}

// parseArgs parses the command line; flags may come before or after the
// assessment.
func parseArgs(args []string, lang norm.Lang) (config, *flag.FlagSet, error) {
	var c config
	var langStr, atStr string
	fs := flagSet(lang, &c, &langStr, &atStr)
	positional, err := cli.Parse(fs, args)
	if err != nil {
		return c, fs, err
	}
	if c.lang, err = cli.ParseLang(langStr); err != nil {
		return c, fs, err
	}
	if !contains(formats, c.format) {
		return c, fs, cli.Usagef("-format %q: kies uit %s", "-format %q: choose from %s", c.format, strings.Join(formats, ", "))
	}
	switch len(positional) {
	case 0:
		return c, fs, cli.Usagef("geef één zelfevaluatie (een bestand, of - voor stdin)", "give one assessment (a file, or - for stdin)")
	case 1:
		c.input = positional[0]
	case 2:
		if !c.compare {
			return c, fs, cli.Usagef("geef precies één zelfevaluatie, niet %d", "give exactly one assessment, not %d", len(positional))
		}
		c.input, c.newer = positional[0], positional[1]
	default:
		return c, fs, cli.Usagef("geef precies één zelfevaluatie, niet %d", "give exactly one assessment, not %d", len(positional))
	}
	if atStr != "" {
		if c.at, err = cli.ParseTime(atStr, true); err == nil {
			c.at = c.at.In(cli.Amsterdam) // reported as the deadlines are kept
		} else {
			return c, fs, cli.Usagef("-at %q: gebruik RFC 3339 (2026-03-31T17:00:00+02:00) of JJJJ-MM-DD", "-at %q: use RFC 3339 (2026-03-31T17:00:00+02:00) or YYYY-MM-DD", atStr)
		}
	}
	if c.actions != "" && c.incidents == "" {
		return c, fs, cli.Usagef("-actions hoort bij -incidents", "-actions goes with -incidents")
	}
	isCSV := strings.HasSuffix(strings.ToLower(c.incidents), ".csv")
	if c.actions != "" && !isCSV {
		return c, fs, cli.Usagef("-actions hoort bij een incidenten-CSV; een SQLite-register bevat de acties zelf", "-actions goes with an incidents CSV; a SQLite register holds its actions itself")
	}
	if c.incidents != "" && !isCSV && !isDB(c.incidents) {
		return c, fs, cli.Usagef("-incidents %q: verwacht een .db (SQLite) of .csv", "-incidents %q: expected a .db (SQLite) or .csv file", c.incidents)
	}
	if err := checkNormFlag(c); err != nil {
		return c, fs, err
	}
	if err := checkSurveyArgs(c.surveyConfig, c.batch); err != nil {
		return c, fs, err
	}
	if err := checkMoreFlags(&c, atStr); err != nil {
		return c, fs, err
	}
	if c.compare && c.format == "xlsx" {
		return c, fs, cli.Usagef("-compare schrijft tekst, JSON, Markdown of HTML; -format xlsx kan daar (nog) niet bij", "-compare writes text, JSON, Markdown or HTML; -format xlsx does not go with it (yet)")
	}
	if c.batch && !c.summary {
		if c.format != "json" && c.format != "text" && c.format != "xlsx" {
			return c, fs, cli.Usagef("-batch schrijft één JSON-rapport per regel, of met -format xlsx één rij per organisatie; -format %s kan daar niet bij", "-batch writes one JSON report per line, or with -format xlsx one row per organisation; -format %s does not go with it", c.format)
		}
		if c.format != "xlsx" {
			c.format = "json"
		}
		if c.incidents != "" || atStr != "" {
			return c, fs, cli.Usagef("-batch beoordeelt veel organisaties: -incidents en -at horen bij één zelfevaluatie", "-batch evaluates many organisations: -incidents and -at go with a single assessment")
		}
	}
	return c, fs, nil
}

func isDB(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".db") || strings.HasSuffix(n, ".sqlite") || strings.HasSuffix(n, ".sqlite3")
}

// endOfDay is the last second of a civil date in Amsterdam.
func endOfDay(d norm.Date) time.Time { return cli.EndOfDay(d) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// run is the whole program, so that tests can call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	lang := cli.GuessLang(args)
	c, fs, err := parseArgs(args, lang)
	if err == nil {
		err = checkBinaryOut(c, stdout)
	}
	if err != nil {
		return cli.ReportUsage(stderr, lang, "evaluate", err, func() {
			io.WriteString(stderr, norm.T(usageNL, usageEN).In(lang))
			fs.SetOutput(stderr)
			fs.PrintDefaults()
		})
	}
	if c.compare {
		return runCompare(c, stdin, stdout, stderr)
	}
	if c.batch && c.format == "xlsx" {
		// with or without -summary: the workbook is the table of
		// organisations, one row each, with filters
		return runBatchXLSX(c, stdin, stdout, stderr)
	}
	if c.summary {
		return runSummary(c, stdin, stdout, stderr)
	}
	if c.batch {
		return runBatch(c, stdin, stdout, stderr, nil)
	}
	return runOne(c, stdin, stdout, stderr)
}

// openInput opens the named file, or stdin for "-".
func openInput(name string, stdin io.Reader) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(stdin), nil
	}
	return os.Open(name)
}

// openOutput opens -o for a streamed output (-batch, -summary), or
// returns stdout. The caller closes what it returns.
func openOutput(c config, stdout io.Writer) (io.WriteCloser, error) {
	if c.out == "" || c.out == "-" {
		return nopWriteCloser{stdout}, nil
	}
	return os.Create(c.out)
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }

// fail reports refused input: every problem with its pointer, in the
// chosen language.
func fail(stderr io.Writer, lang norm.Lang, what string, err error) int {
	if what == "-" {
		what = "stdin"
	}
	return cli.Fail(stderr, lang, what, err)
}

// emit writes a finished report to -o or stdout. Nothing is written until
// the whole report is rendered, so refused input leaves no half file.
func emit(c config, stdout io.Writer, buf *bytes.Buffer) error {
	if c.out == "" || c.out == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(c.out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("-o: %w", err)
	}
	return nil
}
