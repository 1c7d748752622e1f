package followup_test

import (
	"fmt"
	"time"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// Measure the twelve months up to an assessment dated 2026-03-31: an
// incident from the year before is read and left out.
func ExampleSummarizeIn() {
	ams := followup.Amsterdam()
	swearing := func(id string, at time.Time) followup.Record {
		return followup.Record{Incident: incident.Incident{ID: incident.ID(id), OccurredAt: at,
			Behaviours: []norm.BehaviourCode{norm.Swearing}, Perpetrator: incident.Perpetrator{Role: incident.PerpetratorUnknown}}}
	}
	register := seq(
		swearing("INC-1", time.Date(2025, 3, 31, 23, 30, 0, 0, ams)), // the evening before the period
		swearing("INC-2", time.Date(2025, 4, 1, 0, 0, 0, 0, ams)),    // its first moment
		swearing("INC-3", time.Date(2026, 2, 12, 14, 0, 0, 0, ams)),
	)
	per := followup.YearTo(norm.Date{Year: 2026, Month: time.March, Day: 31})
	s, err := followup.SummarizeIn(register, followup.DefaultPolicy(), per, per.End())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Period, s.Incidents, "incidents")
	fmt.Println("starts", per.Start().UTC().Format(time.RFC3339), "ends", per.End().UTC().Format(time.RFC3339))
	// Output:
	// 2025-04-01/2026-03-31 2 incidents
	// starts 2025-03-31T22:00:00Z ends 2026-03-31T22:00:00Z
}
