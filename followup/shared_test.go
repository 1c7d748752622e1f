package followup_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rickar/cal/v2/nl"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

// The schema bytes one caller changes are not those the next caller gets,
// nor those DecodeAction validates against.
func TestSchemaBytesAreCopies(t *testing.T) {
	for _, d := range form.Dialects() {
		normtest.CachedCopies(t, func() ([]byte, error) { return followup.Schema(norm.EN, d) })
	}
	_, err := followup.DecodeAction(strings.NewReader(validAction))
	require.NoError(t, err)
}

// planIncident is an incident with a known perpetrator, one person
// involved and damage, so that Plan lists every kind of obligation.
func planIncident() incident.Incident {
	at := time.Date(2026, time.March, 10, 10, 0, 0, 0, time.UTC)
	return incident.Incident{
		ID: "INC-1", OccurredAt: at, ReportedAt: at, Site: "LOC-AMS", Channel: norm.ChannelDesk,
		Behaviours:   []norm.BehaviourCode{norm.Hitting},
		Phase:        norm.Red,
		Perpetrator:  incident.Perpetrator{Ref: "P-1", Role: incident.PerpetratorClient},
		Involved:     []incident.Person{{Ref: "E-1", Role: incident.RoleTarget}},
		Consequences: incident.Consequences{DamageCents: 100},
	}
}

// Nothing handed out by Plan, PoliceTriage, Forms, Kinds or Amsterdam
// changes the next Plan.
func TestHandedOutValuesDoNotChangePlan(t *testing.T) {
	inc := planIncident()
	want := mustPlan(t, inc, followup.Policy{})

	for _, o := range mustPlan(t, inc, followup.Policy{}) {
		for i := range o.Sources {
			o.Sources[i] = "X"
		}
	}
	tr := followup.PoliceTriage()
	for i := range tr {
		tr[i].Expectation = followup.PoliceDecisionExpected
	}
	for _, k := range followup.Kinds() {
		fs := followup.Forms(k)
		for i := range fs {
			fs[i] = "x"
		}
	}
	ks := followup.Kinds()
	ks[0] = "x"
	loc := followup.Amsterdam()
	*loc = *time.UTC
	// A time carries a pointer to its location: writing through it must
	// not reach the package's own.
	far := inc
	far.OccurredAt = time.Date(2250, time.March, 30, 10, 0, 0, 0, time.UTC) // outside the fast zone table
	far.ReportedAt = far.OccurredAt
	wantFar := mustPlan(t, far, followup.Policy{})
	*mustPlan(t, inc, followup.Policy{})[0].Due.Location() = *time.UTC
	*mustDeadline(t, followup.Policy{}, inc.OccurredAt, time.Hour).Location() = *time.UTC
	assert.Equal(t, wantFar, mustPlan(t, far, followup.Policy{}))

	got := mustPlan(t, inc, followup.Policy{})
	assert.Equal(t, want, got)
	assert.Equal(t, "Europe/Amsterdam", followup.Amsterdam().String())
	assert.Equal(t, followup.PoliceReportExpected, followup.Triage(norm.Physical))
	assert.Equal(t, followup.KindReaction, followup.Kinds()[0])
}

// The holiday rules of rickar/cal/nl are exported variables of that
// package; changing them after start-up does not move a deadline.
func TestDutchHolidayRulesAreCopied(t *testing.T) {
	p := followup.Policy{Counting: followup.CountWorkingDays}
	want, err := p.Holidays(2026)
	require.NoError(t, err)
	anchor := time.Date(2026, time.April, 24, 10, 0, 0, 0, time.UTC) // the Friday before King's Day
	wantDue := mustDeadline(t, p, anchor, 24*time.Hour)

	month, day := nl.Koningsdag.Month, nl.Koningsdag.Day
	first := nl.Holidays[0]
	t.Cleanup(func() { nl.Koningsdag.Month, nl.Koningsdag.Day, nl.Holidays[0] = month, day, first })
	nl.Koningsdag.Month, nl.Koningsdag.Day = time.January, 2
	nl.Holidays[0] = nl.Koningsdag

	got, err := p.Holidays(2026)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, wantDue, mustDeadline(t, p, anchor, 24*time.Hour))
}

// Callers changing what they were handed while others plan and decode
// (run with -race).
func TestSharedStateConcurrentCallers(t *testing.T) {
	inc := planIncident()
	want := mustPlan(t, inc, followup.Policy{})
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Go(func() {
			for range 20 {
				switch g % 3 {
				case 0:
					if b, err := followup.Schema(norm.NL, form.Draft2020); err == nil {
						b[len(b)/2] = '!'
					}
					obs, err := followup.Plan(inc, followup.Policy{})
					assert.NoError(t, err)
					for _, o := range obs {
						o.Sources[0] = "X"
					}
					*followup.Amsterdam() = *time.UTC
				case 1:
					_, err := followup.DecodeAction(strings.NewReader(validAction))
					assert.NoError(t, err)
				case 2:
					got, err := followup.Plan(inc, followup.Policy{})
					assert.NoError(t, err)
					assert.Equal(t, want, got)
				}
			}
		})
	}
	wg.Wait()
}
