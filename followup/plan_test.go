package followup_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// oneIncident is a threat at the desk on Tuesday 10 March 2026, 10:00,
// by a known client, against one employee.
func oneIncident(tb testing.TB) incident.Incident {
	tb.Helper()
	occurred := time.Date(2026, time.March, 10, 10, 0, 0, 0, followup.Amsterdam())
	return incident.Incident{
		ID:          "INC-1",
		OccurredAt:  occurred.UTC(),
		ReportedAt:  occurred.Add(30 * time.Minute).UTC(),
		Site:        "LOC-AMS",
		Channel:     norm.ChannelDesk,
		Behaviours:  []norm.BehaviourCode{norm.Threatening},
		Phase:       norm.Red,
		Perpetrator: incident.Perpetrator{Ref: "P-0001", Role: incident.PerpetratorClient},
		Involved:    []incident.Person{{Ref: "E-001", Role: incident.RoleTarget}},
	}
}

func find(tb testing.TB, obs []followup.Obligation, k followup.Kind, subject string) followup.Obligation {
	tb.Helper()
	for _, o := range obs {
		if o.Kind == k && o.Subject == subject {
			return o
		}
	}
	require.Failf(tb, "obligation missing", "%s for %s", k, subject)
	return followup.Obligation{}
}

// mustPlan is followup.Plan for a policy the test knows is valid.
func mustPlan(tb testing.TB, inc incident.Incident, p followup.Policy) []followup.Obligation {
	tb.Helper()
	obs, err := followup.Plan(inc, p)
	require.NoError(tb, err)
	return obs
}

// mustStatus is Status for obligations and actions the test knows are
// valid.
func mustStatus(tb testing.TB, obs []followup.Obligation, acts []followup.Action, at time.Time) []followup.ObligationStatus {
	tb.Helper()
	sts, err := followup.Status(obs, acts, at)
	require.NoError(tb, err)
	return sts
}

// mustDeadline is Policy.Deadline for a policy the test knows is valid.
func mustDeadline(tb testing.TB, p followup.Policy, anchor time.Time, d time.Duration) time.Time {
	tb.Helper()
	due, err := p.Deadline(anchor, d)
	require.NoError(tb, err)
	return due
}

func has(obs []followup.Obligation, k followup.Kind) bool {
	for _, o := range obs {
		if o.Kind == k {
			return true
		}
	}
	return false
}

func TestPlanOneIncident(t *testing.T) {
	inc := oneIncident(t)
	obs := mustPlan(t, inc, followup.Policy{})
	var got []string
	for _, o := range obs {
		got = append(got, o.ID+" "+wall(o.Due))
	}
	assert.Equal(t, []string{
		"INC-1/reaction/perpetrator Thu 2026-03-12 10:00 CET",
		"INC-1/police_report/perpetrator Sun 2026-03-15 10:00 CET",
		"INC-1/aftercare/E-001 Fri 2026-03-13 10:00 CET",
		"INC-1/manager_talk/E-001 Sun 2026-03-15 10:00 CET",
		"INC-1/aftercare_again/E-001 Tue 2026-03-24 10:00 CET",
		"INC-1/aftercare_check/E-001 Tue 2026-04-21 10:00 CEST",
	}, got)
	r := find(t, obs, followup.KindReaction, followup.SubjectPerpetrator)
	assert.Equal(t, []string{"VPT5", "GG12"}, r.Sources)
	assert.Equal(t, incident.ID("INC-1"), r.IncidentID)
	assert.False(t, r.NotApplicable)
	assert.True(t, find(t, obs, followup.KindAftercareAgain, "E-001").IfDeclined)

	// Plan's obligations are the caller's: changing them leaves the next plan alone.
	obs[0].Sources[0] = "changed"
	assert.Equal(t, "VPT5", mustPlan(t, inc, followup.Policy{})[0].Sources[0])
}

func TestPlanCases(t *testing.T) {
	tests := []struct {
		name   string
		change func(*incident.Incident)
		check  func(t *testing.T, obs []followup.Obligation)
	}{
		{
			name: "unknown perpetrator: reaction, police report and damages not applicable, with the reason",
			change: func(i *incident.Incident) {
				i.Perpetrator = incident.Perpetrator{Role: incident.PerpetratorUnknown}
				i.Consequences.DamageCents = 5000
			},
			check: func(t *testing.T, obs []followup.Obligation) {
				for _, k := range []followup.Kind{followup.KindReaction, followup.KindPoliceReport, followup.KindDamages} {
					o := find(t, obs, k, followup.SubjectPerpetrator)
					assert.True(t, o.NotApplicable, k)
					assert.Contains(t, o.Reason.NL, "onbekend")
					assert.Contains(t, o.Reason.EN, "unknown")
				}
				assert.False(t, find(t, obs, followup.KindAftercare, "E-001").NotApplicable, "aftercare still applies")
			},
		},
		{
			name: "three people involved: aftercare for each, each with its own subject",
			change: func(i *incident.Incident) {
				i.Involved = []incident.Person{{Ref: "E-001", Role: incident.RoleTarget}, {Ref: "E-002", Role: incident.RoleWitness}, {Ref: "E-003", Role: incident.RoleManager}}
			},
			check: func(t *testing.T, obs []followup.Obligation) {
				var subjects []string
				ids := map[string]bool{}
				for _, o := range obs {
					ids[o.ID] = true
					if o.Kind == followup.KindAftercare {
						subjects = append(subjects, o.Subject)
					}
				}
				assert.Equal(t, []string{"E-001", "E-002", "E-003"}, subjects)
				assert.Len(t, ids, len(obs), "obligation IDs are unique")
				assert.Len(t, obs, 2+3*4)
			},
		},
		{
			name: "a person listed twice gets one set of obligations",
			change: func(i *incident.Incident) {
				i.Involved = append(i.Involved, incident.Person{Ref: "E-001", Role: incident.RoleWitness})
			},
			check: func(t *testing.T, obs []followup.Obligation) { assert.Len(t, obs, 2+4) },
		},
		{
			name:   "verbal aggression: a recorded decision, not a report",
			change: func(i *incident.Incident) { i.Behaviours = []norm.BehaviourCode{norm.Swearing} },
			check: func(t *testing.T, obs []followup.Obligation) {
				assert.False(t, has(obs, followup.KindPoliceReport))
				o := find(t, obs, followup.KindPoliceDecision, followup.SubjectPerpetrator)
				assert.Equal(t, []string{"VPT6", "GG12"}, o.Sources)
			},
		},
		{
			name:   "verbal and physical: the report wins",
			change: func(i *incident.Incident) { i.Behaviours = []norm.BehaviourCode{norm.Swearing, norm.Pushing} },
			check: func(t *testing.T, obs []followup.Obligation) {
				assert.True(t, has(obs, followup.KindPoliceReport))
				assert.False(t, has(obs, followup.KindPoliceDecision))
			},
		},
		{
			name:   "no behaviours: no police obligation",
			change: func(i *incident.Incident) { i.Behaviours = nil },
			check: func(t *testing.T, obs []followup.Obligation) {
				assert.False(t, has(obs, followup.KindPoliceReport))
				assert.False(t, has(obs, followup.KindPoliceDecision))
			},
		},
		{
			name:   "damage: recovery planned after 20 days",
			change: func(i *incident.Incident) { i.Consequences.DamageCents = 12500 },
			check: func(t *testing.T, obs []followup.Obligation) {
				o := find(t, obs, followup.KindDamages, followup.SubjectPerpetrator)
				assert.Equal(t, "Mon 2026-03-30 11:00 CEST", wall(o.Due), "480 real hours, across the change to summer time")
				assert.Equal(t, []string{"VPT7", "GG12"}, o.Sources)
			},
		},
		{
			name:   "no damage: no recovery",
			change: func(i *incident.Incident) {},
			check:  func(t *testing.T, obs []followup.Obligation) { assert.False(t, has(obs, followup.KindDamages)) },
		},
		{
			name:   "nobody involved: no aftercare",
			change: func(i *incident.Incident) { i.Involved = nil },
			check:  func(t *testing.T, obs []followup.Obligation) { assert.Len(t, obs, 2) },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc := oneIncident(t)
			tt.change(&inc)
			tt.check(t, mustPlan(t, inc, followup.Policy{}))
		})
	}
}

func TestPoliceTriage(t *testing.T) {
	want := map[norm.Category]followup.PoliceExpectation{
		norm.Threat: followup.PoliceReportExpected, norm.Physical: followup.PoliceReportExpected, norm.Property: followup.PoliceReportExpected,
		norm.Verbal: followup.PoliceDecisionExpected, norm.Discrimination: followup.PoliceDecisionExpected, norm.Sexual: followup.PoliceDecisionExpected,
	}
	table := followup.PoliceTriage()
	require.Len(t, table, len(norm.Categories()), "every category has a row")
	for _, r := range table {
		assert.Equal(t, want[r.Category], r.Expectation, r.Category)
		assert.Equal(t, r.Expectation, followup.Triage(r.Category))
	}
	table[0].Expectation = "changed"
	assert.Equal(t, followup.PoliceDecisionExpected, followup.Triage(norm.Verbal), "the table cannot be changed from outside")
	assert.Equal(t, followup.PoliceExpectation(""), followup.Triage("nonsense"))
}
