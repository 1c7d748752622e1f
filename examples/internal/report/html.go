package report

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"
)

//go:embed report.html.tmpl
var htmlSource string

// htmlTemplate escapes every string it is given: organisation names,
// assessor references and comments come from the assessment and are not
// trusted.
var htmlTemplate = template.Must(template.New("report").Parse(htmlSource))

type htmlData struct {
	V      *View
	Before template.HTML // shown first in the body: the web form's buttons
	Items  barChart
	VPT    columnChart
	Legend []legendEntry
}

type legendEntry struct{ Result, Label string }

// barChart is the horizontal bar chart of the 14 item scores.
type barChart struct {
	Width, Height, PlotHeight, AxisY int
	Grid                             []gridLine
	Bars                             []barShape
}

type gridLine struct {
	X, Y, TextY int
	Label       string
}

type barShape struct {
	Title, Label, Value, Fill string
	X, Y, W, H, TextY, ValueX int
}

// columnChart is the column chart of VPT1..VPT8 coverage.
type columnChart struct {
	Width, Height, Left, LabelX, AxisY int
	Grid                               []gridLine
	Columns                            []column
}

type column struct {
	Title, Label, Value, Fill string
	X, Y, W, H, CX, ValueY    int
}

const (
	barLeft  = 52  // room for the item ID
	barScale = 5   // pixels per score point: 100 -> 500 px
	barRow   = 24  // pixels per item
	barH     = 16  // bar thickness
	colPlot  = 180 // height of the column plot for 100%
	colTop   = 18  // room above the highest column for its value
	colW     = 44
	colGap   = 22
)

// WriteHTML writes the report as one self-contained HTML page: no
// scripts, no external assets, charts as inline SVG, a print stylesheet.
func WriteHTML(w io.Writer, v *View) error { return WritePage(w, v, "") }

// WritePage is WriteHTML with a fragment of trusted HTML shown first in the
// body, such as the web form's download and edit buttons. The fragment must
// come from html/template (or be a constant): it is not escaped here.
func WritePage(w io.Writer, v *View, before template.HTML) error {
	d := htmlData{V: v, Before: before}

	seen := map[string]bool{}
	for _, r := range []string{"met", "partially_met", "not_met", "not_applicable", "unanswered"} {
		for _, it := range v.Items {
			if it.Result == r && !seen[r] {
				seen[r] = true
				d.Legend = append(d.Legend, legendEntry{r, it.ResultLabel})
			}
		}
	}

	ic := &d.Items
	ic.PlotHeight = len(v.Items) * barRow
	ic.AxisY = ic.PlotHeight + 14
	ic.Height = ic.AxisY + 6
	ic.Width = barLeft + 100*barScale + 40
	for _, g := range []int{0, 50, 80, 100} {
		ic.Grid = append(ic.Grid, gridLine{X: barLeft + g*barScale, Label: fmt.Sprint(g)})
	}
	for i, it := range v.Items {
		y := i*barRow + (barRow-barH)/2
		w := int(it.ScoreN*barScale + 0.5)
		ic.Bars = append(ic.Bars, barShape{
			Title: it.ID + " " + it.Title + ": " + it.Score + " (" + it.ResultLabel + ")",
			Label: it.ID, Value: it.Score, Fill: Colours[it.Result],
			X: barLeft, Y: y, W: w, H: barH, TextY: y + barH - 3, ValueX: barLeft + w + 6,
		})
	}

	cc := &d.VPT
	cc.Left = 40
	cc.LabelX = cc.Left - 6
	cc.AxisY = colTop + colPlot + 16
	cc.Height = cc.AxisY + 6
	cc.Width = cc.Left + len(v.VPT)*(colW+colGap) + colGap
	for _, g := range []int{0, 50, 80, 100} {
		y := colTop + colPlot - g*colPlot/100
		cc.Grid = append(cc.Grid, gridLine{Y: y, TextY: y + 4, Label: fmt.Sprint(g) + "%"})
	}
	for i, p := range v.VPT {
		h := p.Coverage * colPlot / 100
		x := cc.Left + colGap + i*(colW+colGap)
		y := colTop + colPlot - h
		cc.Columns = append(cc.Columns, column{
			Title: p.ID + " " + p.Title + ": " + fmt.Sprint(p.Coverage) + "%",
			Label: p.ID, Value: fmt.Sprint(p.Coverage) + "%", Fill: coverageColour(p.Coverage),
			X: x, Y: y, W: colW, H: h, CX: x + colW/2, ValueY: y - 5,
		})
	}
	return htmlTemplate.Execute(w, d)
}

// coverageColour colours a principle's coverage like the rating
// thresholds: 80 and up green, 55 and up amber, red below.
func coverageColour(p int) string {
	switch {
	case p >= 80:
		return Colours["green"]
	case p >= 55:
		return Colours["amber"]
	}
	return Colours["red"]
}

// StyleHash is the Content-Security-Policy source of the report's inline
// stylesheet ("'sha256-…'"), so that a server can allow exactly that
// style and nothing else inline.
func StyleHash() string { return styleHash }

var styleHash = StyleHashOf(htmlSource)

// StyleHashOf returns the Content-Security-Policy source ("'sha256-…'") of
// the one static <style> element of an HTML template source. It panics when
// the template has no such element, or a template action inside it: a
// programming error, found the first time the package loads, like
// template.Must.
func StyleHashOf(src string) string {
	_, rest, ok := strings.Cut(src, "<style>")
	css, _, ok2 := strings.Cut(rest, "</style>")
	if !ok || !ok2 || strings.Contains(css, "{{") {
		panic("report: a template's stylesheet must be one static <style> element")
	}
	sum := sha256.Sum256([]byte(css))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// PageCSP is the Content-Security-Policy of a page written from the HTML
// template source src: nothing but its own inline stylesheet, allowed by
// hash (see StyleHashOf).
func PageCSP(src string) string {
	return "default-src 'none'; style-src " + StyleHashOf(src) + "; base-uri 'none'; form-action 'none'"
}
