package followup_test

import (
	"fmt"
	"time"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
)

// An action about a person is checked against the incident, gets an ID
// that holds no reference, and keeps that ID when the incident is
// anonymised; the subject and the reason do not survive.
func ExampleAnonymiseActions() {
	inc := incident.Incident{
		ID:          "INC-2026-0042",
		Perpetrator: incident.Perpetrator{Ref: "P-0007", Role: incident.PerpetratorClient},
		Involved:    []incident.Person{{Ref: "E-017", Role: incident.RoleTarget}, {Ref: "E-023", Role: incident.RoleWitness}},
	}
	at := time.Date(2026, time.March, 30, 9, 0, 0, 0, time.UTC)
	a := followup.Action{IncidentID: inc.ID, Kind: followup.KindAftercareCheck, Subject: "E-023", At: at,
		Outcome: followup.OutcomeNotPossible, Reason: "met verlof tot mei"}
	a.ID, _ = followup.ActionID(&inc, a.Kind, a.Subject, a.At)
	fmt.Println(a.ID, a.CheckIncident("example", &inc) == nil)

	other := a
	other.Subject = "E-099"
	fmt.Println(other.CheckIncident("example", &inc) != nil)

	repl := inc.Anonymise()
	for _, x := range followup.AnonymiseActions(&inc, repl, []followup.Action{a}) {
		fmt.Println(x.ID, x.Subject, x.Reason)
	}
	// Output:
	// INC-2026-0042/aftercare_check/2@20260330T090000Z true
	// true
	// INC-2026-0042/aftercare_check/2@20260330T090000Z anon-2 anon
}
