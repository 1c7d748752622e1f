// Package report renders the evaluator's report for people, shared by the
// example programs: [New] flattens a checklist.Report into a [View] of
// strings in one language, which examples/evaluate prints as text or
// Markdown, and [WriteHTML] writes as one self-contained HTML page (no
// scripts, no external assets, bar charts as inline SVG, a print
// stylesheet). examples/webform shows the same page after a valid
// submission, with its own buttons on top ([WritePage]) and the page's
// one inline stylesheet allowed by hash ([StyleHash]). [WriteXLSX] writes
// the report as an Excel workbook, one filtered table per sheet, and
// [BatchWorkbook] one row per organisation for a batch.
package report
