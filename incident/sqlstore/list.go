package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
)

// pageSize is how many incidents one query of List and Records reads: large
// enough to amortise the round trips, small enough to keep memory flat.
const pageSize = 500

// where turns a filter into a WHERE clause over incidents and its
// arguments. Every criterion runs in SQL; categories through the derived
// bitmask column.
func where(f incident.Filter) (string, []any) {
	var conds []string
	var args []any
	if !f.From.IsZero() {
		conds = append(conds, "occurred_ns >= ?")
		args = append(args, f.From.UnixNano())
	}
	if !f.To.IsZero() {
		conds = append(conds, "occurred_ns < ?")
		args = append(args, f.To.UnixNano())
	}
	if len(f.Categories) > 0 {
		conds = append(conds, "(categories & ?) <> 0")
		args = append(args, CategoryMask(f.Categories))
	}
	if len(f.Channels) > 0 {
		conds = append(conds, "channel IN ("+placeholders(len(f.Channels))+")")
		for _, c := range f.Channels {
			args = append(args, string(c))
		}
	}
	if f.PerpetratorRef != "" {
		conds = append(conds, "perpetrator_ref = ?")
		args = append(args, f.PerpetratorRef)
	}
	if f.Site != "" {
		conds = append(conds, "site = ?")
		args = append(args, f.Site)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// cursor is where the previous page ended.
type cursor struct {
	occ int64
	id  string
	set bool
}

// pageQuery is the statement of one page: up to n incidents that match f
// after the cursor (or from offset, for the first page), with their people.
func (s *Store) pageQuery(f incident.Filter, after cursor, offset, n int) (string, []any) {
	w, args := where(f)
	if after.set {
		if w == "" {
			w = " WHERE "
		} else {
			w += " AND "
		}
		w += "(occurred_ns, id) > (?, ?)"
		args = append(args, after.occ, after.id)
	}
	sub := `SELECT ` + incidentCols + ` FROM incidents` + w + ` ORDER BY occurred_ns, id LIMIT ? OFFSET ?`
	args = append(args, n, offset)
	return s.d.rebind(selectWithPeople(sub)), args
}

// page reads one page in one statement.
func (s *Store) page(ctx context.Context, q querier, f incident.Filter, after cursor, offset, n int) ([]incident.Incident, error) {
	query, args := s.pageQuery(f, after, offset, n)
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: list: %w", err)
	}
	incs, err := scanIncidents(rows)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: list: %w", err)
	}
	return incs, nil
}

// pages yields the matching incidents page by page, honouring Offset and
// Limit, each page read in its own read-only transaction together with
// whatever more reads on the same snapshot.
func (s *Store) pages(ctx context.Context, f incident.Filter, more func(context.Context, *sql.Tx, []incident.Incident) error) iter.Seq2[[]incident.Incident, error] {
	return func(yield func([]incident.Incident, error) bool) {
		if err := f.Validate(); err != nil {
			yield(nil, err)
			return
		}
		var after cursor
		offset, left := f.Offset, f.Limit
		for {
			n := pageSize
			if f.Limit > 0 {
				n = min(n, left)
			}
			var incs []incident.Incident
			err := s.readTx(ctx, func(tx *sql.Tx) error {
				var err error
				if incs, err = s.page(ctx, tx, f, after, offset, n); err != nil || more == nil || len(incs) == 0 {
					return err
				}
				return more(ctx, tx, incs)
			})
			if err != nil {
				yield(nil, err)
				return
			}
			if len(incs) > 0 && !yield(incs, nil) {
				return
			}
			if len(incs) < n {
				return
			}
			last := incs[len(incs)-1]
			after = cursor{occ: last.OccurredAt.UnixNano(), id: string(last.ID), set: true}
			offset = 0
			if f.Limit > 0 {
				if left -= len(incs); left <= 0 {
					return
				}
			}
		}
	}
}

// List returns the matching incidents; see incident.Store. It reads page by
// page; the pages are consistent each, not with each other.
func (s *Store) List(ctx context.Context, f incident.Filter) ([]incident.Incident, error) {
	var out []incident.Incident
	for incs, err := range s.pages(ctx, f, nil) {
		if err != nil {
			return nil, err
		}
		out = append(out, incs...)
	}
	return out, nil
}

// Records yields the matching incidents with their actions, ordered by
// OccurredAt, then ID, in constant memory: it reads pages of 500
// incidents (keyset pagination over the index incidents_occurred), each
// with its people and actions in one read-only transaction, and holds no
// transaction while the caller handles a record. An error is yielded once
// and ends the sequence.
func (s *Store) Records(ctx context.Context, f incident.Filter) iter.Seq2[followup.Record, error] {
	return func(yield func(followup.Record, error) bool) {
		var acts map[incident.ID][]followup.Action
		more := func(ctx context.Context, tx *sql.Tx, incs []incident.Incident) error {
			var err error
			acts, err = s.actionsOf(ctx, tx, incs)
			return err
		}
		for incs, err := range s.pages(ctx, f, more) {
			if err != nil {
				yield(followup.Record{}, err)
				return
			}
			for k := range incs {
				if err := ctx.Err(); err != nil {
					yield(followup.Record{}, err)
					return
				}
				if !yield(followup.Record{Incident: incs[k], Actions: acts[incs[k].ID]}, nil) {
					return
				}
			}
		}
	}
}

const actionCols = `id, incident_id, kind, subject, at_ns, outcome, form, reason`

// actionsOf reads the actions of a page of incidents.
func (s *Store) actionsOf(ctx context.Context, q querier, incs []incident.Incident) (map[incident.ID][]followup.Action, error) {
	args := make([]any, len(incs))
	for k := range incs {
		args[k] = string(incs[k].ID)
	}
	rows, err := q.QueryContext(ctx, s.d.rebind(`SELECT `+actionCols+` FROM actions WHERE incident_id IN (`+placeholders(len(incs))+`) ORDER BY incident_id, at_ns, id`), args...)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: actions: %w", err)
	}
	as, err := scanActions(rows)
	if err != nil {
		return nil, err
	}
	out := make(map[incident.ID][]followup.Action)
	for _, a := range as {
		out[a.IncidentID] = append(out[a.IncidentID], a)
	}
	return out, nil
}

func scanActions(rows *sql.Rows) ([]followup.Action, error) {
	defer rows.Close()
	var out []followup.Action
	for rows.Next() {
		var a followup.Action
		var at int64
		if err := rows.Scan(&a.ID, &a.IncidentID, &a.Kind, &a.Subject, &at, &a.Outcome, &a.Form, &a.Reason); err != nil {
			return nil, fmt.Errorf("sqlstore: actions: %w", err)
		}
		a.At = fromNanos(at)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlstore: actions: %w", err)
	}
	return out, nil
}

// RecordAction stores an action; see followup.ActionStore. The subject of
// an action about a person must be one of the incident's involved people
// (followup.Action.CheckIncident), else a *norm.Error.
func (s *Store) RecordAction(ctx context.Context, a followup.Action) error {
	if err := followup.CheckStorable(&a); err != nil {
		return err
	}
	a.At = a.At.Round(0).UTC()
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.recordAction(ctx, tx, a) })
}

// recordAction records a checked action in tx. The insert comes first, so
// that SQLite takes the write lock before it reads; it is conditional on
// the incident and, for an action about a person, on the subject being one
// of its people, so that a refused action writes nothing. When it inserts
// nothing, the reads that follow say why.
func (s *Store) recordAction(ctx context.Context, tx *sql.Tx, a followup.Action) error {
	perpetrator := a.Kind.PerpetratorKind() || a.Subject == followup.SubjectPerpetrator
	res, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO actions (`+actionCols+`)
		SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM incidents WHERE id = ?)
		AND (? OR EXISTS (SELECT 1 FROM incident_people WHERE incident_id = ? AND ref = ?))
		ON CONFLICT (id) DO NOTHING`),
		a.ID, string(a.IncidentID), string(a.Kind), a.Subject, a.At.UnixNano(), string(a.Outcome), a.Form, a.Reason,
		string(a.IncidentID), perpetrator, string(a.IncidentID), a.Subject)
	if err != nil {
		return fmt.Errorf("sqlstore: record action %s: %w", a.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return err
	}
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT `+actionCols+` FROM actions WHERE id = ?`), a.ID)
	if err != nil {
		return fmt.Errorf("sqlstore: record action %s: %w", a.ID, err)
	}
	old, err := scanActions(rows)
	switch {
	case err != nil:
		return err
	case len(old) > 0 && old[0].Same(a):
		return nil
	case len(old) > 0:
		return fmt.Errorf("sqlstore: record action %s: %w", a.ID, incident.ErrConflict)
	}
	inc, err := s.get(ctx, tx, a.IncidentID)
	if errors.Is(err, incident.ErrNotFound) {
		return fmt.Errorf("sqlstore: record action %s for incident %s: %w", a.ID, a.IncidentID, incident.ErrNotFound)
	}
	if err != nil {
		return err
	}
	if err := a.CheckIncident(followup.RecordOp, &inc); err != nil {
		return err
	}
	return fmt.Errorf("sqlstore: record action %s: not inserted", a.ID)
}

// Import creates the incidents and records the actions in one transaction,
// all or nothing; see followup.Importer. Incidents and actions are written
// in the order of their IDs, for the reason given at insert.
func (s *Store) Import(ctx context.Context, incs []incident.Incident, acts []followup.Action) error {
	now := s.now()
	if err := incident.ValidateAll(incs, now); err != nil {
		return err
	}
	acts = slices.Clone(acts)
	for k := range acts {
		if err := followup.CheckStorable(&acts[k]); err != nil {
			return fmt.Errorf("sqlstore: import: action %d (%s): %w", k, acts[k].ID, err)
		}
		acts[k].At = acts[k].At.Round(0).UTC()
	}
	slices.SortStableFunc(acts, func(a, b followup.Action) int { return cmp.Compare(a.ID, b.ID) })
	recs := make([]incident.Incident, len(incs))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if len(incs) > 0 {
			if err := s.insert(ctx, tx, incs, recs, now); err != nil {
				return err
			}
		}
		if err := s.checkIncidentsOf(ctx, tx, acts, recs); err != nil {
			return err
		}
		return s.insertActions(ctx, tx, acts)
	})
	if err != nil {
		return err
	}
	for k := range incs {
		writeBack(&incs[k], &recs[k])
	}
	return nil
}

// checkIncidentsOf returns ErrNotFound, naming the first such action, when
// an action belongs to an incident that is neither in recs (the incidents
// of the same import) nor stored, and the *norm.Error of
// followup.Action.CheckIncident when an action about a person names
// someone who is not involved in its incident.
func (s *Store) checkIncidentsOf(ctx context.Context, tx *sql.Tx, acts []followup.Action, recs []incident.Incident) error {
	known := make(map[incident.ID]*incident.Incident, len(recs))
	for k := range recs {
		known[recs[k].ID] = &recs[k]
	}
	for _, a := range acts {
		inc, ok := known[a.IncidentID]
		if !ok {
			stored, err := s.get(ctx, tx, a.IncidentID)
			if errors.Is(err, incident.ErrNotFound) {
				return fmt.Errorf("sqlstore: import: action %s for incident %s: %w", a.ID, a.IncidentID, incident.ErrNotFound)
			}
			if err != nil {
				return fmt.Errorf("sqlstore: import: %w", err)
			}
			inc = &stored
			known[a.IncidentID] = inc
		}
		if err := a.CheckIncident(importOp, inc); err != nil {
			return err
		}
	}
	return nil
}

// importOp is the Op of the *norm.Error of a refused action in Import.
const importOp = "followup.Import"

// actionChunk is how many actions one INSERT writes (8 columns each).
const actionChunk = 128

// insertActions writes checked actions, whose incidents exist, actionChunk
// rows per statement. An action whose ID is stored already (before, or
// earlier in acts) must be the same action, else ErrConflict.
func (s *Store) insertActions(ctx context.Context, tx *sql.Tx, acts []followup.Action) error {
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	const ncols = 8
	for lo := 0; lo < len(acts); lo += actionChunk {
		if err := ctx.Err(); err != nil {
			return err
		}
		part := acts[lo:min(lo+actionChunk, len(acts))]
		args := make([]any, 0, len(part)*ncols)
		for _, a := range part {
			args = append(args, a.ID, string(a.IncidentID), string(a.Kind), a.Subject, a.At.UnixNano(), string(a.Outcome), a.Form, a.Reason)
		}
		q := s.d.rebind(insertSQL("actions", actionCols, ncols, len(part), insertSuffix))
		var rows *sql.Rows
		var err error
		if len(part) == actionChunk {
			if full == nil {
				full, err = tx.PrepareContext(ctx, q)
			}
			if err == nil {
				rows, err = full.QueryContext(ctx, args...)
			}
		} else {
			rows, err = tx.QueryContext(ctx, q, args...)
		}
		if err != nil {
			return fmt.Errorf("sqlstore: import: actions: %w", err)
		}
		inserted := make(map[string]bool, len(part))
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("sqlstore: import: actions: %w", err)
			}
			inserted[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("sqlstore: import: actions: %w", err)
		}
		for _, a := range part {
			if inserted[a.ID] {
				delete(inserted, a.ID) // a second occurrence is a repeat
				continue
			}
			if err := s.sameAsStored(ctx, tx, a); err != nil {
				return err
			}
		}
	}
	return nil
}

// sameAsStored checks that the stored action with a's ID is a.
func (s *Store) sameAsStored(ctx context.Context, tx *sql.Tx, a followup.Action) error {
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT `+actionCols+` FROM actions WHERE id = ?`), a.ID)
	if err != nil {
		return fmt.Errorf("sqlstore: import: action %s: %w", a.ID, err)
	}
	old, err := scanActions(rows)
	switch {
	case err != nil:
		return err
	case len(old) == 0 || !old[0].Same(a):
		return fmt.Errorf("sqlstore: import: action %s: %w", a.ID, incident.ErrConflict)
	}
	return nil
}

// ListActions returns the actions of one incident; see
// followup.ActionStore.
func (s *Store) ListActions(ctx context.Context, id incident.ID) ([]followup.Action, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT `+actionCols+` FROM actions WHERE incident_id = ? ORDER BY at_ns, id`), string(id))
	if err != nil {
		return nil, fmt.Errorf("sqlstore: actions of %s: %w", id, err)
	}
	return scanActions(rows)
}
