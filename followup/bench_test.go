package followup_test

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/followup/followuptest"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
)

// benchPool is a pool of synthetic records that the benchmark cycles
// through, so that it measures Summarize and not the generators.
func benchPool(tb testing.TB, n int) ([]followup.Record, time.Time) {
	tb.Helper()
	from := time.Date(2025, time.April, 1, 8, 0, 0, 0, followup.Amsterdam())
	rng := rand.New(rand.NewPCG(1, 2))
	recs := make([]followup.Record, 0, n)
	var last time.Time
	for inc := range incidenttest.All(1, n, from) {
		recs = append(recs, followup.Record{Incident: inc, Actions: followuptest.Actions(inc, followup.Policy{}, rng, followuptest.Sample())})
		last = inc.OccurredAt
	}
	return recs, last.Add(30 * 24 * time.Hour)
}

// cycle yields n records lazily from the pool: nothing grows with n. Every
// sampleEvery records it samples the heap in use, and keeps the peak.
func cycle(pool []followup.Record, n int, peak *uint64) iter.Seq2[followup.Record, error] {
	const sampleEvery = 100_000
	return func(yield func(followup.Record, error) bool) {
		var ms runtime.MemStats
		for i := range n {
			if peak != nil && i%sampleEvery == sampleEvery-1 {
				runtime.ReadMemStats(&ms)
				*peak = max(*peak, ms.HeapInuse)
			}
			if !yield(pool[i%len(pool)], nil) {
				return
			}
		}
	}
}

// BenchmarkSummarize runs Summarize over 10,000 to 1,000,000 incidents. Its
// custom metrics show that memory does not grow with the count: the peak
// heap in use while summarizing (sampled every 100,000 records, and at the
// end) and the bytes allocated per incident stay the same from 100,000 to
// 1,000,000 incidents. cpu-ns/incident is the process's CPU time (all
// threads, the garbage collector included) per incident, a steadier
// figure than wall time on a busy shared machine.
func BenchmarkSummarize(b *testing.B) {
	pool, at := benchPool(b, 10_000)
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("incidents=%d", n), func(b *testing.B) {
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			var peak uint64
			cpu0 := cpuTime()
			b.ReportAllocs()
			var s followup.Summary
			for b.Loop() {
				var err error
				s, err = followup.Summarize(cycle(pool, n, &peak), followup.Policy{}, at)
				if err != nil {
					b.Fatal(err)
				}
			}
			cpu := cpuTime() - cpu0
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			peak = max(peak, after.HeapInuse)
			if s.Incidents != n {
				b.Fatalf("summarized %d, want %d", s.Incidents, n)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/incident")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(n), "cpu-ns/incident")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(n), "B/incident")
			b.ReportMetric(float64(peak-min(peak, before.HeapInuse))/(1<<20), "peak-heap-growth-MB")
		})
	}
}

// BenchmarkPlanStatus is one incident through the public Plan and Status.
func BenchmarkPlanStatus(b *testing.B) {
	pool, at := benchPool(b, 1000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r := &pool[i%len(pool)]
		mustStatus(b, mustPlan(b, r.Incident, followup.Policy{}), r.Actions, at)
		i++
	}
}

// BenchmarkGenerate is the cost of the synthetic register itself
// (incidents and actions), for comparison.
func BenchmarkGenerate(b *testing.B) {
	from := time.Date(2025, time.April, 1, 8, 0, 0, 0, followup.Amsterdam())
	b.ReportAllocs()
	for b.Loop() {
		for range followuptest.Register(1, 1000, from, followup.Policy{}, followuptest.Sample()) {
		}
	}
}
