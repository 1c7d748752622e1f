package norm

import "strconv"

// Helpers that build the Problems of Validate methods in this package.

func itoa(i int) string { return strconv.Itoa(i) }

// enumProblem reports a code outside the allowed set, naming both.
func enumProblem[T ~string](ptr, kind, value string, allowed []T) Problem {
	_, err := ParseCode(kind, value, allowed)
	msg := Textf("onbekende code %q", "unknown code %q", value)
	if ce, ok := err.(*CodeError); ok {
		msg = ce.Message()
	}
	return Problem{Pointer: ptr, Code: CodeEnum, Message: msg}
}

// requiredProblem reports a missing value.
func requiredProblem(ptr string) Problem {
	return Problem{Pointer: ptr, Code: CodeRequired, Message: T("verplicht veld ontbreekt", "required value is missing")}
}
