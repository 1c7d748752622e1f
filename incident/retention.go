package incident

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/goedgesprek/goedgesprek/norm"
)

// RetentionStore is the part of a Store that Retain needs.
type RetentionStore interface {
	Lister
	// Delete removes an incident; ErrNotFound for an unknown ID.
	Delete(ctx context.Context, id ID) error
	// Anonymise removes an incident's personal data; ErrNotFound for an
	// unknown ID.
	Anonymise(ctx context.Context, id ID) error
}

// RetentionMode says what happens to an incident past its retention period.
type RetentionMode string

// The retention modes.
const (
	// RetainAnonymise keeps the incident for statistics without personal
	// data (see Incident.Anonymise).
	RetainAnonymise RetentionMode = "anonymise"
	// RetainDelete removes the incident and its follow-up.
	RetainDelete RetentionMode = "delete"
)

var retentionModes = []RetentionMode{RetainAnonymise, RetainDelete}

// MarshalText implements encoding.TextMarshaler.
func (m RetentionMode) MarshalText() ([]byte, error) {
	return norm.MarshalCode("retention_mode", m, retentionModes)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *RetentionMode) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("retention_mode", string(b), retentionModes)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// RetentionPolicy says how long incidents keep their personal data and
// what happens after.
type RetentionPolicy struct {
	// After is the retention period, counted from when the incident
	// occurred. It must be at least MinRetention.
	After time.Duration `json:"after"`
	// Mode is anonymise or delete.
	Mode RetentionMode `json:"mode"`
}

// MinRetention is the shortest retention period Retain accepts: a policy
// of minutes or hours is a mistake (a duration in the wrong unit), not a
// choice, and would destroy a register that is still in use.
const MinRetention = 30 * 24 * time.Hour

// Validate checks the policy and returns a *norm.Error with Op
// "incident.RetentionPolicy".
func (p RetentionPolicy) Validate() error {
	var ps []norm.Problem
	if p.After < MinRetention {
		ps = append(ps, norm.Problem{Pointer: "/after", Code: norm.CodeRange,
			Message: norm.Textf("de bewaartermijn is korter dan %d dagen", "the retention period is shorter than %d days", int(MinRetention/(24*time.Hour)))})
	}
	if _, err := norm.ParseCode("retention_mode", string(p.Mode), retentionModes); err != nil {
		ps = append(ps, norm.Problem{Pointer: "/mode", Code: norm.CodeEnum, Message: err.(*norm.CodeError).Message()})
	}
	return norm.NewError("incident.RetentionPolicy", ps)
}

// RetentionReport says what Retain touched.
type RetentionReport struct {
	Mode   RetentionMode `json:"mode"`
	At     time.Time     `json:"at"`     // the reference time
	Cutoff time.Time     `json:"cutoff"` // incidents that occurred before it were due
	// Touched are the IDs that were anonymised or deleted, in the order
	// of occurrence.
	Touched []ID `json:"touched"`
	// Anonymised and Deleted count Touched by what happened to them.
	Anonymised int `json:"anonymised"`
	Deleted    int `json:"deleted"`
	// Skipped counts incidents that were due but needed nothing: already
	// anonymised, or deleted by someone else in the meantime.
	Skipped int `json:"skipped"`
}

// BatchRetainer is the optional ability of a store to anonymise or delete
// many incidents in one transaction, all or nothing. Retain uses it when
// the store has it.
type BatchRetainer interface {
	// RetainMany anonymises (RetainAnonymise, as Anonymise does) or
	// deletes (RetainDelete, as Delete does) the incidents with these IDs
	// in one transaction, and returns the IDs it touched, in the order
	// given. An ID that is not (or no longer) stored is left out of the
	// result, not an error. On any error, an ended context included,
	// nothing changes. An unknown mode is a *norm.Error.
	RetainMany(ctx context.Context, mode RetentionMode, ids []ID) ([]ID, error)
}

// retainPage is how many incidents Retain lists at a time, so that a large
// register is not held in memory at once.
const retainPage = 500

// Retain anonymises or deletes every incident that occurred more than
// p.After before at, and reports which it touched. In anonymise mode an
// incident that is anonymised already (see Incident.Anonymised) is
// skipped.
//
// When the store is a BatchRetainer, Retain first lists what is due (the
// IDs only) and then anonymises or deletes all of it in one transaction:
// it all happens or, on an error, none of it. Otherwise it works page by
// page, one incident at a time; when the store fails half-way, the report
// says what was done before the error, which is returned wrapped. An
// invalid policy or a zero at is a *norm.Error with Op "incident.Retain"
// and touches nothing.
func Retain(ctx context.Context, store RetentionStore, p RetentionPolicy, at time.Time) (RetentionReport, error) {
	const op = "incident.Retain"
	if br, ok := store.(BatchRetainer); ok {
		rep, err := retain(ctx, store, p, at, true, op)
		if err != nil {
			return RetentionReport{}, err
		}
		due := rep.Touched
		done, err := br.RetainMany(ctx, p.Mode, due)
		if err != nil {
			rep.Touched, rep.Anonymised, rep.Deleted = []ID{}, 0, 0
			return rep, fmt.Errorf("%s: %w", op, err)
		}
		rep.Touched = append([]ID{}, done...)
		rep.Skipped += len(due) - len(done)
		rep.Anonymised, rep.Deleted = 0, 0
		if p.Mode == RetainAnonymise {
			rep.Anonymised = len(done)
		} else {
			rep.Deleted = len(done)
		}
		return rep, nil
	}
	return retain(ctx, store, p, at, false, op)
}

// PlanRetention reports what Retain would do at the moment at, without
// changing anything: Touched lists the IDs that Retain would anonymise or
// delete, Anonymised or Deleted counts them, and Skipped counts the due
// incidents that are anonymised already. Use it for a dry run. Errors are
// those of Retain, with Op "incident.PlanRetention".
func PlanRetention(ctx context.Context, store Lister, p RetentionPolicy, at time.Time) (RetentionReport, error) {
	return retain(ctx, store, p, at, true, "incident.PlanRetention")
}

func retain(ctx context.Context, store Lister, p RetentionPolicy, at time.Time, dry bool, op string) (RetentionReport, error) {
	var ps []norm.Problem
	if err := p.Validate(); err != nil {
		ps = append(ps, err.(*norm.Error).Problems...)
	}
	if at.IsZero() {
		ps = append(ps, norm.Problem{Pointer: "/at", Code: norm.CodeRequired, Message: norm.T("peilmoment ontbreekt", "reference time is missing")})
	}
	if err := norm.NewError(op, ps); err != nil {
		return RetentionReport{}, err
	}
	rs, _ := store.(RetentionStore)
	rep := RetentionReport{Mode: p.Mode, At: at, Cutoff: at.Add(-p.After), Touched: []ID{}}
	offset := 0
	for {
		if err := ctx.Err(); err != nil {
			return rep, fmt.Errorf("%s: %w", op, err)
		}
		page, err := store.List(ctx, Filter{To: rep.Cutoff, Limit: retainPage, Offset: offset})
		if err != nil {
			return rep, fmt.Errorf("%s: %w", op, err)
		}
		remaining := 0 // incidents of this page that stay in the listing
		for i := range page {
			inc := &page[i]
			switch {
			case p.Mode == RetainAnonymise && inc.Anonymised():
				rep.Skipped++
				remaining++
				continue
			case dry:
				err = nil
				remaining++
			case p.Mode == RetainAnonymise:
				err = rs.Anonymise(ctx, inc.ID)
				remaining++
			default:
				err = rs.Delete(ctx, inc.ID)
			}
			switch {
			case errors.Is(err, ErrNotFound):
				rep.Skipped++
				continue
			case err != nil:
				return rep, fmt.Errorf("%s: %s: %w", op, inc.ID, err)
			}
			rep.Touched = append(rep.Touched, inc.ID)
			if p.Mode == RetainAnonymise {
				rep.Anonymised++
			} else {
				rep.Deleted++
			}
		}
		if len(page) < retainPage {
			return rep, nil
		}
		offset += remaining
	}
}
