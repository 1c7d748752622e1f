package form

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Decode reads one JSON document from r within lim, validates it against
// v and decodes it into dst, which must be a non-nil pointer. It returns
// every problem found, or nil on success.
//
// The steps are [Read]'s checks, the schema (skipped when v is nil) and
// the Go value, decoded with encoding/json's rules and unknown fields
// refused. The document is parsed once: for the types documents use
// (structs without embedded fields or ",string" options, pointers,
// slices, arrays, maps, the empty interface, scalars and types with
// UnmarshalJSON or UnmarshalText) the value is filled from the tree the
// schema validated; other types go through encoding/json. Two keys of one
// object that name the same field in different case are refused as
// [norm.CodeDuplicateKey], where encoding/json would keep the last. Values that pass the
// schema but that the Go type refuses (an UnmarshalText or UnmarshalJSON
// error, such as 2025-02-30 for a [norm.Date]) become problems with the
// pointer of the value: [norm.CodeDate] for a *[norm.DateError],
// [norm.CodeEnum] for a *[norm.CodeError].
//
// Nothing is half-decoded: the document is decoded into a fresh value of
// dst's type, and dst is overwritten only when there are no problems.
func Decode(r io.Reader, v *Validator, dst any, lim Limits) []norm.Problem {
	rv := reflect.ValueOf(dst)
	if !rv.IsValid() || rv.Kind() != reflect.Pointer || rv.IsNil() {
		return []norm.Problem{{Code: norm.CodeSchema, Message: norm.Textf(
			"form.Decode kreeg geen pointer om in te decoderen maar %T", "form.Decode needs a non-nil pointer to decode into, not %T", dst)}}
	}
	buf, probs := readLimited(r, lim)
	if probs != nil {
		return probs
	}
	return decodeBytes(buf, v, rv, lim)
}

// DecodeBytes is [Decode] for a document already in memory; the size
// limit applies to len(doc).
func DecodeBytes(doc []byte, v *Validator, dst any, lim Limits) []norm.Problem {
	rv := reflect.ValueOf(dst)
	if !rv.IsValid() || rv.Kind() != reflect.Pointer || rv.IsNil() {
		return []norm.Problem{{Code: norm.CodeSchema, Message: norm.Textf(
			"form.DecodeBytes kreeg geen pointer om in te decoderen maar %T", "form.DecodeBytes needs a non-nil pointer to decode into, not %T", dst)}}
	}
	if int64(len(doc)) > lim.maxBytes() {
		return []norm.Problem{tooLarge(lim.maxBytes())}
	}
	return decodeBytes(doc, v, rv, lim)
}

func decodeBytes(buf []byte, v *Validator, rv reflect.Value, lim Limits) []norm.Problem {
	t := rv.Type().Elem()
	direct := treeSupported(t)
	var tree any
	if v != nil || direct {
		var probs []norm.Problem
		tree, probs = parseTree(buf, lim)
		if probs != nil {
			return probs
		}
		if v != nil {
			if probs := v.ValidateValue(tree); probs != nil {
				return probs
			}
		}
	} else {
		p := newParser(buf, lim, false)
		p.document()
		if len(p.probs) > 0 {
			return finish(p.probs)
		}
	}
	fresh := reflect.New(t)
	if direct {
		// One parse serves the schema and the Go value.
		d := treeDecoder{}
		d.value(tree, fresh.Elem())
		if len(d.probs) > 0 {
			if d.more > 0 {
				d.probs = append(d.probs, norm.MoreProblems(d.more))
			}
			return finish(d.probs)
		}
		rv.Elem().Set(fresh.Elem())
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(buf))
	dec.DisallowUnknownFields()
	if err := dec.Decode(fresh.Interface()); err != nil {
		if tree == nil {
			tree, _ = parseTree(buf, Limits{MaxBytes: int64(len(buf)) + 1, MaxDepth: lim.maxDepth()})
		}
		return decodeProblems(err, tree, t)
	}
	rv.Elem().Set(fresh.Elem())
	return nil
}

// decodeProblems explains an encoding/json failure. encoding/json stops at
// the first error and does not say where an UnmarshalText error happened,
// so the parsed tree is walked against the Go type to find every value the
// type refuses, with its pointer.
func decodeProblems(err error, tree any, t reflect.Type) []norm.Problem {
	var probs []norm.Problem
	w := walker{out: &probs}
	w.check(tree, t, nil)
	if len(probs) > 0 {
		return finish(probs)
	}
	// The walk found nothing: report what encoding/json said.
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		var toks []string
		if te.Field != "" {
			toks = strings.Split(te.Field, ".")
		}
		return []norm.Problem{{Pointer: norm.Pointer(toks...), Code: norm.CodeType, Message: norm.Textf(
			"deze waarde heeft het verkeerde type (%s)", "this value has the wrong type (%s)", te.Value)}}
	}
	return []norm.Problem{errProblem("", err)}
}

// errProblem turns the error of an Unmarshal method into a problem.
func errProblem(ptr string, err error) norm.Problem {
	var de *norm.DateError
	if errors.As(err, &de) {
		return norm.Problem{Pointer: ptr, Code: norm.CodeDate, Message: norm.Textf(
			"%s is geen bestaande datum (JJJJ-MM-DD)", "%s is not an existing date (YYYY-MM-DD)", shortQuote(de.Value))}
	}
	var ce *norm.CodeError
	if errors.As(err, &ce) {
		return norm.Problem{Pointer: ptr, Code: norm.CodeEnum, Message: ce.Message()}
	}
	var m interface{ Message() norm.Text }
	if errors.As(err, &m) {
		return norm.Problem{Pointer: ptr, Code: norm.CodeSchema, Message: m.Message()}
	}
	return norm.Problem{Pointer: ptr, Code: norm.CodeSchema, Message: norm.Textf(
		"deze waarde wordt niet geaccepteerd: %v", "this value is not accepted: %v", err)}
}

func shortQuote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return strconv.Quote(s)
}

var (
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// walker mirrors encoding/json's rules closely enough to find the values
// a Go type refuses.
type walker struct {
	out *[]norm.Problem
}

func (w walker) add(path []string, code norm.ProblemCode, msg norm.Text) {
	*w.out = append(*w.out, norm.Problem{Pointer: norm.Pointer(path...), Code: code, Message: msg})
}

func (w walker) typeErr(path []string, want string, v any) {
	got := jsonTypeOf(v)
	w.add(path, norm.CodeType, norm.Text{
		NL: fmt.Sprintf("verwacht %s, maar dit is %s", typeName(want, norm.NL), typeName(got, norm.NL)),
		EN: fmt.Sprintf("expected %s, but this is %s", typeName(want, norm.EN), typeName(got, norm.EN)),
	})
}

func jsonTypeOf(v any) string {
	switch v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case json.Number, float64:
		return "number"
	case bool:
		return "boolean"
	}
	return "null"
}

func (w walker) check(v any, t reflect.Type, path []string) {
	if v == nil {
		return // null leaves any Go value as it is
	}
	for t.Kind() == reflect.Pointer {
		if t.Implements(jsonUnmarshalerType) || t.Implements(textUnmarshalerType) {
			break
		}
		t = t.Elem()
	}
	pt := t
	if t.Kind() != reflect.Pointer {
		pt = reflect.PointerTo(t)
	}
	if pt.Implements(jsonUnmarshalerType) {
		raw, err := json.Marshal(v)
		if err == nil {
			nv := reflect.New(pt.Elem())
			err = nv.Interface().(json.Unmarshaler).UnmarshalJSON(raw)
		}
		if err != nil {
			*w.out = append(*w.out, errProblem(norm.Pointer(path...), err))
		}
		return
	}
	if pt.Implements(textUnmarshalerType) {
		s, ok := v.(string)
		if !ok {
			if _, isObj := v.(map[string]any); !isObj || t.Kind() != reflect.Struct {
				w.typeErr(path, "string", v)
				return
			}
		} else {
			nv := reflect.New(pt.Elem())
			if err := nv.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
				*w.out = append(*w.out, errProblem(norm.Pointer(path...), err))
			}
			return
		}
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			w.typeErr(path, "object", v)
			return
		}
		fields := jsonFields(t)
		for k, ev := range m {
			f, ok := lookupField(fields, k)
			if !ok {
				w.add(append(path[:len(path):len(path)], k), norm.CodeUnknownField,
					norm.T("dit veld is hier niet toegestaan", "this field is not allowed here"))
				continue
			}
			if f.quoted {
				continue
			}
			w.check(ev, f.typ, append(path[:len(path):len(path)], k))
		}
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			w.typeErr(path, "object", v)
			return
		}
		kt := t.Key()
		for k, ev := range m {
			kp := append(path[:len(path):len(path)], k)
			if err := checkKey(k, kt); err != nil {
				*w.out = append(*w.out, errProblem(norm.Pointer(kp...), err))
				continue
			}
			w.check(ev, t.Elem(), kp)
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 && !reflect.PointerTo(t.Elem()).Implements(textUnmarshalerType) && !reflect.PointerTo(t.Elem()).Implements(jsonUnmarshalerType) {
			s, ok := v.(string)
			if !ok {
				w.typeErr(path, "string", v)
				return
			}
			if _, err := base64.StdEncoding.DecodeString(s); err != nil {
				w.add(path, norm.CodeFormat, norm.T("geen geldige base64-tekst", "not valid base64 text"))
			}
			return
		}
		fallthrough
	case reflect.Array:
		a, ok := v.([]any)
		if !ok {
			w.typeErr(path, "array", v)
			return
		}
		for i, ev := range a {
			if t.Kind() == reflect.Array && i >= t.Len() {
				break
			}
			w.check(ev, t.Elem(), append(path[:len(path):len(path)], strconv.Itoa(i)))
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			w.typeErr(path, "string", v)
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			w.typeErr(path, "boolean", v)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			w.typeErr(path, "integer", v)
			return
		}
		if _, err := strconv.ParseInt(string(n), 10, t.Bits()); err != nil {
			w.numErr(path, err, "integer", v)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, ok := v.(json.Number)
		if !ok {
			w.typeErr(path, "integer", v)
			return
		}
		if _, err := strconv.ParseUint(string(n), 10, t.Bits()); err != nil {
			if strings.HasPrefix(string(n), "-") {
				w.add(path, norm.CodeRange, norm.T("mag niet negatief zijn", "must not be negative"))
				return
			}
			w.numErr(path, err, "integer", v)
		}
	case reflect.Float32, reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			w.typeErr(path, "number", v)
			return
		}
		if _, err := strconv.ParseFloat(string(n), t.Bits()); err != nil {
			w.numErr(path, err, "number", v)
		}
	}
}

func (w walker) numErr(path []string, err error, want string, v any) {
	if errors.Is(err, strconv.ErrRange) {
		w.add(path, norm.CodeRange, norm.T("het getal is te groot of te klein voor dit veld", "the number is too large or too small for this field"))
		return
	}
	w.typeErr(path, want, v)
}

// checkKey reports whether encoding/json can turn k into a map key of
// type kt.
func checkKey(k string, kt reflect.Type) error {
	if reflect.PointerTo(kt).Implements(textUnmarshalerType) {
		return reflect.New(kt).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(k))
	}
	switch kt.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		_, err := strconv.ParseInt(k, 10, kt.Bits())
		return err
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		_, err := strconv.ParseUint(k, 10, kt.Bits())
		return err
	}
	return nil
}

type jsonField struct {
	name   string
	typ    reflect.Type
	quoted bool // the ",string" option: left to encoding/json
}

// jsonFields lists the fields encoding/json decodes into, with their
// names; promoted fields of embedded structs are included.
func jsonFields(t reflect.Type) []jsonField {
	var out []jsonField
	for _, f := range reflect.VisibleFields(t) {
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				continue // its fields are promoted
			}
		}
		if !f.IsExported() && !f.Anonymous {
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, jsonField{name: name, typ: f.Type, quoted: strings.Contains(","+opts+",", ",string,")})
	}
	return out
}

// lookupField finds a field the way encoding/json does: an exact match
// first, then a case-insensitive one.
func lookupField(fields []jsonField, k string) (jsonField, bool) {
	for _, f := range fields {
		if f.name == k {
			return f, true
		}
	}
	for _, f := range fields {
		if strings.EqualFold(f.name, k) {
			return f, true
		}
	}
	return jsonField{}, false
}
