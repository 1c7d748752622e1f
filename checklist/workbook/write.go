package workbook

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/csvform"
)

// Write writes the fill-in workbook in the given language (norm.NL or
// norm.EN) to w. See the package documentation for its layout.
func Write(w io.Writer, lang norm.Lang) error {
	if lang != norm.NL && lang != norm.EN {
		return fmt.Errorf("workbook.Write: unknown language %q", lang)
	}
	f, err := build(lang)
	if err != nil {
		return fmt.Errorf("workbook.Write: %w", err)
	}
	defer f.Close()
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("workbook.Write: %w", err)
	}
	return nil
}

// writer lays out one workbook; the first error sticks, so that the
// layout reads as a list of cells.
type writer struct {
	f    *excelize.File
	lang norm.Lang
	err  error
}

// text writes a string cell. Whatever we write is neutralised, so that
// no text of ours could be read as a formula by a program that converts
// the workbook to CSV.
func (w *writer) text(sheet, cell, s string) {
	if w.err == nil {
		w.err = w.f.SetCellStr(sheet, cell, csvform.Neutralise(s))
	}
}

func (w *writer) style(sheet, from, to string, id int) {
	if w.err == nil {
		w.err = w.f.SetCellStyle(sheet, from, to, id)
	}
}

func (w *writer) newStyle(s *excelize.Style) int {
	if w.err != nil {
		return 0
	}
	id, err := w.f.NewStyle(s)
	w.err = err
	return id
}

func (w *writer) validate(sheet string, dv *excelize.DataValidation) {
	if w.err == nil {
		w.err = w.f.AddDataValidation(sheet, dv)
	}
}

// styles used on both sheets.
type styles struct {
	header, item, locked, option, help, answer, answerDate, answerFree, freeDate, muted int
}

func build(lang norm.Lang) (*excelize.File, error) {
	f := excelize.NewFile()
	w := &writer{f: f, lang: lang}
	names := namesIn(lang)
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	unlocked := &excelize.Protection{Locked: false}
	st := styles{
		header: w.newStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Alignment: wrapTop,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}}, Border: border}),
		item: w.newStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}, Border: border}),
		locked: w.newStyle(&excelize.Style{Alignment: wrapTop, Border: border}),
		option: w.newStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top", Indent: 2}, Border: border}),
		help:   w.newStyle(&excelize.Style{Alignment: wrapTop, Font: &excelize.Font{Color: "404040", Size: 9}, Border: border}),
		muted: w.newStyle(&excelize.Style{Alignment: wrapTop, Font: &excelize.Font{Color: "808080", Italic: true, Size: 9}, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}}),
		answer: w.newStyle(&excelize.Style{Alignment: wrapTop, Protection: unlocked, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}}),
		answerDate: w.newStyle(&excelize.Style{Alignment: wrapTop, Protection: unlocked, Border: border, NumFmt: 14, CustomNumFmt: ptr("yyyy-mm-dd"),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}}),
		answerFree: w.newStyle(&excelize.Style{Alignment: wrapTop, Protection: unlocked, Border: border}),
		freeDate:   w.newStyle(&excelize.Style{Alignment: wrapTop, Protection: unlocked, Border: border, NumFmt: 14, CustomNumFmt: ptr("yyyy-mm-dd")}),
	}
	if w.err != nil {
		return nil, w.err
	}
	lists := w.writeMeta()
	w.writeOrg(names.org, st, lists)
	w.writeAnswers(names.answers, st, lists)
	if w.err == nil {
		w.err = f.DeleteSheet("Sheet1")
	}
	if w.err == nil {
		idx, err := f.GetSheetIndex(names.org)
		w.err = err
		if err == nil {
			f.SetActiveSheet(idx)
		}
	}
	if w.err == nil {
		w.err = f.SetSheetVisible(metaSheet, false, true)
	}
	if w.err != nil {
		f.Close()
		return nil, w.err
	}
	return f, nil
}

func ptr[T any](v T) *T { return &v }

// lines estimates how many lines s takes when wrapped in a column of the
// given width (in characters): spreadsheet programs do not grow a row
// for wrapped text they did not lay out themselves.
func lines(s string, width float64) int {
	per := int(width) - 1
	n, col := 1, 0
	for _, word := range strings.Fields(s) {
		l := utf8.RuneCountInString(word)
		switch {
		case col == 0:
			col = l
		case col+1+l <= per:
			col += 1 + l
		default:
			n++
			col = l
		}
	}
	return n
}

// height sets a row's height for so many lines of text.
func (w *writer) height(sheet string, row, lines int) {
	if w.err == nil && lines > 1 {
		w.err = w.f.SetRowHeight(sheet, row, 13*float64(lines)+2)
	}
}

// dropLists are the cell ranges on the hidden sheet that the drop-downs
// take their labels from: a list typed into the validation itself may be
// at most 255 characters, too few for some of the choices.
type dropLists struct {
	yesNo, kinds string
	choices      map[checklist.CriterionID]string
}

// writeMeta writes the hidden sheet: the marker and format version in
// row 1, the language in row 2, and the labels of every drop-down list,
// one list per column from column D.
func (w *writer) writeMeta() dropLists {
	if _, err := w.f.NewSheet(metaSheet); err != nil && w.err == nil {
		w.err = err
	}
	w.text(metaSheet, "A1", marker)
	w.text(metaSheet, "B1", FormatVersion)
	w.text(metaSheet, "A2", "lang")
	w.text(metaSheet, "B2", string(w.lang))
	col := 4
	list := func(labels []string) string {
		name, _ := excelize.ColumnNumberToName(col)
		col++
		for i, l := range labels {
			w.text(metaSheet, name+strconv.Itoa(i+1), l)
		}
		return "'" + metaSheet + "'!$" + name + "$1:$" + name + "$" + strconv.Itoa(len(labels))
	}
	d := dropLists{choices: map[checklist.CriterionID]string{}}
	d.yesNo = list([]string{yesNo[0].In(w.lang), yesNo[1].In(w.lang)})
	var kinds []string
	for _, k := range checklist.OrgKinds() {
		kinds = append(kinds, kindLabels[k].In(w.lang))
	}
	d.kinds = list(kinds)
	for _, c := range checklist.Criteria() {
		if c.Type != checklist.TypeChoice {
			continue
		}
		var labels []string
		for _, o := range c.Options {
			labels = append(labels, o.Label.In(w.lang))
		}
		d.choices[c.ID] = list(labels)
	}
	return d
}

// dv makes a data validation for one cell that stops a wrong entry with a
// message in the workbook's language.
func (w *writer) dv(cell string, msg norm.Text) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cell
	dv.SetError(excelize.DataValidationErrorStyleStop, norm.T("Ongeldige invoer", "Invalid entry").In(w.lang), msg.In(w.lang))
	return dv
}

func (w *writer) dropDown(sheet, cell, list string, msg norm.Text) {
	dv := w.dv(cell, msg)
	dv.SetSqrefDropList(list)
	w.validate(sheet, dv)
}

func (w *writer) rangeCheck(sheet, cell string, t excelize.DataValidationType, lo, hi any, o excelize.DataValidationOperator, msg norm.Text) {
	dv := w.dv(cell, msg)
	if err := dv.SetRange(lo, hi, t, o); err != nil && w.err == nil {
		w.err = err
	}
	w.validate(sheet, dv)
}

var (
	msgList    = norm.T("Kies een antwoord uit de lijst.", "Choose an answer from the list.")
	msgCount   = norm.T("Vul een geheel getal in, 0 of meer.", "Enter a whole number, 0 or more.")
	msgPercent = norm.T("Vul een percentage in van 0 tot en met 100.", "Enter a percentage from 0 to 100.")
	msgDate    = norm.T("Vul een datum in (JJJJ-MM-DD).", "Enter a date (YYYY-MM-DD).")
	msgLength  = norm.T("Deze tekst is te lang.", "This text is too long.")
)

// Excel's date validation takes serial numbers: 1 January 1900 up to
// 31 December 9999.
const (
	minSerial = 1
	maxSerial = 2958465
)

// dateCheck lets a cell take only dates.
func (w *writer) dateCheck(sheet, cell string) {
	w.rangeCheck(sheet, cell, excelize.DataValidationTypeDate, minSerial, maxSerial, excelize.DataValidationOperatorBetween, msgDate)
}

func (w *writer) lengthCheck(sheet, cell string, max int) {
	w.rangeCheck(sheet, cell, excelize.DataValidationTypeTextLength, 0, max, excelize.DataValidationOperatorBetween, msgLength)
}

// protect locks every cell but the answer cells, without a password:
// the lock keeps questions from being typed over by accident, it is no
// security (the reader checks the layout anyway).
func (w *writer) protect(sheet string) {
	if w.err == nil {
		w.err = w.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
			SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
		})
	}
}

// printA4 sets up a sheet to print on A4 landscape, one page wide, with
// the header row on every page.
func (w *writer) printA4(sheet, lastCol string) {
	if w.err != nil {
		return
	}
	size, orient, one, any := 9, "landscape", 1, 0 // 9 is A4 in SpreadsheetML
	if w.err = w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &any}); w.err != nil {
		return
	}
	if w.err = w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); w.err != nil {
		return
	}
	if w.err = w.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: ptr(0.4), Right: ptr(0.4), Top: ptr(0.6), Bottom: ptr(0.6),
	}); w.err != nil {
		return
	}
	w.err = w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: sheet + "!$1:$1", Scope: sheet})
	if w.err == nil {
		w.err = w.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
			OddFooter: "&L&A&R" + norm.T("blad &P van &N", "page &P of &N").In(w.lang),
		})
	}
	_ = lastCol
}

// freeze keeps the header row in view.
func (w *writer) freeze(sheet string) {
	if w.err == nil {
		w.err = w.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
}

// writeOrg writes the organisation sheet: one row per field, the value
// in column B.
func (w *writer) writeOrg(sheet string, st styles, lists dropLists) {
	if _, err := w.f.NewSheet(sheet); err != nil && w.err == nil {
		w.err = err
	}
	for i, h := range orgHeaders {
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.text(sheet, col+"1", h.In(w.lang))
	}
	w.style(sheet, "A1", "C1", st.header)
	for i, fd := range orgFields {
		r := strconv.Itoa(i + 2)
		w.text(sheet, "A"+r, fd.label.In(w.lang))
		w.text(sheet, "C"+r, fd.help.In(w.lang))
		w.style(sheet, "A"+r, "A"+r, st.locked)
		w.style(sheet, "C"+r, "C"+r, st.help)
		w.style(sheet, "B"+r, "B"+r, st.answer)
		w.height(sheet, i+2, lines(fd.help.In(w.lang), 70*1.2))
		switch fd.kind {
		case fieldText:
			w.lengthCheck(sheet, "B"+r, fd.max)
		case fieldKind_:
			w.dropDown(sheet, "B"+r, lists.kinds, msgList)
		case fieldCount:
			w.rangeCheck(sheet, "B"+r, excelize.DataValidationTypeWhole, 0, "", excelize.DataValidationOperatorGreaterThanOrEqual, msgCount)
		case fieldDate:
			w.style(sheet, "B"+r, "B"+r, st.answerDate)
			w.dateCheck(sheet, "B"+r)
		}
	}
	if w.err == nil {
		w.err = w.f.SetColWidth(sheet, "A", "A", 30)
	}
	if w.err == nil {
		w.err = w.f.SetColWidth(sheet, "B", "B", 40)
	}
	if w.err == nil {
		w.err = w.f.SetColWidth(sheet, "C", "C", 70)
	}
	w.freeze(sheet)
	w.protect(sheet)
	w.printA4(sheet, "C")
}

// writeAnswers writes the answers sheet from the layout.
func (w *writer) writeAnswers(sheet string, st styles, lists dropLists) {
	if _, err := w.f.NewSheet(sheet); err != nil && w.err == nil {
		w.err = err
	}
	for i, h := range answerHeaders {
		w.text(sheet, answerColumns[i]+"1", h.In(w.lang))
		if w.err == nil {
			w.err = w.f.SetColWidth(sheet, answerColumns[i], answerColumns[i], answerWidths[i])
		}
	}
	last := answerColumns[len(answerColumns)-1]
	w.style(sheet, "A1", last+"1", st.header)
	w.height(sheet, 1, 2)
	for i, lr := range answerLayout() {
		r := strconv.Itoa(i + 2)
		switch lr.kind {
		case rowItem:
			w.text(sheet, colID+r, string(lr.item.ID))
			w.text(sheet, colQuestion+r, lr.item.Title.In(w.lang))
			w.height(sheet, i+2, lines(lr.item.Title.In(w.lang), answerWidths[1]))
			w.style(sheet, colID+r, last+r, st.item)
		case rowCriterion:
			c := lr.crit
			w.text(sheet, colID+r, string(c.ID))
			w.text(sheet, colQuestion+r, c.Question.In(w.lang))
			w.text(sheet, colHelp+r, c.Help.In(w.lang))
			w.text(sheet, colUnit+r, unitText(c).In(w.lang))
			w.height(sheet, i+2, max(lines(c.Question.In(w.lang), answerWidths[1]),
				lines(c.Help.In(w.lang), answerWidths[2]*1.2), // the help is in a smaller font
				lines(unitText(c).In(w.lang), answerWidths[4]*1.2)))
			w.style(sheet, colID+r, colQuestion+r, st.locked)
			w.style(sheet, colHelp+r, colHelp+r, st.help)
			w.style(sheet, colUnit+r, colUnit+r, st.help)
			w.style(sheet, colAnswer+r, colAnswer+r, st.answer)
			w.style(sheet, colComment+r, colEvRef+r, st.answerFree)
			w.style(sheet, colEvDate+r, colEvDate+r, st.freeDate) // optional, as comment and evidence are: no yellow
			w.dateCheck(sheet, colEvDate+r)
			w.lengthCheck(sheet, colComment+r, 4000)
			w.lengthCheck(sheet, colEvTitle+r, 300)
			w.lengthCheck(sheet, colEvRef+r, 200)
			cell := colAnswer + r
			switch c.Type {
			case checklist.TypeBool:
				w.dropDown(sheet, cell, lists.yesNo, msgList)
			case checklist.TypeChoice:
				w.dropDown(sheet, cell, lists.choices[c.ID], msgList)
			case checklist.TypeMulti:
				w.text(sheet, cell, norm.T("↓ per optie", "↓ per option").In(w.lang))
				w.style(sheet, cell, cell, st.muted)
			case checklist.TypePercent:
				w.rangeCheck(sheet, cell, excelize.DataValidationTypeDecimal, 0.0, 100.0, excelize.DataValidationOperatorBetween, msgPercent)
			case checklist.TypeCount:
				w.rangeCheck(sheet, cell, excelize.DataValidationTypeWhole, 0, "", excelize.DataValidationOperatorGreaterThanOrEqual, msgCount)
			case checklist.TypeDate:
				w.style(sheet, cell, cell, st.answerDate)
				w.dateCheck(sheet, cell)
			}
		case rowOption:
			w.text(sheet, colQuestion+r, lr.crit.Options[lr.opt].Label.In(w.lang))
			w.style(sheet, colID+r, colQuestion+r, st.locked)
			w.style(sheet, colQuestion+r, colQuestion+r, st.option)
			w.height(sheet, i+2, lines(lr.crit.Options[lr.opt].Label.In(w.lang), answerWidths[1]-4))
			w.style(sheet, colHelp+r, colHelp+r, st.muted)
			w.style(sheet, colUnit+r, last+r, st.muted)
			w.style(sheet, colAnswer+r, colAnswer+r, st.answer)
			w.dropDown(sheet, colAnswer+r, lists.yesNo, msgList)
		}
	}
	w.freeze(sheet)
	w.protect(sheet)
	w.printA4(sheet, last)
}
