package incident_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var validAt = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

func validIncident() incident.Incident {
	return incident.Incident{
		ID:          "INC-1",
		OccurredAt:  time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC),
		ReportedAt:  time.Date(2026, 3, 9, 11, 0, 0, 0, time.UTC),
		Site:        "ZW-01",
		Channel:     norm.ChannelDesk,
		Behaviours:  []norm.BehaviourCode{norm.Shouting, norm.Threatening},
		Phase:       norm.Red,
		Perpetrator: incident.Perpetrator{Ref: "P-17", Role: incident.PerpetratorClient},
		Involved:    []incident.Person{{Ref: "E-001", Role: incident.RoleTarget}, {Ref: "E-002", Role: incident.RoleWitness}},
		Analysis:    &incident.Analysis{Causes: []incident.Cause{incident.CauseWaitingTime}, Text: "lang gewacht"},
		Description: "riep en dreigde",
	}
}

func TestValidateAt(t *testing.T) {
	type want struct {
		ptr  string
		code norm.ProblemCode
	}
	tests := []struct {
		name   string
		edit   func(*incident.Incident)
		want   []want
		future bool // use ValidateAt(validAt) instead of Validate
	}{
		{name: "valid", edit: func(*incident.Incident) {}},
		{name: "empty ID is allowed", edit: func(i *incident.Incident) { i.ID = "" }},
		{name: "unknown perpetrator without ref", edit: func(i *incident.Incident) {
			i.Perpetrator = incident.Perpetrator{Role: incident.PerpetratorUnknown}
		}},
		{name: "known role without ref is allowed", edit: func(i *incident.Incident) { i.Perpetrator.Ref = "" }},
		{name: "no analysis, no involved", edit: func(i *incident.Incident) { i.Analysis = nil; i.Involved = nil }},
		{name: "ID too long", edit: func(i *incident.Incident) { i.ID = incident.ID(strings.Repeat("x", 65)) },
			want: []want{{"/id", norm.CodeRange}}},
		{name: "ID with a space", edit: func(i *incident.Incident) { i.ID = "INC 1" },
			want: []want{{"/id", norm.CodeFormat}}},
		{name: "no behaviours", edit: func(i *incident.Incident) { i.Behaviours = nil },
			want: []want{{"/behaviours", norm.CodeRequired}}},
		{name: "unknown and duplicate behaviour", edit: func(i *incident.Incident) {
			i.Behaviours = []norm.BehaviourCode{"yelling", norm.Shouting, norm.Shouting}
		}, want: []want{{"/behaviours/0", norm.CodeEnum}, {"/behaviours/2", norm.CodeDuplicate}}},
		{name: "missing channel and phase", edit: func(i *incident.Incident) { i.Channel = ""; i.Phase = "" },
			want: []want{{"/channel", norm.CodeRequired}, {"/phase", norm.CodeRequired}}},
		{name: "unknown channel and phase", edit: func(i *incident.Incident) { i.Channel = "fax"; i.Phase = "blue" },
			want: []want{{"/channel", norm.CodeEnum}, {"/phase", norm.CodeEnum}}},
		{name: "zero times", edit: func(i *incident.Incident) { i.OccurredAt = time.Time{}; i.ReportedAt = time.Time{} },
			want: []want{{"/occurred_at", norm.CodeRequired}, {"/reported_at", norm.CodeRequired}}},
		{name: "reported before it occurred", edit: func(i *incident.Incident) { i.ReportedAt = i.OccurredAt.Add(-time.Second) },
			want: []want{{"/reported_at", norm.CodeOrder}}},
		{name: "times out of range", edit: func(i *incident.Incident) {
			i.OccurredAt = time.Date(1850, 1, 1, 0, 0, 0, 0, time.UTC)
			i.RecordedAt = time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC)
		}, want: []want{{"/occurred_at", norm.CodeRange}, {"/recorded_at", norm.CodeRange}}},
		{name: "future", future: true, edit: func(i *incident.Incident) {
			i.OccurredAt = validAt.Add(incident.ClockSkew + time.Second)
			i.ReportedAt = i.OccurredAt
		}, want: []want{{"/occurred_at", norm.CodeFuture}, {"/reported_at", norm.CodeFuture}}},
		{name: "within the clock skew is not future", future: true, edit: func(i *incident.Incident) {
			i.OccurredAt = validAt.Add(incident.ClockSkew)
			i.ReportedAt = i.OccurredAt
		}},
		{name: "future is not checked without a reference time", edit: func(i *incident.Incident) {
			i.OccurredAt = time.Date(2150, 1, 1, 0, 0, 0, 0, time.UTC)
			i.ReportedAt = i.OccurredAt
		}},
		{name: "negative consequences", edit: func(i *incident.Incident) {
			i.Consequences.AbsenceDays = -1
			i.Consequences.DamageCents = -100
		}, want: []want{{"/consequences/absence_days", norm.CodeRange}, {"/consequences/damage_cents", norm.CodeRange}}},
		{name: "involved: empty, duplicate, bad role, bad format", edit: func(i *incident.Incident) {
			i.Involved = []incident.Person{
				{Ref: "", Role: incident.RoleTarget},
				{Ref: "E-1", Role: "boss"},
				{Ref: "E-1", Role: incident.RoleWitness},
				{Ref: "Jan de Vries", Role: incident.RoleWitness},
				{Ref: "E-2"},
			}
		}, want: []want{
			{"/involved/0/ref", norm.CodeRequired}, {"/involved/1/role", norm.CodeEnum},
			{"/involved/2/ref", norm.CodeDuplicate}, {"/involved/3/ref", norm.CodeFormat}, {"/involved/4/role", norm.CodeRequired},
		}},
		{name: "unknown perpetrator with a ref", edit: func(i *incident.Incident) { i.Perpetrator.Role = incident.PerpetratorUnknown },
			want: []want{{"/perpetrator/ref", norm.CodeSchema}}},
		{name: "perpetrator role missing or unknown code", edit: func(i *incident.Incident) { i.Perpetrator.Role = "" },
			want: []want{{"/perpetrator/role", norm.CodeRequired}}},
		{name: "perpetrator role not a code", edit: func(i *incident.Incident) { i.Perpetrator.Role = "neighbour" },
			want: []want{{"/perpetrator/role", norm.CodeEnum}}},
		{name: "causes", edit: func(i *incident.Incident) {
			i.Analysis.Causes = []incident.Cause{"weather", incident.CauseProcedure, incident.CauseProcedure}
		}, want: []want{{"/analysis/causes/0", norm.CodeEnum}, {"/analysis/causes/2", norm.CodeDuplicate}}},
		{name: "texts too large or not UTF-8", edit: func(i *incident.Incident) {
			i.Description = strings.Repeat("a", incident.MaxTextBytes+1)
			i.Analysis.Text = "\xff"
			i.Site = strings.Repeat("s", incident.MaxSiteLen+1)
		}, want: []want{{"/site", norm.CodeTooLarge}, {"/analysis/text", norm.CodeInvalidUTF8}, {"/description", norm.CodeTooLarge}}},
		{name: "negative version", edit: func(i *incident.Incident) { i.Version = -1 },
			want: []want{{"/version", norm.CodeRange}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc := validIncident()
			tt.edit(&inc)
			var err error
			if tt.future {
				err = incident.ValidateAt(&inc, validAt)
			} else {
				err = incident.Validate(&inc)
			}
			if len(tt.want) == 0 {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, norm.ErrInvalid)
			var ne *norm.Error
			require.True(t, errors.As(err, &ne))
			assert.Equal(t, "incident.Validate", ne.Op)
			got := make([]want, len(ne.Problems))
			for k, p := range ne.Problems {
				got[k] = want{p.Pointer, p.Code}
				assert.True(t, p.Message.Complete(), "message in both languages: %+v", p)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestValidateNil(t *testing.T) {
	err := incident.Validate(nil)
	require.ErrorIs(t, err, norm.ErrInvalid)
}

// The synthetic register must pass validation, or every store test built on
// it would test the refusal path only.
func TestGeneratedIncidentsAreValid(t *testing.T) {
	from := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, inc := range incidenttest.Generate(1, 2000, from) {
		require.NoError(t, incident.Validate(&inc), "incident %s", inc.ID)
	}
}

func TestFilterValidate(t *testing.T) {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		f    incident.Filter
		ptrs []string
	}{
		{name: "zero", f: incident.Filter{}},
		{name: "full", f: incident.Filter{From: at, To: at.Add(time.Hour), Categories: []norm.Category{norm.Threat}, Channels: []norm.Channel{norm.ChannelPhone}, Limit: 3, Offset: 1}},
		{name: "bad", f: incident.Filter{From: at, To: at, Categories: []norm.Category{"rude"}, Channels: []norm.Channel{"fax"}, Limit: -1, Offset: -1},
			ptrs: []string{"/categories/0", "/channels/0", "/limit", "/offset", "/to"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.f.Validate()
			if tt.ptrs == nil {
				require.NoError(t, err)
				return
			}
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			var got []string
			for _, p := range ne.Problems {
				got = append(got, p.Pointer)
			}
			assert.Equal(t, tt.ptrs, got)
		})
	}
}

func TestFilterMatch(t *testing.T) {
	inc := validIncident()
	at := inc.OccurredAt
	tests := []struct {
		name string
		f    incident.Filter
		want bool
	}{
		{"zero", incident.Filter{}, true},
		{"from inclusive", incident.Filter{From: at}, true},
		{"to exclusive", incident.Filter{To: at}, false},
		{"to after", incident.Filter{To: at.Add(1)}, true},
		{"from after", incident.Filter{From: at.Add(1)}, false},
		{"category derived", incident.Filter{Categories: []norm.Category{norm.Physical, norm.Threat}}, true},
		{"category absent", incident.Filter{Categories: []norm.Category{norm.Physical}}, false},
		{"channel", incident.Filter{Channels: []norm.Channel{norm.ChannelDesk}}, true},
		{"other channel", incident.Filter{Channels: []norm.Channel{norm.ChannelPhone}}, false},
		{"perpetrator", incident.Filter{PerpetratorRef: "P-17"}, true},
		{"other perpetrator", incident.Filter{PerpetratorRef: "P-18"}, false},
		{"site", incident.Filter{Site: "ZW-01"}, true},
		{"other site", incident.Filter{Site: "ZW-02"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.f.Match(&inc))
		})
	}
}

func TestAnonymise(t *testing.T) {
	inc := validIncident()
	orig := inc.Clone()
	require.False(t, inc.Anonymised())
	repl := inc.Anonymise()
	assert.True(t, inc.Anonymised())
	assert.Equal(t, map[string]string{"P-17": "anon", "E-001": "anon-1", "E-002": "anon-2"}, repl)
	assert.Empty(t, inc.Description)
	assert.Empty(t, inc.Analysis.Text)
	assert.Equal(t, orig.Analysis.Causes, inc.Analysis.Causes)
	assert.Equal(t, orig.Behaviours, inc.Behaviours)
	assert.True(t, orig.OccurredAt.Equal(inc.OccurredAt))
	require.NoError(t, incident.Validate(&inc), "an anonymised incident stays valid")
	// The original shares nothing with the anonymised copy.
	assert.Equal(t, "E-001", orig.Involved[0].Ref)
	assert.Equal(t, "lang gewacht", orig.Analysis.Text)
}

// Issue 12, item 11: lessons are free text and a site in words can point
// to a person; both go. A site code stays for the statistics.
func TestAnonymiseLessonsAndSite(t *testing.T) {
	inc := validIncident()
	inc.Analysis.Lessons = "Jan niet meer alleen laten"
	inc.Site = "LOC-AMS"
	inc.Anonymise()
	assert.Empty(t, inc.Analysis.Lessons)
	assert.Equal(t, "LOC-AMS", inc.Site)

	inc = validIncident()
	inc.Site = "balie Kerkstraat 5"
	require.False(t, inc.Anonymise() == nil)
	assert.Empty(t, inc.Site)
	assert.True(t, inc.Anonymised())

	for _, tc := range []struct {
		name string
		edit func(*incident.Incident)
	}{
		{"lessons", func(i *incident.Incident) { i.Analysis.Lessons = "x" }},
		{"site in words", func(i *incident.Incident) { i.Site = "balie Kerkstraat 5" }},
	} {
		inc := validIncident()
		inc.Anonymise()
		tc.edit(&inc)
		assert.False(t, inc.Anonymised(), tc.name)
	}
}

func TestSame(t *testing.T) {
	a := validIncident()
	b := a.Clone()
	b.OccurredAt = b.OccurredAt.In(time.FixedZone("CET", 3600))
	b.Version = 7
	assert.True(t, incident.Same(&a, &b), "zone and version do not count")
	b.RecordedAt = time.Now()
	assert.True(t, incident.Same(&a, &b), "a zero RecordedAt matches any")
	a.RecordedAt = b.RecordedAt.Add(time.Second)
	assert.False(t, incident.Same(&a, &b))
	c := validIncident()
	c.Involved[1].Role = incident.RoleManager
	d := validIncident()
	assert.False(t, incident.Same(&c, &d))
	d.Analysis = nil
	c = validIncident()
	assert.False(t, incident.Same(&c, &d))
}

func TestNewID(t *testing.T) {
	a, b := incident.NewID(), incident.NewID()
	assert.NotEqual(t, a, b)
	assert.Regexp(t, `^INC-[0-9a-f]{16}$`, string(a))
	assert.True(t, incident.ValidToken(string(a)))
}

// FuzzValidateAt feeds arbitrary codes, references, texts and times to the
// validator: it must never panic, and refuse only with a *norm.Error.
func FuzzValidateAt(f *testing.F) {
	f.Add("INC-1", "desk", "red", "shouting", "client", "P-1", "E-1", "target", "waiting_time", "tekst", int64(0), int64(3600), -1, int64(-5))
	f.Add("", "", "", "", "", "", "", "", "", "\xff", int64(-1<<62), int64(1<<62), 3, int64(7))
	f.Fuzz(func(t *testing.T, id, channel, phase, behaviour, role, pref, iref, irole, cause, text string, occ, rep int64, absence int, damage int64) {
		base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		inc := incident.Incident{
			ID:           incident.ID(id),
			OccurredAt:   base.Add(time.Duration(occ)),
			ReportedAt:   base.Add(time.Duration(rep)),
			Site:         text,
			Channel:      norm.Channel(channel),
			Behaviours:   []norm.BehaviourCode{norm.BehaviourCode(behaviour), norm.BehaviourCode(behaviour)},
			Phase:        norm.Phase(phase),
			Perpetrator:  incident.Perpetrator{Ref: pref, Role: incident.PerpetratorRole(role)},
			Involved:     []incident.Person{{Ref: iref, Role: incident.PersonRole(irole)}, {Ref: pref, Role: incident.PersonRole(irole)}},
			Consequences: incident.Consequences{AbsenceDays: absence, DamageCents: damage},
			Analysis:     &incident.Analysis{Causes: []incident.Cause{incident.Cause(cause)}, Text: text, Lessons: text},
			Description:  text,
		}
		err := incident.ValidateAt(&inc, base)
		if err != nil {
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			require.NotEmpty(t, ne.Problems)
		}
		all := incident.ValidateAll([]incident.Incident{inc, inc}, base)
		assert.Equal(t, err == nil, all == nil)
	})
}
