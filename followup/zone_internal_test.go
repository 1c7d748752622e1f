package followup

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fast reading of Amsterdam time must agree with the time package,
// around every transition and at random instants from 1990 to 2210 (which
// includes years outside the fast path).
func TestLocalWallAgreesWithTimePackage(t *testing.T) {
	check := func(u time.Time) {
		t.Helper()
		want := u.In(amsterdam)
		y, m, d := localDate(u)
		hh, mm, ss, ns := localClock(u)
		wy, wm, wd := want.Date()
		whh, wmm, wss := want.Clock()
		require.Equal(t, [7]int{wy, int(wm), wd, whh, wmm, wss, want.Nanosecond()}, [7]int{y, int(m), d, hh, mm, ss, ns}, "%s", u)
	}
	for y := 1990; y <= 2210; y++ {
		for _, m := range []time.Month{time.March, time.October} {
			ls := lastSunday(y, m)
			for off := -3 * time.Hour; off <= 4*time.Hour; off += 15 * time.Minute {
				check(ls.Add(off))
				check(ls.Add(off - time.Nanosecond))
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	lo := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2210, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	for range 20000 {
		check(time.Unix(lo+r.Int64N(hi-lo), r.Int64N(1e9)))
	}
}

// atClock must give a time that shows the requested wall clock when that
// clock time exists, the earlier of two when it exists twice, and the
// gap's end when it does not exist, in and outside the fast path.
func TestAtClock(t *testing.T) {
	for _, y := range []int{2026, 2150, 2205} { // 2205: outside the fast path
		spring, autumn := lastSunday(y, time.March), lastSunday(y, time.October)
		for day := range 400 {
			date := time.Date(y, time.January, 1+day, 12, 0, 0, 0, time.UTC)
			for _, hm := range [][2]int{{0, 0}, {2, 0}, {2, 30}, {2, 59}, {3, 0}, {10, 15}, {23, 59}} {
				clock := time.Date(2000, 1, 10, hm[0], hm[1], 0, 0, amsterdam) // atClock reads it in Amsterdam
				got := atClock(date, clock)
				if date.Equal(spring.Add(12*time.Hour)) && hm[0] == 2 { // in the gap
					assert.Equal(t, hm[0]+1, got.Hour(), "%s %v", date, hm)
					assert.Equal(t, hm[1], got.Minute())
					continue
				}
				gy, gm, gd := got.Date()
				wy, wm, wd := date.Date()
				assert.Equal(t, [5]int{wy, int(wm), wd, hm[0], hm[1]}, [5]int{gy, int(gm), gd, got.Hour(), got.Minute()}, "%s %v", date, hm)
				if date.Equal(autumn.Add(12*time.Hour)) && hm[0] == 2 {
					_, off := got.Zone()
					assert.Equal(t, 7200, off, "the first of the two: still summer time")
				}
			}
		}
	}
}
