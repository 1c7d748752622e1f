package normtest

import (
	"encoding"
	"errors"
	"testing"

	"github.com/goedgesprek/goedgesprek/norm"
)

// CodeText feeds s to the UnmarshalText of the code type T. It must not
// panic; what it accepts must marshal back to exactly the same bytes; what
// it refuses must be refused with an error, and when that error is a
// *norm.CodeError it must name the value. Fuzz tests call it for every code
// type of a package.
func CodeText[T any, P interface {
	*T
	encoding.TextUnmarshaler
	encoding.TextMarshaler
}](tb testing.TB, s string) {
	tb.Helper()
	var v T
	if err := P(&v).UnmarshalText([]byte(s)); err != nil {
		var ce *norm.CodeError
		if errors.As(err, &ce) && ce.Value != s {
			tb.Fatalf("%T: error names %q, not the value %q", v, ce.Value, s)
		}
		return
	}
	b, err := P(&v).MarshalText()
	if err != nil {
		tb.Fatalf("%T: accepted %q but cannot marshal it: %v", v, s, err)
	}
	if string(b) != s {
		tb.Fatalf("%T: %q comes back as %q", v, s, b)
	}
}
