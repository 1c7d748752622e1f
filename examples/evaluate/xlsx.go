package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/mattn/go-isatty"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/examples/internal/report"
	"github.com/goedgesprek/goedgesprek/norm"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// checkBinaryOut refuses to write a workbook to a terminal: it would
// only scramble the screen. Redirected or piped, stdout is fine.
func checkBinaryOut(c config, stdout io.Writer) error {
	if c.format != "xlsx" || (c.out != "" && c.out != "-") || !isTerminal(stdout) {
		return nil
	}
	return cli.Usagef("-format xlsx schrijft een werkmap (binair): geef -o BESTAND.xlsx, of stuur stdout naar een bestand",
		"-format xlsx writes a workbook (binary): give -o FILE.xlsx, or redirect stdout to a file")
}

// batchSink takes the outcome of each batch line in input order instead
// of the JSON lines.
type batchSink interface {
	report(lineNo int, js []byte) error
	refused(lineNo int, ne *norm.Error) error
}

// xlsxSink collects a batch into a workbook, one row per organisation.
type xlsxSink struct{ wb *report.BatchWorkbook }

// rowReport is the part of a report's JSON that a batch row shows. The
// sink reads a report line on the one goroutine that writes, so it reads
// no more than the row needs (the explanations are most of a report).
type rowReport struct {
	Organisation   checklist.Organisation `json:"organisation"`
	AssessmentDate norm.Date              `json:"assessment_date"`
	Score          float64                `json:"score"`
	Rating         checklist.Rating       `json:"rating"`
	RatingReason   string                 `json:"rating_reason"`
	Completeness   float64                `json:"completeness"`
	Items          []struct {
		ID    checklist.ItemID `json:"id"`
		Score float64          `json:"score"`
	} `json:"items"`
	Findings []struct {
		Critical bool `json:"critical"`
	} `json:"findings"`
}

func (s xlsxSink) report(lineNo int, js []byte) error {
	var r rowReport
	if err := json.Unmarshal(js, &r); err != nil {
		return fmt.Errorf("line %d: %w", lineNo, err)
	}
	rep := checklist.Report{
		Organisation: r.Organisation, AssessmentDate: r.AssessmentDate, Score: r.Score, Rating: r.Rating,
		RatingReason: r.RatingReason, Completeness: r.Completeness,
		Items:    make([]checklist.ItemReport, len(r.Items)),
		Findings: make([]checklist.Finding, len(r.Findings)),
	}
	for i, it := range r.Items {
		rep.Items[i] = checklist.ItemReport{ID: it.ID, Score: it.Score}
	}
	for i, f := range r.Findings {
		rep.Findings[i].Critical = f.Critical
	}
	return s.wb.Add(lineNo, &rep)
}

func (s xlsxSink) refused(lineNo int, ne *norm.Error) error {
	return s.wb.Refused(lineNo, len(ne.Problems))
}

// runBatchXLSX runs the batch with every report going into one workbook,
// written to -o or stdout once the input is done. Refused lines get a row
// that says so, their problems go to stderr, and the exit code is 1, as
// in the JSON batch.
func runBatchXLSX(c config, stdin io.Reader, stdout, stderr io.Writer) int {
	wb, err := report.NewBatchWorkbook(c.lang)
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %s\n", norm.Printable(err.Error()))
		return exitInvalid
	}
	defer wb.Close()
	inner := c
	inner.out = ""
	code := runBatch(inner, stdin, io.Discard, stderr, xlsxSink{wb})
	if code != exitOK && !wb.Any() {
		return code // nothing read: no workbook
	}
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		fmt.Fprintf(stderr, "evaluate: %s\n", norm.Printable(err.Error()))
		return exitInvalid
	}
	if err := emit(c, stdout, &buf); err != nil {
		fmt.Fprintf(stderr, "evaluate: %s\n", norm.Printable(err.Error()))
		return exitInvalid
	}
	return code
}
