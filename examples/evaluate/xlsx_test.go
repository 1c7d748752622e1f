package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

// registerArgs measure the sample register beside the sample assessment.
func registerArgs() []string {
	return []string{"-incidents", dataPath("register.csv"), "-actions", dataPath("register-actions.csv")}
}

// jsonReport is the report evaluate writes as JSON for the same arguments.
func jsonReport(t *testing.T, args ...string) checklist.Report {
	t.Helper()
	code, out, errs := runCmd(t, nil, append([]string{"-format", "json"}, args...)...)
	require.Equal(t, exitOK, code, errs)
	var rep checklist.Report
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	return rep
}

// writeWorkbook runs evaluate -format xlsx -o into a temporary file and
// opens what it wrote.
func writeWorkbook(t *testing.T, args ...string) (*excelize.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "rapport.xlsx")
	code, out, errs := runCmd(t, nil, append([]string{"-format", "xlsx", "-o", path}, args...)...)
	require.Equal(t, exitOK, code, errs)
	assert.Empty(t, out, "with -o nothing goes to stdout")
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f, path
}

// rowOf finds the first row whose first cell is label and returns its
// number (1-based).
func rowOf(t *testing.T, f *excelize.File, sheet, label string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	for i, r := range rows {
		if len(r) > 0 && r[0] == label {
			return i + 1
		}
	}
	t.Fatalf("no row %q on sheet %q", label, sheet)
	return 0
}

// number reads a cell that must hold a number, not text.
func number(t *testing.T, f *excelize.File, sheet, cell string) float64 {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	require.NoError(t, err)
	assert.Contains(t, []excelize.CellType{excelize.CellTypeNumber, excelize.CellTypeUnset}, typ, "%s!%s is a number cell", sheet, cell)
	raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	n, err := strconv.ParseFloat(raw, 64)
	require.NoError(t, err, "%s!%s = %q is a number", sheet, cell, raw)
	return n
}

// column returns the cells of one column under its header, by header.
func column(t *testing.T, f *excelize.File, sheet, head string) []string {
	t.Helper()
	cols, err := f.GetCols(sheet)
	require.NoError(t, err)
	for _, c := range cols {
		if len(c) > 0 && c[0] == head {
			return c[1:]
		}
	}
	t.Fatalf("no column %q on sheet %q", head, sheet)
	return nil
}

// dumpWorkbook is a workbook's content as text, for a golden file: every
// sheet with its table, then its cells as shown (number and date formats
// applied), one row a line, cells separated by " | ".
func dumpWorkbook(t *testing.T, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		tables, err := f.GetTables(sheet)
		require.NoError(t, err)
		fmt.Fprintf(&b, "== %s ==\n", sheet)
		for _, tb := range tables {
			fmt.Fprintf(&b, "table %s %s\n", tb.Name, tb.Range)
		}
		rows, err := f.GetRows(sheet)
		require.NoError(t, err)
		for _, r := range rows {
			b.WriteString(strings.Join(r, " | "))
			b.WriteString("\n")
		}
	}
	return b.String()
}

// The workbook holds what the report holds, as numbers, dates and codes
// a spreadsheet can filter and compute with.
func TestXLSXReport(t *testing.T) {
	args := append(registerArgs(), "-lang", "en", dataPath("ind-after.json"))
	rep := jsonReport(t, args...)
	f, path := writeWorkbook(t, args...)

	assert.Equal(t, []string{"Summary", "Items", "Criteria", "Findings", "Measured"}, f.GetSheetList())

	// Summary: the score is a number equal to the report's, the date a date.
	r := rowOf(t, f, "Summary", "Score")
	assert.Equal(t, rep.Score, number(t, f, "Summary", fmt.Sprintf("B%d", r)))
	r = rowOf(t, f, "Summary", "Reference date")
	serial := number(t, f, "Summary", fmt.Sprintf("B%d", r))
	assert.Equal(t, float64(46112), serial, "2026-03-31 as an Excel date serial")
	shown, err := f.GetCellValue("Summary", fmt.Sprintf("B%d", r))
	require.NoError(t, err)
	assert.Equal(t, "2026-03-31", shown)
	r = rowOf(t, f, "Summary", "Completeness")
	assert.Equal(t, rep.Completeness, number(t, f, "Summary", fmt.Sprintf("B%d", r)))
	r = rowOf(t, f, "Summary", "Rating")
	v, _ := f.GetCellValue("Summary", fmt.Sprintf("B%d", r))
	assert.Equal(t, "amber", v)
	r = rowOf(t, f, "Summary", "Why")
	v, _ = f.GetCellValue("Summary", fmt.Sprintf("B%d", r))
	assert.Equal(t, rep.RatingReason, v)
	r = rowOf(t, f, "Summary", "Period from")
	v, _ = f.GetCellValue("Summary", fmt.Sprintf("B%d", r))
	assert.Equal(t, rep.Measured.Period.From.String(), v)
	r = rowOf(t, f, "Summary", "Incidents")
	assert.Equal(t, float64(rep.Measured.Incidents), number(t, f, "Summary", fmt.Sprintf("B%d", r)))
	r = rowOf(t, f, "Summary", "Rules applied")
	v, _ = f.GetCellValue("Summary", fmt.Sprintf("B%d", r))
	assert.Equal(t, "catalogue "+rep.Policy.Catalogue+" · the catalogue's weights and thresholds · green from 80, amber from 55", v,
		"the workbook names the rules it applied, as the other formats do")

	// Items: every score a number equal to the report's.
	for i, it := range rep.Items {
		id, _ := f.GetCellValue("Items", fmt.Sprintf("A%d", i+2))
		assert.Equal(t, string(it.ID), id)
		assert.Equal(t, it.Score, number(t, f, "Items", fmt.Sprintf("D%d", i+2)), "score of %s", it.ID)
		assert.Equal(t, it.Weight, number(t, f, "Items", fmt.Sprintf("C%d", i+2)), "weight of %s", it.ID)
	}

	// Criteria: the claim and the measured figure that decided GG12-1.
	r = rowOf(t, f, "Criteria", "GG12-1")
	assert.Equal(t, float64(100), number(t, f, "Criteria", fmt.Sprintf("F%d", r)), "claimed")
	assert.Equal(t, 63.8, number(t, f, "Criteria", fmt.Sprintf("H%d", r)), "measured %")
	assert.Equal(t, float64(125), number(t, f, "Criteria", fmt.Sprintf("I%d", r)))
	assert.Equal(t, float64(196), number(t, f, "Criteria", fmt.Sprintf("J%d", r)))
	r = rowOf(t, f, "Criteria", "GG10-1")
	assert.Equal(t, float64(45976), number(t, f, "Criteria", fmt.Sprintf("F%d", r)), "a date answer (2025-11-15) is a date")
	var ncrit int
	for _, it := range rep.Items {
		ncrit += len(it.Criteria)
	}
	assert.Len(t, column(t, f, "Criteria", "Criterion"), ncrit)

	// Findings: the codes of the report, in its order, with next steps.
	var codes, steps []string
	for _, fd := range rep.Findings {
		codes = append(codes, string(fd.Code))
		steps = append(steps, fd.NextStep)
	}
	require.NotEmpty(t, codes)
	assert.Equal(t, codes, column(t, f, "Findings", "Code"))
	assert.Equal(t, steps, column(t, f, "Findings", "Next step"))
	assert.Contains(t, codes, "measured_contradicts_claim")
	for i, fd := range rep.Findings {
		assert.Equal(t, fd.Stake, number(t, f, "Findings", fmt.Sprintf("E%d", i+2)))
	}

	// Every sheet: one table with a filter over all its rows, the header
	// frozen and printed on every page, A4.
	for _, sheet := range f.GetSheetList() {
		tables, err := f.GetTables(sheet)
		require.NoError(t, err)
		require.Len(t, tables, 1, sheet)
		rows, err := f.GetRows(sheet)
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(tables[0].Range, "A1:"), sheet)
		assert.True(t, strings.HasSuffix(tables[0].Range, strconv.Itoa(len(rows))), "%s: table %s covers %d rows", sheet, tables[0].Range, len(rows))
		panes, err := f.GetPanes(sheet)
		require.NoError(t, err)
		assert.True(t, panes.Freeze, sheet)
		assert.Equal(t, 1, panes.YSplit, sheet)
		pl, err := f.GetPageLayout(sheet)
		require.NoError(t, err)
		assert.Equal(t, 9, *pl.Size, "%s prints on A4", sheet)
		assert.Equal(t, 1, *pl.FitToWidth, sheet)
	}
	names := f.GetDefinedName()
	titles := 0
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" {
			titles++
			assert.True(t, strings.HasSuffix(n.RefersTo, "!$1:$1"), n.RefersTo)
		}
	}
	assert.Equal(t, 5, titles, "every sheet repeats its header row when printed")

	// The tables carry an autofilter (read from the package itself).
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer zr.Close()
	filters := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/tables/") {
			continue
		}
		rc, err := zf.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		rc.Close()
		require.NoError(t, err)
		if bytes.Contains(b, []byte("<autoFilter ref=")) {
			filters++
		}
	}
	assert.Equal(t, 5, filters)
}

// The sheets' contents, as shown, for the samples in both languages.
func TestXLSXGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
	}{
		{"ind-after.en.register", append(registerArgs(), "-lang", "en", dataPath("ind-after.json"))},
		{"ind-after.nl", []string{dataPath("ind-after.json")}},
		{"compliant.nl", []string{dataPath("compliant.json")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, _ := writeWorkbook(t, c.args...)
			golden(t, c.name+".xlsx.golden", dumpWorkbook(t, f))
		})
	}
}

// With no -o the workbook goes to stdout when stdout is a file or a pipe;
// to a terminal it is refused before anything is evaluated.
func TestXLSXStdout(t *testing.T) {
	code, out, errs := runCmd(t, nil, "-format", "xlsx", dataPath("ind-after.json"))
	require.Equal(t, exitOK, code, errs)
	f, err := excelize.OpenReader(strings.NewReader(out))
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"Samenvatting", "Punten", "Criteria", "Bevindingen"}, f.GetSheetList())

	tty := openTerminal(t)
	var errb bytes.Buffer
	code = run([]string{"-format", "xlsx", "-lang", "en", dataPath("ind-after.json")}, strings.NewReader(""), tty, &errb)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errb.String(), "-format xlsx writes a workbook (binary): give -o FILE.xlsx, or redirect stdout to a file")

	// With -o, a terminal on stdout does not matter.
	path := filepath.Join(t.TempDir(), "r.xlsx")
	errb.Reset()
	code = run([]string{"-format", "xlsx", "-o", path, dataPath("ind-after.json")}, strings.NewReader(""), tty, &errb)
	assert.Equal(t, exitOK, code, errb.String())
	assert.FileExists(t, path)
	// Other formats still print to a terminal.
	code = run([]string{"-format", "json", dataPath("ind-after.json")}, strings.NewReader(""), tty, &errb)
	assert.Equal(t, exitOK, code)
}

// Text that starts like a formula is written with an apostrophe in front,
// never as a formula; nothing of the assessment's free text (comments,
// evidence) is written; control characters arrive escaped.
func TestXLSXHostileText(t *testing.T) {
	wb, texts := hostileWorkbook(t)
	for _, sheet := range wb.GetSheetList() {
		rows, err := wb.GetRows(sheet, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, err := wb.GetCellFormula(sheet, cell)
				require.NoError(t, err)
				assert.Empty(t, formula, "%s!%s", sheet, cell)
				if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
					_, err := strconv.ParseFloat(v, 64)
					assert.NoError(t, err, "%s!%s starts like a formula: %q", sheet, cell, v)
				}
				assert.NotContains(t, v, "GEHEIM", "%s!%s: free text of the assessment", sheet, cell)
				for _, h := range normtest.HostileChars() {
					if h.Rune != '\n' {
						assert.NotContains(t, v, string(h.Rune), "%s!%s holds %s", sheet, cell, h.Name)
					}
				}
			}
		}
	}
	r := rowOf(t, wb, "Summary", "Organisation")
	v, _ := wb.GetCellValue("Summary", fmt.Sprintf("B%d", r))
	assert.Equal(t, "'"+texts.org, v)
	r = rowOf(t, wb, "Summary", "Completed by")
	v, _ = wb.GetCellValue("Summary", fmt.Sprintf("B%d", r))
	assert.Equal(t, "'@SUM(1+1)*cmd|' /C calc'!A0 (+31 6 1234)", v)
}

// hostileTexts are what hostileWorkbook planted.
type hostileTexts struct{ org string }

// hostileWorkbook writes the sample report for an organisation whose name
// and assessor start like formulas and carry every hostile character, with
// comments and evidence titles that must not be written.
func hostileWorkbook(t *testing.T) (*excelize.File, hostileTexts) {
	t.Helper()
	doc, err := os.ReadFile(dataPath("ind-after.json"))
	require.NoError(t, err)
	a, err := checklist.DecodeAssessment(bytes.NewReader(doc))
	require.NoError(t, err)
	var chars strings.Builder
	for _, h := range normtest.HostileChars() {
		chars.WriteRune(h.Rune)
	}
	for id, ans := range a.Answers {
		ans.Comment = "=GEHEIM-COMMENTAAR " + string(id)
		for i := range ans.Evidence {
			ans.Evidence[i].Title = "-GEHEIM-BEWIJS"
		}
		a.Answers[id] = ans
	}
	rep, err := checklist.Evaluate(a, checklist.WithLang("en"))
	require.NoError(t, err)
	// The decoder and Evaluate refuse control characters; a report may
	// still be built from input that never met them.
	rep.Organisation.Name = `=HYPERLINK("http://example.org/x","klik")` + chars.String()
	a.Assessor.ID = "@SUM(1+1)*cmd|' /C calc'!A0"
	a.Assessor.Role = "+31 6 1234"
	var b bytes.Buffer
	require.NoError(t, render(&b, "xlsx", &rep, &a, measuredInfo{Origin: "-register\x1b.csv"}))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f, hostileTexts{org: norm.Printable(rep.Organisation.Name)}
}

// LibreOffice opens the workbooks and shows the same values: every sheet
// of the sample report saved as CSV (as shown) holds the report's score,
// findings and measured figures; the hostile name stays text.
func TestXLSXLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice not found: install Debian's libreoffice-calc-nogui")
		}
		t.Skip("soffice not found: install Debian's libreoffice-calc-nogui to run this test")
	}
	args := append(registerArgs(), "-lang", "en", dataPath("ind-after.json"))
	rep := jsonReport(t, args...)
	_, path := writeWorkbook(t, args...)
	dir := filepath.Dir(path)
	hostile, _ := hostileWorkbook(t)
	hostilePath := filepath.Join(dir, "hostile.xlsx")
	require.NoError(t, hostile.SaveAs(hostilePath))

	out := t.TempDir()
	// Its own profile, so that another soffice running does not take
	// the conversion over; every sheet to its own CSV, values as shown.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(out, "profile")),
		"--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
		"--outdir", out, path, hostilePath)
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", b)

	sheet := func(base, name string) [][]string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(out, base+"-"+name+".csv"))
		require.NoError(t, err, "soffice wrote: %s", b)
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		require.NoError(t, err)
		return rows
	}
	value := func(rows [][]string, label string) string {
		t.Helper()
		for _, r := range rows {
			if len(r) > 1 && r[0] == label {
				return r[1]
			}
		}
		t.Fatalf("no row %q", label)
		return ""
	}
	summary := sheet("rapport", "Summary")
	assert.Equal(t, strconv.FormatFloat(rep.Score, 'f', 1, 64), value(summary, "Score"))
	assert.Equal(t, "amber", value(summary, "Rating"))
	assert.Equal(t, "2026-03-31", value(summary, "Reference date"))
	assert.Equal(t, "100%", value(summary, "Completeness"))
	assert.Equal(t, rep.RatingReason, value(summary, "Why"))

	findings := sheet("rapport", "Findings")
	var codes []string
	for _, r := range findings[1:] {
		codes = append(codes, r[1])
	}
	var want []string
	for _, fd := range rep.Findings {
		want = append(want, string(fd.Code))
	}
	assert.Equal(t, want, codes)

	criteria := sheet("rapport", "Criteria")
	for _, r := range criteria {
		if r[0] == "GG12-1" {
			assert.Equal(t, []string{"100", "% within 48 hours", "63.8", "125", "196"}, r[5:10])
		}
	}
	assert.Len(t, sheet("rapport", "Items"), 15)
	assert.Len(t, sheet("rapport", "Measured"), 6)

	hs := sheet("hostile", "Summary")
	org := value(hs, "Organisation")
	assert.True(t, strings.HasPrefix(org, `'=HYPERLINK("http://example.org/x","klik")`), "shown as text, not evaluated: %q", org)
	assert.Equal(t, "'@SUM(1+1)*cmd|' /C calc'!A0 (+31 6 1234)", value(hs, "Completed by"))
}

// -batch -format xlsx writes one row per input line: evaluated
// organisations with their figures, refused lines marked (their problems
// on stderr, exit 1), blank lines skipped without shifting the line
// numbers.
func TestXLSXBatch(t *testing.T) {
	var in bytes.Buffer
	line := func(name string) {
		doc, err := os.ReadFile(dataPath(name))
		require.NoError(t, err)
		require.NoError(t, json.Compact(&in, doc))
		in.WriteByte('\n')
	}
	line("ind-before.json")
	in.WriteString("\n")
	line("ind-after.json")
	in.WriteString(`{"organisation": 1}` + "\n")
	line("compliant.json")

	path := filepath.Join(t.TempDir(), "batch.xlsx")
	code, out, errs := runCmd(t, bytes.NewReader(in.Bytes()), "-batch", "-format", "xlsx", "-lang", "en", "-o", path, "-")
	assert.Equal(t, exitInvalid, code, "a refused line gives exit 1")
	assert.Empty(t, out)
	assert.Contains(t, errs, "line 4: ")
	assert.Contains(t, errs, "1 of 5 lines refused")

	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"Organisations"}, f.GetSheetList())
	rows, err := f.GetRows("Organisations")
	require.NoError(t, err)
	require.Len(t, rows, 5)
	assert.Equal(t, []string{"Line", "Status", "Organisation", "Kind of organisation", "Reference date", "Score", "Rating", "Why", "Completeness", "Findings", "Critical findings", "GG01"}, rows[0][:12])
	assert.Equal(t, "GG14", rows[0][len(rows[0])-1])

	for i, c := range []struct {
		line   int
		sample string
	}{{1, "ind-before.json"}, {3, "ind-after.json"}, {5, "compliant.json"}} {
		r := []int{2, 3, 5}[i]
		rep := jsonReport(t, "-lang", "en", dataPath(c.sample))
		assert.Equal(t, float64(c.line), number(t, f, "Organisations", fmt.Sprintf("A%d", r)))
		assert.Equal(t, "evaluated", rows[r-1][1])
		assert.Equal(t, rep.Organisation.Name, rows[r-1][2])
		assert.Equal(t, rep.AssessmentDate.String(), rows[r-1][4])
		assert.Equal(t, rep.Score, number(t, f, "Organisations", fmt.Sprintf("F%d", r)), c.sample)
		assert.Equal(t, rep.Completeness, number(t, f, "Organisations", fmt.Sprintf("I%d", r)))
		assert.Equal(t, float64(len(rep.Findings)), number(t, f, "Organisations", fmt.Sprintf("J%d", r)))
		for j, it := range rep.Items {
			cell, _ := excelize.CoordinatesToCellName(12+j, r)
			assert.Equal(t, it.Score, number(t, f, "Organisations", cell), "%s %s", c.sample, it.ID)
		}
	}
	assert.Equal(t, float64(4), number(t, f, "Organisations", "A4"))
	assert.Regexp(t, `^refused: \d+ problems \(see stderr\)$`, rows[3][1])

	tables, err := f.GetTables("Organisations")
	require.NoError(t, err)
	require.Len(t, tables, 1)
	assert.Equal(t, "A1:Y5", tables[0].Range)
	panes, err := f.GetPanes("Organisations")
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	pl, err := f.GetPageLayout("Organisations")
	require.NoError(t, err)
	assert.Equal(t, 9, *pl.Size)

	// Without -o, to a pipe or file, and nothing evaluated when the input
	// cannot be opened.
	code, out, errs = runCmd(t, bytes.NewReader(in.Bytes()), "-batch", "-format", "xlsx", "-")
	assert.Equal(t, exitInvalid, code, errs)
	assert.True(t, strings.HasPrefix(out, "PK"), "a workbook on stdout")
	code, out, _ = runCmd(t, nil, "-batch", "-format", "xlsx", filepath.Join(t.TempDir(), "none.ndjson"))
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, out)
	code, _, errs = runCmd(t, nil, "-batch", "-format", "html", "-lang", "en", "-")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "or with -format xlsx one row per organisation")
}

// -batch -summary -format xlsx writes the table of organisations, not the
// text summary under a workbook's name.
func TestXLSXBatchSummary(t *testing.T) {
	var in bytes.Buffer
	for _, name := range []string{"ind-before.json", "ind-after.json"} {
		doc, err := os.ReadFile(dataPath(name))
		require.NoError(t, err)
		require.NoError(t, json.Compact(&in, doc))
		in.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "summary.xlsx")
	code, out, errs := runCmd(t, bytes.NewReader(in.Bytes()), "-batch", "-summary", "-format", "xlsx", "-lang", "en", "-o", path, "-")
	require.Equal(t, exitOK, code, errs)
	assert.Empty(t, out)
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows("Organisations")
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, "Uitvoeringsdienst Noordkust (fictief)", rows[2][2])
}
