package followup

import (
	"context"

	"github.com/goedgesprek/goedgesprek/incident"
)

// ActionStore stores the follow-up actions of incidents. The incident stores
// (incident/inmem, incident/sqlstore) implement it.
type ActionStore interface {
	// RecordAction stores an action; idempotent by Action.ID: the same action twice is one record; a different action
	// with the same ID is incident.ErrConflict; an action for an incident that does not exist is incident.ErrNotFound.
	RecordAction(ctx context.Context, a Action) error
	// ListActions returns the actions of one incident ordered by At, then ID.
	ListActions(ctx context.Context, id incident.ID) ([]Action, error)
}

// Record is an incident with its actions, as Summarize consumes them.
type Record struct {
	Incident incident.Incident
	Actions  []Action
}
