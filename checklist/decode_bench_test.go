package checklist

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// BenchmarkDecode runs DecodeAssessment (every check) and encoding/json
// into the same struct as sub-benchmarks of one benchmark, so that
// -count interleaves them and load from other processes hits both alike:
//
//	go test -run '^$' -bench '^BenchmarkDecode$' -benchmem -count 10 ./checklist | benchstat -col /impl -
func BenchmarkDecode(b *testing.B) {
	doc := fullAssessment(b)
	b.Run("impl=DecodeAssessment", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := DecodeAssessment(bytes.NewReader(doc)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			var a Assessment
			if err := json.Unmarshal(doc, &a); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDecodeRatio alternates DecodeAssessment and encoding/json on
// every iteration and reports the ratio of their times: the measure of
// issue 16 (within 2x), unaffected by load that changes between runs.
//
//	go test -run '^$' -bench '^BenchmarkDecodeRatio$' -count 10 ./checklist | benchstat -
func BenchmarkDecodeRatio(b *testing.B) {
	doc := fullAssessment(b)
	if _, err := DecodeAssessment(bytes.NewReader(doc)); err != nil {
		b.Fatal(err)
	}
	var dDecode, dJSON time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := DecodeAssessment(bytes.NewReader(doc)); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		var a Assessment
		if err := json.Unmarshal(doc, &a); err != nil {
			b.Fatal(err)
		}
		dDecode += t1.Sub(t0)
		dJSON += time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(dDecode.Nanoseconds())/n, "decode-ns/op")
	b.ReportMetric(float64(dJSON.Nanoseconds())/n, "json-ns/op")
	b.ReportMetric(float64(dDecode)/float64(dJSON), "ratio")
}
