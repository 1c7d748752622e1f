package followup

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // deadlines are in Europe/Amsterdam on every platform, with or without a system zoneinfo

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/nl"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// amsterdam is the time zone of every deadline: Europe/Amsterdam. It is
// private, so that no caller can swap it; Amsterdam hands out copies.
var amsterdam = mustAmsterdam()

// Amsterdam returns the time zone of every deadline, Europe/Amsterdam. Each
// call returns a new copy of the location, so that nothing a caller does
// with it changes the deadlines the package computes.
func Amsterdam() *time.Location {
	loc := *amsterdam
	return &loc
}

func mustAmsterdam() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		// Unreachable: time/tzdata is embedded in this package.
		panic("followup: time zone data for Europe/Amsterdam missing: " + err.Error())
	}
	return loc
}

// Anchor is the moment deadlines count from.
type Anchor string

// The anchors.
const (
	// AnchorOccurred counts from when the incident occurred (default).
	AnchorOccurred Anchor = "occurred"
	// AnchorReported counts from when an employee reported it.
	AnchorReported Anchor = "reported"
)

var anchors = []Anchor{AnchorOccurred, AnchorReported}

// MarshalText implements encoding.TextMarshaler.
func (a Anchor) MarshalText() ([]byte, error) { return norm.MarshalCode("anchor", a, anchors) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *Anchor) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("anchor", string(b), anchors)
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// Counting is how a deadline of hours is counted.
type Counting string

// The counting modes.
const (
	// CountElapsed counts real elapsed time (default): 48 hours is 48
	// hours on a stopwatch, also across a change to or from daylight
	// saving time, so the local clock then shows 49 or 47 hours later.
	CountElapsed Counting = "elapsed"
	// CountWorkingDays counts every started 24 hours of a deadline as one
	// working day (48 hours = 2 working days, 72 hours = 3) and makes the
	// deadline fall on that working day at the anchor's local clock time.
	// Weekends and Dutch public holidays are not working days.
	CountWorkingDays Counting = "working_days"
)

var countings = []Counting{CountElapsed, CountWorkingDays}

// MarshalText implements encoding.TextMarshaler.
func (c Counting) MarshalText() ([]byte, error) { return norm.MarshalCode("counting", c, countings) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Counting) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("counting", string(b), countings)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// LiberationDay says when 5 May (Bevrijdingsdag) is a day off in working-day
// mode.
type LiberationDay string

// The Liberation Day rules.
const (
	// LiberationEveryYear: 5 May is a day off every year (default; the
	// collective agreement of central government gives it every year).
	LiberationEveryYear LiberationDay = "every_year"
	// LiberationLustrum: only in years divisible by five (2025, 2030),
	// as many other collective agreements have it.
	LiberationLustrum LiberationDay = "every_5_years"
	// LiberationNever: 5 May is a working day.
	LiberationNever LiberationDay = "never"
)

var liberationDays = []LiberationDay{LiberationEveryYear, LiberationLustrum, LiberationNever}

// MarshalText implements encoding.TextMarshaler.
func (l LiberationDay) MarshalText() ([]byte, error) {
	return norm.MarshalCode("liberation_day", l, liberationDays)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (l *LiberationDay) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("liberation_day", string(b), liberationDays)
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// The default deadlines and periods of a Policy. The seeds set only the 48
// hours; the others are this package's choices. A deadline of days counts
// as the Policy's Counting says: calendar days (real hours) by default,
// working days only in working-day mode, so 5 days is a working week only
// there.
const (
	DefaultReaction     = 48 * time.Hour      // VPT5, GG12: react to the perpetrator within 48 hours
	DefaultFirstContact = 72 * time.Hour      // VPT8, GG13: first aftercare contact
	DefaultManagerTalk  = 5 * 24 * time.Hour  // GG02: the manager talks with each person within 5 days
	DefaultPoliceReport = 5 * 24 * time.Hour  // VPT6: report or decide within 5 days, while memories are fresh
	DefaultDamages      = 20 * 24 * time.Hour // VPT7: start claiming damages within 20 days
	DefaultRepeatDays   = 14                  // GG13: repeat a declined offer after two weeks
	DefaultCheckDays    = 42                  // GG13: check at six weeks
)

// Policy is how an organisation counts its follow-up deadlines. The zero
// value is the default policy: every zero field takes its default (see
// DefaultPolicy), so a Policy only needs the fields that differ.
type Policy struct {
	// Anchor is when deadlines start (default AnchorOccurred).
	Anchor Anchor `json:"anchor,omitempty"`
	// Counting is how hours are counted (default CountElapsed).
	Counting Counting `json:"counting,omitempty"`

	// Reaction is the deadline for the reaction to the perpetrator
	// (default 48h).
	Reaction time.Duration `json:"reaction,omitempty"`
	// FirstContact is the deadline for the first aftercare contact with
	// each person involved (default 72h; some organisations use 24h).
	FirstContact time.Duration `json:"first_contact,omitempty"`
	// ManagerTalk is the deadline for the manager's conversation with each
	// person involved (default 5 days: calendar days, 5 working days only
	// in working-day mode).
	ManagerTalk time.Duration `json:"manager_talk,omitempty"`
	// PoliceReport is the deadline for the police report or the recorded
	// decision (default 5 days, counted as for ManagerTalk).
	PoliceReport time.Duration `json:"police_report,omitempty"`
	// Damages is the deadline for starting damage recovery (default 20
	// days, counted as for ManagerTalk: not four working weeks in elapsed
	// mode).
	Damages time.Duration `json:"damages,omitempty"`

	// RepeatDays is after how many calendar days a declined aftercare
	// offer is repeated, counted from the anchor (default 14).
	RepeatDays int `json:"repeat_days,omitempty"`
	// CheckDays is after how many calendar days the aftercare check
	// falls, counted from the anchor (default 42).
	CheckDays int `json:"check_days,omitempty"`

	// GoodFriday makes Good Friday a day off in working-day mode (default
	// false: it is not a general day off in the Netherlands).
	GoodFriday bool `json:"good_friday,omitempty"`
	// LiberationDay says when 5 May is a day off in working-day mode
	// (default LiberationEveryYear).
	LiberationDay LiberationDay `json:"liberation_day,omitempty"`
}

// DefaultPolicy returns the default policy with every field filled in.
func DefaultPolicy() Policy { return Policy{}.withDefaults() }

// Validate reports, as one *norm.Error with a pointer per field (nil when
// the policy is sound), an anchor, counting mode or Liberation Day rule
// that is not one of the package's codes. An empty one takes its default;
// an unknown one is refused, never replaced by the default, because a
// misspelt "working_day" would otherwise count real hours without a word.
// Plan, Deadline, AnchorTime, WorkingDay, Holidays and Summarize refuse
// such a policy with the same problems.
func (p Policy) Validate() error { return p.validate("followup policy") }

// validate is Validate with the operation the error names.
func (p Policy) validate(op string) error {
	if p.Anchor == "" && p.Counting == "" && p.LiberationDay == "" {
		return nil // the zero codes: Plan's fast path
	}
	var ps []norm.Problem
	check := func(field, nl, en, v string, allowed []string) {
		if v == "" || slices.Contains(allowed, v) {
			return
		}
		list := strings.Join(allowed, ", ")
		ps = append(ps, norm.Problem{Pointer: norm.Pointer(field), Code: norm.CodeEnum, Message: norm.T(
			fmt.Sprintf("onbekende waarde %q voor %s; toegestaan: %s", v, nl, list),
			fmt.Sprintf("unknown %s %q; allowed: %s", en, v, list))})
	}
	check("anchor", "het beginpunt van de termijnen", "anchor", string(p.Anchor), anchorNames)
	check("counting", "de manier van tellen", "counting mode", string(p.Counting), countingNames)
	check("liberation_day", "Bevrijdingsdag", "Liberation Day rule", string(p.LiberationDay), liberationNames)
	return norm.NewError(op, ps)
}

// The codes as strings, for Validate.
var (
	anchorNames     = codeStrings(anchors)
	countingNames   = codeStrings(countings)
	liberationNames = codeStrings(liberationDays)
)

func codeStrings[T ~string](cs []T) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return out
}

// withDefaults fills in every zero field. Negative durations and days are
// treated as zero (the default), so that no input makes a deadline precede
// its anchor. Codes that Validate refuses count as the default here, so
// every exported caller validates first.
func (p Policy) withDefaults() Policy {
	if p.Anchor != AnchorReported {
		p.Anchor = AnchorOccurred
	}
	if p.Counting != CountWorkingDays {
		p.Counting = CountElapsed
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&p.Reaction, DefaultReaction)
	def(&p.FirstContact, DefaultFirstContact)
	def(&p.ManagerTalk, DefaultManagerTalk)
	def(&p.PoliceReport, DefaultPoliceReport)
	def(&p.Damages, DefaultDamages)
	if p.RepeatDays <= 0 {
		p.RepeatDays = DefaultRepeatDays
	}
	if p.CheckDays <= 0 {
		p.CheckDays = DefaultCheckDays
	}
	if p.LiberationDay != LiberationLustrum && p.LiberationDay != LiberationNever {
		p.LiberationDay = LiberationEveryYear
	}
	return p
}

// AnchorTime is the moment the deadlines of inc count from under p: its
// OccurredAt, or with AnchorReported its ReportedAt (OccurredAt when
// ReportedAt is zero). A policy with a code that Validate refuses gives a
// *norm.Error (Op "followup.AnchorTime") and the zero time.
func (p Policy) AnchorTime(inc incident.Incident) (time.Time, error) {
	if err := p.validate("followup.AnchorTime"); err != nil {
		return time.Time{}, err
	}
	return p.anchorTime(&inc), nil
}

// anchorTime is AnchorTime for a validated policy.
func (p *Policy) anchorTime(inc *incident.Incident) time.Time {
	if p.Anchor == AnchorReported && !inc.ReportedAt.IsZero() {
		return inc.ReportedAt
	}
	return inc.OccurredAt
}

// Deadline returns the due time of a deadline of d counted from anchor under
// the policy, in Europe/Amsterdam.
//
// In elapsed mode it is anchor + d. In working-day mode d becomes
// ceil(d / 24h) working days: the due time is the anchor's local clock time
// on the n-th working day after the anchor's local date. Clock changes
// happen on Sundays, which are never working days, so that clock time
// always exists exactly once. (Where a clock time does not exist, in the
// gap when the clocks go forward, it moves forward by the gap, 02:30 to
// 03:30; where it exists twice, when the clocks go back, the first is
// taken. This matters for the periods in calendar days, see Policy.)
//
// A policy with a code that Validate refuses gives a *norm.Error (Op
// "followup.Deadline") and the zero time, never a deadline counted by the
// default.
func (p Policy) Deadline(anchor time.Time, d time.Duration) (time.Time, error) {
	if err := p.validate("followup.Deadline"); err != nil {
		return time.Time{}, err
	}
	p = p.withDefaults()
	return p.deadline(anchor, d).In(Amsterdam()), nil // a copy of the location, see Plan
}

// deadline is Deadline for a policy with defaults filled in.
func (p *Policy) deadline(anchor time.Time, d time.Duration) time.Time {
	local := anchor.In(amsterdam)
	if p.Counting != CountWorkingDays {
		return local.Add(d)
	}
	n := int((d + 24*time.Hour - 1) / (24 * time.Hour))
	y, m, day := localDate(local)
	date := time.Date(y, m, day, 12, 0, 0, 0, time.UTC) // noon UTC: pure date arithmetic
	for n > 0 {
		date = date.AddDate(0, 0, 1)
		if p.workingDay(date) {
			n--
		}
	}
	return atClock(date, local)
}

// afterDays is the anchor's local clock time, days calendar days later,
// in Europe/Amsterdam, with the same rules for gaps and repeats as
// Deadline (see atClock). In working-day mode a day off moves it to the next working day.
func (p *Policy) afterDays(anchor time.Time, days int) time.Time {
	local := anchor.In(amsterdam)
	y, m, d := localDate(local)
	date := time.Date(y, m, d+days, 12, 0, 0, 0, time.UTC)
	if p.Counting == CountWorkingDays {
		for i := 0; i < 30 && !p.workingDay(date); i++ { // 30: bounded even for a pathological calendar
			date = date.AddDate(0, 0, 1)
		}
	}
	return atClock(date, local)
}

// atClock returns the instant in Europe/Amsterdam with the civil date of
// date and the clock time of clock (as Amsterdam shows it). A clock time in
// the gap when the clocks go forward (02:00-03:00 on the last Sunday of
// March) moves forward by the gap: 02:30 becomes 03:30 summer time. A clock
// time that occurs twice (02:00-03:00 on the last Sunday of October) is the
// first occurrence, still in summer time. time.Date does not guarantee
// either choice, so both are made here.
func atClock(date, clock time.Time) time.Time {
	y, m, d := date.Date()
	hh, mm, ss, ns := localClock(clock)
	wall := time.Date(y, m, d, hh, mm, ss, ns, time.UTC) // the wall clock read as UTC
	if z, ok := zoneOf(y); ok {
		// Fast path: the two offsets of the year are known.
		var best time.Time
		for _, off := range [...]int64{z.dst, z.std} { // summer time first: the earlier instant
			u := wall.Add(-time.Duration(off) * time.Second)
			if z.offset(u.Unix()) == off {
				best = u
				break
			}
		}
		if best.IsZero() { // in the gap: read the wall clock in winter time
			best = wall.Add(-time.Duration(z.std) * time.Second)
		}
		return best.In(amsterdam)
	}
	var best time.Time
	for _, probe := range [...]time.Duration{-3 * time.Hour, 0, 3 * time.Hour} {
		_, off := wall.Add(probe).In(amsterdam).Zone()
		u := wall.Add(-time.Duration(off) * time.Second).In(amsterdam)
		if sameWall(u, wall) && (best.IsZero() || u.Before(best)) {
			best = u
		}
	}
	if !best.IsZero() {
		return best
	}
	// In the gap: read the wall clock with the offset in force before it.
	_, off := wall.Add(-5 * time.Hour).In(amsterdam).Zone()
	return wall.Add(-time.Duration(off) * time.Second).In(amsterdam)
}

// localDate and localClock read t as Amsterdam shows it. They are what
// t.In(amsterdam).Date() and .Clock() give, but avoid the time package's
// rule evaluation for every call (it evaluates the zone's rule string
// anew for every time after the last listed transition, which made it the
// largest cost of Summarize).
func localDate(t time.Time) (int, time.Month, int) { return localWall(t).Date() }

func localClock(t time.Time) (hh, mm, ss, ns int) {
	w := localWall(t)
	hh, mm, ss = w.Clock()
	return hh, mm, ss, w.Nanosecond()
}

// localWall is t's Amsterdam wall clock read as UTC.
func localWall(t time.Time) time.Time {
	u := t.UTC()
	if z, ok := zoneOf(u.Year()); ok {
		return u.Add(time.Duration(z.offset(u.Unix())) * time.Second)
	}
	_, off := t.In(amsterdam).Zone()
	return u.Add(time.Duration(off) * time.Second)
}

// zoneYear is one year of Amsterdam time: winter and summer offsets and the
// instants summer time starts and ends (Unix seconds).
type zoneYear struct {
	std, dst   int64
	start, end int64
}

func (z zoneYear) offset(unix int64) int64 {
	if unix >= z.start && unix < z.end {
		return z.dst
	}
	return z.std
}

// Years covered by the fast path: the EU rule (summer time from the last
// Sunday of March to the last Sunday of October, 01:00 UTC) applies in the
// Netherlands since 1996. Each year is checked against the time package
// before it is used, so a change of the rules in the zone data turns the
// fast path off for the years it concerns.
const zoneFirst, zoneLast = 1996, 2200

var zoneTable = sync.OnceValue(func() []zoneYear {
	t := make([]zoneYear, zoneLast-zoneFirst+1)
	for y := zoneFirst; y <= zoneLast; y++ {
		z := zoneYear{std: 3600, dst: 7200,
			start: lastSunday(y, time.March).Add(time.Hour).Unix(),
			end:   lastSunday(y, time.October).Add(time.Hour).Unix()}
		if !z.verify(y) {
			z = zoneYear{} // std 0: not usable
		}
		t[y-zoneFirst] = z
	}
	return t
})

func (z zoneYear) verify(y int) bool {
	at := func(unix int64) int64 {
		_, off := time.Unix(unix, 0).In(amsterdam).Zone()
		return int64(off)
	}
	jan := time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC).Unix()
	dec := time.Date(y, time.December, 31, 23, 0, 0, 0, time.UTC).Unix()
	return at(jan) == z.std && at(z.start-1) == z.std && at(z.start) == z.dst &&
		at(z.end-1) == z.dst && at(z.end) == z.std && at(dec) == z.std
}

func lastSunday(y int, m time.Month) time.Time {
	d := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC) // the last day of m
	return d.AddDate(0, 0, -int(d.Weekday()))
}

func zoneOf(y int) (zoneYear, bool) {
	if y < zoneFirst || y > zoneLast {
		return zoneYear{}, false
	}
	z := zoneTable()[y-zoneFirst]
	return z, z.std != 0
}

func sameWall(u, wall time.Time) bool {
	y1, m1, d1 := u.Date()
	y2, m2, d2 := wall.Date()
	return y1 == y2 && m1 == m2 && d1 == d2 && u.Hour() == wall.Hour() && u.Minute() == wall.Minute() &&
		u.Second() == wall.Second() && u.Nanosecond() == wall.Nanosecond()
}

// WorkingDay reports whether the civil date of t (its year, month and day
// as t shows them) is a working day under the policy: not a Saturday or
// Sunday and not a Dutch public holiday (see Holidays). A policy with a
// code that Validate refuses gives a *norm.Error (Op "followup.WorkingDay"):
// a misspelt Liberation Day rule would otherwise decide 5 May by the
// default.
func (p Policy) WorkingDay(t time.Time) (bool, error) {
	if err := p.validate("followup.WorkingDay"); err != nil {
		return false, err
	}
	return p.workingDay(t), nil
}

// workingDay is WorkingDay for a validated policy.
func (p *Policy) workingDay(t time.Time) bool {
	switch t.Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	y, m, d := t.Date()
	return !holidaysOf(y, p.GoodFriday, p.LiberationDay)[dayKey(m, d)]
}

// Holiday is a Dutch public holiday as the policy counts it.
type Holiday struct {
	Date norm.Date `json:"date"`
	Name string    `json:"name"` // Dutch name, e.g. "Koningsdag"
}

// Holidays lists the days off of a year under the policy, in date order:
// New Year's Day, Easter Monday, King's Day (26 April when 27 April is a
// Sunday), Ascension Day, Whit Monday, Christmas Day and Boxing Day, plus
// Good Friday and Liberation Day as the policy says. Easter Sunday and
// Whit Sunday are Sundays anyway. A policy with a code that Validate
// refuses gives a *norm.Error (Op "followup.Holidays") and no days.
func (p Policy) Holidays(year int) ([]Holiday, error) {
	if err := p.validate("followup.Holidays"); err != nil {
		return nil, err
	}
	var out []Holiday
	for _, h := range holidayDefs(year, p.GoodFriday, p.LiberationDay) {
		_, obs := h.Calc(year)
		if obs.IsZero() {
			continue
		}
		out = append(out, Holiday{Date: norm.DateOf(obs), Name: h.Name})
	}
	return out, nil
}

// dutchHolidays are deep copies of the holiday rules of rickar/cal/nl,
// taken when the package starts: those rules are exported variables of
// that package, and a program that changed one would otherwise change
// every deadline computed here.
var dutchHolidays, goodFridayDef, liberationDayDef = func() ([]*cal.Holiday, *cal.Holiday, *cal.Holiday) {
	var out []*cal.Holiday
	var gf, lib *cal.Holiday
	for _, h := range nl.Holidays {
		c := *h
		c.Except = slices.Clone(h.Except)
		c.Observed = slices.Clone(h.Observed)
		out = append(out, &c)
		switch h {
		case nl.GoedeVrijdag:
			gf = &c
		case nl.BevrijdingsDag:
			lib = &c
		}
	}
	return out, gf, lib
}()

func holidayDefs(year int, goodFriday bool, lib LiberationDay) []*cal.Holiday {
	defs := make([]*cal.Holiday, 0, len(dutchHolidays))
	for _, h := range dutchHolidays {
		switch h {
		case goodFridayDef:
			if !goodFriday {
				continue
			}
		case liberationDayDef:
			switch lib {
			case LiberationNever:
				continue
			case LiberationLustrum:
				if year%5 != 0 {
					continue
				}
			}
		}
		defs = append(defs, h)
	}
	return defs
}

// dayKey packs a month and day into one small number.
func dayKey(m time.Month, d int) int { return int(m)*32 + d }

type holidayKey struct {
	year       int
	goodFriday bool
	lib        LiberationDay
}

// holidayCache holds the computed holiday sets per year and policy switch,
// for the years a register plausibly spans; other years are computed on
// every call so that hostile input cannot grow the cache.
var holidayCache sync.Map // holidayKey -> map[int]bool

func holidaysOf(year int, goodFriday bool, lib LiberationDay) map[int]bool {
	if lib != LiberationLustrum && lib != LiberationNever {
		lib = LiberationEveryYear
	}
	k := holidayKey{year, goodFriday, lib}
	if v, ok := holidayCache.Load(k); ok {
		return v.(map[int]bool)
	}
	set := map[int]bool{}
	for _, h := range holidayDefs(year, goodFriday, lib) {
		_, obs := h.Calc(year)
		if !obs.IsZero() && obs.Year() == year {
			set[dayKey(obs.Month(), obs.Day())] = true
		}
	}
	if year >= 1900 && year <= 2200 {
		holidayCache.Store(k, set)
	}
	return set
}
