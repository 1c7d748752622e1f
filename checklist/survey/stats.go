package survey

import "math"

// z95 is the 97.5th percentile of the standard normal distribution, for
// two-sided 95% intervals and tests.
const z95 = 1.959963984540054

// Wilson returns the 95% Wilson score interval of k successes out of n,
// as shares from 0 to 1 (Wilson 1927; the interval R's prop.test gives
// with correct=FALSE). n must be positive and 0 <= k <= n; otherwise both
// bounds are NaN.
func Wilson(k, n int) (lo, hi float64) {
	if n <= 0 || k < 0 || k > n {
		return math.NaN(), math.NaN()
	}
	nf := float64(n)
	p := float64(k) / nf
	z2 := z95 * z95
	den := 1 + z2/nf
	centre := (p + z2/(2*nf)) / den
	half := z95 / den * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	lo, hi = centre-half, centre+half
	// At k = 0 or k = n one bound is exactly 0 or 1; rounding must not
	// push it past.
	if k == 0 {
		lo = 0
	}
	if k == n {
		hi = 1
	}
	return max(lo, 0), min(hi, 1)
}

// TwoProportionZ is the two-sided pooled z-test of k1 of n1 against k2 of
// n2: its statistic (positive when the second share is higher) and p
// value. It equals R's prop.test(c(k1, k2), c(n1, n2), correct = FALSE),
// whose X-squared is z². When both shares are 0 or both 1 there is no
// difference to test: z is 0 and p is 1.
func TwoProportionZ(k1, n1, k2, n2 int) (z, p float64) {
	if n1 <= 0 || n2 <= 0 || k1 < 0 || k2 < 0 || k1 > n1 || k2 > n2 {
		return math.NaN(), math.NaN()
	}
	p1, p2 := float64(k1)/float64(n1), float64(k2)/float64(n2)
	pool := float64(k1+k2) / float64(n1+n2)
	se := math.Sqrt(pool * (1 - pool) * (1/float64(n1) + 1/float64(n2)))
	if se == 0 {
		return 0, 1
	}
	z = (p2 - p1) / se
	return z, math.Erfc(math.Abs(z) / math.Sqrt2)
}

// FisherExact is the two-sided p value of Fisher's exact test on the 2×2
// table {k1, n1-k1; k2, n2-k2}: the probability, given the margins, of
// every table no more likely than the one observed. It follows R's
// fisher.test, which counts tables within a relative 1e-7 of the
// observed probability as equally likely.
func FisherExact(k1, n1, k2, n2 int) float64 {
	if n1 <= 0 || n2 <= 0 || k1 < 0 || k2 < 0 || k1 > n1 || k2 > n2 {
		return math.NaN()
	}
	k := k1 + k2 // successes in all
	n := n1 + n2
	lo, hi := max(0, k-n2), min(k, n1)
	// log P(X = x) for X hypergeometric: choose(n1, x) choose(n2, k-x) / choose(n, k)
	lchoose := func(a, b int) float64 {
		x, _ := math.Lgamma(float64(a + 1))
		y, _ := math.Lgamma(float64(b + 1))
		z, _ := math.Lgamma(float64(a - b + 1))
		return x - y - z
	}
	base := lchoose(n, k)
	logp := func(x int) float64 { return lchoose(n1, x) + lchoose(n2, k-x) - base }
	obs := logp(k1)
	limit := obs + math.Log1p(1e-7)
	sum := 0.0
	for x := lo; x <= hi; x++ {
		if lp := logp(x); lp <= limit {
			sum += math.Exp(lp)
		}
	}
	return min(sum, 1)
}

// UseFisher reports whether a comparison of k1 of n1 with k2 of n2 is too
// small for the z-test: some cell of the 2×2 table is expected to hold
// fewer than 5 respondents (Cochran's rule), so Fisher's exact test is
// used instead.
func UseFisher(k1, n1, k2, n2 int) bool {
	n := float64(n1 + n2)
	k := float64(k1 + k2)
	for _, row := range [2]float64{float64(n1), float64(n2)} {
		for _, col := range [2]float64{k, n - k} {
			if row*col/n < 5 {
				return true
			}
		}
	}
	return false
}
