package form

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// The benchmarks use fxDocument, a full self-assessment of about 10 KB.
// Compare BenchmarkDecode with BenchmarkJSONUnmarshal for the ratio that
// issue 8 asks for (target: within 3x and under 150 µs).

func BenchmarkRead(b *testing.B) {
	doc := fxDocument()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, probs := Read(bytes.NewReader(doc), Limits{}); probs != nil {
			b.Fatal(probs)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	doc := fxDocument()
	v, err := NewValidator(fxSchema(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if probs := v.Validate(doc); probs != nil {
			b.Fatal(probs)
		}
	}
}

func BenchmarkValidateValue(b *testing.B) {
	doc := fxDocument()
	v, err := NewValidator(fxSchema(b))
	if err != nil {
		b.Fatal(err)
	}
	tree, probs := Parse(doc, Limits{})
	if probs != nil {
		b.Fatal(probs)
	}
	b.ReportAllocs()
	for b.Loop() {
		if probs := v.ValidateValue(tree); probs != nil {
			b.Fatal(probs)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	doc := fxDocument()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, probs := Parse(doc, Limits{}); probs != nil {
			b.Fatal(probs)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	doc := fxDocument()
	v, err := NewValidator(fxSchema(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		var a fxAssessment
		if probs := Decode(bytes.NewReader(doc), v, &a, Limits{}); probs != nil {
			b.Fatal(probs)
		}
	}
}

// BenchmarkJSONUnmarshal is the baseline: plain encoding/json of the same
// bytes into the same struct, with no checks.
func BenchmarkJSONUnmarshal(b *testing.B) {
	doc := fxDocument()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		var a fxAssessment
		if err := json.Unmarshal(doc, &a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCacheGet(b *testing.B) {
	var c Cache[string]
	build := func() ([]byte, error) { return []byte("{}"), nil }
	if _, err := c.Get("nl/2020-12", build); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Get("nl/2020-12", build); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSchemaUncached is what a Cache saves: reflecting the fixture
// and converting it to draft-07.
func BenchmarkSchemaUncached(b *testing.B) {
	s20 := fxSchema(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Reflect(fxAssessment{}, "https://goedgesprek.nl/schema/test/v1.json", Enum(fxKinds)); err != nil {
			b.Fatal(err)
		}
		if _, err := Convert(s20, Draft07); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewValidator(b *testing.B) {
	s := fxSchema(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewValidator(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeVsJSON alternates Decode and plain json.Unmarshal of the
// same bytes into the same struct and reports both and their ratio, so
// that load from other processes on a shared machine hits both alike.
func BenchmarkDecodeVsJSON(b *testing.B) {
	doc := fxDocument()
	v, err := NewValidator(fxSchema(b))
	if err != nil {
		b.Fatal(err)
	}
	var dDecode, dJSON time.Duration
	for b.Loop() {
		t0 := time.Now()
		var a fxAssessment
		if probs := Decode(bytes.NewReader(doc), v, &a, Limits{}); probs != nil {
			b.Fatal(probs)
		}
		t1 := time.Now()
		var c fxAssessment
		if err := json.Unmarshal(doc, &c); err != nil {
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
