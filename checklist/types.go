package checklist

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/goedgesprek/goedgesprek/norm"
)

// ItemID identifies one of the 14 checklist items, GG01..GG14.
type ItemID string

// CriterionID identifies a criterion, e.g. "GG01-1".
type CriterionID string

// AnswerType is the type of answer a criterion expects.
type AnswerType string

// The answer types and the JSON value each expects.
const (
	TypeBool    AnswerType = "bool"    // true or false
	TypeChoice  AnswerType = "choice"  // one option code (string)
	TypeMulti   AnswerType = "multi"   // a set of option codes (array of strings, no duplicates)
	TypePercent AnswerType = "percent" // a number 0..100
	TypeCount   AnswerType = "count"   // an integer >= 0
	TypeDate    AnswerType = "date"    // "YYYY-MM-DD"
)

// Option is one coded choice of a choice or multi criterion.
type Option struct {
	Code  string    `json:"code"`
	Label norm.Text `json:"label"`
	// Result is what choosing this option yields under RuleGrade (choice
	// criteria). It is empty for the options of multi criteria.
	Result Result `json:"result,omitempty"`
}

// Result is the outcome of one criterion or item.
type Result string

// The results. Unanswered counts as not met in the score and is reported
// apart as incompleteness.
const (
	Met           Result = "met"
	PartiallyMet  Result = "partially_met"
	NotMet        Result = "not_met"
	NotApplicable Result = "not_applicable"
	Unanswered    Result = "unanswered"
)

var results = []Result{Met, PartiallyMet, NotMet, NotApplicable, Unanswered}

// MarshalText implements encoding.TextMarshaler.
func (r Result) MarshalText() ([]byte, error) { return norm.MarshalCode("result", r, results) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Result) UnmarshalText(b []byte) error {
	v, err := parseResult(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// OrgKind is the kind of public organisation.
type OrgKind string

// The organisation kinds.
const (
	OrgMunicipality    OrgKind = "municipality"
	OrgExecutiveAgency OrgKind = "executive_agency"
	OrgMinistry        OrgKind = "ministry"
	OrgOther           OrgKind = "other"
)

var orgKinds = []OrgKind{OrgMunicipality, OrgExecutiveAgency, OrgMinistry, OrgOther}

// OrgKinds lists the organisation kinds.
func OrgKinds() []OrgKind { return append([]OrgKind(nil), orgKinds...) }

// MarshalText implements encoding.TextMarshaler.
func (k OrgKind) MarshalText() ([]byte, error) {
	return norm.MarshalCode("organisation_kind", k, orgKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *OrgKind) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("organisation_kind", string(b), orgKinds)
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// AssessmentVersion is the version of the self-assessment document this
// package reads.
const AssessmentVersion = "1"

// Assessment is the self-assessment an organisation hands in.
type Assessment struct {
	Version      string                 `json:"version"` // optional in the document: DecodeAssessment sets AssessmentVersion
	Organisation Organisation           `json:"organisation"`
	Date         norm.Date              `json:"assessment_date"` // reference date of every "within 12 months"
	Assessor     Assessor               `json:"assessor"`
	Answers      map[CriterionID]Answer `json:"answers"`
}

// Organisation describes who is assessed.
type Organisation struct {
	Name                  string  `json:"name"`
	Kind                  OrgKind `json:"kind"`
	ClientFacingEmployees int     `json:"client_facing_employees"`
	Managers              int     `json:"managers"`
}

// Assessor is who filled in the assessment, by pseudonymous ID and role.
type Assessor struct {
	ID   string `json:"id"`
	Role string `json:"role,omitempty"`
}

// Answer is the answer to one criterion.
type Answer struct {
	Value    Value      `json:"value,omitzero"`
	Comment  string     `json:"comment,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Evidence supports an answer: a document title, a reference to find it, and
// its date.
type Evidence struct {
	Title     string    `json:"title"`
	Reference string    `json:"reference"`
	Date      norm.Date `json:"date"`
}

// ValueKind is the JSON kind of an answer value.
type ValueKind uint8

// The kinds of value.
const (
	KindNone   ValueKind = iota // absent or null
	KindBool                    // true/false
	KindNumber                  // a finite number
	KindString                  // a string (choice code or date)
	KindList                    // an array of strings
)

// Value is an answer value: a bool, a number, a string or a list of strings.
// Which one a criterion expects follows from its AnswerType; the evaluator
// checks it. The zero Value is absent.
type Value struct {
	kind ValueKind
	b    bool
	n    float64
	s    string
	list []string
}

// Bool makes a bool value.
func Bool(b bool) Value { return Value{kind: KindBool, b: b} }

// Number makes a number value (percent, count, months).
func Number(n float64) Value { return Value{kind: KindNumber, n: n} }

// Choice makes a choice value from an option code.
func Choice(code string) Value { return Value{kind: KindString, s: code} }

// Multi makes a multi value from option codes.
func Multi(codes ...string) Value { return Value{kind: KindList, list: append([]string{}, codes...)} }

// DateValue makes a date value.
func DateValue(d norm.Date) Value { return Value{kind: KindString, s: d.String()} }

// IsZero reports whether the value is absent (so that `omitzero` drops it).
func (v Value) IsZero() bool { return v.kind == KindNone }

// Kind returns the JSON kind of the value.
func (v Value) Kind() ValueKind { return v.kind }

// AsBool returns the bool and whether the value is one.
func (v Value) AsBool() (bool, bool) { return v.b, v.kind == KindBool }

// AsNumber returns the number and whether the value is one.
func (v Value) AsNumber() (float64, bool) { return v.n, v.kind == KindNumber }

// AsString returns the string and whether the value is one.
func (v Value) AsString() (string, bool) { return v.s, v.kind == KindString }

// AsList returns a copy of the list and whether the value is one, so that
// a Value never changes once made.
func (v Value) AsList() ([]string, bool) { return slices.Clone(v.list), v.kind == KindList }

// String renders the value for explanations: "true", "85", "both",
// "[a, b]".
func (v Value) String() string {
	switch v.kind {
	case KindBool:
		return strconv.FormatBool(v.b)
	case KindNumber:
		return strconv.FormatFloat(v.n, 'f', -1, 64)
	case KindString:
		return v.s
	case KindList:
		var b bytes.Buffer
		b.WriteByte('[')
		for i, s := range v.list {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(s)
		}
		b.WriteByte(']')
		return b.String()
	}
	return ""
}

// MarshalJSON implements json.Marshaler.
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.kind {
	case KindBool:
		return json.Marshal(v.b)
	case KindNumber:
		return json.Marshal(v.n)
	case KindString:
		return json.Marshal(v.s)
	case KindList:
		if v.list == nil {
			return []byte("[]"), nil
		}
		return json.Marshal(v.list)
	}
	return []byte("null"), nil
}

// plainList reads a compact JSON array of plain strings (see plainString),
// the form decoders hand over; ok is false for anything else, which
// encoding/json then reads.
func plainList(b []byte) (list []string, ok bool) {
	if len(b) < 2 || b[0] != '[' || b[len(b)-1] != ']' {
		return nil, false
	}
	list = []string{}
	rest := b[1 : len(b)-1]
	for len(rest) > 0 {
		end := bytes.IndexByte(rest[1:], '"') + 2 // just past the closing quote
		if rest[0] != '"' || end < 2 || !plainString(rest[:end]) {
			return nil, false
		}
		list = append(list, string(rest[1:end-1]))
		rest = rest[end:]
		if len(rest) > 0 {
			if rest[0] != ',' || len(rest) == 1 {
				return nil, false
			}
			rest = rest[1:]
		}
	}
	return list, true
}

// jsonNumber says whether b is a JSON number:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func jsonNumber(b []byte) bool {
	i := 0
	digits := func() bool {
		j := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i > j
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		digits()
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	return i == len(b)
}

// plainString says whether b is a JSON string whose text is the bytes
// between the quotes: printable ASCII without escapes.
func plainString(b []byte) bool {
	if len(b) < 2 || b[len(b)-1] != '"' {
		return false
	}
	for _, c := range b[1 : len(b)-1] {
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// UnmarshalJSON implements json.Unmarshaler. It accepts a bool, a finite
// number, a string or an array of strings; anything else is an error.
func (v *Value) UnmarshalJSON(b []byte) error {
	b = bytes.Trim(b, " \t\r\n") // JSON's whitespace only
	if len(b) == 0 {
		return fmt.Errorf("empty value")
	}
	switch b[0] {
	case 'n':
		if string(b) != "null" {
			return fmt.Errorf("value must be a bool, number, string or list of strings")
		}
		*v = Value{}
		return nil
	case 't', 'f':
		// The literals themselves first: a decoder calls this for every
		// answer, and encoding/json would allocate for each.
		if string(b) == "true" || string(b) == "false" {
			*v = Bool(b[0] == 't')
			return nil
		}
		var x bool
		if err := json.Unmarshal(b, &x); err != nil {
			return err
		}
		*v = Bool(x)
	case '"':
		if plainString(b) {
			*v = Value{kind: KindString, s: string(b[1 : len(b)-1])}
			return nil
		}
		var x string
		if err := json.Unmarshal(b, &x); err != nil {
			return err
		}
		*v = Value{kind: KindString, s: x}
	case '[':
		if x, ok := plainList(b); ok {
			*v = Value{kind: KindList, list: x}
			return nil
		}
		var x []string
		if err := json.Unmarshal(b, &x); err != nil {
			return fmt.Errorf("a list must hold strings: %w", err)
		}
		if x == nil {
			x = []string{}
		}
		*v = Value{kind: KindList, list: x}
	default:
		if !jsonNumber(b) {
			return fmt.Errorf("value must be a bool, number, string or list of strings")
		}
		// The grammar checked, ParseFloat reads what encoding/json would,
		// without its allocations; it fails only out of range.
		x, err := strconv.ParseFloat(string(b), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("number out of range")
		}
		*v = Number(x)
	}
	return nil
}

// Item is one of the 14 checklist items.
type Item struct {
	ID          ItemID             `json:"id"`
	Title       norm.Text          `json:"title"`
	Description norm.Text          `json:"description"`
	Source      norm.Source        `json:"source"`     // seed 001, chapter 5, item N
	Principles  []norm.PrincipleID `json:"principles"` // VPT and PC principles the item serves
	Weight      float64            `json:"weight"`
	Criteria    []*Criterion       `json:"criteria"`
}

// Criterion is one scored question of an item.
type Criterion struct {
	ID       CriterionID `json:"id"` // e.g. "GG01-1"
	Item     ItemID      `json:"item"`
	Question norm.Text   `json:"question"`
	Help     norm.Text   `json:"help"`
	Type     AnswerType  `json:"type"`
	Options  []Option    `json:"options,omitempty"` // for choice and multi
	Weight   float64     `json:"weight"`
	Critical bool        `json:"critical"` // unmet caps the rating at amber
	Evidence bool        `json:"evidence"` // evidence is expected with a positive answer
	Source   norm.Source `json:"source"`

	// Principles are the VPT and PC principles this criterion serves; the
	// item's Principles are their union.
	Principles []norm.PrincipleID `json:"principles"`
	// Rule turns an answer into a result; its thresholds are data and can
	// be overridden per evaluation (WithThresholds).
	Rule Rule `json:"rule"`
	// Unit names what a number or list counts, for explanations: "82%
	// getraind", "3 van 5 kanalen". Empty for bool and choice criteria.
	Unit norm.Text `json:"unit,omitzero"`
	// NextStep is the advice a finding on this criterion gives.
	NextStep norm.Text `json:"next_step"`
	// MeasuredBy names the share of a followup.Summary that cross-checks
	// the claim (see WithMeasured); empty when nothing is measured.
	MeasuredBy MeasuredShare `json:"measured_by,omitempty"`
}

// RuleKind says how a criterion's answer becomes a result.
type RuleKind string

// The rule kinds. Each goes with one answer type.
const (
	RuleTrue     RuleKind = "true"     // bool: true is met, false is not met
	RuleGrade    RuleKind = "grade"    // choice: the chosen option's Result
	RuleAtLeast  RuleKind = "at_least" // percent or count: >= Met is met, >= Partial partially met
	RuleCount    RuleKind = "count"    // multi: the number of options chosen, >= Met / >= Partial; met also needs one of AnyOf when set
	RuleCoverage RuleKind = "coverage" // multi: the percentage of Rule.Required chosen >= Met; partially met when every category of Required has a chosen code and >= Partial
	RuleRecent   RuleKind = "recent"   // date: whole months before the assessment date, <= Met / <= Partial
)

// Threshold holds the two bounds of a numeric rule. For "at least" rules a
// value at or above Met is met and one at or above Partial partially met;
// for recency (months before the assessment date) the comparisons are
// reversed. When Partial equals Met there is no partial band.
type Threshold struct {
	Met     float64 `json:"met"`
	Partial float64 `json:"partial"`
}

// Rule is how a criterion is judged.
type Rule struct {
	Kind      RuleKind  `json:"kind"`
	Threshold Threshold `json:"threshold,omitzero"` // for at_least, count, coverage, recent
	Required  []string  `json:"required,omitempty"` // for coverage: the codes that must all be chosen
	AnyOf     []string  `json:"any_of,omitempty"`   // for count: met also needs one of these codes chosen
}

// UsesThreshold reports whether the rule kind is judged by a Threshold.
func (k RuleKind) UsesThreshold() bool {
	switch k {
	case RuleAtLeast, RuleCount, RuleCoverage, RuleRecent:
		return true
	}
	return false
}

// lowerIsBetter reports whether smaller values are better for the rule.
func (k RuleKind) lowerIsBetter() bool { return k == RuleRecent }

// MeasuredShare names a measured share of a followup.Summary.
type MeasuredShare string

// The measured shares the evaluator cross-checks claims against.
const (
	MeasuredReactions48h    MeasuredShare = "reactions_48h"     // GG12-1
	MeasuredAftercareOnTime MeasuredShare = "aftercare_on_time" // GG13-1
	MeasuredCauseAnalysis   MeasuredShare = "cause_analysis"    // GG05-3
)
