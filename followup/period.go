package followup

import (
	"iter"
	"time"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Period is the stretch of time a Summary measures: the civil dates From
// through To, both included, in Europe/Amsterdam. An incident belongs to
// the period when it occurred at or after midnight Amsterdam time at the
// start of From and before midnight at the end of To, so a day is a day
// on the calendar, 23 or 25 hours long when the clocks change.
//
// The zero Period is unset: a Summary from Summarize, which counts every
// record it is given.
type Period struct {
	From norm.Date `json:"from"`
	To   norm.Date `json:"to"`
}

// YearTo is the twelve months up to and including the date d: from the day
// after d twelve months earlier through d. The period of an assessment
// dated 2026-03-01 runs from 2025-03-02 through 2026-03-01.
func YearTo(d norm.Date) Period {
	from := d.AddMonths(-12).In(time.UTC).AddDate(0, 0, 1)
	return Period{From: norm.DateOf(from), To: d}
}

// IsZero reports whether the period is unset.
func (p Period) IsZero() bool { return p == Period{} }

// Valid reports whether both dates exist and From is not after To.
func (p Period) Valid() bool {
	return p.From.Valid() && p.To.Valid() && !p.From.After(p.To)
}

// Start is the first moment of the period: midnight at the start of From,
// Europe/Amsterdam.
func (p Period) Start() time.Time { return p.From.In(amsterdam) }

// End is the first moment after the period: midnight at the end of To,
// Europe/Amsterdam.
func (p Period) End() time.Time {
	return time.Date(p.To.Year, p.To.Month, p.To.Day+1, 0, 0, 0, 0, amsterdam)
}

// Contains reports whether t lies in the period.
func (p Period) Contains(t time.Time) bool {
	return !t.Before(p.Start()) && t.Before(p.End())
}

// String renders the period as "YYYY-MM-DD/YYYY-MM-DD" (ISO 8601).
func (p Period) String() string { return p.From.String() + "/" + p.To.String() }

// SummarizeIn is Summarize over the incidents that occurred in the period
// per; records of incidents outside it are read and skipped, so the figures
// of other years do not count. The Summary carries per. A period that is
// unset or invalid (a date that does not exist, From after To) is refused
// with a *norm.Error and a zero Summary.
func SummarizeIn(records iter.Seq2[Record, error], p Policy, per Period, at time.Time) (Summary, error) {
	if !per.Valid() {
		return Summary{}, &norm.Error{Op: "followup.SummarizeIn", Problems: []norm.Problem{{
			Code: norm.CodeRange,
			Message: norm.Textf("de periode %s bestaat niet: twee bestaande datums, de eerste niet na de tweede",
				"the period %s does not exist: two existing dates, the first not after the second", per.String()),
		}}}
	}
	start, end := per.Start(), per.End()
	in := func(yield func(Record, error) bool) {
		for r, err := range records {
			if err == nil && (r.Incident.OccurredAt.Before(start) || !r.Incident.OccurredAt.Before(end)) {
				continue
			}
			if !yield(r, err) {
				return
			}
		}
	}
	s, err := Summarize(in, p, at)
	if err != nil {
		return Summary{}, err
	}
	s.Period = per
	return s, nil
}
