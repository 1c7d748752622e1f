package main

// The -norm flag: the organisation's norm document decides the criteria it
// answers (checklist.WithNorm).

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/examples/internal/report"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/normdoc"
)

// normFlag declares -norm.
func normFlag(fs *flag.FlagSet, c *config, h func(nl, en string) string) {
	fs.StringVar(&c.norm, "norm", "", h("normdocument van de organisatie (JSON); het beslist GG09-1..3, GG11-1 en GG11-2",
		"the organisation's norm document (JSON); it decides GG09-1..3, GG11-1 and GG11-2"))
}

// checkNormFlag refuses -norm with -batch: one organisation's norm does
// not belong to many assessments.
func checkNormFlag(c config) error {
	if c.norm != "" && c.batch {
		return cli.Usagef("-batch beoordeelt veel organisaties: -norm hoort bij één zelfevaluatie",
			"-batch evaluates many organisations: -norm goes with a single assessment")
	}
	return nil
}

// withNorm reads the norm document named by -norm, if any, and adds it to
// the options. A document adopted after the assessment date is refused
// here, against the document's own pointer, rather than by Evaluate
// against the assessment.
func withNorm(c config, a *checklist.Assessment, opts []checklist.EvalOption, meas *measuredInfo) ([]checklist.EvalOption, error) {
	if c.norm == "" {
		return opts, nil
	}
	in, err := openInput(c.norm, nil)
	if err != nil {
		return opts, err
	}
	defer in.Close()
	d, err := normdoc.Decode(in)
	if err != nil {
		return opts, err
	}
	if d.Adopted.After(a.Date) {
		return opts, norm.NewError("evaluate -norm", []norm.Problem{{Pointer: "/adopted", Code: norm.CodeFuture, Message: norm.Textf(
			"de norm is vastgesteld op %s, na de peildatum van de zelfevaluatie (%s); zij gold toen nog niet",
			"the norm was adopted on %s, after the assessment date (%s); it was not in force then", d.Adopted.String(), a.Date.String())}})
	}
	meas.Norm = filepath.Base(c.norm)
	return append(opts, checklist.WithNorm(d)), nil
}

// writeNormText writes the section of the text report on the norm
// document: where it came from, and per derived criterion the document's
// result beside the claim's.
func writeNormText(b *strings.Builder, n *report.NormView, line string) {
	if n == nil {
		return
	}
	b.WriteString(n.L.Title + "\n" + line + "\n")
	wrapTo(b, fmt.Sprintf("%s · %s · %s %s", n.Origin, n.Org, n.L.Adopted, n.Adopted), "", "  ")
	wrapTo(b, n.Summary, "", "  ")
	fmt.Fprintf(b, "%s %s %s\n", pad("", 20), pad(n.L.Document, 20), n.L.Claimed)
	for _, r := range n.Rows {
		row := pad(r.Criterion, 7) + " " + pad(truncate(r.Source, 12), 12) + " " + pad(r.Mark+" "+truncate(r.ResultLabel, 18), 20) + " " + pad(truncate(r.Claimed, 18), 18) + " " + r.Agrees
		b.WriteString(strings.TrimRight(row, " ") + "\n")
	}
	b.WriteString("\n")
}

// writeNormMarkdown is writeNormText for the Markdown report.
func writeNormMarkdown(b *strings.Builder, n *report.NormView) {
	if n == nil {
		return
	}
	fmt.Fprintf(b, "### %s\n\n", n.L.Title)
	fmt.Fprintf(b, "`%s`; %s; %s %s  \n%s\n\n", strings.ReplaceAll(n.Origin, "`", "'"), md(n.Org), n.L.Adopted, n.Adopted, md(n.Summary))
	fmt.Fprintf(b, "| | | %s | %s | |\n|---|---|---|---|---|\n", n.L.Document, n.L.Claimed)
	for _, r := range n.Rows {
		fmt.Fprintf(b, "| %s | %s | %s %s | %s | %s |\n", r.Criterion, md(r.Source), r.Mark, md(r.ResultLabel), md(r.Claimed), r.Agrees)
	}
	b.WriteString("\n")
}
