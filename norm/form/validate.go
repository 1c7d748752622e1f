package form

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Validator is a compiled JSON Schema (2020-12 or draft-07; the dialect
// comes from "$schema", 2020-12 when it is absent). It is safe for
// concurrent use: compile it once and keep it.
type Validator struct {
	schema *jsonschema.Schema
	quick  *quick // nil when the schema uses a keyword the quick check does not know
}

// noLoader refuses every URL that is not one of the compiled schema's own
// resources or a built-in metaschema: validating a form must never read
// files or the network.
type noLoader struct{}

func (noLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("form: loading %q refused: schemas must be self-contained", url)
}

// defaultSchemaURL names a schema without "$id".
const defaultSchemaURL = "urn:goedgesprek:form:schema.json"

// NewValidator compiles a JSON Schema with format assertions on, so that
// "format": "date" and "date-time" are enforced in both dialects. The
// schema must be self-contained: a "$ref" to another document fails.
//
// A 2020-12 schema is first rewritten into an equivalent one that
// validates faster (local references inlined, a oneOf of consts turned
// into an enum, annotations dropped); a schema the rewrite does not
// handle is compiled as it is.
func NewValidator(schemaJSON []byte) (*Validator, error) {
	if _, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON)); err != nil {
		return nil, fmt.Errorf("form: schema is not JSON: %w", err)
	}
	if opt, ok := optimiseForValidation(schemaJSON); ok {
		if v, err := compile(opt); err == nil {
			if q, ok := compileQuick(opt); ok {
				v.quick = q
			}
			return v, nil
		}
	}
	return compile(schemaJSON)
}

func compile(schemaJSON []byte) (*Validator, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, fmt.Errorf("form: schema is not JSON: %w", err)
	}
	url := defaultSchemaURL
	if m, ok := doc.(map[string]any); ok {
		if id, ok := m["$id"].(string); ok && id != "" {
			url = id
		}
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	c.DefaultDraft(jsonschema.Draft2020)
	c.UseLoader(noLoader{})
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("form: schema: %w", err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("form: schema does not compile: %w", err)
	}
	return &Validator{schema: sch}, nil
}

// MustValidator is NewValidator for schemas built into the program; it
// panics when the schema does not compile, which is a programming error.
func MustValidator(schemaJSON []byte) *Validator {
	v, err := NewValidator(schemaJSON)
	if err != nil {
		panic(err)
	}
	return v
}

// Validate checks a JSON document against the schema and returns all
// problems, not just the first: one per leaf cause, with the JSON pointer
// of the offending value, a stable code and a message in Dutch and
// English, sorted by pointer and then code. The document first passes the
// checks of [Read] (syntax, UTF-8, duplicate keys, default depth), parsed
// once into the tree that the schema validates.
func (v *Validator) Validate(doc []byte) []norm.Problem {
	tree, probs := parseTree(doc, Limits{MaxBytes: int64(len(doc)) + 1})
	if probs != nil {
		return probs
	}
	return v.ValidateValue(tree)
}

// Parse checks doc like [Read] (lim.MaxBytes applies to len(doc)) and
// returns it parsed into the tree that [Validator.ValidateValue] takes:
// map[string]any, []any, json.Number, string, bool and nil. Use it (or
// [ReadValue]) to validate and run semantic checks on one parse.
func Parse(doc []byte, lim Limits) (any, []norm.Problem) { return parseTree(doc, lim) }

// ReadValue is [Read] followed by [Parse]: at most lim.MaxBytes are read
// from r, checked and parsed in one pass.
func ReadValue(r io.Reader, lim Limits) (any, []norm.Problem) {
	buf, probs := readLimited(r, lim)
	if probs != nil {
		return nil, probs
	}
	return parseTree(buf, lim)
}

// parseTree checks doc like Read and builds the tree the validator takes.
func parseTree(doc []byte, lim Limits) (any, []norm.Problem) {
	if int64(len(doc)) > lim.maxBytes() {
		return nil, []norm.Problem{tooLarge(lim.maxBytes())}
	}
	p := newParser(doc, lim, true)
	tree := p.document()
	if len(p.probs) > 0 {
		return nil, finish(p.probs)
	}
	return tree, nil
}

// ValidateValue checks a value already parsed into maps, slices,
// json.Number (or float64), string, bool and nil, as [Validate] does.
//
// Trees from [Parse] and [ReadValue] are safe; a tree built elsewhere may
// hold numbers that the validator cannot handle, and a panic inside the
// validator is returned as a schema problem rather than passed on.
func (v *Validator) ValidateValue(tree any) (probs []norm.Problem) {
	if v.quick != nil && v.quick.check(tree) == pass {
		return nil // see fast.go: a pass is the validator's verdict too
	}
	return v.validate(tree)
}

// validate is the schema library's validation, every problem collected.
func (v *Validator) validate(tree any) (probs []norm.Problem) {
	defer func() {
		if p := recover(); p != nil {
			probs = []norm.Problem{{Code: norm.CodeSchema, Message: norm.Textf(
				"het document kon niet worden gecontroleerd (%v)", "the document could not be validated (%v)", p)}}
		}
	}()
	err := v.schema.Validate(tree)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []norm.Problem{{Code: norm.CodeSchema, Message: norm.Textf(
			"het document kon niet worden gecontroleerd: %v", "the document could not be validated: %v", err)}}
	}
	collect(ve, &probs)
	if len(probs) == 0 { // never expected: a failure with no leaf
		probs = append(probs, norm.Problem{Code: norm.CodeSchema, Message: norm.T(
			"het document voldoet niet aan het schema", "the document does not match the schema")})
	}
	return finish(probs)
}

// collect turns the tree of causes into problems, one per leaf.
func collect(e *jsonschema.ValidationError, out *[]norm.Problem) {
	ptr := norm.Pointer(e.InstanceLocation...)
	switch k := e.ErrorKind.(type) {
	case *kind.Schema, *kind.Group, *kind.AllOf, *kind.Reference:
		for _, c := range e.Causes {
			collect(c, out)
		}
		if len(e.Causes) == 0 {
			*out = append(*out, problemFor(ptr, e.ErrorKind))
		}
	case *kind.AnyOf, *kind.OneOf:
		alternatives(e, ptr, out)
	case *kind.AdditionalProperties:
		for _, name := range k.Properties {
			*out = append(*out, norm.Problem{
				Pointer: norm.Pointer(append(e.InstanceLocation[:len(e.InstanceLocation):len(e.InstanceLocation)], name)...),
				Code:    norm.CodeUnknownField,
				Message: norm.T("dit veld is hier niet toegestaan", "this field is not allowed here"),
			})
		}
	case *kind.Required:
		for _, name := range k.Missing {
			*out = append(*out, requiredAt(e.InstanceLocation, name))
		}
	case *kind.DependentRequired:
		for _, name := range k.Missing {
			*out = append(*out, requiredAt(e.InstanceLocation, name))
		}
	case *kind.Dependency:
		for _, name := range k.Missing {
			*out = append(*out, requiredAt(e.InstanceLocation, name))
		}
		for _, c := range e.Causes {
			collect(c, out)
		}
	default:
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				collect(c, out)
			}
			return
		}
		*out = append(*out, problemFor(ptr, e.ErrorKind))
	}
}

func requiredAt(loc []string, name string) norm.Problem {
	return norm.Problem{
		Pointer: norm.Pointer(append(loc[:len(loc):len(loc)], name)...),
		Code:    norm.CodeRequired,
		Message: norm.T("dit verplichte veld ontbreekt", "this required field is missing"),
	}
}

// alternatives reports a failed anyOf or oneOf. Branches that failed on
// the value's JSON type alone are set aside (the null branch of a nullable
// field, for instance). When no other branch is left, the const and enum
// branches give one enum problem listing the allowed values, or else the
// type branches one type problem listing the allowed types; when one
// branch is left, its own problems are reported; otherwise one schema
// problem says that no alternative fits.
func alternatives(e *jsonschema.ValidationError, ptr string, out *[]norm.Problem) {
	if k, ok := e.ErrorKind.(*kind.OneOf); ok && k.Subschemas != nil {
		*out = append(*out, norm.Problem{Pointer: ptr, Code: norm.CodeSchema, Message: norm.T(
			"de waarde past op meer dan een van de toegestane vormen", "the value matches more than one of the allowed shapes")})
		return
	}
	var (
		allowed []string // values of the const and enum branches
		types   []string // JSON types of the branches that failed on type alone
		got     string
		kept    []*jsonschema.ValidationError
	)
	for _, c := range e.Causes {
		leaf := unwrapGroup(c)
		switch k := leaf.ErrorKind.(type) {
		case *kind.Const:
			allowed = append(allowed, render(k.Want))
			continue
		case *kind.Enum:
			for _, w := range k.Want {
				allowed = append(allowed, render(w))
			}
			continue
		case *kind.Type:
			if len(leaf.InstanceLocation) == len(e.InstanceLocation) {
				got = k.Got
				for _, w := range k.Want {
					if !slices.Contains(types, w) {
						types = append(types, w)
					}
				}
				continue
			}
		}
		kept = append(kept, c)
	}
	switch {
	case len(kept) == 0 && len(allowed) > 0:
		*out = append(*out, enumProblem(ptr, allowed))
	case len(kept) == 1:
		collect(kept[0], out)
	case len(kept) == 0 && len(types) > 0:
		*out = append(*out, problemFor(ptr, &kind.Type{Got: got, Want: types}))
	default:
		*out = append(*out, norm.Problem{Pointer: ptr, Code: norm.CodeSchema, Message: norm.T(
			"de waarde past op geen van de toegestane vormen", "the value matches none of the allowed shapes")})
	}
}

// unwrapGroup follows single-cause wrappers down to the cause that says
// what failed.
func unwrapGroup(e *jsonschema.ValidationError) *jsonschema.ValidationError {
	for len(e.Causes) == 1 {
		switch e.ErrorKind.(type) {
		case *kind.Group, *kind.Reference, *kind.AllOf, *kind.Schema:
			e = e.Causes[0]
			continue
		}
		break
	}
	return e
}

func enumProblem(ptr string, allowed []string) norm.Problem {
	list := strings.Join(allowed, ", ")
	return norm.Problem{Pointer: ptr, Code: norm.CodeEnum, Message: norm.Textf(
		"deze waarde is niet toegestaan; kies uit: %s", "this value is not allowed; choose from: %s", list)}
}

// problemFor writes the problem for one leaf cause in both languages.
func problemFor(ptr string, k jsonschema.ErrorKind) norm.Problem {
	p := norm.Problem{Pointer: ptr, Code: norm.CodeSchema}
	switch k := k.(type) {
	case *kind.Type:
		p.Code = norm.CodeType
		p.Message = norm.Text{
			NL: fmt.Sprintf("verwacht %s, maar dit is %s", typeList(k.Want, norm.NL), typeName(k.Got, norm.NL)),
			EN: fmt.Sprintf("expected %s, but this is %s", typeList(k.Want, norm.EN), typeName(k.Got, norm.EN)),
		}
	case *kind.InvalidJsonValue:
		p.Code = norm.CodeType
		p.Message = norm.T("dit is geen geldige JSON-waarde", "this is not a valid JSON value")
	case *kind.Minimum:
		p.Code = norm.CodeRange
		p.Message = norm.Textf("moet minstens %s zijn", "must be at least %s", rat(k.Want))
	case *kind.Maximum:
		p.Code = norm.CodeRange
		p.Message = norm.Textf("mag hoogstens %s zijn", "must be at most %s", rat(k.Want))
	case *kind.ExclusiveMinimum:
		p.Code = norm.CodeRange
		p.Message = norm.Textf("moet groter zijn dan %s", "must be greater than %s", rat(k.Want))
	case *kind.ExclusiveMaximum:
		p.Code = norm.CodeRange
		p.Message = norm.Textf("moet kleiner zijn dan %s", "must be less than %s", rat(k.Want))
	case *kind.MultipleOf:
		p.Code = norm.CodeRange
		p.Message = norm.Textf("moet een veelvoud zijn van %s", "must be a multiple of %s", rat(k.Want))
	case *kind.MinLength:
		p.Code = norm.CodeRange
		p.Message = count("moet minstens %d %s lang zijn", "must be at least %d %s long", k.Want, chars)
	case *kind.MaxLength:
		p.Code = norm.CodeRange
		p.Message = count("mag hoogstens %d %s lang zijn", "must be at most %d %s long", k.Want, chars)
	case *kind.MinItems:
		p.Code = norm.CodeRange
		p.Message = count("moet minstens %d %s hebben", "must have at least %d %s", k.Want, items)
	case *kind.MaxItems:
		p.Code = norm.CodeRange
		p.Message = count("mag hoogstens %d %s hebben", "must have at most %d %s", k.Want, items)
	case *kind.MinProperties:
		p.Code = norm.CodeRange
		p.Message = count("moet minstens %d %s hebben", "must have at least %d %s", k.Want, fields)
	case *kind.MaxProperties:
		p.Code = norm.CodeRange
		p.Message = count("mag hoogstens %d %s hebben", "must have at most %d %s", k.Want, fields)
	case *kind.Format:
		p.Code = norm.CodeFormat
		p.Message = formatMessage(k.Want)
	case *kind.Pattern:
		p.Code = norm.CodeFormat
		// A value that fails its pattern because it holds a control
		// character is told which one and where: that says more than the
		// pattern, whichever pattern it is (none of ours admits one).
		multi := k.Want == norm.TextPattern
		if r, pos, ok := norm.FirstRefused(k.Got, multi); ok {
			p.Message = norm.RefusedMessage(r, pos, multi)
			return p
		}
		// The pattern may hold characters a terminal acts on.
		want := norm.Printable(k.Want)
		p.Message = norm.Textf("heeft niet de vereiste vorm (%s)", "does not have the required form (%s)", want)
	case *kind.Enum:
		allowed := make([]string, len(k.Want))
		for i, w := range k.Want {
			allowed[i] = render(w)
		}
		return enumProblem(ptr, allowed)
	case *kind.Const:
		return enumProblem(ptr, []string{render(k.Want)})
	case *kind.UniqueItems:
		p.Code = norm.CodeDuplicate
		p.Pointer = norm.Pointer(append(norm.SplitPointer(ptr), fmt.Sprint(k.Duplicates[1]))...)
		p.Message = norm.Textf("dit element is gelijk aan element %d; elk element mag maar een keer voorkomen",
			"this item equals item %d; each item may occur only once", k.Duplicates[0])
	case *kind.FalseSchema:
		p.Message = norm.T("hier is geen waarde toegestaan", "no value is allowed here")
	case *kind.Not:
		p.Message = norm.T("deze waarde is hier uitdrukkelijk niet toegestaan", "this value is explicitly not allowed here")
	case *kind.PropertyNames:
		p.Code = norm.CodeUnknownField
		p.Pointer = norm.Pointer(append(norm.SplitPointer(ptr), k.Property)...)
		p.Message = norm.T("deze veldnaam is niet toegestaan", "this field name is not allowed")
	case *kind.Contains, *kind.MinContains, *kind.MaxContains:
		p.Message = norm.T("de lijst bevat niet de vereiste elementen", "the list does not contain the required items")
	default:
		p.Message = norm.T("de waarde voldoet niet aan het schema", "the value does not match the schema")
	}
	return p
}

// Nouns for count, singular and plural, Dutch and English.
var (
	chars  = [4]string{"teken", "tekens", "character", "characters"}
	items  = [4]string{"element", "elementen", "item", "items"}
	fields = [4]string{"veld", "velden", "field", "fields"}
)

// count formats a message about n things with the noun in the right
// number in both languages.
func count(nl, en string, n int, noun [4]string) norm.Text {
	if n == 1 {
		return norm.Text{NL: fmt.Sprintf(nl, n, noun[0]), EN: fmt.Sprintf(en, n, noun[2])}
	}
	return norm.Text{NL: fmt.Sprintf(nl, n, noun[1]), EN: fmt.Sprintf(en, n, noun[3])}
}

func formatMessage(format string) norm.Text {
	switch format {
	case "date":
		return norm.T("geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-31",
			"not a valid date; write YYYY-MM-DD, for example 2025-03-31")
	case "date-time":
		return norm.T("geen geldig tijdstip; schrijf bijvoorbeeld 2025-03-31T14:30:00+02:00",
			"not a valid date and time; write for example 2025-03-31T14:30:00+02:00")
	case "time":
		return norm.T("geen geldige tijd; schrijf bijvoorbeeld 14:30:00+02:00",
			"not a valid time; write for example 14:30:00+02:00")
	case "email":
		return norm.T("geen geldig e-mailadres", "not a valid e-mail address")
	case "uri":
		return norm.T("geen geldige URI", "not a valid URI")
	}
	return norm.Textf("heeft niet de vorm %q", "is not in the %q format", format)
}

var typeNames = map[string]norm.Text{
	"object":  norm.T("een object", "an object"),
	"array":   norm.T("een lijst", "an array"),
	"string":  norm.T("een tekst", "a string"),
	"number":  norm.T("een getal", "a number"),
	"integer": norm.T("een geheel getal", "an integer"),
	"boolean": norm.T("waar of onwaar", "true or false"),
	"null":    norm.T("null", "null"),
}

func typeName(t string, l norm.Lang) string {
	if n, ok := typeNames[t]; ok {
		return n.In(l)
	}
	return t
}

func typeList(ts []string, l norm.Lang) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = typeName(t, l)
	}
	or := " of "
	if l == norm.EN {
		or = " or "
	}
	return strings.Join(names, or)
}

// rat renders a schema bound without a trailing fraction when it is whole.
func rat(r *big.Rat) string {
	if r == nil {
		return "?"
	}
	if r.IsInt() {
		return r.Num().String()
	}
	s := r.FloatString(6)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// render shows an allowed value as JSON, cut short when long.
func render(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if len(b) > 60 {
		return string(b[:57]) + "..."
	}
	return string(b)
}

func tooLarge(max int64) norm.Problem {
	return norm.Problem{
		Code: norm.CodeTooLarge,
		Message: norm.Textf("het document is groter dan de toegestane %d bytes",
			"the document is larger than the allowed %d bytes", max),
	}
}
