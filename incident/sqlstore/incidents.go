package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// incidentCols are the columns of incidents in the order of row and scan.
const incidentCols = `id, occurred_ns, reported_ns, recorded_ns, site, channel, behaviours, categories, severity, phase,
	perpetrator_ref, perpetrator_role, injury, absence_days, damage_cents, police_called,
	has_analysis, causes, analysis_text, lessons, description, version, norm_id, norm_behaviours`

const numIncidentCols = 24

// incidentColumns are the names of incidentCols, one per value of row.
var incidentColumns = func() []string {
	cols := strings.Split(incidentCols, ",")
	for k := range cols {
		cols[k] = strings.TrimSpace(cols[k])
	}
	return cols
}()

// updatedColumns are the indexes in incidentColumns of the columns that
// Update sets from the incident: all but those it keeps (see keptOnUpdate).
var updatedColumns = columnsBut(incidentColumns, keptOnUpdate)

// keptOnUpdate are the columns Update does not set from the incident: the
// key, the time it entered the register (which cannot change) and the
// version (which the statement itself counts up).
var keptOnUpdate = []string{"id", "recorded_ns", "version"}

// columnsBut returns the indexes of the columns of cols not named in skip.
func columnsBut(cols, skip []string) []int {
	var out []int
	for k, c := range cols {
		if !slices.Contains(skip, c) {
			out = append(out, k)
		}
	}
	return out
}

var insertPerson = `INSERT INTO incident_people (` + personCols + `) VALUES (?, ?, ?, ?)`

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// categoryBits gives each category a bit of its own in the column
// categories. Stored rows keep these bits, so a bit is never changed or
// reused and a new category gets the next free one; the order of the
// categories (their severity) plays no part. A register holds the same
// table (category_bits, migration 0002), which New and Open compare with
// this one.
var categoryBits = []struct {
	cat norm.Category
	bit int64
}{
	{norm.Verbal, 1},
	{norm.Discrimination, 2},
	{norm.Sexual, 4},
	{norm.Property, 8},
	{norm.Threat, 16},
	{norm.Physical, 32},
}

// CategoryMask is the value of the column categories: the bit of each
// category of cats (verbal 1, discrimination 2, sexual 4, property 8,
// threat 16, physical 32); unknown categories add nothing.
func CategoryMask(cats []norm.Category) int64 {
	var m int64
	for _, c := range cats {
		for _, b := range categoryBits {
			if b.cat == c {
				m |= b.bit
				break
			}
		}
	}
	return m
}

// checkCategoryBits compares the register's category_bits with
// categoryBits, so that a register whose bitmasks mean something else (made
// by another version) is refused instead of being misread.
func (s *Store) checkCategoryBits(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `SELECT category, bit FROM category_bits`)
	if err != nil {
		return fmt.Errorf("sqlstore: category bits: %w", err)
	}
	defer rows.Close()
	stored := map[string]int64{}
	for rows.Next() {
		var c string
		var bit int64
		if err := rows.Scan(&c, &bit); err != nil {
			return fmt.Errorf("sqlstore: category bits: %w", err)
		}
		stored[c] = bit
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlstore: category bits: %w", err)
	}
	for _, b := range categoryBits {
		got, ok := stored[string(b.cat)]
		switch {
		case !ok:
			return fmt.Errorf("sqlstore: the register has no bit for category %s (this version uses %d): it was made by another version", b.cat, b.bit)
		case got != b.bit:
			return fmt.Errorf("sqlstore: the register stores category %s as bit %d, this version as %d: it was made by another version and cannot be read", b.cat, got, b.bit)
		}
		delete(stored, string(b.cat))
	}
	if len(stored) > 0 {
		c := slices.Sorted(maps.Keys(stored))[0]
		return fmt.Errorf("sqlstore: the register knows category %q (bit %d), which this version does not: it was made by a newer version", c, stored[c])
	}
	return nil
}

// row turns an incident into the values of incidentCols.
func row(inc *incident.Incident) []any {
	cl := inc.Classification()
	var hasAnalysis bool
	var causes, text, lessons string
	if a := inc.Analysis; a != nil {
		hasAnalysis = true
		cs := make([]string, len(a.Causes))
		for k, c := range a.Causes {
			cs[k] = string(c)
		}
		causes, text, lessons = strings.Join(cs, " "), a.Text, a.Lessons
	}
	bs := make([]string, len(inc.Behaviours))
	for k, b := range inc.Behaviours {
		bs[k] = string(b)
	}
	var normID, own string
	if n := inc.Norm; n != nil {
		normID = n.ID
		codes := make([]string, len(n.Behaviours))
		for k, b := range n.Behaviours {
			codes[k] = b.Code + ":" + string(b.Category)
		}
		own = strings.Join(codes, " ")
	}
	return []any{
		string(inc.ID), inc.OccurredAt.UnixNano(), inc.ReportedAt.UnixNano(), inc.RecordedAt.UnixNano(),
		inc.Site, string(inc.Channel), strings.Join(bs, " "), CategoryMask(cl.Categories), string(cl.Severity), string(inc.Phase),
		inc.Perpetrator.Ref, string(inc.Perpetrator.Role), inc.Consequences.Injury, int64(inc.Consequences.AbsenceDays),
		inc.Consequences.DamageCents, inc.Consequences.PoliceCalled,
		hasAnalysis, causes, text, lessons, inc.Description, int64(inc.Version), normID, own,
	}
}

// scanned holds one row of incidentCols (plus the person columns of a
// join) before it becomes an incident.
type scanned struct {
	id, site, channel, behaviours, severity, phase, pref, prole, causes, text, lessons, desc, normID, own string
	occ, rep, rec, cats, absence, damage, version                                                         int64
	injury, police, hasAnalysis                                                                           bool
	personRef, personRole                                                                                 sql.NullString
}

func (r *scanned) dest() []any {
	return []any{&r.id, &r.occ, &r.rep, &r.rec, &r.site, &r.channel, &r.behaviours, &r.cats, &r.severity, &r.phase,
		&r.pref, &r.prole, &r.injury, &r.absence, &r.damage, &r.police,
		&r.hasAnalysis, &r.causes, &r.text, &r.lessons, &r.desc, &r.version, &r.normID, &r.own}
}

func fromNanos(ns int64) time.Time { return time.Unix(0, ns).UTC() }

func (r *scanned) incident() incident.Incident {
	inc := incident.Incident{
		ID:          incident.ID(r.id),
		OccurredAt:  fromNanos(r.occ),
		ReportedAt:  fromNanos(r.rep),
		RecordedAt:  fromNanos(r.rec),
		Site:        r.site,
		Channel:     norm.Channel(r.channel),
		Phase:       norm.Phase(r.phase),
		Perpetrator: incident.Perpetrator{Ref: r.pref, Role: incident.PerpetratorRole(r.prole)},
		Consequences: incident.Consequences{
			Injury: r.injury, AbsenceDays: int(r.absence), DamageCents: r.damage, PoliceCalled: r.police,
		},
		Description: r.desc,
		Version:     int(r.version),
	}
	for b := range strings.FieldsSeq(r.behaviours) {
		inc.Behaviours = append(inc.Behaviours, norm.BehaviourCode(b))
	}
	if r.normID != "" {
		inc.Norm = &incident.NormRef{ID: r.normID}
		for b := range strings.FieldsSeq(r.own) {
			code, cat, _ := strings.Cut(b, ":")
			inc.Norm.Behaviours = append(inc.Norm.Behaviours, incident.OwnBehaviour{Code: code, Category: norm.Category(cat)})
		}
	}
	if r.hasAnalysis {
		a := &incident.Analysis{Text: r.text, Lessons: r.lessons}
		for c := range strings.FieldsSeq(r.causes) {
			a.Causes = append(a.Causes, incident.Cause(c))
		}
		inc.Analysis = a
	}
	return inc
}

// selectWithPeople selects incidents (from the subquery sub, aliased i)
// joined with their people, ordered so that consecutive rows of one
// incident hold its people in order.
func selectWithPeople(sub string) string {
	return `SELECT ` + prefixCols("i.") + `, p.ref, p.role FROM (` + sub + `) i
	LEFT JOIN incident_people p ON p.incident_id = i.id
	ORDER BY i.occurred_ns, i.id, p.pos`
}

func prefixCols(prefix string) string {
	cols := strings.Split(incidentCols, ",")
	for k, c := range cols {
		cols[k] = prefix + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}

// scanIncidents reads the rows of a selectWithPeople query.
func scanIncidents(rows *sql.Rows) ([]incident.Incident, error) {
	defer rows.Close()
	var out []incident.Incident
	var r scanned
	dest := append(r.dest(), &r.personRef, &r.personRole)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || string(out[n-1].ID) != r.id {
			out = append(out, r.incident())
		}
		if r.personRef.Valid {
			last := &out[len(out)-1]
			last.Involved = append(last.Involved, incident.Person{Ref: r.personRef.String, Role: incident.PersonRole(r.personRole.String)})
		}
	}
	return out, rows.Err()
}

// Create registers an incident; see incident.Store.
func (s *Store) Create(ctx context.Context, inc *incident.Incident) error {
	now := s.now()
	if err := incident.ValidateAt(inc, now); err != nil {
		return err
	}
	one := []incident.Incident{*inc}
	recs := make([]incident.Incident, 1)
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return s.insert(ctx, tx, one, recs, now) }); err != nil {
		return err
	}
	writeBack(inc, &recs[0])
	return nil
}

// CreateMany creates the incidents in one transaction, all or nothing; see
// incident.BatchCreator.
func (s *Store) CreateMany(ctx context.Context, incs []incident.Incident) error {
	now := s.now()
	if err := incident.ValidateAll(incs, now); err != nil {
		return err
	}
	if len(incs) == 0 {
		return ctx.Err()
	}
	recs := make([]incident.Incident, len(incs))
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return s.insert(ctx, tx, incs, recs, now) }); err != nil {
		return err
	}
	for k := range incs {
		writeBack(&incs[k], &recs[k])
	}
	return nil
}

func writeBack(inc, rec *incident.Incident) {
	inc.ID, inc.RecordedAt, inc.Version = rec.ID, rec.RecordedAt, rec.Version
}

// chunk is how many rows one multi-row INSERT writes: 64 incidents are
// 1,536 parameters, within the limits of both databases, and few enough
// statements that a batch of 100,000 needs no more than ~1,600 of them.
const chunk = 64

// insertSQL is a multi-row INSERT of n rows of cols into table.
func insertSQL(table, cols string, ncols, n int, suffix string) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + cols + ") VALUES ")
	row := "(" + placeholders(ncols) + ")"
	for k := range n {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	b.WriteString(suffix)
	return b.String()
}

const (
	personCols    = "incident_id, pos, ref, role"
	numPersonCols = 4
	insertSuffix  = " ON CONFLICT (id) DO NOTHING RETURNING id"
)

// writer inserts the incidents of one transaction, chunk rows per
// statement, with the full-chunk statements prepared once.
type writer struct {
	s       *Store
	tx      *sql.Tx
	incFull *sql.Stmt // chunk incidents
	pplFull *sql.Stmt // chunk people
	people  []any     // people rows waiting to be written
}

func (w *writer) close() {
	if w.incFull != nil {
		w.incFull.Close()
	}
	if w.pplFull != nil {
		w.pplFull.Close()
	}
}

// stmt returns the prepared full-chunk statement, preparing it when a
// transaction needs it for the first time.
func (w *writer) stmt(ctx context.Context, st **sql.Stmt, q string) (*sql.Stmt, error) {
	if *st == nil {
		p, err := w.tx.PrepareContext(ctx, w.s.d.rebind(q))
		if err != nil {
			return nil, err
		}
		*st = p
	}
	return *st, nil
}

// flushPeople writes the waiting people rows; full chunks only unless all.
func (w *writer) flushPeople(ctx context.Context, all bool) error {
	const size = chunk * numPersonCols
	for len(w.people) >= size || (all && len(w.people) > 0) {
		n := min(len(w.people), size)
		var err error
		if n == size {
			var st *sql.Stmt
			if st, err = w.stmt(ctx, &w.pplFull, insertSQL("incident_people", personCols, numPersonCols, chunk, "")); err == nil {
				_, err = st.ExecContext(ctx, w.people[:n]...)
			}
		} else {
			_, err = w.tx.ExecContext(ctx, w.s.d.rebind(insertSQL("incident_people", personCols, numPersonCols, n/numPersonCols, "")), w.people[:n]...)
		}
		if err != nil {
			return fmt.Errorf("sqlstore: create: people: %w", err)
		}
		w.people = w.people[n:]
	}
	if len(w.people) == 0 {
		w.people = w.people[:0:0]
	}
	return nil
}

// insert writes incs in tx and sets recs to the records as stored: new
// ones, or the stored ones that incs repeat. A different incident under a
// stored ID is ErrConflict. It writes in the order of the IDs, so that two
// transactions that write overlapping batches lock the rows they share in
// the same order and one waits for the other (PostgreSQL would otherwise
// find a deadlock and fail one); incidents without an ID, which get a new
// random one, come last.
func (s *Store) insert(ctx context.Context, tx *sql.Tx, incs, recs []incident.Incident, now time.Time) error {
	order := make([]int, len(incs))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ia, ib := incs[a].ID, incs[b].ID
		if (ia == "") != (ib == "") {
			if ia == "" {
				return 1
			}
			return -1
		}
		return cmp.Compare(ia, ib)
	})
	w := &writer{s: s, tx: tx}
	defer w.close()
	for lo := 0; lo < len(order); lo += chunk {
		hi := min(lo+chunk, len(order))
		if err := w.chunk(ctx, incs, recs, order[lo:hi], now); err != nil {
			return err
		}
	}
	if err := w.flushPeople(ctx, true); err != nil {
		return err
	}
	return ctx.Err()
}

// chunk writes the incidents incs[k] for k in idx, with one statement.
func (w *writer) chunk(ctx context.Context, incs, recs []incident.Incident, idx []int, now time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	n := len(idx)
	args := make([]any, 0, n*numIncidentCols)
	given := make(map[int]time.Time, n)
	for _, k := range idx {
		c := incs[k].Clone()
		c.Normalize()
		if c.ID == "" {
			c.ID = incident.NewID()
		}
		given[k] = c.RecordedAt
		if c.RecordedAt.IsZero() {
			c.RecordedAt = now.Round(0).UTC()
		}
		c.Version = 1
		recs[k] = c
		args = append(args, row(&c)...)
	}
	var rows *sql.Rows
	var err error
	if n == chunk {
		var st *sql.Stmt
		if st, err = w.stmt(ctx, &w.incFull, insertSQL("incidents", incidentCols, numIncidentCols, chunk, insertSuffix)); err == nil {
			rows, err = st.QueryContext(ctx, args...)
		}
	} else {
		rows, err = w.tx.QueryContext(ctx, w.s.d.rebind(insertSQL("incidents", incidentCols, numIncidentCols, n, insertSuffix)), args...)
	}
	if err != nil {
		return fmt.Errorf("sqlstore: create: %w", err)
	}
	inserted := make(map[incident.ID]bool, n)
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("sqlstore: create: %w", err)
		}
		inserted[incident.ID(id)] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlstore: create: %w", err)
	}

	// The people of the new incidents; the rest repeat a stored ID (from
	// before, or earlier in this batch) and are checked once every row is
	// written.
	var repeats []int
	for _, k := range idx {
		id := recs[k].ID
		if !inserted[id] {
			repeats = append(repeats, k)
			continue
		}
		delete(inserted, id) // a second occurrence in the chunk is a repeat
		for pos, p := range recs[k].Involved {
			w.people = append(w.people, string(id), pos, p.Ref, string(p.Role))
		}
	}
	if err := w.flushPeople(ctx, len(repeats) > 0); err != nil {
		return err
	}
	for _, k := range repeats {
		old, err := w.s.get(ctx, w.tx, recs[k].ID)
		if err != nil {
			return err
		}
		c := recs[k]
		c.RecordedAt = given[k]
		if !incident.Same(&old, &c) {
			return fmt.Errorf("sqlstore: create %s: %w", c.ID, incident.ErrConflict)
		}
		recs[k] = old
	}
	return nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func (s *Store) get(ctx context.Context, q querier, id incident.ID) (incident.Incident, error) {
	rows, err := q.QueryContext(ctx, s.d.rebind(selectWithPeople(`SELECT `+incidentCols+` FROM incidents WHERE id = ?`)), string(id))
	if err != nil {
		return incident.Incident{}, fmt.Errorf("sqlstore: get %s: %w", id, err)
	}
	incs, err := scanIncidents(rows)
	if err != nil {
		return incident.Incident{}, fmt.Errorf("sqlstore: get %s: %w", id, err)
	}
	if len(incs) == 0 {
		return incident.Incident{}, fmt.Errorf("sqlstore: get %s: %w", id, incident.ErrNotFound)
	}
	return incs[0], nil
}

// Get returns an incident; see incident.Store.
func (s *Store) Get(ctx context.Context, id incident.ID) (incident.Incident, error) {
	if err := ctx.Err(); err != nil {
		return incident.Incident{}, err
	}
	return s.get(ctx, s.db, id)
}

// Update replaces an incident if its version is current; see
// incident.Store. The first statement is the conditional UPDATE, so that
// the transaction takes the write lock before it reads.
func (s *Store) Update(ctx context.Context, inc *incident.Incident) error {
	if err := incident.ValidateAt(inc, s.now()); err != nil {
		return err
	}
	c := inc.Clone()
	c.Normalize()
	var newRec time.Time
	var newVersion int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		r := row(&c)
		var set []string
		var args []any
		for _, k := range updatedColumns {
			set = append(set, incidentColumns[k]+" = ?")
			args = append(args, r[k])
		}
		q := `UPDATE incidents SET ` + strings.Join(set, ", ") + `, version = version + 1 WHERE id = ? AND version = ?`
		args = append(args, string(c.ID), int64(c.Version))
		if !c.RecordedAt.IsZero() {
			q += ` AND recorded_ns = ?`
			args = append(args, c.RecordedAt.UnixNano())
		}
		q += ` RETURNING recorded_ns, version`
		var rec, version int64
		err := tx.QueryRowContext(ctx, s.d.rebind(q), args...).Scan(&rec, &version)
		if errors.Is(err, sql.ErrNoRows) {
			return s.whyNotUpdated(ctx, tx, &c)
		}
		if err != nil {
			return fmt.Errorf("sqlstore: update %s: %w", c.ID, err)
		}
		// Kept aside, not written into c: a retried run starts from the
		// version the caller gave.
		newRec, newVersion = fromNanos(rec), int(version)
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM incident_people WHERE incident_id = ?`), string(c.ID)); err != nil {
			return fmt.Errorf("sqlstore: update %s: %w", c.ID, err)
		}
		for k, p := range c.Involved {
			if _, err := tx.ExecContext(ctx, s.d.rebind(insertPerson), string(c.ID), k, p.Ref, string(p.Role)); err != nil {
				return fmt.Errorf("sqlstore: update %s: %w", c.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	c.RecordedAt, c.Version = newRec, newVersion
	writeBack(inc, &c)
	return nil
}

// whyNotUpdated names the reason a conditional UPDATE touched no row.
func (s *Store) whyNotUpdated(ctx context.Context, tx *sql.Tx, c *incident.Incident) error {
	var version, rec int64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT version, recorded_ns FROM incidents WHERE id = ?`), string(c.ID)).Scan(&version, &rec)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("sqlstore: update %s: %w", c.ID, incident.ErrNotFound)
	case err != nil:
		return fmt.Errorf("sqlstore: update %s: %w", c.ID, err)
	case int(version) != c.Version:
		return fmt.Errorf("sqlstore: update %s at version %d, stored %d: %w", c.ID, c.Version, version, incident.ErrStale)
	default:
		return fmt.Errorf("sqlstore: update %s: recorded_at cannot change: %w", c.ID, incident.ErrConflict)
	}
}

// Delete removes an incident, its people and its actions; see
// incident.Store. It deletes the dependent rows itself rather than rely on
// ON DELETE CASCADE, which SQLite applies only with foreign_keys on.
func (s *Store) Delete(ctx context.Context, id incident.ID) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.delete(ctx, tx, id) })
}

func (s *Store) delete(ctx context.Context, tx *sql.Tx, id incident.ID) error {
	if err := s.secureDelete(ctx, tx); err != nil {
		return fmt.Errorf("sqlstore: delete %s: %w", id, err)
	}
	res, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM actions WHERE incident_id = ?`), string(id))
	if err == nil {
		res, err = tx.ExecContext(ctx, s.d.rebind(`DELETE FROM incident_people WHERE incident_id = ?`), string(id))
	}
	if err == nil {
		res, err = tx.ExecContext(ctx, s.d.rebind(`DELETE FROM incidents WHERE id = ?`), string(id))
	}
	if err != nil {
		return fmt.Errorf("sqlstore: delete %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("sqlstore: delete %s: %w", id, cmpErr(err, incident.ErrNotFound))
	}
	return nil
}

// secureDelete makes SQLite overwrite what a transaction deletes or
// replaces with zeros, on the connection of tx, so that anonymised or
// deleted personal data does not linger in the free space of the file.
// PostgreSQL keeps old row versions until VACUUM reclaims them; they are
// out of reach of SQL meanwhile.
func (s *Store) secureDelete(ctx context.Context, tx *sql.Tx) error {
	if s.d != SQLite {
		return nil
	}
	_, err := tx.ExecContext(ctx, `PRAGMA secure_delete = ON`)
	return err
}

func cmpErr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}

// Anonymise removes the personal data of an incident and of its actions in
// one transaction; see incident.Store.
func (s *Store) Anonymise(ctx context.Context, id incident.ID) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.anonymise(ctx, tx, id) })
}

func (s *Store) anonymise(ctx context.Context, tx *sql.Tx, id incident.ID) error {
	if err := s.secureDelete(ctx, tx); err != nil {
		return fmt.Errorf("sqlstore: anonymise %s: %w", id, err)
	}
	// Write first: take the lock, and bump the version.
	res, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE incidents SET version = version + 1 WHERE id = ?`), string(id))
	if err != nil {
		return fmt.Errorf("sqlstore: anonymise %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("sqlstore: anonymise %s: %w", id, cmpErr(err, incident.ErrNotFound))
	}
	inc, err := s.get(ctx, tx, id)
	if err != nil {
		return err
	}
	repl := inc.Anonymise()
	if _, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE incidents SET description = '', analysis_text = '', lessons = '', site = ?, perpetrator_ref = ? WHERE id = ?`),
		inc.Site, inc.Perpetrator.Ref, string(id)); err != nil {
		return fmt.Errorf("sqlstore: anonymise %s: %w", id, err)
	}
	for k, p := range inc.Involved {
		if _, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE incident_people SET ref = ? WHERE incident_id = ? AND pos = ?`), p.Ref, string(id), k); err != nil {
			return fmt.Errorf("sqlstore: anonymise %s: %w", id, err)
		}
	}
	// The actions are replaced as a whole: their IDs change too.
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT `+actionCols+` FROM actions WHERE incident_id = ? ORDER BY at_ns, id`), string(id))
	if err != nil {
		return fmt.Errorf("sqlstore: anonymise %s: %w", id, err)
	}
	acts, err := scanActions(rows)
	if err != nil || len(acts) == 0 {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM actions WHERE incident_id = ?`), string(id)); err != nil {
		return fmt.Errorf("sqlstore: anonymise %s: %w", id, err)
	}
	for _, a := range followup.AnonymiseActions(&inc, repl, acts) {
		res, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO actions (`+actionCols+`) VALUES (`+placeholders(8)+`) ON CONFLICT (id) DO NOTHING`),
			a.ID, string(a.IncidentID), string(a.Kind), a.Subject, a.At.UnixNano(), string(a.Outcome), a.Form, a.Reason)
		if err != nil {
			return fmt.Errorf("sqlstore: anonymise %s: %w", id, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return fmt.Errorf("sqlstore: anonymise %s: action ID %s is taken by another incident: %w", id, a.ID, cmpErr(err, incident.ErrConflict))
		}
	}
	return nil
}

// RetainMany anonymises or deletes the incidents in one transaction, all
// or nothing; see incident.BatchRetainer.
func (s *Store) RetainMany(ctx context.Context, mode incident.RetentionMode, ids []incident.ID) ([]incident.ID, error) {
	if _, err := mode.MarshalText(); err != nil {
		return nil, norm.NewError("sqlstore.RetainMany", []norm.Problem{{Pointer: "/mode", Code: norm.CodeEnum, Message: err.(*norm.CodeError).Message()}})
	}
	var done []incident.ID
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		done = []incident.ID{}
		seen := make(map[incident.ID]bool, len(ids))
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			if err := ctx.Err(); err != nil {
				return err
			}
			var err error
			if mode == incident.RetainDelete {
				err = s.delete(ctx, tx, id)
			} else {
				err = s.anonymise(ctx, tx, id)
			}
			switch {
			case errors.Is(err, incident.ErrNotFound):
				continue
			case err != nil:
				return err
			}
			done = append(done, id)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return done, nil
}
