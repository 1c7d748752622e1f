// Package form reads, checks and decodes the JSON documents of the
// library (self-assessments, incidents, follow-up actions) and emits and
// converts their JSON Schemas.
//
// It is the shared plumbing under checklist.DecodeAssessment, the incident
// and follow-up decoders and the schema functions of those packages.
// Every refusal is a list of [norm.Problem] values, each with a JSON
// pointer, a stable [norm.ProblemCode] and a message in Dutch and English,
// ready for [norm.NewError].
//
// # Reading hostile input
//
// [Read] reads at most [Limits].MaxBytes ([DefaultMaxBytes], 1 MiB) and
// stops there, then checks in one pass, without building a tree, that the
// bytes are one well-formed JSON value in valid UTF-8, nested no deeper
// than MaxDepth ([DefaultMaxDepth], 32), with no key twice in an object
// (silently taking the last would hide a tampered answer) and no NaN,
// Infinity or number beyond a float64. [ReadValue] and [Parse] make the
// same checks and also return the parsed tree.
//
// The codes: syntax (with the byte offset in the message), too_large,
// too_deep, invalid_utf8 (also for an unpaired \u surrogate escape),
// duplicate_key (pointer of the repeated key) and range (a number beyond
// a float64).
//
// # Validating against a schema
//
// [NewValidator] compiles a 2020-12 or draft-07 schema once, with format
// assertions on (so "format": "date" refuses 2025-02-30), and refuses to
// load anything from outside the schema. [Validator.Validate] returns all
// problems, one per leaf cause, sorted by pointer (array indices in
// numeric order) and code, with repeats of one pointer and code dropped
// and at most 100 listed. The codes follow the keyword:
//
//	type                      type
//	minimum, maximum, exclusive*, multipleOf,
//	minLength, maxLength, minItems, maxItems,
//	minProperties, maxProperties          range
//	format, pattern           format
//	enum, const, oneOf/anyOf of consts    enum
//	additionalProperties      unknown_field, one per property, at the property
//	required, dependentRequired           required, one per property, where it would be
//	uniqueItems               duplicate, at the later of the two equal items
//	anything else             schema
//
// A oneOf or anyOf whose branches fail only on type (a nullable field)
// reports the problems of the branch that fits the value's type.
//
// # Decoding
//
// [Decode] (or [DecodeBytes], or [DecodeTree], which also hands back the
// parsed tree for a decoder's own checks) is the one path from bytes to
// a typed value for every document of the module: Read's checks, the
// schema, and the Go value filled from the same parsed tree with
// encoding/json's rules and unknown fields refused, into a fresh value
// that is copied to the destination only when there are no problems:
// nothing is half-decoded, and the bytes are parsed once. A destination
// type the tree decoder does not handle (embedded fields, ",string",
// json.RawMessage, json.Number) is refused outright; there is no second
// decoder behind it. Values the schema lets through but the Go type
// refuses, such as the date 2025-02-30 under a mere pattern, become
// problems at their pointer too: date for a *[norm.DateError], enum for
// a *[norm.CodeError], and schema, with the error's own bilingual
// Message when it has one, for other errors.
//
// Without a validator, Decode still makes the checks of Read, but field
// names then match the way encoding/json matches them, ignoring case; a
// schema with additionalProperties false (as [Reflect] emits) makes the
// match exact.
//
// # Schemas and dialects
//
// [Reflect] emits a 2020-12 schema for a Go type with the house settings
// (additionalProperties false, required fields from json tags, dates and
// times with their formats, enumerations registered with [Enum] or
// [EnumLabels]); [ReflectSchema] returns it as a [Schema] tree to adjust
// before [Marshal]. [Convert] turns a 2020-12 schema into draft-07 for
// react-jsonschema-form and JSON Forms, inlining every $ref. [Cache]
// memoises the bytes per key, so that serving a schema on every page load
// costs one map lookup.
//
// # Performance
//
// Read is a single pass that allocates little more than the input. The
// schema library allocates for every value it visits, so NewValidator
// also compiles a quick check from the same schema (the keywords our
// schemas use: type, properties, required, additionalProperties, items,
// lengths, bounds, pattern, format, const, enum, allOf, anyOf, oneOf,
// not, if/then/else, uniqueItems). It gives an exact pass or fail, or
// "unknown"; on a pass the schema library is skipped, on anything else it
// runs and explains every problem, so the schema stays the one source of
// truth. FuzzQuickCheck holds the quick check to the library's verdict
// on the module's schemas. A schema with any other keyword gets no quick
// check and is validated by the library alone. The reader is our own:
// go-json-experiment's jsontext stops at the first duplicate name or
// invalid string and was slower to build the tree with (see
// jsontext_test.go, build tag jsontexteval).
package form
