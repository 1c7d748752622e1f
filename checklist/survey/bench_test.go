package survey_test

import (
	"bytes"
	"testing"

	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/checklist/survey/surveytest"
)

// BenchmarkReadCSVSummarize reads a CSV of 10,000 respondents and sums it
// up: the cost of a survey of a very large organisation.
func BenchmarkReadCSVSummarize(b *testing.B) {
	var buf bytes.Buffer
	if err := surveytest.WriteCSV(&buf, surveytest.Sample(survey.Month{Year: 2026, Month: 3}, 10_000, surveytest.After, 1)); err != nil {
		b.Fatal(err)
	}
	doc := buf.Bytes()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		rs, err := survey.ReadCSV(bytes.NewReader(doc))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := survey.Summarize(rs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFisherExact is Fisher's exact test on two rounds of 400.
func BenchmarkFisherExact(b *testing.B) {
	for b.Loop() {
		survey.FisherExact(16, 400, 3, 400)
	}
}
