package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"slices"
	"time"

	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"

	_ "modernc.org/sqlite" // the SQLite driver sqlstore.OpenSQLite expects
)

// loadMeasured measures the follow-up in a register at the moment at: a
// SQLite register file, or an incidents CSV with its actions CSV. Only
// incidents that occurred in the period per, and before at, count.
func loadMeasured(incidents, actions string, per followup.Period, at time.Time) (followup.Summary, error) {
	if isDB(incidents) {
		return measureDB(incidents, per, at)
	}
	return measureCSV(incidents, actions, per, at)
}

// window is the stretch of time whose incidents count: the period, cut
// off at at. A moment before the period leaves nothing to count.
func window(per followup.Period, at time.Time) (from, to time.Time) {
	from, to = per.Start(), per.End()
	if at.Before(to) {
		to = at
	}
	if !to.After(from) {
		to = from
	}
	return from, to
}

func measureDB(path string, per followup.Period, at time.Time) (followup.Summary, error) {
	// Read only: a missing path, or a file that is not a register, is
	// refused, and nothing is created or changed.
	db, err := sqlstore.OpenSQLiteReadOnly(path)
	if errors.Is(err, fs.ErrNotExist) {
		err = fmt.Errorf("%w: %w", cli.ErrNoRegister, err)
	}
	if err != nil {
		return followup.Summary{}, err
	}
	defer db.Close()
	st, err := sqlstore.Open(context.Background(), db, sqlstore.SQLite)
	if err != nil {
		return followup.Summary{}, err
	}
	from, to := window(per, at)
	if !to.After(from) {
		// incident.Filter wants To after From; an empty window counts nothing.
		return followup.SummarizeIn(noRecords, followup.DefaultPolicy(), per, at)
	}
	// The store selects the period (its occurred_at index serves it), and
	// SummarizeIn checks it again.
	return followup.SummarizeIn(st.Records(context.Background(), incident.Filter{From: from, To: to}), followup.DefaultPolicy(), per, at)
}

// noRecords is an empty register.
func noRecords(func(followup.Record, error) bool) {}

func measureCSV(incPath, actPath string, per followup.Period, at time.Time) (followup.Summary, error) {
	f, err := os.Open(incPath)
	if err != nil {
		return followup.Summary{}, err
	}
	incs, err := incident.ReadCSV(f)
	f.Close()
	if err != nil {
		return followup.Summary{}, err
	}
	var acts []followup.Action
	if actPath != "" {
		f, err := os.Open(actPath)
		if err != nil {
			return followup.Summary{}, &fileError{actPath, err}
		}
		acts, err = followup.ReadActionsCSV(f)
		f.Close()
		if err != nil {
			return followup.Summary{}, &fileError{actPath, err}
		}
	}
	// An action for an incident the file does not hold, or about someone
	// not involved in it, would count for nothing and lower a measured
	// share without a word (an actions file from another register, say):
	// refuse it with its row, as 'register import' does.
	byID := make(map[incident.ID]incident.Incident, len(incs))
	for _, inc := range incs {
		byID[inc.ID] = inc
	}
	lookup := func(id incident.ID) (incident.Incident, error) {
		if inc, ok := byID[id]; ok {
			return inc, nil
		}
		return incident.Incident{}, incident.ErrNotFound
	}
	if err := followup.CheckActions(acts, lookup); err != nil {
		return followup.Summary{}, &fileError{actPath, err}
	}
	from, to := window(per, at)
	return followup.SummarizeIn(recordsOf(incs, acts, from, to), followup.DefaultPolicy(), per, at)
}

// fileError is an error in a file other than the one the caller reads
// (the actions CSV beside the incidents CSV), so that it is reported
// against the right file.
type fileError struct {
	path string
	err  error
}

func (e *fileError) Error() string { return e.path + ": " + e.err.Error() }
func (e *fileError) Unwrap() error { return e.err }

// fileOf names the file err is about: the one in a fileError, else def.
func fileOf(err error, def string) (string, error) {
	var fe *fileError
	if errors.As(err, &fe) {
		return fe.path, fe.err
	}
	return def, err
}

// recordsOf joins incidents with their actions, in the order of the
// incidents, keeping those that occurred from from until before to.
func recordsOf(incs []incident.Incident, acts []followup.Action, from, to time.Time) iter.Seq2[followup.Record, error] {
	byIncident := map[incident.ID][]followup.Action{}
	for _, a := range acts {
		byIncident[a.IncidentID] = append(byIncident[a.IncidentID], a)
	}
	return func(yield func(followup.Record, error) bool) {
		for _, inc := range incs {
			if inc.OccurredAt.Before(from) || !inc.OccurredAt.Before(to) {
				continue
			}
			as := byIncident[inc.ID]
			slices.SortStableFunc(as, func(a, b followup.Action) int { return a.At.Compare(b.At) })
			if !yield(followup.Record{Incident: inc, Actions: as}, nil) {
				return
			}
		}
	}
}

// overdueCount is how many obligations were overdue at the reference time.
func overdueCount(s followup.Summary) int { return s.OverdueCount }
