package workbook_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"flag"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/goedgesprek/goedgesprek/checklist/workbook"
	"github.com/goedgesprek/goedgesprek/norm"
)

var update = flag.Bool("update", false, "rewrite the hostile workbooks and golden files in testdata")

// hostile makes the workbooks of testdata/hostile: each is refused with
// the problems of its golden file.
var hostile = []struct {
	name string
	make func(t testing.TB) []byte
}{
	{"not-a-zip", func(testing.TB) []byte { return []byte("Naam;Soort\nGemeente;gemeente\n") }},
	{"zip-without-workbook", func(t testing.TB) []byte {
		return zipOf(t, map[string][]byte{"readme.txt": []byte("geen werkboek")})
	}},
	{"foreign-workbook", func(t testing.TB) []byte {
		f := excelize.NewFile()
		require.NoError(t, f.SetCellValue("Sheet1", "A1", "Naam"))
		return save(t, f)
	}},
	{"wrong-version", func(t testing.TB) []byte {
		f := filled(t, norm.NL)
		require.NoError(t, f.SetCellStr("goedgesprek", "B1", "2"))
		return save(t, f)
	}},
	{"renamed-sheet", func(t testing.TB) []byte {
		f := filled(t, norm.NL)
		require.NoError(t, f.SetSheetName("Antwoorden", "Blad1"))
		return save(t, f)
	}},
	{"moved-columns", func(t testing.TB) []byte {
		f := filled(t, norm.EN)
		require.NoError(t, f.InsertCols("Answers", "D", 1)) // the answers now sit in E
		return save(t, f)
	}},
	{"inserted-row", func(t testing.TB) []byte {
		f := filled(t, norm.NL)
		require.NoError(t, f.InsertRows("Antwoorden", 5, 1))
		return save(t, f)
	}},
	{"formulas", func(t testing.TB) []byte {
		f := filled(t, norm.NL)
		require.NoError(t, f.SetCellFormula("Antwoorden", "D3", "=50+50"))
		require.NoError(t, f.SetCellFormula("Organisatie", "B2", `=HYPERLINK("http://example.invalid","x")`))
		require.NoError(t, f.SetCellFormula("Antwoorden", "F3", `=CMD|' /C calc'!A0`))
		return save(t, f)
	}},
	{"bad-values", func(t testing.TB) []byte {
		f := filled(t, norm.NL)
		r := func(id string) string { return itoa(rowOf(t, f, "Antwoorden", id)) }
		set := func(sheet, cell string, v any) { require.NoError(t, f.SetCellValue(sheet, cell, v)) }
		set("Organisatie", "B3", "Waterschap")           // not a kind
		set("Organisatie", "B5", -3)                     // a negative count
		set("Antwoorden", "D"+r("GG01-1"), 120)          // percent over 100
		set("Antwoorden", "D"+r("GG01-2"), "Misschien")  // not an option
		set("Antwoorden", "D"+r("GG02-3"), "jawel")      // not yes or no
		set("Antwoorden", "D"+r("GG05-4"), "3,5")        // a count with a fraction
		set("Antwoorden", "D"+r("GG10-1"), "31-02-2026") // no such date
		set("Antwoorden", "I"+r("GG01-1"), "2027-01-01") // evidence after the assessment date
		set("Antwoorden", "D"+itoa(rowOf(t, f, "Antwoorden", "GG04-2")+2), "wellicht")
		set("Antwoorden", "D"+r("GG14-3"), "=1+1") // typed as text with a quote: not a formula, not a number
		return save(t, f)
	}},
	{"zip-bomb", func(t testing.TB) []byte {
		// 64 MiB of zeros in a worksheet part, declared honestly.
		return zipOf(t, map[string][]byte{"xl/workbook.xml": []byte("<workbook/>"), "xl/worksheets/sheet1.xml": make([]byte, 64<<20)})
	}},
	{"zip-bomb-lying-size", func(t testing.TB) []byte {
		// 64 MiB of zeros in a part that declares 100 bytes.
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		data := make([]byte, 64<<20)
		var comp bytes.Buffer
		fw, err := flate.NewWriter(&comp, flate.BestCompression)
		require.NoError(t, err)
		_, err = fw.Write(data)
		require.NoError(t, err)
		require.NoError(t, fw.Close())
		for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(data),
				CompressedSize64: uint64(comp.Len()), UncompressedSize64: 100})
			require.NoError(t, err)
			_, err = w.Write(comp.Bytes())
			require.NoError(t, err)
		}
		require.NoError(t, zw.Close())
		return buf.Bytes()
	}},
}

func itoa(i int) string {
	return string(rune('0'+i/100%10)) + string(rune('0'+i/10%10)) + string(rune('0'+i%10))
}

func zipOf(t testing.TB, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "readme.txt"} {
		b, ok := files[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write(b)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// filled is a workbook filled in from ind-after.json.
func filled(t testing.TB, lang norm.Lang) *excelize.File {
	f := blank(t, lang)
	fill(t, f, lang, loadSample(t, "ind-after.json"))
	return f
}

// TestHostileWorkbooks reads each hostile workbook of testdata/hostile and
// compares the problems with its golden file; -update rewrites both.
func TestHostileWorkbooks(t *testing.T) {
	dir := filepath.Join("testdata", "hostile")
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			file := filepath.Join(dir, h.name+".xlsx")
			if *update {
				require.NoError(t, os.MkdirAll(dir, 0o755))
				require.NoError(t, os.WriteFile(file, h.make(t), 0o644))
			}
			b, err := os.ReadFile(file)
			require.NoError(t, err)
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err = workbook.Read(bytes.NewReader(b), workbook.Limits{})
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			// Refused within bounded memory: at most a few times the
			// unpacked limit, whatever the file claims to hold.
			require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(4*workbook.DefaultMaxUnzipped))
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			require.True(t, errors.Is(err, norm.ErrInvalid))
			got := ne.In(norm.EN) + "\n\n" + ne.In(norm.NL) + "\n"
			golden := filepath.Join(dir, h.name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			require.Equal(t, string(want), got)
		})
	}
}

// TestTooLarge: a file over the byte limit is refused before it is
// opened.
func TestTooLarge(t *testing.T) {
	b := save(t, blank(t, norm.NL))
	_, err := workbook.Read(bytes.NewReader(b), workbook.Limits{MaxBytes: int64(len(b) - 1)})
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	require.Equal(t, norm.CodeTooLarge, ne.Problems[0].Code)
	_, err = workbook.Read(bytes.NewReader(b), workbook.Limits{MaxUnzipped: 1000})
	require.ErrorAs(t, err, &ne)
	require.Equal(t, norm.CodeTooLarge, ne.Problems[0].Code)
}

var _ = time.Now
