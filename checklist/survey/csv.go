package survey

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/csvform"
)

const readCSVOp = "survey.ReadCSV"

// RoundColumn is the CSV column that holds a response's round month.
const RoundColumn = "round"

// DefaultMaxRows bounds the respondents of one CSV: more than any
// organisation has employees, few enough to keep a hostile file cheap.
const DefaultMaxRows = 200_000

// DefaultMaxCSVBytes bounds the size of a responses CSV (64 MiB).
const DefaultMaxCSVBytes = 64 << 20

// ReadCSV reads survey responses from a CSV file: a header row naming the
// column "round" and any of the question IDs, in any order, then one row
// per respondent. An empty cell is a question left unanswered; a level
// is written 1 to 6, a code as the scale writes it ("yes", "partly").
// The separator is taken from the header line (',' ';' or tab) and the
// file may come from a spreadsheet program (see package csvform).
//
// It returns every response, or nil and a *[norm.Error] (Op
// "survey.ReadCSV") that lists every problem with its row (the header is
// row 1) and column: an unknown or repeated column (a column that could
// name a respondent, such as "name", is refused like any other), an
// answer off the question's scale, a missing or impossible round, rows
// of different rounds, more than [DefaultMaxRows] rows.
func ReadCSV(r io.Reader) ([]Response, error) {
	var ps norm.Problems
	add := func(row int, col, ptr string, code norm.ProblemCode, msg norm.Text) {
		ps.Add(norm.Problem{Row: row, Column: col, Pointer: ptr, Code: code, Message: msg})
	}
	cr := csvform.NewReader(r, 0, csvform.Limits{MaxBytes: DefaultMaxCSVBytes})
	header, err := cr.Read()
	if err == io.EOF {
		add(1, "", "", norm.CodeRequired, norm.T("het bestand is leeg: een kopregel met kolomnamen ontbreekt", "the file is empty: a header row with column names is missing"))
		return nil, ps.Err(readCSVOp)
	}
	if err != nil {
		return nil, readErr(&ps, err)
	}
	header = slices.Clone(header)
	cols := make([]int, len(header)) // question index, -1 round, -2 unnamed
	roundCol := -1
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		header[i] = h
		switch {
		case h == "":
			cols[i] = -2
			continue
		case seen[h]:
			add(1, h, "", norm.CodeDuplicate, norm.Textf("kolom %q staat twee keer in de kopregel", "column %q appears twice in the header", norm.Printable(h)))
		case h == RoundColumn:
			cols[i], roundCol = -1, i
		default:
			qi, ok := questionIdx[QuestionID(h)]
			if !ok {
				add(1, h, "", norm.CodeUnknownField, norm.Textf("%q is geen vraag van de enquête en geen kolom %q", "%q is not a question of the survey nor the column %q", norm.Printable(h), RoundColumn))
			}
			cols[i] = qi
		}
		seen[h] = true
	}
	if roundCol < 0 {
		add(1, RoundColumn, "/round", norm.CodeRequired, norm.Textf("de kolom %q (maand van de meting, JJJJ-MM) ontbreekt", "the column %q (month of the survey round, YYYY-MM) is missing", RoundColumn))
	}
	if ps.Len() > 0 {
		return nil, ps.Err(readCSVOp)
	}

	var out []Response
	var first Month
	firstRow := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, readErr(&ps, err)
		}
		row := cr.Row()
		if blank(rec) {
			continue
		}
		if len(out) >= DefaultMaxRows {
			add(row, "", "", norm.CodeTooLarge, norm.Textf("meer dan %d rijen", "more than %d rows", DefaultMaxRows))
			break
		}
		rec, ok := csvform.Fit(rec, header)
		if !ok {
			add(row, "", "", norm.CodeSyntax, norm.Textf("rij heeft %d velden, de kopregel %d", "row has %d fields, the header %d", len(rec), len(header)))
			continue
		}
		resp := Response{Version: ResponseVersion, Answers: map[QuestionID]Answer{}}
		good := true
		for i, cell := range rec {
			cell = strings.TrimSpace(cell)
			switch c := cols[i]; {
			case c == -2:
				if cell != "" {
					add(row, "", "", norm.CodeUnknownField, norm.Textf("kolom %d heeft geen naam in de kopregel", "column %d has no name in the header", i+1))
					good = false
				}
			case c == -1:
				m, err := ParseMonth(cell)
				switch {
				case cell == "":
					add(row, header[i], "/round", norm.CodeRequired, norm.T("de maand van de meting ontbreekt", "the month of the survey round is missing"))
					good = false
				case err != nil:
					add(row, header[i], "/round", norm.CodeFormat, norm.Textf("%q is geen maand; schrijf JJJJ-MM", "%q is not a month; write YYYY-MM", norm.Printable(cell)))
					good = false
				case firstRow == 0:
					first, firstRow = m, row
					resp.Round = m
				case m != first:
					add(row, header[i], "/round", norm.CodeOrder, norm.Textf("meting %s, maar rij %d hoort bij %s: één bestand is één meting",
						"round %s, but row %d belongs to %s: one file is one round", m.String(), firstRow, first.String()))
					good = false
				default:
					resp.Round = m
				}
			default:
				if cell == "" {
					continue
				}
				q := &questions[c]
				a := Code(cell)
				if q.Scale == ScaleAgree6 {
					if n, err := strconv.Atoi(cell); err == nil {
						a = Level(n)
					}
				}
				if msg, ok := fits(q, a); !ok {
					add(row, header[i], norm.Pointer("answers", string(q.ID)), norm.CodeEnum, msg)
					good = false
					continue
				}
				resp.Answers[q.ID] = a
			}
		}
		if good {
			out = append(out, resp)
		}
	}
	if err := ps.Err(readCSVOp); err != nil {
		return nil, err
	}
	if out == nil {
		out = []Response{}
	}
	return out, nil
}

func readErr(ps *norm.Problems, err error) error {
	var re *csvform.RecordError
	if !errors.As(err, &re) {
		return fmt.Errorf("%s: %w", readCSVOp, err)
	}
	ps.Add(re.Problem)
	return ps.Err(readCSVOp)
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
