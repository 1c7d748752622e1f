// Package sqlstore keeps the incident register in SQLite or PostgreSQL,
// behind [incident.Store], [incident.BatchCreator], [followup.ActionStore]
// and [followup.Importer].
//
// # Opening
//
// The caller opens the *sql.DB with the driver of their choice and passes
// the [Dialect]; the package imports no driver. For SQLite, once the
// program imports modernc.org/sqlite, [OpenSQLite] and [New] open a
// register to write to, creating it when the file does not exist, and
// [OpenSQLiteReadOnly] and [Open] read one without creating or changing any
// file:
//
//	import _ "modernc.org/sqlite"
//
//	db, err := sqlstore.OpenSQLite("register.db") // or OpenSQLiteReadOnly
//	s, err := sqlstore.New(ctx, db, sqlstore.SQLite) // or Open
//
// A path is a file name, whatever characters it holds: it is escaped into
// a file: URI. A register carries a mark in its file header (PRAGMA
// application_id = [ApplicationID]); both New and Open refuse any other
// SQLite file, and a file that is not SQLite, with [ErrNotRegister] before
// writing anything. Registers made before the mark are recognised by their
// schema_migrations table and marked by New. Settings: WAL mode (set by
// New; readers never block the writer), a busy timeout of 20 s, BEGIN
// IMMEDIATE, foreign keys on.
//
// For PostgreSQL, import github.com/jackc/pgx/v5/stdlib and open driver
// "pgx"; several application servers can share one database.
//
// # Schema
//
// [New] applies the embedded migrations (migrations/<dialect>/NNNN_name.sql)
// in order, each in a transaction, recorded in schema_migrations. Tables:
//
//   - incidents: one row per incident. Times are int64 nanoseconds since
//     1970 UTC (exact round trip, one code path). The derived classification
//     is stored with it: categories is a bitmask (see [CategoryMask]) so a
//     category filter runs in SQL, severity is the derived level.
//     The organisation's norm an incident was registered under is kept in
//     norm_id and norm_behaviours (code:category of each own code it
//     names; migration 0003), empty for an incident under the catalogue
//     alone.
//   - category_bits: the bit of each category in that bitmask, fixed and
//     independent of the severity order. [New] and [Open] refuse a register
//     whose table differs from the program's, rather than misread it.
//   - incident_people: the involved people, (incident_id, pos) as key
//     (WITHOUT ROWID in SQLite: one b-tree).
//   - actions: the follow-up actions, with a foreign key to incidents.
//
// Indexes: incidents_occurred (occurred_ns, id) serves list-by-period, the
// order of every listing and the keyset pagination of Records, and also
// the perpetrator dossier, which asks for one reference within a window;
// incidents_site (site, occurred_ns) serves per-site listings;
// actions_incident (incident_id, at_ns, id) lists actions in order.
// Channel, category and perpetrator filters are applied to the rows the
// period index yields: a channel or category alone is not selective enough
// to earn an index, and an index on the perpetrator reference, a random
// key, would cost about a third of the ingest rate. A perpetrator filter
// without a period therefore reads the whole table.
//
// # Transactions
//
// Every write runs in one transaction, rolled back on any error: a failed
// CreateMany, or a failed Import of incidents with their actions, leaves
// nothing behind. Write transactions start with a write statement, so that
// SQLite takes the write lock before it reads. Each page of a listing is
// read in one read-only transaction. [Store.RetainMany] anonymises or
// deletes a whole batch in one transaction.
//
// Batches are written in the order of their IDs, so that two imports that
// share rows lock them in the same order and one waits for the other
// instead of deadlocking. A transaction that still fails on contention
// (SQLITE_BUSY or SQLITE_LOCKED after the busy timeout; PostgreSQL's
// serialization_failure 40001 or deadlock_detected 40P01) runs again, up to
// four times with a short random pause; after that the error wraps
// [incident.ErrBusy].
//
// # Personal data
//
// Anonymise replaces the incident's actions as a whole (new IDs, see
// followup.AnonymiseActions) and, on SQLite, turns on secure_delete for the
// connection, so that what it replaces or deletes is overwritten with
// zeros in the file rather than left in its free space. PostgreSQL keeps
// old row versions until VACUUM reclaims them.
package sqlstore
