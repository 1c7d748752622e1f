package form

import (
	"bytes"
	"encoding/json"
	"math/big"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The quick check answers one question fast: does a parsed document pass
// the schema? It is compiled from the same schema as the validator, for
// the keywords the documents of this module use; a schema with any other
// keyword gets no quick check. It never explains a failure: when it says
// anything but "passes", the validator runs and collects the problems as
// before. So the schema stays the one source of truth, and the quick
// check only has to be right in what it accepts; FuzzQuickCheck (here and
// in checklist) holds it to the validator's verdict in both directions.
//
// Every verdict is exact or "unknown": numbers are compared as exact
// fractions when a float64 could round, patterns of the shape ^[class]*$
// are matched rune by rune against the class Go's regexp parser built,
// other patterns with Go's regexp (as the validator does), and formats
// other than date go to a one-keyword schema of the validator itself.

// verdict is the quick check's answer for one value.
type verdict uint8

const (
	fail verdict = iota
	pass
	unknown
)

// JSON types as bits.
const (
	tNull = 1 << iota
	tBool
	tInteger
	tNumber // any number, integer or not
	tString
	tArray
	tObject
)

var typeBits = map[string]uint8{
	"null": tNull, "boolean": tBool, "integer": tInteger, "number": tNumber | tInteger,
	"string": tString, "array": tArray, "object": tObject,
}

// quick is one compiled (sub)schema.
type quick struct {
	never     bool  // the schema false
	types     uint8 // 0: any type
	props     map[string]*quick
	required  []string
	addl      *quick // nil: anything else allowed
	minProps  int
	maxProps  int // -1: no limit
	items     *quick
	minItems  int
	maxItems  int // -1: no limit
	unique    bool
	minLen    int
	maxLen    int // -1: no limit
	class     *runeClass
	re        *regexp.Regexp
	format    func(string) bool
	enums     [][]any // const and enum: lists of allowed values
	min, max  *big.Rat
	exMin     *big.Rat
	exMax     *big.Rat
	ratBounds bool // a bound is not a whole number within int64
	allOf     []*quick
	anyOf     []*quick
	oneOf     []*quick
	not       *quick
	ifS       *quick
	thenS     *quick
	elseS     *quick
}

// annotations are keywords that do not change what is valid.
var annotations = map[string]bool{
	"title": true, "description": true, "default": true, "examples": true, "$comment": true,
	"readOnly": true, "writeOnly": true, "deprecated": true, "$defs": true,
}

// compileQuick builds the quick check of an optimised 2020-12 schema
// (local references inlined); false when the schema uses a keyword the
// quick check does not know.
func compileQuick(schemaJSON []byte) (*quick, bool) {
	d := json.NewDecoder(bytes.NewReader(schemaJSON))
	d.UseNumber()
	var doc any
	if d.Decode(&doc) != nil {
		return nil, false
	}
	root, ok := doc.(map[string]any)
	if !ok {
		return nil, false
	}
	q, err := quickSchema(root, true)
	return q, err == nil
}

type errUnsupported struct{}

func (errUnsupported) Error() string { return "form: no quick check for this schema" }

func quickSchema(v any, isRoot bool) (*quick, error) {
	switch x := v.(type) {
	case bool:
		return &quick{never: !x, maxProps: -1, maxItems: -1, maxLen: -1}, nil
	case map[string]any:
		q := &quick{maxProps: -1, maxItems: -1, maxLen: -1}
		for k, e := range x {
			if err := q.keyword(k, e, x, isRoot); err != nil {
				return nil, err
			}
		}
		return q, nil
	}
	return nil, errUnsupported{}
}

func (q *quick) keyword(k string, e any, all map[string]any, isRoot bool) error {
	var err error
	switch k {
	case "$schema", "$id":
		if !isRoot {
			return errUnsupported{}
		}
	case "type":
		switch t := e.(type) {
		case string:
			if typeBits[t] == 0 {
				return errUnsupported{}
			}
			q.types = typeBits[t]
		case []any:
			for _, s := range t {
				s, _ := s.(string)
				if typeBits[s] == 0 {
					return errUnsupported{}
				}
				q.types |= typeBits[s]
			}
			if q.types == 0 {
				return errUnsupported{}
			}
		default:
			return errUnsupported{}
		}
	case "properties":
		m, ok := e.(map[string]any)
		if !ok {
			return errUnsupported{}
		}
		q.props = make(map[string]*quick, len(m))
		for name, s := range m {
			if q.props[name], err = quickSchema(s, false); err != nil {
				return err
			}
		}
	case "required":
		l, ok := e.([]any)
		if !ok {
			return errUnsupported{}
		}
		for _, s := range l {
			s, ok := s.(string)
			if !ok {
				return errUnsupported{}
			}
			q.required = append(q.required, s)
		}
	case "additionalProperties":
		q.addl, err = quickSchema(e, false)
	case "minProperties":
		q.minProps, err = schemaCount(e)
	case "maxProperties":
		q.maxProps, err = schemaCount(e)
	case "items":
		q.items, err = quickSchema(e, false)
	case "minItems":
		q.minItems, err = schemaCount(e)
	case "maxItems":
		q.maxItems, err = schemaCount(e)
	case "uniqueItems":
		b, ok := e.(bool)
		if !ok {
			return errUnsupported{}
		}
		q.unique = b
	case "minLength":
		q.minLen, err = schemaCount(e)
	case "maxLength":
		q.maxLen, err = schemaCount(e)
	case "pattern":
		s, ok := e.(string)
		if !ok {
			return errUnsupported{}
		}
		q.re, err = regexp.Compile(s)
		if err != nil {
			return errUnsupported{}
		}
		q.class = classOf(s)
	case "format":
		s, ok := e.(string)
		if !ok {
			return errUnsupported{}
		}
		q.format, err = formatCheck(s)
	case "const":
		q.enums = append(q.enums, []any{e})
	case "enum":
		l, ok := e.([]any)
		if !ok {
			return errUnsupported{}
		}
		q.enums = append(q.enums, l)
	case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
		n, ok := e.(json.Number)
		if !ok {
			return errUnsupported{}
		}
		r, ok := new(big.Rat).SetString(string(n))
		if !ok {
			return errUnsupported{}
		}
		if !r.IsInt() || !r.Num().IsInt64() {
			q.ratBounds = true
		}
		switch k {
		case "minimum":
			q.min = r
		case "maximum":
			q.max = r
		case "exclusiveMinimum":
			q.exMin = r
		default:
			q.exMax = r
		}
	case "allOf", "anyOf", "oneOf":
		l, ok := e.([]any)
		if !ok || len(l) == 0 {
			return errUnsupported{}
		}
		qs := make([]*quick, len(l))
		for i, s := range l {
			if qs[i], err = quickSchema(s, false); err != nil {
				return err
			}
		}
		switch k {
		case "allOf":
			q.allOf = qs
		case "anyOf":
			q.anyOf = qs
		default:
			q.oneOf = qs
		}
	case "not":
		q.not, err = quickSchema(e, false)
	case "if":
		q.ifS, err = quickSchema(e, false)
	case "then", "else":
		if _, has := all["if"]; !has {
			return nil // ignored without an if
		}
		var s *quick
		if s, err = quickSchema(e, false); k == "then" {
			q.thenS = s
		} else {
			q.elseS = s
		}
	default:
		if !annotations[k] {
			return errUnsupported{}
		}
	}
	return err
}

func schemaCount(e any) (int, error) {
	n, ok := e.(json.Number)
	if !ok {
		return 0, errUnsupported{}
	}
	i, err := n.Int64()
	if err != nil || i < 0 || i > 1<<31 {
		return 0, errUnsupported{}
	}
	return int(i), nil
}

// formatCheck returns the check of a format: date here, anything else by
// a schema of the validator holding only that format, so that the
// verdict is the validator's own.
func formatCheck(f string) (func(string) bool, error) {
	if f == "date" {
		return func(s string) bool { _, err := time.Parse("2006-01-02", s); return err == nil }, nil
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	c.DefaultDraft(jsonschema.Draft2020)
	c.UseLoader(noLoader{})
	doc := map[string]any{"format": f}
	if err := c.AddResource("urn:goedgesprek:form:format.json", doc); err != nil {
		return nil, errUnsupported{}
	}
	sch, err := c.Compile("urn:goedgesprek:form:format.json")
	if err != nil {
		return nil, errUnsupported{}
	}
	return func(s string) bool { return sch.Validate(s) == nil }, nil
}

// runeClass is a pattern of the form ^[...]*$ or ^[...]+$: every rune in
// the class, and for + at least one.
type runeClass struct {
	ascii  [128]bool
	ranges []rune // pairs lo, hi as Go's regexp parser built them
	plus   bool
}

// classOf recognises ^[class]*$ and ^[class]+$ in the syntax that Go's
// regexp (and so the validator) uses; nil for any other pattern.
func classOf(pattern string) *runeClass {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) != 3 ||
		re.Sub[0].Op != syntax.OpBeginText || re.Sub[2].Op != syntax.OpEndText {
		return nil
	}
	rep := re.Sub[1]
	if (rep.Op != syntax.OpStar && rep.Op != syntax.OpPlus) || len(rep.Sub) != 1 || rep.Sub[0].Op != syntax.OpCharClass {
		return nil
	}
	c := &runeClass{ranges: rep.Sub[0].Rune, plus: rep.Op == syntax.OpPlus}
	for r := range rune(128) {
		c.ascii[r] = c.slow(r)
	}
	return c
}

func (c *runeClass) slow(r rune) bool {
	for i := 0; i+1 < len(c.ranges); i += 2 {
		if r >= c.ranges[i] && r <= c.ranges[i+1] {
			return true
		}
	}
	return false
}

func (c *runeClass) match(s string) bool {
	if c.plus && s == "" {
		return false
	}
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if !c.ascii[b] {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !c.slow(r) {
			return false
		}
		i += n
	}
	return true
}

// check gives the verdict of q on the tree value v.
func (q *quick) check(v any) verdict {
	if q.never {
		return fail
	}
	var t uint8
	switch x := v.(type) {
	case nil:
		t = tNull
	case bool:
		t = tBool
	case string:
		t = tString
	case json.Number:
		t = tNumber
		if isInteger(x) {
			t |= tInteger
		}
	case []any:
		t = tArray
	case map[string]any:
		t = tObject
	default:
		return unknown // a tree not from Parse: float64 and the like
	}
	if q.types != 0 && q.types&t == 0 {
		return fail
	}
	res := pass
	switch x := v.(type) {
	case string:
		if !q.str(x) {
			return fail
		}
	case json.Number:
		if !q.num(x) {
			return fail
		}
	case []any:
		if res = q.array(x); res == fail {
			return fail
		}
	case map[string]any:
		if res = q.object(x); res == fail {
			return fail
		}
	}
	for _, l := range q.enums {
		if !contains(l, v) {
			return fail
		}
	}
	return and(res, q.combine(v))
}

// and combines two verdicts that must both pass.
func and(a, b verdict) verdict {
	switch {
	case a == fail || b == fail:
		return fail
	case a == unknown || b == unknown:
		return unknown
	}
	return pass
}

func (q *quick) combine(v any) verdict {
	res := pass
	for _, s := range q.allOf {
		if res = and(res, s.check(v)); res == fail {
			return fail
		}
	}
	if q.anyOf != nil {
		some := fail
		for _, s := range q.anyOf {
			r := s.check(v)
			if r == pass {
				some = pass
				break
			}
			if r == unknown {
				some = unknown
			}
		}
		if res = and(res, some); res == fail {
			return fail
		}
	}
	if q.oneOf != nil {
		passed, unsure := 0, false
		for _, s := range q.oneOf {
			switch s.check(v) {
			case pass:
				passed++
			case unknown:
				unsure = true
			}
		}
		one := fail
		switch {
		case passed > 1:
		case unsure:
			one = unknown
		case passed == 1:
			one = pass
		}
		if res = and(res, one); res == fail {
			return fail
		}
	}
	if q.not != nil {
		switch q.not.check(v) {
		case pass:
			return fail
		case unknown:
			res = and(res, unknown)
		}
	}
	if q.ifS != nil {
		var branch *quick
		switch q.ifS.check(v) {
		case pass:
			branch = q.thenS
		case fail:
			branch = q.elseS
		default:
			return and(res, unknown)
		}
		if branch != nil {
			res = and(res, branch.check(v))
		}
	}
	return res
}

func (q *quick) str(s string) bool {
	if q.minLen > 0 || q.maxLen >= 0 {
		n := utf8.RuneCountInString(s)
		if n < q.minLen || (q.maxLen >= 0 && n > q.maxLen) {
			return false
		}
	}
	switch {
	case q.class != nil:
		if !q.class.match(s) {
			return false
		}
	case q.re != nil:
		if !q.re.MatchString(s) {
			return false
		}
	}
	return q.format == nil || q.format(s)
}

func (q *quick) num(n json.Number) bool {
	if q.min == nil && q.max == nil && q.exMin == nil && q.exMax == nil {
		return true
	}
	if i, err := strconv.ParseInt(string(n), 10, 64); err == nil && !q.ratBounds {
		// A whole number and whole bounds: compare as int64 (exact).
		return (q.min == nil || i >= q.min.Num().Int64()) && (q.max == nil || i <= q.max.Num().Int64()) &&
			(q.exMin == nil || i > q.exMin.Num().Int64()) && (q.exMax == nil || i < q.exMax.Num().Int64())
	}
	r, ok := new(big.Rat).SetString(string(n))
	if !ok {
		return false // never from Parse
	}
	return (q.min == nil || r.Cmp(q.min) >= 0) && (q.max == nil || r.Cmp(q.max) <= 0) &&
		(q.exMin == nil || r.Cmp(q.exMin) > 0) && (q.exMax == nil || r.Cmp(q.exMax) < 0)
}

// isInteger says whether a number literal has no fraction, as the
// validator counts it (1.0 and 1e2 are integers).
func isInteger(n json.Number) bool {
	if !strings.ContainsAny(string(n), ".eE") {
		return true
	}
	r, ok := new(big.Rat).SetString(string(n))
	return ok && r.IsInt()
}

func (q *quick) array(a []any) verdict {
	if len(a) < q.minItems || (q.maxItems >= 0 && len(a) > q.maxItems) {
		return fail
	}
	res := pass
	if q.items != nil {
		for _, e := range a {
			if res = and(res, q.items.check(e)); res == fail {
				return fail
			}
		}
	}
	if q.unique {
		for i := 1; i < len(a); i++ {
			for j := range i {
				if equal(a[i], a[j]) {
					return fail
				}
			}
		}
	}
	return res
}

func (q *quick) object(m map[string]any) verdict {
	if len(m) < q.minProps || (q.maxProps >= 0 && len(m) > q.maxProps) {
		return fail
	}
	for _, r := range q.required {
		if _, ok := m[r]; !ok {
			return fail
		}
	}
	res := pass
	for k, e := range m {
		s, ok := q.props[k]
		if !ok {
			s = q.addl
		}
		if s == nil {
			continue
		}
		if res = and(res, s.check(e)); res == fail {
			return fail
		}
	}
	return res
}

func contains(l []any, v any) bool {
	for _, w := range l {
		if equal(v, w) {
			return true
		}
	}
	return false
}

// equal is JSON equality: numbers by value, objects by members.
func equal(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		if x == y {
			return true
		}
		rx, ok1 := new(big.Rat).SetString(string(x))
		ry, ok2 := new(big.Rat).SetString(string(y))
		return ok1 && ok2 && rx.Cmp(ry) == 0
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, e := range x {
			f, ok := y[k]
			if !ok || !equal(e, f) {
				return false
			}
		}
		return true
	}
	return false
}
