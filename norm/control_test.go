package norm_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

// CheckLine, CheckText and the two schema patterns agree on every
// character: what the pattern refuses, the check refuses.
func TestCheckAgreesWithPattern(t *testing.T) {
	line := regexp.MustCompile(norm.LinePattern)
	text := regexp.MustCompile(norm.TextPattern)
	for r := rune(0); r <= 0x3000; r++ {
		s := "a" + string(r) + "b"
		_, lineBad := norm.CheckLine("/x", s)
		_, textBad := norm.CheckText("/x", s)
		assert.Equal(t, !line.MatchString(s), lineBad, "U+%04X one line", r)
		assert.Equal(t, !text.MatchString(s), textBad, "U+%04X multi-line", r)
	}
	for _, h := range normtest.HostileChars() {
		p, bad := norm.CheckLine("/name", "ab"+string(h.Rune))
		assert.True(t, bad, h.Name)
		assert.Equal(t, "/name", p.Pointer)
		assert.Equal(t, norm.CodeFormat, p.Code)
		assert.Contains(t, p.Message.EN, fmt.Sprintf("(U+%04X) at position 3", h.Rune))
		assert.Contains(t, p.Message.NL, fmt.Sprintf("(U+%04X) op positie 3", h.Rune))
		_, bad = norm.CheckText("/text", "ab"+string(h.Rune))
		assert.Equal(t, !h.MultiLine, bad, h.Name)
	}
	_, bad := norm.CheckLine("/x", "Gemeente ’s-Hertogenbosch — Zuid, 10 % ✓ 日本")
	assert.False(t, bad, "ordinary text passes")
}

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"":                             "",
		"Gemeente Voorbeeld (fictief)": "Gemeente Voorbeeld (fictief)",
		`C:\pad`:                       `C:\pad`,
		"LOC\nINC-FAKE 2026":           `LOC\nINC-FAKE 2026`,
		"a\tb\rc":                      `a\tb\rc`,
		"\x1b[31mrood\x1b[0m":          `\x1b[31mrood\x1b[0m`,
		"bel\x07\x00\x7f":              `bel\x07\x00\x7f`,
		"c1\u0085\u009b":               `c1\x85\x9b`,
		"rlo\u202egnol":                `rlo\u202egnol`,
		"iso\u2066x\u2069":             `iso\u2066x\u2069`,
		"sep\u2028\u2029":              `sep\u2028\u2029`,
		"bad\xffutf8":                  `bad\xffutf8`,
		"ééé ✓":                        "ééé ✓",
	} {
		assert.Equal(t, want, norm.Printable(in), "%q", in)
	}
	clean := "Uitvoeringsdienst Noordkust (fictief)"
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = norm.Printable(clean) }))
}

// A problem renders on one line whatever its pointer, column or message
// holds, so that input cannot add lines to an error listing or reach the
// terminal as an escape sequence.
func TestProblemInEscapes(t *testing.T) {
	for _, p := range []norm.Problem{
		{Pointer: "/answers/\x1b[2J\nINC-FAKE", Code: norm.CodeUnknownField, Message: norm.T("onbekend veld", "unknown field")},
		{Row: 3, Column: "site\r\nINC-FAKE", Code: norm.CodeUnknownField, Message: norm.T("onbekende kolom", "unknown column")},
		{Pointer: "/x", Code: norm.CodeEnum, Message: norm.T("waarde \"\u202eab\x07\"", "value \"\u202eab\x07\"")},
	} {
		for _, l := range norm.Langs() {
			s := p.In(l)
			assert.NotContains(t, s, "\n")
			assert.NotContains(t, s, "\r")
			assert.NotContains(t, s, "\x1b")
			assert.NotContains(t, s, "\x07")
			assert.NotContains(t, s, "\u202e")
		}
	}
	e := &norm.Error{Op: "test", Problems: []norm.Problem{{Pointer: "/a\nb", Code: norm.CodeSchema, Message: norm.T("x", "x")}}}
	assert.Equal(t, 2, strings.Count(e.Error(), "\n")+1, "a summary line and one problem line")
}
