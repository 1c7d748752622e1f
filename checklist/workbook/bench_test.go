package workbook_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/goedgesprek/goedgesprek/checklist/workbook"
	"github.com/goedgesprek/goedgesprek/norm"
)

func BenchmarkWrite(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := workbook.Write(io.Discard, norm.NL); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRead reads the filled-in sample; BenchmarkReadBomb the zip
// bomb that unpacks to 64 MiB, refused from the zip's directory.
func BenchmarkRead(b *testing.B) {
	bench(b, sampleWorkbook)
}

func BenchmarkReadBomb(b *testing.B) {
	bench(b, filepath.Join("testdata", "hostile", "zip-bomb-lying-size.xlsx"))
}

func bench(b *testing.B, name string) {
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		workbook.Read(bytes.NewReader(data), workbook.Limits{})
	}
}
