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

// TestWorkbook: -format xlsx writes the fill-in workbook, to -o or
// stdout, in either language; it exists only for the assessment.
func TestWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "zelfevaluatie.xlsx")
	code, out, errs := runSchema(t, "-doc", "assessment", "-format", "xlsx", "-o", path)
	require.Equal(t, 0, code, errs)
	assert.Empty(t, out)
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"goedgesprek", "Organisatie", "Antwoorden"}, f.GetSheetList())

	code, out, errs = runSchema(t, "-doc", "assessment", "-format", "xlsx", "-lang", "en")
	require.Equal(t, 0, code, errs)
	g, err := excelize.OpenReader(bytes.NewReader([]byte(out)))
	require.NoError(t, err)
	defer g.Close()
	assert.Equal(t, []string{"goedgesprek", "Organisation", "Answers"}, g.GetSheetList())

	for _, args := range [][]string{
		{"-doc", "report", "-format", "xlsx"},
		{"-doc", "assessment", "-format", "xlsx", "-ui"},
		{"-doc", "assessment", "-format", "pdf"},
	} {
		code, out, errs := runSchema(t, args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.Empty(t, out)
		assert.NotEmpty(t, errs)
	}
	_, err = os.Stat(path)
	require.NoError(t, err)
}
