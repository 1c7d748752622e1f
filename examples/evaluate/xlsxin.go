package main

import (
	"bufio"
	"io"
	"strings"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/checklist/workbook"
)

// decodeInput reads one assessment: a workbook (a name ending in .xlsx,
// or a zip on stdin) through the workbook reader, anything else as JSON.
// Both end in checklist.DecodeAssessment, so both are held to the same
// rules; a workbook's problems also name their cell.
func decodeInput(name string, in io.Reader) (checklist.Assessment, error) {
	br := bufio.NewReader(in)
	head, _ := br.Peek(4)
	if strings.HasSuffix(strings.ToLower(name), ".xlsx") || string(head) == "PK\x03\x04" {
		return workbook.Read(br, workbook.Limits{})
	}
	return checklist.DecodeAssessment(br)
}
