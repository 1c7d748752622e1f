// Package cli holds what the example programs share: interspersed flag
// parsing, times in Europe/Amsterdam, and reporting refused input with
// every problem in the chosen language.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
	_ "time/tzdata" // deadlines are kept in Europe/Amsterdam on every platform

	"github.com/goedgesprek/goedgesprek/norm"
)

// The exit codes of every example program.
const (
	ExitOK      = 0 // done
	ExitInvalid = 1 // refused input, or a file that cannot be read or written
	ExitUsage   = 2 // wrong usage
)

// Amsterdam is where deadlines and civil dates are kept.
var Amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err) // cannot happen: time/tzdata is embedded
	}
	return loc
}()

// UsageError is a wrong command line: exit code 2.
type UsageError struct{ Msg norm.Text }

func (e *UsageError) Error() string { return e.Msg.EN }

// Usagef makes a UsageError from a Dutch and an English format.
func Usagef(nl, en string, args ...any) error {
	return &UsageError{norm.Textf(nl, en, args...)}
}

// GuessLang finds -lang on a command line before it is parsed, so that
// even the usage text comes in the asked-for language. Dutch by default.
func GuessLang(args []string) norm.Lang {
	for i, a := range args {
		if a == "--" {
			break
		}
		a = strings.TrimLeft(a, "-")
		var v string
		switch {
		case strings.HasPrefix(a, "lang="):
			v = strings.TrimPrefix(a, "lang=")
		case a == "lang" && i+1 < len(args):
			v = args[i+1]
		default:
			continue
		}
		if v == "en" {
			return norm.EN
		}
		return norm.NL
	}
	return norm.NL
}

// ParseLang accepts exactly "nl" or "en".
func ParseLang(s string) (norm.Lang, error) {
	switch s {
	case "nl":
		return norm.NL, nil
	case "en":
		return norm.EN, nil
	}
	return "", Usagef("-lang %q: kies nl of en", "-lang %q: choose nl or en", s)
}

// Parse parses flags before, between and after the positional arguments
// (the standard flag package stops at the first one) and returns the
// positional arguments. -h returns flag.ErrHelp.
func Parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &UsageError{norm.T(err.Error(), err.Error())}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// ParseTime accepts RFC 3339, a local Amsterdam time "2006-01-02T15:04",
// or a date. endOfDay says what a bare date means: its last second (for a
// reference time) or its first (for the start of a period).
func ParseTime(s string, endOfDay bool) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04", s, Amsterdam); err == nil {
		return t, nil
	}
	d, err := norm.ParseDate(s)
	if err != nil {
		return time.Time{}, err
	}
	if endOfDay {
		return EndOfDay(d), nil
	}
	return StartOfDay(d), nil
}

// StartOfDay is midnight at the start of a civil date in Amsterdam.
func StartOfDay(d norm.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, Amsterdam)
}

// EndOfDay is the last second of a civil date in Amsterdam.
func EndOfDay(d norm.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 23, 59, 59, 0, Amsterdam)
}

// Fail reports refused input on stderr: every problem with its pointer (or
// CSV row and column), in the chosen language. It returns ExitInvalid.
// What (usually a file name) and the messages are escaped with
// norm.Printable: a file name or a value quoted in an error can hold a
// line break or an escape sequence.
func Fail(stderr io.Writer, lang norm.Lang, what string, err error) int {
	what = norm.Printable(what)
	var ne *norm.Error
	if errors.As(err, &ne) {
		fmt.Fprintf(stderr, "%s: %s\n", what, ne.In(lang)) // Problem.In escapes each line
		return ExitInvalid
	}
	var ce *norm.CodeError
	if errors.As(err, &ce) {
		fmt.Fprintf(stderr, "%s: %s\n", what, norm.Printable(ce.Message().In(lang)))
		return ExitInvalid
	}
	if t, ok := StoreText(err); ok {
		fmt.Fprintf(stderr, "%s: %s\n", what, norm.Printable(t.In(lang)))
		return ExitInvalid
	}
	fmt.Fprintf(stderr, "%s: %s\n", what, norm.Printable(err.Error()))
	return ExitInvalid
}

// ReportUsage prints a usage error and a hint, and returns ExitUsage; for
// -h it prints the usage text and returns ExitOK.
func ReportUsage(stderr io.Writer, lang norm.Lang, prog string, err error, usage func()) int {
	if errors.Is(err, flag.ErrHelp) {
		usage()
		return ExitOK
	}
	var ue *UsageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "%s: %s\n", prog, norm.Printable(ue.Msg.In(lang)))
	} else {
		fmt.Fprintf(stderr, "%s: %s\n", prog, norm.Printable(err.Error()))
	}
	fmt.Fprintln(stderr, norm.Textf("%s -h toont het gebruik", "%s -h shows the usage", prog).In(lang))
	return ExitUsage
}
