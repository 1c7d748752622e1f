package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/goedgesprek/goedgesprek/norm"
)

// mdEscaper escapes the characters that would change the meaning of
// Markdown (and of raw HTML inside it) in a user-supplied string.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `&lt;`, ">", `&gt;`, "|", `\|`, "#", `\#`, "&", "&amp;", "~", `\~`,
	"\r", " ", "\n", " ",
)

// md escapes s for a table cell or a line of running text: control
// characters become visible escapes (norm.Printable), Markdown and HTML
// characters are escaped, and a leading "+", "-", "=" or "1." that would
// start a list or underline a heading when the value opens a line is
// escaped too.
func md(s string) string {
	s = mdEscaper.Replace(norm.Printable(s))
	if s == "" {
		return s
	}
	switch c := s[0]; {
	case c == '+' || c == '-' || c == '=':
		return `\` + s
	case c >= '0' && c <= '9':
		i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
		if i > 0 && (s[i] == '.' || s[i] == ')') {
			return s[:i] + `\` + s[i:]
		}
	}
	return s
}

// writeMarkdown renders the report for pasting into an audit report:
// headings one level below the document's own, tables and a findings list.
func writeMarkdown(w io.Writer, v *view) error {
	var b strings.Builder
	L := v.L
	fmt.Fprintf(&b, "## %s: %s\n\n", L.Title, md(v.Org))
	fmt.Fprintf(&b, "| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| %s | %s; %s, %s |\n", L.Organisation, md(v.Org), md(v.OrgKind), md(v.OrgSize))
	fmt.Fprintf(&b, "| %s | %s |\n", L.Date, md(v.Date))
	if v.Assessor != "" {
		fmt.Fprintf(&b, "| %s | %s |\n", L.Assessor, md(v.Assessor))
	}
	fmt.Fprintf(&b, "| %s | **%s/100** |\n", L.Score, v.Score)
	fmt.Fprintf(&b, "| %s | **%s** |\n", L.Rating, md(v.RatingLabel))
	fmt.Fprintf(&b, "| %s | %d%% %s |\n\n", L.Completeness, v.Completeness, L.Answered)
	fmt.Fprintf(&b, "%s\n\n", md(v.Policy))
	fmt.Fprintf(&b, "**%s:** %s\n\n", L.Reason, md(v.RatingReason))

	fmt.Fprintf(&b, "### %s\n\n", L.Checklist)
	fmt.Fprintf(&b, "| %s | | %s | %s |\n|---|---|---:|---|\n", L.Item, L.Score, L.Result)
	for _, it := range v.Items {
		fmt.Fprintf(&b, "| %s %s | %s | %s | %s |\n", it.ID, md(it.Title), it.Mark, it.Score, md(it.ResultLabel))
	}
	b.WriteString("\n")

	fmt.Fprintf(&b, "### %s\n\n", L.Findings)
	if len(v.Findings) == 0 {
		b.WriteString(L.NoFindings + "\n\n")
	}
	for i, f := range v.Findings {
		crit := ""
		if f.Critical {
			crit = "**" + L.Critical + ":** "
		}
		fmt.Fprintf(&b, "%d. %s%s  \n", i+1, crit, md(f.Message))
		if f.NextStep != "" {
			fmt.Fprintf(&b, "   *%s:* %s  \n", L.NextStep, md(f.NextStep))
		}
		fmt.Fprintf(&b, "   %s: %s; %s: `%s`; code `%s`\n", L.Source, md(f.Source), L.Pointer, strings.ReplaceAll(f.Pointer, "`", "'"), f.Code)
	}
	b.WriteString("\n")

	if m := v.Measured; m != nil {
		fmt.Fprintf(&b, "### %s\n\n", L.Measured)
		fmt.Fprintf(&b, "%s: `%s`; %s: %s; %s: %s; %s: %d\n\n", L.MeasuredFrom, strings.ReplaceAll(m.Origin, "`", "'"), L.Period, m.Period, L.At, m.At, L.Incidents, m.Incidents)
		fmt.Fprintf(&b, "| | %s | | %s |\n|---|---:|---:|---:|\n", L.MeasuredCol, L.Claimed)
		for _, r := range m.Rows {
			claim := ""
			if r.Claimed != "" {
				claim = r.Claimed + " " + r.Mark + " " + r.Criterion
			}
			if r.Known {
				fmt.Fprintf(&b, "| %s | %d%% | %d %s %d | %s |\n", r.Label, r.Percent, r.Num, L.Of, r.Den, claim)
			} else {
				fmt.Fprintf(&b, "| %s | – | %s | %s |\n", r.Label, L.Unknown, claim)
			}
		}
		fmt.Fprintf(&b, "| %s | | %d | |\n\n", L.Overdue, m.Overdue)
	}
	writeNormMarkdown(&b, v.Norm)

	writeSurveyMarkdown(&b, v)

	fmt.Fprintf(&b, "### %s\n\n", L.Principles)
	fmt.Fprintf(&b, "| %s | | %s |\n|---|---|---:|\n", L.Principles, L.Coverage)
	for _, p := range append(append([]principleView(nil), v.VPT...), v.PC...) {
		fmt.Fprintf(&b, "| %s | %s | %d%% |\n", p.ID, md(p.Title), p.Coverage)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
