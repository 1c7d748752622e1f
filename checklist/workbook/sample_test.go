package workbook_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist/workbook"
	"github.com/goedgesprek/goedgesprek/norm"
)

// sampleWorkbook is ind-after.json filled into the Dutch workbook, for the
// README's round trip (go run ./examples/evaluate examples/data/ind-after.xlsx).
var sampleWorkbook = filepath.Join("..", "..", "examples", "data", "ind-after.xlsx")

// TestSampleWorkbook checks the bundled sample workbook against its JSON;
// -update makes it again.
func TestSampleWorkbook(t *testing.T) {
	want := loadSample(t, "ind-after.json")
	if *update {
		f := blank(t, norm.NL)
		fill(t, f, norm.NL, want)
		require.NoError(t, os.WriteFile(sampleWorkbook, save(t, f), 0o644))
	}
	b, err := os.ReadFile(sampleWorkbook)
	require.NoError(t, err)
	got, err := workbook.Read(bytes.NewReader(b), workbook.Limits{})
	require.NoError(t, err)
	require.Equal(t, reportOf(t, want, norm.EN), reportOf(t, got, norm.EN))
}
