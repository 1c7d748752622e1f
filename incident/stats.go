package incident

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"time"
	_ "time/tzdata" // Europe/Amsterdam must resolve on every platform, also without zoneinfo

	"github.com/goedgesprek/goedgesprek/norm"
)

// registerZone is Europe/Amsterdam: months, local CSV times and the
// register's calendar are Dutch time.
var registerZone = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		// Unreachable: time/tzdata embeds the zone. Fall back to a fixed
		// CET rather than panic.
		return time.FixedZone("CET", 3600)
	}
	return loc
}()

// Month is a calendar month in Europe/Amsterdam, written "2006-01".
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf returns the month in which t falls in Europe/Amsterdam.
func MonthOf(t time.Time) Month {
	y, m, _ := t.In(registerZone).Date()
	return Month{Year: y, Month: m}
}

// String renders the month as "2006-01".
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// Compare returns -1, 0 or +1.
func (m Month) Compare(o Month) int {
	if c := cmp.Compare(m.Year, o.Year); c != 0 {
		return c
	}
	return cmp.Compare(m.Month, o.Month)
}

// MarshalText implements encoding.TextMarshaler, so that a Month can be a
// JSON object key.
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts "2006-01".
func (m *Month) UnmarshalText(b []byte) error {
	s := string(b)
	if len(s) != 7 || s[4] != '-' {
		return fmt.Errorf("incident: month %q is not YYYY-MM", s)
	}
	y, err1 := strconv.Atoi(s[:4])
	mo, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || mo < 1 || mo > 12 || s[0] == '+' || s[0] == '-' || s[5] == '+' {
		return fmt.Errorf("incident: month %q is not YYYY-MM", s)
	}
	*m = Month{Year: y, Month: time.Month(mo)}
	return nil
}

// Statistics are the counts over a set of incidents that a register's
// periodic report needs (GG05: register and analyse every incident).
type Statistics struct {
	// Total is the number of incidents.
	Total int `json:"total"`
	// ByCategory counts incidents per category. An incident with a threat
	// and a push counts once under threat and once under physical, so the
	// counts may add up to more than Total.
	ByCategory map[norm.Category]int `json:"by_category"`
	// BySeverity counts incidents per severity (of the worst category);
	// these add up to Total minus incidents without known behaviours.
	BySeverity map[norm.Severity]int `json:"by_severity"`
	// ByChannel counts incidents per channel.
	ByChannel map[norm.Channel]int `json:"by_channel"`
	// BySite counts incidents per site.
	BySite map[string]int `json:"by_site"`
	// ByMonth counts incidents per month of occurrence, Europe/Amsterdam.
	ByMonth map[Month]int `json:"by_month"`
	// WithAnalysis is the number of incidents with a cause analysis that
	// names at least one cause.
	WithAnalysis int `json:"with_analysis"`
	// AnalysisShare is WithAnalysis / Total, between 0 and 1 (0 for no
	// incidents).
	AnalysisShare float64 `json:"analysis_share"`
}

// NewStatistics returns empty statistics, ready for Add.
func NewStatistics() Statistics {
	var s Statistics
	s.init()
	return s
}

// Add counts one more incident.
func (s *Statistics) Add(inc *Incident) {
	s.init()
	s.Total++
	c := inc.Classification()
	for _, cat := range c.Categories {
		s.ByCategory[cat]++
	}
	if c.Severity != "" {
		s.BySeverity[c.Severity]++
	}
	s.ByChannel[inc.Channel]++
	s.BySite[inc.Site]++
	s.ByMonth[MonthOf(inc.OccurredAt)]++
	if HasCauseAnalysis(inc) {
		s.WithAnalysis++
	}
	s.AnalysisShare = float64(s.WithAnalysis) / float64(s.Total)
}

// init makes the maps of a zero Statistics value, keeping any it has.
func (s *Statistics) init() {
	if s.ByCategory == nil {
		s.ByCategory = map[norm.Category]int{}
	}
	if s.BySeverity == nil {
		s.BySeverity = map[norm.Severity]int{}
	}
	if s.ByChannel == nil {
		s.ByChannel = map[norm.Channel]int{}
	}
	if s.BySite == nil {
		s.BySite = map[string]int{}
	}
	if s.ByMonth == nil {
		s.ByMonth = map[Month]int{}
	}
}

// HasCauseAnalysis reports whether the incident has a cause analysis that
// names at least one cause: an empty analysis does not count.
func HasCauseAnalysis(inc *Incident) bool {
	return inc.Analysis != nil && len(inc.Analysis.Causes) > 0
}

// Stats counts the incidents of a sequence without holding them, so that a
// whole register can be streamed from a store.
func Stats(incs iter.Seq[Incident]) Statistics {
	s := NewStatistics()
	for inc := range incs {
		s.Add(&inc)
	}
	return s
}

// StatsOf counts the incidents of a slice.
func StatsOf(incs []Incident) Statistics { return Stats(slices.Values(incs)) }

// Months returns the months that have incidents, oldest first, with their
// counts; months without incidents between them are included with 0, so
// that a chart has no holes.
func (s Statistics) Months() []MonthCount {
	if len(s.ByMonth) == 0 {
		return nil
	}
	keys := make([]Month, 0, len(s.ByMonth))
	for m := range s.ByMonth {
		keys = append(keys, m)
	}
	slices.SortFunc(keys, Month.Compare)
	first, last := keys[0], keys[len(keys)-1]
	var out []MonthCount
	for m := first; m.Compare(last) <= 0; m = m.next() {
		out = append(out, MonthCount{Month: m, Count: s.ByMonth[m]})
	}
	return out
}

func (m Month) next() Month {
	if m.Month == time.December {
		return Month{Year: m.Year + 1, Month: time.January}
	}
	return Month{Year: m.Year, Month: m.Month + 1}
}

// MonthCount is one month of Statistics.Months.
type MonthCount struct {
	Month Month `json:"month"`
	Count int   `json:"count"`
}
