package csvform

import (
	"encoding/csv"
	"io"
)

// Writer writes CSV records with every cell passed through Neutralise, so
// that no cell reaches a spreadsheet program as a formula.
type Writer struct {
	cw  *csv.Writer
	rec []string
}

// NewWriter writes CSV to w with the separator comma (',' when 0).
func NewWriter(w io.Writer, comma rune) *Writer {
	cw := csv.NewWriter(w)
	if comma != 0 {
		cw.Comma = comma
	}
	return &Writer{cw: cw}
}

// Write writes one record; rec itself is left as it is.
func (w *Writer) Write(rec []string) error {
	w.rec = w.rec[:0]
	for _, c := range rec {
		w.rec = append(w.rec, Neutralise(c))
	}
	return w.cw.Write(w.rec)
}

// Flush writes what is buffered and returns the first error of any Write
// or of the flush.
func (w *Writer) Flush() error {
	w.cw.Flush()
	return w.cw.Error()
}
