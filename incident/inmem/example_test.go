package inmem_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/inmem"
	"github.com/goedgesprek/goedgesprek/norm"
)

// A register in memory: create an incident, create it again (idempotent),
// update it with optimistic concurrency, and list by period.
func Example() {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	s := inmem.New(inmem.WithNow(func() time.Time { return now }))
	ctx := context.Background()

	inc := incident.Incident{
		ID:          "INC-2026-001",
		OccurredAt:  time.Date(2026, 3, 9, 10, 15, 0, 0, time.UTC),
		ReportedAt:  time.Date(2026, 3, 9, 11, 0, 0, 0, time.UTC),
		Site:        "LOC-AMS",
		Channel:     norm.ChannelDesk,
		Behaviours:  []norm.BehaviourCode{norm.Shouting, norm.Threatening},
		Phase:       norm.Red,
		Perpetrator: incident.Perpetrator{Ref: "P-17", Role: incident.PerpetratorClient},
		Involved:    []incident.Person{{Ref: "E-001", Role: incident.RoleTarget}},
	}
	fmt.Println(s.Create(ctx, &inc), inc.Version)
	again := inc
	fmt.Println(s.Create(ctx, &again)) // the same incident: one record

	stale := inc
	inc.Consequences.AbsenceDays = 2
	fmt.Println(s.Update(ctx, &inc), inc.Version)
	err := s.Update(ctx, &stale) // based on version 1
	fmt.Println(errors.Is(err, incident.ErrStale))

	list, _ := s.List(ctx, incident.Filter{
		From:       time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		To:         time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
		Categories: []norm.Category{norm.Threat},
	})
	for _, i := range list {
		fmt.Println(i.ID, i.Classification().Severity, i.Consequences.AbsenceDays)
	}
	// Output:
	// <nil> 1
	// <nil>
	// <nil> 2
	// true
	// INC-2026-001 high 2
}
