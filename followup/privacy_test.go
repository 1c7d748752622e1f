package followup_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// twoPeople is an incident with two people involved.
func twoPeople(tb testing.TB) incident.Incident {
	inc := oneIncident(tb)
	inc.Involved = append(inc.Involved, incident.Person{Ref: "E-002", Role: incident.RoleWitness})
	return inc
}

func TestActionID(t *testing.T) {
	inc := twoPeople(t)
	at := time.Date(2026, 3, 28, 10, 30, 0, 0, time.FixedZone("CET", 3600))
	id, ok := followup.ActionID(&inc, followup.KindAftercare, "E-002", at)
	require.True(t, ok)
	assert.Equal(t, "INC-1/aftercare/2@20260328T093000Z", id, "the place of the person, not their reference")
	id, ok = followup.ActionID(&inc, followup.KindReaction, followup.SubjectPerpetrator, at)
	require.True(t, ok)
	assert.Equal(t, "INC-1/reaction@20260328T093000Z", id)
	_, ok = followup.ActionID(&inc, followup.KindAftercare, "E-099", at)
	assert.False(t, ok, "someone not involved has no place")

	// After anonymising, the same action gets the same ID.
	anon := inc.Clone()
	anon.Anonymise()
	again, ok := followup.ActionID(&anon, followup.KindAftercare, "anon-2", at)
	require.True(t, ok)
	assert.Equal(t, "INC-1/aftercare/2@20260328T093000Z", again)

	a := followup.Action{ID: id, IncidentID: "INC-1", Kind: followup.KindReaction, Subject: followup.SubjectPerpetrator,
		At: at, Outcome: followup.OutcomeDone, Form: followup.FormConversation}
	require.NoError(t, a.Validate("test"), "a derived ID is a valid ID")
	long := inc
	long.ID = incident.ID(strings.Repeat("I", incident.MaxIDLen))
	a.ID, _ = followup.ActionID(&long, followup.KindAftercareAgain, "E-002", at)
	a.IncidentID = long.ID
	a.Kind, a.Subject, a.Form = followup.KindAftercareAgain, "E-002", ""
	require.NoError(t, a.Validate("test"), "the longest derived ID fits")
}

func TestCheckIncident(t *testing.T) {
	inc := twoPeople(t)
	at := inc.OccurredAt.Add(time.Hour)
	for _, tc := range []struct {
		name    string
		a       followup.Action
		pointer string
	}{
		{"involved", followup.Action{IncidentID: "INC-1", Kind: followup.KindAftercare, Subject: "E-002", At: at}, ""},
		{"perpetrator", followup.Action{IncidentID: "INC-1", Kind: followup.KindReaction, Subject: followup.SubjectPerpetrator, At: at}, ""},
		{"not involved", followup.Action{IncidentID: "INC-1", Kind: followup.KindManagerTalk, Subject: "E-003", At: at}, "/subject"},
		{"the perpetrator's reference", followup.Action{IncidentID: "INC-1", Kind: followup.KindAftercare, Subject: "P-0001", At: at}, "/subject"},
		{"another incident", followup.Action{IncidentID: "INC-2", Kind: followup.KindAftercare, Subject: "E-002", At: at}, "/incident_id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.a.CheckIncident("test", &inc)
			if tc.pointer == "" {
				require.NoError(t, err)
				return
			}
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			assert.True(t, ne.Has(tc.pointer, norm.CodeReference), "%v", ne)
			assert.NotContains(t, ne.In(norm.NL)+ne.In(norm.EN), tc.a.Subject)
			assert.True(t, ne.Problems[0].Message.Complete())
		})
	}
}

func TestAnonymiseActions(t *testing.T) {
	inc := twoPeople(t)
	t0 := inc.OccurredAt
	acts := []followup.Action{
		{ID: "nazorg E-001", IncidentID: "INC-1", Kind: followup.KindAftercare, Subject: "E-001", At: t0.Add(time.Hour), Outcome: followup.OutcomeDone},
		{ID: "INC-1/aftercare/E-002@x", IncidentID: "INC-1", Kind: followup.KindAftercare, Subject: "E-002", At: t0.Add(time.Hour), Outcome: followup.OutcomeDeclined},
		{ID: "B", IncidentID: "INC-1", Kind: followup.KindReaction, Subject: followup.SubjectPerpetrator, At: t0.Add(2 * time.Hour), Outcome: followup.OutcomeNotPossible, Reason: "Jan de Vries was er niet"},
		{ID: "A", IncidentID: "INC-1", Kind: followup.KindReaction, Subject: followup.SubjectPerpetrator, At: t0.Add(2 * time.Hour), Outcome: followup.OutcomeDone, Form: followup.FormBan},
		{ID: "C", IncidentID: "INC-1", Kind: followup.KindManagerTalk, Subject: "Piet", At: t0.Add(3 * time.Hour), Outcome: followup.OutcomeDone},
	}
	orig := fmt.Sprint(acts)
	anon := inc.Clone()
	repl := anon.Anonymise()
	got := followup.AnonymiseActions(&anon, repl, acts)
	assert.Equal(t, orig, fmt.Sprint(acts), "the input is not modified")
	want := []followup.Action{
		{ID: "INC-1/aftercare/1@20260310T100000Z", IncidentID: "INC-1", Kind: followup.KindAftercare, Subject: "anon-1", At: t0.Add(time.Hour), Outcome: followup.OutcomeDone},
		{ID: "INC-1/aftercare/2@20260310T100000Z", IncidentID: "INC-1", Kind: followup.KindAftercare, Subject: "anon-2", At: t0.Add(time.Hour), Outcome: followup.OutcomeDeclined},
		{ID: "INC-1/reaction@20260310T110000Z", IncidentID: "INC-1", Kind: followup.KindReaction, Subject: followup.SubjectPerpetrator, At: t0.Add(2 * time.Hour), Outcome: followup.OutcomeDone, Form: followup.FormBan},
		{ID: "INC-1/reaction@20260310T110000Z-2", IncidentID: "INC-1", Kind: followup.KindReaction, Subject: followup.SubjectPerpetrator, At: t0.Add(2 * time.Hour), Outcome: followup.OutcomeNotPossible, Reason: incident.AnonRef},
		{ID: "INC-1/manager_talk/0@20260310T120000Z", IncidentID: "INC-1", Kind: followup.KindManagerTalk, Subject: incident.AnonRef, At: t0.Add(3 * time.Hour), Outcome: followup.OutcomeDone},
	}
	assert.Equal(t, want, got)
	for _, a := range got {
		require.NoError(t, a.Validate("test"), "an anonymised action is still valid")
	}

	// Anonymising again changes nothing, also with more than nine actions
	// sharing one base.
	repl2 := anon.Anonymise()
	assert.Equal(t, got, followup.AnonymiseActions(&anon, repl2, got))
	var many []followup.Action
	for k := range 12 {
		many = append(many, followup.Action{ID: fmt.Sprintf("R%02d", k), IncidentID: "INC-1", Kind: followup.KindReaction,
			Subject: followup.SubjectPerpetrator, At: t0, Outcome: followup.OutcomeDone, Form: followup.FormBan})
	}
	once := followup.AnonymiseActions(&anon, repl2, many)
	assert.Equal(t, once, followup.AnonymiseActions(&anon, repl2, once))
	seen := map[string]bool{}
	for _, a := range once {
		assert.False(t, seen[a.ID], "IDs stay unique: %s", a.ID)
		seen[a.ID] = true
	}
}

func TestCheckActions(t *testing.T) {
	inc := twoPeople(t)
	lookup := func(id incident.ID) (incident.Incident, error) {
		if id == inc.ID {
			return inc, nil
		}
		return incident.Incident{}, fmt.Errorf("get %s: %w", id, incident.ErrNotFound)
	}
	at := inc.OccurredAt.Add(time.Hour)
	acts := []followup.Action{
		{ID: "A1", IncidentID: "INC-1", Kind: followup.KindAftercare, Subject: "E-001", At: at, Outcome: followup.OutcomeDone},
		{ID: "A2", IncidentID: "INC-1", Kind: followup.KindAftercare, Subject: "E-007", At: at, Outcome: followup.OutcomeDone},
		{ID: "A3", IncidentID: "INC-9", Kind: followup.KindAftercare, Subject: "E-001", At: at, Outcome: followup.OutcomeDone},
	}
	require.NoError(t, followup.CheckActions(acts[:1], lookup))
	err := followup.CheckActions(acts, lookup)
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, "followup.CheckActions", ne.Op)
	require.Len(t, ne.Problems, 2)
	assert.Equal(t, norm.Problem{Pointer: "/1/subject", Row: 3, Column: "subject", Code: norm.CodeReference, Message: ne.Problems[0].Message}, ne.Problems[0])
	assert.Equal(t, 4, ne.Problems[1].Row)
	assert.Equal(t, "incident_id", ne.Problems[1].Column)
	assert.Contains(t, ne.In(norm.NL), "rij 3, kolom subject")
	assert.NotContains(t, ne.Error(), "E-007")

	boom := errors.New("disk on fire")
	require.ErrorIs(t, followup.CheckActions(acts, func(incident.ID) (incident.Incident, error) { return incident.Incident{}, boom }), boom)

	var lots []followup.Action
	for range 150 {
		lots = append(lots, acts[1])
	}
	require.ErrorAs(t, followup.CheckActions(lots, lookup), &ne)
	assert.Len(t, ne.Problems, 101, "the first 100, then how many more")
	assert.Contains(t, ne.Problems[100].Message.EN, "50 more")
}

func TestReadActionsCSVRefusesNames(t *testing.T) {
	doc := "id,incident_id,kind,subject,at,outcome,form,reason\n" +
		"A1,INC-1,aftercare,E-001,2026-03-11T09:15:00+01:00,done,,\n" +
		"A2,INC-1,aftercare,Jan de Vries,2026-03-11T09:15:00+01:00,done,,\n"
	_, err := followup.ReadActionsCSV(strings.NewReader(doc))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	require.Len(t, ne.Problems, 1)
	p := ne.Problems[0]
	assert.Equal(t, 3, p.Row)
	assert.Equal(t, "subject", p.Column)
	assert.Equal(t, norm.CodeFormat, p.Code)
	assert.NotContains(t, ne.In(norm.NL)+ne.In(norm.EN), "Jan")
}
