package form

import (
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Decode reads one JSON document from r within lim, validates it against
// v and decodes it into dst, which must be a non-nil pointer. It returns
// every problem found, or nil on success.
//
// The steps are [Read]'s checks, the schema (skipped when v is nil) and
// the Go value, decoded with encoding/json's rules and unknown fields
// refused. The document is parsed once: the schema checks the parsed
// tree and the Go value is filled from it. The types a document can be
// decoded into are structs without embedded fields or ",string" options,
// pointers, slices, arrays, maps, the empty interface, scalars and types
// with UnmarshalJSON or UnmarshalText; any other destination is refused
// with one [norm.CodeSchema] problem naming the type (a mistake of the
// program, found by its first test). Two keys of one object that name the
// same field in different case are refused as [norm.CodeDuplicateKey],
// where encoding/json would keep the last. Values that pass the schema
// but that the Go type refuses (an UnmarshalText or UnmarshalJSON error,
// such as 2025-02-30 for a [norm.Date]) become problems with the pointer
// of the value: [norm.CodeDate] for a *[norm.DateError], [norm.CodeEnum]
// for a *[norm.CodeError].
//
// Nothing is half-decoded: the document is decoded into a fresh value of
// dst's type, and dst is overwritten only when there are no problems.
func Decode(r io.Reader, v *Validator, dst any, lim Limits) []norm.Problem {
	_, probs := DecodeTree(r, v, dst, lim)
	return probs
}

// DecodeBytes is [Decode] for a document already in memory; the size
// limit applies to len(doc).
func DecodeBytes(doc []byte, v *Validator, dst any, lim Limits) []norm.Problem {
	rv, probs := destination(dst)
	if probs != nil {
		return probs
	}
	if int64(len(doc)) > lim.maxBytes() {
		return []norm.Problem{tooLarge(lim.maxBytes())}
	}
	_, probs = decodeBytes(doc, v, rv, lim)
	return probs
}

// DecodeTree is [Decode] that also returns the tree it parsed (see
// [Parse]), whether the schema and the Go type accepted it or not; the
// tree is nil only when the bytes were refused before they parsed. A
// decoder runs its own checks, the ones no schema can express, on that
// tree when the schema refused the document, so that one round of
// corrections suffices, without reading the document a second time.
func DecodeTree(r io.Reader, v *Validator, dst any, lim Limits) (any, []norm.Problem) {
	rv, probs := destination(dst)
	if probs != nil {
		return nil, probs
	}
	buf, probs := readLimited(r, lim)
	if probs != nil {
		return nil, probs
	}
	return decodeBytes(buf, v, rv, lim)
}

func destination(dst any) (reflect.Value, []norm.Problem) {
	rv := reflect.ValueOf(dst)
	if !rv.IsValid() || rv.Kind() != reflect.Pointer || rv.IsNil() {
		return rv, []norm.Problem{{Code: norm.CodeSchema, Message: norm.Textf(
			"form.Decode kreeg geen pointer om in te decoderen maar %T", "form.Decode needs a non-nil pointer to decode into, not %T", dst)}}
	}
	if t := rv.Type().Elem(); !treeSupported(t) {
		return rv, []norm.Problem{{Code: norm.CodeSchema, Message: norm.Textf(
			"form.Decode kan niet decoderen in %v (ingebedde velden, de optie \",string\", json.RawMessage of json.Number)",
			"form.Decode cannot decode into %v (embedded fields, the \",string\" option, json.RawMessage or json.Number)", t)}}
	}
	return rv, nil
}

func decodeBytes(buf []byte, v *Validator, rv reflect.Value, lim Limits) (any, []norm.Problem) {
	tree, probs := parseTree(buf, lim)
	if probs != nil {
		return nil, probs
	}
	if v != nil {
		if probs := v.ValidateValue(tree); probs != nil {
			return tree, probs
		}
	}
	fresh := reflect.New(rv.Type().Elem())
	d := treeDecoder{}
	d.value(tree, fresh.Elem())
	if d.probs.Len() > 0 {
		return tree, finish(d.probs.List())
	}
	rv.Elem().Set(fresh.Elem())
	return tree, nil
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

// jsonTypeOf names the JSON type of a tree value.
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
