package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"testing"
)

// compactSamples returns each bundled sample as one line of JSON.
func compactSamples(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, s := range samples {
		b, err := os.ReadFile(dataPath(s + ".json"))
		if err != nil {
			tb.Fatal(err)
		}
		var buf bytes.Buffer
		if err := json.Compact(&buf, b); err != nil {
			tb.Fatal(err)
		}
		out = append(out, buf.Bytes())
	}
	return out
}

// BenchmarkBatch measures -batch end to end: read, decode and validate,
// evaluate, encode, over 1,000 lines per iteration. Compare runs with
// benchstat; the throughput is reported as assessments/s.
func BenchmarkBatch(b *testing.B) { benchBatch(b, "-batch", "-") }

// BenchmarkBatchXLSX is BenchmarkBatch writing one workbook row per
// line instead of one JSON report.
func BenchmarkBatchXLSX(b *testing.B) { benchBatch(b, "-batch", "-format", "xlsx", "-") }

// benchBatch runs the evaluator with args on 1,000 sample lines per
// iteration and reports assessments/s.
func benchBatch(b *testing.B, args ...string) {
	const lines = 1000
	lns := compactSamples(b)
	var in bytes.Buffer
	for i := range lines {
		in.Write(lns[i%len(lns)])
		in.WriteByte('\n')
	}
	b.SetBytes(int64(in.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if code := run(args, bytes.NewReader(in.Bytes()), io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit code %d", code)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "assessments/s")
}

// BenchmarkRender measures one report from file to rendered output in
// each format, the interactive path.
func BenchmarkRender(b *testing.B) {
	for _, format := range []string{"text", "markdown", "html", "json", "xlsx"} {
		b.Run(format, func(b *testing.B) {
			args := []string{"-format", format, dataPath("ind-after.json")}
			b.ReportAllocs()
			for b.Loop() {
				if code := run(args, nil, io.Discard, io.Discard); code != exitOK {
					b.Fatalf("exit code %d", code)
				}
			}
		})
	}
}
