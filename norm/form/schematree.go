package form

import (
	"bytes"
	"encoding/json"
	"fmt"
	"iter"
	"reflect"

	"github.com/invopop/jsonschema"
)

// Schema is a JSON Schema (2020-12) as a tree to adjust: [ReflectSchema]
// builds one from a Go type, a package's schema function sets titles,
// bounds and choices on it, and [Marshal] writes it. Its fields are the
// keywords of the specification, named as in github.com/invopop/jsonschema,
// which does the reflection underneath; that library's types stay out of
// this package's API, so that it can be replaced without changing the
// callers.
type Schema struct {
	Version     string             `json:"$schema,omitempty"`
	ID          string             `json:"$id,omitempty"`
	Anchor      string             `json:"$anchor,omitempty"`
	Ref         string             `json:"$ref,omitempty"`
	DynamicRef  string             `json:"$dynamicRef,omitempty"`
	Definitions map[string]*Schema `json:"$defs,omitempty"`
	Comments    string             `json:"$comment,omitempty"`

	AllOf []*Schema `json:"allOf,omitempty"`
	AnyOf []*Schema `json:"anyOf,omitempty"`
	OneOf []*Schema `json:"oneOf,omitempty"`
	Not   *Schema   `json:"not,omitempty"`

	If               *Schema            `json:"if,omitempty"`
	Then             *Schema            `json:"then,omitempty"`
	Else             *Schema            `json:"else,omitempty"`
	DependentSchemas map[string]*Schema `json:"dependentSchemas,omitempty"`

	PrefixItems []*Schema `json:"prefixItems,omitempty"`
	Items       *Schema   `json:"items,omitempty"`
	Contains    *Schema   `json:"contains,omitempty"`

	Properties           *Properties        `json:"properties,omitempty"`
	PatternProperties    map[string]*Schema `json:"patternProperties,omitempty"`
	AdditionalProperties *Schema            `json:"additionalProperties,omitempty"`
	PropertyNames        *Schema            `json:"propertyNames,omitempty"`

	Type              string              `json:"type,omitempty"`
	Enum              []any               `json:"enum,omitempty"`
	Const             any                 `json:"const,omitempty"`
	MultipleOf        json.Number         `json:"multipleOf,omitempty"`
	Maximum           json.Number         `json:"maximum,omitempty"`
	ExclusiveMaximum  json.Number         `json:"exclusiveMaximum,omitempty"`
	Minimum           json.Number         `json:"minimum,omitempty"`
	ExclusiveMinimum  json.Number         `json:"exclusiveMinimum,omitempty"`
	MaxLength         *uint64             `json:"maxLength,omitempty"`
	MinLength         *uint64             `json:"minLength,omitempty"`
	Pattern           string              `json:"pattern,omitempty"`
	MaxItems          *uint64             `json:"maxItems,omitempty"`
	MinItems          *uint64             `json:"minItems,omitempty"`
	UniqueItems       bool                `json:"uniqueItems,omitempty"`
	MaxContains       *uint64             `json:"maxContains,omitempty"`
	MinContains       *uint64             `json:"minContains,omitempty"`
	MaxProperties     *uint64             `json:"maxProperties,omitempty"`
	MinProperties     *uint64             `json:"minProperties,omitempty"`
	Required          []string            `json:"required,omitempty"`
	DependentRequired map[string][]string `json:"dependentRequired,omitempty"`

	Format string `json:"format,omitempty"`

	ContentEncoding  string  `json:"contentEncoding,omitempty"`
	ContentMediaType string  `json:"contentMediaType,omitempty"`
	ContentSchema    *Schema `json:"contentSchema,omitempty"`

	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	Default     any    `json:"default,omitempty"`
	Deprecated  bool   `json:"deprecated,omitempty"`
	ReadOnly    bool   `json:"readOnly,omitempty"`
	WriteOnly   bool   `json:"writeOnly,omitempty"`
	Examples    []any  `json:"examples,omitempty"`

	boolean *bool // the schema false (the empty schema is true)
}

// False returns the schema false, which no value passes (as in
// "additionalProperties": false).
func False() *Schema { return &Schema{boolean: new(false)} }

// MarshalJSON writes the schema; False() is written as false and an
// empty schema as true.
func (s *Schema) MarshalJSON() ([]byte, error) {
	if s.boolean != nil {
		return json.Marshal(*s.boolean)
	}
	if reflect.DeepEqual(&Schema{}, s) {
		return []byte("true"), nil
	}
	type plain Schema
	return json.Marshal((*plain)(s))
}

// UnmarshalJSON reads a schema object or boolean.
func (s *Schema) UnmarshalJSON(b []byte) error {
	switch string(bytes.TrimSpace(b)) {
	case "true":
		*s = Schema{} // written as true, and open to adjusting
		return nil
	case "false":
		*s = Schema{boolean: new(false)}
		return nil
	}
	type plain Schema
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	d.DisallowUnknownFields()
	return d.Decode((*plain)(s))
}

// Properties are a schema's properties in the order they were set, which
// is the order in which a form shows them.
type Properties struct {
	keys  []string
	props map[string]*Schema
}

// NewProperties returns an empty list of properties.
func NewProperties() *Properties { return &Properties{props: map[string]*Schema{}} }

// Set sets the schema of property k, at the end for a new property and in
// its place for one set before.
func (p *Properties) Set(k string, v *Schema) {
	if _, ok := p.props[k]; !ok {
		p.keys = append(p.keys, k)
	}
	p.props[k] = v
}

// Get returns the schema of property k.
func (p *Properties) Get(k string) (*Schema, bool) {
	v, ok := p.props[k]
	return v, ok
}

// All yields the properties in their order, each name with its schema.
func (p *Properties) All() iter.Seq2[string, *Schema] {
	return func(yield func(string, *Schema) bool) {
		if p == nil {
			return
		}
		for _, k := range p.keys {
			if !yield(k, p.props[k]) {
				return
			}
		}
	}
}

// MarshalJSON writes the properties as an object in their order.
func (p *Properties) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, key := range p.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(p.props[key])
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

// UnmarshalJSON reads an object of schemas, keeping the order of its keys.
func (p *Properties) UnmarshalJSON(b []byte) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("form: properties are not an object")
	}
	*p = *NewProperties()
	for d.More() {
		t, err := d.Token()
		if err != nil {
			return err
		}
		k, _ := t.(string)
		var s Schema
		if err := d.Decode(&s); err != nil {
			return err
		}
		p.Set(k, &s)
	}
	_, err := d.Token()
	return err
}

// fromInvopop turns the reflector's tree into a Schema, and checks that
// the two write the same JSON, so that a keyword this type lacks cannot
// be dropped unnoticed.
func fromInvopop(in *jsonschema.Schema) (*Schema, error) {
	b, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	var s Schema
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("form: the reflected schema does not fit form.Schema: %w", err)
	}
	back, err := json.Marshal(&s)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(b, back) {
		return nil, fmt.Errorf("form: the reflected schema changed in form.Schema")
	}
	return &s, nil
}

// toInvopop turns a Schema from a Mapper into the reflector's type.
func toInvopop(s *Schema) (*jsonschema.Schema, error) {
	b, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	var out jsonschema.Schema
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
