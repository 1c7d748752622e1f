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

// Importer is the optional ability of a store to take in an import whole:
// incidents and the follow-up actions recorded about them, in one
// transaction. incident/inmem and incident/sqlstore have it.
type Importer interface {
	// Import creates the incidents as incident.BatchCreator's CreateMany
	// does and records the actions as RecordAction does, all or nothing.
	// An action may belong to an incident of the batch or to one stored
	// before. If an incident is invalid (a *norm.Error with pointers such
	// as "/3/behaviours", as CreateMany), an action is invalid (an error
	// naming the action that wraps a *norm.Error), an action names an
	// unknown incident (incident.ErrNotFound), an incident or an action
	// conflicts with a stored one (incident.ErrConflict), or the context
	// ends, nothing is written. On success the ID, RecordedAt and Version
	// of each incident are written back into incs, as by CreateMany.
	Import(ctx context.Context, incs []incident.Incident, acts []Action) error
}

// Record is an incident with its actions, as Summarize consumes them.
type Record struct {
	Incident incident.Incident
	Actions  []Action
}
