package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
)

// sampleBatch is the four bundled samples as a batch, one per line, in
// this order: ind-before, ind-after, compliant, small-municipality.
func sampleBatch(t testing.TB) string {
	t.Helper()
	var b strings.Builder
	for _, s := range samples {
		raw, err := os.ReadFile(dataPath(s + ".json"))
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, json.Compact(&buf, raw))
		b.Write(buf.Bytes())
		b.WriteByte('\n')
	}
	return b.String()
}

func TestSummaryGolden(t *testing.T) {
	batch := sampleBatch(t)
	for _, tc := range []struct{ lang, format, ext string }{
		{"nl", "text", "txt"}, {"en", "text", "txt"}, {"nl", "markdown", "md"}, {"en", "json", "json"}, {"nl", "html", "html"},
	} {
		t.Run(tc.lang+"."+tc.ext, func(t *testing.T) {
			code, out, errs := runCmd(t, strings.NewReader(batch), "-batch", "-summary", "-lang", tc.lang, "-format", tc.format, "-")
			require.Equal(t, exitOK, code, "stderr: %s", errs)
			golden(t, "summary.samples."+tc.lang+"."+tc.ext+".golden", out)
			if tc.format == "html" {
				assertWellFormedHTML(t, out)
				assert.NotContains(t, strings.ToLower(out), "<script")
				assert.Contains(t, out, `http-equiv="Content-Security-Policy"`)
			}
		})
	}
}

// The four samples, hand-computed. Total scores 24.3 (red), 91.8 (green),
// 100 (green), 89 (amber); sorted 24.3, 89, 91.8, 100. Type 7 puts the
// p-quantile at rank h = 3p (0-based): Q1 at 0.75, 24.3 + 0.75 × (89 − 24.3)
// = 72.825; median at 1.5, 89 + 0.5 × 2.8 = 90.4; Q3 at 2.25,
// 91.8 + 0.25 × 8.2 = 93.85. GG03 scores 12.5, 100, 100, 37.5; sorted 12.5,
// 37.5, 100, 100: Q1 12.5 + 0.75 × 25 = 31.25, median 37.5 + 0.5 × 62.5 =
// 68.75, Q3 100. GG14 scores 16.7, 83.3, 100, 33.3; sorted 16.7, 33.3, 83.3,
// 100: Q1 16.7 + 0.75 × 16.6 = 29.15, median 58.3, Q3 83.3 + 0.25 × 16.7 =
// 87.475. (numpy.percentile([24.3, 89, 91.8, 100], [25, 50, 75]) and
// Excel's QUARTILE.INC give the same.)
func TestSummaryHandComputed(t *testing.T) {
	// A blank line is skipped; a refused line is counted, reported on
	// stderr and makes the exit code 1, but the summary is still written.
	batch := sampleBatch(t) + "\n{\"version\": \"1\"}\n"
	code, out, errs := runCmd(t, strings.NewReader(batch), "-batch", "-summary", "-format", "json", "-")
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, errs, "regel 6:")
	assert.Contains(t, errs, "1 van 5 regels geweigerd")

	var got struct {
		Organisations []orgRow    `json:"organisations"`
		Summary       summaryJSON `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	s := got.Summary
	assert.Len(t, got.Organisations, 4)
	assert.Equal(t, 4, s.Organisations)
	assert.Equal(t, 1, s.Refused)
	assert.Equal(t, map[checklist.Rating]int{checklist.Green: 2, checklist.Amber: 1, checklist.Red: 1}, s.Ratings)
	assert.Equal(t, quartiles{N: 4, Q1: 72.825, Median: 90.4, Q3: 93.85}, s.Score)
	assert.Equal(t, checklist.ItemID("GG03"), s.Items[2].ID)
	assert.Equal(t, quartiles{N: 4, Q1: 31.25, Median: 68.75, Q3: 100}, s.Items[2].Quartiles)
	assert.Equal(t, quartiles{N: 4, Q1: 29.15, Median: 58.3, Q3: 87.475}, s.Items[13].Quartiles)

	// Capped: ind-before by five critical criteria, small-municipality by
	// GG03-1; both named at the end, in input order.
	assert.Equal(t, 2, s.Capped)
	assert.Equal(t, criterionCount{"GG03-1", 2}, s.CappedBy[0])
	require.Len(t, s.CappedFirst, 2)
	assert.Equal(t, 1, s.CappedFirst[0].Line)
	assert.Equal(t, []checklist.CriterionID{"GG01-1", "GG03-1", "GG11-1", "GG12-1", "GG13-1"}, s.CappedFirst[0].CappedBy)
	assert.Equal(t, 4, s.CappedFirst[1].Line)
	assert.Equal(t, "Gemeente Klein Veerhaven (fictief)", s.CappedFirst[1].Organisation)

	// The most frequent finding: GG03-1 critical and not met, in two.
	assert.Equal(t, findingCount{findingKey{checklist.FindingCriticalNotMet, "GG03-1"}, 2}, s.TopFindings[0])
	assert.Len(t, s.TopFindings, topFindingsN)
}

// typeSeven is the textbook definition on a sorted copy, written apart
// from the histogram, as the reference.
func typeSeven(xs []float64, p float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	h := float64(len(s)-1) * p
	lo := int(math.Floor(h))
	if lo+1 >= len(s) {
		return s[lo]
	}
	return s[lo] + (h-float64(lo))*(s[lo+1]-s[lo])
}

func TestHistogramQuantiles(t *testing.T) {
	var h histogram
	for _, x := range []float64{1, 2, 3, 4, 5, 6} {
		h.add(x)
	}
	// 1..6: Q1 at h = 1.25: 2.25; median 3.5; Q3 at 3.75: 4.75.
	assert.Equal(t, 2.25, h.quantile(0.25))
	assert.Equal(t, 3.5, h.quantile(0.5))
	assert.Equal(t, 4.75, h.quantile(0.75))

	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		var h histogram
		xs := make([]float64, 1+r.IntN(300))
		for i := range xs {
			xs[i] = float64(r.IntN(1001)) / 10
			h.add(xs[i])
		}
		for _, p := range []float64{0, 0.25, 0.5, 0.75, 1} {
			assert.InDelta(t, typeSeven(xs, p), h.quantile(p), 1e-9, "n=%d p=%v", len(xs), p)
		}
	}
	var empty histogram
	assert.True(t, math.IsNaN(empty.quantile(0.5)))
}

// What the portfolio keeps does not grow with the organisations: the
// capped list stops at maxCapped, rows are not kept.
func TestPortfolioBounded(t *testing.T) {
	p := newPortfolio()
	row := orgRow{Rating: checklist.Amber, Score: 85, CappedBy: []checklist.CriterionID{"GG12-1"},
		findings: []findingKey{{checklist.FindingPartiallyMet, "GG12-1"}}}
	for _, id := range p.items {
		row.Items = append(row.Items, itemCell{ID: id, Score: 75, Result: checklist.PartiallyMet})
	}
	for range 10_000 {
		p.add(&row)
	}
	assert.Len(t, p.firstCaps, maxCapped)
	assert.Len(t, p.findings, 1)
	assert.Equal(t, 10_000, p.capped)
	s := p.result("en")
	assert.Equal(t, quartiles{N: 10_000, Q1: 75, Median: 75, Q3: 75}, s.Items[0].Quartiles)
}

// BenchmarkSummary measures the portfolio summary per organisation over a
// batch of synthetic assessments (the samples, repeated).
func BenchmarkSummary(b *testing.B) {
	one := sampleBatch(b)
	batch := strings.Repeat(one, 250) // 1,000 organisations
	b.SetBytes(int64(len(batch)))
	b.ReportAllocs()
	for b.Loop() {
		var errb bytes.Buffer
		if code := run([]string{"-batch", "-summary", "-"}, strings.NewReader(batch), io.Discard, &errb); code != exitOK {
			b.Fatal(errb.String())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/org")
}

// With nothing to summarise the quartiles are absent (null, "–"), never a
// median of 0.
func TestSummaryEmpty(t *testing.T) {
	code, out, _ := runCmd(t, strings.NewReader("\n\n"), "-batch", "-summary", "-format", "json", "-")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "\"score\": {\n    \"n\": 0,\n    \"q1\": null,\n    \"median\": null,\n    \"q3\": null\n  }")
	assert.NotContains(t, out, `"median": 0`)
	var got struct {
		Summary struct {
			Items []struct {
				ID        string
				Quartiles map[string]any
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got.Summary.Items, 14)
	assert.Equal(t, "GG01", got.Summary.Items[0].ID)
	assert.Nil(t, got.Summary.Items[0].Quartiles["median"])

	code, out, _ = runCmd(t, strings.NewReader(""), "-batch", "-summary", "-lang", "en", "-")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "Score: 1st quartile –, median –, 3rd quartile –")
}
