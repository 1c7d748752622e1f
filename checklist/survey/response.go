package survey

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// ResponseVersion is the version of the response document this package
// reads.
const ResponseVersion = "1"

// Month is the month a survey round was held, written "YYYY-MM". It is
// all a response says about when: a day or a time could single a
// respondent out.
type Month struct {
	Year  int
	Month time.Month
}

// ParseMonth reads "YYYY-MM".
func ParseMonth(s string) (Month, error) {
	if len(s) != 7 || s[4] != '-' {
		return Month{}, fmt.Errorf("month %q: want YYYY-MM", s)
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || y < 1 || s[0] == '+' || s[0] == '-' || s[5] == '+' || s[5] == '-' || m < 1 || m > 12 {
		return Month{}, fmt.Errorf("month %q: want YYYY-MM", s)
	}
	return Month{Year: y, Month: time.Month(m)}, nil
}

// IsZero reports whether the month is unset.
func (m Month) IsZero() bool { return m == Month{} }

// Valid reports whether the month can be written as YYYY-MM.
func (m Month) Valid() bool { return m.Year >= 1 && m.Year <= 9999 && m.Month >= 1 && m.Month <= 12 }

// String renders the month as YYYY-MM.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// First is the first day of the month.
func (m Month) First() norm.Date { return norm.Date{Year: m.Year, Month: m.Month, Day: 1} }

// Last is the last day of the month.
func (m Month) Last() norm.Date {
	t := time.Date(m.Year, m.Month+1, 0, 12, 0, 0, 0, time.UTC)
	return norm.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// MarshalText implements encoding.TextMarshaler.
func (m Month) MarshalText() ([]byte, error) {
	if !m.Valid() {
		return nil, fmt.Errorf("month %d-%d cannot be written", m.Year, m.Month)
	}
	return []byte(m.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *Month) UnmarshalText(b []byte) error {
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Answer is one answer: a code ("yes", "partly") or a level 1 to 6,
// depending on the question's scale. The zero Answer is unanswered.
type Answer struct {
	code  string
	level int
}

// Code makes an answer from a scale's code.
func Code(c string) Answer { return Answer{code: c} }

// Level makes an answer on ScaleAgree6.
func Level(n int) Answer { return Answer{level: n} }

// IsZero reports whether the answer is absent.
func (a Answer) IsZero() bool { return a == Answer{} }

// String renders the answer as a CSV cell holds it.
func (a Answer) String() string {
	if a.level != 0 {
		return strconv.Itoa(a.level)
	}
	return a.code
}

// MarshalJSON implements json.Marshaler: a string, or a number for a level.
func (a Answer) MarshalJSON() ([]byte, error) {
	if a.level != 0 {
		return strconv.AppendInt(nil, int64(a.level), 10), nil
	}
	return json.Marshal(a.code)
}

// UnmarshalJSON implements json.Unmarshaler. It accepts a string or a
// whole number; whether it fits the question is the schema's and
// validate's to say.
func (a *Answer) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*a = Answer{code: s}
		return nil
	}
	n, err := strconv.Atoi(string(b))
	if err != nil || n < 1 || n > 6 {
		return fmt.Errorf("an answer is a code or a whole number from 1 to 6")
	}
	*a = Answer{level: n}
	return nil
}

// Response is one respondent's answers to one survey round. It holds no
// name, ID, date or free text: nothing that leads back to the person.
type Response struct {
	Version string                `json:"version"` // optional in the document: ResponseVersion
	Round   Month                 `json:"round"`
	Answers map[QuestionID]Answer `json:"answers"`
}

// fits reports whether a fits question q's scale; it returns the problem
// message when not.
func fits(q *Question, a Answer) (norm.Text, bool) {
	if q.Scale == ScaleAgree6 {
		if a.code != "" || a.level < 1 || a.level > 6 {
			return norm.Textf("%s: antwoord met een geheel getal van 1 tot en met 6", "%s: answer with a whole number from 1 to 6", string(q.ID)), false
		}
		return norm.Text{}, true
	}
	for _, o := range scaleOptions[q.Scale] {
		if a.level == 0 && o.Code == a.code {
			return norm.Text{}, true
		}
	}
	return norm.Textf("%s: kies uit %s", "%s: choose from %s", string(q.ID), codeList(q.Scale)), false
}

func codeList(s Scale) string {
	var b bytes.Buffer
	for i, o := range scaleOptions[s] {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(o.Code)
	}
	return b.String()
}

// validate checks a response built in Go; decoded documents pass it by
// construction.
func (r *Response) validate(prefix []string) []norm.Problem {
	var ps []norm.Problem
	at := func(toks ...string) string { return norm.Pointer(append(append([]string(nil), prefix...), toks...)...) }
	if r.Version != "" && r.Version != ResponseVersion {
		ps = append(ps, norm.Problem{Pointer: at("version"), Code: norm.CodeEnum, Message: norm.Textf(
			"onbekende versie %q; toegestaan: %s", "unknown version %q; allowed: %s", norm.Printable(r.Version), ResponseVersion)})
	}
	if !r.Round.Valid() {
		ps = append(ps, norm.Problem{Pointer: at("round"), Code: norm.CodeRequired, Message: norm.T(
			"de maand van de meting (JJJJ-MM) ontbreekt", "the month of the survey round (YYYY-MM) is missing")})
	}
	for _, id := range sortedIDs(r.Answers) {
		i, ok := questionIdx[id]
		if !ok {
			ps = append(ps, norm.Problem{Pointer: at("answers", string(id)), Code: norm.CodeUnknownField, Message: norm.Textf(
				"%q is geen vraag van de enquête", "%q is not a question of the survey", norm.Printable(string(id)))})
			continue
		}
		if msg, ok := fits(&questions[i], r.Answers[id]); !ok {
			ps = append(ps, norm.Problem{Pointer: at("answers", string(id)), Code: norm.CodeEnum, Message: msg})
		}
	}
	return ps
}

const decodeOp = "survey.DecodeResponse"

var schemaCache form.SchemaCache

// Schema returns the JSON Schema of a response document, with titles in
// the language, in the dialect (2020-12 or draft-07). The bytes are the
// caller's own copy.
func Schema(lang norm.Lang, d form.Dialect) ([]byte, error) {
	return schemaCache.Get(lang, d, buildSchema)
}

// obj is a JSON object that keeps its keys in the order given, so that a
// form renderer shows the questions in questionnaire order.
type obj []kv

type kv struct {
	k string
	v any
}

// MarshalJSON implements json.Marshaler.
func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.k)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.v)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func buildSchema(lang norm.Lang, d form.Dialect) ([]byte, error) {
	if lang != norm.NL && lang != norm.EN {
		return nil, fmt.Errorf("survey.Schema: unknown language %q", lang)
	}
	if d != form.Draft2020 && d != form.Draft07 {
		return nil, fmt.Errorf("survey.Schema: unknown dialect %q", d)
	}
	props := make(obj, 0, len(questions))
	for _, q := range questions {
		p := obj{{"title", q.Short.In(lang)}, {"description", q.Text.In(lang)}}
		if q.Scale == ScaleAgree6 {
			p = append(p, kv{"type", "integer"}, kv{"minimum", 1}, kv{"maximum", 6})
		} else {
			var one []any
			for _, o := range scaleOptions[q.Scale] {
				one = append(one, obj{{"const", o.Code}, {"title", o.Label.In(lang)}})
			}
			p = append(p, kv{"type", "string"}, kv{"oneOf", one})
		}
		props = append(props, kv{string(q.ID), p})
	}
	dialect := form.Draft2020URL
	if d == form.Draft07 {
		dialect = form.Draft07URL
	}
	s := obj{
		{"$schema", dialect},
		{"$id", schemaID(lang, d)},
		{"title", norm.T("Antwoorden van één medewerker op de enquête", "One employee's answers to the survey").In(lang)},
		{"description", norm.T("Anoniem: geen naam, nummer, datum of vrije tekst.", "Anonymous: no name, number, date or free text.").In(lang)},
		{"type", "object"},
		{"properties", obj{
			{"version", obj{{"title", norm.T("Versie", "Version").In(lang)}, {"const", ResponseVersion}}},
			{"round", obj{{"title", norm.T("Maand van de meting (JJJJ-MM)", "Month of the survey round (YYYY-MM)").In(lang)},
				{"type", "string"}, {"pattern", `^[0-9]{4}-(0[1-9]|1[0-2])$`}}},
			{"answers", obj{{"title", norm.T("Antwoorden", "Answers").In(lang)}, {"type", "object"},
				{"properties", props}, {"additionalProperties", false}}},
		}},
		{"required", []string{"round"}},
		{"additionalProperties", false},
	}
	return json.MarshalIndent(s, "", "  ")
}

// schemaID follows the other schemas: .../v1/nl.json, .../v1/draft-07/nl.json.
func schemaID(lang norm.Lang, d form.Dialect) string {
	base := "https://goedgesprek.nl/schema/survey-response/v1/"
	if d == form.Draft07 {
		base += "draft-07/"
	}
	return base + string(lang) + ".json"
}

var validator = sync.OnceValues(func() (*form.Validator, error) {
	b, err := Schema(norm.NL, form.Draft2020)
	if err != nil {
		return nil, err
	}
	return form.NewValidator(b)
})

// DecodeResponse reads one response document from r within lim (zero
// fields: the defaults of [form.Limits]) and returns it, or a
// *[norm.Error] (Op "survey.DecodeResponse") listing every problem with
// its JSON pointer. The document must be well-formed JSON without
// duplicate keys and pass [Schema]: unknown fields and questions, codes
// off the question's scale, a level outside 1..6 and a missing or
// impossible round month are refused. Nothing is half-decoded.
func DecodeResponse(r io.Reader, lim form.Limits) (Response, error) {
	v, err := validator()
	if err != nil {
		return Response{}, fmt.Errorf("%s: %w", decodeOp, err)
	}
	var resp Response
	if probs := form.Decode(r, v, &resp, lim); probs != nil {
		return Response{}, norm.NewError(decodeOp, probs)
	}
	if probs := resp.validate(nil); probs != nil {
		return Response{}, norm.NewError(decodeOp, probs)
	}
	resp.Version = ResponseVersion
	if resp.Answers == nil {
		resp.Answers = map[QuestionID]Answer{}
	}
	return resp, nil
}
