package form

import (
	"bytes"
	"encoding/json"
	"fmt"
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
	Version     string      `json:"$schema,omitempty"`
	ID          string      `json:"$id,omitempty"`
	Anchor      string      `json:"$anchor,omitempty"`
	Ref         string      `json:"$ref,omitempty"`
	DynamicRef  string      `json:"$dynamicRef,omitempty"`
	Definitions Definitions `json:"$defs,omitempty"`
	Comments    string      `json:"$comment,omitempty"`

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

// Definitions are the schemas under "$defs", by name.
type Definitions map[string]*Schema

// FalseSchema is the schema false, which no value passes (as
// "additionalProperties": false). Do not change it: it is shared.
var FalseSchema = &Schema{boolean: new(false)}

// MarshalJSON writes the schema; FalseSchema is written as false and an
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
	pairs []*Pair
	index map[string]int
}

// Pair is one property: its name and its schema.
type Pair struct {
	Key   string
	Value *Schema
	in    *Properties
	at    int
}

// NewProperties returns an empty list of properties.
func NewProperties() *Properties { return &Properties{index: map[string]int{}} }

// Set sets the schema of property k, at the end for a new property and in
// its place for one set before.
func (p *Properties) Set(k string, v *Schema) {
	if i, ok := p.index[k]; ok {
		p.pairs[i].Value = v
		return
	}
	p.index[k] = len(p.pairs)
	p.pairs = append(p.pairs, &Pair{Key: k, Value: v, in: p, at: len(p.pairs)})
}

// Get returns the schema of property k.
func (p *Properties) Get(k string) (*Schema, bool) {
	i, ok := p.index[k]
	if !ok {
		return nil, false
	}
	return p.pairs[i].Value, true
}

// Len is the number of properties.
func (p *Properties) Len() int { return len(p.pairs) }

// Oldest is the first property, nil when there are none; Pair.Next walks
// on from there.
func (p *Properties) Oldest() *Pair {
	if p == nil || len(p.pairs) == 0 {
		return nil
	}
	return p.pairs[0]
}

// Next is the property after this one, nil after the last.
func (pr *Pair) Next() *Pair {
	if pr.at+1 >= len(pr.in.pairs) {
		return nil
	}
	return pr.in.pairs[pr.at+1]
}

// MarshalJSON writes the properties as an object in their order.
func (p *Properties) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, pr := range p.pairs {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(pr.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(pr.Value)
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
