package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

const readOp = "workbook.Read"

// The default limits of Read. A filled-in workbook is about 30 KiB, and
// 200 KiB unpacked; one saved by LibreOffice or Excel a little more.
const (
	DefaultMaxBytes    = 4 << 20  // the file itself
	DefaultMaxUnzipped = 32 << 20 // all its parts unpacked, together
	maxParts           = 256      // files inside the zip
)

// Limits bound what Read takes in. Zero fields keep the defaults.
type Limits struct {
	MaxBytes    int64 // the workbook file
	MaxUnzipped int64 // its parts unpacked, together
}

// Read reads a filled-in workbook from r and returns the assessment, or
// the zero Assessment and a *[norm.Error] (Op "workbook.Read").
//
// The workbook must be one that [Write] made (the hidden sheet says so,
// with its format version), with its sheets and columns where Write put
// them; it may have been saved by Excel or LibreOffice since. Its values
// become a JSON document that [checklist.DecodeAssessment] decodes with
// all its rules, so a workbook is held to exactly what a JSON assessment
// is. Each problem carries the JSON pointer and, in Cell, the sheet and
// cell it came from ("Antwoorden!D14").
//
// Labels are read back in either language, whatever the workbook's
// language, ignoring case and spaces around and between words; an option
// code is taken too. Dates may be date cells or text (2026-03-31 or
// 31-03-2026). A cell holding a formula is refused, never evaluated. The
// file is refused before it is unpacked when it is larger than
// lim.MaxBytes, or when its parts would unpack to more than
// lim.MaxUnzipped.
func Read(r io.Reader, lim Limits) (a checklist.Assessment, err error) {
	// excelize is not ours: should it panic on a workbook it cannot
	// handle, the workbook is refused like any other unreadable file.
	defer func() {
		if v := recover(); v != nil {
			a, err = fail(notOurs(norm.T("het werkboek is onleesbaar", "the workbook cannot be read")))
		}
	}()
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = DefaultMaxBytes
	}
	if lim.MaxUnzipped <= 0 {
		lim.MaxUnzipped = DefaultMaxUnzipped
	}
	b, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return checklist.Assessment{}, err
	}
	if int64(len(b)) > lim.MaxBytes {
		return fail(norm.Problem{Code: norm.CodeTooLarge, Message: norm.Textf(
			"het werkboek is groter dan %d bytes", "the workbook is larger than %d bytes", lim.MaxBytes)})
	}
	if p, ok := checkZip(b, lim.MaxUnzipped); !ok {
		return fail(p)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{
		UnzipSizeLimit:    lim.MaxUnzipped,
		UnzipXMLSizeLimit: lim.MaxUnzipped, // keep every part in memory: no temporary files
	})
	if err != nil {
		return fail(notOurs(norm.T("het bestand is geen leesbaar xlsx-werkboek", "the file is not a readable xlsx workbook")))
	}
	defer f.Close()
	rd := &reader{f: f, cells: map[string]string{}}
	return rd.read()
}

// fail returns the zero assessment and an error with these problems.
func fail(probs ...norm.Problem) (checklist.Assessment, error) {
	return checklist.Assessment{}, norm.NewError(readOp, probs)
}

var errNotOurs = norm.T("gebruik een werkboek dat met goedgesprek is gemaakt (go run ./examples/schema -doc assessment -format xlsx)",
	"use a workbook made by goedgesprek (go run ./examples/schema -doc assessment -format xlsx)")

func notOurs(why norm.Text) norm.Problem {
	return norm.Problem{Code: norm.CodeSyntax, Message: norm.T(why.NL+"; "+errNotOurs.NL, why.EN+"; "+errNotOurs.EN)}
}

// checkZip checks the zip's directory before anything is unpacked: it
// must be a zip with a workbook part, no more than maxParts parts, whose
// sizes as declared add up to at most max. archive/zip refuses a part
// that unpacks to more than it declared, so the declared sizes bound the
// memory excelize uses.
func checkZip(b []byte, max int64) (norm.Problem, bool) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return notOurs(norm.T("het bestand is geen xlsx-werkboek (geen zip)", "the file is not an xlsx workbook (not a zip)")), false
	}
	if len(zr.File) > maxParts {
		return norm.Problem{Code: norm.CodeTooLarge, Message: norm.Textf(
			"het werkboek bestaat uit %d delen, meer dan %d", "the workbook has %d parts, more than %d", len(zr.File), maxParts)}, false
	}
	var total uint64
	workbook := false
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if zf.UncompressedSize64 > uint64(max) || total > uint64(max) {
			return norm.Problem{Code: norm.CodeTooLarge, Message: norm.Textf(
				"het werkboek pakt uit tot meer dan %d bytes", "the workbook unpacks to more than %d bytes", max)}, false
		}
		if strings.EqualFold(zf.Name, "xl/workbook.xml") {
			workbook = true
		}
	}
	if !workbook {
		return notOurs(norm.T("het zip-bestand bevat geen werkboek", "the zip file holds no workbook")), false
	}
	return norm.Problem{}, true
}

// reader turns one workbook into a JSON document, noting for every value
// the cell it came from.
type reader struct {
	f      *excelize.File
	lang   norm.Lang
	names  sheetNames
	date04 bool
	probs  []norm.Problem
	cells  map[string]string // JSON pointer -> "Sheet!A1"
}

func (rd *reader) read() (checklist.Assessment, error) {
	if p, ok := rd.checkMeta(); !ok {
		return fail(p)
	}
	if probs := rd.checkLayout(); probs != nil {
		return fail(probs...)
	}
	// The organisation and the assessor are always there, if empty, so
	// that a field left blank is reported at its own cell.
	doc := map[string]any{"version": checklist.AssessmentVersion, "organisation": map[string]any{}, "assessor": map[string]any{}}
	rd.readOrg(doc)
	rd.readAnswers(doc)
	b, err := json.Marshal(doc)
	if err != nil {
		return checklist.Assessment{}, err
	}
	a, err := checklist.DecodeAssessment(bytes.NewReader(b), checklist.WithLimits(form.Limits{MaxBytes: 4 * DefaultMaxUnzipped}))
	var ne *norm.Error
	switch {
	case err == nil && rd.probs == nil:
		return a, nil
	case err != nil && !errors.As(err, &ne):
		return checklist.Assessment{}, err
	}
	probs := rd.probs
	if ne != nil {
		// A value the reader refused was left out of the document, and
		// the decoder may then call it missing: the reader's problem
		// says more, so the decoder's at the same place is dropped.
		refused := map[string]bool{}
		for _, p := range rd.probs {
			refused[p.Pointer] = true
		}
		for _, p := range ne.Problems {
			if refused[p.Pointer] && p.Code == norm.CodeRequired {
				continue
			}
			p.Cell = rd.cellOf(p.Pointer)
			probs = append(probs, p)
		}
	}
	slices.SortStableFunc(probs, func(a, b norm.Problem) int {
		if c := form.ComparePointers(a.Pointer, b.Pointer); c != 0 {
			return c
		}
		return strings.Compare(string(a.Code), string(b.Code))
	})
	return fail(probs...)
}

// cellOf finds the cell of a pointer, or of the nearest value above it.
func (rd *reader) cellOf(ptr string) string {
	for {
		if c, ok := rd.cells[ptr]; ok {
			return c
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return ""
		}
		ptr = ptr[:i]
	}
}

// checkMeta finds the hidden sheet and reads the format version and the
// language from it.
func (rd *reader) checkMeta() (norm.Problem, bool) {
	if idx, err := rd.f.GetSheetIndex(metaSheet); err != nil || idx < 0 {
		return notOurs(norm.T("het werkboek mist het verborgen blad van goedgesprek", "the workbook lacks goedgesprek's hidden sheet")), false
	}
	m, _ := rd.f.GetCellValue(metaSheet, "A1", excelize.Options{RawCellValue: true})
	v, _ := rd.f.GetCellValue(metaSheet, "B1", excelize.Options{RawCellValue: true})
	l, _ := rd.f.GetCellValue(metaSheet, "B2", excelize.Options{RawCellValue: true})
	if m != marker {
		return notOurs(norm.T("het verborgen blad is niet van goedgesprek", "the hidden sheet is not goedgesprek's")), false
	}
	if v != FormatVersion {
		return norm.Problem{Cell: metaSheet + "!B1", Code: norm.CodeSchema, Message: norm.Textf(
			"het werkboek heeft opmaakversie %q; deze versie leest alleen versie %s", "the workbook has format version %q; this version reads only version %s",
			clip(v), FormatVersion)}, false
	}
	switch norm.Lang(l) {
	case norm.NL, norm.EN:
		rd.lang = norm.Lang(l)
	default:
		return norm.Problem{Cell: metaSheet + "!B2", Code: norm.CodeSchema, Message: norm.Textf(
			"onbekende taal %q in het verborgen blad", "unknown language %q in the hidden sheet", clip(l))}, false
	}
	rd.names = namesIn(rd.lang)
	if props, err := rd.f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		rd.date04 = *props.Date1904
	}
	return norm.Problem{}, true
}

// checkLayout checks that both sheets are there under their names and
// that every header, item, criterion and option is where Write put it:
// a sheet renamed, a column moved or a row inserted would otherwise put
// an answer under the wrong question without anyone noticing.
func (rd *reader) checkLayout() []norm.Problem {
	var probs []norm.Problem
	for _, s := range []string{rd.names.org, rd.names.answers} {
		if idx, err := rd.f.GetSheetIndex(s); err != nil || idx < 0 {
			probs = append(probs, norm.Problem{Cell: s, Code: norm.CodeSchema, Message: norm.Textf(
				"het blad %q ontbreekt; is het hernoemd? Geef het zijn naam terug", "the sheet %q is missing; was it renamed? Give it its name back", s)})
		}
	}
	if probs != nil {
		return probs
	}
	expect := func(sheet, col string, row int, want string) {
		got := rd.text(sheet, col, row)
		if norm1(got) != norm1(want) {
			probs = append(probs, norm.Problem{Cell: cellRef(sheet, col, row), Code: norm.CodeSchema, Message: norm.Textf(
				"hier hoort %q te staan, niet %q: zijn kolommen of rijen verplaatst? Gebruik een nieuw werkboek en neem de antwoorden over",
				"this cell should read %q, not %q: were columns or rows moved? Use a fresh workbook and copy the answers over",
				clip(want), clip(got))})
		}
	}
	for i, h := range orgHeaders {
		col, _ := excelize.ColumnNumberToName(i + 1)
		expect(rd.names.org, col, 1, h.In(rd.lang))
	}
	for i, fd := range orgFields {
		expect(rd.names.org, "A", i+2, fd.label.In(rd.lang))
	}
	for i, h := range answerHeaders {
		expect(rd.names.answers, answerColumns[i], 1, h.In(rd.lang))
	}
	for i, lr := range answerLayout() {
		switch lr.kind {
		case rowItem:
			expect(rd.names.answers, colID, i+2, string(lr.item.ID))
		case rowCriterion:
			expect(rd.names.answers, colID, i+2, string(lr.crit.ID))
		case rowOption:
			expect(rd.names.answers, colQuestion, i+2, lr.crit.Options[lr.opt].Label.In(rd.lang))
		}
		if len(probs) >= 5 {
			break // the sheet is not what we wrote: five cells say so
		}
	}
	return probs
}

// text reads a cell as text, whatever it holds (for the layout check).
func (rd *reader) text(sheet, col string, row int) string {
	v, _ := rd.f.GetCellValue(sheet, col+strconv.Itoa(row), excelize.Options{RawCellValue: true})
	return v
}

// cell is what one answer cell holds.
type cell struct {
	ref    string // "Antwoorden!D14"
	raw    string // the stored value ("46112" for a date cell)
	number bool   // stored as a number (or a date or bool cell)
	isBool bool
	// shownAsPercent: the cell's number format shows a % sign, so the
	// stored 0.82 is the 82% the person typed and sees.
	shownAsPercent bool
}

// get reads one cell for the value at ptr. It refuses a formula, and
// notes the cell of ptr. ok is false when the cell is empty or refused.
func (rd *reader) get(sheet, col string, row int, ptr string) (cell, bool) {
	ref := col + strconv.Itoa(row)
	c := cell{ref: cellRef(sheet, col, row)}
	rd.cells[ptr] = c.ref
	if fm, err := rd.f.GetCellFormula(sheet, ref); err == nil && fm != "" {
		rd.problem(c, ptr, norm.CodeType, norm.T(
			"deze cel bevat een formule; typ de waarde zelf in (formules worden niet uitgerekend)",
			"this cell holds a formula; type the value itself (formulas are not calculated)"))
		return c, false
	}
	t, err := rd.f.GetCellType(sheet, ref)
	if err != nil {
		return c, false
	}
	v, err := rd.f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		rd.problem(c, ptr, norm.CodeSyntax, norm.T("deze cel is onleesbaar", "this cell cannot be read"))
		return c, false
	}
	switch t {
	case excelize.CellTypeFormula, excelize.CellTypeError:
		rd.problem(c, ptr, norm.CodeType, norm.T(
			"deze cel bevat een formule of een fout; typ de waarde zelf in",
			"this cell holds a formula or an error; type the value itself"))
		return c, false
	case excelize.CellTypeBool:
		c.isBool, c.number = true, true
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
		c.number = v != ""
		c.shownAsPercent = c.number && rd.percentFormat(sheet, ref)
	case excelize.CellTypeDate:
		// An ISO 8601 date cell ("d"), as some programs write.
		if len(v) >= 10 {
			v = v[:10]
		}
	}
	c.raw = v
	if strings.TrimSpace(v) == "" {
		return c, false
	}
	return c, true
}

// refused reports whether a problem was noted for this cell.
func (rd *reader) refused(ref string) bool {
	for _, p := range rd.probs {
		if p.Cell == ref {
			return true
		}
	}
	return false
}

// percentFormat reports whether a cell's number format shows a number
// as a percentage: Excel and LibreOffice store "82%" typed into a cell
// as 0.82 and give the cell such a format.
func (rd *reader) percentFormat(sheet, ref string) bool {
	id, err := rd.f.GetCellStyle(sheet, ref)
	if err != nil || id == 0 {
		return false
	}
	st, err := rd.f.GetStyle(id)
	if err != nil || st == nil {
		return false
	}
	if st.NumFmt == 9 || st.NumFmt == 10 { // 0% and 0.00%
		return true
	}
	return st.CustomNumFmt != nil && strings.Contains(strings.ReplaceAll(*st.CustomNumFmt, `"%"`, ""), "%")
}

func (rd *reader) problem(c cell, ptr string, code norm.ProblemCode, msg norm.Text) {
	rd.probs = append(rd.probs, norm.Problem{Pointer: ptr, Cell: c.ref, Code: code, Message: msg})
}

// set puts v at the path in doc, making the objects on the way.
func set(doc map[string]any, path []string, v any) {
	for _, k := range path[:len(path)-1] {
		next, ok := doc[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			doc[k] = next
		}
		doc = next
	}
	doc[path[len(path)-1]] = v
}

func (rd *reader) readOrg(doc map[string]any) {
	sheet := rd.names.org
	for i, fd := range orgFields {
		ptr := norm.Pointer(fd.path...)
		c, ok := rd.get(sheet, "B", i+2, ptr)
		if !ok {
			continue
		}
		var v any
		switch fd.kind {
		case fieldText:
			v = c.raw
		case fieldKind_:
			v, ok = rd.kind(c, ptr)
		case fieldCount:
			v, ok = rd.number(c, ptr, false)
		case fieldDate:
			v, ok = rd.date(c, ptr)
		}
		if ok {
			set(doc, fd.path, v)
		}
	}
}

func (rd *reader) readAnswers(doc map[string]any) {
	sheet := rd.names.answers
	answers := map[string]any{}
	multi := map[checklist.CriterionID][]string{}
	multiSeen := map[checklist.CriterionID]bool{}
	for i, lr := range answerLayout() {
		row := i + 2
		switch lr.kind {
		case rowCriterion:
			c := lr.crit
			id := string(c.ID)
			ans := map[string]any{}
			base := norm.Pointer("answers", id)
			rd.cells[base] = cellRef(sheet, colAnswer, row)
			if c.Type != checklist.TypeMulti {
				ptr := base + "/value"
				if cl, ok := rd.get(sheet, colAnswer, row, ptr); ok {
					if v, ok := rd.value(c, cl, ptr); ok {
						ans["value"] = v
					}
				}
			}
			if cl, ok := rd.get(sheet, colComment, row, base+"/comment"); ok {
				ans["comment"] = cl.raw
			}
			ev := map[string]any{}
			evp := base + "/evidence/0"
			rd.cells[base+"/evidence"] = cellRef(sheet, colEvTitle, row)
			rd.cells[evp] = cellRef(sheet, colEvTitle, row)
			if cl, ok := rd.get(sheet, colEvTitle, row, evp+"/title"); ok {
				ev["title"] = cl.raw
			}
			if cl, ok := rd.get(sheet, colEvRef, row, evp+"/reference"); ok {
				ev["reference"] = cl.raw
			}
			if cl, ok := rd.get(sheet, colEvDate, row, evp+"/date"); ok {
				if d, ok := rd.date(cl, evp+"/date"); ok {
					ev["date"] = d
				}
			}
			if len(ev) > 0 {
				ans["evidence"] = []any{ev}
			}
			if len(ans) > 0 {
				answers[id] = ans
			}
		case rowOption:
			c := lr.crit
			o := c.Options[lr.opt]
			// Every option row answers part of the value; a problem with
			// the value as a whole names the first option's cell.
			ptr := norm.Pointer("answers", string(c.ID), "value")
			cl, ok := rd.get(sheet, colAnswer, row, ptr)
			rd.cells[ptr] = cellRef(sheet, colAnswer, row-lr.opt)
			if !ok {
				if rd.refused(cl.ref) {
					multiSeen[c.ID] = true
				}
				continue
			}
			multiSeen[c.ID] = true // answered, even if wrongly: not "unanswered"
			yes, ok := rd.yesNo(cl, ptr)
			if ok && yes {
				rd.cells[ptr+"/"+strconv.Itoa(len(multi[c.ID]))] = cl.ref
				multi[c.ID] = append(multi[c.ID], o.Code)
			}
		}
	}
	// A multi-choice criterion is answered once any of its options is
	// marked yes or no; all "no" is the empty list.
	for id := range multiSeen {
		ans, _ := answers[string(id)].(map[string]any)
		if ans == nil {
			ans = map[string]any{}
			answers[string(id)] = ans
		}
		list := []any{}
		for _, code := range multi[id] {
			list = append(list, code)
		}
		ans["value"] = list
	}
	if len(answers) > 0 {
		doc["answers"] = answers
	}
}

// value turns an answer cell into the JSON value of the criterion.
func (rd *reader) value(c *checklist.Criterion, cl cell, ptr string) (any, bool) {
	switch c.Type {
	case checklist.TypeBool:
		return rd.yesNo(cl, ptr)
	case checklist.TypeChoice:
		return rd.choice(c, cl, ptr)
	case checklist.TypePercent:
		return rd.number(cl, ptr, true)
	case checklist.TypeCount:
		return rd.number(cl, ptr, false)
	case checklist.TypeDate:
		return rd.date(cl, ptr)
	}
	return nil, false
}

// norm1 folds a label for matching: case, and spaces around and between
// words, do not count.
func norm1(s string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " "))
}

// match finds the code whose label (in either language) or code is s.
func match(s string, codes []string, labels []norm.Text) (string, bool) {
	k := norm1(s)
	for i, code := range codes {
		if k == norm1(labels[i].NL) || k == norm1(labels[i].EN) || k == norm1(code) {
			return code, true
		}
	}
	return "", false
}

// allowed lists labels for a message, in one language.
func allowed(labels []norm.Text) norm.Text {
	nl := make([]string, len(labels))
	en := make([]string, len(labels))
	for i, l := range labels {
		nl[i], en[i] = strconv.Quote(l.NL), strconv.Quote(l.EN)
	}
	return norm.T(strings.Join(nl, ", "), strings.Join(en, ", "))
}

func (rd *reader) enumProblem(cl cell, ptr string, labels []norm.Text) {
	list := allowed(labels)
	rd.problem(cl, ptr, norm.CodeEnum, norm.T(fmt.Sprintf("%q staat niet in de lijst; kies uit %s", clip(cl.raw), list.NL),
		fmt.Sprintf("%q is not in the list; choose from %s", clip(cl.raw), list.EN)))
}

func (rd *reader) yesNo(cl cell, ptr string) (bool, bool) {
	if cl.isBool {
		return cl.raw == "1" || strings.EqualFold(cl.raw, "true"), true
	}
	code, ok := match(cl.raw, []string{"true", "false"}, yesNo[:])
	if !ok {
		rd.enumProblem(cl, ptr, yesNo[:])
		return false, false
	}
	return code == "true", true
}

func (rd *reader) choice(c *checklist.Criterion, cl cell, ptr string) (any, bool) {
	codes := make([]string, len(c.Options))
	labels := make([]norm.Text, len(c.Options))
	for i, o := range c.Options {
		codes[i], labels[i] = o.Code, o.Label
	}
	code, ok := match(cl.raw, codes, labels)
	if !ok {
		rd.enumProblem(cl, ptr, labels)
		return nil, false
	}
	return code, true
}

func (rd *reader) kind(cl cell, ptr string) (any, bool) {
	var codes []string
	var labels []norm.Text
	for _, k := range checklist.OrgKinds() {
		codes = append(codes, string(k))
		labels = append(labels, kindLabels[k])
	}
	code, ok := match(cl.raw, codes, labels)
	if !ok {
		rd.enumProblem(cl, ptr, labels)
		return nil, false
	}
	return code, true
}

// number reads a number cell, or a number typed as text (with a decimal
// comma, and for a percentage with a % sign). Whether it must be whole
// and in range is the schema's to say.
func (rd *reader) number(cl cell, ptr string, percent bool) (any, bool) {
	s := strings.TrimSpace(cl.raw)
	if !cl.number || cl.isBool {
		if percent {
			s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
		}
		if !strings.Contains(s, ".") {
			s = strings.Replace(s, ",", ".", 1)
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || cl.isBool {
		rd.problem(cl, ptr, norm.CodeType, norm.Textf("verwacht een getal, maar de cel bevat %q", "expected a number, but the cell holds %q", clip(cl.raw)))
		return nil, false
	}
	if percent && cl.shownAsPercent {
		// 0.82 shown as 82%: the answer is 82. Twelve significant
		// digits undo the binary fraction (0.57*100 is 56.99999…).
		f, _ = strconv.ParseFloat(strconv.FormatFloat(f*100, 'g', 12, 64), 64)
	}
	return json.Number(strconv.FormatFloat(f, 'f', -1, 64)), true
}

// date reads a date cell (a serial day number) or a date typed as text.
// Text that is not a date is passed on as typed, for the schema to refuse
// with its own message.
func (rd *reader) date(cl cell, ptr string) (any, bool) {
	s := strings.TrimSpace(cl.raw)
	if cl.number && !cl.isBool {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f < 1 || f > maxSerial || f != math.Trunc(f) {
			rd.problem(cl, ptr, norm.CodeType, norm.Textf("verwacht een datum, maar de cel bevat het getal %s", "expected a date, but the cell holds the number %s", clip(s)))
			return nil, false
		}
		t, err := excelize.ExcelDateToTime(f, rd.date04)
		if err != nil {
			rd.problem(cl, ptr, norm.CodeType, norm.Textf("verwacht een datum, maar de cel bevat het getal %s", "expected a date, but the cell holds the number %s", clip(s)))
			return nil, false
		}
		return t.Format(time.DateOnly), true
	}
	// 31-03-2026 or 31/03/2026, as Dutch people write a date.
	for _, layout := range []string{"2-1-2006", "2/1/2006", "02-01-2006", "02/01/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return s, true
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
