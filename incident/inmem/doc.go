// Package inmem is an incident register held in memory: an
// [incident.Store], [incident.BatchCreator], [followup.ActionStore] and
// [followup.Importer] (incidents and their actions at once) for
// tests, examples and small tools.
//
// # Semantics
//
// It behaves as incident/sqlstore does and passes the same shared suite
// (incident/storetest): idempotent creation by ID, optimistic concurrency
// with [incident.ErrStale], all-or-nothing batches, and incidents returned
// with times in UTC. Nothing survives the process.
//
// # Records
//
// [Store.Records] streams incidents with their actions, as
// followup.Summarize consumes them.
package inmem
