package followup

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
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

// maxCSVProblems caps the problems one file can produce.
const maxCSVProblems = 100

const csvOp = "followup.ReadActionsCSV"

// ReadActionsCSV reads actions from a CSV file with a header row (see
// ActionsCSVHeader; English or Dutch names, any order, a UTF-8 byte order
// mark allowed). Each action is checked as Action.Validate does, and an ID
// may occur once. All problems (up to 100) come in one *norm.Error with Op
// "followup.ReadActionsCSV", each with Row (the header is row 1) and
// Column (the header name as the file spells it); on error no actions are
// returned. An I/O error from r is returned as it is.
func ReadActionsCSV(r io.Reader) ([]Action, error) {
	lr := &io.LimitedReader{R: r, N: MaxCSVBytes + 1}
	cr := csv.NewReader(lr)
	cr.ReuseRecord = true
	var probs []norm.Problem
	add := func(row int, col string, code norm.ProblemCode, msg norm.Text) {
		probs = append(probs, norm.Problem{Row: row, Column: col, Code: code, Message: msg})
	}
	row := 1 // the row last read; the header is row 1
	syntax := func(err error) ([]Action, error) {
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			return nil, err
		}
		if lr.N <= 0 {
			return nil, tooLargeCSV()
		}
		add(row+1, "", norm.CodeSyntax, norm.Textf("geen geldige CSV: %v", "not valid CSV: %v", pe.Err))
		return nil, norm.Errorf(csvOp, probs)
	}

	row = 0
	header, err := cr.Read()
	header = append([]string(nil), header...) // ReuseRecord: keep the header
	if err == io.EOF {
		add(1, "", norm.CodeRequired, norm.T("het bestand is leeg: de kopregel ontbreekt", "the file is empty: the header row is missing"))
		return nil, norm.Errorf(csvOp, probs)
	}
	if err != nil {
		return syntax(err)
	}
	cols := make([]int, len(header)) // column index -> csvColumns index, -1 unknown
	names := make([]string, len(csvColumns))
	for i, h := range header {
		name := strings.TrimSpace(h)
		if i == 0 {
			name = strings.TrimPrefix(name, "\ufeff")
		}
		cols[i] = -1
		for j, c := range csvColumns {
			if strings.EqualFold(name, c.en) || strings.EqualFold(name, c.nl) {
				cols[i] = j
			}
		}
		switch {
		case cols[i] < 0:
			add(1, name, norm.CodeUnknownField, norm.Textf("onbekende kolom %q", "unknown column %q", name))
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
	if len(probs) > 0 {
		return nil, norm.Errorf(csvOp, probs)
	}
	// column names by pointer, for the problems of Validate
	byPointer := map[string]string{}
	for j, c := range csvColumns {
		byPointer["/"+c.en] = names[j]
	}

	var out []Action
	seen := map[string]int{}
	row = 1
	for len(probs) < maxCSVProblems {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return syntax(err)
		}
		row++
		var a Action
		var fieldProbs bool
		for i, v := range rec {
			switch cols[i] {
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
				a.Form = strings.TrimSpace(v)
			case 7:
				a.Reason = v
			}
		}
		for _, p := range a.problems(nil) {
			if fieldProbs && p.Pointer == "/at" {
				continue // already reported as a bad time
			}
			add(row, byPointer[p.Pointer], p.Code, p.Message)
		}
		if a.ID != "" {
			if first, ok := seen[a.ID]; ok {
				add(row, names[0], norm.CodeDuplicate, norm.Textf(
					"actie %q staat al op rij %d", "action %q already appears in row %d", clip(a.ID), first))
			} else {
				seen[a.ID] = row
			}
		}
		if len(probs) == 0 {
			out = append(out, a)
		}
	}
	if lr.N <= 0 {
		return nil, tooLargeCSV()
	}
	if len(probs) > 0 {
		return nil, norm.Errorf(csvOp, probs)
	}
	return out, nil
}

func tooLargeCSV() error {
	return norm.Errorf(csvOp, []norm.Problem{{Code: norm.CodeTooLarge, Message: norm.Textf(
		"het bestand is groter dan %d MiB", "the file is larger than %d MiB", MaxCSVBytes>>20)}})
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	return strings.ToValidUTF8(s[:40], "") + "..."
}

// WriteActionsCSV writes actions as CSV with the English header (see
// ActionsCSVHeader), one row per action, times in RFC 3339 with their own
// offset, so that ReadActionsCSV gives the same actions back. Reasons are
// written as they are: a spreadsheet that opens the file may treat a
// reason starting with "=" as a formula.
func WriteActionsCSV(w io.Writer, actions []Action) error {
	return WriteActionsCSVLang(w, norm.EN, actions)
}

// WriteActionsCSVLang is WriteActionsCSV with the header in a language.
func WriteActionsCSVLang(w io.Writer, lang norm.Lang, actions []Action) error {
	cw := csv.NewWriter(w)
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
		rec[5], rec[6], rec[7] = string(a.Outcome), a.Form, a.Reason
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
