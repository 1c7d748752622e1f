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
// order, a subject that is a name or not involved), the streaming of
// records, imports of incidents with their actions that are all or nothing
// (the last action naming an unknown incident or conflicting), and four
// importers at once writing shared rows in opposite orders, every row
// stored once. For personal data it anonymises through incident.Retain and
// searches everything the store holds for what should be gone: give Run
// [WithDump] to have every table (or the whole in-memory state) searched,
// not only what the API returns. It also checks that anonymising a whole
// register leaves the statistics and followup.Summarize unchanged, and
// that [incident.BatchRetainer] is all or nothing. An incident in the
// organisation's own words ([OwnSample], under [OrgNorm]) comes back with
// its norm, is found by the category the norm gives its code and counted
// under it, and a code no norm defines is refused with its pointer.
//
// The package imports testing and testify and is meant for tests only.
package storetest
