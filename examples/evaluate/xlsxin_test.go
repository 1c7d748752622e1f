package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// TestWorkbookInput: the sample workbook (ind-after.json filled in) gives
// the same report as the JSON, from a file and from stdin.
func TestWorkbookInput(t *testing.T) {
	reg := []string{"-lang", "en", "-incidents", dataPath("register.csv"), "-actions", dataPath("register-actions.csv")}
	code, want, errs := runCmd(t, nil, append(reg, dataPath("ind-after.json"))...)
	require.Equal(t, exitOK, code, errs)
	code, got, errs := runCmd(t, nil, append(reg, dataPath("ind-after.xlsx"))...)
	require.Equal(t, exitOK, code, errs)
	assert.Equal(t, want, got)

	b, err := os.ReadFile(dataPath("ind-after.xlsx"))
	require.NoError(t, err)
	code, got, errs = runCmd(t, bytes.NewReader(b), append(reg, "-")...)
	require.Equal(t, exitOK, code, errs)
	assert.Equal(t, want, got)
}

// TestWorkbookProblems: a wrong cell is reported with its sheet and cell
// beside the JSON pointer, and nothing goes to stdout.
func TestWorkbookProblems(t *testing.T) {
	f, err := excelize.OpenFile(dataPath("ind-after.xlsx"))
	require.NoError(t, err)
	defer f.Close()
	require.NoError(t, f.SetCellValue("Antwoorden", "D3", 120))
	require.NoError(t, f.SetCellValue("Antwoorden", "D4", "misschien"))
	path := filepath.Join(t.TempDir(), "fout.xlsx")
	require.NoError(t, f.SaveAs(path))
	code, out, errs := runCmd(t, nil, "-lang", "en", path)
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "Antwoorden!D3 /answers/GG01-1/value: must be at most 100 (range)")
	assert.Contains(t, errs, `Antwoorden!D4 /answers/GG01-2/value: "misschien" is not in the list; choose from "both", `)
}
