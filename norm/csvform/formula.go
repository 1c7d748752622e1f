package csvform

// formulaStart holds the first bytes that make a spreadsheet program read
// a cell as a formula.
const formulaStart = "=+-@\t\r"

// FormulaLike reports whether a spreadsheet program would read s as a
// formula: it starts with = + - @, a tab or a carriage return and is not a
// plain number such as -5 or +3.25.
func FormulaLike(s string) bool {
	return s != "" && isFormulaByte(s[0]) && !plainNumber(s)
}

func isFormulaByte(b byte) bool {
	for i := range len(formulaStart) {
		if formulaStart[i] == b {
			return true
		}
	}
	return false
}

// plainNumber reports whether s is a sign, digits and at most one decimal
// point or comma with digits after it: harmless in a spreadsheet.
func plainNumber(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	digits, sep := 0, false
	for i := range len(s) {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case (c == '.' || c == ',') && !sep && digits > 0 && i+1 < len(s):
			sep = true
		default:
			return false
		}
	}
	return digits > 0
}

// Neutralise returns s as a cell a spreadsheet program shows as text: a
// formula-like s (see FormulaLike), or one that already starts with an
// apostrophe, gets an apostrophe in front. Restore undoes it:
// Restore(Neutralise(s)) == s for every s.
func Neutralise(s string) string {
	if FormulaLike(s) || (s != "" && s[0] == '\'') {
		return "'" + s
	}
	return s
}

// Restore undoes Neutralise: an apostrophe followed by a formula byte or
// another apostrophe is taken off. Anything else comes back unchanged.
func Restore(s string) string {
	if len(s) >= 2 && s[0] == '\'' && (s[1] == '\'' || isFormulaByte(s[1])) {
		return s[1:]
	}
	return s
}
