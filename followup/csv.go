package followup

import (
	"errors"
	"io"
	"strings"
	"time"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/csvform"
)

// The columns of an actions CSV file, in the order WriteActionsCSV writes
// them, with their English and Dutch header names. A file may use either
// language per column and any column order; form and reason may be left
// out.
//
//	id           kenmerk           the action's ID
//	incident_id  incident          the incident's ID
//	kind         soort             a Kind code ("reaction", "aftercare", ...)
//	subject      betreft           "perpetrator" or an employee's reference
//	at           tijdstip          RFC 3339 with offset, e.g. 2026-03-11T09:15:00+01:00
//	outcome      uitkomst          an Outcome code ("done", "declined", "not_possible")
//	form         vorm              a form code (see Forms) or empty
//	reason       reden             the reason; required for not_possible
var csvColumns = []struct {
	en, nl   string
	optional bool
}{
	{"id", "kenmerk", false},
	{"incident_id", "incident", false},
	{"kind", "soort", false},
	{"subject", "betreft", false},
	{"at", "tijdstip", false},
	{"outcome", "uitkomst", false},
	{"form", "vorm", true},
	{"reason", "reden", true},
}

// ActionsCSVHeader returns the header row of an actions CSV file in a
// language.
func ActionsCSVHeader(lang norm.Lang) []string {
	h := make([]string, len(csvColumns))
	for i, c := range csvColumns {
		h[i] = c.en
		if lang == norm.NL {
			h[i] = c.nl
		}
	}
	return h
}

// MaxCSVBytes is the largest actions CSV file ReadActionsCSV reads (64 MiB,
// some 400,000 actions); reading stops there.
const MaxCSVBytes = 64 << 20

const csvOp = "followup.ReadActionsCSV"

// ReadActionsCSV reads actions from a CSV file with a header row (see
// ActionsCSVHeader; English or Dutch names, any order). It reads what
// spreadsheet programs write: ',', ';' or tab as the separator (taken from
// the header line), a UTF-8 byte order mark, CRLF, and empty columns
// without a name at the end. Each action is checked as Action.Validate
// does, an ID may occur once, and id, incident_id and subject may not
// start like a spreadsheet formula (= + - @). All problems come in one
// *norm.Error with Op "followup.ReadActionsCSV", each with Row (the header
// is row 1) and Column (the header name as the file spells it); past
// norm.MaxProblems they are only counted. On error no actions are
// returned. The file may be at most MaxCSVBytes, 64 columns wide and 256
// KiB per row; reading stops at the first row over a limit. An I/O error
// from r is returned as it is.
func ReadActionsCSV(r io.Reader) ([]Action, error) {
	cr := csvform.NewReader(r, 0, csvform.Limits{MaxBytes: MaxCSVBytes})
	var probs norm.Problems
	add := func(row int, col string, code norm.ProblemCode, msg norm.Text) {
		probs.Add(norm.Problem{Row: row, Column: col, Code: code, Message: msg})
	}
	// stop ends reading at an error of the CSV reader.
	stop := func(err error) ([]Action, error) {
		var re *csvform.RecordError
		if !errors.As(err, &re) {
			return nil, err
		}
		probs.Add(re.Problem)
		return nil, probs.Err(csvOp)
	}

	header, err := cr.Read()
	if err == io.EOF {
		add(1, "", norm.CodeRequired, norm.T("het bestand is leeg: de kopregel ontbreekt", "the file is empty: the header row is missing"))
		return nil, probs.Err(csvOp)
	}
	if err != nil {
		return stop(err)
	}
	const unnamed = -2
	cols := make([]int, len(header)) // column index -> csvColumns index, -1 unknown
	names := make([]string, len(csvColumns))
	for i, h := range header {
		name := strings.TrimSpace(h)
		cols[i] = -1
		if name == "" {
			// Spreadsheet programs add empty columns at the end; they are
			// ignored as long as nothing is written in them.
			cols[i] = unnamed
			continue
		}
		for j, c := range csvColumns {
			if strings.EqualFold(name, c.en) || strings.EqualFold(name, c.nl) {
				cols[i] = j
			}
		}
		switch {
		case cols[i] < 0:
			add(1, clip(name), norm.CodeUnknownField, norm.Textf("onbekende kolom %q", "unknown column %q", clip(name)))
		case names[cols[i]] != "":
			add(1, name, norm.CodeDuplicateKey, norm.Textf("kolom %q staat er twee keer", "column %q appears twice", name))
		default:
			names[cols[i]] = name
		}
	}
	for j, c := range csvColumns {
		if names[j] == "" && !c.optional {
			add(1, c.en, norm.CodeRequired, norm.Textf("kolom %q (of %q) ontbreekt", "column %q (or %q) is missing", c.en, c.nl))
		}
	}
	if probs.Len() > 0 {
		return nil, probs.Err(csvOp)
	}
	// column names by pointer, for the problems of Validate
	byPointer := map[string]string{}
	for j, c := range csvColumns {
		byPointer["/"+c.en] = names[j]
	}

	var out []Action
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return stop(err)
		}
		row := cr.Row()
		rec, fits := csvform.Fit(rec, header)
		if !fits {
			add(row, "", norm.CodeSyntax, norm.Textf("rij heeft %d velden, de kopregel %d", "row has %d fields, the header %d", len(rec), len(header)))
			continue
		}
		var a Action
		var fieldProbs, bad bool
		for i, v := range rec {
			switch cols[i] {
			case unnamed:
				if strings.TrimSpace(v) != "" {
					bad = true
					add(row, "", norm.CodeUnknownField, norm.Textf("waarde in kolom %d, die geen naam heeft", "value in column %d, which has no name", i+1))
				}
			case 0:
				a.ID = v
			case 1:
				a.IncidentID = incident.ID(v)
			case 2:
				a.Kind = Kind(strings.TrimSpace(v))
			case 3:
				a.Subject = v
			case 4:
				v = strings.TrimSpace(v)
				if v == "" {
					break // Validate reports it as missing
				}
				t, err := time.Parse(time.RFC3339Nano, v)
				if err != nil {
					fieldProbs = true
					add(row, header[i], norm.CodeFormat, norm.Textf(
						"%q is geen tijdstip volgens RFC 3339 met tijdzone, zoals 2026-03-11T09:15:00+01:00",
						"%q is not an RFC 3339 time with an offset, such as 2026-03-11T09:15:00+01:00", clip(v)))
				}
				a.At = t
			case 5:
				a.Outcome = Outcome(strings.TrimSpace(v))
			case 6:
				a.Form = Form(strings.TrimSpace(v))
			case 7:
				a.Reason = v
			}
		}
		for _, f := range []struct {
			col int
			v   string
		}{{0, a.ID}, {1, string(a.IncidentID)}, {3, a.Subject}} {
			if csvform.FormulaLike(f.v) {
				bad = true
				add(row, names[f.col], norm.CodeFormat, norm.Textf(
					"%q begint als een spreadsheetformule (= + - @): een kenmerk of referentie begint met een letter of cijfer",
					"%q starts like a spreadsheet formula (= + - @): an ID or reference starts with a letter or digit", clip(f.v)))
			}
		}
		for _, p := range a.problems(nil) {
			if fieldProbs && p.Pointer == "/at" {
				continue // already reported as a bad time
			}
			bad = true
			add(row, byPointer[p.Pointer], p.Code, p.Message)
		}
		if a.ID != "" {
			if first, ok := seen[a.ID]; ok {
				bad = true
				add(row, names[0], norm.CodeDuplicate, norm.Textf(
					"actie %q staat al op rij %d", "action %q already appears in row %d", clip(a.ID), first))
			} else {
				seen[a.ID] = row
			}
		}
		if !bad && !fieldProbs && probs.Len() == 0 {
			out = append(out, a)
		}
	}
	if err := probs.Err(csvOp); err != nil {
		return nil, err
	}
	return out, nil
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	return strings.ToValidUTF8(s[:40], "") + "..."
}

// CSVOption configures WriteActionsCSV, as incident.CSVOption configures
// incident.WriteCSV.
type CSVOption func(*csvConfig)

type csvConfig struct {
	dutch bool
}

// WithDutchHeaders makes WriteActionsCSV write the Dutch column names
// instead of the English ones (see ActionsCSVHeader).
func WithDutchHeaders() CSVOption { return func(c *csvConfig) { c.dutch = true } }

// WriteActionsCSV writes actions as CSV with the English header (the Dutch
// one WithDutchHeaders; see ActionsCSVHeader), one row per action, times
// in RFC 3339 with their own offset, so that ReadActionsCSV gives the same
// actions back. A cell that a spreadsheet program would run as a formula
// (a reason starting with "=", say) gets a leading apostrophe, which
// ReadActionsCSV takes off again (see csvform.Neutralise).
func WriteActionsCSV(w io.Writer, actions []Action, opts ...CSVOption) error {
	var c csvConfig
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	lang := norm.EN
	if c.dutch {
		lang = norm.NL
	}
	cw := csvform.NewWriter(w, ',')
	if err := cw.Write(ActionsCSVHeader(lang)); err != nil {
		return err
	}
	rec := make([]string, len(csvColumns))
	for _, a := range actions {
		rec[0], rec[1], rec[2], rec[3] = a.ID, string(a.IncidentID), string(a.Kind), a.Subject
		rec[4] = ""
		if !a.At.IsZero() {
			rec[4] = a.At.Format(time.RFC3339Nano)
		}
		rec[5], rec[6], rec[7] = string(a.Outcome), string(a.Form), a.Reason
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return cw.Flush()
}
