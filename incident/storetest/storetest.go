package storetest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Store is what the suite tests: the incident register with batches,
// follow-up actions and streaming of records.
type Store interface {
	incident.Store
	incident.BatchCreator
	followup.ActionStore
	followup.Importer
	// Records yields the incidents that match f with their actions,
	// ordered by OccurredAt, then ID.
	Records(ctx context.Context, f incident.Filter) iter.Seq2[followup.Record, error]
}

// Opener returns a new, empty store whose clock is now. It registers any
// cleanup with t.
type Opener func(t *testing.T, now func() time.Time) Store

// Now is the clock the suite gives every store.
var Now = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// From is where the suite's synthetic registers start.
var From = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// Run runs the whole suite against stores made by open, each subtest on a
// fresh store.
func Run(t *testing.T, open Opener, opts ...Option) {
	t.Helper()
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	tests := []struct {
		name string
		fn   func(*testing.T, Store)
	}{
		{"CreateGet", testCreateGet},
		{"CreateIdempotent", testCreateIdempotent},
		{"CreateConflict", testCreateConflict},
		{"CreateInvalid", testCreateInvalid},
		{"GetNotFound", testGetNotFound},
		{"Update", testUpdate},
		{"Filters", testFilters},
		{"Delete", testDelete},
		{"Anonymise", testAnonymise},
		{"ConcurrentWriters", testConcurrentWriters},
		{"CreateManyAllOrNothing", testCreateManyAllOrNothing},
		{"Actions", testActions},
		{"Records", testRecords},
		{"ActionSubjects", testActionSubjects},
		{"AnonymiseLeavesNoTrace", func(t *testing.T, s Store) { testAnonymiseLeavesNoTrace(t, s, cfg.dump) }},
		{"AnonymiseKeepsStatistics", testAnonymiseKeepsStatistics},
		{"RetainManyAllOrNothing", testRetainManyAllOrNothing},
		{"ImportAllOrNothing", testImportAllOrNothing},
		{"ConcurrentImports", testConcurrentImports},
		{"OwnBehaviours", testOwnBehaviours},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t, func() time.Time { return Now })
			tt.fn(t, s)
		})
	}
}

// Sample is a fully filled, valid incident occurring at the given time.
func Sample(id incident.ID, at time.Time) incident.Incident {
	return incident.Incident{
		ID:          id,
		OccurredAt:  at,
		ReportedAt:  at.Add(30 * time.Minute),
		Site:        "LOC-AMS",
		Channel:     norm.ChannelDesk,
		Behaviours:  []norm.BehaviourCode{norm.Shouting, norm.Threatening},
		Phase:       norm.Red,
		Perpetrator: incident.Perpetrator{Ref: "P-17", Role: incident.PerpetratorClient},
		Involved:    []incident.Person{{Ref: "E-001", Role: incident.RoleTarget}, {Ref: "E-002", Role: incident.RoleWitness}},
		Consequences: incident.Consequences{
			Injury: true, AbsenceDays: 2, DamageCents: 12_345, PoliceCalled: true,
		},
		Analysis: &incident.Analysis{
			Causes:  []incident.Cause{incident.CauseWaitingTime, incident.CauseCommunication},
			Text:    "lang moeten wachten, boodschap slecht gebracht",
			Lessons: "wachttijd aankondigen",
		},
		Description: "cliënt riep en dreigde aan de balie",
	}
}

// requireSame fails unless got holds the content of want (see incident.Same)
// in the stores' normal form.
func requireSame(t *testing.T, want, got incident.Incident) {
	t.Helper()
	require.True(t, incident.Same(&want, &got), "stored incident differs:\nwant %+v\ngot  %+v", want, got)
	for _, tm := range []time.Time{got.OccurredAt, got.ReportedAt, got.RecordedAt} {
		require.Equal(t, time.UTC, tm.Location(), "times come back in UTC")
	}
}

func ids(incs []incident.Incident) []incident.ID {
	out := make([]incident.ID, len(incs))
	for k, i := range incs {
		out[k] = i.ID
	}
	return out
}

func count(t *testing.T, s Store) int {
	t.Helper()
	all, err := s.List(context.Background(), incident.Filter{})
	require.NoError(t, err)
	return len(all)
}

func testCreateGet(t *testing.T, s Store) {
	ctx := context.Background()
	amsterdam, err := time.LoadLocation("Europe/Amsterdam")
	require.NoError(t, err)

	in := Sample("INC-a", time.Date(2026, 3, 29, 2, 30, 0, 123456789, time.UTC).In(amsterdam))
	require.NoError(t, s.Create(ctx, &in))
	assert.Equal(t, 1, in.Version)
	assert.True(t, in.RecordedAt.Equal(Now), "RecordedAt comes from the store's clock")

	got, err := s.Get(ctx, "INC-a")
	require.NoError(t, err)
	requireSame(t, in, got)
	assert.Equal(t, 1, got.Version)
	assert.True(t, got.RecordedAt.Equal(Now))
	assert.True(t, got.OccurredAt.Equal(in.OccurredAt), "nanoseconds survive")

	t.Run("generated ID", func(t *testing.T) {
		in := Sample("", time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
		in.Analysis = nil
		in.Involved = nil
		in.Perpetrator = incident.Perpetrator{Role: incident.PerpetratorUnknown}
		in.Description = ""
		require.NoError(t, s.Create(ctx, &in))
		assert.Regexp(t, `^INC-[0-9a-f]{16}$`, string(in.ID))
		got, err := s.Get(ctx, in.ID)
		require.NoError(t, err)
		requireSame(t, in, got)
		assert.Nil(t, got.Analysis)
		assert.Empty(t, got.Involved)
	})
	t.Run("RecordedAt given is kept", func(t *testing.T) {
		in := Sample("INC-rec", time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
		rec := time.Date(2026, 1, 6, 8, 0, 0, 0, time.UTC)
		in.RecordedAt = rec
		require.NoError(t, s.Create(ctx, &in))
		got, err := s.Get(ctx, in.ID)
		require.NoError(t, err)
		assert.True(t, got.RecordedAt.Equal(rec))
	})
	t.Run("cancelled context", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		in := Sample("INC-cancel", time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
		require.ErrorIs(t, s.Create(cctx, &in), context.Canceled)
		_, err := s.Get(ctx, "INC-cancel")
		require.ErrorIs(t, err, incident.ErrNotFound, "a cancelled create leaves nothing")
	})
}

func testCreateIdempotent(t *testing.T, s Store) {
	ctx := context.Background()
	at := time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC)
	first := Sample("INC-idem", at)
	require.NoError(t, s.Create(ctx, &first))

	again := Sample("INC-idem", at.In(time.FixedZone("CET", 3600))) // same instant, other zone
	require.NoError(t, s.Create(ctx, &again), "the same incident twice is one record")
	assert.Equal(t, 1, again.Version)
	assert.True(t, again.RecordedAt.Equal(first.RecordedAt), "the stored RecordedAt is written back")

	withRec := Sample("INC-idem", at)
	withRec.RecordedAt = first.RecordedAt
	require.NoError(t, s.Create(ctx, &withRec))
	assert.Equal(t, 1, count(t, s))
}

func testCreateConflict(t *testing.T, s Store) {
	ctx := context.Background()
	at := time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC)
	first := Sample("INC-c", at)
	require.NoError(t, s.Create(ctx, &first))

	edits := map[string]func(*incident.Incident){
		"description": func(i *incident.Incident) { i.Description = "anders" },
		"time":        func(i *incident.Incident) { i.OccurredAt = i.OccurredAt.Add(time.Nanosecond) },
		"behaviours":  func(i *incident.Incident) { i.Behaviours = []norm.BehaviourCode{norm.Hitting} },
		"involved":    func(i *incident.Incident) { i.Involved = i.Involved[:1] },
		"analysis":    func(i *incident.Incident) { i.Analysis = nil },
		"recorded at": func(i *incident.Incident) { i.RecordedAt = Now.Add(-time.Hour) },
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			other := Sample("INC-c", at)
			edit(&other)
			require.ErrorIs(t, s.Create(ctx, &other), incident.ErrConflict)
		})
	}
	got, err := s.Get(ctx, "INC-c")
	require.NoError(t, err)
	requireSame(t, first, got)
	assert.Equal(t, 1, got.Version)
}

func testCreateInvalid(t *testing.T, s Store) {
	ctx := context.Background()
	bad := Sample("INC-bad", time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC))
	bad.Behaviours = nil
	bad.Consequences.AbsenceDays = -1
	err := s.Create(ctx, &bad)
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	assert.True(t, ne.Has("/behaviours", norm.CodeRequired))
	assert.True(t, ne.Has("/consequences/absence_days", norm.CodeRange))
	assert.Equal(t, 0, bad.Version, "nothing written back")

	future := Sample("INC-future", Now.Add(24*time.Hour))
	err = s.Create(ctx, &future)
	require.ErrorAs(t, err, &ne)
	assert.True(t, ne.Has("/occurred_at", norm.CodeFuture), "the store's clock is the reference: %v", err)
	assert.Equal(t, 0, count(t, s))
}

func testGetNotFound(t *testing.T, s Store) {
	_, err := s.Get(context.Background(), "INC-none")
	require.ErrorIs(t, err, incident.ErrNotFound)
}

func testUpdate(t *testing.T, s Store) {
	ctx := context.Background()
	in := Sample("INC-u", time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC))
	require.NoError(t, s.Create(ctx, &in))

	v1, err := s.Get(ctx, "INC-u")
	require.NoError(t, err)
	v1.Description = "aangevuld"
	v1.Behaviours = append(v1.Behaviours, norm.Hitting)
	v1.Involved = append(v1.Involved, incident.Person{Ref: "E-003", Role: incident.RoleManager})
	require.NoError(t, s.Update(ctx, &v1))
	assert.Equal(t, 2, v1.Version)

	got, err := s.Get(ctx, "INC-u")
	require.NoError(t, err)
	assert.Equal(t, 2, got.Version)
	requireSame(t, v1, got)
	assert.True(t, got.RecordedAt.Equal(in.RecordedAt), "RecordedAt stays")

	t.Run("stale", func(t *testing.T) {
		old := in // version 1
		old.Description = "verouderd"
		require.ErrorIs(t, s.Update(ctx, &old), incident.ErrStale)
		got, err := s.Get(ctx, "INC-u")
		require.NoError(t, err)
		assert.Equal(t, "aangevuld", got.Description)
		assert.Equal(t, 2, got.Version)
	})
	t.Run("not found", func(t *testing.T) {
		other := Sample("INC-nope", in.OccurredAt)
		other.Version = 1
		require.ErrorIs(t, s.Update(ctx, &other), incident.ErrNotFound)
	})
	t.Run("invalid", func(t *testing.T) {
		bad := got
		bad.Phase = "purple"
		var ne *norm.Error
		require.ErrorAs(t, s.Update(ctx, &bad), &ne)
		assert.True(t, ne.Has("/phase", norm.CodeEnum))
	})
	t.Run("RecordedAt cannot change", func(t *testing.T) {
		moved := got
		moved.RecordedAt = got.RecordedAt.Add(time.Hour)
		require.ErrorIs(t, s.Update(ctx, &moved), incident.ErrConflict)
	})
	t.Run("zero RecordedAt keeps the stored one", func(t *testing.T) {
		cur, err := s.Get(ctx, "INC-u")
		require.NoError(t, err)
		cur.RecordedAt = time.Time{}
		cur.Analysis = nil
		require.NoError(t, s.Update(ctx, &cur))
		after, err := s.Get(ctx, "INC-u")
		require.NoError(t, err)
		assert.True(t, after.RecordedAt.Equal(in.RecordedAt))
		assert.Nil(t, after.Analysis)
		assert.Equal(t, 3, after.Version)
	})
}

// filterRegister stores a synthetic register plus hand-made incidents at
// the edges of the filters, and returns them all.
func filterRegister(t *testing.T, s Store) []incident.Incident {
	t.Helper()
	incs := incidenttest.Generate(7, 300, From)
	edge := time.Date(2024, 6, 3, 9, 0, 0, 0, time.UTC)
	// Three incidents at one instant: the ID orders them.
	for _, id := range []incident.ID{"EDGE-c", "EDGE-a", "EDGE-b"} {
		inc := Sample(id, edge)
		inc.Site = "LOC-EDGE"
		incs = append(incs, inc)
	}
	phys := Sample("EDGE-phys", edge.Add(time.Nanosecond))
	phys.Behaviours = []norm.BehaviourCode{norm.Spitting}
	phys.Channel = norm.ChannelHomeVisit
	phys.Perpetrator = incident.Perpetrator{Ref: "P-EDGE", Role: incident.PerpetratorFamily}
	incs = append(incs, phys)
	require.NoError(t, s.CreateMany(context.Background(), incs))
	return incs
}

func testFilters(t *testing.T, s Store) {
	ctx := context.Background()
	all := filterRegister(t, s)
	edge := time.Date(2024, 6, 3, 9, 0, 0, 0, time.UTC)
	mid := all[150].OccurredAt
	tests := []struct {
		name string
		f    incident.Filter
		want []incident.ID // checked when not nil, besides the reference semantics
	}{
		{name: "everything", f: incident.Filter{}},
		{name: "from inclusive", f: incident.Filter{From: edge, To: edge.Add(time.Nanosecond)}, want: []incident.ID{"EDGE-a", "EDGE-b", "EDGE-c"}},
		{name: "to exclusive", f: incident.Filter{From: edge.Add(-time.Nanosecond), To: edge}, want: []incident.ID{}},
		{name: "half a register", f: incident.Filter{To: mid}},
		{name: "second half", f: incident.Filter{From: mid}},
		{name: "one month", f: incident.Filter{From: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)}},
		{name: "physical", f: incident.Filter{Categories: []norm.Category{norm.Physical}}},
		{name: "threat or sexual", f: incident.Filter{Categories: []norm.Category{norm.Threat, norm.Sexual}}},
		{name: "property", f: incident.Filter{Categories: []norm.Category{norm.Property}}},
		{name: "phone", f: incident.Filter{Channels: []norm.Channel{norm.ChannelPhone}}},
		{name: "home visit", f: incident.Filter{Channels: []norm.Channel{norm.ChannelHomeVisit}, Categories: []norm.Category{norm.Physical}}, want: nil},
		{name: "perpetrator", f: incident.Filter{PerpetratorRef: "P-EDGE"}, want: []incident.ID{"EDGE-phys"}},
		{name: "perpetrator of the register", f: incident.Filter{PerpetratorRef: all[10].Perpetrator.Ref}},
		{name: "site", f: incident.Filter{Site: "LOC-EDGE"}, want: []incident.ID{"EDGE-a", "EDGE-b", "EDGE-c"}},
		{name: "site and period", f: incident.Filter{Site: incidenttest.DefaultSites()[1], From: mid}},
		{name: "everything combined", f: incident.Filter{From: From, To: Now, Categories: []norm.Category{norm.Verbal}, Channels: []norm.Channel{norm.ChannelDesk, norm.ChannelPhone}, Site: incidenttest.DefaultSites()[0]}},
		{name: "limit", f: incident.Filter{Limit: 10}},
		{name: "offset and limit", f: incident.Filter{Offset: 295, Limit: 3}},
		{name: "offset past the end", f: incident.Filter{Offset: 1000}, want: []incident.ID{}},
		{name: "limit on a period", f: incident.Filter{From: edge, Limit: 2}, want: []incident.ID{"EDGE-a", "EDGE-b"}},
	}
	sorted := slices.Clone(all)
	slices.SortFunc(sorted, func(a, b incident.Incident) int {
		return cmp.Or(a.OccurredAt.Compare(b.OccurredAt), cmp.Compare(a.ID, b.ID))
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := []incident.ID{}
			for k := range sorted {
				if tt.f.Match(&sorted[k]) {
					want = append(want, sorted[k].ID)
				}
			}
			want = want[min(tt.f.Offset, len(want)):]
			if tt.f.Limit > 0 && len(want) > tt.f.Limit {
				want = want[:tt.f.Limit]
			}
			if tt.want != nil {
				require.Equal(t, tt.want, want, "the hand-made expectation agrees with Filter.Match")
			}
			got, err := s.List(ctx, tt.f)
			require.NoError(t, err)
			assert.Equal(t, want, append([]incident.ID{}, ids(got)...))
		})
	}
	t.Run("the filters select something", func(t *testing.T) {
		// Guard against a register in which every filter matches nothing.
		for _, c := range norm.Categories() {
			if c == norm.Property {
				continue // rare in the pilot's mix
			}
			got, err := s.List(ctx, incident.Filter{Categories: []norm.Category{c}})
			require.NoError(t, err)
			assert.NotEmpty(t, got, "category %s", c)
		}
	})
	t.Run("invalid filter", func(t *testing.T) {
		_, err := s.List(ctx, incident.Filter{Categories: []norm.Category{"rude"}})
		require.ErrorIs(t, err, norm.ErrInvalid)
	})
	t.Run("full content comes back", func(t *testing.T) {
		got, err := s.List(ctx, incident.Filter{Site: "LOC-EDGE"})
		require.NoError(t, err)
		require.Len(t, got, 3)
		requireSame(t, Sample("EDGE-a", edge), withSite(got[0], "LOC-AMS"))
	})
}

func withSite(i incident.Incident, site string) incident.Incident { i.Site = site; return i }

func testDelete(t *testing.T, s Store) {
	ctx := context.Background()
	at := time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC)
	a, b := Sample("INC-del", at), Sample("INC-keep", at)
	require.NoError(t, s.CreateMany(ctx, []incident.Incident{a, b}))
	require.NoError(t, s.RecordAction(ctx, action("A-del", "INC-del", at.Add(time.Hour))))
	require.NoError(t, s.RecordAction(ctx, action("A-keep", "INC-keep", at.Add(time.Hour))))

	require.NoError(t, s.Delete(ctx, "INC-del"))
	_, err := s.Get(ctx, "INC-del")
	require.ErrorIs(t, err, incident.ErrNotFound)
	acts, err := s.ListActions(ctx, "INC-del")
	require.NoError(t, err)
	assert.Empty(t, acts, "the actions go with the incident")
	require.ErrorIs(t, s.Delete(ctx, "INC-del"), incident.ErrNotFound)

	acts, err = s.ListActions(ctx, "INC-keep")
	require.NoError(t, err)
	assert.Len(t, acts, 1)
	assert.Equal(t, 1, count(t, s))

	// The ID and the action ID are free again.
	require.NoError(t, s.Create(ctx, &a))
	require.NoError(t, s.RecordAction(ctx, action("A-del", "INC-del", at.Add(2*time.Hour))))
}

func testAnonymise(t *testing.T, s Store) {
	ctx := context.Background()
	at := time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC)
	in := Sample("INC-anon", at)
	require.NoError(t, s.Create(ctx, &in))
	acts := []followup.Action{
		action("A-1", "INC-anon", at.Add(time.Hour)),
		action("A-2", "INC-anon", at.Add(2*time.Hour)),
	}
	acts[0].Kind, acts[0].Subject, acts[0].Form = followup.KindAftercare, "E-002", ""
	acts[0].ID = "INC-anon/aftercare/E-002@20260202T110000Z" // an ID of the old design, holding the subject
	acts[1].Kind, acts[1].Subject = followup.KindReaction, followup.SubjectPerpetrator
	for _, a := range acts {
		require.NoError(t, s.RecordAction(ctx, a))
	}

	require.NoError(t, s.Anonymise(ctx, "INC-anon"))
	got, err := s.Get(ctx, "INC-anon")
	require.NoError(t, err)
	assert.True(t, got.Anonymised())
	assert.Equal(t, 2, got.Version)
	assert.Empty(t, got.Description)
	assert.Equal(t, incident.Perpetrator{Ref: incident.AnonRef, Role: incident.PerpetratorClient}, got.Perpetrator)
	assert.Equal(t, []incident.Person{{Ref: "anon-1", Role: incident.RoleTarget}, {Ref: "anon-2", Role: incident.RoleWitness}}, got.Involved)
	require.NotNil(t, got.Analysis)
	assert.Empty(t, got.Analysis.Text)
	assert.Equal(t, in.Analysis.Causes, got.Analysis.Causes)
	assert.Empty(t, got.Analysis.Lessons, "lessons are free text: they can tell who it was")
	assert.Equal(t, in.Site, got.Site, "a site code stays for the statistics")
	assert.Equal(t, in.Behaviours, got.Behaviours)
	assert.Equal(t, in.Consequences, got.Consequences)
	assert.True(t, got.OccurredAt.Equal(in.OccurredAt))
	assert.True(t, got.RecordedAt.Equal(in.RecordedAt))

	stored, err := s.ListActions(ctx, "INC-anon")
	require.NoError(t, err)
	require.Len(t, stored, 2)
	assert.Equal(t, "anon-2", stored[0].Subject, "the subject follows its person")
	assert.Equal(t, "INC-anon/aftercare/2@20260202T110000Z", stored[0].ID, "the ID no longer holds the subject")
	assert.Equal(t, followup.SubjectPerpetrator, stored[1].Subject)
	assert.Equal(t, "INC-anon/reaction@20260202T120000Z", stored[1].ID)
	_, err = s.ListActions(ctx, "INC-anon")
	require.NoError(t, err)

	byRef, err := s.List(ctx, incident.Filter{PerpetratorRef: "P-17"})
	require.NoError(t, err)
	assert.Empty(t, byRef, "the old reference finds nothing")

	require.NoError(t, s.Anonymise(ctx, "INC-anon"), "anonymising twice is harmless")
	again, err := s.ListActions(ctx, "INC-anon")
	require.NoError(t, err)
	assert.Equal(t, stored, again, "and changes no action")
	require.NoError(t, s.RecordAction(ctx, again[0]), "an anonymised action recorded again is the same record")
	require.ErrorIs(t, s.Anonymise(ctx, "INC-none"), incident.ErrNotFound)
}

// testConcurrentWriters runs 8 writers at once: each creates incidents one
// by one and in batches, records actions, and increments a shared counter
// with optimistic concurrency, retrying on ErrStale. Nothing may be lost.
func testConcurrentWriters(t *testing.T, s Store) {
	ctx := context.Background()
	const (
		writers = 8
		single  = 20
		batches = 3
		batch   = 10
		bumps   = 5
	)
	shared := Sample("INC-shared", time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC))
	shared.Consequences.AbsenceDays = 0
	require.NoError(t, s.Create(ctx, &shared))

	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Go(func() {
			base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(w) * 24 * time.Hour)
			for k := range single {
				inc := Sample(incident.ID(fmt.Sprintf("W%d-%03d", w, k)), base.Add(time.Duration(k)*time.Minute))
				if err := s.Create(ctx, &inc); err != nil {
					errs <- fmt.Errorf("writer %d create %d: %w", w, k, err)
					return
				}
				if err := s.RecordAction(ctx, action(fmt.Sprintf("A-%d-%d", w, k), inc.ID, inc.OccurredAt.Add(time.Hour))); err != nil {
					errs <- fmt.Errorf("writer %d action %d: %w", w, k, err)
					return
				}
			}
			for b := range batches {
				incs := make([]incident.Incident, batch)
				for k := range incs {
					incs[k] = Sample(incident.ID(fmt.Sprintf("W%d-B%d-%02d", w, b, k)), base.Add(time.Duration(b*batch+k)*time.Second))
				}
				if err := s.CreateMany(ctx, incs); err != nil {
					errs <- fmt.Errorf("writer %d batch %d: %w", w, b, err)
					return
				}
			}
			for range bumps {
				for {
					cur, err := s.Get(ctx, "INC-shared")
					if err != nil {
						errs <- err
						return
					}
					cur.Consequences.AbsenceDays++
					err = s.Update(ctx, &cur)
					if errors.Is(err, incident.ErrStale) {
						continue
					}
					if err != nil {
						errs <- fmt.Errorf("writer %d update: %w", w, err)
						return
					}
					break
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.Equal(t, 1+writers*(single+batches*batch), count(t, s))
	got, err := s.Get(ctx, "INC-shared")
	require.NoError(t, err)
	assert.Equal(t, writers*bumps, got.Consequences.AbsenceDays, "no update was lost")
	assert.Equal(t, 1+writers*bumps, got.Version)
	for w := range writers {
		acts, err := s.ListActions(ctx, incident.ID(fmt.Sprintf("W%d-%03d", w, single-1)))
		require.NoError(t, err)
		assert.Len(t, acts, 1)
	}
}

func testCreateManyAllOrNothing(t *testing.T, s Store) {
	ctx := context.Background()
	base := time.Date(2025, 5, 5, 9, 0, 0, 0, time.UTC)
	mk := func(prefix string, n int) []incident.Incident {
		out := make([]incident.Incident, n)
		for k := range out {
			out[k] = Sample(incident.ID(fmt.Sprintf("%s-%02d", prefix, k)), base.Add(time.Duration(k)*time.Minute))
		}
		return out
	}
	existing := Sample("EXIST", base)
	require.NoError(t, s.Create(ctx, &existing))

	t.Run("invalid in the middle", func(t *testing.T) {
		incs := mk("INV", 10)
		incs[5].Behaviours = []norm.BehaviourCode{"yelling"}
		err := s.CreateMany(ctx, incs)
		var ne *norm.Error
		require.ErrorAs(t, err, &ne)
		assert.True(t, ne.Has("/5/behaviours/0", norm.CodeEnum), "%v", err)
		assert.Equal(t, 1, count(t, s))
	})
	t.Run("conflict in the middle", func(t *testing.T) {
		incs := mk("CON", 10)
		incs[6] = Sample("EXIST", base)
		incs[6].Description = "anders"
		require.ErrorIs(t, s.CreateMany(ctx, incs), incident.ErrConflict)
		assert.Equal(t, 1, count(t, s))
		for _, inc := range incs {
			assert.Equal(t, 0, inc.Version, "nothing written back for %s", inc.ID)
		}
	})
	t.Run("conflict within the batch", func(t *testing.T) {
		incs := mk("DUP", 4)
		incs[3] = Sample("DUP-00", base.Add(time.Hour))
		require.ErrorIs(t, s.CreateMany(ctx, incs), incident.ErrConflict)
		assert.Equal(t, 1, count(t, s))
	})
	t.Run("cancelled context", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		require.ErrorIs(t, s.CreateMany(cctx, mk("CAN", 10)), context.Canceled)
		assert.Equal(t, 1, count(t, s))
	})
	t.Run("success, then the same batch again", func(t *testing.T) {
		incs := mk("OK", 10)
		incs[3].ID = "" // generated
		incs = append(incs, existing, Sample("OK-00", base))
		require.NoError(t, s.CreateMany(ctx, incs))
		for _, inc := range incs {
			assert.Equal(t, 1, inc.Version)
			assert.NotEmpty(t, inc.ID)
		}
		assert.Regexp(t, `^INC-`, string(incs[3].ID))
		assert.Equal(t, 11, count(t, s))
		require.NoError(t, s.CreateMany(ctx, incs), "a repeated import is idempotent")
		assert.Equal(t, 11, count(t, s))
	})
	t.Run("empty batch", func(t *testing.T) {
		require.NoError(t, s.CreateMany(ctx, nil))
	})
}

func action(id string, inc incident.ID, at time.Time) followup.Action {
	return followup.Action{
		ID: id, IncidentID: inc, Kind: followup.KindReaction, Subject: followup.SubjectPerpetrator,
		At: at, Outcome: followup.OutcomeDone, Form: "conversation",
	}
}

func testActions(t *testing.T, s Store) {
	ctx := context.Background()
	at := time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC)
	in := Sample("INC-act", at)
	require.NoError(t, s.Create(ctx, &in))

	a := action("A-1", "INC-act", at.Add(3*time.Hour))
	require.NoError(t, s.RecordAction(ctx, a))
	a.At = a.At.In(time.FixedZone("CET", 3600))
	require.NoError(t, s.RecordAction(ctx, a), "the same action twice is one record")

	t.Run("conflict", func(t *testing.T) {
		b := a
		b.Outcome = followup.OutcomeNotPossible
		b.Form = ""
		b.Reason = "niet bereikbaar"
		require.ErrorIs(t, s.RecordAction(ctx, b), incident.ErrConflict)
		c := a
		c.IncidentID = "INC-other"
		require.ErrorIs(t, s.RecordAction(ctx, c), incident.ErrConflict, "an action ID is unique across incidents")
	})
	t.Run("unknown incident", func(t *testing.T) {
		require.ErrorIs(t, s.RecordAction(ctx, action("A-x", "INC-none", at)), incident.ErrNotFound)
	})
	t.Run("invalid", func(t *testing.T) {
		bad := action("", "INC-act", time.Time{})
		bad.Kind = "party"
		require.ErrorIs(t, s.RecordAction(ctx, bad), norm.ErrInvalid)
	})
	// Recorded out of order: listed by At, then ID.
	for _, x := range []followup.Action{
		action("A-4", "INC-act", at.Add(time.Hour)),
		action("A-3", "INC-act", at.Add(time.Hour)),
		action("A-0", "INC-act", at.Add(48*time.Hour)),
		action("A-2", "INC-act", at.Add(30*time.Minute)),
	} {
		require.NoError(t, s.RecordAction(ctx, x))
	}
	got, err := s.ListActions(ctx, "INC-act")
	require.NoError(t, err)
	var order []string
	for _, x := range got {
		order = append(order, x.ID)
		assert.Equal(t, time.UTC, x.At.Location())
	}
	assert.Equal(t, []string{"A-2", "A-3", "A-4", "A-1", "A-0"}, order)
	assert.Equal(t, action("A-1", "INC-act", at.Add(3*time.Hour)), got[3], "every field comes back")

	none, err := s.ListActions(ctx, "INC-none")
	require.NoError(t, err)
	assert.Empty(t, none)
}

// testRecords streams a register larger than a page of the SQL store, with
// actions on some incidents.
func testRecords(t *testing.T, s Store) {
	ctx := context.Background()
	g := incidenttest.New(11, From)
	g.MeanGap = 3 * time.Hour
	var incs []incident.Incident
	for inc := range g.All(1234) {
		incs = append(incs, inc)
	}
	require.NoError(t, s.CreateMany(ctx, incs))
	wantActs := map[incident.ID]int{}
	for k := 0; k < len(incs); k += 7 {
		n := 1 + k%3
		for j := range n {
			a := action(fmt.Sprintf("R-%d-%d", k, j), incs[k].ID, incs[k].OccurredAt.Add(time.Duration(n-j)*time.Hour))
			require.NoError(t, s.RecordAction(ctx, a))
		}
		wantActs[incs[k].ID] = n
	}

	t.Run("all", func(t *testing.T) {
		var got []incident.ID
		for rec, err := range s.Records(ctx, incident.Filter{}) {
			require.NoError(t, err)
			got = append(got, rec.Incident.ID)
			require.Len(t, rec.Actions, wantActs[rec.Incident.ID], "actions of %s", rec.Incident.ID)
			for j := 1; j < len(rec.Actions); j++ {
				require.True(t, rec.Actions[j-1].At.Before(rec.Actions[j].At), "actions ordered by At")
			}
			for _, a := range rec.Actions {
				require.Equal(t, rec.Incident.ID, a.IncidentID)
			}
		}
		list, err := s.List(ctx, incident.Filter{})
		require.NoError(t, err)
		assert.Equal(t, ids(list), got)
		assert.Len(t, got, len(incs))
	})
	t.Run("filter, offset and limit", func(t *testing.T) {
		f := incident.Filter{From: incs[100].OccurredAt, Categories: []norm.Category{norm.Verbal}, Offset: 3, Limit: 600}
		var got []incident.ID
		for rec, err := range s.Records(ctx, f) {
			require.NoError(t, err)
			got = append(got, rec.Incident.ID)
		}
		list, err := s.List(ctx, f)
		require.NoError(t, err)
		assert.Equal(t, ids(list), got)
		assert.NotEmpty(t, got)
	})
	t.Run("stop early", func(t *testing.T) {
		n := 0
		for _, err := range s.Records(ctx, incident.Filter{}) {
			require.NoError(t, err)
			n++
			if n == 3 {
				break
			}
		}
		assert.Equal(t, 3, n)
	})
	t.Run("invalid filter", func(t *testing.T) {
		var errs []error
		for _, err := range s.Records(ctx, incident.Filter{Limit: -1}) {
			errs = append(errs, err)
		}
		require.Len(t, errs, 1)
		require.ErrorIs(t, errs[0], norm.ErrInvalid)
	})
	t.Run("cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		defer cancel()
		n := 0
		var last error
		for _, err := range s.Records(cctx, incident.Filter{}) {
			if err != nil {
				last = err
				break
			}
			n++
			if n == 1 {
				cancel()
			}
		}
		require.ErrorIs(t, last, context.Canceled)
		assert.Less(t, n, len(incs))
	})
}
