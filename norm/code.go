package norm

import (
	"fmt"
	"strings"
)

// CodeError reports a code that is not one of the allowed values.
type CodeError struct {
	Kind    string   // what kind of code, e.g. "category"
	Value   string   // the value that was given
	Allowed []string // the values that would have been accepted
}

func (e *CodeError) Error() string {
	return fmt.Sprintf("unknown %s %q; allowed: %s", e.Kind, e.Value, strings.Join(e.Allowed, ", "))
}

// Unwrap makes every CodeError match ErrUnknownCode.
func (e *CodeError) Unwrap() error { return ErrUnknownCode }

// kindNL names the kinds of this package in Dutch; other kinds appear in
// Dutch messages as given.
var kindNL = map[string]string{
	"category":        "categorie",
	"severity":        "ernst",
	"behaviour":       "gedrag",
	"principle":       "principe",
	"programme":       "programma",
	"channel":         "kanaal",
	"phase":           "fase",
	"lang":            "taal",
	"employee medium": "medium voor medewerkers",
	"client medium":   "medium voor klanten",
	"service topic":   "onderwerp van de servicenorm",
}

// Message gives the error in both languages.
func (e *CodeError) Message() Text {
	kind := e.Kind
	if nl, ok := kindNL[kind]; ok {
		kind = nl
	}
	allowed := strings.Join(e.Allowed, ", ")
	return Text{
		NL: fmt.Sprintf("onbekende waarde %q voor %s; toegestaan: %s", e.Value, kind, allowed),
		EN: fmt.Sprintf("unknown %s %q; allowed: %s", e.Kind, e.Value, allowed),
	}
}

// ParseCode returns s as a T when it is one of allowed, and a *CodeError
// naming the value and the allowed ones when it is not. Every string-backed
// enum of the module parses through it.
func ParseCode[T ~string](kind, s string, allowed []T) (T, error) {
	for _, a := range allowed {
		if string(a) == s {
			return a, nil
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	var zero T
	return zero, &CodeError{Kind: kind, Value: s, Allowed: names}
}

// MarshalCode is the shared MarshalText of the enums: it refuses values
// outside the allowed set, so an invalid code never leaves the process.
func MarshalCode[T ~string](kind string, v T, allowed []T) ([]byte, error) {
	if _, err := ParseCode(kind, string(v), allowed); err != nil {
		return nil, err
	}
	return []byte(v), nil
}
