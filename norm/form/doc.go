// Package form reads, checks and decodes the JSON documents of the
// library (self-assessments, incidents, follow-up actions) and emits and
// converts their JSON Schemas.
//
// It is the shared plumbing under checklist.DecodeAssessment,
// incident.DecodeIncident and the schema functions of those packages;
// every refusal is a list of [norm.Problem] values, each with a JSON
// pointer, a stable [norm.ProblemCode] and a message in Dutch and English,
// ready for [norm.Errorf].
//
// # Reading hostile input
//
// [Read] reads at most [Limits].MaxBytes (1 MiB by default) and stops
// there, then checks in one pass, without building a tree, that the bytes
// are one well-formed JSON value in valid UTF-8, nested no deeper than
// MaxDepth (32 by default), with no key twice in an object (silently
// taking the last would hide a tampered answer) and no NaN, Infinity or
// number beyond a float64.
//
// # Validating against a schema
//
// [NewValidator] compiles a 2020-12 or draft-07 schema once, with format
// assertions on. [Validator.Validate] returns all problems, one per leaf
// cause, sorted by pointer and code: additionalProperties gives one
// unknown_field per property and required one required per missing
// property, at the pointer where it would be.
//
// # Decoding
//
// [Decode] is Read, Validate and encoding/json with unknown fields
// refused, into a fresh value that is copied to the destination only when
// there are no problems: nothing is half-decoded. Values the schema lets
// through but the Go type refuses, such as the date 2025-02-30, become
// problems at their pointer too.
//
// # Schemas and dialects
//
// [Reflect] emits a 2020-12 schema for a Go type with the house settings
// (additionalProperties false, required fields from json tags, dates and
// times with their formats, enumerations registered with [Enum] or
// [EnumLabels]). [Convert] turns it into draft-07 for react-jsonschema-form
// and JSON Forms, inlining every $ref. [Cache] memoises the bytes per key
// so that serving a schema on every page load costs next to nothing.
package form
