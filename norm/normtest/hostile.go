package normtest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Hostile is one character that free text must not carry into a report or
// a terminal, for table tests of decoders and validators.
type Hostile struct {
	Name string // for the subtest name, e.g. "ESC"
	Rune rune
	// MultiLine: allowed in multi-line text (tab and line feed only).
	MultiLine bool
}

// HostileChars lists the characters every free-text field refuses (or, for
// tab and line feed, every one-line field), one of each kind: C0 controls,
// DEL, C1 controls, the Unicode separators and the direction overrides
// and isolates. A new slice on every call.
func HostileChars() []Hostile {
	return []Hostile{
		{"NUL", 0x00, false},
		{"BEL", 0x07, false},
		{"TAB", '\t', true},
		{"LF", '\n', true},
		{"CR", '\r', false},
		{"ESC", 0x1b, false},
		{"DEL", 0x7f, false},
		{"NEL", 0x85, false},
		{"CSI", 0x9b, false},
		{"LSEP", 0x2028, false},
		{"PSEP", 0x2029, false},
		{"LRE", 0x202a, false},
		{"RLO", 0x202e, false},
		{"LRI", 0x2066, false},
		{"PDI", 0x2069, false},
	}
}

// Refused checks that err is a *norm.Error with exactly one problem, of
// code norm.CodeFormat, whose Dutch and English messages name r as U+XXXX
// and whose rendered text does not carry r itself, and returns that
// problem, so that the caller can check where it points.
func Refused(tb testing.TB, err error, r rune) norm.Problem {
	tb.Helper()
	var ne *norm.Error
	if !errors.As(err, &ne) {
		tb.Fatalf("want a *norm.Error, got %v", err)
	}
	if len(ne.Problems) != 1 {
		tb.Fatalf("want 1 problem, got %d: %v", len(ne.Problems), ne)
	}
	p := ne.Problems[0]
	if p.Code != norm.CodeFormat {
		tb.Errorf("code %q, want %q", p.Code, norm.CodeFormat)
	}
	code := fmt.Sprintf("U+%04X", r)
	if !strings.Contains(p.Message.NL, code) || !strings.Contains(p.Message.EN, code) {
		tb.Errorf("message does not name %s: %v", code, p.Message)
	}
	if strings.Contains(p.In(norm.NL)+p.In(norm.EN), string(r)) {
		tb.Errorf("the problem carries %s itself", code)
	}
	return p
}
