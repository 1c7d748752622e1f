package followup_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
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
			var opts []followup.CSVOption
			if lang == norm.NL {
				opts = append(opts, followup.WithDutchHeaders())
			}
			require.NoError(t, followup.WriteActionsCSV(&buf, actions, opts...))
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

// fill streams prefix and then n copies of b, without holding them.
type fill struct {
	prefix string
	b      byte
	n      int
}

func (f *fill) Read(p []byte) (int, error) {
	k := 0
	for ; k < len(p) && f.prefix != ""; k++ {
		p[k], f.prefix = f.prefix[0], f.prefix[1:]
	}
	for ; k < len(p) && f.n > 0; k++ {
		p[k] = f.b
		f.n--
	}
	if k == 0 {
		return 0, io.EOF
	}
	return k, nil
}

// Issue 12, item 7: a header of 8 MiB of commas gave 8,388,608 problems,
// 49 s and 4 GB.
func TestReadActionsCSVHeaderBomb(t *testing.T) {
	const header = "id,incident_id,kind,subject,at,outcome\n"
	for _, tc := range []struct {
		name string
		in   io.Reader
		row  int
	}{
		{"8 MiB of commas", &fill{b: ',', n: 8 << 20}, 1},
		{"64 MiB of semicolons", &fill{b: ';', n: 64<<20 - 1}, 1},
		{"a data row of commas", &fill{prefix: header, b: ',', n: 8 << 20}, 2},
		{"a stray quote", &fill{prefix: header + "\"", b: 'x', n: 8 << 20}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			got, err := followup.ReadActionsCSV(tc.in)
			runtime.ReadMemStats(&after)
			assert.Nil(t, got)
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			require.Len(t, ne.Problems, 1, "%v", ne)
			assert.Equal(t, tc.row, ne.Problems[0].Row)
			assert.Equal(t, norm.CodeTooLarge, ne.Problems[0].Code)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(4<<20), "the row is refused, not read")
		})
	}
}

// Past norm.MaxProblems, problems are counted, not listed.
func TestReadActionsCSVCountsWhatItDoesNotList(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,incident_id,kind,subject,at,outcome\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "A%d,INC,nonsense,perpetrator,2026-03-11T09:15:00+01:00,done\n", i)
	}
	_, err := followup.ReadActionsCSV(strings.NewReader(b.String()))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	require.Len(t, ne.Problems, norm.MaxProblems+1)
	last := ne.Problems[norm.MaxProblems]
	assert.Equal(t, norm.CodeMore, last.Code)
	assert.Equal(t, "and 4900 more problems that are not listed", last.Message.EN)
	assert.Equal(t, "en nog 4900 problemen die niet zijn vermeld", last.Message.NL)
	assert.Contains(t, ne.Error(), "followup.ReadActionsCSV: 5000 problems")
}

// Issue 12, item 13: the actions reader reads what Excel writes, as the
// incidents reader does.
func TestReadActionsCSVWhatExcelWrites(t *testing.T) {
	cols := []string{"kenmerk", "incident", "soort", "betreft", "tijdstip", "uitkomst", "vorm", "reden"}
	row := []string{"A1", "INC-1", "reaction", "perpetrator", "2026-03-11T09:15:00+01:00", "done", "ban", "boos; \"erg\" boos"}
	join := func(ss []string, sep string, quoted bool) string {
		out := make([]string, len(ss))
		for i, s := range ss {
			if quoted || strings.ContainsAny(s, sep+"\"") {
				s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
			}
			out[i] = s
		}
		return strings.Join(out, sep)
	}
	for _, sep := range []string{",", ";", "\t"} {
		for _, tc := range []struct {
			name string
			in   string
		}{
			{"plain", join(cols, sep, false) + "\n" + join(row, sep, false) + "\n"},
			{"BOM and CRLF", "\ufeff" + join(cols, sep, false) + "\r\n" + join(row, sep, false) + "\r\n"},
			{"BOM before a quoted header", "\ufeff" + join(cols, sep, true) + "\r\n" + join(row, sep, true) + "\r\n"},
			{"trailing empty columns", join(cols, sep, false) + sep + sep + "\r\n" + join(row, sep, false) + sep + sep + "\r\n"},
			{"trailing empty columns in the header only", join(cols, sep, false) + sep + "\n" + join(row, sep, false) + "\n"},
			{"trailing empty cells in the rows only", join(cols, sep, false) + "\n" + join(row, sep, false) + sep + sep + "\n"},
		} {
			t.Run(tc.name+" "+strings.ReplaceAll(sep, "\t", "tab"), func(t *testing.T) {
				got, err := followup.ReadActionsCSV(strings.NewReader(tc.in))
				require.NoError(t, err)
				require.Len(t, got, 1)
				assert.Equal(t, "A1", got[0].ID)
				assert.Equal(t, followup.FormBan, got[0].Form)
				assert.Equal(t, `boos; "erg" boos`, got[0].Reason)
			})
		}
	}
	// Something written in a column without a name is not an empty column.
	_, err := followup.ReadActionsCSV(strings.NewReader(join(cols, ",", false) + ",\n" + join(row, ",", false) + ",x\n"))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, 2, ne.Problems[0].Row)
	assert.Equal(t, norm.CodeUnknownField, ne.Problems[0].Code)
}

// Issue 12, item 9: formulas in an actions CSV.
func TestActionsCSVFormulas(t *testing.T) {
	const header = "id,incident_id,kind,subject,at,outcome,form,reason\n"
	for _, tc := range []struct {
		name, row, col string
	}{
		{"id", "\"=HYPERLINK(\"\"http://x\"\")\",INC-1,reaction,perpetrator,2026-03-11T09:15:00+01:00,done,ban,\n", "id"},
		{"incident", "A1,+cmd|' /C calc'!A0,reaction,perpetrator,2026-03-11T09:15:00+01:00,done,ban,\n", "incident_id"},
		{"subject", "A1,INC-1,aftercare,@SUM(1+1),2026-03-11T09:15:00+01:00,done,,\n", "subject"},
		{"subject with a minus", "A1,INC-1,aftercare,-A1,2026-03-11T09:15:00+01:00,done,,\n", "subject"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := followup.ReadActionsCSV(strings.NewReader(header + tc.row))
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			found := false
			for _, p := range ne.Problems {
				found = found || (p.Row == 2 && p.Column == tc.col && p.Code == norm.CodeFormat)
			}
			assert.True(t, found, "%v", ne)
		})
	}

	// A reason is free text: a formula in it is kept, and written defused.
	a := followup.Action{ID: "A1", IncidentID: "INC-1", Kind: followup.KindPoliceReport, Subject: followup.SubjectPerpetrator,
		At: time.Date(2026, 3, 11, 9, 15, 0, 0, time.UTC), Outcome: followup.OutcomeNotPossible, Reason: "=HYPERLINK(\"http://x\";\"klik\")"}
	for _, reason := range []string{a.Reason, "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "'=al met apostrof", "-5"} {
		a.Reason = reason
		var buf bytes.Buffer
		require.NoError(t, followup.WriteActionsCSV(&buf, []followup.Action{a}))
		_, line, _ := strings.Cut(buf.String(), "\n")
		cells := strings.SplitN(line, ",", 8)
		require.Len(t, cells, 8)
		last := strings.Trim(cells[7], "\"\n")
		if reason == "-5" {
			assert.Equal(t, "-5", last, "a plain number stays as it is")
		} else {
			assert.True(t, strings.HasPrefix(last, "'"), "written defused: %q", line)
		}
		back, err := followup.ReadActionsCSV(&buf)
		require.NoError(t, err)
		require.Len(t, back, 1)
		assert.Equal(t, reason, back[0].Reason)
	}
}
