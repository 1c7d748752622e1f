package norm_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want norm.Date
		ok   bool
	}{
		{"2024-02-29", norm.Date{Year: 2024, Month: time.February, Day: 29}, true}, // leap year
		{"2025-02-28", norm.Date{Year: 2025, Month: time.February, Day: 28}, true},
		{"2000-02-29", norm.Date{Year: 2000, Month: time.February, Day: 29}, true}, // divisible by 400
		{"0000-01-01", norm.Date{Year: 0, Month: time.January, Day: 1}, true},
		{"9999-12-31", norm.Date{Year: 9999, Month: time.December, Day: 31}, true},
		{"2025-02-29", norm.Date{}, false}, // not a leap year
		{"2025-02-30", norm.Date{}, false},
		{"1900-02-29", norm.Date{}, false}, // divisible by 100, not 400
		{"2025-04-31", norm.Date{}, false},
		{"2025-13-01", norm.Date{}, false},
		{"2025-00-10", norm.Date{}, false},
		{"2025-01-00", norm.Date{}, false},
		{"2025-1-01", norm.Date{}, false},
		{"2025-01-1", norm.Date{}, false},
		{"25-01-01", norm.Date{}, false},
		{"2025/01/01", norm.Date{}, false},
		{"2025-01-01T00:00:00Z", norm.Date{}, false},
		{" 2025-01-01", norm.Date{}, false},
		{"+025-01-01", norm.Date{}, false},
		{"-025-01-01", norm.Date{}, false},
		{"2025-+1-01", norm.Date{}, false},
		{"", norm.Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := norm.ParseDate(tt.in)
			if !tt.ok {
				var de *norm.DateError
				require.ErrorAs(t, err, &de)
				assert.Equal(t, tt.in, de.Value)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.True(t, got.Valid())
			assert.Equal(t, tt.in, got.String())
		})
	}
}

func TestDateJSON(t *testing.T) {
	var v struct {
		D norm.Date `json:"d"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"d":"2024-02-29"}`), &v))
	assert.Equal(t, norm.Date{Year: 2024, Month: time.February, Day: 29}, v.D)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":"2024-02-29"}`, string(out))

	err = json.Unmarshal([]byte(`{"d":"2025-02-30"}`), &v)
	var de *norm.DateError
	require.True(t, errors.As(err, &de), "got %v", err)
	assert.Contains(t, err.Error(), "2025-02-30")
}

func TestDateValid(t *testing.T) {
	assert.False(t, norm.Date{}.Valid(), "zero date")
	assert.False(t, norm.Date{Year: 2025, Month: time.February, Day: 29}.Valid())
	assert.False(t, norm.Date{Year: 10000, Month: time.January, Day: 1}.Valid())
	assert.False(t, norm.Date{Year: -1, Month: time.January, Day: 1}.Valid())
	assert.True(t, norm.Date{Year: 2024, Month: time.February, Day: 29}.Valid())
}

func TestDateArithmetic(t *testing.T) {
	d := func(s string) norm.Date {
		t.Helper()
		v, err := norm.ParseDate(s)
		require.NoError(t, err)
		return v
	}
	assert.Equal(t, d("2024-02-29"), d("2024-01-31").AddMonths(1), "clamped to the end of February")
	assert.Equal(t, d("2025-02-28"), d("2024-02-29").AddMonths(12))
	assert.Equal(t, d("2023-12-15"), d("2024-01-15").AddMonths(-1))
	assert.Equal(t, 12, d("2024-03-01").MonthsBetween(d("2025-03-01")))
	assert.Equal(t, 11, d("2024-03-02").MonthsBetween(d("2025-03-01")))
	assert.Equal(t, -1, d("2024-03-01").MonthsBetween(d("2024-02-01")))
	assert.Equal(t, 1, d("2024-01-31").MonthsBetween(d("2024-02-29")))
	assert.Equal(t, 12, d("2024-02-29").MonthsBetween(d("2025-02-28")))
	assert.True(t, d("2024-12-31").Before(d("2025-01-01")))
	assert.True(t, d("2025-01-01").After(d("2024-12-31")))
	assert.Equal(t, 0, d("2025-01-01").Compare(d("2025-01-01")))
}

// FuzzParseDate: no panic; a parsed date is valid and renders back to the
// same bytes; a refusal is a *DateError carrying the input.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2025-02-30", "0000-01-01", "9999-12-31", "+025-01-01", "2025-1-1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := norm.ParseDate(s)
		if err != nil {
			var de *norm.DateError
			require.ErrorAs(t, err, &de)
			require.Equal(t, s, de.Value)
			require.NotEmpty(t, err.Error())
			if norm.DateShaped(s) {
				_, terr := time.Parse("2006-01-02", s)
				require.Error(t, terr, "%q refused, but time.Parse reads it", s)
			}
			return
		}
		require.True(t, d.Valid(), "%q parsed to an invalid %#v", s, d)
		require.Equal(t, s, d.String())
		out, err := d.MarshalText()
		require.NoError(t, err)
		require.Equal(t, s, string(out))
		// Cross-check with the standard library's own reading.
		tm, err := time.Parse("2006-01-02", s)
		require.NoError(t, err)
		require.Equal(t, d, norm.DateOf(tm))
	})
}

func TestMonthsBetweenMatchesAddMonths(t *testing.T) {
	start := norm.Date{Year: 2023, Month: time.January, Day: 1}
	for i := 0; i < 2*366; i += 3 {
		d := norm.DateOf(start.In(time.UTC).AddDate(0, 0, i))
		for j := 0; j < 800; j += 7 {
			e := norm.DateOf(d.In(time.UTC).AddDate(0, 0, j))
			m := d.MonthsBetween(e)
			require.False(t, d.AddMonths(m).After(e), "%s + %d months passes %s", d, m, e)
			require.True(t, d.AddMonths(m+1).After(e), "%s + %d months does not pass %s", d, m+1, e)
			require.Equal(t, -m, e.MonthsBetween(d), "%s and %s", d, e)
		}
	}
}

func TestDateShaped(t *testing.T) {
	for s, want := range map[string]bool{
		"2025-02-30": true, // shaped like a date, even though it does not exist
		"2025-06-30": true,
		"2025-6-30":  false,
		"+025-06-30": false,
		"2025/06/30": false,
		"30-06-2025": false,
		"":           false,
	} {
		assert.Equal(t, want, norm.DateShaped(s), s)
	}
}

// TestParseDateAgreesWithTime: ParseDate reads the digits itself; it must
// give time.Parse's verdict and date for every month and day field (00 to
// 99) of years around every leap rule.
func TestParseDateAgreesWithTime(t *testing.T) {
	for _, y := range []int{0, 1, 4, 99, 100, 400, 1582, 1600, 1900, 1999, 2000, 2023, 2024, 2025, 2100, 2400, 9996, 9999} {
		for m := range 100 {
			for d := range 100 {
				s := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
				want, werr := time.Parse("2006-01-02", s)
				got, err := norm.ParseDate(s)
				if (err == nil) != (werr == nil) {
					t.Fatalf("%s: ParseDate error %v, time.Parse error %v", s, err, werr)
				}
				if err == nil && got != norm.DateOf(want) {
					t.Fatalf("%s: ParseDate %v, time.Parse %v", s, got, want)
				}
			}
		}
	}
}
