package incident

import (
	"testing"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// BenchmarkSchemaUncached measures building the schema from the Go types,
// what Schema costs on the first request per language and dialect.
func BenchmarkSchemaUncached(b *testing.B) {
	for _, d := range form.Dialects() {
		b.Run(string(d), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := buildSchema(norm.NL, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
