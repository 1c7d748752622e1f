package incident_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/inmem"
	"github.com/goedgesprek/goedgesprek/norm"
)

var t0 = time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC)

// mk builds a valid incident of perpetrator ref, days after t0.
func mk(id, ref string, days int, b ...norm.BehaviourCode) incident.Incident {
	occ := t0.AddDate(0, 0, days)
	return incident.Incident{
		ID: incident.ID(id), OccurredAt: occ, ReportedAt: occ.Add(time.Hour),
		Site: "LOC-AMS", Channel: norm.ChannelDesk, Behaviours: b, Phase: norm.Amber,
		Perpetrator: incident.Perpetrator{Ref: ref, Role: incident.PerpetratorClient},
		Involved:    []incident.Person{{Ref: "E-001", Role: incident.RoleTarget}},
	}
}

func newStore(tb testing.TB, incs ...incident.Incident) *inmem.Store {
	tb.Helper()
	s := inmem.New(inmem.WithNow(func() time.Time { return t0.AddDate(10, 0, 0) }))
	for i := range incs {
		require.NoError(tb, s.Create(context.Background(), &incs[i]))
	}
	return s
}

func TestDossierLadder(t *testing.T) {
	for _, tc := range []struct {
		name  string
		incs  []incident.Incident
		at    int // days after t0
		steps []incident.Step
	}{
		{"nothing", nil, 10, nil},
		{"first verbal: conversation", []incident.Incident{mk("a", "P-1", 0, norm.Swearing)}, 10,
			[]incident.Step{incident.StepConversation}},
		{"second within twelve months: warning letter", []incident.Incident{mk("a", "P-1", 0, norm.Swearing), mk("b", "P-1", 200, norm.Shouting)}, 210,
			[]incident.Step{incident.StepConversation, incident.StepWarningLetter}},
		{"second after twelve months: conversation again", []incident.Incident{mk("a", "P-1", 0, norm.Swearing), mk("b", "P-1", 400, norm.Shouting)}, 410,
			[]incident.Step{incident.StepConversation}}, // the first lies outside the dossier window
		{"first threat: warning letter", []incident.Incident{mk("a", "P-1", 0, norm.Shouting, norm.Threatening)}, 1,
			[]incident.Step{incident.StepWarningLetter}},
		{"first physical: warning letter", []incident.Incident{mk("a", "P-1", 0, norm.Spitting)}, 1,
			[]incident.Step{incident.StepWarningLetter}},
		{"third: ban", []incident.Incident{mk("a", "P-1", 0, norm.Swearing), mk("b", "P-1", 30, norm.Swearing), mk("c", "P-1", 60, norm.Taunting)}, 61,
			[]incident.Step{incident.StepConversation, incident.StepWarningLetter, incident.StepBan}},
		{"physical after a warning: ban", []incident.Incident{mk("a", "P-1", 0, norm.Threatening), mk("b", "P-1", 90, norm.Pushing)}, 91,
			[]incident.Step{incident.StepWarningLetter, incident.StepBan}},
		{"other perpetrators do not count", []incident.Incident{mk("a", "P-2", 0, norm.Swearing), mk("b", "P-2", 1, norm.Swearing), mk("c", "P-1", 2, norm.Swearing)}, 3,
			[]incident.Step{incident.StepConversation}},
		{"incidents after at do not count", []incident.Incident{mk("a", "P-1", 0, norm.Swearing), mk("b", "P-1", 20, norm.Hitting)}, 10,
			[]incident.Step{incident.StepConversation}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t, tc.incs...)
			at := t0.AddDate(0, 0, tc.at)
			d, err := incident.Dossier(context.Background(), s, "P-1", 0, at)
			require.NoError(t, err)
			assert.Equal(t, "P-1", d.Ref)
			assert.Equal(t, at, d.To)
			assert.Equal(t, at.Add(-incident.Year), d.From)
			got := make([]incident.Step, 0, len(d.Entries))
			for _, e := range d.Entries {
				got = append(got, e.Step)
				assert.True(t, e.Reason.Complete())
			}
			if tc.steps == nil {
				assert.Empty(t, got)
				assert.Equal(t, incident.StepNone, d.Next)
			} else {
				assert.Equal(t, tc.steps, got)
				assert.Equal(t, tc.steps[len(tc.steps)-1], d.Next)
			}
			assert.True(t, d.Reason.Complete())
		})
	}
}

func TestDossierReasonAndWindow(t *testing.T) {
	s := newStore(t, mk("a", "P-1", 0, norm.Threatening), mk("b", "P-1", 90, norm.Kicking))
	d, err := incident.Dossier(context.Background(), s, "P-1", 0, t0.AddDate(0, 0, 100))
	require.NoError(t, err)
	assert.Equal(t, incident.StepBan, d.Next)
	assert.Equal(t, "physical violence after a warning: impose a ban", d.Reason.EN)
	assert.Equal(t, "fysiek geweld na een waarschuwing: leg een toegangsverbod op", d.Reason.NL)

	// A 30-day window sees only the kick; on its own it is a warning.
	d, err = incident.Dossier(context.Background(), s, "P-1", 30*24*time.Hour, t0.AddDate(0, 0, 100))
	require.NoError(t, err)
	require.Len(t, d.Entries, 1)
	assert.Equal(t, incident.StepWarningLetter, d.Next)

	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"next":"warning_letter"`)
}

func TestDossierCustomLadder(t *testing.T) {
	strict := incident.Ladder{Window: incident.Year, Rules: []incident.LadderRule{
		{Step: incident.StepBan, Categories: []norm.Category{norm.Physical}, Reason: norm.T("geweld: verbod", "violence: ban")},
		{Step: incident.StepWarningLetter, MinIncidents: 1, Reason: norm.T("brief", "letter")},
	}}
	s := newStore(t, mk("a", "P-1", 0, norm.Hitting))
	d, err := incident.Dossier(context.Background(), s, "P-1", 0, t0.AddDate(0, 0, 1), incident.WithLadder(strict))
	require.NoError(t, err)
	assert.Equal(t, incident.StepBan, d.Next)
	assert.Equal(t, "violence: ban", d.Reason.EN)
}

func TestDossierInvalid(t *testing.T) {
	s := newStore(t)
	bad := incident.Ladder{Window: -1, Rules: []incident.LadderRule{{Step: "letter", Categories: []norm.Category{"rude"}, MinIncidents: -1}}}
	for _, tc := range []struct {
		name   string
		ref    string
		window time.Duration
		at     time.Time
		opts   []incident.DossierOption
		ptr    string
		code   norm.ProblemCode
	}{
		{"empty ref", "", 0, t0, nil, "/ref", norm.CodeRequired},
		{"a name, not a reference", "Jan Jansen", 0, t0, nil, "/ref", norm.CodeFormat},
		{"anonymised", incident.AnonRef, 0, t0, nil, "/ref", norm.CodeSchema},
		{"no time", "P-1", 0, time.Time{}, nil, "/at", norm.CodeRequired},
		{"negative window", "P-1", -time.Hour, t0, nil, "/window", norm.CodeRange},
		{"bad ladder window", "P-1", 0, t0, []incident.DossierOption{incident.WithLadder(bad)}, "/ladder/window", norm.CodeRange},
		{"bad ladder step", "P-1", 0, t0, []incident.DossierOption{incident.WithLadder(bad)}, "/ladder/rules/0/step", norm.CodeEnum},
		{"bad ladder category", "P-1", 0, t0, []incident.DossierOption{incident.WithLadder(bad)}, "/ladder/rules/0/categories/0", norm.CodeEnum},
		{"bad ladder reason", "P-1", 0, t0, []incident.DossierOption{incident.WithLadder(bad)}, "/ladder/rules/0/reason", norm.CodeRequired},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := incident.Dossier(context.Background(), s, tc.ref, tc.window, tc.at, tc.opts...)
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			assert.Equal(t, "incident.Dossier", ne.Op)
			assert.True(t, ne.Has(tc.ptr, tc.code), "%v", ne)
		})
	}
	require.NoError(t, incident.DefaultLadder().Validate())
}

type failingLister struct{}

func (failingLister) List(context.Context, incident.Filter) ([]incident.Incident, error) {
	return nil, errors.New("disk on fire")
}

func TestDossierStoreError(t *testing.T) {
	_, err := incident.Dossier(context.Background(), failingLister{}, "P-1", 0, t0)
	require.ErrorContains(t, err, "disk on fire")
	assert.False(t, errors.Is(err, norm.ErrInvalid))
}

func TestStepText(t *testing.T) {
	for _, s := range incident.Steps() {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back incident.Step
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
		assert.True(t, s.Label().Complete())
	}
	var s incident.Step
	require.ErrorIs(t, s.UnmarshalText([]byte("fine")), norm.ErrUnknownCode)
	assert.Equal(t, -1, incident.Step("fine").Rank())
	assert.Less(t, incident.StepWarningLetter.Rank(), incident.StepBan.Rank())
}
