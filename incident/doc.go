// Package incident is the incident register: the model of one incident of
// aggression or violence against an employee, the Store interface that keeps
// them, and what an organisation does around the store: CSV import and
// export, statistics, perpetrator dossiers with an escalation ladder,
// retention, and the JSON Schema and decoder for incident forms.
//
// Checklist item GG05 and the VPT principles 2 and 3 ask organisations to
// encourage reporting, to register every incident at one central point and
// to analyse its cause, including causes in the organisation's own way of
// working. The package turns that into a register a program can trust.
//
// # The model
//
// An [Incident] holds when it occurred, was reported and was recorded; the
// site and the [norm.Channel]; the behaviours as [norm.BehaviourCode]s, from
// which categories and severity are derived by [Incident.Classification]
// (never typed in); the traffic-light [norm.Phase] it reached; the
// perpetrator and the people involved, by pseudonymous reference only; the
// consequences; the cause analysis; and a free-text description.
// [Validate] returns every problem at once as a *[norm.Error].
//
// # The organisation's own norm
//
// An organisation's norm ([norm.OrgNorm]) may add behaviours of its own,
// each with a category. An incident names them among its behaviours when
// it is registered under that norm ([Incident.UnderNorm], [WithNorm] for
// DecodeIncident, [WithCSVNorm] for ReadCSV and ImportCSV), and then
// carries the norm with it ([NormRef]): the norm's name and version as the
// organisation writes it, and the category the norm gave to each of its
// own codes the incident names. Every store keeps that with the incident,
// and JSON and CSV carry it, so that a reader classifies and counts the
// incident as the register did without the norm at hand, and an incident
// keeps its category when the organisation later changes its norm. A code
// that neither the catalogue nor the incident's norm defines is refused,
// with its pointer (or row and column).
//
// # Stores
//
// [Store] is implemented by incident/inmem and incident/sqlstore (SQLite and
// PostgreSQL); incident/storetest is the suite both pass. [BatchCreator]
// adds an all-or-nothing CreateMany. Errors are the sentinels [ErrNotFound],
// [ErrConflict], [ErrStale] and [ErrBusy] (another program kept the
// register locked), and *[norm.Error] for invalid input.
//
// # CSV
//
// Many organisations keep their register in a spreadsheet. [ReadCSV] and
// [ImportCSV] read one; [WriteCSV] writes one. The first row names the
// columns, in any order, in English or Dutch, in any case ("Datum voorval"
// and "datum_voorval" are the same column). The delimiter (',' ';' or tab)
// is detected from the header row; a UTF-8 byte order mark, CRLF line ends
// and empty columns at the end are fine, as spreadsheet programs write
// them (see [csvform]). Lists inside a cell are separated by ';' (quote
// the cell when ';' is also the delimiter).
//
//	column            Dutch header        content
//	id                id, kenmerk         the incident's ID; empty lets the store make one
//	occurred_at *     datum_voorval       when it happened
//	reported_at *     datum_melding       when it was reported; not before occurred_at
//	recorded_at       datum_registratie   when it entered the register
//	site              locatie             site code, e.g. LOC-AMS
//	channel *         kanaal              desk, phone, written, hearing, email, chat, home_visit, outside
//	behaviours *      gedrag              behaviour codes, e.g. shouting;threatening
//	phase *           fase                green, amber, red
//	perpetrator_role  rol_dader           client, representative, family_member, other, unknown
//	perpetrator_ref   dader               pseudonymous reference, e.g. P-0042
//	involved          betrokkenen         ref:role pairs, e.g. E-017:target;E-018:witness
//	injury            letsel              ja/nee, yes/no, true/false, 1/0; empty is no
//	absence_days      verzuimdagen        whole working days; empty is 0
//	damage_cents      schade_centen       damage in euro cents; empty is 0
//	police_called     politie_gebeld      ja/nee, yes/no, true/false, 1/0; empty is no
//	causes            oorzaken            cause codes, e.g. waiting_time;procedure
//	analysis          analyse             free text of the cause analysis
//	lessons           lessen              free text: lessons for the organisation
//	description       beschrijving        free text: what happened
//	norm              norm                the name of the organisation's norm the incident is under
//	norm_behaviours   eigen_gedrag        that norm's own codes with their category, e.g. refusing_to_leave:threat
//
// Columns marked * are required; columns without a name are ignored when
// they hold nothing (spreadsheet programs add them). Times are RFC 3339
// ("2025-03-14T09:30:00+01:00") or Dutch local time ("2025-03-14 09:30",
// Europe/Amsterdam); a local time that does not exist because the clock
// jumped forward is refused. Codes are matched case-insensitively. A row
// without perpetrator role and reference has an unknown perpetrator. Empty
// rows are skipped. WriteCSV writes the last two columns only when an
// incident carries a norm.
//
// ReadCSV reads the whole file before it answers: either every incident, or
// a *[norm.Error] listing every problem with its row (the header is row 1)
// and column as the file names it; past [MaxCSVProblems] problems are only
// counted ("and 2,000 more"). Each row is checked with [Validate]; an ID
// that appears twice is refused. A header that names none of the required
// columns is refused, so that a file that is not a register never reads as
// an empty one; a file with only a valid header holds no incidents. The
// file may be at most [DefaultCSVMaxBytes] and [DefaultCSVMaxRows] rows
// unless [WithMaxBytes] and [WithMaxRows] say otherwise, at most
// [MaxCSVColumns] columns wide and [MaxCSVRowBytes] bytes per row; reading
// stops at the first row over a limit, before it is held in memory.
// ImportCSV then creates all incidents in one [BatchCreator.CreateMany]:
// all or nothing.
//
// # Statistics
//
// [Stats] and [StatsOf] count incidents per category, severity, channel,
// site and month (Europe/Amsterdam), and the share with a cause analysis
// that names at least one cause. Stats takes an iterator, so that a whole
// register can be counted without holding it.
//
// # Escalation ladder
//
// Every perpetrator gets a reaction within 48 hours (001, chapter 5, item
// 12; VPT5), oral or written. [Dossier] collects a perpetrator's incidents
// within a window and suggests the next step on the ladder conversation,
// warning letter, ban. [DefaultLadder] holds the thresholds as data:
//
//	step            when
//	conversation    a first incident
//	warning letter  a second incident within twelve months, or any threat or physical violence
//	ban             a third incident within twelve months, or physical violence after a warning letter
//
// An incident calls for the most severe step whose rule it meets; earlier
// incidents count when they lie within the ladder's window before it. The
// suggestion is advice for the manager who decides, with a reason in Dutch
// and English; [WithLadder] replaces the thresholds.
//
// # Privacy
//
// People appear only as pseudonymous references ("P-0042" for a perpetrator,
// "E-017" for an employee); [Validate] refuses references with spaces, so
// that a name typed into the reference field is caught. The description and
// the analysis and lessons texts are free text and may hold personal data:
// WriteCSV leaves them out unless [WithFreeText] is given, and the package
// never logs. Cells that a spreadsheet would run as a formula (starting with
// = + - @, except plain numbers) are written with a leading apostrophe,
// which ReadCSV removes ([csvform.Neutralise]).
//
// [Retain] enforces a retention period: incidents that occurred longer ago
// than [RetentionPolicy.After] are anonymised or deleted, and the
// [RetentionReport] lists every ID touched; [PlanRetention] says the same
// without changing anything (a dry run). A store that is a [BatchRetainer]
// does it all in one transaction. Anonymising keeps what the statistics
// need (codes, times, consequences, a site code) and removes everything
// that could lead back to a person: references become [AnonRef], the free
// text (description, analysis text, lessons) and a site in words go, and
// the stores rewrite the incident's follow-up actions too (subjects,
// reasons and IDs; see followup.AnonymiseActions). A dossier is never
// built for an anonymised reference.
//
// # Forms
//
// [Schema] returns the JSON Schema of an incident document in Dutch or
// English and in the 2020-12 or draft-07 dialect (for react-jsonschema-form
// and JSON Forms), built once and cached. [DecodeIncident] reads a document
// strictly (size and depth limits, no unknown fields or duplicate keys),
// validates it against the schema and adds the checks no schema can express,
// returning one *[norm.Error] with every problem and its JSON pointer.
// [EncodeIncident] writes the document form back.
package incident
