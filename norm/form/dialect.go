package form

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Dialect is a JSON Schema version that schemas are emitted in.
type Dialect string

// The dialects. 2020-12 is the default; draft-07 is what
// react-jsonschema-form and JSON Forms expect.
const (
	Draft2020 Dialect = "2020-12"
	Draft07   Dialect = "07"
)

// The "$schema" URLs of the dialects.
const (
	Draft2020URL = "https://json-schema.org/draft/2020-12/schema"
	Draft07URL   = "http://json-schema.org/draft-07/schema#"
)

// Dialects lists the supported dialects, the default first.
func Dialects() []Dialect { return []Dialect{Draft2020, Draft07} }

// ParseDialect accepts "2020-12", "07" and "draft-07" (and the "draft/"
// and "draft-" spellings of 2020-12); an empty string is 2020-12. Anything
// else is a *[norm.CodeError].
func ParseDialect(s string) (Dialect, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "2020-12", "draft-2020-12", "draft/2020-12", "2020":
		return Draft2020, nil
	case "07", "7", "draft-07", "draft07", "draft-7":
		return Draft07, nil
	}
	return "", &norm.CodeError{Kind: "dialect", Value: s, Allowed: []string{string(Draft2020), string(Draft07)}}
}

// String returns the dialect's name.
func (d Dialect) String() string { return string(d) }

// URL returns the dialect's "$schema" URL, or "" for an unknown dialect.
func (d Dialect) URL() string {
	switch d {
	case Draft2020:
		return Draft2020URL
	case Draft07:
		return Draft07URL
	}
	return ""
}

// MarshalText implements encoding.TextMarshaler.
func (d Dialect) MarshalText() ([]byte, error) {
	if d != Draft2020 && d != Draft07 {
		return nil, &norm.CodeError{Kind: "dialect", Value: string(d), Allowed: []string{string(Draft2020), string(Draft07)}}
	}
	return []byte(d), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseDialect.
func (d *Dialect) UnmarshalText(b []byte) error {
	v, err := ParseDialect(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Convert turns a 2020-12 schema into the given dialect and returns it
// indented, with the key order of the input kept.
//
// For [Draft2020] it only sets "$schema". For [Draft07] it:
//   - sets "$schema" to the draft-07 URL and keeps the root "$id";
//   - inlines every local "$ref" and drops "$defs" and "definitions", so
//     that JSON Forms (which fails on "$defs") and react-jsonschema-form
//     need no reference resolution; a "$ref" with sibling keywords is
//     merged with its target, or wrapped in "allOf" when a validating
//     keyword would clash;
//   - maps prefixItems/items to items/additionalItems, dependentRequired
//     and dependentSchemas to dependencies, and unevaluatedProperties or
//     unevaluatedItems to additionalProperties or items where no applicator
//     makes the meaning differ;
//   - drops "$anchor", inner "$id"s and "contentSchema".
//
// It refuses with an error: recursive references (they cannot be
// inlined), references to other documents, $dynamicRef, $recursiveRef,
// $vocabulary, minContains and maxContains, and unevaluated* next to
// applicators.
func Convert(schema2020 []byte, d Dialect) ([]byte, error) {
	root, err := decodeOrdered(schema2020)
	if err != nil {
		return nil, fmt.Errorf("form.Convert: schema is not JSON: %w", err)
	}
	switch d {
	case Draft2020:
		if o, ok := root.(*object); ok {
			setFirst(o, "$schema", Draft2020URL)
		}
		return encodeOrdered(root)
	case Draft07:
	default:
		return nil, fmt.Errorf("form.Convert: unknown dialect %q", string(d))
	}
	c := converter{root: root}
	if o, ok := root.(*object); ok {
		if id, ok := o.vals["$id"].(string); ok {
			c.rootID = id
		}
	}
	out, err := c.schema(root, "#", true)
	if err != nil {
		return nil, fmt.Errorf("form.Convert: %w", err)
	}
	if o, ok := out.(*object); ok {
		if c.rootID != "" {
			setFirst(o, "$id", c.rootID)
		}
		setFirst(o, "$schema", Draft07URL)
	}
	return encodeOrdered(out)
}

// setFirst sets k and moves it to the front.
func setFirst(o *object, k string, v any) {
	o.del(k)
	o.keys = append([]string{k}, o.keys...)
	o.vals[k] = v
}

type converter struct {
	root   any
	rootID string
	stack  []string // references being inlined, to refuse cycles
	// optimise keeps the 2020-12 keywords and prepares the schema for
	// validation only: see optimiseForValidation.
	optimise bool
}

// Keywords whose value is one subschema, a map of subschemas or a list of
// subschemas.
var (
	oneSchemaKeys = map[string]bool{
		"additionalProperties": true, "propertyNames": true, "contains": true, "not": true,
		"if": true, "then": true, "else": true, "unevaluatedProperties": true, "unevaluatedItems": true,
		"additionalItems": true,
	}
	mapSchemaKeys  = map[string]bool{"properties": true, "patternProperties": true, "dependentSchemas": true}
	listSchemaKeys = map[string]bool{"allOf": true, "anyOf": true, "oneOf": true, "prefixItems": true}
	annotationKeys = map[string]bool{
		"title": true, "description": true, "default": true, "examples": true, "$comment": true,
		"readOnly": true, "writeOnly": true, "deprecated": true,
	}
	refusedKeys = map[string]string{
		"$dynamicRef":      "$dynamicRef has no draft-07 equivalent",
		"$dynamicAnchor":   "$dynamicAnchor has no draft-07 equivalent",
		"$recursiveRef":    "$recursiveRef has no draft-07 equivalent",
		"$recursiveAnchor": "$recursiveAnchor has no draft-07 equivalent",
		"$vocabulary":      "$vocabulary has no draft-07 equivalent",
		"minContains":      "minContains has no draft-07 equivalent",
		"maxContains":      "maxContains has no draft-07 equivalent",
		"dependencies":     "dependencies is not a 2020-12 keyword (use dependentRequired or dependentSchemas)",
	}
)

// schema converts one subschema found at the pointer at.
func (c *converter) schema(v any, at string, isRoot bool) (any, error) {
	o, ok := v.(*object)
	if !ok {
		if _, isBool := v.(bool); isBool {
			return v, nil
		}
		return nil, fmt.Errorf("%s: a schema must be an object or a boolean", at)
	}
	out := newObject()
	var ref string
	if r, ok := o.vals["$ref"]; ok {
		s, isStr := r.(string)
		if !isStr {
			return nil, fmt.Errorf("%s: $ref must be a string", at)
		}
		ref = s
	}
	var deps *object
	for _, k := range o.keys {
		val := o.vals[k]
		if why, ok := refusedKeys[k]; ok {
			return nil, fmt.Errorf("%s: %s", at, why)
		}
		if c.optimise {
			switch {
			case annotationKeys[k]:
				continue // validation ignores annotations
			case k == "items" || k == "prefixItems" || k == "dependentRequired" || k == "dependentSchemas" ||
				k == "unevaluatedProperties" || k == "unevaluatedItems":
				nv, err := c.keep(k, val, at)
				if err != nil {
					return nil, err
				}
				out.set(k, nv)
				continue
			case k == "oneOf" || k == "anyOf":
				if enum, ok := constAlternatives(val); ok && !o.has("enum") && !o.has("const") {
					out.set("enum", enum)
					continue
				}
			}
		}
		switch {
		case k == "$ref":
			continue
		case k == "$schema" || k == "$defs" || k == "definitions" || k == "$anchor" || k == "contentSchema":
			continue
		case k == "$id":
			if isRoot {
				out.set(k, val)
			}
		case k == "items":
			s, err := c.schema(val, at+"/items", false)
			if err != nil {
				return nil, err
			}
			if o.has("prefixItems") {
				out.set("additionalItems", s)
			} else {
				out.set("items", s)
			}
		case k == "prefixItems":
			list, err := c.list(val, at+"/prefixItems")
			if err != nil {
				return nil, err
			}
			out.set("items", list)
		case k == "dependentRequired" || k == "dependentSchemas":
			m, ok := val.(*object)
			if !ok {
				return nil, fmt.Errorf("%s/%s: must be an object", at, k)
			}
			if deps == nil {
				deps = newObject()
				out.set("dependencies", deps)
			}
			for _, p := range m.keys {
				dv := m.vals[p]
				if k == "dependentSchemas" {
					s, err := c.schema(dv, at+"/"+k+"/"+escapeToken(p), false)
					if err != nil {
						return nil, err
					}
					dv = s
				}
				if deps.has(p) {
					return nil, fmt.Errorf("%s: property %q has both dependentRequired and dependentSchemas", at, p)
				}
				deps.set(p, dv)
			}
		case k == "unevaluatedProperties":
			if o.has("additionalProperties") || hasApplicator(o) {
				return nil, fmt.Errorf("%s: unevaluatedProperties next to additionalProperties or an applicator has no draft-07 equivalent", at)
			}
			s, err := c.schema(val, at+"/"+k, false)
			if err != nil {
				return nil, err
			}
			out.set("additionalProperties", s)
		case k == "unevaluatedItems":
			if o.has("items") || o.has("prefixItems") || o.has("contains") || hasApplicator(o) {
				return nil, fmt.Errorf("%s: unevaluatedItems next to items or an applicator has no draft-07 equivalent", at)
			}
			s, err := c.schema(val, at+"/"+k, false)
			if err != nil {
				return nil, err
			}
			out.set("items", s)
		case oneSchemaKeys[k]:
			s, err := c.schema(val, at+"/"+k, false)
			if err != nil {
				return nil, err
			}
			out.set(k, s)
		case mapSchemaKeys[k]:
			m, ok := val.(*object)
			if !ok {
				return nil, fmt.Errorf("%s/%s: must be an object", at, k)
			}
			nm := newObject()
			for _, p := range m.keys {
				s, err := c.schema(m.vals[p], at+"/"+k+"/"+escapeToken(p), false)
				if err != nil {
					return nil, err
				}
				nm.set(p, s)
			}
			out.set(k, nm)
		case listSchemaKeys[k]:
			list, err := c.list(val, at+"/"+k)
			if err != nil {
				return nil, err
			}
			out.set(k, list)
		default:
			out.set(k, clone(val)) // assertions and annotations carry over as they are
		}
	}
	if ref == "" {
		return out, nil
	}
	target, err := c.inline(ref, at)
	if err != nil {
		return nil, err
	}
	return merge(target, out), nil
}

// keep converts the subschemas of a 2020-12 keyword that the optimiser
// leaves as it is.
func (c *converter) keep(k string, val any, at string) (any, error) {
	switch k {
	case "prefixItems":
		return c.list(val, at+"/"+k)
	case "dependentRequired":
		return clone(val), nil
	case "dependentSchemas":
		m, ok := val.(*object)
		if !ok {
			return nil, fmt.Errorf("%s/%s: must be an object", at, k)
		}
		nm := newObject()
		for _, p := range m.keys {
			sub, err := c.schema(m.vals[p], at+"/"+k+"/"+escapeToken(p), false)
			if err != nil {
				return nil, err
			}
			nm.set(p, sub)
		}
		return nm, nil
	}
	return c.schema(val, at+"/"+k, false)
}

// constAlternatives returns the values of a oneOf or anyOf whose branches
// are each only a "const" (plus annotations), when the values are
// distinct: such a list means exactly what "enum" means, and validates
// much faster.
func constAlternatives(v any) ([]any, bool) {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return nil, false
	}
	out := make([]any, 0, len(list))
	seen := map[string]bool{}
	for _, b := range list {
		o, ok := b.(*object)
		if !ok {
			return nil, false
		}
		c, ok := o.vals["const"]
		if !ok {
			return nil, false
		}
		for _, k := range o.keys {
			if k != "const" && !annotationKeys[k] {
				return nil, false
			}
		}
		key, err := appendValue(nil, c)
		if err != nil || seen[string(key)] {
			return nil, false
		}
		seen[string(key)] = true
		out = append(out, clone(c))
	}
	return out, true
}

// optimiseForValidation rewrites a 2020-12 schema into an equivalent one
// that santhosh validates faster: every local $ref inlined (a reference
// costs a nested validator per value), a oneOf or anyOf of plain consts
// turned into an enum, and annotations dropped. It returns false when the
// schema uses anything it does not handle (recursion, remote references,
// dynamic references), and the schema is then compiled as it is.
func optimiseForValidation(doc []byte) ([]byte, bool) {
	root, err := decodeOrdered(doc)
	if err != nil {
		return nil, false
	}
	o, ok := root.(*object)
	if !ok {
		return nil, false
	}
	if s, has := o.vals["$schema"]; has && s != Draft2020URL && s != Draft2020URL+"#" {
		return nil, false
	}
	c := converter{root: root, optimise: true}
	if id, ok := o.vals["$id"].(string); ok {
		c.rootID = id
	}
	out, err := c.schema(root, "#", true)
	if err != nil {
		return nil, false
	}
	oo, ok := out.(*object)
	if !ok {
		return nil, false
	}
	setFirst(oo, "$schema", Draft2020URL)
	b, err := appendValue(nil, oo)
	if err != nil {
		return nil, false
	}
	return b, true
}

func (c *converter) list(v any, at string) ([]any, error) {
	a, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: must be an array", at)
	}
	out := make([]any, len(a))
	for i, e := range a {
		s, err := c.schema(e, at+"/"+strconv.Itoa(i), false)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

func hasApplicator(o *object) bool {
	for _, k := range []string{"allOf", "anyOf", "oneOf", "not", "if", "$ref", "dependentSchemas"} {
		if o.has(k) {
			return true
		}
	}
	return false
}

// inline resolves a local reference and converts its target.
func (c *converter) inline(ref, at string) (any, error) {
	frag := ref
	if c.rootID != "" && strings.HasPrefix(ref, c.rootID) {
		frag = strings.TrimPrefix(ref, c.rootID)
	}
	if !strings.HasPrefix(frag, "#") {
		return nil, fmt.Errorf("%s: $ref %q points outside the schema; only local references can be inlined", at, ref)
	}
	for _, s := range c.stack {
		if s == frag {
			return nil, fmt.Errorf("%s: $ref %q is recursive and cannot be inlined for draft-07", at, ref)
		}
	}
	target, err := c.resolve(frag)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", at, err)
	}
	c.stack = append(c.stack, frag)
	defer func() { c.stack = c.stack[:len(c.stack)-1] }()
	return c.schema(target, frag, false)
}

// resolve finds the target of "#/json/pointer" or "#anchor".
func (c *converter) resolve(frag string) (any, error) {
	f, err := url.PathUnescape(frag[1:])
	if err != nil {
		return nil, fmt.Errorf("$ref %q: %v", frag, err)
	}
	if f == "" {
		return c.root, nil
	}
	if !strings.HasPrefix(f, "/") {
		if t := findAnchor(c.root, f); t != nil {
			return t, nil
		}
		return nil, fmt.Errorf("$ref %q: no such anchor", frag)
	}
	cur := c.root
	for _, tok := range norm.SplitPointer(f) {
		switch n := cur.(type) {
		case *object:
			v, ok := n.vals[tok]
			if !ok {
				return nil, fmt.Errorf("$ref %q: not found", frag)
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n) {
				return nil, fmt.Errorf("$ref %q: not found", frag)
			}
			cur = n[i]
		default:
			return nil, fmt.Errorf("$ref %q: not found", frag)
		}
	}
	return cur, nil
}

// findAnchor looks for the subschema with "$anchor": name (values of
// enum, const, default and examples are data and are not searched).
func findAnchor(v any, name string) any {
	switch n := v.(type) {
	case *object:
		if a, ok := n.vals["$anchor"].(string); ok && a == name {
			return n
		}
		for _, k := range n.keys {
			switch k {
			case "enum", "const", "default", "examples":
				continue
			}
			if t := findAnchor(n.vals[k], name); t != nil {
				return t
			}
		}
	case []any:
		for _, e := range n {
			if t := findAnchor(e, name); t != nil {
				return t
			}
		}
	}
	return nil
}

// merge combines an inlined target with the keywords that stood next to
// its $ref. Annotations next to the $ref win over the target's; other
// keywords are added when the target lacks them. When a validating keyword
// is in both, the two are kept apart under allOf, with the annotations on
// top where renderers look for them.
func merge(target any, sib *object) any {
	if len(sib.keys) == 0 {
		return target
	}
	t, ok := target.(*object)
	if !ok {
		if b, _ := target.(bool); b {
			return sib
		}
		out := newObject()
		out.set("allOf", []any{target, sib})
		return out
	}
	clash := false
	for _, k := range sib.keys {
		if t.has(k) && !annotationKeys[k] {
			clash = true
			break
		}
	}
	if !clash {
		out := clone(t).(*object)
		for _, k := range sib.keys {
			out.set(k, sib.vals[k])
		}
		return out
	}
	out := newObject()
	rest := newObject()
	for _, k := range sib.keys {
		if annotationKeys[k] {
			out.set(k, sib.vals[k])
		} else {
			rest.set(k, sib.vals[k])
		}
	}
	out.set("allOf", []any{t, rest})
	return out
}

func escapeToken(t string) string {
	t = strings.ReplaceAll(t, "~", "~0")
	return strings.ReplaceAll(t, "/", "~1")
}
