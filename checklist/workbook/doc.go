// Package workbook writes the self-assessment as an xlsx workbook that
// policy staff fill in with Excel or LibreOffice, and reads it back into a
// [checklist.Assessment] with the same strict rules as a JSON document.
//
// # Layout
//
// [Write] makes, in Dutch or English:
//
//   - "Organisatie" ("Organisation"): one row per field (name, kind,
//     client-facing employees, managers, assessment date, assessor
//     reference and role), the value in column B, help in column C.
//   - "Antwoorden" ("Answers"): a header row, then per item a heading row
//     (ID and title) and per criterion one row: A number, B question,
//     C help, D answer, E unit, F comment, G–I evidence (title, reference,
//     date). A multi-choice criterion is followed by one row per option,
//     each with a yes/no answer in column D: every answer sits in one
//     column, and GG11-1's twenty options do not make the sheet twenty
//     columns wider.
//   - a very hidden sheet "goedgesprek" holding a marker, the format
//     version ([FormatVersion]), the language and the drop-down lists.
//
// Answer cells check what the schema checks (drop-downs of the option
// labels, whole numbers of at least 0, percentages from 0 to 100, dates);
// every other cell is locked (without a password: the lock prevents
// accidents, the reader checks the layout). The sheets print on A4
// landscape, one page wide, with the header row on every page.
//
// # Reading
//
// [Read] refuses a file over its size limits before unpacking it, a
// workbook that is not ours, a renamed sheet, moved columns or rows, and a
// formula in any cell it reads (nothing is calculated). The values become
// a JSON document that [checklist.DecodeAssessment] decodes; every
// problem carries its JSON pointer and, in [norm.Problem].Cell, the sheet
// and cell ("Antwoorden!D14").
package workbook
