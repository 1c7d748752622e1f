package report

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
)

// wrapLines counts lines as a spreadsheet wraps them: at spaces, at line
// breaks, and inside a word longer than the column.
func TestWrapLines(t *testing.T) {
	for _, c := range []struct {
		s     string
		width float64
		want  int
	}{
		{"", 10, 1},
		{"kort", 10, 1},
		{"een twee drie vier", 10, 2},
		{"een\ntwee", 40, 2},
		{"ZeerZeerZeerZeerZeerlang", 10, 3},
		{"één twee", 6, 2}, // runes, not bytes
	} {
		assert.Equal(t, c.want, wrapLines(c.s, c.width), "%q in %v", c.s, c.width)
	}
}

// A report without findings still gets a findings table, with one row
// that says so; the sheets are named in the report's language.
func TestWriteXLSXNoFindings(t *testing.T) {
	a := checklist.Assessment{
		Organisation: checklist.Organisation{Name: "Gemeente Voorbeeld", Kind: checklist.OrgMunicipality},
		Date:         norm.Date{Year: 2026, Month: 3, Day: 31},
	}
	rep, err := checklist.Evaluate(a, checklist.WithLang(norm.EN))
	require.NoError(t, err)
	rep.Findings = nil
	var b bytes.Buffer
	require.NoError(t, WriteXLSX(&b, &rep, nil, Measured{}))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"Summary", "Items", "Criteria", "Findings"}, f.GetSheetList())
	rows, err := f.GetRows("Findings")
	require.NoError(t, err)
	require.Len(t, rows, 2)
	assert.Equal(t, []string{"", "No findings."}, rows[1])
	summary, err := f.GetRows("Summary")
	require.NoError(t, err)
	for _, r := range summary {
		assert.NotEqual(t, "Completed by", r[0], "no assessor without an assessment")
	}
}

// A batch longer than a worksheet is refused with a clear problem, not
// cut off.
func TestBatchWorkbookRowLimit(t *testing.T) {
	defer func(n int) { maxRows = n }(maxRows)
	maxRows = 2
	b, err := NewBatchWorkbook(norm.EN)
	require.NoError(t, err)
	defer b.Close()
	require.NoError(t, b.Refused(1, 1))
	require.NoError(t, b.Refused(2, 1))
	err = b.Refused(3, 1)
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, norm.CodeTooLarge, ne.Problems[0].Code)
	assert.Contains(t, err.Error(), "more than 2 lines")
}
