package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/followup/followuptest"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// Option changes how Run tests a store.
type Option func(*config)

type config struct {
	dump func(t *testing.T, s Store) string
}

// WithDump gives the suite a way to read everything a store holds, as
// text: every column of every table of a SQL store, the whole state of an
// in-memory one. The suite searches it for personal data that anonymising
// should have removed; without it only what the API returns is searched.
func WithDump(dump func(t *testing.T, s Store) string) Option {
	return func(c *config) { c.dump = dump }
}

// testActionSubjects checks that an action about a person names one of the
// incident's involved people by their pseudonymous reference (issue 12,
// item 11).
func testActionSubjects(t *testing.T, s Store) {
	ctx := context.Background()
	at := time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC)
	in := Sample("INC-subj", at)
	require.NoError(t, s.Create(ctx, &in))
	aftercare := func(id, subject string) followup.Action {
		a := action(id, "INC-subj", at.Add(time.Hour))
		a.Kind, a.Subject, a.Form = followup.KindAftercare, subject, ""
		return a
	}
	for _, tc := range []struct {
		name, subject string
		code          norm.ProblemCode
	}{
		{"a name", "Jan de Vries", norm.CodeFormat},
		{"a reference of someone not involved", "E-099", norm.CodeReference},
		{"the perpetrator's reference", "P-17", norm.CodeReference},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.RecordAction(ctx, aftercare("A-refused", tc.subject))
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			assert.True(t, ne.Has("/subject", tc.code), "%v", ne)
			assert.NotContains(t, ne.In(norm.NL)+ne.In(norm.EN), tc.subject, "the message does not repeat the subject")
			for _, p := range ne.Problems {
				assert.True(t, p.Message.Complete(), "Dutch and English: %+v", p)
			}
		})
	}
	require.ErrorIs(t, s.RecordAction(ctx, action("A-none", "INC-none", at)), incident.ErrNotFound,
		"an unknown incident is not found, whatever the subject")
	bad := aftercare("A-none-2", "E-001")
	bad.IncidentID = "INC-none"
	require.ErrorIs(t, s.RecordAction(ctx, bad), incident.ErrNotFound)

	require.NoError(t, s.RecordAction(ctx, aftercare("A-ok", "E-002")))
	require.NoError(t, s.RecordAction(ctx, action("A-perp", "INC-subj", at.Add(2*time.Hour))))
	got, err := s.ListActions(ctx, "INC-subj")
	require.NoError(t, err)
	assert.Len(t, got, 2, "the refused actions wrote nothing")
}

// testAnonymiseLeavesNoTrace anonymises one incident through
// incident.Retain and searches everything the store holds for the
// references and free texts it had.
func testAnonymiseLeavesNoTrace(t *testing.T, s Store, dump func(*testing.T, Store) string) {
	ctx := context.Background()
	old := time.Date(2025, 1, 6, 9, 30, 0, 0, time.UTC)
	gone := Sample("INC-gone", old)
	gone.Site = "Balie Kerkstraat 5, bureau van J. de Vries"
	gone.Perpetrator.Ref = "P-4711"
	gone.Involved = []incident.Person{{Ref: "E-0815", Role: incident.RoleTarget}, {Ref: "E-0816", Role: incident.RoleWitness}}
	gone.Description = "Jan de Vries werd aan de balie uitgescholden"
	gone.Analysis.Text = "de klant kende Jan van vroeger"
	gone.Analysis.Lessons = "Jan niet meer alleen achter de balie"
	kept := Sample("INC-kept", Now.Add(-24*time.Hour))
	kept.Description = "controletekst die blijft staan"
	require.NoError(t, s.CreateMany(ctx, []incident.Incident{gone, kept}))

	acts := []followup.Action{
		{ID: "ACT-E-0815-nazorg", Kind: followup.KindAftercare, Subject: "E-0815", At: old.Add(2 * time.Hour), Outcome: followup.OutcomeDone},
		{ID: "INC-gone/manager_talk/E-0816@20250107T090000Z", Kind: followup.KindManagerTalk, Subject: "E-0816", At: old.Add(24 * time.Hour), Outcome: followup.OutcomeDeclined},
		{ID: "reactie-P-4711", Kind: followup.KindReaction, Subject: followup.SubjectPerpetrator, At: old.Add(3 * time.Hour), Outcome: followup.OutcomeDone, Form: followup.FormBan},
		{ID: "check-E-0816", Kind: followup.KindAftercareCheck, Subject: "E-0816", At: old.AddDate(0, 0, 42), Outcome: followup.OutcomeNotPossible, Reason: "Piet Jansen is met ziekteverlof"},
	}
	for _, a := range acts {
		a.IncidentID = "INC-gone"
		require.NoError(t, s.RecordAction(ctx, a))
	}
	require.NoError(t, s.RecordAction(ctx, followup.Action{ID: "ACT-kept-1", IncidentID: "INC-kept", Kind: followup.KindAftercare,
		Subject: "E-001", At: kept.OccurredAt.Add(time.Hour), Outcome: followup.OutcomeDone}))

	secrets := []string{"P-4711", "E-0815", "E-0816", "Kerkstraat", "de Vries", "Jan ", "Piet", "Jansen", "nazorg", "reactie-", "check-E",
		gone.Description, gone.Analysis.Text, gone.Analysis.Lessons}
	// Control: the same search finds what stays.
	if dump != nil {
		before := dump(t, s)
		for _, x := range []string{"P-4711", "E-0816", "Kerkstraat", "Piet Jansen", gone.Analysis.Lessons, "reactie-P-4711"} {
			require.Contains(t, before, x, "the dump shows the stored values")
		}
	}

	rep, err := incident.Retain(ctx, s, incident.RetentionPolicy{After: incident.Year, Mode: incident.RetainAnonymise}, Now)
	require.NoError(t, err)
	assert.Equal(t, []incident.ID{"INC-gone"}, rep.Touched)

	// What the API returns.
	var api strings.Builder
	enc := json.NewEncoder(&api)
	for rec, err := range s.Records(ctx, incident.Filter{}) {
		require.NoError(t, err)
		require.NoError(t, enc.Encode(rec))
	}
	got, err := s.Get(ctx, "INC-gone")
	require.NoError(t, err)
	assert.True(t, got.Anonymised())
	assert.Empty(t, got.Site, "a site in words can point to a person")
	list, err := s.ListActions(ctx, "INC-gone")
	require.NoError(t, err)
	require.Len(t, list, len(acts), "the actions stay for the statistics")
	var ids []string
	for _, a := range list {
		ids = append(ids, a.ID)
		if a.Outcome == followup.OutcomeNotPossible {
			assert.Equal(t, incident.AnonRef, a.Reason, "a not_possible action keeps a reason, not the free text")
		}
	}
	assert.Equal(t, []string{"INC-gone/aftercare/1@20250106T113000Z", "INC-gone/reaction@20250106T123000Z",
		"INC-gone/manager_talk/2@20250107T093000Z", "INC-gone/aftercare_check/2@20250217T093000Z"}, ids)

	texts := map[string]string{"API": api.String()}
	if dump != nil {
		texts["dump"] = dump(t, s)
	} else {
		t.Log("no dump of the store's state: only what the API returns was searched")
	}
	for where, text := range texts {
		for _, x := range secrets {
			assert.NotContains(t, text, x, "%s still holds %q after anonymising", where, x)
		}
		assert.Contains(t, text, kept.Description, "%s: the incident that is not due keeps its text", where)
		assert.Contains(t, text, "ACT-kept-1", where)
	}
}

// testAnonymiseKeepsStatistics anonymises a whole synthetic register with
// its actions: the counts of incident.Statistics and followup.Summarize do
// not change.
func testAnonymiseKeepsStatistics(t *testing.T, s Store) {
	ctx := context.Background()
	br, ok := s.(incident.BatchRetainer)
	require.True(t, ok, "the store anonymises in batches (incident.BatchRetainer)")
	var incs []incident.Incident
	var acts []followup.Action
	for rec, err := range followuptest.Register(5, 150, From, followup.DefaultPolicy(), followuptest.Sample()) {
		require.NoError(t, err)
		incs = append(incs, rec.Incident)
		acts = append(acts, rec.Actions...)
	}
	require.NoError(t, s.CreateMany(ctx, incs))
	for _, a := range acts {
		require.NoError(t, s.RecordAction(ctx, a))
	}
	measure := func() (followup.Summary, incident.Statistics) {
		t.Helper()
		stats := incident.NewStatistics()
		counted := func(yield func(followup.Record, error) bool) {
			for r, err := range s.Records(ctx, incident.Filter{}) {
				if err == nil {
					stats.Add(&r.Incident)
				}
				if !yield(r, err) {
					return
				}
			}
		}
		sum, err := followup.Summarize(counted, followup.DefaultPolicy(), Now)
		require.NoError(t, err)
		return sum, stats
	}
	sumBefore, statsBefore := measure()
	require.Positive(t, sumBefore.AftercareOnTime.Den)
	require.Positive(t, sumBefore.OverdueCount)

	ids := make([]incident.ID, len(incs))
	for k := range incs {
		ids[k] = incs[k].ID
	}
	done, err := br.RetainMany(ctx, incident.RetainAnonymise, ids)
	require.NoError(t, err)
	assert.Len(t, done, len(ids))

	sumAfter, statsAfter := measure()
	assert.Equal(t, statsBefore, statsAfter, "the statistics do not change")
	assert.Equal(t, sumBefore.Incidents, sumAfter.Incidents)
	assert.Equal(t, sumBefore.Reactions48h, sumAfter.Reactions48h)
	assert.Equal(t, sumBefore.PoliceReports, sumAfter.PoliceReports)
	assert.Equal(t, sumBefore.AftercareOnTime, sumAfter.AftercareOnTime)
	assert.Equal(t, sumBefore.FollowUpContact, sumAfter.FollowUpContact)
	assert.Equal(t, sumBefore.CauseAnalysis, sumAfter.CauseAnalysis)
	assert.Equal(t, sumBefore.OverdueCount, sumAfter.OverdueCount)
	require.Len(t, sumAfter.Overdue, len(sumBefore.Overdue))
	for k, o := range sumAfter.Overdue {
		assert.Equal(t, sumBefore.Overdue[k].Kind, o.Kind)
		assert.True(t, o.Subject == followup.SubjectPerpetrator || strings.HasPrefix(o.Subject, incident.AnonRef+"-"), o.Subject)
	}
	n := 0
	for rec, err := range s.Records(ctx, incident.Filter{}) {
		require.NoError(t, err)
		assert.True(t, rec.Incident.Anonymised(), rec.Incident.ID)
		n += len(rec.Actions)
	}
	assert.Equal(t, len(acts), n, "every action stays")
}

// testRetainManyAllOrNothing makes the anonymisation of the second of two
// incidents fail: the first is not anonymised either.
func testRetainManyAllOrNothing(t *testing.T, s Store) {
	ctx := context.Background()
	br, ok := s.(incident.BatchRetainer)
	require.True(t, ok, "the store anonymises in batches (incident.BatchRetainer)")
	at := time.Date(2025, 3, 3, 10, 0, 0, 0, time.UTC)
	x, y, z := Sample("INC-x", at), Sample("INC-y", at.Add(time.Hour)), Sample("INC-z", at.Add(2*time.Hour))
	require.NoError(t, s.CreateMany(ctx, []incident.Incident{x, y, z}))
	require.NoError(t, s.RecordAction(ctx, action("A-x", "INC-x", at.Add(3*time.Hour))))
	require.NoError(t, s.RecordAction(ctx, action("A-y", "INC-y", at.Add(3*time.Hour))))
	// INC-z holds the ID that the action of INC-y would get.
	require.NoError(t, s.RecordAction(ctx, action("INC-y/reaction@20250303T130000Z", "INC-z", at.Add(3*time.Hour))))

	_, err := br.RetainMany(ctx, incident.RetainAnonymise, []incident.ID{"INC-x", "INC-y"})
	require.ErrorIs(t, err, incident.ErrConflict)
	for _, inc := range []incident.Incident{x, y} {
		got, err := s.Get(ctx, inc.ID)
		require.NoError(t, err)
		assert.False(t, got.Anonymised(), "%s: nothing changed", inc.ID)
		assert.Equal(t, inc.Description, got.Description)
		acts, err := s.ListActions(ctx, inc.ID)
		require.NoError(t, err)
		require.Len(t, acts, 1)
		assert.Equal(t, "A-"+strings.TrimPrefix(string(inc.ID), "INC-"), acts[0].ID)
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err = br.RetainMany(cctx, incident.RetainDelete, []incident.ID{"INC-x"})
	require.True(t, errors.Is(err, context.Canceled), "%v", err)
	assert.Equal(t, 3, count(t, s))

	done, err := br.RetainMany(ctx, incident.RetainDelete, []incident.ID{"INC-x", "INC-none", "INC-x"})
	require.NoError(t, err)
	assert.Equal(t, []incident.ID{"INC-x"}, done, "unknown and repeated IDs are left out")
	assert.Equal(t, 2, count(t, s))
	_, err = br.RetainMany(ctx, "shred", []incident.ID{"INC-y"})
	require.ErrorIs(t, err, norm.ErrInvalid)
	assert.Equal(t, 2, count(t, s))
}
