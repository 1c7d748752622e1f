package csvform_test

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/csvform"
)

// readAll reads every record, or stops at the first error.
func readAll(t *testing.T, r *csvform.Reader) ([][]string, error) {
	t.Helper()
	var out [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, rec)
	}
}

func TestReadWhatSpreadsheetsWrite(t *testing.T) {
	want := [][]string{{"id", "kind"}, {"A-1", "aftercare"}, {"A-2", "x;y"}}
	tests := []struct {
		name  string
		in    string
		comma rune
	}{
		{"comma", "id,kind\nA-1,aftercare\nA-2,x;y\n", ','},
		{"semicolon (Dutch Excel)", "id;kind\r\nA-1;aftercare\r\nA-2;\"x;y\"\r\n", ';'},
		{"tab", "id\tkind\nA-1\taftercare\nA-2\tx;y\n", '\t'},
		{"byte order mark", "\ufeffid;kind\nA-1;aftercare\nA-2;\"x;y\"", ';'},
		{"byte order mark before a quoted header", "\ufeff\"id\",\"kind\"\r\n\"A-1\",\"aftercare\"\r\n\"A-2\",\"x;y\"\r\n", ','},
		{"blank lines", "id,kind\n\nA-1,aftercare\n\r\nA-2,x;y\n\n", ','},
		{"quoted separators in the header do not count", "\"i;d\",kind\nA-1,aftercare\n", ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := csvform.NewReader(strings.NewReader(tt.in), 0, csvform.Limits{})
			got, err := readAll(t, r)
			require.NoError(t, err)
			assert.Equal(t, tt.comma, r.Comma())
			if tt.name == "quoted separators in the header do not count" {
				assert.Equal(t, [][]string{{"i;d", "kind"}, {"A-1", "aftercare"}}, got)
				return
			}
			assert.Equal(t, want, got)
			assert.Equal(t, 3, r.Row())
		})
	}
}

func TestSniff(t *testing.T) {
	assert.Equal(t, ',', csvform.Sniff(nil))
	assert.Equal(t, ',', csvform.Sniff([]byte("id")))
	assert.Equal(t, ';', csvform.Sniff([]byte("a;b,c;d\n,,,,,,")))
	assert.Equal(t, '\t', csvform.Sniff([]byte("a\tb\tc,d")))
	assert.Equal(t, ',', csvform.Sniff([]byte("a,b;c\t")))
}

// endless streams a header line of n commas without holding it.
type endless struct{ n, pos int }

func (e *endless) Read(p []byte) (int, error) {
	if e.pos >= e.n {
		return 0, io.EOF
	}
	k := min(len(p), e.n-e.pos)
	for i := range k {
		p[i] = ','
	}
	e.pos += k
	return k, nil
}

func TestLimits(t *testing.T) {
	long := strings.Repeat("x", 300<<10)
	tests := []struct {
		name    string
		in      io.Reader
		lim     csvform.Limits
		good    int // records read before the error
		row     int
		message string
	}{
		{"header of 8 MiB of commas", &endless{n: 8 << 20}, csvform.Limits{}, 0, 1, "more than 64 columns (line 1)"},
		{"one row too wide", strings.NewReader("a,b\n1,2\n" + strings.Repeat(",", 64) + "\n"), csvform.Limits{}, 2, 3, "more than 64 columns (line 3)"},
		{"a row too long", strings.NewReader("a,b\n1,2\n3," + long + "\n"), csvform.Limits{}, 2, 3, "row longer than 262144 bytes (from line 3)"},
		{"a stray quote swallows the rest", strings.NewReader("a,b\n1,\"2\n" + strings.Repeat("3,4\n", 100_000)), csvform.Limits{}, 1, 2, "row longer than 262144 bytes (from line 2)"},
		{"own column limit", strings.NewReader("a,b,c\n"), csvform.Limits{MaxColumns: 2}, 0, 1, "more than 2 columns"},
		{"the whole file", strings.NewReader("a,b\n" + strings.Repeat("1,2\n", 100)), csvform.Limits{MaxBytes: 200}, -1, 0, "the file is larger than 200 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			r := csvform.NewReader(tt.in, 0, tt.lim)
			got, err := readAll(t, r)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			var re *csvform.RecordError
			require.True(t, errors.As(err, &re), "%v", err)
			if tt.good >= 0 {
				assert.Len(t, got, tt.good)
			}
			assert.Equal(t, tt.row, re.Problem.Row)
			assert.Equal(t, norm.CodeTooLarge, re.Problem.Code)
			assert.Contains(t, re.Problem.Message.EN, tt.message)
			assert.NotEmpty(t, re.Problem.Message.NL)
			// The oversized record is never built.
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(4<<20))
			_, again := r.Read()
			assert.Equal(t, err, again, "reading stops at the first error")
		})
	}
}

func TestSyntaxErrorNamesTheRow(t *testing.T) {
	r := csvform.NewReader(strings.NewReader("a,b\n1,2\n3,x\"y\n"), 0, csvform.Limits{})
	got, err := readAll(t, r)
	assert.Len(t, got, 2)
	var re *csvform.RecordError
	require.True(t, errors.As(err, &re))
	assert.Equal(t, 3, re.Problem.Row)
	assert.Equal(t, norm.CodeSyntax, re.Problem.Code)
	assert.Contains(t, re.Problem.Message.EN, "line 3")
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("disk gone") }

func TestIOErrorComesBackAsItIs(t *testing.T) {
	_, err := csvform.NewReader(failing{}, 0, csvform.Limits{}).Read()
	assert.EqualError(t, err, "disk gone")
}

func TestFormulas(t *testing.T) {
	tests := []struct {
		in, out string
		formula bool
	}{
		{"=HYPERLINK(\"http://x\";\"klik\")", "'=HYPERLINK(\"http://x\";\"klik\")", true},
		{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0", true},
		{"@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0", true},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0", true},
		{"\t=1", "'\t=1", true},
		{"\r=1", "'\r=1", true},
		{"- a list item", "'- a list item", true},
		{"'already quoted", "''already quoted", false},
		{"-5", "-5", false},
		{"+31", "+31", false},
		{"-3.25", "-3.25", false},
		{"-3,25", "-3,25", false},
		{"-", "'-", true},
		{"-3.", "'-3.", true},
		{"INC-2026-0042", "INC-2026-0042", false},
		{"", "", false},
		{"a=b", "a=b", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.formula, csvform.FormulaLike(tt.in))
			assert.Equal(t, tt.out, csvform.Neutralise(tt.in))
			assert.Equal(t, tt.in, csvform.Restore(csvform.Neutralise(tt.in)))
		})
	}
}

func TestWriterNeutralisesAndReaderRestores(t *testing.T) {
	rows := [][]string{
		{"id", "reason"},
		{"=1+1", "@SUM(A1)"},
		{"-5", "'quoted"},
		{"plain", "multi\nline, with \"quotes\""},
	}
	for _, comma := range []rune{',', ';', '\t'} {
		var b bytes.Buffer
		w := csvform.NewWriter(&b, comma)
		for _, r := range rows {
			require.NoError(t, w.Write(r))
		}
		require.NoError(t, w.Flush())
		assert.NotContains(t, b.String(), "\n=")
		assert.Contains(t, b.String(), "'=1+1")
		assert.Equal(t, "=1+1", rows[1][0], "Write leaves its argument alone")
		got, err := readAll(t, csvform.NewReader(&b, 0, csvform.Limits{}))
		require.NoError(t, err)
		assert.Equal(t, rows, got)
	}
}

func FuzzNeutralise(f *testing.F) {
	for _, s := range []string{"=1", "'=1", "''", "-5", "-", "+3,5", "\t", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := csvform.Neutralise(s)
		if csvform.Restore(n) != s {
			t.Fatalf("Restore(Neutralise(%q)) = %q", s, csvform.Restore(n))
		}
		if csvform.FormulaLike(n) {
			t.Fatalf("Neutralise(%q) = %q is still a formula", s, n)
		}
	})
}
