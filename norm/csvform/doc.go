// Package csvform reads and writes the CSV files of the library (the
// incident register, the follow-up actions) the way spreadsheet programs
// write and read them, and keeps hostile files cheap to refuse.
//
// It is the shared plumbing under incident.ReadCSV and
// followup.ReadActionsCSV and their writers, as [form] is for JSON.
//
// # Reading what Excel writes
//
// [NewReader] takes the separator from the header line when none is given:
// ',', ';' (what a Dutch Excel writes) or a tab, whichever the first line
// holds most of outside quotes. A UTF-8 byte order mark before the header,
// quoted or not, is skipped; CRLF and LF line ends are both fine; blank
// lines are skipped. A record keeps every field; [Fit] then drops the
// empty cells past the header and fills in the empty columns without a
// name that some rows leave out.
//
// # Limits
//
// A header line of eight million commas is one record of eight million
// fields to encoding/csv. The Reader counts as the bytes stream in, before
// any record is built: a record with more than [Limits].MaxColumns fields
// ([DefaultMaxColumns]), a record longer than MaxRecordBytes
// ([DefaultMaxRecordBytes]) or an input longer than MaxBytes stops reading
// with a [*RecordError] naming the row. Memory stays within a few times
// MaxRecordBytes, whatever the input.
//
// # Formulas
//
// A cell that starts with = + - @, a tab or a carriage return is a formula
// to a spreadsheet program: =HYPERLINK(...) or a DDE call can run on the
// computer of whoever opens an export. [Writer] writes every cell through
// [Neutralise], which puts an apostrophe in front of such a cell (plain
// numbers such as -5 excepted); the Reader removes it again with
// [Restore], so that a file written here reads back to the same values.
// [FormulaLike] lets a reader refuse such a value where an ID or code is
// expected.
//
// [form]: https://pkg.go.dev/github.com/goedgesprek/goedgesprek/norm/form
package csvform
