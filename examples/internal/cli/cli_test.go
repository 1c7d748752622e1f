package cli

import (
	"bytes"
	"errors"
	"flag"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

func TestParseTime(t *testing.T) {
	cases := []struct {
		in       string
		endOfDay bool
		want     string // RFC 3339 in Amsterdam
		err      bool
	}{
		{"2026-03-31", true, "2026-03-31T23:59:59+02:00", false},
		{"2026-03-31", false, "2026-03-31T00:00:00+02:00", false},
		{"2026-01-15", true, "2026-01-15T23:59:59+01:00", false},        // winter time
		{"2026-03-29T02:30", false, "2026-03-29T03:30:00+02:00", false}, // the hour that does not exist moves on
		{"2026-03-30T10:00", false, "2026-03-30T10:00:00+02:00", false},
		{"2026-03-30T08:00:00Z", false, "2026-03-30T10:00:00+02:00", false},
		{"2026-02-30", true, "", true},
		{"gisteren", true, "", true},
		{"", true, "", true},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseTime(c.in, c.endOfDay)
			if c.err {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got.In(Amsterdam).Format(time.RFC3339))
		})
	}
}

func TestGuessLang(t *testing.T) {
	cases := []struct {
		args []string
		want norm.Lang
	}{
		{nil, norm.NL},
		{[]string{"-lang", "en", "x.json"}, norm.EN},
		{[]string{"x.json", "--lang=en"}, norm.EN},
		{[]string{"-lang", "de"}, norm.NL},
		{[]string{"--", "-lang", "en"}, norm.NL},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, GuessLang(c.args), "%v", c.args)
	}
}

func TestParseInterspersed(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	lang := fs.String("lang", "nl", "")
	v := fs.Bool("v", false, "")
	pos, err := Parse(fs, []string{"a.json", "-lang", "en", "b.json", "-v"})
	require.NoError(t, err)
	assert.Equal(t, []string{"a.json", "b.json"}, pos)
	assert.Equal(t, "en", *lang)
	assert.True(t, *v)

	_, err = Parse(flag.NewFlagSet("t", flag.ContinueOnError), []string{"-nope"})
	var ue *UsageError
	require.ErrorAs(t, err, &ue)
	assert.Contains(t, ue.Msg.In(norm.NL), "nope")

	_, err = Parse(flag.NewFlagSet("t", flag.ContinueOnError), []string{"-h"})
	assert.ErrorIs(t, err, flag.ErrHelp)
}

func TestFailAndUsage(t *testing.T) {
	var b bytes.Buffer
	err := &norm.Error{Op: "x.Decode", Problems: []norm.Problem{{Pointer: "/a", Code: norm.CodeType, Message: norm.T("fout type", "wrong type")}}}
	assert.Equal(t, ExitInvalid, Fail(&b, norm.EN, "in.json", err))
	assert.Equal(t, "in.json: x.Decode: 1 problem\n  /a: wrong type (type)\n", b.String())

	b.Reset()
	assert.Equal(t, ExitUsage, ReportUsage(&b, norm.NL, "prog", Usagef("geef %d", "give %d", 1), nil))
	assert.Contains(t, b.String(), "prog: geef 1")
	assert.Contains(t, b.String(), "prog -h toont het gebruik")

	b.Reset()
	called := false
	assert.Equal(t, ExitOK, ReportUsage(&b, norm.NL, "prog", flag.ErrHelp, func() { called = true }))
	assert.True(t, called)

	assert.Equal(t, ExitInvalid, Fail(&b, norm.NL, "x", errors.New("boom")))
}

// A file name, a usage message or an error text that holds control
// characters reaches stderr escaped, on one line.
func TestFailAndUsageEscape(t *testing.T) {
	hostile := "reg\n\x1b[2J\u202e.csv"
	for _, err := range []error{
		errors.New("open " + hostile + ": no such file"),
		&norm.CodeError{Kind: "lang", Value: hostile, Allowed: []string{"nl", "en"}},
		&norm.Error{Op: "x", Problems: []norm.Problem{{Pointer: "/" + hostile, Code: norm.CodeSchema, Message: norm.T(hostile, hostile)}}},
	} {
		var b bytes.Buffer
		assert.Equal(t, ExitInvalid, Fail(&b, norm.EN, hostile, err))
		out := b.String()
		assert.NotContains(t, out, "\x1b")
		assert.NotContains(t, out, "\u202e")
		assert.Contains(t, out, `reg\n\x1b[2J\u202e.csv: `)
	}
	var b bytes.Buffer
	assert.Equal(t, ExitUsage, ReportUsage(&b, norm.EN, "prog", Usagef("-x=%s", "-x=%s", hostile), nil))
	assert.Contains(t, b.String(), `prog: -x=reg\n\x1b[2J\u202e.csv`+"\n")
	b.Reset()
	ReportUsage(&b, norm.EN, "prog", errors.New(hostile), nil)
	assert.NotContains(t, b.String(), "\x1b")
}
