package workbook_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/checklist/workbook"
	"github.com/goedgesprek/goedgesprek/norm"
)

// checkOutcome holds Read to its contract on any input: an assessment
// that DecodeAssessment accepts unchanged as JSON, or a *norm.Error whose
// every problem has a code, a message in both languages, and a cell
// whenever it points into the document.
func checkOutcome(t *testing.T, a checklist.Assessment, err error) {
	if err == nil {
		b, jerr := json.Marshal(a)
		require.NoError(t, jerr)
		again, derr := checklist.DecodeAssessment(bytes.NewReader(b))
		require.NoError(t, derr, "%s", b)
		require.Equal(t, a, again)
		_, eerr := checklist.Evaluate(a)
		require.NoError(t, eerr)
		return
	}
	var ne *norm.Error
	require.True(t, errors.As(err, &ne), "not a *norm.Error: %v", err)
	require.NotEmpty(t, ne.Problems)
	for _, p := range ne.Problems {
		require.NotEmpty(t, p.Code)
		require.NotEmpty(t, p.Message.NL)
		require.NotEmpty(t, p.Message.EN)
		if p.Code != norm.CodeMore && (strings.HasPrefix(p.Pointer, "/answers/") || strings.HasPrefix(p.Pointer, "/organisation") || strings.HasPrefix(p.Pointer, "/assessor")) {
			require.NotEmpty(t, p.Cell, "%s has no cell", p.Pointer)
		}
	}
}

// FuzzRead feeds whole files: the hostile workbooks, the samples, and
// what the fuzzer makes of them.
func FuzzRead(f *testing.F) {
	for _, dir := range []string{filepath.Join("testdata", "hostile"), filepath.Join("testdata", "libreoffice")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
	if b, err := os.ReadFile(sampleWorkbook); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := workbook.Read(bytes.NewReader(b), workbook.Limits{MaxBytes: 1 << 20, MaxUnzipped: 4 << 20})
		checkOutcome(t, a, err)
	})
}

// FuzzCells types what the fuzzer makes up into the cells of a filled-in
// workbook, as text and as numbers: whole files rarely get past the zip's
// checksums, cells do.
func FuzzCells(f *testing.F) {
	f.Add("Gemeente Voorbeeld", "gemeente", "82", "Altijd ", "2025-11-15", "ja", "=1+1", 3.0, "31-03-2026")
	f.Add("", "Ministry", "82,5%", "nooit", "46000", "NEE", "+31 6", -1.0, "2026-02-30")
	f.Add("'=cmd", "x", "1e400", "within 6 months", "31/12/2025", "yes", "@SUM(A1)", 1e300, "")
	// Filled in once; each run changes a few cells of a copy.
	wb0 := blank(f, norm.NL)
	fill(f, wb0, norm.NL, loadSample(f, "ind-after.json"))
	filledBytes := save(f, wb0)
	rowDate := rowOf(f, wb0, "Antwoorden", "GG10-1")
	rowMulti := rowOf(f, wb0, "Antwoorden", "GG04-2")
	f.Fuzz(func(t *testing.T, name, kind, percent, choice, date, option, comment string, count float64, evDate string) {
		wb, err := excelize.OpenReader(bytes.NewReader(filledBytes))
		require.NoError(t, err)
		defer wb.Close()
		set := func(sheet, cell string, v any) {
			if err := wb.SetCellValue(sheet, cell, v); err != nil {
				t.Skip("excelize would not write it:", err) // not a cell a person could type
			}
		}
		set("Organisatie", "B2", name)
		set("Organisatie", "B3", kind)
		set("Organisatie", "B4", count)
		set("Antwoorden", "D3", percent) // GG01-1, a percentage
		set("Antwoorden", "D5", choice)  // GG01-3, a choice
		set("Antwoorden", "F5", comment)
		set("Antwoorden", "I3", evDate)
		set("Antwoorden", "D"+itoa(rowDate), date)
		set("Antwoorden", "D"+itoa(rowMulti+1), option)
		a, err := workbook.Read(bytes.NewReader(save(t, wb)), workbook.Limits{})
		checkOutcome(t, a, err)
	})
}
