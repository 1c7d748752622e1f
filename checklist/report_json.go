package checklist

import (
	"encoding"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/goedgesprek/goedgesprek/norm"
)

// AppendJSON appends the report's JSON encoding to b and returns the
// extended buffer: exactly the bytes json.Marshal gives for the report,
// computed without reflection. It is the fast path for callers that
// encode many reports (evaluate -batch spends a third of its time in
// encoding/json otherwise); a test holds it byte for byte to
// json.Marshal on every sample, scenario and generated assessment, and
// another counts the fields, so a new field cannot be forgotten here.
//
// Like json.Marshal it fails on a code outside its set (a Result, Rating
// or principle built by hand) and on a number that is not finite; b is
// then returned unchanged.
func (r *Report) AppendJSON(b []byte) ([]byte, error) {
	e := jsonAppender{b: b}
	e.report(r)
	if e.err != nil {
		return b, e.err
	}
	return e.b, nil
}

// jsonAppender appends JSON the way encoding/json writes it (HTML
// characters escaped, floats formatted alike) and keeps the first error.
type jsonAppender struct {
	b   []byte
	err error
}

func (e *jsonAppender) report(r *Report) {
	e.b = append(e.b, `{"version":`...)
	e.str(r.Version)
	e.b = append(e.b, `,"organisation":{"name":`...)
	e.str(r.Organisation.Name)
	e.b = append(e.b, `,"kind":`...)
	e.text(r.Organisation.Kind)
	e.b = append(e.b, `,"client_facing_employees":`...)
	e.int(r.Organisation.ClientFacingEmployees)
	e.b = append(e.b, `,"managers":`...)
	e.int(r.Organisation.Managers)
	e.b = append(e.b, `},"assessment_date":`...)
	e.text(r.AssessmentDate)
	e.b = append(e.b, `,"language":`...)
	e.text(r.Language)
	e.b = append(e.b, `,"score":`...)
	e.float(r.Score)
	e.b = append(e.b, `,"rating":`...)
	e.text(r.Rating)
	e.b = append(e.b, `,"rating_rule":`...)
	e.text(r.RatingRule)
	e.b = append(e.b, `,"rating_reason":`...)
	e.str(r.RatingReason)
	if len(r.CappedBy) > 0 {
		e.b = append(e.b, `,"capped_by":`...)
		e.ids(r.CappedBy)
	}
	e.b = append(e.b, `,"completeness":`...)
	e.float(r.Completeness)
	e.b = append(e.b, `,"answered":`...)
	e.int(r.Answered)
	e.b = append(e.b, `,"criteria_total":`...)
	e.int(r.CriteriaTotal)

	e.b = append(e.b, `,"items":`...)
	if r.Items == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.b = append(e.b, '[')
		for i := range r.Items {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.item(&r.Items[i])
		}
		e.b = append(e.b, ']')
	}

	e.b = append(e.b, `,"principles":`...)
	if r.Principles == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.b = append(e.b, '[')
		for i := range r.Principles {
			p := &r.Principles[i]
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.b = append(e.b, `{"id":`...)
			appendCode(e, p.ID, norm.ParsePrinciple)
			e.b = append(e.b, `,"title":`...)
			e.str(p.Title)
			e.b = append(e.b, `,"coverage":`...)
			e.float(p.Coverage)
			e.b = append(e.b, `,"criteria":`...)
			e.int(p.Criteria)
			e.b = append(e.b, '}')
		}
		e.b = append(e.b, ']')
	}

	e.b = append(e.b, `,"findings":`...)
	if r.Findings == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.b = append(e.b, '[')
		for i := range r.Findings {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.finding(&r.Findings[i])
		}
		e.b = append(e.b, ']')
	}

	p := &r.Policy
	e.b = append(e.b, `,"policy":{"catalogue":`...)
	e.str(p.Catalogue)
	e.b = append(e.b, `,"green_from":`...)
	e.float(p.GreenFrom)
	e.b = append(e.b, `,"amber_from":`...)
	e.float(p.AmberFrom)
	e.b = append(e.b, `,"max_evidence_age_months":`...)
	e.int(p.MaxEvidenceAgeMonths)
	if len(p.Overrides) > 0 {
		e.b = append(e.b, `,"overrides":`...)
		e.ids(p.Overrides)
	}
	if p.ItemWeights {
		e.b = append(e.b, `,"item_weights_overridden":true`...)
	}
	e.b = append(e.b, '}')

	// The parts below appear only with an option (WithMeasured, WithNorm,
	// WithSurvey), once per report: encoding/json writes them.
	if r.Measured != nil {
		e.b = append(e.b, `,"measured":`...)
		e.marshal(r.Measured)
	}
	if r.Norm != nil {
		e.b = append(e.b, `,"norm":`...)
		e.marshal(r.Norm)
	}
	if r.Survey != nil {
		e.b = append(e.b, `,"survey":`...)
		e.marshal(r.Survey)
	}
	e.b = append(e.b, '}')
}

func (e *jsonAppender) item(it *ItemReport) {
	e.b = append(e.b, `{"id":`...)
	e.str(string(it.ID))
	e.b = append(e.b, `,"title":`...)
	e.str(it.Title)
	e.b = append(e.b, `,"weight":`...)
	e.float(it.Weight)
	e.b = append(e.b, `,"score":`...)
	e.float(it.Score)
	e.b = append(e.b, `,"result":`...)
	appendCode(e, it.Result, parseResult)
	e.b = append(e.b, `,"principles":`...)
	e.principles(it.Principles)
	e.b = append(e.b, `,"criteria":`...)
	if it.Criteria == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.b = append(e.b, '[')
		for i := range it.Criteria {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.criterion(&it.Criteria[i])
		}
		e.b = append(e.b, ']')
	}
	e.b = append(e.b, '}')
}

func (e *jsonAppender) criterion(c *CriterionReport) {
	e.b = append(e.b, `{"id":`...)
	e.str(string(c.ID))
	e.b = append(e.b, `,"result":`...)
	appendCode(e, c.Result, parseResult)
	e.b = append(e.b, `,"explanation":`...)
	e.str(c.Explanation)
	if !c.Answer.IsZero() {
		e.b = append(e.b, `,"answer":`...)
		e.value(c.Answer)
	}
	e.b = append(e.b, `,"weight":`...)
	e.float(c.Weight)
	if c.Threshold != nil {
		e.b = append(e.b, `,"threshold":{"met":`...)
		e.float(c.Threshold.Met)
		e.b = append(e.b, `,"partial":`...)
		e.float(c.Threshold.Partial)
		e.b = append(e.b, '}')
	}
	if c.Critical {
		e.b = append(e.b, `,"critical":true`...)
	}
	if c.Evidence != 0 {
		e.b = append(e.b, `,"evidence":`...)
		e.int(c.Evidence)
	}
	if c.Measured != nil {
		e.b = append(e.b, `,"measured":`...)
		e.marshal(c.Measured)
	}
	if c.Derived != nil {
		e.b = append(e.b, `,"derived":`...)
		e.marshal(c.Derived)
	}
	e.b = append(e.b, '}')
}

func (e *jsonAppender) finding(f *Finding) {
	e.b = append(e.b, `{"code":`...)
	appendCode(e, f.Code, parseFindingCode)
	e.b = append(e.b, `,"criterion":`...)
	e.str(string(f.Criterion))
	e.b = append(e.b, `,"pointer":`...)
	e.str(f.Pointer)
	e.b = append(e.b, `,"message":`...)
	e.str(f.Message)
	e.b = append(e.b, `,"source":{"item":`...)
	e.str(string(f.Source.Item))
	e.b = append(e.b, `,"document":{"seed":`...)
	e.str(f.Source.Document.Seed)
	e.b = append(e.b, `,"section":`...)
	e.str(f.Source.Document.Section)
	e.b = append(e.b, `},"principles":`...)
	e.principles(f.Source.Principles)
	e.b = append(e.b, `},"next_step":`...)
	e.str(f.NextStep)
	e.b = append(e.b, `,"stake":`...)
	e.float(f.Stake)
	if f.Critical {
		e.b = append(e.b, `,"critical":true`...)
	}
	e.b = append(e.b, '}')
}

// value writes an answer as Value.MarshalJSON does.
func (e *jsonAppender) value(v Value) {
	switch v.kind {
	case KindBool:
		e.b = strconv.AppendBool(e.b, v.b)
	case KindNumber:
		e.float(v.n)
	case KindString:
		e.str(v.s)
	case KindList:
		e.b = append(e.b, '[')
		for i, s := range v.list {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.str(s)
		}
		e.b = append(e.b, ']')
	default:
		e.b = append(e.b, "null"...)
	}
}

func (e *jsonAppender) ids(ids []CriterionID) {
	e.b = append(e.b, '[')
	for i, id := range ids {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.str(string(id))
	}
	e.b = append(e.b, ']')
}

func (e *jsonAppender) principles(ps []norm.PrincipleID) {
	if ps == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.b = append(e.b, '[')
	for i, p := range ps {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		appendCode(e, p, norm.ParsePrinciple)
	}
	e.b = append(e.b, ']')
}

// appendCode writes a code of one of the frequent kinds (results,
// findings, principles) after the check its MarshalText makes, without
// the copy MarshalText returns.
func appendCode[T ~string](e *jsonAppender, v T, parse func(string) (T, error)) {
	if _, err := parse(string(v)); err != nil {
		e.fail(fmt.Errorf("json: error calling MarshalText for type %T: %w", v, err))
		return
	}
	e.str(string(v))
}

func parseResult(s string) (Result, error) { return norm.ParseCode("result", s, results) }

func parseFindingCode(s string) (FindingCode, error) {
	return norm.ParseCode("finding", s, findingCodes)
}

// text writes a code through its MarshalText, which refuses a code
// outside its set, as encoding/json does.
func (e *jsonAppender) text(t encoding.TextMarshaler) {
	s, err := t.MarshalText()
	if err != nil {
		e.fail(fmt.Errorf("json: error calling MarshalText for type %T: %w", t, err))
		return
	}
	e.b = appendJSONString(e.b, s)
}

func (e *jsonAppender) marshal(v any) {
	s, err := json.Marshal(v)
	if err != nil {
		e.fail(err)
		return
	}
	e.b = append(e.b, s...)
}

func (e *jsonAppender) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

func (e *jsonAppender) int(n int) { e.b = strconv.AppendInt(e.b, int64(n), 10) }

func (e *jsonAppender) str(s string) { e.b = appendJSONString(e.b, s) }

// float writes f as encoding/json writes a float64: the shortest
// representation, in exponent form only below 1e-6 or from 1e21 on.
func (e *jsonAppender) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		e.fail(fmt.Errorf("json: unsupported value: %s", strconv.FormatFloat(f, 'g', -1, 64)))
		return
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 && (f != 0 || !math.Signbit(f)) {
		// Whole numbers (weights, counts, most scores) print as integers:
		// the same digits, without the shortest-float search.
		e.b = strconv.AppendInt(e.b, int64(f), 10)
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	e.b = strconv.AppendFloat(e.b, f, format, -1, 64)
	if format == 'e' {
		// 1e-7, not 1e-07: encoding/json drops the exponent's leading zero.
		if n := len(e.b); n >= 4 && e.b[n-4] == 'e' && e.b[n-3] == '-' && e.b[n-2] == '0' {
			e.b[n-2] = e.b[n-1]
			e.b = e.b[:n-1]
		}
	}
}

// jsonSafe marks the ASCII bytes a JSON string holds as they are:
// printable, and neither a quote, a backslash nor one of <, >, &.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// plainWord says whether none of the eight bytes of w is below 0x20,
// at or above 0x80, or one of " \\ < > & (the bytes jsonSafe refuses).
// A byte b of x = w ^ c·0x01…01 is zero where w holds c; (x - 0x01…01) &^ x
// has its high bit set there (and possibly, after a borrow, above it,
// which only sends the word to the byte-by-byte path).
func plainWord(w uint64) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	zero := func(x uint64) uint64 { return (x - lo) &^ x }
	bad := w | (w - 0x20*lo) // high bit: byte >= 0x80, or byte < 0x20 (borrow)
	bad |= zero(w ^ '"'*lo)
	bad |= zero(w ^ '\\'*lo)
	bad |= zero(w ^ '<'*lo)
	bad |= zero(w ^ '>'*lo)
	bad |= zero(w ^ '&'*lo)
	return bad&hi == 0
}

// appendJSONString appends s as a JSON string the way encoding/json does
// by default: quotes, backslashes and control characters escaped, and
// also <, >, & and U+2028/U+2029 (safe to embed in HTML and JavaScript);
// invalid UTF-8 becomes U+FFFD.
func appendJSONString[S ~string | ~[]byte](b []byte, s S) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while none needs a second look: most of a
		// report is plain text.
		for i+8 <= len(s) && plainWord(uint64(s[i])|uint64(s[i+1])<<8|uint64(s[i+2])<<16|uint64(s[i+3])<<24|
			uint64(s[i+4])<<32|uint64(s[i+5])<<40|uint64(s[i+6])<<48|uint64(s[i+7])<<56) {
			i += 8
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
