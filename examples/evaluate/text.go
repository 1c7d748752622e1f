package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// width is the terminal width the text report is laid out for.
const width = 80

// topFindings is how many findings the text report shows in full.
const topFindings = 5

// writeText renders the report for an 80-column terminal: score and rating
// first, then the 14 items, the top findings with their next steps, the
// measured figures and the coverage of the VPT principles.
func writeText(w io.Writer, v *view) error {
	var b strings.Builder
	L := v.L
	rule := strings.Repeat("=", width)
	line := strings.Repeat("-", width)

	b.WriteString(L.Title + "\n" + rule + "\n")
	field(&b, L.Organisation, v.Org)
	field(&b, "", v.OrgKind+", "+v.OrgSize)
	field(&b, L.Date, v.Date)
	if v.Assessor != "" {
		field(&b, L.Assessor, v.Assessor)
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "%s %s/100   %s: %s\n", strings.ToUpper(L.Score), v.Score, strings.ToUpper(L.Rating), strings.ToUpper(v.RatingLabel))
	wrapTo(&b, L.Reason+": "+v.RatingReason, "", "  ")
	fmt.Fprintf(&b, "%s: %d%% %s\n", L.Completeness, v.Completeness, L.Answered)
	wrapTo(&b, v.Policy, "", "  ")
	b.WriteString("\n")

	// The item table: ID, mark, title, score, result label.
	labelW := 0
	for _, it := range v.Items {
		labelW = max(labelW, utf8.RuneCountInString(it.ResultLabel))
	}
	labelW = max(labelW, utf8.RuneCountInString(L.Result))
	titleW := width - 4 - 1 - 1 - 1 - 1 - 5 - 2 - labelW
	b.WriteString(L.Checklist + "\n" + line + "\n")
	fmt.Fprintf(&b, "%s %s %s  %s\n", pad(L.Item, 6), pad("", titleW), padLeft(L.Score, 5), L.Result)
	for _, it := range v.Items {
		lines := wrapWords(it.Title, titleW)
		fmt.Fprintf(&b, "%s %s %s %s  %s\n", pad(it.ID, 4), it.Mark, pad(lines[0], titleW),
			padLeft(it.Score, 5), it.ResultLabel)
		for _, l := range lines[1:] {
			b.WriteString("       " + l + "\n")
		}
	}
	b.WriteString("\n")

	// The top findings.
	b.WriteString(L.Findings + "\n" + line + "\n")
	if len(v.Findings) == 0 {
		b.WriteString(L.NoFindings + "\n")
	}
	for i, f := range v.Findings {
		if i == topFindings {
			fmt.Fprintf(&b, "… "+L.More+"\n", len(v.Findings)-topFindings)
			break
		}
		head := fmt.Sprintf("%d. ", i+1)
		indent := strings.Repeat(" ", utf8.RuneCountInString(head))
		wrapTo(&b, head+f.Message, "", indent)
		if f.NextStep != "" {
			wrapTo(&b, indent+"→ "+L.NextStep+": "+f.NextStep, "", indent+"  ")
		}
		wrapTo(&b, indent+L.Source+": "+f.Short+" · "+f.Pointer, "", indent+"  ")
	}
	b.WriteString("\n")

	if m := v.Measured; m != nil {
		b.WriteString(L.Measured + "\n" + line + "\n")
		wrapTo(&b, fmt.Sprintf("%s · %s %s · %d %s · %s %s", m.Origin, strings.ToLower(L.Period), m.Period, m.Incidents, strings.ToLower(L.Incidents), strings.ToLower(L.At), m.At), "", "  ")
		fmt.Fprintf(&b, "%s %s%s\n", pad("", 38), pad(padLeft(L.MeasuredCol, 8), 20), padLeft(L.Claimed, 8))
		for _, r := range m.Rows {
			val := "    –  " + L.Unknown
			if r.Known {
				val = fmt.Sprintf("%4d%%  (%d %s %d)", r.Percent, r.Num, L.Of, r.Den)
			}
			claim := ""
			if r.Claimed != "" {
				claim = padLeft(r.Claimed, 8) + "  " + r.Mark + " " + r.Criterion
			}
			b.WriteString(strings.TrimRight(pad(truncate(r.Label, 38), 38)+" "+pad(val, 20)+claim, " ") + "\n")
		}
		fmt.Fprintf(&b, "%s %4d\n\n", pad(truncate(L.Overdue, 38), 38), m.Overdue)
	}
	writeNormText(&b, v.Norm, line)

	writeSurveyText(&b, v)

	b.WriteString(L.VPT + "\n" + line + "\n")
	for _, p := range v.VPT {
		fmt.Fprintf(&b, "%s %s %s %3d%%\n", pad(p.ID, 5), pad(truncate(p.Title, 46), 46), bar(p.Coverage, 20), p.Coverage)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// field writes "name  value", the value wrapped under itself.
func field(b *strings.Builder, name, value string) {
	wrapTo(b, value, pad(name, 15)+" ", strings.Repeat(" ", 16))
}

// bar draws a percentage as n block characters.
func bar(percent, n int) string {
	full := (percent*n + 50) / 100
	full = min(max(full, 0), n)
	return strings.Repeat("█", full) + strings.Repeat("░", n-full)
}

func pad(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

func padLeft(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return strings.Repeat(" ", n-k) + s
	}
	return s
}

// truncate shortens s to n runes, ending in an ellipsis when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

// wrapWords splits s into lines of at most n runes, cutting only words
// longer than a line.
func wrapWords(s string, n int) []string {
	var b strings.Builder
	wrapAt(&b, s, "", "", n)
	return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
}

// wrapTo writes s wrapped at width: the first line after first, the
// following lines after indent. Words longer than a line are cut.
func wrapTo(b *strings.Builder, s, first, indent string) {
	wrapAt(b, s, first, indent, width)
}

// wrapAt is wrapTo at any width.
func wrapAt(b *strings.Builder, s, first, indent string, width int) {
	words := strings.Fields(s)
	// Keep the leading indentation of s.
	lead := s[:len(s)-len(strings.TrimLeft(s, " "))]
	cur := first + lead
	curN := utf8.RuneCountInString(cur)
	empty := true
	for _, w := range words {
		wn := utf8.RuneCountInString(w)
		if !empty && curN+1+wn > width {
			b.WriteString(cur + "\n")
			cur, curN, empty = indent, utf8.RuneCountInString(indent), true
		}
		for empty && curN+wn > width && width-curN > 1 {
			// A word longer than a line: cut it.
			r := []rune(w)
			k := width - curN
			b.WriteString(cur + string(r[:k]) + "\n")
			w = string(r[k:])
			wn = len(r) - k
			cur, curN = indent, utf8.RuneCountInString(indent)
		}
		if !empty {
			cur += " "
			curN++
		}
		cur += w
		curN += wn
		empty = false
	}
	b.WriteString(cur + "\n")
}
