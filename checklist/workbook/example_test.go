package workbook_test

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/goedgesprek/goedgesprek/checklist/workbook"
	"github.com/goedgesprek/goedgesprek/norm"
)

// A workbook is written, filled in (here with excelize, as a person would
// in Excel) and read back; each problem names its cell.
func Example() {
	var buf bytes.Buffer
	if err := workbook.Write(&buf, norm.EN); err != nil {
		fmt.Println(err)
		return
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	f.SetCellValue("Organisation", "B2", "Gemeente Voorbeeld")
	f.SetCellValue("Organisation", "B3", "municipality ") // a code, with a stray space
	f.SetCellValue("Organisation", "B4", 120)
	f.SetCellValue("Organisation", "B5", 9)
	f.SetCellValue("Organisation", "B6", "2026-03-31")
	f.SetCellValue("Organisation", "B7", "A-17")
	f.SetCellValue("Answers", "D3", 82)      // GG01-1: 82% trained
	f.SetCellValue("Answers", "D4", "Both ") // GG01-2: a label, in another case
	f.SetCellValue("Answers", "D5", "soon")  // GG01-3: not an option
	var out bytes.Buffer
	f.WriteTo(&out)

	_, err = workbook.Read(&out, workbook.Limits{})
	var ne *norm.Error
	if errors.As(err, &ne) {
		for _, p := range ne.Problems {
			fmt.Println(p.In(norm.EN))
		}
	}
	// Output:
	// Answers!D5 /answers/GG01-3/value: "soon" is not in the list; choose from "within 6 months", "within 12 months", "later or not at all" (enum)
}
