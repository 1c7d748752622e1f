package inmem

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"sync"
	"time"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// Store is an incident register held in memory. The zero value is not
// usable; call New. It is safe for concurrent use.
type Store struct {
	now func() time.Time

	mu        sync.RWMutex
	incidents map[incident.ID]*incident.Incident
	actions   map[incident.ID][]followup.Action // per incident, ordered by At, then ID
	actionIDs map[string]incident.ID            // action ID -> its incident
}

// The store implements these interfaces.
var (
	_ incident.Store         = (*Store)(nil)
	_ incident.BatchCreator  = (*Store)(nil)
	_ followup.ActionStore   = (*Store)(nil)
	_ incident.BatchRetainer = (*Store)(nil)
	_ followup.Importer      = (*Store)(nil)
)

// Option configures a Store.
type Option func(*Store)

// WithNow sets the clock that stamps RecordedAt and is the reference time
// of validation (default time.Now).
func WithNow(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// New returns an empty store.
func New(opts ...Option) *Store {
	s := &Store{
		now:       time.Now,
		incidents: make(map[incident.ID]*incident.Incident),
		actions:   make(map[incident.ID][]followup.Action),
		actionIDs: make(map[string]incident.ID),
	}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Create registers an incident; see incident.Store.
func (s *Store) Create(ctx context.Context, inc *incident.Incident) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	now := s.now()
	if err := incident.ValidateAt(inc, now); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, err := s.create(inc, now, nil)
	if err != nil {
		return err
	}
	s.incidents[rec.ID] = rec
	writeBack(inc, rec)
	return nil
}

// create prepares the record for inc, or returns the stored one when inc is
// the same incident again. pending holds records of the same batch that are
// not yet in the map. The caller holds the lock.
func (s *Store) create(inc *incident.Incident, now time.Time, pending map[incident.ID]*incident.Incident) (*incident.Incident, error) {
	c := inc.Clone()
	c.Normalize()
	if c.ID == "" {
		c.ID = incident.NewID()
	}
	old := s.incidents[c.ID]
	if old == nil {
		old = pending[c.ID]
	}
	if old != nil {
		if !incident.Same(old, &c) {
			return nil, fmt.Errorf("inmem: create %s: %w", c.ID, incident.ErrConflict)
		}
		return old, nil
	}
	if c.RecordedAt.IsZero() {
		c.RecordedAt = now.Round(0).UTC()
	}
	c.Version = 1
	return &c, nil
}

func writeBack(inc, rec *incident.Incident) {
	inc.ID, inc.RecordedAt, inc.Version = rec.ID, rec.RecordedAt, rec.Version
}

// CreateMany creates the incidents all or nothing; see incident.BatchCreator.
func (s *Store) CreateMany(ctx context.Context, incs []incident.Incident) error {
	return s.Import(ctx, incs, nil)
}

// Import creates the incidents and records the actions, all or nothing;
// see followup.Importer.
func (s *Store) Import(ctx context.Context, incs []incident.Incident, acts []followup.Action) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	now := s.now()
	if err := incident.ValidateAll(incs, now); err != nil {
		return err
	}
	acts = slices.Clone(acts)
	for k := range acts {
		if err := followup.CheckStorable(&acts[k]); err != nil {
			return fmt.Errorf("inmem: import: action %d (%s): %w", k, acts[k].ID, err)
		}
		acts[k].At = acts[k].At.Round(0).UTC()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	pending := make(map[incident.ID]*incident.Incident, len(incs))
	recs := make([]*incident.Incident, len(incs))
	for k := range incs {
		rec, err := s.create(&incs[k], now, pending)
		if err != nil {
			return err
		}
		pending[rec.ID] = rec
		recs[k] = rec
	}
	// The actions, checked against the stored ones, the batch's incidents
	// and each other before anything is stored.
	newActs := make(map[string]followup.Action, len(acts))
	for _, a := range acts {
		if old, ok := newActs[a.ID]; ok {
			if !old.Same(a) {
				return fmt.Errorf("inmem: import: action %s: %w", a.ID, incident.ErrConflict)
			}
			continue
		}
		if err := s.checkNewAction(a, pending); err != nil {
			if err == errKnownAction {
				continue
			}
			return err
		}
		newActs[a.ID] = a
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for id, rec := range pending {
		s.incidents[id] = rec
	}
	for _, a := range newActs {
		s.storeAction(a)
	}
	for k, rec := range recs {
		writeBack(&incs[k], rec)
	}
	return nil
}

// Get returns an incident; see incident.Store.
func (s *Store) Get(ctx context.Context, id incident.ID) (incident.Incident, error) {
	if err := ctx.Err(); err != nil {
		return incident.Incident{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	rec := s.incidents[id]
	if rec == nil {
		return incident.Incident{}, fmt.Errorf("inmem: get %s: %w", id, incident.ErrNotFound)
	}
	return rec.Clone(), nil
}

// Update replaces an incident if its version is current; see incident.Store.
func (s *Store) Update(ctx context.Context, inc *incident.Incident) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := incident.ValidateAt(inc, s.now()); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.incidents[inc.ID]
	if old == nil {
		return fmt.Errorf("inmem: update %s: %w", inc.ID, incident.ErrNotFound)
	}
	if old.Version != inc.Version {
		return fmt.Errorf("inmem: update %s at version %d, stored %d: %w", inc.ID, inc.Version, old.Version, incident.ErrStale)
	}
	c := inc.Clone()
	c.Normalize()
	if c.RecordedAt.IsZero() {
		c.RecordedAt = old.RecordedAt
	} else if !c.RecordedAt.Equal(old.RecordedAt) {
		return fmt.Errorf("inmem: update %s: recorded_at cannot change: %w", inc.ID, incident.ErrConflict)
	}
	c.Version = old.Version + 1
	s.incidents[c.ID] = &c
	writeBack(inc, &c)
	return nil
}

// List returns the matching incidents; see incident.Store.
func (s *Store) List(ctx context.Context, f incident.Filter) ([]incident.Incident, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.list(f), nil
}

func (s *Store) list(f incident.Filter) []incident.Incident {
	var out []incident.Incident
	for _, rec := range s.incidents {
		if f.Match(rec) {
			out = append(out, rec.Clone())
		}
	}
	slices.SortFunc(out, func(a, b incident.Incident) int {
		return cmp.Or(a.OccurredAt.Compare(b.OccurredAt), cmp.Compare(a.ID, b.ID))
	})
	out = out[min(f.Offset, len(out)):]
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out
}

// Delete removes an incident and its actions; see incident.Store.
func (s *Store) Delete(ctx context.Context, id incident.ID) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.incidents[id] == nil {
		return fmt.Errorf("inmem: delete %s: %w", id, incident.ErrNotFound)
	}
	s.delete(id)
	return nil
}

// delete removes a stored incident and its actions. The caller holds the
// lock.
func (s *Store) delete(id incident.ID) {
	delete(s.incidents, id)
	for _, a := range s.actions[id] {
		delete(s.actionIDs, a.ID)
	}
	delete(s.actions, id)
}

// Anonymise removes the personal data of an incident and of its actions;
// see incident.Store.
func (s *Store) Anonymise(ctx context.Context, id incident.ID) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, err := s.anonymise(id)
	if err != nil {
		return err
	}
	s.apply(ch)
	return nil
}

// change is what anonymising one incident replaces, prepared before
// anything is applied so that a batch is all or nothing.
type change struct {
	inc     *incident.Incident
	old     []followup.Action
	actions []followup.Action
}

// anonymise prepares the anonymised incident and actions. The caller
// holds the lock.
func (s *Store) anonymise(id incident.ID) (change, error) {
	old := s.incidents[id]
	if old == nil {
		return change{}, fmt.Errorf("inmem: anonymise %s: %w", id, incident.ErrNotFound)
	}
	c := old.Clone()
	repl := c.Anonymise()
	c.Version++
	as := followup.AnonymiseActions(&c, repl, s.actions[id])
	for _, a := range as {
		if owner, ok := s.actionIDs[a.ID]; ok && owner != id {
			return change{}, fmt.Errorf("inmem: anonymise %s: action ID %s belongs to incident %s: %w", id, a.ID, owner, incident.ErrConflict)
		}
	}
	return change{inc: &c, old: s.actions[id], actions: as}, nil
}

func (s *Store) apply(ch change) {
	id := ch.inc.ID
	s.incidents[id] = ch.inc
	for _, a := range ch.old {
		delete(s.actionIDs, a.ID)
	}
	if len(ch.actions) == 0 {
		return
	}
	s.actions[id] = ch.actions
	for _, a := range ch.actions {
		s.actionIDs[a.ID] = id
	}
}

// RetainMany anonymises or deletes the incidents all or nothing; see
// incident.BatchRetainer.
func (s *Store) RetainMany(ctx context.Context, mode incident.RetentionMode, ids []incident.ID) ([]incident.ID, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if mode != incident.RetainAnonymise && mode != incident.RetainDelete {
		_, err := mode.MarshalText()
		return nil, norm.NewError("inmem.RetainMany", []norm.Problem{{Pointer: "/mode", Code: norm.CodeEnum, Message: err.(*norm.CodeError).Message()}})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	done := []incident.ID{}
	seen := make(map[incident.ID]bool, len(ids))
	var chs []change
	for _, id := range ids {
		if s.incidents[id] == nil || seen[id] {
			continue
		}
		seen[id] = true
		done = append(done, id)
		if mode == incident.RetainDelete {
			continue
		}
		ch, err := s.anonymise(id)
		if err != nil {
			return nil, err
		}
		chs = append(chs, ch)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if mode == incident.RetainDelete {
		for _, id := range done {
			s.delete(id)
		}
		return done, nil
	}
	// Two incidents of one batch cannot take each other's action IDs:
	// every new ID starts with its own incident's ID and a slash.
	for _, ch := range chs {
		s.apply(ch)
	}
	return done, nil
}

// RecordAction stores an action; see followup.ActionStore.
func (s *Store) RecordAction(ctx context.Context, a followup.Action) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := followup.CheckStorable(&a); err != nil {
		return err
	}
	a.At = a.At.Round(0).UTC()
	s.mu.Lock()
	defer s.mu.Unlock()
	switch err := s.checkNewAction(a, nil); err {
	case nil:
		s.storeAction(a)
		return nil
	case errKnownAction:
		return nil
	default:
		return err
	}
}

// errKnownAction: the action is stored already, the same.
var errKnownAction = errors.New("inmem: action stored already")

// checkNewAction checks that a can be stored: its ID is new (or holds the
// same action, errKnownAction) and its incident is stored or pending. The
// caller holds the lock.
func (s *Store) checkNewAction(a followup.Action, pending map[incident.ID]*incident.Incident) error {
	if owner, ok := s.actionIDs[a.ID]; ok {
		for _, old := range s.actions[owner] {
			if old.ID == a.ID {
				if old.Same(a) {
					return errKnownAction
				}
				break
			}
		}
		return fmt.Errorf("inmem: record action %s: %w", a.ID, incident.ErrConflict)
	}
	inc := s.incidents[a.IncidentID]
	if inc == nil {
		inc = pending[a.IncidentID]
	}
	if inc == nil {
		return fmt.Errorf("inmem: record action %s for incident %s: %w", a.ID, a.IncidentID, incident.ErrNotFound)
	}
	return a.CheckIncident(followup.RecordOp, inc)
}

// storeAction adds a checked action. The caller holds the lock.
func (s *Store) storeAction(a followup.Action) {
	as := append(slices.Clone(s.actions[a.IncidentID]), a)
	slices.SortFunc(as, compareActions)
	s.actions[a.IncidentID] = as
	s.actionIDs[a.ID] = a.IncidentID
}

func compareActions(a, b followup.Action) int {
	return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID))
}

// ListActions returns the actions of one incident; see followup.ActionStore.
// An incident without actions, or an unknown one, has none.
func (s *Store) ListActions(ctx context.Context, id incident.ID) ([]followup.Action, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Clone(s.actions[id]), nil
}

// Records yields the matching incidents with their actions, ordered by
// OccurredAt, then ID. It works on a snapshot of the matching incidents
// taken when iteration starts; an invalid filter or an ended context is
// yielded as an error and ends the sequence.
func (s *Store) Records(ctx context.Context, f incident.Filter) iter.Seq2[followup.Record, error] {
	return func(yield func(followup.Record, error) bool) {
		if err := f.Validate(); err != nil {
			yield(followup.Record{}, err)
			return
		}
		s.mu.RLock()
		incs := s.list(f)
		acts := make([][]followup.Action, len(incs))
		for k := range incs {
			acts[k] = slices.Clone(s.actions[incs[k].ID])
		}
		s.mu.RUnlock()
		for k := range incs {
			if err := ctx.Err(); err != nil {
				yield(followup.Record{}, err)
				return
			}
			if !yield(followup.Record{Incident: incs[k], Actions: acts[k]}, nil) {
				return
			}
		}
	}
}
