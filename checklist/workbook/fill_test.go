package workbook_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/checklist/workbook"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/csvform"
)

// samples are the bundled assessments the round trips use.
var samples = []string{"ind-after.json", "ind-before.json", "compliant.json", "small-municipality.json"}

func loadSample(t testing.TB, name string) checklist.Assessment {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "data", name))
	require.NoError(t, err)
	a, err := checklist.DecodeAssessment(bytes.NewReader(b))
	require.NoError(t, err)
	return inCatalogueOrder(a)
}

// inCatalogueOrder puts the codes of every multi-choice answer in the
// order of the criterion's options: the same answers, in the only order a
// workbook, with one row per option, can give them (the report echoes the
// order of the list).
func inCatalogueOrder(a checklist.Assessment) checklist.Assessment {
	for id, ans := range a.Answers {
		list, ok := ans.Value.AsList()
		c, _ := checklist.LookupCriterion(id)
		if !ok || c == nil {
			continue
		}
		var sorted []string
		for _, o := range c.Options {
			for _, x := range list {
				if x == o.Code {
					sorted = append(sorted, x)
				}
			}
		}
		ans.Value = checklist.Multi(sorted...)
		a.Answers[id] = ans
	}
	return a
}

// blank writes a fresh workbook and opens it as a person opens it.
func blank(t testing.TB, lang norm.Lang) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, workbook.Write(&buf, lang))
	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

// save returns the workbook's bytes.
func save(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	_, err := f.WriteTo(&buf)
	require.NoError(t, err)
	return buf.Bytes()
}

// sheetsOf names the two sheets in the workbook's language.
func sheetsOf(lang norm.Lang) (org, answers string) {
	if lang == norm.EN {
		return "Organisation", "Answers"
	}
	return "Organisatie", "Antwoorden"
}

// rowOf finds the row whose column A reads id, as a person would look
// the criterion up.
func rowOf(t testing.TB, f *excelize.File, sheet, id string) int {
	t.Helper()
	for r := 2; r < 400; r++ {
		v, err := f.GetCellValue(sheet, "A"+strconv.Itoa(r))
		require.NoError(t, err)
		if v == id {
			return r
		}
	}
	t.Fatalf("%s not found on %s", id, sheet)
	return 0
}

func toTime(d norm.Date) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

// label picks the label a person would choose, typed a little carelessly
// now and then: a stray space, another case.
func label(l norm.Text, lang norm.Lang, sloppy bool) string {
	s := l.In(lang)
	if sloppy {
		return strings.ToUpper(s[:1]) + s[1:] + " "
	}
	return s
}

// fill types a whole assessment into the workbook with labels, never
// codes: drop-down labels, Ja/Nee, dates as date cells, numbers as numbers.
func fill(t testing.TB, f *excelize.File, lang norm.Lang, a checklist.Assessment) {
	t.Helper()
	org, answers := sheetsOf(lang)
	set := func(sheet, cell string, v any) {
		t.Helper()
		require.NoError(t, f.SetCellValue(sheet, cell, v))
	}
	kinds := map[checklist.OrgKind]norm.Text{
		checklist.OrgMunicipality: norm.T("Gemeente", "Municipality"), checklist.OrgExecutiveAgency: norm.T("Uitvoeringsorganisatie", "Executive agency"),
		checklist.OrgMinistry: norm.T("Ministerie", "Ministry"), checklist.OrgOther: norm.T("Andere overheidsorganisatie", "Other public organisation"),
	}
	yes, no := norm.T("Ja", "Yes"), norm.T("Nee", "No")
	set(org, "B2", a.Organisation.Name)
	set(org, "B3", kinds[a.Organisation.Kind].In(lang))
	set(org, "B4", a.Organisation.ClientFacingEmployees)
	set(org, "B5", a.Organisation.Managers)
	set(org, "B6", toTime(a.Date))
	set(org, "B7", a.Assessor.ID)
	if a.Assessor.Role != "" {
		set(org, "B8", a.Assessor.Role)
	}
	n := 0
	for _, c := range checklist.Criteria() {
		ans, ok := a.Answers[c.ID]
		if !ok {
			continue
		}
		n++
		sloppy := n%3 == 0
		r := rowOf(t, f, answers, string(c.ID))
		at := func(col string) string { return col + strconv.Itoa(r) }
		v := ans.Value
		switch c.Type {
		case checklist.TypeBool:
			if b, ok := v.AsBool(); ok {
				set(answers, at("D"), label(map[bool]norm.Text{true: yes, false: no}[b], lang, sloppy))
			}
		case checklist.TypeChoice:
			if s, ok := v.AsString(); ok {
				o, found := c.OptionByCode(s)
				require.True(t, found)
				set(answers, at("D"), label(o.Label, lang, sloppy))
			}
		case checklist.TypeMulti:
			if list, ok := v.AsList(); ok {
				for i, o := range c.Options {
					l := no
					for _, x := range list {
						if x == o.Code {
							l = yes
						}
					}
					set(answers, "D"+strconv.Itoa(r+1+i), label(l, lang, sloppy && i%2 == 0))
				}
			}
		case checklist.TypePercent, checklist.TypeCount:
			if x, ok := v.AsNumber(); ok {
				set(answers, at("D"), x)
			}
		case checklist.TypeDate:
			if s, ok := v.AsString(); ok {
				d, err := norm.ParseDate(s)
				require.NoError(t, err)
				set(answers, at("D"), toTime(d))
			}
		}
		if ans.Comment != "" {
			set(answers, at("F"), ans.Comment)
		}
		require.LessOrEqual(t, len(ans.Evidence), 1, "the workbook has one piece of evidence per answer")
		for _, e := range ans.Evidence {
			set(answers, at("G"), e.Title)
			set(answers, at("H"), e.Reference)
			set(answers, at("I"), toTime(e.Date))
		}
	}
}

// reportOf evaluates an assessment and returns the report as JSON.
func reportOf(t testing.TB, a checklist.Assessment, lang norm.Lang) string {
	t.Helper()
	rep, err := checklist.Evaluate(a, checklist.WithLang(lang))
	require.NoError(t, err)
	b, err := json.MarshalIndent(rep, "", " ")
	require.NoError(t, err)
	return string(b)
}

// TestFillInLikeAPerson fills the generated workbook in with labels for
// each sample and language; the report must equal the one of the JSON.
func TestFillInLikeAPerson(t *testing.T) {
	for _, lang := range []norm.Lang{norm.NL, norm.EN} {
		for _, name := range samples {
			t.Run(string(lang)+"/"+name, func(t *testing.T) {
				want := loadSample(t, name)
				f := blank(t, lang)
				fill(t, f, lang, want)
				got, err := workbook.Read(bytes.NewReader(save(t, f)), workbook.Limits{})
				require.NoError(t, err)
				require.Equal(t, reportOf(t, want, lang), reportOf(t, got, lang))
				require.Equal(t, want.Organisation, got.Organisation)
				require.Equal(t, want.Assessor, got.Assessor)
				require.Equal(t, len(want.Answers), len(got.Answers))
			})
		}
	}
}

// TestBlankWorkbook: an untouched workbook names every required field by
// its cell.
func TestBlankWorkbook(t *testing.T) {
	f := blank(t, norm.NL)
	_, err := workbook.Read(bytes.NewReader(save(t, f)), workbook.Limits{})
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	require.True(t, ne.Has("/organisation/name", norm.CodeRequired))
	for _, p := range ne.Problems {
		if p.Pointer == "/organisation/name" {
			require.Equal(t, "Organisatie!B2", p.Cell)
		}
	}
	require.Len(t, ne.Problems, 6, ne.Error())
}

// TestPercentTyped: "82%" typed into a percentage cell is stored as 0.82
// with a percent format by Excel and LibreOffice; it must read as 82, not
// as 0.82%. "82,5" and "82 %" typed as text read too.
func TestPercentTyped(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(f *excelize.File, cell string) error
		want float64
	}{
		{"percent format", func(f *excelize.File, cell string) error {
			st, err := f.NewStyle(&excelize.Style{NumFmt: 9})
			if err != nil {
				return err
			}
			if err := f.SetCellValue("Antwoorden", cell, 0.57); err != nil {
				return err
			}
			return f.SetCellStyle("Antwoorden", cell, cell, st)
		}, 57},
		{"custom percent format", func(f *excelize.File, cell string) error {
			st, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("0.0%")})
			if err != nil {
				return err
			}
			if err := f.SetCellValue("Antwoorden", cell, 0.825); err != nil {
				return err
			}
			return f.SetCellStyle("Antwoorden", cell, cell, st)
		}, 82.5},
		{"text with a comma", func(f *excelize.File, cell string) error { return f.SetCellStr("Antwoorden", cell, "82,5") }, 82.5},
		{"text with a sign", func(f *excelize.File, cell string) error { return f.SetCellStr("Antwoorden", cell, " 82 %") }, 82},
		{"plain number", func(f *excelize.File, cell string) error { return f.SetCellValue("Antwoorden", cell, 57) }, 57},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := blank(t, norm.NL)
			fill(t, f, norm.NL, loadSample(t, "ind-after.json"))
			require.NoError(t, tc.set(f, "D"+strconv.Itoa(rowOf(t, f, "Antwoorden", "GG01-1"))))
			a, err := workbook.Read(bytes.NewReader(save(t, f)), workbook.Limits{})
			require.NoError(t, err)
			got, ok := a.Answers["GG01-1"].Value.AsNumber()
			require.True(t, ok)
			require.Equal(t, tc.want, got)
		})
	}
}

func ptr[T any](v T) *T { return &v }

// TestNothingReadsAsAFormula: no text the workbook is written with
// starts like a formula, so that a program converting it to CSV passes
// on nothing a spreadsheet would calculate.
func TestNothingReadsAsAFormula(t *testing.T) {
	for _, lang := range []norm.Lang{norm.NL, norm.EN} {
		f := blank(t, lang)
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			require.NoError(t, err)
			n := 0
			for _, row := range rows {
				for _, v := range row {
					n++
					require.False(t, csvform.FormulaLike(v), "%s: %q", sheet, v)
				}
			}
			require.NotZero(t, n)
			for _, cell := range []string{"A1", "B2", "D3"} {
				fm, err := f.GetCellFormula(sheet, cell)
				require.NoError(t, err)
				require.Empty(t, fm)
			}
		}
	}
}
