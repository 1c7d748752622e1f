package csvform

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/goedgesprek/goedgesprek/norm"
)

// The default limits. The widest file of the library has 19 columns and a
// row with every free-text field full is about 30 KB, so both leave ample
// room while keeping hostile input cheap to refuse.
const (
	DefaultMaxColumns     = 64
	DefaultMaxRecordBytes = 256 << 10
)

// Limits bound what a Reader reads. A zero field takes its default; a
// zero MaxBytes means no limit on the whole input.
type Limits struct {
	MaxBytes       int64 // the whole input, in bytes
	MaxColumns     int   // fields in one record
	MaxRecordBytes int   // bytes in one record, quoted line breaks included
}

func (l Limits) maxColumns() int {
	if l.MaxColumns <= 0 {
		return DefaultMaxColumns
	}
	return l.MaxColumns
}

func (l Limits) maxRecordBytes() int {
	if l.MaxRecordBytes <= 0 {
		return DefaultMaxRecordBytes
	}
	return l.MaxRecordBytes
}

// sniffBytes is how much of the header line the separator is taken from.
const sniffBytes = 64 << 10

// RecordError is a record that could not be read: not valid CSV, or over
// a limit. Its Problem names the row (the header is row 1; Row 0 for the
// size of the whole input). Reading stops at the first one.
type RecordError struct {
	Problem norm.Problem
}

func (e *RecordError) Error() string { return "csvform: " + e.Problem.In(norm.EN) }

// Reader reads records from a CSV file. Create it with NewReader.
type Reader struct {
	src   *bufio.Reader
	lim   Limits
	comma rune
	g     *guard
	cr    *csv.Reader
	row   int
	err   error
}

// NewReader reads CSV from r within lim. comma is the separator (',', ';'
// or '\t'); 0 takes it from the header line.
func NewReader(r io.Reader, comma rune, lim Limits) *Reader {
	if comma != ',' && comma != ';' && comma != '\t' {
		comma = 0
	}
	return &Reader{src: bufio.NewReaderSize(r, sniffBytes), lim: lim, comma: comma}
}

// Comma is the separator: the one given, or after the first Read the one
// found in the header line.
func (r *Reader) Comma() rune { return r.comma }

// Row is the row of the record Read returned last, or of its error (the
// header is row 1; blank lines do not count).
func (r *Reader) Row() int { return r.row }

// Read returns the next record, with every cell passed through Restore.
// At the end of the input it returns io.EOF; a record that is not valid
// CSV or breaks a limit gives a *RecordError; an error of the underlying
// reader comes back as it is. After an error every call returns it again.
func (r *Reader) Read() ([]string, error) {
	if r.err != nil {
		return nil, r.err
	}
	if r.cr == nil {
		if err := r.start(); err != nil {
			r.err = err
			return nil, err
		}
	}
	rec, err := r.cr.Read()
	switch {
	case err != nil && r.g.why != 0:
		// Checked first: encoding/csv hands back the partial record with
		// the guard's error, or a parse error on the cut-off bytes. (The
		// guard may have stopped while encoding/csv read ahead: records
		// that came back whole before it are good.)
		r.row++
		r.err = &RecordError{Problem: r.g.problem(r.row)}
		return nil, r.err
	case err == io.EOF:
		r.err = err
		return nil, err
	case err != nil:
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			r.row++
			err = &RecordError{Problem: norm.Problem{Row: r.row, Code: norm.CodeSyntax, Message: norm.Textf(
				"geen geldige CSV op regel %d, teken %d: %v", "not valid CSV at line %d, character %d: %v",
				pe.Line, pe.Column, pe.Err)}}
		}
		r.err = err
		return nil, err
	}
	r.row++
	for i, c := range rec {
		rec[i] = Restore(c)
	}
	return rec, nil
}

// start skips a byte order mark, picks the separator and sets up the
// guarded csv.Reader.
func (r *Reader) start() error {
	head, err := r.src.Peek(3)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return err
	}
	if bytes.HasPrefix(head, []byte("\ufeff")) {
		r.src.Discard(3)
	}
	if r.comma == 0 {
		// Peek at most what is there: a short file gives io.EOF here.
		buf, err := r.src.Peek(sniffBytes)
		if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
			return err
		}
		r.comma = Sniff(buf)
	}
	r.g = &guard{
		r:        r.src,
		comma:    byte(r.comma),
		maxCols:  r.lim.maxColumns(),
		maxRec:   r.lim.maxRecordBytes(),
		maxBytes: r.lim.MaxBytes,
		cols:     1,
	}
	r.cr = csv.NewReader(r.g)
	r.cr.Comma = r.comma
	r.cr.FieldsPerRecord = -1 // the readers check field counts per row
	return nil
}

// Sniff picks ',', ';' or tab, whichever the first line of head holds most
// of outside quotes; ',' when it holds none.
func Sniff(head []byte) rune {
	var comma, semi, tab int
	quoted := false
	for _, b := range head {
		if b == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if b == '\n' || b == '\r' {
			break
		}
		switch b {
		case ',':
			comma++
		case ';':
			semi++
		case '\t':
			tab++
		}
	}
	switch {
	case semi > comma && semi >= tab:
		return ';'
	case tab > comma && tab > semi:
		return '\t'
	}
	return ','
}

// guard counts the bytes of the input as encoding/csv reads them, and
// stops the read before a record gets too wide or too long, so that such a
// record is never built.
type guard struct {
	r        io.Reader
	comma    byte
	maxCols  int
	maxRec   int
	maxBytes int64

	total    int64
	recBytes int
	cols     int // fields so far in the current record
	quoted   bool
	line     int // line breaks seen so far
	recLine  int // the line the current record starts on
	why      limit
}

// limit is the limit a guard stopped at.
type limit int

const (
	_ limit = iota
	limitBytes
	limitColumns
	limitRecord
)

var errLimit = errors.New("csvform: limit reached")

func (g *guard) Read(p []byte) (int, error) {
	if g.why != 0 {
		return 0, errLimit
	}
	n, err := g.r.Read(p)
	for i := range n {
		b := p[i]
		g.total++
		g.recBytes++
		switch {
		case b == '"':
			g.quoted = !g.quoted
		case b == '\n':
			g.line++
			if !g.quoted {
				g.recBytes, g.cols, g.recLine = 0, 1, g.line
			}
		case b == g.comma && !g.quoted:
			g.cols++
		}
		switch {
		case g.maxBytes > 0 && g.total > g.maxBytes:
			g.why = limitBytes
		case g.cols > g.maxCols:
			g.why = limitColumns
		case g.recBytes > g.maxRec:
			g.why = limitRecord
		default:
			continue
		}
		return i, errLimit
	}
	return n, err
}

// problem describes why the guard stopped, for the record at row.
func (g *guard) problem(row int) norm.Problem {
	line := g.recLine + 1
	switch g.why {
	case limitBytes:
		return norm.Problem{Code: norm.CodeTooLarge, Message: norm.Textf(
			"het bestand is groter dan %d bytes", "the file is larger than %d bytes", g.maxBytes)}
	case limitColumns:
		return norm.Problem{Row: row, Code: norm.CodeTooLarge, Message: norm.Textf(
			"meer dan %d kolommen (regel %d): is dit wel het goede bestand?",
			"more than %d columns (line %d): is this the right file?", g.maxCols, line)}
	}
	return norm.Problem{Row: row, Code: norm.CodeTooLarge, Message: norm.Textf(
		"rij langer dan %d bytes (vanaf regel %d): staat er een aanhalingsteken te veel?",
		"row longer than %d bytes (from line %d): is there a stray quote?", g.maxRec, line)}
}

// Fit makes a record as wide as the header when only empty cells make the
// difference, as spreadsheet programs leave them: empty cells past the
// header are dropped, and a record that stops early gets empty cells for
// trailing header columns that have no name. ok is false when the widths
// still differ.
func Fit(rec, header []string) ([]string, bool) {
	for len(rec) > len(header) && strings.TrimSpace(rec[len(rec)-1]) == "" {
		rec = rec[:len(rec)-1]
	}
	if len(rec) > len(header) {
		return rec, false
	}
	for _, h := range header[len(rec):] {
		if strings.TrimSpace(h) != "" {
			return rec, false
		}
	}
	for len(rec) < len(header) {
		rec = append(rec, "")
	}
	return rec, true
}
