package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"
)

var update = flag.Bool("update", false, "rewrite golden files")

// samples are the bundled assessments, relative to this package.
var samples = []string{"ind-before", "ind-after", "compliant", "small-municipality"}

func dataPath(name string) string { return filepath.Join("..", "data", name) }

// runCmd calls run and returns the exit code, stdout and stderr.
func runCmd(t testing.TB, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errb bytes.Buffer
	code := run(args, stdin, &out, &errb)
	return code, out.String(), errb.String()
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./examples/evaluate -update to create %s", path)
	assert.Equal(t, string(want), got, "output differs from %s (go test ./examples/evaluate -update rewrites it)", path)
}

func TestGolden(t *testing.T) {
	type tc struct {
		sample, lang, format string
		extra                []string
	}
	var cases []tc
	for _, s := range samples {
		for _, f := range []string{"text", "markdown", "json"} {
			cases = append(cases, tc{s, "nl", f, nil})
		}
	}
	for _, f := range []string{"text", "markdown", "json"} {
		cases = append(cases, tc{"ind-after", "en", f, nil})
	}
	register := []string{"-incidents", dataPath("register.csv"), "-actions", dataPath("register-actions.csv")}
	for _, l := range []string{"nl", "en"} {
		for _, f := range []string{"text", "markdown", "json"} {
			cases = append(cases, tc{"ind-after", l, f, register})
		}
	}
	ext := map[string]string{"text": "txt", "markdown": "md", "json": "json"}
	for _, c := range cases {
		name := c.sample + "." + c.lang
		if c.extra != nil {
			name += ".register"
		}
		name += "." + ext[c.format]
		t.Run(name, func(t *testing.T) {
			args := append([]string{"-lang", c.lang, "-format", c.format}, c.extra...)
			args = append(args, dataPath(c.sample+".json"))
			code, out, errs := runCmd(t, nil, args...)
			require.Equal(t, exitOK, code, "stderr: %s", errs)
			assert.Empty(t, errs)
			golden(t, name+".golden", out)
			if c.format == "text" {
				for i, line := range strings.Split(out, "\n") {
					assert.LessOrEqual(t, len([]rune(line)), width, "line %d is wider than %d columns: %q", i+1, width, line)
				}
			}
			if c.format == "json" {
				var m map[string]any
				require.NoError(t, json.Unmarshal([]byte(out), &m))
				for _, k := range []string{"score", "rating", "rating_reason", "completeness", "items", "principles", "findings"} {
					assert.Contains(t, m, k)
				}
			}
		})
	}
}

// report runs the evaluator with -format json and decodes the fields the
// tests look at.
type reportJSON struct {
	Score        float64 `json:"score"`
	Rating       string  `json:"rating"`
	RatingRule   string  `json:"rating_rule"`
	Completeness float64 `json:"completeness"`
	Findings     []struct {
		Code      string `json:"code"`
		Criterion string `json:"criterion"`
		Pointer   string `json:"pointer"`
		Message   string `json:"message"`
	} `json:"findings"`
	Items []struct {
		ID     string `json:"id"`
		Result string `json:"result"`
	} `json:"items"`
}

func evalJSON(t *testing.T, args ...string) reportJSON {
	t.Helper()
	code, out, errs := runCmd(t, nil, append([]string{"-format", "json"}, args...)...)
	require.Equal(t, exitOK, code, "stderr: %s", errs)
	var r reportJSON
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	return r
}

func hasFinding(r reportJSON, code, criterion string) bool {
	for _, f := range r.Findings {
		if f.Code == code && f.Criterion == criterion {
			return true
		}
	}
	return false
}

// TestSamplesTellTheirStory checks that each sample shows what it is
// bundled for.
func TestSamplesTellTheirStory(t *testing.T) {
	before := evalJSON(t, dataPath("ind-before.json"))
	after := evalJSON(t, dataPath("ind-after.json"))
	compliant := evalJSON(t, dataPath("compliant.json"))
	small := evalJSON(t, dataPath("small-municipality.json"))
	measured := evalJSON(t, "-incidents", dataPath("register.csv"), "-actions", dataPath("register-actions.csv"), dataPath("ind-after.json"))

	t.Run("before is red", func(t *testing.T) {
		assert.Equal(t, "red", before.Rating)
		assert.Less(t, before.Score, 55.0)
	})
	t.Run("after scores higher than before and is green on its own claims", func(t *testing.T) {
		assert.Greater(t, after.Score, before.Score+30)
		assert.Equal(t, "green", after.Rating)
	})
	t.Run("compliant is green with 100", func(t *testing.T) {
		assert.Equal(t, "green", compliant.Rating)
		assert.Equal(t, 100.0, compliant.Score)
		assert.Equal(t, 1.0, compliant.Completeness)
	})
	t.Run("small municipality is capped at amber by a critical gap", func(t *testing.T) {
		assert.Equal(t, "amber", small.Rating)
		assert.Equal(t, "capped_by_critical", small.RatingRule)
		assert.GreaterOrEqual(t, small.Score, 80.0)
		assert.True(t, hasFinding(small, "critical_not_met", "GG03-1"))
		assert.Less(t, small.Completeness, 1.0)
	})
	t.Run("the register contradicts the claimed reactions within 48 hours", func(t *testing.T) {
		assert.True(t, hasFinding(measured, "measured_contradicts_claim", "GG12-1"), "findings: %+v", measured.Findings)
		assert.False(t, hasFinding(after, "measured_contradicts_claim", "GG12-1"))
		assert.Less(t, measured.Score, after.Score)
		assert.Equal(t, "amber", measured.Rating)
	})
}

func TestHTML(t *testing.T) {
	hostile := filepath.Join("testdata", "hostile.json")
	cases := []struct {
		name  string
		stdin io.Reader
		args  []string
	}{
		{"sample nl", nil, []string{dataPath("ind-before.json")}},
		{"sample en with register", nil, []string{"-lang", "en", "-incidents", dataPath("register.csv"), "-actions", dataPath("register-actions.csv"), dataPath("ind-after.json")}},
		{"hostile organisation name", nil, []string{hostile}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCmd(t, c.stdin, append([]string{"-format", "html"}, c.args...)...)
			require.Equal(t, exitOK, code, "stderr: %s", errs)
			assertWellFormedHTML(t, out)
			assert.Equal(t, 2, strings.Count(out, "<svg"), "two inline SVG charts")
			assert.Equal(t, 14, strings.Count(out, "<rect")-8, "one bar per item next to eight VPT columns")
			lower := strings.ToLower(out)
			assert.NotContains(t, lower, "<script")
			assert.NotContains(t, lower, "<img")
			assert.NotContains(t, lower, "href=", "no links at all")
			assert.NotRegexp(t, `(?i)(src|href)=["']?(https?:)?//`, out, "no external assets")
			assert.Contains(t, out, "@media print")
			if c.name == "hostile organisation name" {
				assert.Contains(t, out, "&lt;script&gt;alert(1)&lt;/script&gt;")
				assert.Contains(t, out, "&lt;img src=x onerror=alert(3)&gt;")
				assert.NotContains(t, lower, "<iframe")
			}
		})
	}
}

// assertWellFormedHTML parses the page with encoding/xml in its lenient
// HTML mode: every element must close, so a stray tag from an unescaped
// string would show.
func assertWellFormedHTML(t *testing.T, page string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(page))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	var stack []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e.Name.Local)
		case xml.EndElement:
			require.NotEmpty(t, stack)
			stack = stack[:len(stack)-1]
		}
	}
	assert.Empty(t, stack, "unclosed elements")
}

func TestInvalidInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{
  "version": "1",
  "organisation": {"name": "Gemeente Fout", "kind": "province", "client_facing_employees": -3, "managers": 1},
  "assessment_date": "2026-02-30",
  "assessor": {"id": "X-1"},
  "answers": {
    "GG01-1": {"value": "veel"},
    "GG99-1": {"value": true}
  }
}`), 0o644))
	out := filepath.Join(dir, "report.txt")
	for _, lang := range []string{"nl", "en"} {
		t.Run(lang, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, nil, "-lang", lang, "-o", out, bad)
			assert.Equal(t, exitInvalid, code)
			assert.Empty(t, stdout, "nothing on stdout")
			assert.NoFileExists(t, out, "no report file for refused input")
			for _, ptr := range []string{"/organisation/kind", "/organisation/client_facing_employees", "/assessment_date", "/answers/GG01-1", "/answers/GG99-1"} {
				assert.Contains(t, stderr, ptr)
			}
			if lang == "nl" {
				assert.Contains(t, stderr, "problemen")
			} else {
				assert.Contains(t, stderr, "problems")
			}
		})
	}
	t.Run("duplicate key", func(t *testing.T) {
		doc := `{"version": "1", "answers": {"GG03-1": {"value": true, "value": false}}}`
		code, stdout, stderr := runCmd(t, strings.NewReader(doc), "-")
		assert.Equal(t, exitInvalid, code)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, "/answers/GG03-1/value")
		assert.Contains(t, stderr, "duplicate_key")
	})
	t.Run("not JSON", func(t *testing.T) {
		code, stdout, stderr := runCmd(t, strings.NewReader("{\"version\": "), "-")
		assert.Equal(t, exitInvalid, code)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, "syntax")
	})
	t.Run("missing file", func(t *testing.T) {
		code, stdout, stderr := runCmd(t, nil, filepath.Join(dir, "nope.json"))
		assert.Equal(t, exitInvalid, code)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, "nope.json")
	})
}

func TestUsage(t *testing.T) {
	sample := dataPath("ind-after.json")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no assessment", nil, "zelfevaluatie"},
		{"two assessments", []string{sample, sample}, "precies één"},
		{"unknown flag", []string{"-colour", sample}, "colour"},
		{"unknown format", []string{"-format", "pdf", sample}, "pdf"},
		{"unknown language", []string{"-lang", "de", sample}, "kies nl of en"},
		{"bad time", []string{"-at", "gisteren", sample}, "gisteren"},
		{"actions without incidents", []string{"-actions", "a.csv", sample}, "-incidents"},
		{"actions with a database", []string{"-incidents", "r.db", "-actions", "a.csv", sample}, "SQLite"},
		{"unknown register kind", []string{"-incidents", "r.xlsx", sample}, "r.xlsx"},
		{"batch with html", []string{"-batch", "-format", "html", sample}, "-batch"},
		{"batch with a register", []string{"-batch", "-incidents", "r.csv", sample}, "-batch"},
		{"english messages", []string{"-lang", "en"}, "give one assessment"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, nil, c.args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, c.want)
		})
	}
	t.Run("help", func(t *testing.T) {
		code, stdout, stderr := runCmd(t, nil, "-h", "-lang", "en")
		assert.Equal(t, exitOK, code)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, "usage: evaluate")
		assert.Contains(t, stderr, "-incidents")
	})
	t.Run("flags after the assessment", func(t *testing.T) {
		code, stdout, _ := runCmd(t, nil, sample, "-lang", "en", "-format", "markdown")
		assert.Equal(t, exitOK, code)
		assert.Contains(t, stdout, "## Goed gesprek – self-assessment")
	})
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.html")
	code, stdout, stderr := runCmd(t, nil, "-format", "html", "-o", out, dataPath("compliant.json"))
	require.Equal(t, exitOK, code, stderr)
	assert.Empty(t, stdout)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "<!DOCTYPE html>"))
}

func TestBatch(t *testing.T) {
	var in bytes.Buffer
	var want []string
	for i := range 40 {
		s := samples[i%len(samples)]
		b, err := os.ReadFile(dataPath(s + ".json"))
		require.NoError(t, err)
		var v any
		require.NoError(t, json.Unmarshal(b, &v))
		line, err := json.Marshal(v)
		require.NoError(t, err)
		in.Write(line)
		in.WriteByte('\n')
		want = append(want, s)
	}
	path := filepath.Join(t.TempDir(), "in.ndjson")
	require.NoError(t, os.WriteFile(path, in.Bytes(), 0o644))

	single := map[string]string{}
	for _, s := range samples {
		_, out, _ := runCmd(t, nil, "-format", "json", dataPath(s+".json"))
		var v any
		require.NoError(t, json.Unmarshal([]byte(out), &v))
		b, _ := json.Marshal(v)
		single[s] = string(b)
	}

	for _, src := range []string{"file", "stdin"} {
		t.Run(src, func(t *testing.T) {
			args := []string{"-batch", path}
			var stdin io.Reader
			if src == "stdin" {
				args, stdin = []string{"-batch", "-"}, bytes.NewReader(in.Bytes())
			}
			code, out, errs := runCmd(t, stdin, args...)
			require.Equal(t, exitOK, code, errs)
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			require.Len(t, lines, len(want), "one JSON line per input line")
			for i, line := range lines {
				var v any
				require.NoError(t, json.Unmarshal([]byte(line), &v), "line %d", i+1)
				b, _ := json.Marshal(v)
				assert.Equal(t, single[want[i]], string(b), "line %d is the report of %s, in input order", i+1, want[i])
			}
		})
	}

	t.Run("many chunks keep their order", func(t *testing.T) {
		lines := compactSamples(t)
		var in bytes.Buffer
		const n = 3*chunk + 17
		for i := range n {
			if i%97 == 0 {
				in.WriteString("{\"version\": 1}\n") // refused
				continue
			}
			var m map[string]any
			require.NoError(t, json.Unmarshal(lines[i%len(lines)], &m))
			m["organisation"].(map[string]any)["name"] = fmt.Sprintf("org %04d", i)
			b, err := json.Marshal(m)
			require.NoError(t, err)
			in.Write(b)
			in.WriteByte('\n')
		}
		code, out, _ := runCmd(t, &in, "-batch", "-")
		assert.Equal(t, exitInvalid, code)
		got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		require.Len(t, got, n)
		for i, line := range got {
			if i%97 == 0 {
				assert.Contains(t, line, fmt.Sprintf(`{"line":%d,`, i+1))
				continue
			}
			assert.Contains(t, line, fmt.Sprintf(`"name":"org %04d"`, i))
		}
	})
	t.Run("a line over the limit is refused without being held", func(t *testing.T) {
		first := compactSamples(t)[0]
		input := string(first) + "\n\"" + strings.Repeat("x", maxLine+10) + "\"\n" + string(first) + "\n"
		code, out, errs := runCmd(t, strings.NewReader(input), "-batch", "-lang", "en", "-")
		assert.Equal(t, exitInvalid, code)
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		require.Len(t, lines, 3)
		assert.Contains(t, lines[1], `"line":2`)
		assert.Contains(t, lines[1], `too_large`)
		assert.Contains(t, lines[2], `"score"`)
		assert.Contains(t, errs, "line 2")
	})
	t.Run("a refused line keeps its place", func(t *testing.T) {
		first, _, _ := bufio.NewReader(bytes.NewReader(in.Bytes())).ReadLine()
		input := string(first) + "\n\n{\"version\": \"1\", \"answers\": {\"GG01-1\": {\"value\": 500}}}\n" + string(first)
		code, out, errs := runCmd(t, strings.NewReader(input), "-batch", "-lang", "en", "-")
		assert.Equal(t, exitInvalid, code)
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		require.Len(t, lines, 3)
		assert.Contains(t, lines[1], `"line":3`)
		assert.Contains(t, lines[1], `/answers/GG01-1`)
		assert.Contains(t, errs, "line 3")
		assert.Contains(t, errs, "1 of 4 lines refused")
	})
}

// TestRegisterDatabase measures a SQLite register built from the sample
// CSV pair and expects the same figures as the CSV pair itself.
func TestRegisterDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	db, err := sqlstore.OpenSQLite(path)
	require.NoError(t, err)
	st, err := sqlstore.New(context.Background(), db, sqlstore.SQLite)
	require.NoError(t, err)
	f, err := os.Open(dataPath("register.csv"))
	require.NoError(t, err)
	defer f.Close()
	_, err = incident.ImportCSV(t.Context(), st, f)
	require.NoError(t, err)
	g, err := os.Open(dataPath("register-actions.csv"))
	require.NoError(t, err)
	defer g.Close()
	acts, err := followup.ReadActionsCSV(g)
	require.NoError(t, err)
	for _, a := range acts {
		require.NoError(t, st.RecordAction(t.Context(), a))
	}
	require.NoError(t, db.Close())

	measured := func(args ...string) any {
		code, out, errs := runCmd(t, nil, append([]string{"-format", "json"}, args...)...)
		require.Equal(t, exitOK, code, errs)
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &m))
		require.NotNil(t, m["measured"])
		return m["measured"]
	}
	fromDB := measured("-incidents", path, dataPath("ind-after.json"))
	fromCSV := measured("-incidents", dataPath("register.csv"), "-actions", dataPath("register-actions.csv"), dataPath("ind-after.json"))
	assert.Equal(t, fromCSV, fromDB)

	t.Run("missing database", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "none.db")
		code, stdout, stderr := runCmd(t, nil, "-incidents", missing, dataPath("ind-after.json"))
		assert.Equal(t, exitInvalid, code)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, "none.db")
		assert.NoFileExists(t, missing, "a missing register is not created")
	})
	t.Run("invalid register CSV", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.csv")
		require.NoError(t, os.WriteFile(bad, []byte("id,occurred_at,reported_at,channel,behaviours,phase\nX-1,2026-01-05T10:00:00+01:00,2026-01-05T09:00:00+01:00,fax,spitting,red\n"), 0o644))
		code, stdout, stderr := runCmd(t, nil, "-lang", "en", "-incidents", bad, dataPath("ind-after.json"))
		assert.Equal(t, exitInvalid, code)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, "row 2")
		assert.Contains(t, stderr, "channel")
	})
}

// TestAt checks that -at sets the moment of measurement: earlier, fewer
// incidents count, and the default is the end of the assessment date.
func TestAt(t *testing.T) {
	type measuredJSON struct {
		Measured struct {
			Incidents int    `json:"incidents"`
			At        string `json:"at"`
		} `json:"measured"`
	}
	get := func(args ...string) measuredJSON {
		t.Helper()
		code, out, errs := runCmd(t, nil, append([]string{"-format", "json", "-incidents", dataPath("register.csv"), "-actions", dataPath("register-actions.csv")}, args...)...)
		require.Equal(t, exitOK, code, errs)
		var m measuredJSON
		require.NoError(t, json.Unmarshal([]byte(out), &m))
		return m
	}
	def := get(dataPath("ind-after.json"))
	assert.Equal(t, "2026-03-31T23:59:59+02:00", def.Measured.At)
	assert.Equal(t, 215, def.Measured.Incidents)
	half := get("-at", "2025-09-30", dataPath("ind-after.json"))
	assert.Equal(t, "2025-09-30T23:59:59+02:00", half.Measured.At)
	assert.Less(t, half.Measured.Incidents, def.Measured.Incidents)
	assert.Positive(t, half.Measured.Incidents)
	exact := get("-at", "2026-01-01T09:00:00Z", dataPath("ind-after.json"))
	assert.Equal(t, "2026-01-01T10:00:00+01:00", exact.Measured.At)
}

// TestHostileText checks that a hostile organisation name neither breaks
// the Markdown (no raw HTML, no table cell split, no link) nor the 80
// columns of the text report.
func TestHostileText(t *testing.T) {
	hostile := filepath.Join("testdata", "hostile.json")
	code, out, errs := runCmd(t, nil, "-format", "markdown", hostile)
	require.Equal(t, exitOK, code, errs)
	assert.NotContains(t, out, "<script")
	assert.NotContains(t, out, "<img")
	assert.Contains(t, out, `\[link\](javascript:`, "the link is escaped into text")
	assert.Contains(t, out, `\| \*\*vet\*\*`)
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "| Organisatie") {
			assert.Equal(t, 3, strings.Count(line, "|")-strings.Count(line, `\|`), "the name stays in its cell: %s", line)
		}
	}

	code, out, errs = runCmd(t, nil, hostile)
	require.Equal(t, exitOK, code, errs)
	for i, line := range strings.Split(out, "\n") {
		assert.LessOrEqual(t, len([]rune(line)), width, "line %d: %q", i+1, line)
	}
	assert.Contains(t, out, "<script>alert(1)</script>", "text is plain: nothing to escape, nothing lost")
}

func TestIncidentsWithoutActions(t *testing.T) {
	code, out, errs := runCmd(t, nil, "-lang", "en", "-incidents", dataPath("register.csv"), dataPath("ind-after.json"))
	assert.Equal(t, exitOK, code)
	assert.Contains(t, errs, "without -actions no follow-up action counts as done")
	assert.Regexp(t, `Reaction to perpetrator within 48 h\s+0%`, out)
}
