package checklist_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/followup"
)

// benchAssessment is a full assessment with a realistic mix of results, so
// that explanations, findings and evidence checks all do work.
func benchAssessment(tb testing.TB) checklist.Assessment {
	tb.Helper()
	ans := bestAnswers(tb)
	ans["GG01-1"] = checklist.Answer{Value: checklist.Number(82)}
	ans["GG03-3"] = checklist.Answer{Value: checklist.Number(61)}
	ans["GG04-1"] = checklist.Answer{Value: checklist.Choice("partly")}
	ans["GG05-1"] = checklist.Answer{Value: checklist.Bool(true), Evidence: evidenceAt(assessDate.AddMonths(-40))}
	ans["GG08-1"] = checklist.Answer{Value: checklist.Number(20)}
	ans["GG11-1"] = checklist.Answer{Value: checklist.Multi("swearing", "threatening", "hitting", "spitting", "shouting")}
	ans["GG11-3"] = checklist.Answer{Value: checklist.Number(34)}
	delete(ans, "GG14-3")
	return baseAssessment(ans)
}

// BenchmarkEvaluate evaluates one full assessment (41 criteria, a mix of
// results, findings of every kind but measured). Target (issue 8): at most
// 20 µs and 60 allocations per evaluation.
func BenchmarkEvaluate(b *testing.B) {
	a := benchAssessment(b)
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		if _, err := checklist.Evaluate(a); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// reportCPU adds the process CPU time per operation ("cpu-ns/op"), which
// a loaded machine inflates far less than wall time.
func reportCPU(b *testing.B, start time.Duration) {
	b.Helper()
	if d := processCPU() - start; d > 0 && b.N > 0 {
		b.ReportMetric(float64(d.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

func BenchmarkEvaluateMeasuredEN(b *testing.B) {
	a := benchAssessment(b)
	opts := []checklist.EvalOption{
		checklist.WithLang("en"),
		checklist.WithMeasured(followup.Summary{Period: period2025,
			Incidents:       50,
			Reactions48h:    followup.Share{Num: 31, Den: 50},
			AftercareOnTime: followup.Share{Num: 48, Den: 50},
			CauseAnalysis:   followup.Share{Num: 40, Den: 50},
		}),
	}
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		if _, err := checklist.Evaluate(a, opts...); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkEvaluateInvalid measures the error path: every problem listed.
func BenchmarkEvaluateInvalid(b *testing.B) {
	a := benchAssessment(b)
	a.Answers["GG01-1"] = checklist.Answer{Value: checklist.Number(140)}
	a.Answers["GG99-1"] = checklist.Answer{Value: checklist.Bool(true)}
	a.Organisation.Name = ""
	b.ReportAllocs()
	for b.Loop() {
		if _, err := checklist.Evaluate(a); err == nil {
			b.Fatal("want an error")
		}
	}
}

// BenchmarkReportJSON sets Report.AppendJSON beside json.Marshal on the
// same report, as sub-benchmarks that -count interleaves:
//
//	go test -run '^$' -bench '^BenchmarkReportJSON$' -benchmem -count 10 ./checklist | benchstat -col /impl -
func BenchmarkReportJSON(b *testing.B) {
	r, err := checklist.Evaluate(benchAssessment(b))
	if err != nil {
		b.Fatal(err)
	}
	n, _ := json.Marshal(r)
	b.Run("impl=AppendJSON", func(b *testing.B) {
		b.SetBytes(int64(len(n)))
		b.ReportAllocs()
		buf := make([]byte, 0, 2*len(n))
		for b.Loop() {
			var err error
			if buf, err = r.AppendJSON(buf[:0]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(n)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(r); err != nil {
				b.Fatal(err)
			}
		}
	})
}
