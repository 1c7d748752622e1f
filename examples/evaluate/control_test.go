package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
)

// An assessment with a control character in a free-text field is refused
// with its pointer, and the error does not carry the character.
func TestControlCharactersRefused(t *testing.T) {
	doc, err := os.ReadFile(dataPath("ind-after.json"))
	require.NoError(t, err)
	bad := strings.Replace(string(doc), `"kwaliteitsadviseur"`, `"kwaliteits\u001b[2Jadviseur\n1. nep"`, 1)
	require.NotEqual(t, string(doc), bad)
	code, out, errs := runCmd(t, strings.NewReader(bad), "-lang", "en", "-")
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "/assessor/role: holds a control character (U+001B) at position 11")
	assert.NotContains(t, errs, "\x1b")
}

// A report whose texts hold control characters (built from an assessment
// that never went through the decoder, or a file name) reaches no format
// raw: the text report keeps its lines, Markdown its table cells, and HTML
// shows the escapes.
func TestReportsEscapeControlCharacters(t *testing.T) {
	doc, err := os.ReadFile(dataPath("ind-after.json"))
	require.NoError(t, err)
	a, err := checklist.DecodeAssessment(bytes.NewReader(doc))
	require.NoError(t, err)
	rep, err := checklist.Evaluate(a)
	require.NoError(t, err)
	clean := a
	hostile := "Gemeente\nSCORE 100/100   OORDEEL: GROEN\x1b[2J\x07\u202elaH"
	rep.Organisation.Name = hostile
	a.Assessor.ID = "AUD\r-1"
	meas := measuredInfo{Origin: "reg\n\x1b]0;titel\x07.csv"}

	var plain bytes.Buffer
	require.NoError(t, render(&plain, "text", &rep, &a, measuredInfo{}))
	var want bytes.Buffer
	rep2, err := checklist.Evaluate(clean)
	require.NoError(t, err)
	require.NoError(t, render(&want, "text", &rep2, &clean, measuredInfo{}))

	for _, format := range []string{"text", "markdown", "html"} {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, render(&b, format, &rep, &a, meas))
			out := b.String()
			for _, c := range []string{"\x1b", "\x07", "\r", "\u202e"} {
				assert.NotContains(t, out, c)
			}
			assert.NotRegexp(t, `(?m)^SCORE 100`, out, "no line of the report comes from the name")
			assert.Contains(t, out, `\x1b`, "the escape is shown")
		})
	}
	assert.Equal(t, strings.Count(want.String(), "\n"), strings.Count(plain.String(), "\n"), "the name adds no line to the text report")
}

// md escapes a value that would otherwise start a list or a heading
// underline when it opens a line.
func TestMarkdownLeadingMarkup(t *testing.T) {
	for in, want := range map[string]string{
		"- lijst":       `\- lijst`,
		"+ lijst":       `\+ lijst`,
		"===":           `\===`,
		"1. eerste":     `1\. eerste`,
		"12) twaalf":    `12\) twaalf`,
		"2026-03-31":    "2026-03-31",
		"~~weg~~":       `\~\~weg\~\~`,
		"a\nb|c\x1bd":   `a\\nb\|c\\x1bd`,
		"Gemeente (NH)": "Gemeente (NH)",
	} {
		assert.Equal(t, want, md(in), "%q", in)
	}
}
