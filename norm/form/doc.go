// Package form reads, checks and decodes the JSON documents of the
// library (self-assessments, incidents, follow-up actions) and emits and
// converts their JSON Schemas.
//
// It is the shared plumbing under checklist.DecodeAssessment, the incident
// and follow-up decoders and the schema functions of those packages.
// Every refusal is a list of [norm.Problem] values, each with a JSON
// pointer, a stable [norm.ProblemCode] and a message in Dutch and English,
// ready for [norm.Errorf].
//
// # Reading hostile input
//
// [Read] reads at most [Limits].MaxBytes ([DefaultMaxBytes], 1 MiB) and
// stops there, then checks in one pass, without building a tree, that the
// bytes are one well-formed JSON value in valid UTF-8, nested no deeper
// than MaxDepth ([DefaultMaxDepth], 32), with no key twice in an object
// (silently taking the last would hide a tampered answer) and no NaN,
// Infinity or number beyond a float64. [ReadValue] and [Parse] make the
// same checks and also return the parsed tree, so that a decoder can
// validate and run its own checks on one parse.
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
// [Decode] (or [DecodeBytes]) is Read, Validate and a decode with
// encoding/json's rules and unknown fields refused, into a fresh value
// that is copied to the destination only when there are no problems:
// nothing is half-decoded. The Go value is filled from the same parsed
// tree as the schema saw (encoding/json itself only for types outside
// the common ones, see Decode), so the bytes are parsed once.
// Values the schema lets through but the Go type refuses, such as the
// date 2025-02-30 under a mere pattern, become problems at their pointer
// too: date for a *[norm.DateError], enum for a *[norm.CodeError], and
// schema, with the error's own bilingual Message when it has one, for
// other errors.
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
// [EnumLabels]); [ReflectSchema] returns the tree to adjust before
// [Marshal]. [Convert] turns a 2020-12 schema into draft-07 for
// react-jsonschema-form and JSON Forms, inlining every $ref. [Cache]
// memoises the bytes per key, so that serving a schema on every page load
// costs one map lookup.
//
// # Performance
//
// Read is a single pass that allocates little more than the input. The
// schema library allocates for every value it visits, so Validate costs
// more than a plain decode; NewValidator therefore compiles an equivalent
// schema with local $refs inlined and oneOf lists of consts turned into
// enums. Decode parses once and fills the Go value from the validated
// tree; BenchmarkDecodeVsJSON reports its cost relative to plain
// encoding/json.
package form
