package report

import (
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/csvform"
)

// BatchWorkbook is a workbook with one row per organisation, for a batch
// of assessments: the input line, whether it was evaluated, the
// organisation, its reference date, score, rating and reason,
// completeness, the number of findings and the score of each item. Rows
// are streamed to a temporary file as they come, so memory stays flat.
// Add rows in input order, then Write once, then Close.
type BatchWorkbook struct {
	lang  norm.Lang
	f     *excelize.File
	sw    *excelize.StreamWriter
	sheet string
	items []checklist.ItemID
	cols  []xcol
	ids   map[kind]int // style per column kind
	pct   int
	date  int
	row   int
}

// NewBatchWorkbook starts a batch workbook in a language.
func NewBatchWorkbook(lang norm.Lang) (*BatchWorkbook, error) {
	if lang != norm.EN {
		lang = norm.NL
	}
	L := LabelsFor(lang)
	b := &BatchWorkbook{lang: lang, f: excelize.NewFile(), sheet: sheetOrgs.In(lang), ids: map[kind]int{}}
	fail := func(err error) (*BatchWorkbook, error) {
		b.f.Close()
		return nil, err
	}
	b.cols = []xcol{
		{xLine.In(lang), 7, kInt}, {xStatus.In(lang), 14, kWrap}, {L.Organisation, 30, kWrap}, {xKind.In(lang), 22, kWrap},
		{L.Date, 12, kText}, {L.Score, 8, kNum1}, {L.Rating, 9, kText}, {L.Reason, 45, kWrap},
		{L.Completeness, 13, kText}, {xNFindings.In(lang), 12, kInt}, {xNCritical.In(lang), 12, kInt},
	}
	for _, it := range checklist.Items() {
		b.items = append(b.items, it.ID)
		b.cols = append(b.cols, xcol{string(it.ID), 7, kNum1})
	}
	if err := b.f.SetDocProps(&excelize.DocProperties{Title: L.Title, Creator: "goedgesprek"}); err != nil {
		return fail(err)
	}
	if err := b.f.SetSheetName("Sheet1", b.sheet); err != nil {
		return fail(err)
	}
	// The page settings go in before the stream writer takes the sheet:
	// it copies them, and reading the sheet back afterwards would load
	// every row.
	if err := pageSetup(b.f, b.sheet, lang, true); err != nil {
		return fail(err)
	}
	st := &styles{f: b.f, ids: map[styleKey]int{}}
	for _, k := range []kind{kText, kWrap, kNum1, kInt} {
		key := styleKey{wrap: k == kWrap}
		switch k {
		case kNum1:
			key.format = fNum1
		case kInt:
			key.format = fInt
		}
		id, err := st.id(key)
		if err != nil {
			return fail(err)
		}
		b.ids[k] = id
	}
	var err error
	if b.pct, err = st.id(styleKey{format: fPct}); err != nil {
		return fail(err)
	}
	if b.date, err = st.id(styleKey{format: fDate}); err != nil {
		return fail(err)
	}
	if b.sw, err = b.f.NewStreamWriter(b.sheet); err != nil {
		return fail(err)
	}
	for i, c := range b.cols {
		if err := b.sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return fail(err)
		}
	}
	if err := b.sw.SetPanes(frozenHeader); err != nil {
		return fail(err)
	}
	hs, err := st.header()
	if err != nil {
		return fail(err)
	}
	head := make([]any, len(b.cols))
	lines := 1
	for i, c := range b.cols {
		head[i] = excelize.Cell{StyleID: hs, Value: csvform.Neutralise(c.head)}
		lines = max(lines, wrapLines(c.head, c.width))
	}
	if err := b.sw.SetRow("A1", head, excelize.RowOpts{Height: rowHeight(lines)}); err != nil {
		return fail(err)
	}
	b.row = 1
	return b, nil
}

// Any reports whether a row was added.
func (b *BatchWorkbook) Any() bool { return b.row > 1 }

// cell is one value with its column's style; strings are neutralised
// and stay strings.
func (b *BatchWorkbook) cell(i int, v any) excelize.Cell {
	switch x := v.(type) {
	case string:
		v = csvform.Neutralise(norm.Printable(x))
	case fraction:
		return excelize.Cell{StyleID: b.pct, Value: float64(x)}
	case norm.Date:
		return excelize.Cell{StyleID: b.date, Value: x.In(time.UTC)}
	}
	return excelize.Cell{StyleID: b.ids[b.cols[i].kind], Value: v}
}

// maxRows is how many rows a batch workbook takes under its header: a
// worksheet's limit. A variable, so that a test can lower it.
var maxRows = excelize.TotalRows - 1

func (b *BatchWorkbook) add(vals []any) error {
	if b.row > maxRows {
		return &norm.Error{Op: "evaluate.batch", Problems: []norm.Problem{{
			Code: norm.CodeTooLarge, Message: norm.Textf(
				"meer dan %d regels: zoveel rijen heeft een werkblad niet; splits de invoer of gebruik JSON",
				"more than %d lines: a worksheet has no more rows; split the input or use JSON", maxRows),
		}}}
	}
	b.row++
	cells := make([]any, len(vals))
	lines := 1
	for i, v := range vals {
		cells[i] = b.cell(i, v)
		if s, ok := v.(string); ok && b.cols[i].kind == kWrap {
			lines = max(lines, wrapLines(s, b.cols[i].width))
		}
	}
	name, err := excelize.CoordinatesToCellName(1, b.row)
	if err != nil {
		return err
	}
	// The stream writer cannot fit rows afterwards: each gets its height.
	return b.sw.SetRow(name, cells, excelize.RowOpts{Height: rowHeight(lines)})
}

// Add adds the row of one evaluated assessment, read from input line
// lineNo.
func (b *BatchWorkbook) Add(lineNo int, rep *checklist.Report) error {
	critical := 0
	for _, f := range rep.Findings {
		if f.Critical {
			critical++
		}
	}
	vals := []any{
		lineNo, xEvaluated.In(b.lang), rep.Organisation.Name, kindLabels[rep.Organisation.Kind].In(b.lang),
		rep.AssessmentDate, rep.Score, ratingLabels[rep.Rating].In(b.lang), rep.RatingReason,
		fraction(rep.Completeness), len(rep.Findings), critical,
	}
	scores := map[checklist.ItemID]float64{}
	for _, it := range rep.Items {
		scores[it.ID] = it.Score
	}
	for _, id := range b.items {
		if s, ok := scores[id]; ok {
			vals = append(vals, s)
		} else {
			vals = append(vals, nil)
		}
	}
	return b.add(vals)
}

// Refused adds the row of an input line that was refused with n
// problems; the problems themselves belong on stderr.
func (b *BatchWorkbook) Refused(lineNo, n int) error {
	return b.add([]any{lineNo, norm.Textf(xRefused.NL, xRefused.EN, n).In(b.lang)})
}

// Write finishes the table and writes the workbook.
func (b *BatchWorkbook) Write(w io.Writer) error {
	if b.row == 1 {
		// A table needs a row under its header.
		if err := b.add([]any{nil}); err != nil {
			return err
		}
	}
	last, err := excelize.CoordinatesToCellName(len(b.cols), b.row)
	if err != nil {
		return err
	}
	if err := b.sw.AddTable(&excelize.Table{
		Range: "A1:" + last, Name: b.sheet, StyleName: "TableStyleMedium2", ShowRowStripes: ptr(true),
	}); err != nil {
		return err
	}
	if err := b.sw.Flush(); err != nil {
		return err
	}
	_, err = b.f.WriteTo(w)
	return err
}

// Close removes the temporary files.
func (b *BatchWorkbook) Close() error { return b.f.Close() }
