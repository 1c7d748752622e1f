package incident

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/csvform"
)

// Limits of ReadCSV; change them with WithMaxBytes and WithMaxRows.
const (
	// DefaultCSVMaxBytes is the largest CSV file ReadCSV accepts (32 MiB:
	// about 100,000 incidents with their texts).
	DefaultCSVMaxBytes = 32 << 20
	// DefaultCSVMaxRows is the largest number of data rows ReadCSV accepts.
	DefaultCSVMaxRows = 100_000
	// MaxCSVProblems is how many problems ReadCSV lists; the rest are
	// counted in one last problem, so that a file in the wrong format
	// gives a readable error (the same cap as every reader, see
	// norm.MaxProblems).
	MaxCSVProblems = norm.MaxProblems
	// MaxCSVColumns is the most columns a CSV file may have (the known
	// columns, possibly twice in a mix of languages, and some empty ones);
	// MaxCSVRowBytes the longest row. A header of millions of empty
	// columns is refused at once instead of being read.
	MaxCSVColumns  = csvform.DefaultMaxColumns
	MaxCSVRowBytes = csvform.DefaultMaxRecordBytes
)

const (
	readCSVOp   = "incident.ReadCSV"
	importCSVOp = "incident.ImportCSV"
)

// CSVOption configures ReadCSV, ImportCSV and WriteCSV.
type CSVOption func(*csvConfig)

type csvConfig struct {
	freeText  bool
	delimiter rune
	dutch     bool
	maxBytes  int64
	maxRows   int
	at        time.Time
	norm      *normArg
}

func newCSVConfig(opts []CSVOption) csvConfig {
	c := csvConfig{maxBytes: DefaultCSVMaxBytes, maxRows: DefaultCSVMaxRows}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// WithFreeText makes WriteCSV include the free-text columns (description,
// analysis, lessons). Without it they are left out, because free text is
// personal data. ReadCSV always reads them when they are present.
func WithFreeText() CSVOption { return func(c *csvConfig) { c.freeText = true } }

// WithDelimiter sets the field separator: ',' (the default for WriteCSV),
// ';' (what Dutch spreadsheet programs write) or '\t'. For ReadCSV it
// replaces the detection from the header line.
func WithDelimiter(r rune) CSVOption {
	return func(c *csvConfig) {
		if r == ',' || r == ';' || r == '\t' {
			c.delimiter = r
		}
	}
}

// WithDutchHeaders makes WriteCSV write the Dutch column names
// (datum_voorval, gedrag, ...) instead of the English ones.
func WithDutchHeaders() CSVOption { return func(c *csvConfig) { c.dutch = true } }

// WithMaxBytes sets the size limit of ReadCSV (default DefaultCSVMaxBytes).
func WithMaxBytes(n int64) CSVOption {
	return func(c *csvConfig) {
		if n > 0 {
			c.maxBytes = n
		}
	}
}

// WithMaxRows sets the row limit of ReadCSV (default DefaultCSVMaxRows).
func WithMaxRows(n int) CSVOption {
	return func(c *csvConfig) {
		if n > 0 {
			c.maxRows = n
		}
	}
}

// WithValidationTime makes ReadCSV check each incident with ValidateAt(at),
// so that times in the future are refused too.
func WithValidationTime(at time.Time) CSVOption { return func(c *csvConfig) { c.at = at } }

// WithCSVNorm makes ReadCSV and ImportCSV accept the behaviour codes that
// the organisation's norm n adds, classified by the category n gives them,
// and record n (which the organisation calls id) as the norm of every
// incident (see Incident.UnderNorm), as WithNorm does for DecodeIncident.
// A row that names a norm of its own (columns norm and norm_behaviours)
// must name this one and agree with its categories. Without it a row may
// carry the own codes of the norm it names, as WriteCSV writes them.
func WithCSVNorm(id string, n norm.OrgNorm) CSVOption {
	return func(c *csvConfig) { c.norm = &normArg{id: id, n: n} }
}

// column is one documented CSV column.
type column struct {
	name    string   // canonical English header
	dutch   string   // the Dutch header WriteCSV writes
	aliases []string // other accepted headers, normalised
	free    bool     // free text: exported only WithFreeText
	need    bool     // ReadCSV refuses a file without it
	own     bool     // the organisation's norm: written only when an incident has one
	ptr     string   // JSON pointer prefix of the field in Validate's problems
}

// Column indexes into csvColumns.
const (
	colID = iota
	colOccurred
	colReported
	colRecorded
	colSite
	colChannel
	colBehaviours
	colPhase
	colPerpRole
	colPerpRef
	colInvolved
	colInjury
	colAbsence
	colDamage
	colPolice
	colCauses
	colAnalysis
	colLessons
	colDescription
	colNorm
	colOwn
	numColumns
)

// csvColumns is the documented column table (see the package doc).
var csvColumns = [numColumns]column{
	colID:          {name: "id", dutch: "id", aliases: []string{"kenmerk", "nummer", "incidentnummer", "incident_id"}, ptr: "/id"},
	colOccurred:    {name: "occurred_at", dutch: "datum_voorval", aliases: []string{"tijdstip_voorval", "voorgevallen_op", "datum_incident", "occurred"}, need: true, ptr: "/occurred_at"},
	colReported:    {name: "reported_at", dutch: "datum_melding", aliases: []string{"tijdstip_melding", "gemeld_op", "reported"}, need: true, ptr: "/reported_at"},
	colRecorded:    {name: "recorded_at", dutch: "datum_registratie", aliases: []string{"tijdstip_registratie", "geregistreerd_op", "recorded"}, ptr: "/recorded_at"},
	colSite:        {name: "site", dutch: "locatie", aliases: []string{"vestiging"}, ptr: "/site"},
	colChannel:     {name: "channel", dutch: "kanaal", need: true, ptr: "/channel"},
	colBehaviours:  {name: "behaviours", dutch: "gedrag", aliases: []string{"gedragingen", "behaviour", "behaviors", "behavior"}, need: true, ptr: "/behaviours"},
	colPhase:       {name: "phase", dutch: "fase", need: true, ptr: "/phase"},
	colPerpRole:    {name: "perpetrator_role", dutch: "rol_dader", aliases: []string{"dader_rol"}, ptr: "/perpetrator/role"},
	colPerpRef:     {name: "perpetrator_ref", dutch: "dader", aliases: []string{"referentie_dader", "dader_ref", "dader_referentie", "perpetrator"}, ptr: "/perpetrator/ref"},
	colInvolved:    {name: "involved", dutch: "betrokkenen", aliases: []string{"betrokken"}, ptr: "/involved"},
	colInjury:      {name: "injury", dutch: "letsel", ptr: "/consequences/injury"},
	colAbsence:     {name: "absence_days", dutch: "verzuimdagen", aliases: []string{"verzuim", "dagen_verzuim"}, ptr: "/consequences/absence_days"},
	colDamage:      {name: "damage_cents", dutch: "schade_centen", aliases: []string{"schade_in_centen"}, ptr: "/consequences/damage_cents"},
	colPolice:      {name: "police_called", dutch: "politie_gebeld", aliases: []string{"politie", "police"}, ptr: "/consequences/police_called"},
	colCauses:      {name: "causes", dutch: "oorzaken", aliases: []string{"oorzaak", "cause"}, ptr: "/analysis/causes"},
	colAnalysis:    {name: "analysis", dutch: "analyse", aliases: []string{"oorzaakanalyse", "analysis_text", "analyse_tekst"}, free: true, ptr: "/analysis/text"},
	colLessons:     {name: "lessons", dutch: "lessen", aliases: []string{"lessen_geleerd", "lessons_learned"}, free: true, ptr: "/analysis/lessons"},
	colDescription: {name: "description", dutch: "beschrijving", aliases: []string{"omschrijving"}, free: true, ptr: "/description"},
	colNorm:        {name: "norm", dutch: "norm", aliases: []string{"norm_id", "eigen_norm"}, ptr: "/norm/id", own: true},
	colOwn:         {name: "norm_behaviours", dutch: "eigen_gedrag", aliases: []string{"own_behaviours", "gedrag_norm"}, ptr: "/norm/behaviours", own: true},
}

// CSVColumns returns the canonical (English) column names in the order
// WriteCSV writes them (the free-text columns only WithFreeText, norm and
// norm_behaviours only when an incident carries a norm).
func CSVColumns() []string {
	out := make([]string, numColumns)
	for i, c := range csvColumns {
		out[i] = c.name
	}
	return out
}

var headerIndex = func() map[string]int {
	m := map[string]int{}
	for i, c := range csvColumns {
		m[c.name] = i
		m[c.dutch] = i
		for _, a := range c.aliases {
			m[a] = i
		}
	}
	return m
}()

// normHeader makes header matching case-insensitive and lenient about
// spaces and hyphens: "Datum voorval" and "datum-voorval" both become
// "datum_voorval".
func normHeader(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return '_'
		}
		return r
	}, s)
}

// unnamed marks a file column without a header name.
const unnamed = -2

// csvReader collects the problems of one ReadCSV call.
type csvReader struct {
	cfg      csvConfig
	header   []string // the header cells as written in the file
	cols     []int    // file column -> csvColumns index (-1: none)
	where    [numColumns]int
	problems norm.Problems
}

func (c *csvReader) add(row int, col string, ptr string, code norm.ProblemCode, msg norm.Text) {
	c.problems.Add(norm.Problem{Pointer: ptr, Row: row, Column: col, Code: code, Message: msg})
}

// colName names column ci as the file does, or canonically when absent.
func (c *csvReader) colName(ci int) string {
	if i := c.where[ci]; i >= 0 && i < len(c.header) {
		return c.header[i]
	}
	return csvColumns[ci].name
}

func (c *csvReader) err() error { return c.problems.Err(readCSVOp) }

// ReadCSV reads incidents from a CSV file with a header row (see the
// package documentation for the columns). It reads everything before it
// returns: either every incident, or nil and a *norm.Error with Op
// "incident.ReadCSV" that lists every problem with its row (the header is
// row 1) and column (as the header names it). Each row is checked with
// Validate; IDs that appear twice are refused. Times come back in UTC.
func ReadCSV(r io.Reader, opts ...CSVOption) ([]Incident, error) {
	incs, _, err := readCSV(r, newCSVConfig(opts))
	return incs, err
}

// readCSV is ReadCSV that also returns the row of each incident.
func readCSV(r io.Reader, cfg csvConfig) ([]Incident, []int, error) {
	c := &csvReader{cfg: cfg}
	for i := range c.where {
		c.where[i] = -1
	}
	cr := csvform.NewReader(r, c.cfg.delimiter, csvform.Limits{MaxBytes: c.cfg.maxBytes})
	header, err := cr.Read()
	if err == io.EOF {
		c.add(1, "", "", norm.CodeRequired, norm.T("het bestand is leeg: een kopregel met kolomnamen ontbreekt", "the file is empty: a header row with column names is missing"))
		return nil, nil, c.err()
	}
	if err != nil {
		return nil, nil, c.readErr(err)
	}
	if !c.readHeader(header) {
		return nil, nil, c.err()
	}

	var incs []Incident
	var rows []int
	ids := map[ID]int{}
	dataRows := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, c.readErr(err)
		}
		row := cr.Row()
		if blank(rec) {
			continue
		}
		if dataRows++; dataRows > c.cfg.maxRows {
			c.add(row, "", "", norm.CodeTooLarge, norm.Textf("meer dan %d rijen", "more than %d rows", c.cfg.maxRows))
			break
		}
		rec, fits := csvform.Fit(rec, c.header)
		if !fits {
			c.add(row, "", "", norm.CodeSyntax, norm.Textf("rij heeft %d velden, de kopregel %d", "row has %d fields, the header %d", len(rec), len(c.header)))
			continue
		}
		inc, ok := c.row(row, rec)
		if !ok {
			continue
		}
		if inc.ID != "" {
			if first, dup := ids[inc.ID]; dup {
				c.add(row, c.colName(colID), "/id", norm.CodeDuplicate, norm.Textf("ID %q staat ook in rij %d", "ID %q is also in row %d", string(inc.ID), first))
				continue
			}
			ids[inc.ID] = row
		}
		incs = append(incs, inc)
		rows = append(rows, row)
	}
	if err := c.err(); err != nil {
		return nil, nil, err
	}
	if incs == nil {
		incs = []Incident{}
	}
	return incs, rows, nil
}

// readErr ends reading at an error of the CSV reader: a record that is
// not CSV or over a limit joins the problems; an I/O error is returned as
// it is.
func (c *csvReader) readErr(err error) error {
	var re *csvform.RecordError
	if !errors.As(err, &re) {
		return fmt.Errorf("%s: %w", readCSVOp, err)
	}
	c.problems.Add(re.Problem)
	return c.err()
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func (c *csvReader) readHeader(header []string) bool {
	c.header = slices.Clone(header)
	c.cols = make([]int, len(header))
	ok := true
	for i, h := range header {
		c.cols[i] = -1
		if !utf8.ValidString(h) {
			c.add(1, "", "", norm.CodeInvalidUTF8, norm.T("kolomnaam is geen UTF-8: sla het bestand op als CSV UTF-8", "column name is not UTF-8: save the file as CSV UTF-8"))
			ok = false
			continue
		}
		ci, known := headerIndex[normHeader(h)]
		switch {
		case normHeader(h) == "":
			// Spreadsheet programs add empty columns at the end; they are
			// ignored as long as nothing is written in them.
			c.cols[i] = unnamed
		case !known:
			c.add(1, clip(h), "", norm.CodeUnknownField, norm.Textf("onbekende kolom %q", "unknown column %q", clip(h)))
			ok = false
		case c.where[ci] >= 0:
			c.add(1, h, "", norm.CodeDuplicate, norm.Textf("kolom %q staat er al als %q", "column %q duplicates %q", h, c.header[c.where[ci]]))
			ok = false
		default:
			c.cols[i] = ci
			c.where[ci] = i
		}
	}
	for ci, col := range csvColumns {
		if col.need && c.where[ci] < 0 {
			c.add(1, col.name, "", norm.CodeRequired, norm.Textf("verplichte kolom %s (%s) ontbreekt", "required column %s (%s) is missing", col.name, col.dutch))
			ok = false
		}
	}
	return ok
}

// row parses one data row and validates the incident. It reports false
// when the row had a problem.
func (c *csvReader) row(row int, rec []string) (Incident, bool) {
	var inc Incident
	bad := [numColumns]bool{}
	fail := func(ci int, code norm.ProblemCode, msg norm.Text) {
		bad[ci] = true
		c.add(row, c.colName(ci), csvColumns[ci].ptr, code, msg)
	}
	var analysis Analysis
	hasAnalysis, ok := false, true
	for i, raw := range rec {
		ci := c.cols[i]
		if ci == unnamed {
			if strings.TrimSpace(raw) != "" {
				ok = false
				c.add(row, "", "", norm.CodeUnknownField, norm.Textf("waarde in kolom %d, die geen naam heeft", "value in column %d, which has no name", i+1))
			}
			continue
		}
		if !utf8.ValidString(raw) {
			fail(ci, norm.CodeInvalidUTF8, norm.T("waarde is geen UTF-8: sla het bestand op als CSV UTF-8", "value is not UTF-8: save the file as CSV UTF-8"))
			continue
		}
		v := strings.TrimSpace(raw)
		if (ci == colID || ci == colPerpRef || ci == colInvolved) && csvform.FormulaLike(v) {
			// An ID or reference never starts like a spreadsheet formula;
			// refused here, before Validate reads "-A1" as a valid token.
			fail(ci, norm.CodeFormat, norm.Textf(
				"%q begint als een spreadsheetformule (= + - @): een kenmerk of referentie begint met een letter of cijfer",
				"%q starts like a spreadsheet formula (= + - @): an ID or reference starts with a letter or digit", clip(v)))
			continue
		}
		switch ci {
		case colID:
			inc.ID = ID(v)
		case colOccurred, colReported, colRecorded:
			if v == "" {
				continue // Validate reports a missing required time
			}
			t, code, msg := parseCSVTime(v)
			if code != "" {
				fail(ci, code, msg)
				continue
			}
			switch ci {
			case colOccurred:
				inc.OccurredAt = t
			case colReported:
				inc.ReportedAt = t
			default:
				inc.RecordedAt = t
			}
		case colSite:
			inc.Site = v
		case colChannel:
			inc.Channel = norm.Channel(strings.ToLower(v))
		case colBehaviours:
			for _, s := range splitList(v) {
				inc.Behaviours = append(inc.Behaviours, norm.BehaviourCode(strings.ToLower(s)))
			}
		case colPhase:
			inc.Phase = norm.Phase(strings.ToLower(v))
		case colPerpRole:
			inc.Perpetrator.Role = PerpetratorRole(strings.ToLower(v))
		case colPerpRef:
			inc.Perpetrator.Ref = v
		case colInvolved:
			for k, s := range splitList(v) {
				ref, role, found := strings.Cut(s, ":")
				if !found {
					fail(ci, norm.CodeFormat, norm.Textf("betrokkene %d: schrijf referentie:rol, bijvoorbeeld E-017:target", "person %d: write ref:role, for example E-017:target", k+1))
					continue
				}
				inc.Involved = append(inc.Involved, Person{Ref: strings.TrimSpace(ref), Role: PersonRole(strings.ToLower(strings.TrimSpace(role)))})
			}
		case colInjury, colPolice:
			b, ok := parseCSVBool(v)
			if !ok {
				fail(ci, norm.CodeType, norm.Textf("%q is geen ja of nee (ja/nee, true/false, 1/0)", "%q is not yes or no (yes/no, true/false, 1/0)", clip(v)))
				continue
			}
			if ci == colInjury {
				inc.Consequences.Injury = b
			} else {
				inc.Consequences.PoliceCalled = b
			}
		case colAbsence:
			n, ok := parseCSVInt(v, 1<<31-1)
			if !ok {
				fail(ci, norm.CodeType, norm.Textf("%q is geen geheel aantal dagen", "%q is not a whole number of days", clip(v)))
				continue
			}
			inc.Consequences.AbsenceDays = int(n)
		case colDamage:
			n, ok := parseCSVInt(v, 1<<62)
			if !ok {
				fail(ci, norm.CodeType, norm.Textf("%q is geen bedrag in hele centen", "%q is not an amount in whole cents", clip(v)))
				continue
			}
			inc.Consequences.DamageCents = n
		case colCauses:
			for _, s := range splitList(v) {
				analysis.Causes = append(analysis.Causes, Cause(strings.ToLower(s)))
				hasAnalysis = true
			}
		case colAnalysis:
			analysis.Text = v
			hasAnalysis = hasAnalysis || v != ""
		case colLessons:
			analysis.Lessons = v
			hasAnalysis = hasAnalysis || v != ""
		case colDescription:
			inc.Description = v
		case colNorm:
			if v != "" {
				if inc.Norm == nil {
					inc.Norm = &NormRef{}
				}
				inc.Norm.ID = v
			}
		case colOwn:
			for k, s := range splitList(v) {
				code, cat, found := strings.Cut(s, ":")
				if !found {
					fail(ci, norm.CodeFormat, norm.Textf("eigen gedrag %d: schrijf code:categorie, bijvoorbeeld weigeren_te_vertrekken:threat",
						"own behaviour %d: write code:category, for example refusing_to_leave:threat", k+1))
					continue
				}
				if inc.Norm == nil {
					inc.Norm = &NormRef{} // without a name: Validate says the norm column is empty
				}
				inc.Norm.Behaviours = append(inc.Norm.Behaviours, OwnBehaviour{
					Code: strings.ToLower(strings.TrimSpace(code)), Category: norm.Category(strings.ToLower(strings.TrimSpace(cat)))})
			}
		}
	}
	if inc.Perpetrator.Role == "" && inc.Perpetrator.Ref == "" {
		// An empty perpetrator in a spreadsheet means nobody knows who it was.
		inc.Perpetrator.Role = PerpetratorUnknown
	}
	if hasAnalysis {
		inc.Analysis = &analysis
	}

	ok = ok && !slices.Contains(bad[:], true)
	var probs []norm.Problem
	if c.cfg.norm != nil && !bad[colNorm] && !bad[colOwn] {
		probs = applyNorm(&inc, c.cfg.norm.id, c.cfg.norm.n)
	}
	var verr error
	if c.cfg.at.IsZero() {
		verr = Validate(&inc)
	} else {
		verr = ValidateAt(&inc, c.cfg.at)
	}
	var ne *norm.Error
	if errors.As(verr, &ne) {
		probs = append(probs, ne.Problems...)
	}
	for _, p := range probs {
		ci := columnOf(p.Pointer)
		if ci >= 0 && bad[ci] {
			continue // already reported as it was read
		}
		ok = false
		name := ""
		if ci >= 0 {
			name = c.colName(ci)
		}
		c.add(row, name, p.Pointer, p.Code, p.Message)
	}
	if !ok {
		return Incident{}, false
	}
	inc.Normalize()
	return inc, true
}

// columnOf maps a pointer of Validate to the column that holds the field.
func columnOf(ptr string) int {
	best, bestLen := -1, 0
	for ci, col := range csvColumns {
		if (ptr == col.ptr || strings.HasPrefix(ptr, col.ptr+"/")) && len(col.ptr) > bestLen {
			best, bestLen = ci, len(col.ptr)
		}
	}
	return best
}

// parseCSVTime reads RFC 3339 or local Europe/Amsterdam time
// ("2006-01-02 15:04" or with seconds) and returns UTC.
func parseCSVTime(v string) (time.Time, norm.ProblemCode, norm.Text) {
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return t.UTC(), "", norm.Text{}
	} else if dateOutOfRange(err) {
		return time.Time{}, norm.CodeDate, norm.Textf("%q is geen bestaande datum", "%q is not an existing date", clip(v))
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02T15:04:05"} {
		t, err := time.ParseInLocation(layout, v, registerZone)
		if err != nil {
			if dateOutOfRange(err) {
				return time.Time{}, norm.CodeDate, norm.Textf("%q is geen bestaande datum", "%q is not an existing date", clip(v))
			}
			continue
		}
		if t.Format(layout) != v {
			// The clock jumped: 02:30 on the last Sunday of March does not
			// exist in Amsterdam.
			return time.Time{}, norm.CodeDate, norm.Textf("%q bestaat niet in Nederlandse tijd (zomertijd)", "%q does not exist in Dutch time (daylight saving)", clip(v))
		}
		return t.UTC(), "", norm.Text{}
	}
	return time.Time{}, norm.CodeFormat, norm.Textf("%q is geen tijdstip: schrijf 2025-03-14 09:30 (Nederlandse tijd) of RFC 3339", "%q is not a time: write 2025-03-14 09:30 (Dutch time) or RFC 3339", clip(v))
}

func dateOutOfRange(err error) bool {
	var pe *time.ParseError
	return errors.As(err, &pe) && strings.Contains(pe.Message, "out of range")
}

func parseCSVBool(v string) (bool, bool) {
	switch strings.ToLower(v) {
	case "", "0", "false", "nee", "n", "no", "onwaar":
		return false, true
	case "1", "true", "ja", "j", "yes", "y", "waar":
		return true, true
	}
	return false, false
}

// parseCSVInt reads a whole number; empty is 0. Negative numbers parse, so
// that Validate reports them as out of range.
func parseCSVInt(v string, limit int64) (int64, bool) {
	if v == "" {
		return 0, true
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n > limit || n < -limit {
		return 0, false
	}
	return n, true
}

func splitList(v string) []string {
	var out []string
	for s := range strings.SplitSeq(v, ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	cut := 40
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// WriteCSV writes incidents as CSV with a header row, in the documented
// columns. The free-text columns (description, analysis, lessons) are
// left out unless WithFreeText is given. Times are RFC 3339 in
// Europe/Amsterdam. Cells that a spreadsheet would take for a formula get
// a leading apostrophe, which ReadCSV removes.
func WriteCSV(w io.Writer, incs []Incident, opts ...CSVOption) error {
	cfg := newCSVConfig(opts)
	cw := csvform.NewWriter(w, cfg.delimiter)
	own := slices.ContainsFunc(incs, func(i Incident) bool { return i.Norm != nil })
	var cols []int
	for ci, col := range csvColumns {
		if (!col.free || cfg.freeText) && (!col.own || own) {
			cols = append(cols, ci)
		}
	}
	rec := make([]string, len(cols))
	for k, ci := range cols {
		if cfg.dutch {
			rec[k] = csvColumns[ci].dutch
		} else {
			rec[k] = csvColumns[ci].name
		}
	}
	if err := cw.Write(rec); err != nil {
		return fmt.Errorf("incident.WriteCSV: %w", err)
	}
	for i := range incs {
		inc := &incs[i]
		for k, ci := range cols {
			rec[k] = cell(inc, ci)
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("incident.WriteCSV: %w", err)
		}
	}
	if err := cw.Flush(); err != nil {
		return fmt.Errorf("incident.WriteCSV: %w", err)
	}
	return nil
}

func cell(inc *Incident, ci int) string {
	switch ci {
	case colID:
		return string(inc.ID)
	case colOccurred:
		return csvTime(inc.OccurredAt)
	case colReported:
		return csvTime(inc.ReportedAt)
	case colRecorded:
		return csvTime(inc.RecordedAt)
	case colSite:
		return inc.Site
	case colChannel:
		return string(inc.Channel)
	case colBehaviours:
		s := make([]string, len(inc.Behaviours))
		for k, b := range inc.Behaviours {
			s[k] = string(b)
		}
		return strings.Join(s, ";")
	case colPhase:
		return string(inc.Phase)
	case colPerpRole:
		return string(inc.Perpetrator.Role)
	case colPerpRef:
		return inc.Perpetrator.Ref
	case colInvolved:
		s := make([]string, len(inc.Involved))
		for k, p := range inc.Involved {
			s[k] = p.Ref + ":" + string(p.Role)
		}
		return strings.Join(s, ";")
	case colInjury:
		return strconv.FormatBool(inc.Consequences.Injury)
	case colAbsence:
		return strconv.Itoa(inc.Consequences.AbsenceDays)
	case colDamage:
		return strconv.FormatInt(inc.Consequences.DamageCents, 10)
	case colPolice:
		return strconv.FormatBool(inc.Consequences.PoliceCalled)
	case colCauses:
		if inc.Analysis == nil {
			return ""
		}
		s := make([]string, len(inc.Analysis.Causes))
		for k, c := range inc.Analysis.Causes {
			s[k] = string(c)
		}
		return strings.Join(s, ";")
	case colAnalysis:
		if inc.Analysis == nil {
			return ""
		}
		return inc.Analysis.Text
	case colLessons:
		if inc.Analysis == nil {
			return ""
		}
		return inc.Analysis.Lessons
	case colDescription:
		return inc.Description
	case colNorm:
		if inc.Norm == nil {
			return ""
		}
		return inc.Norm.ID
	case colOwn:
		if inc.Norm == nil {
			return ""
		}
		s := make([]string, len(inc.Norm.Behaviours))
		for k, b := range inc.Norm.Behaviours {
			s[k] = b.Code + ":" + string(b.Category)
		}
		return strings.Join(s, ";")
	}
	return ""
}

func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(registerZone).Format(time.RFC3339Nano)
}

// ImportCSV reads a CSV file as ReadCSV does and, only when every row is
// valid, creates all incidents in one CreateMany call: all or nothing. It
// returns how many incidents were created. A CSV problem is a *norm.Error
// with Op "incident.ReadCSV"; a problem the store finds in a row (such as
// an incident the store refuses) is a *norm.Error with Op
// "incident.ImportCSV" naming the row; ErrConflict and other store errors
// are wrapped.
func ImportCSV(ctx context.Context, store BatchCreator, r io.Reader, opts ...CSVOption) (int, error) {
	incs, rows, err := readCSV(r, newCSVConfig(opts))
	if err != nil {
		return 0, err
	}
	if len(incs) == 0 {
		return 0, nil
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := store.CreateMany(ctx, incs); err != nil {
		var ne *norm.Error
		if errors.As(err, &ne) {
			return 0, rowsOf(ne, incs, rows)
		}
		return 0, fmt.Errorf("%s: %w", importCSVOp, err)
	}
	return len(incs), nil
}

// rowsOf turns the "/3/behaviours" pointers of CreateMany into rows and
// columns of the file.
func rowsOf(ne *norm.Error, incs []Incident, rows []int) error {
	out := &norm.Error{Op: importCSVOp}
	for _, p := range ne.Problems {
		q := p
		rest := strings.TrimPrefix(p.Pointer, "/")
		idx, tail, _ := strings.Cut(rest, "/")
		if n, err := strconv.Atoi(idx); err == nil && n >= 0 && n < len(incs) {
			q.Pointer = ""
			if tail != "" {
				q.Pointer = "/" + tail
			}
			q.Row = rows[n]
			if ci := columnOf(q.Pointer); ci >= 0 {
				q.Column = csvColumns[ci].name
			}
		}
		out.Problems = append(out.Problems, q)
	}
	return out
}
