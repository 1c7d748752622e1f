package followup_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// A threat at the desk on the Saturday before the clocks go forward: the
// 48 hours of the reaction end at 11:00 on Monday, in summer time.
func ExamplePlan() {
	occurred := time.Date(2026, time.March, 28, 10, 0, 0, 0, followup.Amsterdam())
	inc := incident.Incident{
		ID:          "INC-2026-0042",
		OccurredAt:  occurred,
		Behaviours:  []norm.BehaviourCode{norm.Threatening},
		Perpetrator: incident.Perpetrator{Ref: "P-0007", Role: incident.PerpetratorClient},
		Involved: []incident.Person{
			{Ref: "E-017", Role: incident.RoleTarget},
			{Ref: "E-023", Role: incident.RoleWitness},
		},
	}
	obs, err := followup.Plan(inc, followup.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range obs {
		fmt.Printf("%-16s %-12s %s %v\n", o.Kind, o.Subject, o.Due.In(followup.Amsterdam()).Format("Mon 02 Jan 15:04 MST"), o.Sources)
	}
	// Output:
	// reaction         perpetrator  Mon 30 Mar 11:00 CEST [VPT5 GG12]
	// police_report    perpetrator  Thu 02 Apr 11:00 CEST [VPT6 GG12]
	// aftercare        E-017        Tue 31 Mar 11:00 CEST [VPT8 GG13]
	// manager_talk     E-017        Thu 02 Apr 11:00 CEST [VPT8 GG02 GG13]
	// aftercare_again  E-017        Sat 11 Apr 10:00 CEST [VPT8 GG13]
	// aftercare_check  E-017        Sat 09 May 10:00 CEST [VPT8 GG13]
	// aftercare        E-023        Tue 31 Mar 11:00 CEST [VPT8 GG13]
	// manager_talk     E-023        Thu 02 Apr 11:00 CEST [VPT8 GG02 GG13]
	// aftercare_again  E-023        Sat 11 Apr 10:00 CEST [VPT8 GG13]
	// aftercare_check  E-023        Sat 09 May 10:00 CEST [VPT8 GG13]
}

// The same incident in working-day mode, with Good Friday as a day off:
// Friday 3 April and Easter Monday 6 April do not count.
func ExamplePolicy_Deadline() {
	p := followup.Policy{Counting: followup.CountWorkingDays, GoodFriday: true}
	anchor := time.Date(2026, time.April, 2, 16, 0, 0, 0, followup.Amsterdam())
	due, err := p.Deadline(anchor, 48*time.Hour)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(due.Format("Mon 02 Jan 15:04"))
	// Output:
	// Wed 08 Apr 16:00
}

// Ten days after the incident: the reaction came late, the first
// aftercare contact was declined (so the offer must be repeated), the
// manager has not talked with the employee yet.
func ExampleStatus() {
	occurred := time.Date(2026, time.March, 10, 10, 0, 0, 0, followup.Amsterdam())
	inc := incident.Incident{
		ID:          "INC-7",
		OccurredAt:  occurred,
		Behaviours:  []norm.BehaviourCode{norm.Swearing},
		Perpetrator: incident.Perpetrator{Ref: "P-0001", Role: incident.PerpetratorClient},
		Involved:    []incident.Person{{Ref: "E-001", Role: incident.RoleTarget}},
	}
	actions := []followup.Action{
		{ID: "A1", IncidentID: "INC-7", Kind: followup.KindAftercare, Subject: "E-001", At: occurred.Add(20 * time.Hour), Outcome: followup.OutcomeDeclined},
		{ID: "A2", IncidentID: "INC-7", Kind: followup.KindReaction, Subject: followup.SubjectPerpetrator, At: occurred.Add(60 * time.Hour), Outcome: followup.OutcomeDone, Form: followup.FormWarningLetter},
		{ID: "A3", IncidentID: "INC-7", Kind: followup.KindPoliceDecision, Subject: followup.SubjectPerpetrator, At: occurred.Add(30 * time.Hour), Outcome: followup.OutcomeNotPossible, Reason: "client unknown to the police"},
	}
	at := occurred.AddDate(0, 0, 10)
	obs, err := followup.Plan(inc, followup.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	sts, err := followup.Status(obs, actions, at)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range sts {
		line := fmt.Sprintf("%-16s %-12s %-13s %s", s.Kind, s.Subject, s.State, s.WaivedReason.EN)
		fmt.Println(strings.TrimSpace(line))
	}
	// Output:
	// reaction         perpetrator  done_late
	// police_decision  perpetrator  waived        not possible: client unknown to the police
	// aftercare        E-001        done_on_time
	// manager_talk     E-001        overdue
	// aftercare_again  E-001        open
	// aftercare_check  E-001        open
}
