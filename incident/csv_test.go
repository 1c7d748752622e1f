package incident_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
	"github.com/goedgesprek/goedgesprek/incident/inmem"
	"github.com/goedgesprek/goedgesprek/norm"
)

var genFrom = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

func TestCSVRoundTrip(t *testing.T) {
	incs := incidenttest.Generate(42, 300, genFrom)
	// Cells a spreadsheet would take for a formula survive the trip.
	incs[0].Description = "=HYPERLINK(\"http://example.org\")"
	incs[1].Site = "-LOC"
	incs[2].Analysis = &incident.Analysis{Causes: []incident.Cause{incident.CauseProcedure}, Lessons: "@team: neem dit mee; en dit, \"met aanhalingstekens\"\nop twee regels"}

	for _, tc := range []struct {
		name string
		opts []incident.CSVOption
	}{
		{"english comma", nil},
		{"dutch semicolon", []incident.CSVOption{incident.WithDutchHeaders(), incident.WithDelimiter(';')}},
		{"tab", []incident.CSVOption{incident.WithDelimiter('\t')}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, incident.WriteCSV(&buf, incs, append(tc.opts, incident.WithFreeText())...))
			assert.NotContains(t, buf.String(), "\n=HYPERLINK", "formula cells are defused")
			got, err := incident.ReadCSV(&buf) // the delimiter is detected
			require.NoError(t, err)
			require.Equal(t, incs, got)
		})
	}
}

func TestWriteCSVLeavesFreeTextOut(t *testing.T) {
	incs := incidenttest.Generate(1, 20, genFrom)
	var buf bytes.Buffer
	require.NoError(t, incident.WriteCSV(&buf, incs))
	out := buf.String()
	header, _, _ := strings.Cut(out, "\n")
	assert.Equal(t, "id,occurred_at,reported_at,recorded_at,site,channel,behaviours,phase,perpetrator_role,perpetrator_ref,involved,injury,absence_days,damage_cents,police_called,causes", header)
	assert.NotContains(t, out, "Synthetisch", "descriptions and analysis texts stay out")

	got, err := incident.ReadCSV(strings.NewReader(out))
	require.NoError(t, err)
	require.Len(t, got, len(incs))
	for i := range got {
		assert.Empty(t, got[i].Description)
		if incs[i].Analysis != nil {
			require.NotNil(t, got[i].Analysis)
			assert.Equal(t, incs[i].Analysis.Causes, got[i].Analysis.Causes, "coded causes are not free text")
			assert.Empty(t, got[i].Analysis.Text)
		}
	}

	buf.Reset()
	require.NoError(t, incident.WriteCSV(&buf, incs, incident.WithDutchHeaders(), incident.WithDelimiter(';')))
	header, _, _ = strings.Cut(buf.String(), "\n")
	assert.Equal(t, "id;datum_voorval;datum_melding;datum_registratie;locatie;kanaal;gedrag;fase;rol_dader;dader;betrokkenen;letsel;verzuimdagen;schade_centen;politie_gebeld;oorzaken", header)
}

func TestReadCSVDutchSpreadsheet(t *testing.T) {
	// What a Dutch spreadsheet program writes: a byte-order mark, ';',
	// headers in another order and case, local times, ja/nee.
	in := "\ufeffKanaal;Datum voorval;datum_melding;Gedrag;Fase;Dader;Rol dader;Betrokkenen;Letsel;Schade_centen;Oorzaken;Beschrijving\r\n" +
		"balie;2025-03-14 09:30;2025-03-14 10:05;\"Shouting; threatening\";rood;P-0042;client;\"E-017:target;E-018:witness\";ja;2500;waiting_time;Bezoeker werd boos bij de balie.\r\n" +
		";;;;;;;;;;;\r\n" + // an empty row in the middle is skipped
		"phone;2025-07-01T14:00:00+02:00;2025-07-01 14:20;swearing;amber;;;E-003:target;nee;;;\r\n"
	// "balie" and "rood" are Dutch labels, not codes: they must fail.
	_, err := incident.ReadCSV(strings.NewReader(in))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, "incident.ReadCSV", ne.Op)
	requireProblem(t, ne, 2, "Kanaal", norm.CodeEnum)
	requireProblem(t, ne, 2, "Fase", norm.CodeEnum)
	assert.Len(t, ne.Problems, 2, "the other rows are fine: %v", ne)

	in = strings.Replace(strings.Replace(in, "balie;", "desk;", 1), ";rood;", ";red;", 1)
	incs, err := incident.ReadCSV(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, incs, 2)
	a := incs[0]
	assert.Equal(t, time.Date(2025, 3, 14, 8, 30, 0, 0, time.UTC), a.OccurredAt, "09:30 CET is 08:30 UTC")
	assert.Equal(t, incident.Behaviours{norm.Shouting, norm.Threatening}, a.Behaviours)
	assert.Equal(t, incident.Perpetrator{Ref: "P-0042", Role: incident.PerpetratorClient}, a.Perpetrator)
	assert.Equal(t, []incident.Person{{Ref: "E-017", Role: incident.RoleTarget}, {Ref: "E-018", Role: incident.RoleWitness}}, a.Involved)
	assert.True(t, a.Consequences.Injury)
	assert.Equal(t, int64(2500), a.Consequences.DamageCents)
	require.NotNil(t, a.Analysis)
	assert.Equal(t, []incident.Cause{incident.CauseWaitingTime}, a.Analysis.Causes)
	assert.Equal(t, "Bezoeker werd boos bij de balie.", a.Description)
	assert.Equal(t, norm.SeverityHigh, a.Classification().Severity)

	b := incs[1]
	assert.Equal(t, time.Date(2025, 7, 1, 12, 0, 0, 0, time.UTC), b.OccurredAt)
	assert.Equal(t, time.Date(2025, 7, 1, 12, 20, 0, 0, time.UTC), b.ReportedAt, "14:20 CEST")
	assert.Equal(t, incident.PerpetratorUnknown, b.Perpetrator.Role, "an empty perpetrator is unknown")
	assert.Nil(t, b.Analysis)
	assert.Zero(t, b.Consequences.DamageCents)
}

// requireProblem asserts that ne lists a problem at row and column with code.
func requireProblem(tb testing.TB, ne *norm.Error, row int, col string, code norm.ProblemCode) {
	tb.Helper()
	for _, p := range ne.Problems {
		if p.Row == row && p.Column == col && p.Code == code {
			return
		}
	}
	tb.Fatalf("no problem %s at row %d, column %q in\n%v", code, row, col, ne)
}

const header = "id,occurred_at,reported_at,channel,behaviours,phase,perpetrator_role,perpetrator_ref,involved,injury,absence_days,damage_cents"

func TestReadCSVInvalid(t *testing.T) {
	good := "A-1,2025-03-14 09:30,2025-03-14 10:00,desk,shouting,amber,client,P-1,E-1:target,nee,0,0"
	type want struct {
		row  int
		col  string
		code norm.ProblemCode
	}
	for _, tc := range []struct {
		name string
		in   string
		want []want
	}{
		{"unknown behaviour", header + "\n" + strings.Replace(good, "shouting", "shouting;yelling", 1), []want{{2, "behaviours", norm.CodeEnum}}},
		{"reported before it occurred", header + "\n" + strings.Replace(good, "10:00", "08:00", 1), []want{{2, "reported_at", norm.CodeOrder}}},
		{"impossible date", header + "\n" + strings.Replace(good, "2025-03-14 09:30", "2025-02-30 09:30", 1), []want{{2, "occurred_at", norm.CodeDate}}},
		{"impossible RFC 3339 date", header + "\n" + strings.Replace(good, "2025-03-14 09:30", "2025-04-31T09:30:00Z", 1), []want{{2, "occurred_at", norm.CodeDate}}},
		{"time in the daylight-saving gap", header + "\n" + strings.Replace(strings.Replace(good, "2025-03-14 09:30", "2025-03-30 02:30", 1), "2025-03-14 10:00", "2025-03-30 10:00", 1), []want{{2, "occurred_at", norm.CodeDate}}},
		{"bad time format", header + "\n" + strings.Replace(good, "2025-03-14 09:30", "14-03-2025", 1), []want{{2, "occurred_at", norm.CodeFormat}}},
		{"missing time", header + "\n" + strings.Replace(good, "2025-03-14 09:30", "", 1), []want{{2, "occurred_at", norm.CodeRequired}}},
		{"negative damage", header + "\n" + strings.Replace(good, ",0,0", ",0,-100", 1), []want{{2, "damage_cents", norm.CodeRange}}},
		{"damage not a number", header + "\n" + strings.Replace(good, ",0,0", ",0,12.50", 1), []want{{2, "damage_cents", norm.CodeType}}},
		{"absence not a number", header + "\n" + strings.Replace(good, ",0,0", ",twee,0", 1), []want{{2, "absence_days", norm.CodeType}}},
		{"bad boolean", header + "\n" + strings.Replace(good, ",nee,", ",misschien,", 1), []want{{2, "injury", norm.CodeType}}},
		{"unknown channel", header + "\n" + strings.Replace(good, ",desk,", ",fax,", 1), []want{{2, "channel", norm.CodeEnum}}},
		{"involved without role", header + "\n" + strings.Replace(good, "E-1:target", "E-1", 1), []want{{2, "involved", norm.CodeFormat}}},
		{"involved with unknown role", header + "\n" + strings.Replace(good, "E-1:target", "E-1:bystander", 1), []want{{2, "involved", norm.CodeEnum}}},
		{"name instead of a reference", header + "\n" + strings.Replace(good, "P-1", "Jan de Vries", 1), []want{{2, "perpetrator_ref", norm.CodeFormat}}},
		{"duplicate ID", header + "\n" + good + "\n" + good, []want{{3, "id", norm.CodeDuplicate}}},
		{"too few fields", header + "\n" + good + "\nA-2,2025-03-14 09:30", []want{{3, "", norm.CodeSyntax}}},
		{"every bad row listed", header + "\n" + strings.Replace(good, "amber", "purple", 1) + "\n" + good[:1] + "-2" + good[3:] + "\n" + strings.Replace(strings.Replace(good, "A-1", "A-3", 1), "desk", "", 1),
			[]want{{2, "phase", norm.CodeEnum}, {4, "channel", norm.CodeRequired}}},
		{"unknown column", strings.Replace(header, "injury", "verwonding", 1) + "\n" + good, []want{{1, "verwonding", norm.CodeUnknownField}}},
		{"missing required column", strings.Replace(header, ",phase", "", 1) + "\n" + strings.Replace(good, ",amber", "", 1), []want{{1, "phase", norm.CodeRequired}}},
		{"column twice", header + ",gedrag\n" + good + ",swearing", []want{{1, "gedrag", norm.CodeDuplicate}}},
		{"value in a column without a name", header + ",\n" + good + ",x", []want{{2, "", norm.CodeUnknownField}}},
		{"unterminated quote", header + "\n" + strings.Replace(good, "shouting", "\"shouting", 1), []want{{2, "", norm.CodeSyntax}}},
		{"empty file", "", []want{{1, "", norm.CodeRequired}}},
		{"not UTF-8", header + "\n" + strings.Replace(good, "P-1", "P-\xe9", 1), []want{{2, "perpetrator_ref", norm.CodeInvalidUTF8}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			incs, err := incident.ReadCSV(strings.NewReader(tc.in))
			assert.Nil(t, incs, "nothing half-read")
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			require.ErrorIs(t, err, norm.ErrInvalid)
			for _, w := range tc.want {
				requireProblem(t, ne, w.row, w.col, w.code)
			}
			assert.Len(t, ne.Problems, len(tc.want), "exactly the expected problems: %v", ne)
		})
	}
}

func TestReadCSVLimits(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, incident.WriteCSV(&buf, incidenttest.Generate(5, 50, genFrom)))
	in := buf.String()

	_, err := incident.ReadCSV(strings.NewReader(in), incident.WithMaxRows(49))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	requireProblem(t, ne, 51, "", norm.CodeTooLarge)

	_, err = incident.ReadCSV(strings.NewReader(in), incident.WithMaxBytes(int64(len(in)-1)))
	require.ErrorAs(t, err, &ne)
	require.Len(t, ne.Problems, 1)
	assert.Equal(t, norm.CodeTooLarge, ne.Problems[0].Code)

	incs, err := incident.ReadCSV(strings.NewReader(in), incident.WithMaxRows(50), incident.WithMaxBytes(int64(len(in))))
	require.NoError(t, err)
	assert.Len(t, incs, 50)

	// A file full of errors lists MaxCSVProblems and says how many more.
	bad := header + "\n" + strings.Repeat("x,y,z,fax,yelling,purple,boss,Jan Jansen,E,?,-1,-1\n", 300)
	_, err = incident.ReadCSV(strings.NewReader(bad))
	require.ErrorAs(t, err, &ne)
	require.Len(t, ne.Problems, incident.MaxCSVProblems+1)
	last := ne.Problems[len(ne.Problems)-1]
	assert.Equal(t, norm.CodeMore, last.Code)
	assert.Contains(t, last.Message.EN, "and 3200 more problems that are not listed")
	assert.Contains(t, last.Message.NL, "en nog 3200 problemen")
}

// commas streams prefix and then n bytes of fill without holding them.
type commas struct {
	prefix string
	fill   byte
	n, pos int
}

func (c *commas) Read(p []byte) (int, error) {
	k := 0
	for ; k < len(p) && c.prefix != ""; k++ {
		p[k], c.prefix = c.prefix[0], c.prefix[1:]
	}
	for ; k < len(p) && c.pos < c.n; k++ {
		p[k] = c.fill
		c.pos++
	}
	if k == 0 {
		return 0, io.EOF
	}
	return k, nil
}

// Issue 12, item 7: a header of millions of empty columns took seconds and
// gigabytes, and with the required columns in front it read as an empty
// register ("imported: 0", exit 0).
func TestReadCSVHeaderBomb(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   io.Reader
		row  int
	}{
		{"32 MiB of commas", &commas{fill: ',', n: 32<<20 - 2}, 1},
		{"the required columns and 32 MiB of empty ones", &commas{prefix: header, fill: ',', n: 32<<20 - 2 - len(header)}, 1},
		{"32 MiB of semicolons", &commas{fill: ';', n: 32<<20 - 2}, 1},
		{"a data row of 32 MiB of commas", &commas{prefix: header + "\n", fill: ',', n: 32 << 20}, 2},
		{"a row with a stray quote", &commas{prefix: header + "\n\"", fill: 'x', n: 32 << 20}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			incs, err := incident.ReadCSV(tc.in, incident.WithMaxBytes(64<<20))
			runtime.ReadMemStats(&after)
			assert.Nil(t, incs)
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			require.Len(t, ne.Problems, 1, "%v", ne)
			assert.Equal(t, tc.row, ne.Problems[0].Row)
			assert.Equal(t, norm.CodeTooLarge, ne.Problems[0].Code)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(4<<20), "the header is refused, not read")
		})
	}
}

// A file that is not a register is refused, never read as an empty one.
func TestReadCSVNotARegister(t *testing.T) {
	for _, in := range []string{
		",,,,\n",
		"naam,adres\nJan,Dorpsstraat 1\n",
		"\ufeff\n\n",
	} {
		incs, err := incident.ReadCSV(strings.NewReader(in))
		assert.Nil(t, incs)
		var ne *norm.Error
		require.ErrorAs(t, err, &ne, "%q", in)
		assert.Equal(t, 1, ne.Problems[0].Row)
	}
}

// Issue 12, item 13: what Excel writes reads, whatever the separator.
func TestReadCSVWhatExcelWrites(t *testing.T) {
	good := []string{"A-1", "2025-03-14 09:30", "2025-03-14 10:00", "desk", "shouting", "amber", "client", "P-1", "E-1:target", "nee", "0", "0"}
	cols := strings.Split(header, ",")
	quote := func(ss []string) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = `"` + s + `"`
		}
		return out
	}
	for _, sep := range []string{",", ";", "\t"} {
		for _, tc := range []struct {
			name string
			in   string
		}{
			{"plain", strings.Join(cols, sep) + "\n" + strings.Join(good, sep) + "\n"},
			{"BOM and CRLF", "\ufeff" + strings.Join(cols, sep) + "\r\n" + strings.Join(good, sep) + "\r\n"},
			{"BOM before a quoted header", "\ufeff" + strings.Join(quote(cols), sep) + "\r\n" + strings.Join(quote(good), sep) + "\r\n"},
			{"trailing empty columns", strings.Join(cols, sep) + sep + sep + "\r\n" + strings.Join(good, sep) + sep + sep + "\r\n"},
			{"trailing empty columns in the header only", strings.Join(cols, sep) + sep + sep + "\n" + strings.Join(good, sep) + "\n"},
			{"trailing empty cells in the rows only", strings.Join(cols, sep) + "\n" + strings.Join(good, sep) + sep + sep + sep + "\n"},
		} {
			t.Run(tc.name+" "+strings.ReplaceAll(sep, "\t", "tab"), func(t *testing.T) {
				incs, err := incident.ReadCSV(strings.NewReader(tc.in))
				require.NoError(t, err)
				require.Len(t, incs, 1)
				assert.Equal(t, incident.ID("A-1"), incs[0].ID)
				assert.Equal(t, []incident.Person{{Ref: "E-1", Role: incident.RoleTarget}}, incs[0].Involved)
			})
		}
	}
	// A value past the header is not an empty column.
	_, err := incident.ReadCSV(strings.NewReader(header + "\n" + strings.Join(good, ",") + ",,x\n"))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	requireProblem(t, ne, 2, "", norm.CodeSyntax)
}

func TestReadCSVFutureWithValidationTime(t *testing.T) {
	in := header + "\nA-1,2030-01-01 09:30,2030-01-01 10:00,desk,shouting,amber,client,P-1,E-1:target,nee,0,0\n"
	_, err := incident.ReadCSV(strings.NewReader(in))
	require.NoError(t, err)
	_, err = incident.ReadCSV(strings.NewReader(in), incident.WithValidationTime(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	requireProblem(t, ne, 2, "occurred_at", norm.CodeFuture)
}

func TestReadCSVIgnoresEmptyUnnamedColumns(t *testing.T) {
	good := "A-1,2025-03-14 09:30,2025-03-14 10:00,desk,shouting,amber,client,P-1,E-1:target,nee,0,0"
	incs, err := incident.ReadCSV(strings.NewReader(header + ",,\n" + good + ",,\n"))
	require.NoError(t, err)
	require.Len(t, incs, 1)
	assert.Equal(t, incident.ID("A-1"), incs[0].ID)
}

func TestReadCSVHeaderOnly(t *testing.T) {
	incs, err := incident.ReadCSV(strings.NewReader(header + "\n"))
	require.NoError(t, err)
	assert.Empty(t, incs)
	assert.NotNil(t, incs)
}

func TestImportCSV(t *testing.T) {
	ctx := context.Background()
	now := func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	incs := incidenttest.Generate(9, 40, genFrom)
	var buf bytes.Buffer
	require.NoError(t, incident.WriteCSV(&buf, incs, incident.WithFreeText()))
	valid := buf.String()

	t.Run("all", func(t *testing.T) {
		s := inmem.New(inmem.WithNow(now))
		n, err := incident.ImportCSV(ctx, s, strings.NewReader(valid))
		require.NoError(t, err)
		assert.Equal(t, 40, n)
		got, err := s.List(ctx, incident.Filter{})
		require.NoError(t, err)
		require.Len(t, got, 40)
		assert.True(t, incident.Same(&incs[7], &got[7]))
	})

	t.Run("nothing when one row is bad", func(t *testing.T) {
		s := inmem.New(inmem.WithNow(now))
		lines := strings.Split(valid, "\n")
		lines[30] = strings.Replace(lines[30], ",red,", ",purple,", 1)
		lines[30] = strings.Replace(lines[30], ",amber,", ",purple,", 1)
		lines[30] = strings.Replace(lines[30], ",green,", ",purple,", 1)
		n, err := incident.ImportCSV(ctx, s, strings.NewReader(strings.Join(lines, "\n")))
		var ne *norm.Error
		require.ErrorAs(t, err, &ne)
		assert.Zero(t, n)
		requireProblem(t, ne, 31, "phase", norm.CodeEnum)
		got, err := s.List(ctx, incident.Filter{})
		require.NoError(t, err)
		assert.Empty(t, got, "all or nothing")
	})

	t.Run("nothing on a conflict with the store", func(t *testing.T) {
		s := inmem.New(inmem.WithNow(now))
		other := incs[12].Clone()
		other.Site = "LOC-ELDERS"
		require.NoError(t, s.Create(ctx, &other))
		n, err := incident.ImportCSV(ctx, s, strings.NewReader(valid))
		require.ErrorIs(t, err, incident.ErrConflict)
		assert.Zero(t, n)
		got, err := s.List(ctx, incident.Filter{})
		require.NoError(t, err)
		assert.Len(t, got, 1, "only the incident that was there")
	})

	t.Run("store refusal names the row", func(t *testing.T) {
		// The store's clock says 2020: the incidents lie in its future.
		s := inmem.New(inmem.WithNow(func() time.Time { return genFrom.AddDate(0, 0, 30) }))
		n, err := incident.ImportCSV(ctx, s, strings.NewReader(valid))
		var ne *norm.Error
		require.ErrorAs(t, err, &ne)
		assert.Zero(t, n)
		assert.Equal(t, "incident.ImportCSV", ne.Op)
		requireProblem(t, ne, 41, "occurred_at", norm.CodeFuture) // the last incident is on row 41
		got, err := s.List(ctx, incident.Filter{})
		require.NoError(t, err)
		assert.Empty(t, got)
	})

	t.Run("idempotent", func(t *testing.T) {
		s := inmem.New(inmem.WithNow(now))
		for range 2 {
			n, err := incident.ImportCSV(ctx, s, strings.NewReader(valid))
			require.NoError(t, err)
			assert.Equal(t, 40, n)
		}
		got, err := s.List(ctx, incident.Filter{})
		require.NoError(t, err)
		assert.Len(t, got, 40)
	})

	t.Run("cancelled", func(t *testing.T) {
		c, cancel := context.WithCancel(ctx)
		cancel()
		s := inmem.New(inmem.WithNow(now))
		_, err := incident.ImportCSV(c, s, strings.NewReader(valid))
		require.True(t, errors.Is(err, context.Canceled))
	})
}

func BenchmarkReadCSV(b *testing.B) {
	var buf bytes.Buffer
	if err := incident.WriteCSV(&buf, incidenttest.Generate(1, 1000, genFrom), incident.WithFreeText()); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := incident.ReadCSV(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteCSV(b *testing.B) {
	incs := incidenttest.Generate(1, 1000, genFrom)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := incident.WriteCSV(&buf, incs, incident.WithFreeText()); err != nil {
			b.Fatal(err)
		}
	}
}

// Issue 12, item 9: an ID or reference that starts like a formula is
// refused on reading; text cells are written defused and read back.
func TestReadCSVRefusesFormulaIDs(t *testing.T) {
	good := []string{"A-1", "2025-03-14 09:30", "2025-03-14 10:00", "desk", "shouting", "amber", "client", "P-1", "E-1:target", "nee", "0", "0"}
	for _, tc := range []struct {
		col string
		i   int
		v   string
	}{
		{"id", 0, "-A1"},
		{"id", 0, `"=HYPERLINK(""http://x"")"`},
		{"perpetrator_ref", 7, "-A1"},
		{"perpetrator_ref", 7, "@SUM(1)"},
		{"involved", 8, "-A1:target"},
		{"involved", 8, "+cmd|x:target"},
	} {
		t.Run(tc.col+" "+tc.v, func(t *testing.T) {
			row := append([]string(nil), good...)
			row[tc.i] = tc.v
			_, err := incident.ReadCSV(strings.NewReader(header + "\n" + strings.Join(row, ",") + "\n"))
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			requireProblem(t, ne, 2, tc.col, norm.CodeFormat)
		})
	}
	// A negative number is no formula: it reaches Validate, which refuses
	// it as out of range, not as a formula.
	row := append([]string(nil), good...)
	row[10] = "-1"
	_, err := incident.ReadCSV(strings.NewReader(header + "\n" + strings.Join(row, ",") + "\n"))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	requireProblem(t, ne, 2, "absence_days", norm.CodeRange)
}
