package incident

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Sentinel errors of the stores. Check them with errors.Is: stores wrap them
// with the ID concerned.
var (
	// ErrNotFound: no incident (or action) with that ID.
	ErrNotFound = errors.New("incident: not found")
	// ErrConflict: a different record with the same ID exists already.
	ErrConflict = errors.New("incident: conflict")
	// ErrStale: an update was based on a version that is no longer current;
	// read the incident again and reapply the change.
	ErrStale = errors.New("incident: stale version")
	// ErrBusy: another program kept the register locked (or the database
	// kept choosing this write as the victim of a deadlock) for longer
	// than the store waits and retries; nothing was written. Try again
	// when the other writer is done.
	ErrBusy = errors.New("incident: register busy: another program is writing to it")
)

// AnonRef replaces a pseudonymous reference when an incident is
// anonymised: the perpetrator becomes AnonRef, the involved people become
// AnonRef + "-1", AnonRef + "-2", ... so that they stay distinct (the
// aftercare of each person remains countable). The reasons of anonymised
// actions become AnonRef too. Do not use references that start with
// AnonRef for real people.
const AnonRef = "anon"

// Store is the incident register. Implementations: incident/inmem (tests
// and small tools) and incident/sqlstore (SQLite and PostgreSQL). Every
// method is safe for concurrent use.
type Store interface {
	// Create registers an incident. It is idempotent by ID: creating the
	// same incident again is one record and returns nil; a different
	// incident with the same ID returns ErrConflict. An empty ID is
	// generated (see NewID), a zero RecordedAt is set from the store's
	// clock, and Version becomes 1; all three are written back into inc.
	// An invalid incident returns a *norm.Error (see ValidateAt) and writes
	// nothing.
	Create(ctx context.Context, inc *Incident) error

	// Get returns the incident with that ID, or ErrNotFound.
	Get(ctx context.Context, id ID) (Incident, error)

	// Update replaces a stored incident. inc.Version must equal the stored
	// version, else ErrStale; on success the stored and inc.Version are
	// one higher. RecordedAt cannot change: a zero RecordedAt keeps the
	// stored one and any other value must equal it (else ErrConflict).
	// Returns ErrNotFound for an unknown ID and a *norm.Error for an
	// invalid incident.
	Update(ctx context.Context, inc *Incident) error

	// List returns the incidents that match f, ordered by OccurredAt, then
	// ID. An invalid filter returns a *norm.Error.
	List(ctx context.Context, f Filter) ([]Incident, error)

	// Delete removes an incident with everything recorded about it
	// (follow-up actions included). Returns ErrNotFound for an unknown ID.
	Delete(ctx context.Context, id ID) error

	// Anonymise removes the personal data of an incident for retention,
	// as Incident.Anonymise does: the free text (description, analysis
	// text, lessons) and a site in words go, and every reference to a
	// person becomes AnonRef (see Anonymised). Codes, times, a site code
	// and consequences stay. The recorded follow-up actions change as
	// followup.AnonymiseActions says: subjects follow their person,
	// reasons go, and every action ID is replaced by one that holds no
	// reference. Nothing stored about the incident then leads back to a
	// person (the incident ID aside, which the caller chose). Version goes
	// up by one. All of it happens in one transaction. Returns ErrNotFound
	// for an unknown ID.
	Anonymise(ctx context.Context, id ID) error
}

// BatchCreator is the optional ability to create many incidents at once,
// all or nothing (one transaction), for CSV import and ingest.
type BatchCreator interface {
	// CreateMany creates every incident as Create does, filling in the ID,
	// RecordedAt and Version of each element of incs. If any incident is
	// invalid (a *norm.Error whose pointers start with the index, e.g.
	// "/3/behaviours") or conflicts (ErrConflict), or the context ends,
	// nothing is written.
	CreateMany(ctx context.Context, incs []Incident) error
}

// Filter selects incidents. The zero Filter selects everything. Criteria
// combine with AND; the values within one list combine with OR.
type Filter struct {
	From time.Time // OccurredAt >= From (zero: no lower bound)
	To   time.Time // OccurredAt < To (zero: no upper bound)

	// Categories selects incidents with at least one of these derived
	// categories (see Incident.Classification).
	Categories []norm.Category
	// Channels selects incidents in one of these channels.
	Channels []norm.Channel

	PerpetratorRef string // the perpetrator's pseudonymous reference, exactly
	Site           string // the site, exactly

	Limit  int // at most this many (0: no limit)
	Offset int // skip this many first
}

// Validate checks the filter: known codes, non-negative Limit and Offset,
// To after From. It returns a *norm.Error with Op "incident.Filter".
func (f Filter) Validate() error {
	var ps []norm.Problem
	for i, c := range f.Categories {
		if !c.Valid() {
			ps = append(ps, norm.Problem{Pointer: norm.Pointer("categories", strconv.Itoa(i)), Code: norm.CodeEnum,
				Message: norm.Textf("onbekende categorie %q", "unknown category %q", string(c))})
		}
	}
	for i, c := range f.Channels {
		if _, err := norm.ParseChannel(string(c)); err != nil {
			ps = append(ps, norm.Problem{Pointer: norm.Pointer("channels", strconv.Itoa(i)), Code: norm.CodeEnum,
				Message: norm.Textf("onbekend kanaal %q", "unknown channel %q", string(c))})
		}
	}
	if f.Limit < 0 {
		ps = append(ps, norm.Problem{Pointer: "/limit", Code: norm.CodeRange, Message: norm.T("limiet mag niet negatief zijn", "limit must not be negative")})
	}
	if f.Offset < 0 {
		ps = append(ps, norm.Problem{Pointer: "/offset", Code: norm.CodeRange, Message: norm.T("offset mag niet negatief zijn", "offset must not be negative")})
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.To.After(f.From) {
		ps = append(ps, norm.Problem{Pointer: "/to", Code: norm.CodeOrder, Message: norm.T("einde van de periode ligt niet na het begin", "end of the period is not after its start")})
	}
	return norm.NewError("incident.Filter", ps)
}

// Match reports whether inc passes the criteria of f (Limit and Offset
// aside). It is the reference semantics the stores implement.
func (f Filter) Match(inc *Incident) bool {
	if !f.From.IsZero() && inc.OccurredAt.Before(f.From) {
		return false
	}
	if !f.To.IsZero() && !inc.OccurredAt.Before(f.To) {
		return false
	}
	if len(f.Channels) > 0 && !slices.Contains(f.Channels, inc.Channel) {
		return false
	}
	if f.PerpetratorRef != "" && inc.Perpetrator.Ref != f.PerpetratorRef {
		return false
	}
	if f.Site != "" && inc.Site != f.Site {
		return false
	}
	if len(f.Categories) > 0 {
		cl := inc.Classification()
		if !slices.ContainsFunc(f.Categories, cl.Has) {
			return false
		}
	}
	return true
}

// NewID returns a random incident ID: "INC-" and 16 hexadecimal digits from
// crypto/rand.
func NewID() ID {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return ID("INC-" + hex.EncodeToString(b[:]))
}

// Same reports whether two versions of an incident hold the same content:
// every field but Version, with times compared as instants, nil and empty
// lists alike, and a zero RecordedAt on either side matching any. Stores
// use it for idempotent creation.
func Same(a, b *Incident) bool {
	if a.ID != b.ID || !a.OccurredAt.Equal(b.OccurredAt) || !a.ReportedAt.Equal(b.ReportedAt) {
		return false
	}
	if !a.RecordedAt.IsZero() && !b.RecordedAt.IsZero() && !a.RecordedAt.Equal(b.RecordedAt) {
		return false
	}
	if a.Site != b.Site || a.Channel != b.Channel || a.Phase != b.Phase || a.Perpetrator != b.Perpetrator ||
		a.Consequences != b.Consequences || a.Description != b.Description {
		return false
	}
	if !slices.Equal(a.Behaviours, b.Behaviours) || !slices.Equal(a.Involved, b.Involved) || !a.Norm.same(b.Norm) {
		return false
	}
	an, bn := a.Analysis, b.Analysis
	if (an == nil) != (bn == nil) {
		return false
	}
	if an != nil && (an.Text != bn.Text || an.Lessons != bn.Lessons || !slices.Equal(an.Causes, bn.Causes)) {
		return false
	}
	return true
}

// Anonymised reports whether inc holds no personal data: no description,
// no analysis text or lessons, a site that is empty or a code (see
// ValidToken), and every reference empty or starting with AnonRef.
func (i *Incident) Anonymised() bool {
	if i.Description != "" || (i.Analysis != nil && (i.Analysis.Text != "" || i.Analysis.Lessons != "")) {
		return false
	}
	if i.Site != "" && !ValidToken(i.Site) {
		return false
	}
	if i.Perpetrator.Ref != "" && !isAnonRef(i.Perpetrator.Ref) {
		return false
	}
	for _, p := range i.Involved {
		if !isAnonRef(p.Ref) {
			return false
		}
	}
	return true
}

func isAnonRef(r string) bool {
	return len(r) >= len(AnonRef) && r[:len(AnonRef)] == AnonRef
}

// Anonymise removes from inc, in place, everything that could lead back
// to a person, as Store.Anonymise does, and keeps what the statistics
// need: times, codes (channel, behaviours, phase, roles, causes),
// consequences, and the site when it is a code.
//
//   - The free text goes: description, analysis text and lessons (which
//     tell a story that can name or point to someone).
//   - A site in words ("balie Kerkstraat 5") goes, so the statistics per
//     site count the incident under no site; a site code such as
//     "LOC-AMS" (see ValidToken) stays.
//   - The perpetrator's reference becomes AnonRef; the involved people
//     become AnonRef-1, AnonRef-2, ... in their order.
//
// It returns how each old reference was replaced, so that a store can
// replace the subjects of recorded actions the same way (see
// followup.AnonymiseActions). The version is left alone.
func (i *Incident) Anonymise() map[string]string {
	repl := make(map[string]string)
	i.Description = ""
	if i.Site != "" && !ValidToken(i.Site) {
		i.Site = ""
	}
	if i.Analysis != nil {
		a := *i.Analysis
		a.Causes = slices.Clone(a.Causes)
		a.Text, a.Lessons = "", ""
		i.Analysis = &a
	}
	if i.Perpetrator.Ref != "" {
		repl[i.Perpetrator.Ref] = AnonRef
		i.Perpetrator.Ref = AnonRef
	}
	inv := slices.Clone(i.Involved)
	for k := range inv {
		n := AnonRef + "-" + strconv.Itoa(k+1)
		if inv[k].Ref != "" {
			repl[inv[k].Ref] = n
		}
		inv[k].Ref = n
	}
	i.Involved = inv
	return repl
}

// Normalize prepares an incident for storage as every store does: times in
// UTC without a monotonic reading, and empty lists as nil. Stores return
// incidents in this form.
func (i *Incident) Normalize() {
	i.OccurredAt = utc(i.OccurredAt)
	i.ReportedAt = utc(i.ReportedAt)
	i.RecordedAt = utc(i.RecordedAt)
	if len(i.Behaviours) == 0 {
		i.Behaviours = nil
	}
	if len(i.Involved) == 0 {
		i.Involved = nil
	}
	if i.Norm != nil && len(i.Norm.Behaviours) == 0 {
		n := *i.Norm
		n.Behaviours = nil
		i.Norm = &n
	}
	if i.Analysis != nil && len(i.Analysis.Causes) == 0 {
		a := *i.Analysis
		a.Causes = nil
		i.Analysis = &a
	}
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.Round(0).UTC()
}

// Clone returns a deep copy of the incident, so that a store's record and
// the caller's value share no slices.
func (i *Incident) Clone() Incident {
	c := *i
	c.Behaviours = slices.Clone(i.Behaviours)
	c.Involved = slices.Clone(i.Involved)
	c.Norm = i.Norm.clone()
	if i.Analysis != nil {
		a := *i.Analysis
		a.Causes = slices.Clone(i.Analysis.Causes)
		c.Analysis = &a
	}
	return c
}
