package survey_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/goedgesprek/goedgesprek/checklist/survey"
)

// The reference values below were computed independently, in Python 3
// with the standard library only:
//   - Wilson: the closed form (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)
//     with z = 1.959963984540054; R's prop.test(k, n, correct = FALSE)
//     reports the same interval.
//   - z-test: pooled standard error, p = erfc(|z|/√2); R's
//     prop.test(c(k1, k2), c(n1, n2), correct = FALSE) reports
//     X-squared = z² and the same p (2.2571 and 0.1330 for 14/40 against 8/40).
//   - Fisher: the exact sum over all tables with the margins of the
//     observed one, with math.comb and fractions.Fraction, counting
//     tables no more likely than the observed (within a relative 1e-7,
//     as R's fisher.test does).

func TestWilsonAgainstReference(t *testing.T) {
	for _, tc := range []struct {
		k, n   int
		lo, hi float64
	}{
		{19, 40, 0.3293547011, 0.6250263789}, // 19 of 40, the pilot's threats share after (47.5%)
		{8, 40, 0.1049998973, 0.3475730635},
		{0, 40, 0, 0.0876216012},
		{40, 40, 0.9123783988, 1},
		{28, 40, 0.5456998118, 0.8192515477},
		{37, 40, 0.8013576648, 0.9741639742},
	} {
		lo, hi := survey.Wilson(tc.k, tc.n)
		assert.InDelta(t, tc.lo, lo, 1e-9, "%d/%d low", tc.k, tc.n)
		assert.InDelta(t, tc.hi, hi, 1e-9, "%d/%d high", tc.k, tc.n)
	}
	lo, hi := survey.Wilson(5, 0)
	assert.True(t, math.IsNaN(lo) && math.IsNaN(hi), "no respondents: no interval")
	lo, _ = survey.Wilson(41, 40)
	assert.True(t, math.IsNaN(lo), "more successes than respondents")
}

func TestTwoProportionZAgainstReference(t *testing.T) {
	for _, tc := range []struct {
		k1, n1, k2, n2 int
		z, p           float64
	}{
		{14, 40, 8, 40, -1.5023492575, 0.1330069337},        // threats 35% → 20% among 40: not significant
		{108, 300, 57, 300, -4.6629332730, 3.117338537e-06}, // the same shares among 300: significant
		{24, 40, 38, 40, 3.7483568682, 0.0001779968694},
	} {
		z, p := survey.TwoProportionZ(tc.k1, tc.n1, tc.k2, tc.n2)
		assert.InDelta(t, tc.z, z, 1e-9)
		assert.InEpsilon(t, tc.p, p, 1e-8)
	}
	z, p := survey.TwoProportionZ(0, 40, 0, 40)
	assert.Equal(t, [2]float64{0, 1}, [2]float64{z, p}, "both 0%: nothing to test")
}

func TestFisherExactAgainstReference(t *testing.T) {
	for _, tc := range []struct {
		k1, n1, k2, n2 int
		p              float64
	}{
		{2, 40, 0, 40, 0.493670886076}, // physical aggression 5% → 0%
		{14, 40, 8, 40, 0.210129306124},
		{1, 12, 9, 12, 0.00275945618522},
		{0, 10, 0, 10, 1},
	} {
		assert.InEpsilon(t, tc.p, survey.FisherExact(tc.k1, tc.n1, tc.k2, tc.n2), 1e-9, "%v", tc)
	}
	assert.True(t, math.IsNaN(survey.FisherExact(3, 2, 0, 2)))
}

func TestUseFisher(t *testing.T) {
	assert.True(t, survey.UseFisher(2, 40, 0, 40), "expected 1 in the cells with aggression")
	assert.False(t, survey.UseFisher(14, 40, 8, 40), "every expected cell at least 5")
}
