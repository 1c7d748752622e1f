package form

import (
	"encoding"
	"encoding/base64"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/goedgesprek/goedgesprek/norm"
)

// The tree decoder fills a Go value from the tree that Parse built, the
// way encoding/json would fill it from the bytes (unknown fields refused).
// Decode uses it so that a document is parsed once: the schema and the Go
// value are both served from the one tree, and every value the Go type
// refuses is reported with its pointer, not just the first.
//
// It handles the types that the documents of this module use: structs
// without embedded fields or ",string" options, pointers, slices, arrays,
// maps with string, integer or TextUnmarshaler keys, the empty interface,
// the scalar kinds, and types with UnmarshalJSON or UnmarshalText. For any
// other type Decode falls back to encoding/json.

// treeField is a struct field as encoding/json names it.
type treeField struct {
	name    string
	index   int
	methods int // methodsOf the field's type
}

// treeType caches what the decoder needs to know about one type.
type treeType struct {
	fields []treeField    // struct fields
	byName map[string]int // struct field name -> index in fields
}

var (
	supportCache sync.Map // reflect.Type -> bool
	fieldCache   sync.Map // reflect.Type -> *treeType

	rawMessageType = reflect.TypeFor[json.RawMessage]()
	numberType     = reflect.TypeFor[json.Number]()
)

// treeSupported reports whether the tree decoder handles t and every type
// it reaches.
func treeSupported(t reflect.Type) bool {
	if ok, found := supportCache.Load(t); found {
		return ok.(bool)
	}
	ok := supported(t, map[reflect.Type]bool{})
	supportCache.Store(t, ok)
	return ok
}

func supported(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return true // recursive types: the other visit decides
	}
	seen[t] = true
	if t == rawMessageType || t == numberType {
		return false // their exact bytes or number form matter
	}
	if t.Name() != "" && t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		pt := reflect.PointerTo(t)
		if pt.Implements(jsonUnmarshalerType) || pt.Implements(textUnmarshalerType) {
			return true // a leaf: the type decodes itself
		}
	}
	switch t.Kind() {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	case reflect.Interface:
		return t.NumMethod() == 0
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return supported(t.Elem(), seen)
	case reflect.Map:
		k := t.Key()
		switch k.Kind() {
		case reflect.String,
			reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		default:
			if !reflect.PointerTo(k).Implements(textUnmarshalerType) {
				return false
			}
		}
		return supported(t.Elem(), seen)
	case reflect.Struct:
		tt, ok := structFields(t)
		if !ok {
			return false
		}
		for _, f := range tt.fields {
			if !supported(t.Field(f.index).Type, seen) {
				return false
			}
		}
		return true
	}
	return false
}

// structFields lists the fields of t that encoding/json decodes into. It
// refuses (false) structs whose naming needs encoding/json's full rules:
// embedded fields, ",string" options, or two fields with one name.
func structFields(t reflect.Type) (*treeType, bool) {
	if v, ok := fieldCache.Load(t); ok {
		tt := v.(*treeType)
		return tt, tt.byName != nil
	}
	tt := &treeType{}
	ok := true
	names := map[string]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous {
			ok = false
			break
		}
		if !f.IsExported() {
			continue
		}
		if slices.Contains(strings.Split(opts, ","), "string") {
			ok = false
			break
		}
		if name == "" || !validTag(name) {
			name = f.Name
		}
		if _, dup := names[name]; dup {
			ok = false
			break
		}
		names[name] = len(tt.fields)
		tt.fields = append(tt.fields, treeField{name: name, index: i, methods: methodsOf(f.Type)})
	}
	if ok {
		tt.byName = names
	}
	fieldCache.Store(t, tt)
	return tt, ok
}

// validTag mirrors encoding/json's check of a tag name: anything else
// makes encoding/json use the Go field name.
func validTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// Which of the two unmarshal interfaces a pointer to a named type has.
const (
	mJSON = 1 << iota
	mText
)

var methodCache sync.Map // reflect.Type -> int

// methodsOf says whether *t has UnmarshalJSON (mJSON) or UnmarshalText
// (mText), for named types; asking reflect for every value costs more
// than the rest of the decoding.
func methodsOf(t reflect.Type) int {
	if m, ok := methodCache.Load(t); ok {
		return m.(int)
	}
	m := 0
	if t.Name() != "" {
		pt := reflect.PointerTo(t)
		if pt.Implements(jsonUnmarshalerType) {
			m |= mJSON
		}
		if pt.Implements(textUnmarshalerType) {
			m |= mText
		}
	}
	methodCache.Store(t, m)
	return m
}

// treeDecoder fills values and collects problems.
type treeDecoder struct {
	probs norm.Problems // past norm.MaxProblems only counted
	path  []string
	buf   []byte // the JSON of a value for its UnmarshalJSON
}

func (d *treeDecoder) problem(p norm.Problem) { d.probs.Add(p) }

func (d *treeDecoder) pointer() string { return norm.Pointer(d.path...) }

func (d *treeDecoder) typeErr(want string, v any) {
	got := jsonTypeOf(v)
	d.problem(norm.Problem{Pointer: d.pointer(), Code: norm.CodeType, Message: norm.Text{
		NL: "verwacht " + typeName(want, norm.NL) + ", maar dit is " + typeName(got, norm.NL),
		EN: "expected " + typeName(want, norm.EN) + ", but this is " + typeName(got, norm.EN),
	}})
}

// value fills the settable rv from the tree value v.
func (d *treeDecoder) value(v any, rv reflect.Value) { d.valueOf(v, rv, methodsOf(rv.Type())) }

// valueOf is value with methodsOf(rv.Type()) known: struct fields,
// elements and map values look it up once per field or container.
func (d *treeDecoder) valueOf(v any, rv reflect.Value, m int) {
	t := rv.Type()
	if v == nil {
		d.null(rv)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			rv.Set(reflect.New(t.Elem()))
		}
		d.value(v, rv.Elem())
		return
	case reflect.Interface:
		rv.Set(reflect.ValueOf(plainValue(v)))
		return
	}
	if m != 0 {
		if m&mJSON != 0 {
			// UnmarshalJSON must not keep its argument (json.Unmarshaler's
			// contract), so one buffer serves every call.
			d.buf = appendTree(d.buf[:0], v)
			if err := rv.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(d.buf); err != nil {
				d.problem(errProblem(d.pointer(), err))
			}
			return
		}
		if m&mText != 0 {
			s, ok := v.(string)
			if !ok {
				d.typeErr("string", v)
				return
			}
			if err := rv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
				d.problem(errProblem(d.pointer(), err))
			}
			return
		}
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			d.typeErr("object", v)
			return
		}
		d.object(m, rv)
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			d.typeErr("object", v)
			return
		}
		d.mapValue(m, rv)
	case reflect.Slice:
		if s, ok := v.(string); ok && t.Elem().Kind() == reflect.Uint8 {
			b := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
			n, err := base64.StdEncoding.Decode(b, []byte(s))
			if err != nil {
				d.problem(norm.Problem{Pointer: d.pointer(), Code: norm.CodeFormat, Message: norm.T("geen geldige base64-tekst", "not valid base64 text")})
				return
			}
			rv.SetBytes(b[:n])
			return
		}
		a, ok := v.([]any)
		if !ok {
			d.typeErr("array", v)
			return
		}
		s := reflect.MakeSlice(t, len(a), len(a))
		d.elements(a, s)
		rv.Set(s)
	case reflect.Array:
		a, ok := v.([]any)
		if !ok {
			d.typeErr("array", v)
			return
		}
		if len(a) > rv.Len() {
			a = a[:rv.Len()]
		}
		d.elements(a, rv)
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			d.typeErr("string", v)
			return
		}
		rv.SetString(s)
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			d.typeErr("boolean", v)
			return
		}
		rv.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			d.typeErr("integer", v)
			return
		}
		i, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil || rv.OverflowInt(i) {
			d.numErr(err, "integer", v)
			return
		}
		rv.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, ok := v.(json.Number)
		if !ok {
			d.typeErr("integer", v)
			return
		}
		u, err := strconv.ParseUint(string(n), 10, 64)
		if err != nil || rv.OverflowUint(u) {
			if strings.HasPrefix(string(n), "-") {
				d.problem(norm.Problem{Pointer: d.pointer(), Code: norm.CodeRange, Message: norm.T("mag niet negatief zijn", "must not be negative")})
				return
			}
			d.numErr(err, "integer", v)
			return
		}
		rv.SetUint(u)
	case reflect.Float32, reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			d.typeErr("number", v)
			return
		}
		f, err := strconv.ParseFloat(string(n), t.Bits())
		if err != nil || rv.OverflowFloat(f) {
			d.numErr(err, "number", v)
			return
		}
		rv.SetFloat(f)
	}
}

// numErr reports a number the Go type cannot hold: out of range when it
// is too large (or err is nil: overflow of a narrower type), of the wrong
// type when it has a fraction or an exponent where an integer belongs.
func (d *treeDecoder) numErr(err error, want string, v any) {
	if err == nil || errors.Is(err, strconv.ErrRange) {
		d.problem(norm.Problem{Pointer: d.pointer(), Code: norm.CodeRange, Message: norm.T(
			"het getal is te groot of te klein voor dit veld", "the number is too large or too small for this field")})
		return
	}
	d.typeErr(want, v)
}

// null applies JSON null the way encoding/json does: it clears pointers,
// maps, slices and interfaces, is passed to UnmarshalJSON, and leaves
// everything else as it is.
func (d *treeDecoder) null(rv reflect.Value) {
	t := rv.Type()
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface:
		rv.SetZero()
		return
	}
	if methodsOf(t)&mJSON != 0 {
		if err := rv.Addr().Interface().(json.Unmarshaler).UnmarshalJSON([]byte("null")); err != nil {
			d.problem(errProblem(d.pointer(), err))
		}
		return
	}
	switch t.Kind() {
	case reflect.Map, reflect.Slice:
		rv.SetZero()
	}
}

func (d *treeDecoder) elements(a []any, rv reflect.Value) {
	n := len(d.path)
	d.path = append(d.path, "")
	m := methodsOf(rv.Type().Elem())
	for i, e := range a {
		d.path[n] = strconv.Itoa(i)
		d.valueOf(e, rv.Index(i), m)
	}
	d.path = d.path[:n]
}

func (d *treeDecoder) object(m map[string]any, rv reflect.Value) {
	tt, _ := structFields(rv.Type())
	n := len(d.path)
	d.path = append(d.path, "")
	var seen uint64    // fields set so far, to catch two keys that differ only in case
	var seenMore []int // the same past the 64th field
	for k, e := range m {
		d.path[n] = k
		i, ok := tt.byName[k]
		if !ok {
			i = -1
			for j, f := range tt.fields {
				if strings.EqualFold(f.name, k) {
					i = j
					break
				}
			}
		}
		if i < 0 {
			d.problem(norm.Problem{Pointer: d.pointer(), Code: norm.CodeUnknownField,
				Message: norm.T("dit veld is hier niet toegestaan", "this field is not allowed here")})
			continue
		}
		if (i < 64 && seen&(1<<i) != 0) || (i >= 64 && slices.Contains(seenMore, i)) {
			d.problem(norm.Problem{Pointer: norm.Pointer(append(d.path[:n:n], tt.fields[i].name)...), Code: norm.CodeDuplicateKey,
				Message: norm.T("dit veld staat meer dan eens in het object (met andere hoofdletters)",
					"this field occurs more than once in the object (in different case)")})
			continue
		}
		if i < 64 {
			seen |= 1 << i
		} else {
			seenMore = append(seenMore, i)
		}
		d.valueOf(e, rv.Field(tt.fields[i].index), tt.fields[i].methods)
	}
	d.path = d.path[:n]
}

func (d *treeDecoder) mapValue(m map[string]any, rv reflect.Value) {
	t := rv.Type()
	kt, et := t.Key(), t.Elem()
	out := reflect.MakeMapWithSize(t, len(m))
	n := len(d.path)
	d.path = append(d.path, "")
	// One key and one element serve every entry: SetMapIndex copies them.
	kv, ev := reflect.New(kt).Elem(), reflect.New(et).Elem()
	textKey, em := methodsOf(kt)&mText != 0, methodsOf(et)
	for k, e := range m {
		d.path[n] = k
		kv.SetZero()
		if textKey {
			if err := kv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(k)); err != nil {
				d.problem(errProblem(d.pointer(), err))
				continue
			}
		} else {
			switch kt.Kind() {
			case reflect.String:
				kv.SetString(k)
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				i, err := strconv.ParseInt(k, 10, 64)
				if err != nil || kv.OverflowInt(i) {
					d.problem(norm.Problem{Pointer: d.pointer(), Code: norm.CodeType, Message: norm.T(
						"deze sleutel moet een geheel getal zijn", "this key must be a whole number")})
					continue
				}
				kv.SetInt(i)
			default:
				u, err := strconv.ParseUint(k, 10, 64)
				if err != nil || kv.OverflowUint(u) {
					d.problem(norm.Problem{Pointer: d.pointer(), Code: norm.CodeType, Message: norm.T(
						"deze sleutel moet een geheel getal zijn", "this key must be a whole number")})
					continue
				}
				kv.SetUint(u)
			}
		}
		ev.SetZero()
		d.valueOf(e, ev, em)
		out.SetMapIndex(kv, ev)
	}
	d.path = d.path[:n]
	rv.Set(out)
}

// plainValue is what encoding/json stores in an empty interface: numbers
// as float64 rather than json.Number.
func plainValue(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, _ := strconv.ParseFloat(string(x), 64) // Read refused what does not fit
		return f
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = plainValue(e)
		}
		return m
	case []any:
		a := make([]any, len(x))
		for i, e := range x {
			a[i] = plainValue(e)
		}
		return a
	}
	return v
}

// appendTree writes a tree value back as JSON for an UnmarshalJSON method
// (keys sorted; the same value as the input, not the same bytes).
func appendTree(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, x)
	case json.Number:
		return append(b, x...)
	case string:
		return appendString(b, x)
	case []any:
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendTree(b, e)
		}
		return append(b, ']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			b = appendTree(b, x[k])
		}
		return append(b, '}')
	}
	return append(b, "null"...)
}
