package main

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/examples/internal/report"
	"github.com/goedgesprek/goedgesprek/norm"
)

//go:embed summary.html.tmpl
var summaryHTMLSource string

// summaryTemplate holds three templates, "head", "row" and "tail", so that
// the heat map is written one row at a time.
var summaryTemplate = template.Must(template.New("summary").Parse(summaryHTMLSource))

// summaryCSP allows nothing but the page's own stylesheet.
var summaryCSP = report.PageCSP(summaryHTMLSource)

type htmlSummary struct {
	w    *bufio.Writer
	L    summaryLabels
	lang norm.Lang
}

type htmlCell struct{ Result, Mark, Score, Title string }

func (h *htmlSummary) head(items []checklist.ItemID) error {
	var titles []string
	for _, id := range items {
		it, _ := checklist.LookupItem(id)
		titles = append(titles, it.Title.In(h.lang))
	}
	return summaryTemplate.ExecuteTemplate(h.w, "head", map[string]any{
		"L": h.L, "Lang": h.lang, "CSP": summaryCSP, "Items": items, "Titles": titles,
	})
}

func (h *htmlSummary) row(r *orgRow) error {
	cells := make([]htmlCell, len(r.Items))
	for i, c := range r.Items {
		cells[i] = htmlCell{
			Result: string(c.Result), Mark: report.Marks[string(c.Result)], Score: fmtNum(c.Score, h.lang),
			Title: string(c.ID) + ": " + h.L.ResultWords[c.Result],
		}
	}
	return summaryTemplate.ExecuteTemplate(h.w, "row", map[string]any{
		"Org": norm.Printable(r.Organisation), "Score": fmtNum(r.Score, h.lang), "Rating": string(r.Rating),
		"RatingWord": h.L.RatingWords[r.Rating], "Cells": cells, "Capped": joinCrit(r.CappedBy),
	})
}

func (h *htmlSummary) tail(s summaryJSON) error {
	type num struct{ Q1, Median, Q3 string }
	f := func(q quartiles) num {
		a, b, c := q.strings(h.lang)
		return num{a, b, c}
	}
	type itemRow struct {
		ID, Title string
		Q         num
		N, NA     int
	}
	var items []itemRow
	for _, it := range s.Items {
		items = append(items, itemRow{ID: string(it.ID), Title: it.Title, Q: f(it.Quartiles), N: it.Quartiles.N, NA: it.NotApplicable})
	}
	capped := make([]map[string]any, 0, len(s.CappedFirst))
	for _, c := range s.CappedFirst {
		capped = append(capped, map[string]any{"Line": c.Line, "Org": norm.Printable(c.Organisation), "Rating": h.L.RatingWords[c.Rating], "By": joinCrit(c.CappedBy)})
	}
	return summaryTemplate.ExecuteTemplate(h.w, "tail", map[string]any{
		"L": h.L, "S": s, "Score": f(s.Score), "Items": items, "Capped": capped,
		"Words": map[string]string{"Green": h.L.RatingWords[checklist.Green], "Amber": h.L.RatingWords[checklist.Amber], "Red": h.L.RatingWords[checklist.Red]},
		"Green": s.Ratings[checklist.Green], "Amber": s.Ratings[checklist.Amber], "Red": s.Ratings[checklist.Red],
		"CappedNote": fmt.Sprintf(h.L.CappedNote, s.Capped, len(s.CappedFirst)),
	})
}
