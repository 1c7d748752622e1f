package followup_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

// Each hostile character in each free-text field of an action is refused
// by DecodeAction (the schema's pattern), by Validate and by
// ReadActionsCSV, at the field's pointer or row and column; the reason
// may span lines.
func TestControlCharactersRefused(t *testing.T) {
	good, err := followup.DecodeAction(strings.NewReader(validAction))
	require.NoError(t, err)
	good.Outcome, good.Form, good.Reason = followup.OutcomeNotPossible, "", "onbereikbaar"
	fields := []struct {
		name      string
		multiLine bool
		set       func(*followup.Action, string)
	}{
		{"id", false, func(a *followup.Action, s string) { a.ID = s }},
		{"incident_id", false, func(a *followup.Action, s string) { a.IncidentID = incident.ID(s) }},
		{"subject", false, func(a *followup.Action, s string) { a.Subject = s }},
		{"reason", true, func(a *followup.Action, s string) { a.Reason = s }},
	}
	for _, f := range fields {
		for _, h := range normtest.HostileChars() {
			t.Run(f.name+"/"+h.Name, func(t *testing.T) {
				ok := f.multiLine && h.MultiLine
				a := good
				value := "A" + string(h.Rune) + "B"
				if f.name == "subject" {
					// The subject of a reaction must be "perpetrator";
					// an aftercare action takes any reference.
					a.Kind, a.Reason, a.Outcome = followup.KindAftercare, "", followup.OutcomeDone
				}
				f.set(&a, value)

				b, err := json.Marshal(a)
				require.NoError(t, err)
				_, err = followup.DecodeAction(bytes.NewReader(b))
				check(t, err, ok, "/"+f.name, 0, "", h.Rune)

				err = a.Validate("test")
				check(t, err, ok, "/"+f.name, 0, "", h.Rune)

				var buf bytes.Buffer
				require.NoError(t, followup.WriteActionsCSV(&buf, []followup.Action{a}))
				recs, err := csv.NewReader(&buf).ReadAll()
				require.NoError(t, err)
				for i, name := range recs[0] {
					if name == f.name {
						recs[1][i] = value // as written by another program
					}
				}
				var out bytes.Buffer
				require.NoError(t, csv.NewWriter(&out).WriteAll(recs))
				_, err = followup.ReadActionsCSV(&out)
				check(t, err, ok, "", 2, f.name, h.Rune)
			})
		}
	}
}

func check(tb testing.TB, err error, ok bool, ptr string, row int, column string, r rune) {
	tb.Helper()
	if ok {
		require.NoError(tb, err)
		return
	}
	p := normtest.Refused(tb, err, r)
	if row == 0 {
		assert.Equal(tb, ptr, p.Pointer)
	}
	assert.Equal(tb, row, p.Row)
	assert.Equal(tb, column, p.Column)
}

// The action schema refuses what DecodeAction refuses, so that a form does
// too: the references are one line, the reason may span lines.
func TestSchemaFreeTextHasPattern(t *testing.T) {
	for _, d := range form.Dialects() {
		b, err := followup.Schema(norm.NL, d)
		require.NoError(t, err)
		var s struct {
			Properties map[string]struct {
				Pattern string `json:"pattern"`
			} `json:"properties"`
		}
		require.NoError(t, json.Unmarshal(b, &s))
		// The references have stricter patterns of their own, which
		// refuse every control character too.
		for _, f := range []string{"id", "incident_id", "subject"} {
			re, err := regexp.Compile(s.Properties[f].Pattern)
			require.NoError(t, err, "%s %s", d, f)
			assert.True(t, re.MatchString("INC-1"), "%s %s", d, f)
			for _, h := range normtest.HostileChars() {
				assert.False(t, re.MatchString("A"+string(h.Rune)+"B"), "%s %s %s", d, f, h.Name)
			}
		}
		assert.Equal(t, norm.TextPattern, s.Properties["reason"].Pattern, d)
	}
}
