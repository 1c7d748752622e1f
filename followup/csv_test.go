package followup_test

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/followup/followuptest"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
	"github.com/goedgesprek/goedgesprek/norm"
)

func TestActionsCSVRoundTrip(t *testing.T) {
	from := time.Date(2025, time.April, 1, 8, 0, 0, 0, followup.Amsterdam())
	rng := rand.New(rand.NewPCG(5, 5))
	var actions []followup.Action
	for _, inc := range incidenttest.Generate(5, 50, from) {
		actions = append(actions, followuptest.Actions(inc, followup.Policy{}, rng, followuptest.Sample())...)
	}
	actions = append(actions, followup.Action{ID: "X-1", IncidentID: "INC-X", Kind: followup.KindPoliceDecision, Subject: followup.SubjectPerpetrator,
		At: time.Date(2026, 10, 25, 2, 30, 0, 5, time.FixedZone("", 7200)), Outcome: followup.OutcomeDone, Form: followup.FormNoReport,
		Reason: "alleen gescholden, \"geen\" strafbaar feit;\nmet een regel erbij"})
	for _, lang := range norm.Langs() {
		t.Run(string(lang), func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, followup.WriteActionsCSVLang(&buf, lang, actions))
			assert.True(t, strings.HasPrefix(buf.String(), strings.Join(followup.ActionsCSVHeader(lang), ",")+"\n"))
			back, err := followup.ReadActionsCSV(&buf)
			require.NoError(t, err)
			require.Len(t, back, len(actions))
			for i := range actions {
				assert.True(t, actions[i].At.Equal(back[i].At), i)
				a, b := actions[i], back[i]
				a.At, b.At = time.Time{}, time.Time{}
				assert.Equal(t, a, b)
			}
		})
	}
	var buf bytes.Buffer
	require.NoError(t, followup.WriteActionsCSV(&buf, nil))
	assert.Equal(t, "id,incident_id,kind,subject,at,outcome,form,reason\n", buf.String())
	assert.Equal(t, []string{"kenmerk", "incident", "soort", "betreft", "tijdstip", "uitkomst", "vorm", "reden"}, followup.ActionsCSVHeader(norm.NL))
}

func TestReadActionsCSVLenient(t *testing.T) {
	// Dutch headers in another order, a byte order mark, no form or
	// reason column, CRLF line ends.
	in := "\ufeffsoort,Kenmerk,incident,betreft,uitkomst,tijdstip\r\n" +
		"aftercare,A1,INC-1,E-001,declined,2026-03-11T09:15:00+01:00\r\n"
	got, err := followup.ReadActionsCSV(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, followup.OutcomeDeclined, got[0].Outcome)
	assert.Equal(t, "E-001", got[0].Subject)
}

func TestReadActionsCSVInvalid(t *testing.T) {
	const header = "id,incident_id,kind,subject,at,outcome,form,reason\n"
	const good = "A1,INC-1,reaction,perpetrator,2026-03-11T09:15:00+01:00,done,ban,\n"
	type want struct {
		row  int
		col  string
		code norm.ProblemCode
	}
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"empty file", "", []want{{1, "", norm.CodeRequired}}},
		{"unknown column", "id,incident_id,kind,subject,at,outcome,colour\n", []want{{1, "colour", norm.CodeUnknownField}}},
		{"duplicate column", "id,kenmerk,incident_id,kind,subject,at,outcome\n", []want{{1, "kenmerk", norm.CodeDuplicateKey}}},
		{"missing column", "id,incident_id,kind,subject,outcome\n", []want{{1, "at", norm.CodeRequired}}},
		{"bad time", header + "A1,INC-1,reaction,perpetrator,11-03-2026 09:15,done,ban,\n", []want{{2, "at", norm.CodeFormat}}},
		{"time without offset", header + "A1,INC-1,reaction,perpetrator,2026-03-11T09:15:00,done,ban,\n", []want{{2, "at", norm.CodeFormat}}},
		{"unknown kind and outcome", header + "A1,INC-1,apology,perpetrator,2026-03-11T09:15:00+01:00,maybe,,\n", []want{{2, "kind", norm.CodeEnum}, {2, "outcome", norm.CodeEnum}}},
		{"not possible without reason, on row 3", header + good + "A2,INC-1,police_report,perpetrator,2026-03-11T09:15:00+01:00,not_possible,,\n", []want{{3, "reason", norm.CodeRequired}}},
		{"form that does not fit", header + "A1,INC-1,reaction,perpetrator,2026-03-11T09:15:00+01:00,done,report,\n", []want{{2, "form", norm.CodeEnum}}},
		{"missing values", header + ",,reaction,,,done,ban,\n", []want{{2, "id", norm.CodeRequired}, {2, "incident_id", norm.CodeRequired}, {2, "subject", norm.CodeRequired}, {2, "at", norm.CodeRequired}}},
		{"duplicate id", header + good + good, []want{{3, "id", norm.CodeDuplicate}}},
		{"wrong number of fields", header + good + "A2,INC-1\n", []want{{3, "", norm.CodeSyntax}}},
		{"bad quote", header + "A1,\"INC-1,reaction\n", []want{{2, "", norm.CodeSyntax}}},
		{"column names in Dutch are reported as spelled", "kenmerk,incident,soort,betreft,tijdstip,uitkomst\nA1,INC-1,reaction,perpetrator,gisteren,done\n", []want{{2, "tijdstip", norm.CodeFormat}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := followup.ReadActionsCSV(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.Nil(t, got)
			var ne *norm.Error
			require.True(t, errors.As(err, &ne), err)
			assert.Equal(t, "followup.ReadActionsCSV", ne.Op)
			for _, w := range tt.want {
				found := false
				for _, p := range ne.Problems {
					found = found || (p.Row == w.row && p.Column == w.col && p.Code == w.code)
				}
				assert.True(t, found, "want row %d column %q %s; got:\n%s", w.row, w.col, w.code, ne.Error())
			}
			assert.NotContains(t, ne.In(norm.NL), "row ", "Dutch rendering says rij/kolom")
		})
	}
}

func TestReadActionsCSVLimits(t *testing.T) {
	// Many bad rows: the problems stop at a cap.
	var b strings.Builder
	b.WriteString("id,incident_id,kind,subject,at,outcome\n")
	for range 1000 {
		b.WriteString("A,INC,nonsense,perpetrator,2026-03-11T09:15:00+01:00,done\n")
	}
	_, err := followup.ReadActionsCSV(strings.NewReader(b.String()))
	var ne *norm.Error
	require.True(t, errors.As(err, &ne))
	assert.LessOrEqual(t, len(ne.Problems), 110)

	// A huge file is refused without being read whole.
	huge := io.MultiReader(strings.NewReader("id,incident_id,kind,subject,at,outcome,form,reason\n"), endless{})
	_, err = followup.ReadActionsCSV(huge)
	require.True(t, errors.As(err, &ne), err)
	assert.True(t, ne.Has("", norm.CodeTooLarge), ne.Error())

	// An I/O error is passed on as it is.
	boom := errors.New("disk gone")
	_, err = followup.ReadActionsCSV(io.MultiReader(strings.NewReader("id,incident_id"), errReader{boom}))
	assert.ErrorIs(t, err, boom)
}

// endless yields empty lines for ever, which the CSV reader skips, so the
// size limit is what stops it.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '\n'
	}
	return len(p), nil
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
