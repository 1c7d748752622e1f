package form

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"github.com/invopop/jsonschema"

	"github.com/goedgesprek/goedgesprek/norm"
)

// ReflectOption changes how [Reflect] and [ReflectSchema] emit a schema.
type ReflectOption func(*reflectConfig)

type reflectConfig struct {
	lang    norm.Lang
	enums   map[reflect.Type]func(norm.Lang) *jsonschema.Schema
	mappers []func(reflect.Type) *Schema
	inline  bool
}

// Lang sets the language of the labels of enumerations registered with
// [EnumLabels] (Dutch by default).
func Lang(l norm.Lang) ReflectOption {
	return func(c *reflectConfig) { c.lang = l }
}

// Enum registers the allowed values of a string enumeration: every field
// of type T (or *T) becomes {"type": "string", "enum": [...]}, in the
// order given.
func Enum[T ~string](values []T) ReflectOption {
	vals := append([]T(nil), values...)
	return func(c *reflectConfig) {
		c.enums[reflect.TypeFor[T]()] = func(norm.Lang) *jsonschema.Schema {
			s := &jsonschema.Schema{Type: "string", Enum: make([]any, len(vals))}
			for i, v := range vals {
				s.Enum[i] = string(v)
			}
			return s
		}
	}
}

// EnumLabels registers an enumeration with a readable label per value:
// fields of type T become {"type": "string", "oneOf": [{"const": v,
// "title": label}]}, the form renderers' way to show labels, in the
// language set with [Lang].
func EnumLabels[T ~string](values []T, label func(T) norm.Text) ReflectOption {
	vals := append([]T(nil), values...)
	return func(c *reflectConfig) {
		c.enums[reflect.TypeFor[T]()] = func(l norm.Lang) *jsonschema.Schema {
			s := &jsonschema.Schema{Type: "string", OneOf: make([]*jsonschema.Schema, len(vals))}
			for i, v := range vals {
				s.OneOf[i] = &jsonschema.Schema{Const: string(v), Title: label(v).In(l)}
			}
			return s
		}
	}
}

// Mapper adds a custom mapping from Go types to schemas, consulted before
// the house mappings; it returns nil for types it leaves alone.
func Mapper(f func(reflect.Type) *Schema) ReflectOption {
	return func(c *reflectConfig) { c.mappers = append(c.mappers, f) }
}

// Inline writes nested struct types in place instead of as references to
// $defs: a schema a form renderer can walk without resolving anything.
func Inline() ReflectOption {
	return func(c *reflectConfig) { c.inline = true }
}

var (
	dateType          = reflect.TypeFor[norm.Date]()
	timeType          = reflect.TypeFor[time.Time]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	customSchemaType  = reflect.TypeFor[interface{ JSONSchema() *jsonschema.Schema }]()
)

// ReflectSchema emits the 2020-12 schema of the Go type of v with the
// house settings, as a tree to adjust before [Marshal]:
//   - "additionalProperties": false on every struct;
//   - a property is required unless its json tag has omitempty or omitzero;
//   - [norm.Date] is {"type": "string", "format": "date"} and time.Time
//     {"type": "string", "format": "date-time"};
//   - enumerations registered with [Enum] or [EnumLabels] list their
//     values; other types with a MarshalText method are strings, and
//     types with their own MarshalJSON accept any value (refine them with
//     [Mapper]);
//   - the root is the type itself (not a $ref), with "$id" set to id;
//     nested struct types go under "$defs", named after the type, with the
//     package name added when two packages use the same type name.
//
// Constraints from `jsonschema:"minimum=0,maximum=100"` struct tags are
// honoured (see github.com/invopop/jsonschema).
func ReflectSchema(v any, id string, opts ...ReflectOption) (s *Schema, err error) {
	cfg := reflectConfig{lang: norm.NL, enums: map[reflect.Type]func(norm.Lang) *jsonschema.Schema{}}
	for _, o := range opts {
		o(&cfg)
	}
	names := map[string]reflect.Type{}
	r := &jsonschema.Reflector{
		Anonymous:      true,
		ExpandedStruct: true,
		Mapper: func(t reflect.Type) *jsonschema.Schema {
			for _, m := range cfg.mappers {
				if s := m(t); s != nil {
					out, err := toInvopop(s)
					if err != nil {
						panic(err) // recovered below
					}
					return out
				}
			}
			if f, ok := cfg.enums[t]; ok {
				return f(cfg.lang)
			}
			switch {
			case t == dateType:
				return &jsonschema.Schema{Type: "string", Format: "date"}
			case t == timeType:
				return &jsonschema.Schema{Type: "string", Format: "date-time"}
			case t.Implements(customSchemaType) || reflect.PointerTo(t).Implements(customSchemaType):
				return nil
			case t.Implements(textMarshalerType):
				return &jsonschema.Schema{Type: "string"}
			case t.Implements(jsonMarshalerType):
				// Its own JSON: the shape is unknown here, so any value
				// (refine it with Mapper or a JSONSchema method).
				return &jsonschema.Schema{}
			}
			return nil
		},
		Namer: func(t reflect.Type) string {
			name := t.Name()
			if prev, ok := names[name]; ok && prev != t {
				return qualifiedName(t)
			}
			names[name] = t
			return name
		},
	}
	r.DoNotReference = cfg.inline
	defer func() {
		if p := recover(); p != nil {
			s, err = nil, fmt.Errorf("form.Reflect: %v", p)
		}
	}()
	rs := r.Reflect(v)
	rs.ID = jsonschema.ID(id)
	rs.Version = Draft2020URL
	return fromInvopop(rs)
}

// qualifiedName is "PkgType" for a type whose plain name is taken.
func qualifiedName(t reflect.Type) string {
	pkg := t.PkgPath()
	for i := len(pkg) - 1; i >= 0; i-- {
		if pkg[i] == '/' {
			pkg = pkg[i+1:]
			break
		}
	}
	if pkg == "" {
		return t.Name()
	}
	return upperFirst(pkg) + t.Name()
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// Reflect is [ReflectSchema] followed by [Marshal]: the schema bytes,
// 2020-12, indented.
func Reflect(v any, id string, opts ...ReflectOption) ([]byte, error) {
	s, err := ReflectSchema(v, id, opts...)
	if err != nil {
		return nil, err
	}
	return Marshal(s)
}

// Marshal writes a schema as indented JSON with the key order of
// the tree kept and without HTML escaping ("&" stays "&").
func Marshal(s *Schema) ([]byte, error) {
	b, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("form.Marshal: %w", err)
	}
	tree, err := decodeOrdered(b)
	if err != nil {
		return nil, fmt.Errorf("form.Marshal: %w", err)
	}
	return encodeOrdered(tree)
}
