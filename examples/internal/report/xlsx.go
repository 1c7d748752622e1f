package report

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/csvform"
)

// The workbook's sheets, in each language. Sheet and table names are the
// same word: both must be unique and the table's may hold no spaces.
var (
	sheetSummary  = norm.T("Samenvatting", "Summary")
	sheetItems    = norm.T("Punten", "Items")
	sheetCriteria = norm.T("Criteria", "Criteria")
	sheetFindings = norm.T("Bevindingen", "Findings")
	sheetMeasured = norm.T("Gemeten", "Measured")
	sheetOrgs     = norm.T("Organisaties", "Organisations")
)

// The words of the workbook that the other formats do not need.
var (
	xField       = norm.T("Onderdeel", "Field")
	xValue       = norm.T("Waarde", "Value")
	xKind        = norm.T("Soort organisatie", "Kind of organisation")
	xEmployees   = norm.T("Medewerkers met klantcontact", "Client-facing employees")
	xManagers    = norm.T("Leidinggevenden", "Managers")
	xAnswered    = norm.T("Criteria beantwoord", "Criteria answered")
	xTotal       = norm.T("Criteria in totaal", "Criteria in total")
	xNFindings   = norm.T("Bevindingen", "Findings")
	xNCritical   = norm.T("Kritieke bevindingen", "Critical findings")
	xPeriodFrom  = norm.T("Periode van", "Period from")
	xPeriodTo    = norm.T("Periode tot en met", "Period to (inclusive)")
	xAt          = norm.T("Peilmoment (Amsterdam)", "Reference time (Amsterdam)")
	xRegister    = norm.T("Incidentregister", "Incident register")
	xTitle       = norm.T("Titel", "Title")
	xWeight      = norm.T("Gewicht", "Weight")
	xQuestion    = norm.T("Vraag", "Question")
	xCritical    = norm.T("Kritiek", "Critical")
	xClaimed     = norm.T("Antwoord (geclaimd)", "Answer (claimed)")
	xUnit        = norm.T("Eenheid", "Unit")
	xMeasuredPct = norm.T("Gemeten %", "Measured %")
	xNum         = norm.T("Gemeten aantal", "Measured count")
	xDen         = norm.T("Van", "Out of")
	xEvidence    = norm.T("Bewijsstukken", "Evidence documents")
	xExplanation = norm.T("Toelichting", "Explanation")
	xNr          = norm.T("Nr", "No")
	xCode        = norm.T("Code", "Code")
	xStake       = norm.T("Punten op het spel", "Points at stake")
	xFinding     = norm.T("Bevinding", "Finding")
	xShare       = norm.T("Gemeten aandeel", "Measured share")
	xLine        = norm.T("Regel", "Line")
	xStatus      = norm.T("Status", "Status")
	xEvaluated   = norm.T("beoordeeld", "evaluated")
	xRefused     = norm.T("geweigerd: %d problemen (zie stderr)", "refused: %d problems (see stderr)")
	xYes         = norm.T("ja", "yes")
	xNo          = norm.T("nee", "no")
	xPage        = norm.T("pagina &P van &N", "page &P of &N")
)

// kind is how a column's cells look.
type kind int

const (
	kText kind = iota // one line of text
	kWrap             // text that wraps
	kNum1             // a number to one decimal
	kInt              // a whole number
	kAny              // whatever the value is (the summary's values)
)

// xcol is one column of a table: its header, width in characters and
// kind.
type xcol struct {
	head  string
	width float64
	kind  kind
}

// A cell value is one of: nil (empty), string, int, float64, fraction (a
// share 0-1), norm.Date or time.Time (a local wall time).
type fraction float64

// format is how a value is shown: its number format.
type format int

const (
	fText format = iota
	fNum1
	fInt
	fDate
	fDateTime
	fPct
)

var numFmts = map[format]*string{fNum1: ptr("0.0"), fInt: ptr("0"), fDate: ptr("yyyy-mm-dd"), fDateTime: ptr("yyyy-mm-dd hh:mm"), fPct: ptr("0%")}

// styleKey picks a cell style: the value's format, whether it wraps, and
// whether it is aligned left (the summary's values, numbers among text).
type styleKey struct {
	format     format
	wrap, left bool
}

// styles makes the cell styles of one workbook as they are asked for.
type styles struct {
	f   *excelize.File
	ids map[styleKey]int
}

func (s *styles) id(k styleKey) (int, error) {
	if id, ok := s.ids[k]; ok {
		return id, nil
	}
	al := &excelize.Alignment{Vertical: "top", WrapText: k.wrap}
	if k.left || k.format == fText {
		// Text keeps a little distance from a number on its left, and
		// a column of mixed values lines up on the left.
		al.Horizontal, al.Indent = "left", 1
	}
	id, err := s.f.NewStyle(&excelize.Style{Alignment: al, CustomNumFmt: numFmts[k.format]})
	if err != nil {
		return 0, err
	}
	s.ids[k] = id
	return id, nil
}

// header is the style of a header row: bold on grey, wrapped, a line
// under it. The table style would do, but LibreOffice does not show
// table styles.
func (s *styles) header() (int, error) {
	return s.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Family: "Calibri", Size: 11},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "4472C4", Style: 2}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
}

// wrapLines estimates how many lines s takes in a column width wide
// (in characters), wrapping at spaces as a spreadsheet does. It errs on
// the side of one line too many: a row a little high reads better than
// one that hides its last line.
func wrapLines(s string, width float64) int {
	capacity := max(int(width*1.1)-1, 4)
	lines := 0
	for _, para := range strings.Split(s, "\n") {
		lines++
		n := 0
		for _, word := range strings.Fields(para) {
			w := utf8.RuneCountInString(word)
			switch {
			case n == 0:
				n = w
			case n+1+w <= capacity:
				n += 1 + w
			default:
				lines++
				n = w
			}
			for n > capacity { // a word longer than the column breaks anywhere
				lines++
				n -= capacity
			}
		}
	}
	return lines
}

// rowHeight is the height in points of a row of lines lines of 11-point
// text.
func rowHeight(lines int) float64 { return float64(lines)*15 + 2 }

func ptr[T any](v T) *T { return &v }

// setText is the one way a string reaches a cell: as a string (never a
// formula), and neutralised, so that a value starting with = + - @ (or a
// tab or carriage return) gets an apostrophe in front and stays text
// when the sheet is saved as CSV or a cell is edited. The View has
// already escaped control characters, which XML could not carry anyway.
func setText(f *excelize.File, sheet, cell, s string) error {
	return f.SetCellStr(sheet, cell, csvform.Neutralise(s))
}

// setValue writes one value with the style its column and type call for.
func setValue(f *excelize.File, st *styles, sheet string, col, row int, k kind, v any) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	key := styleKey{wrap: k == kWrap || k == kAny, left: k == kAny}
	switch k {
	case kNum1:
		key.format = fNum1
	case kInt:
		key.format = fInt
	}
	switch v := v.(type) {
	case nil:
	case string:
		err = setText(f, sheet, cell, v)
	case int:
		err = f.SetCellInt(sheet, cell, int64(v))
		key.format = fInt
	case float64:
		err = f.SetCellFloat(sheet, cell, v, -1, 64)
		key.format = fNum1
	case fraction:
		err = f.SetCellFloat(sheet, cell, float64(v), -1, 64)
		key.format = fPct
	case norm.Date:
		err = f.SetCellValue(sheet, cell, v.In(time.UTC))
		key.format = fDate
	case time.Time:
		// Excel has no time zones: the wall time, the zone in the header.
		err = f.SetCellValue(sheet, cell, time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), 0, time.UTC))
		key.format = fDateTime
	default:
		return fmt.Errorf("report: no cell for a %T", v)
	}
	if err != nil {
		return err
	}
	if _, ok := v.(string); ok || v == nil {
		key.format = fText
	}
	id, err := st.id(key)
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, id)
}

// frozenHeader freezes the first row.
var frozenHeader = &excelize.Panes{
	Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
	Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
}

// pageSetup prints a sheet on A4, fitted to the page width, with its
// header row on every page and a footer with the title and page numbers.
func pageSetup(f *excelize.File, sheet string, lang norm.Lang, landscape bool) error {
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: ptr(9), Orientation: &orient, FitToWidth: ptr(1), FitToHeight: ptr(0),
	}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: ptr(0.5), Right: ptr(0.5), Top: ptr(0.6), Bottom: ptr(0.6), Header: ptr(0.3), Footer: ptr(0.3),
	}); err != nil {
		return err
	}
	// The footer holds only our own words: & starts a code in a footer,
	// and an organisation's name could hold one.
	title := LabelsFor(lang).Title
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&L" + title + " – " + sheet + "&R" + xPage.In(lang),
	}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet,
	})
}

// table writes a header and rows as an Excel table with filters.
func table(f *excelize.File, st *styles, sheet string, lang norm.Lang, landscape bool, cols []xcol, rows [][]any) error {
	head, err := st.header()
	if err != nil {
		return err
	}
	headLines := 1
	for i, c := range cols {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := setText(f, sheet, cell, c.head); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell, cell, head); err != nil {
			return err
		}
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, name, name, c.width); err != nil {
			return err
		}
		headLines = max(headLines, wrapLines(c.head, c.width))
	}
	if err := f.SetRowHeight(sheet, 1, rowHeight(headLines)); err != nil {
		return err
	}
	if len(rows) == 0 {
		// A table needs a row under its header; an empty one says there
		// is nothing, rather than leaving the sheet without a table.
		rows = [][]any{{nil}}
	}
	for r, row := range rows {
		lines := 1
		for i, v := range row {
			if err := setValue(f, st, sheet, i+1, r+2, cols[i].kind, v); err != nil {
				return err
			}
			if s, ok := v.(string); ok && (cols[i].kind == kWrap || cols[i].kind == kAny) {
				lines = max(lines, wrapLines(s, cols[i].width))
			}
		}
		// Neither Excel nor LibreOffice fits a row to wrapped text when
		// it opens a file, so the rows get their height here.
		if err := f.SetRowHeight(sheet, r+2, rowHeight(lines)); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), len(rows)+1)
	if err := f.AddTable(sheet, &excelize.Table{
		Range: "A1:" + last, Name: sheet, StyleName: "TableStyleMedium2", ShowRowStripes: ptr(true),
	}); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, frozenHeader); err != nil {
		return err
	}
	return pageSetup(f, sheet, lang, landscape)
}

// WriteXLSX writes the report as a workbook for an auditor to file: a
// summary sheet, the 14 items, every criterion with its claimed and
// measured value, the findings with their next steps and, when the
// register was measured, the measured shares; each sheet one Excel table
// with filters, its header row frozen, printable on A4. Numbers are
// numbers and dates are dates; no text is ever written as a formula, and
// text that starts like one gets an apostrophe in front. The assessment
// may be nil; its comments and evidence are not written, as in the other
// formats.
func WriteXLSX(w io.Writer, rep *checklist.Report, a *checklist.Assessment, meas Measured) error {
	v := New(rep, a, meas)
	lang := v.Lang
	f := excelize.NewFile()
	defer f.Close()
	st := &styles{f: f, ids: map[styleKey]int{}}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: v.L.Title, Creator: "goedgesprek", Language: map[norm.Lang]string{norm.NL: "nl-NL", norm.EN: "en-GB"}[lang],
	}); err != nil {
		return err
	}
	summary := sheetSummary.In(lang)
	if err := f.SetSheetName("Sheet1", summary); err != nil {
		return err
	}
	sheets := []string{sheetItems.In(lang), sheetCriteria.In(lang), sheetFindings.In(lang)}
	if rep.Measured != nil {
		sheets = append(sheets, sheetMeasured.In(lang))
	}
	for _, s := range sheets {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	for _, step := range []func() error{
		func() error { return writeSummary(f, st, summary, rep, v) },
		func() error { return writeItems(f, st, sheets[0], rep, v) },
		func() error { return writeCriteria(f, st, sheets[1], rep, v) },
		func() error { return writeFindings(f, st, sheets[2], rep, v) },
		func() error {
			if rep.Measured == nil {
				return nil
			}
			return writeMeasured(f, st, sheets[3], rep, v)
		},
	} {
		if err := step(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

func writeSummary(f *excelize.File, st *styles, sheet string, rep *checklist.Report, v *View) error {
	lang, L := v.Lang, v.L
	critical := 0
	for _, fd := range rep.Findings {
		if fd.Critical {
			critical++
		}
	}
	rows := [][]any{
		{L.Organisation, v.Org},
		{xKind.In(lang), v.OrgKind},
		{xEmployees.In(lang), rep.Organisation.ClientFacingEmployees},
		{xManagers.In(lang), rep.Organisation.Managers},
		{L.Date, rep.AssessmentDate},
	}
	if v.Assessor != "" {
		rows = append(rows, []any{L.Assessor, v.Assessor})
	}
	rows = append(rows,
		[]any{L.Score, rep.Score},
		[]any{L.Rating, v.RatingLabel},
		[]any{L.Reason, v.RatingReason},
		[]any{L.Completeness, fraction(rep.Completeness)},
		[]any{xAnswered.In(lang), rep.Answered},
		[]any{xTotal.In(lang), rep.CriteriaTotal},
		[]any{xNFindings.In(lang), len(rep.Findings)},
		[]any{xNCritical.In(lang), critical},
	)
	if v.Policy != "" { // the catalogue version and the weights and thresholds applied
		label := normLabels[li(lang)].Policy
		rows = append(rows, []any{label, strings.TrimPrefix(v.Policy, label+": ")})
	}
	if m := rep.Measured; m != nil {
		rows = append(rows,
			[]any{xRegister.In(lang), v.Measured.Origin},
			[]any{xPeriodFrom.In(lang), m.Period.From},
			[]any{xPeriodTo.In(lang), m.Period.To},
			[]any{xAt.In(lang), m.At.In(cli.Amsterdam)},
			[]any{L.Incidents, m.Incidents},
			[]any{L.Overdue, v.Measured.Overdue},
		)
	}
	cols := []xcol{{xField.In(lang), 32, kText}, {xValue.In(lang), 70, kAny}}
	return table(f, st, sheet, lang, false, cols, rows)
}

func writeItems(f *excelize.File, st *styles, sheet string, rep *checklist.Report, v *View) error {
	lang, L := v.Lang, v.L
	cols := []xcol{
		{L.Item, 8, kText}, {xTitle.In(lang), 55, kWrap}, {xWeight.In(lang), 10, kNum1},
		{L.Score, 9, kNum1}, {L.Result, 20, kText},
	}
	var rows [][]any
	for i, it := range rep.Items {
		iv := v.Items[i]
		rows = append(rows, []any{iv.ID, iv.Title, it.Weight, it.Score, iv.ResultLabel})
	}
	return table(f, st, sheet, lang, false, cols, rows)
}

func writeCriteria(f *excelize.File, st *styles, sheet string, rep *checklist.Report, v *View) error {
	lang, L := v.Lang, v.L
	cols := []xcol{
		{L.Criterion, 10, kText}, {L.Item, 7, kText}, {xQuestion.In(lang), 40, kWrap},
		{xCritical.In(lang), 8, kText}, {xWeight.In(lang), 9, kNum1},
		{xClaimed.In(lang), 22, kAny}, {xUnit.In(lang), 14, kWrap},
		{xMeasuredPct.In(lang), 10, kNum1}, {xNum.In(lang), 10, kInt}, {xDen.In(lang), 7, kInt},
		{L.Result, 14, kWrap}, {xEvidence.In(lang), 15, kInt}, {xExplanation.In(lang), 50, kWrap},
	}
	catalogue := map[checklist.CriterionID]*checklist.Criterion{}
	for _, c := range checklist.Criteria() {
		catalogue[c.ID] = c
	}
	var rows [][]any
	for i, it := range rep.Items {
		for j, cr := range it.Criteria {
			cv := v.Items[i].Criteria[j]
			c := catalogue[cr.ID]
			row := []any{cv.ID, v.Items[i].ID, nil, yesNo(cr.Critical, lang), cr.Weight, nil, nil, nil, nil, nil, cv.ResultLabel, cr.Evidence, cv.Explanation}
			if c != nil {
				row[2] = c.Question.In(lang)
				row[5], row[6] = claimed(cr.Answer, c, lang)
			}
			if m := cr.Measured; m != nil {
				row[7], row[8], row[9] = m.Percent, m.Num, m.Den
			}
			rows = append(rows, row)
		}
	}
	return table(f, st, sheet, lang, true, cols, rows)
}

// claimed is an answer as a cell value and its unit: numbers as numbers,
// dates as dates, options by their labels.
func claimed(val checklist.Value, c *checklist.Criterion, lang norm.Lang) (any, any) {
	label := func(code string) string {
		for _, o := range c.Options {
			if o.Code == code {
				return o.Label.In(lang)
			}
		}
		return norm.Printable(code)
	}
	unit := func() any {
		if u := c.Unit.In(lang); u != "" {
			return u
		}
		return nil
	}
	switch c.Type {
	case checklist.TypeBool:
		if b, ok := val.AsBool(); ok {
			return yesNo(b, lang), nil
		}
	case checklist.TypePercent:
		if n, ok := val.AsNumber(); ok {
			var cell any = n
			if n == float64(int(n)) {
				cell = int(n) // 82 rather than 82.0
			}
			u := "%"
			if s := c.Unit.In(lang); s != "" {
				u += " " + s
			}
			return cell, u
		}
	case checklist.TypeCount:
		if n, ok := val.AsNumber(); ok {
			return int(n), unit()
		}
	case checklist.TypeChoice:
		if s, ok := val.AsString(); ok {
			return label(s), nil
		}
	case checklist.TypeMulti:
		if l, ok := val.AsList(); ok {
			labels := make([]string, len(l))
			for i, code := range l {
				labels[i] = label(code)
			}
			return strings.Join(labels, "; "), unit()
		}
	case checklist.TypeDate:
		if s, ok := val.AsString(); ok {
			if d, err := norm.ParseDate(s); err == nil {
				return d, nil
			}
			return norm.Printable(s), nil
		}
	}
	return nil, nil
}

func yesNo(b bool, lang norm.Lang) string {
	if b {
		return xYes.In(lang)
	}
	return xNo.In(lang)
}

func writeFindings(f *excelize.File, st *styles, sheet string, rep *checklist.Report, v *View) error {
	lang, L := v.Lang, v.L
	cols := []xcol{
		{xNr.In(lang), 5, kInt}, {xCode.In(lang), 26, kText}, {L.Criterion, 10, kText},
		{xCritical.In(lang), 8, kText}, {xStake.In(lang), 10, kNum1},
		{xFinding.In(lang), 55, kWrap}, {L.NextStep, 45, kWrap}, {L.Source, 30, kWrap}, {L.Pointer, 16, kText},
	}
	var rows [][]any
	for i, fd := range rep.Findings {
		fv := v.Findings[i]
		rows = append(rows, []any{fv.N, fv.Code, fv.Criterion, yesNo(fd.Critical, lang), fd.Stake, fv.Message, fv.NextStep, fv.Source, fv.Pointer})
	}
	if len(rows) == 0 {
		rows = [][]any{{nil, L.NoFindings}}
	}
	return table(f, st, sheet, lang, true, cols, rows)
}

func writeMeasured(f *excelize.File, st *styles, sheet string, rep *checklist.Report, v *View) error {
	lang, L := v.Lang, v.L
	m := rep.Measured
	claims := map[checklist.MeasuredShare]checklist.CriterionReport{}
	for _, it := range rep.Items {
		for _, cr := range it.Criteria {
			if cr.Measured != nil {
				claims[cr.Measured.Share] = cr
			}
		}
	}
	cols := []xcol{
		{xShare.In(lang), 38, kWrap}, {xNum.In(lang), 11, kInt}, {xDen.In(lang), 8, kInt},
		{L.MeasuredCol, 11, kText}, {L.Claimed, 11, kText}, {L.Criterion, 10, kText}, {L.Result, 16, kText},
	}
	shares := []struct {
		label string
		s     followup.Share
		share checklist.MeasuredShare
	}{
		{L.Reactions48h, m.Reactions48h, checklist.MeasuredReactions48h},
		{L.Police, m.PoliceReports, ""},
		{L.Aftercare, m.AftercareOnTime, checklist.MeasuredAftercareOnTime},
		{L.FollowUp, m.FollowUpContact, ""},
		{L.CauseAnalysis, m.CauseAnalysis, checklist.MeasuredCauseAnalysis},
	}
	var rows [][]any
	for _, x := range shares {
		row := []any{x.label, x.s.Num, x.s.Den, L.Unknown, nil, nil, nil}
		if x.s.Known() {
			row[3] = fraction(float64(x.s.Num) / float64(x.s.Den))
		}
		if cr, ok := claims[x.share]; ok && x.share != "" {
			row[4] = fraction(cr.Measured.Claimed / 100)
			row[5] = string(cr.ID)
			row[6] = resultLabels[cr.Result].In(lang)
		}
		rows = append(rows, row)
	}
	return table(f, st, sheet, lang, false, cols, rows)
}
