package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/examples/internal/report"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// runOne evaluates one assessment and writes the report in the chosen
// format.
func runOne(c config, stdin io.Reader, stdout, stderr io.Writer) int {
	in, err := openInput(c.input, stdin)
	if err != nil {
		return fail(stderr, c.lang, c.input, err)
	}
	a, err := decodeInput(c.input, in) // JSON, or a workbook (xlsx.go)
	in.Close()
	if err != nil {
		return fail(stderr, c.lang, c.input, err)
	}

	opts := []checklist.EvalOption{checklist.WithLang(c.lang)}
	var meas measuredInfo
	if c.incidents != "" {
		at := c.at
		if at.IsZero() {
			at = endOfDay(a.Date)
		}
		if c.actions == "" && !isDB(c.incidents) {
			fmt.Fprintln(stderr, norm.T("evaluate: let op: zonder -actions telt geen enkele vervolgactie als gedaan",
				"evaluate: note: without -actions no follow-up action counts as done").In(c.lang))
		}
		// The register's figures for the twelve months up to and
		// including the assessment date, the period Evaluate expects.
		sum, err := loadMeasured(c.incidents, c.actions, followup.YearTo(a.Date), at)
		if err != nil {
			what, err := fileOf(err, c.incidents)
			return fail(stderr, c.lang, what, err)
		}
		opts = append(opts, checklist.WithMeasured(sum))
		meas = measuredInfo{Origin: filepath.Base(c.incidents), Overdue: overdueCount(sum)}
	}
	if opts, err = withNorm(c, &a, opts, &meas); err != nil {
		return fail(stderr, c.lang, c.norm, err)
	}
	sopts, file, err := surveyOptions(c.surveyConfig)
	if err != nil {
		return fail(stderr, c.lang, file, err)
	}
	opts = append(opts, sopts...)
	rep, err := checklist.Evaluate(a, opts...)
	if err != nil {
		return fail(stderr, c.lang, c.input, err)
	}

	var buf bytes.Buffer
	if err := render(&buf, c.format, &rep, &a, meas); err != nil {
		fmt.Fprintf(stderr, "evaluate: %s\n", norm.Printable(err.Error()))
		return exitInvalid
	}
	if err := emit(c, stdout, &buf); err != nil {
		fmt.Fprintf(stderr, "evaluate: %s\n", norm.Printable(err.Error()))
		return exitInvalid
	}
	return exitOK
}

// measuredInfo is what the report does not say about the measured data:
// where they came from and how many actions are overdue.
type measuredInfo = report.Measured

// render writes the report in one of the formats.
func render(w io.Writer, format string, rep *checklist.Report, a *checklist.Assessment, meas measuredInfo) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	if format == "xlsx" {
		return report.WriteXLSX(w, rep, a, meas)
	}
	v := report.New(rep, a, meas)
	switch format {
	case "markdown":
		return writeMarkdown(w, v)
	case "html":
		return report.WriteHTML(w, v)
	}
	return writeText(w, v)
}
