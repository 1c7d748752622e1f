package incidenttest_test

import (
	"fmt"
	"time"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
)

// The same seed gives the same register, so a benchmark or a sample file
// is reproducible.
func ExampleGenerate() {
	from := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	incs := incidenttest.Generate(2012, 3, from)
	again := incidenttest.Generate(2012, 3, from)
	fmt.Println(len(incs), incs[0].ID, incs[2].ID, incs[1].OccurredAt.Equal(again[1].OccurredAt))

	s := incident.Stats(incidenttest.All(2012, 10000, from))
	fmt.Println(s.Total, s.ByCategory["verbal"] > s.ByCategory["threat"], s.ByCategory["threat"] > s.ByCategory["physical"])
	// Output:
	// 3 INC-000001 INC-000003 true
	// 10000 true true
}
