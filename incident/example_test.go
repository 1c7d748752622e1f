package incident_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/inmem"
	"github.com/goedgesprek/goedgesprek/norm"
)

// Categories and severity follow from the behaviours; nobody types them in.
func ExampleIncident_Classification() {
	inc := incident.Incident{Behaviours: []norm.BehaviourCode{norm.Shouting, norm.Threatening}}
	c := inc.Classification()
	fmt.Println(c.Categories, c.Worst, c.Severity)
	fmt.Println(c.Severity.Label().In(norm.NL))
	// Output:
	// [verbal threat] threat high
	// hoog
}

// A spreadsheet with Dutch headers and ';' as delimiter, the second row of
// which has a behaviour that is not in the norm and a report before the
// incident. The error names row and column, in Dutch.
func ExampleReadCSV() {
	in := `Datum voorval;Datum melding;Kanaal;Gedrag;Fase;Dader;Rol dader
2025-03-14 09:30;2025-03-14 10:00;desk;shouting;amber;P-0042;client
2025-03-17 11:00;2025-03-17 10:00;phone;yelling;red;P-0042;client
`
	_, err := incident.ReadCSV(strings.NewReader(in))
	var ne *norm.Error
	if errors.As(err, &ne) {
		fmt.Println(ne.In(norm.NL))
	}
	// Output:
	// incident.ReadCSV: 2 problemen
	//   rij 3, kolom Datum melding: gemeld voordat het gebeurde (order)
	//   rij 3, kolom Gedrag: onbekende waarde "yelling" voor gedrag; toegestaan: swearing, shouting, humiliating, taunting, bullying, stalking, pressuring, blackmail, threatening, whistling, sexual_remarks, unwanted_touching, discriminating_remarks, discriminating_conduct, pushing, hitting, kicking, spitting, throwing_objects, damaging_property (enum)
}

// Export leaves the free text out unless asked for.
func ExampleWriteCSV() {
	occurred := time.Date(2025, 3, 14, 8, 30, 0, 0, time.UTC)
	incs := []incident.Incident{{
		ID: "INC-1", OccurredAt: occurred, ReportedAt: occurred.Add(30 * time.Minute),
		Site: "LOC-AMS", Channel: norm.ChannelDesk, Behaviours: []norm.BehaviourCode{norm.Swearing, norm.Spitting},
		Phase: norm.Red, Perpetrator: incident.Perpetrator{Ref: "P-0042", Role: incident.PerpetratorClient},
		Involved:    []incident.Person{{Ref: "E-017", Role: incident.RoleTarget}},
		Description: "personal data that stays in the register",
	}}
	if err := incident.WriteCSV(os.Stdout, incs, incident.WithDutchHeaders(), incident.WithDelimiter(';')); err != nil {
		fmt.Println(err)
	}
	// Output:
	// id;datum_voorval;datum_melding;datum_registratie;locatie;kanaal;gedrag;fase;rol_dader;dader;betrokkenen;letsel;verzuimdagen;schade_centen;politie_gebeld;oorzaken
	// INC-1;2025-03-14T09:30:00+01:00;2025-03-14T10:00:00+01:00;;LOC-AMS;desk;"swearing;spitting";red;client;P-0042;E-017:target;false;0;0;false;
}

// A perpetrator who threatened and then pushed: the ladder suggests a ban.
func ExampleDossier() {
	ctx := context.Background()
	store := inmem.New(inmem.WithNow(func() time.Time { return time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC) }))
	add := func(id string, day int, b norm.BehaviourCode) {
		at := time.Date(2025, 1, day, 10, 0, 0, 0, time.UTC)
		inc := incident.Incident{ID: incident.ID(id), OccurredAt: at, ReportedAt: at,
			Site: "LOC-AMS", Channel: norm.ChannelDesk, Behaviours: []norm.BehaviourCode{b}, Phase: norm.Red,
			Perpetrator: incident.Perpetrator{Ref: "P-0042", Role: incident.PerpetratorClient}}
		if err := store.Create(ctx, &inc); err != nil {
			fmt.Println(err)
		}
	}
	add("INC-1", 6, norm.Threatening)
	add("INC-2", 20, norm.Pushing)

	d, err := incident.Dossier(ctx, store, "P-0042", 0, time.Date(2025, 1, 21, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range d.Entries {
		fmt.Println(e.Incident.ID, e.Step)
	}
	fmt.Println(d.Next.Label().In(norm.EN)+":", d.Reason.In(norm.EN))
	fmt.Println(d.Next.Label().In(norm.NL)+":", d.Reason.In(norm.NL))
	// Output:
	// INC-1 warning_letter
	// INC-2 ban
	// ban: physical violence after a warning: impose a ban
	// toegangsverbod: fysiek geweld na een waarschuwing: leg een toegangsverbod op
}

// Statistics over a register: counts per category and the share of
// incidents with a cause analysis.
func ExampleStatsOf() {
	at := time.Date(2025, 5, 2, 9, 0, 0, 0, time.UTC)
	s := incident.StatsOf([]incident.Incident{
		{OccurredAt: at, Site: "LOC-AMS", Channel: norm.ChannelDesk, Behaviours: []norm.BehaviourCode{norm.Shouting},
			Analysis: &incident.Analysis{Causes: []incident.Cause{incident.CauseWaitingTime}}},
		{OccurredAt: at.AddDate(0, 1, 0), Site: "LOC-AMS", Channel: norm.ChannelPhone, Behaviours: []norm.BehaviourCode{norm.Threatening, norm.Swearing}},
	})
	fmt.Println("total:", s.Total)
	for _, c := range norm.Categories() {
		if n := s.ByCategory[c]; n > 0 {
			fmt.Printf("%s: %d\n", c, n)
		}
	}
	for _, m := range s.Months() {
		fmt.Println(m.Month, m.Count)
	}
	fmt.Printf("with cause analysis: %.0f%%\n", 100*s.AnalysisShare)
	// Output:
	// total: 2
	// verbal: 2
	// threat: 1
	// 2025-05 1
	// 2025-06 1
	// with cause analysis: 50%
}
