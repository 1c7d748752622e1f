// Package normtest holds test helpers shared by the module's packages, in
// the manner of net/http/httptest.
//
// # Code types
//
// [CodeText] checks that a string-backed code type behaves the way norm's
// own do: no panic on any input, an exact round trip through
// MarshalText/UnmarshalText for what it accepts, and a refusal that names
// the value for what it does not. The fuzz tests of incident, followup and
// checklist call it for every code type they declare.
//
// # Hostile characters
//
// [HostileChars] lists one character of every kind that free text may not
// carry (controls, separators, direction overrides), for table tests that
// put each into each text field of a decoder. [FreeTextStrings] visits
// every free-text node of a schema, so that a test can check each carries
// the pattern that refuses them.
//
// # Files
//
// [DirState] snapshots the names and hashes of a directory's files, so
// that a test can show a read created or changed nothing.
package normtest
