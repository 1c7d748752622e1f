// Package storetest is the shared test suite of the incident stores. Every
// implementation runs it from its own tests:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T, now func() time.Time) storetest.Store {
//			return inmem.New(inmem.WithNow(now))
//		})
//	}
//
// # What it checks
//
// Idempotent creation, conflicts, not found, stale updates, every filter
// against the reference semantics of [incident.Filter.Match], delete and
// anonymise, eight concurrent writers losing nothing, batches that are all
// or nothing (an invalid incident or a conflict in the middle, a cancelled
// context), follow-up actions (idempotent, conflict, unknown incident,
// order), the streaming of records, imports of incidents with their actions
// that are all or nothing (the last action naming an unknown incident or
// conflicting), and four importers at once writing shared rows in opposite
// orders, every row stored once.
//
// The package imports testing and testify and is meant for tests only.
package storetest
