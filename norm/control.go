package norm

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Free text in a document may not hold characters that change how other
// text is shown: a line break in a one-line field adds a line to a
// listing, an escape sequence drives the terminal that prints it, and a
// bidirectional override shows the text after it backwards. These are
// refused where text comes in, and escaped where text goes out (see
// [Printable]), for text stored before the rule existed.
//
// Refused in one-line text (names, references, sites, roles, titles):
//   - C0 controls U+0000–U+001F (tab and line feed included), DEL U+007F
//     and C1 controls U+0080–U+009F;
//   - the line and paragraph separators U+2028 and U+2029;
//   - the bidirectional embeddings, overrides and isolates U+202A–U+202E
//     and U+2066–U+2069.
//
// Multi-line text (descriptions, comments, lessons, reasons) may also hold
// tab and line feed; a carriage return is refused there too, so that a
// line cannot overwrite the one before it on a terminal.
const (
	// LinePattern is the JSON Schema "pattern" of a one-line text field.
	// It reads the same in ECMA-262 (forms in a browser) and RE2 (Go): the
	// C0 and C1 ranges as \xHH escapes, the others as the characters
	// themselves (JSON-escaped as \u2028 and so on in the schema files).
	LinePattern = `^[^\x00-\x1f\x7f-\x9f` + "\u2028\u2029\u202a-\u202e\u2066-\u2069" + `]*$`
	// TextPattern is the JSON Schema "pattern" of a multi-line text field:
	// LinePattern, but tab and line feed are allowed.
	TextPattern = `^[^\x00-\x08\x0b-\x1f\x7f-\x9f` + "\u2028\u2029\u202a-\u202e\u2066-\u2069" + `]*$`
)

// refused reports whether r may not appear in text; multiLine allows tab
// and line feed.
func refused(r rune, multiLine bool) bool {
	switch {
	case r < 0x20:
		return !multiLine || (r != '\t' && r != '\n')
	case r < 0x7f:
		return false
	case r <= 0x9f:
		return true
	}
	return r == 0x2028 || r == 0x2029 || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// FirstRefused returns the first character of s that text may not hold
// (see LinePattern and TextPattern) and its position in characters,
// counted from 1; ok is false when s is clean. Bytes that are not UTF-8
// are not its business: they are reported as invalid UTF-8 elsewhere.
func FirstRefused(s string, multiLine bool) (r rune, pos int, ok bool) {
	n := 0
	for _, c := range s {
		n++
		if refused(c, multiLine) {
			return c, n, true
		}
	}
	return 0, 0, false
}

// CheckLine returns the problem at ptr when the one-line text s holds a
// character LinePattern refuses, naming the character and its position.
func CheckLine(ptr, s string) (Problem, bool) { return check(ptr, s, false) }

// CheckText is CheckLine for multi-line text: tab and line feed pass.
func CheckText(ptr, s string) (Problem, bool) { return check(ptr, s, true) }

func check(ptr, s string, multiLine bool) (Problem, bool) {
	r, pos, bad := FirstRefused(s, multiLine)
	if !bad {
		return Problem{}, false
	}
	return Problem{Pointer: ptr, Code: CodeFormat, Message: RefusedMessage(r, pos, multiLine)}, true
}

// RefusedMessage says in both languages which character was refused at
// which position (counted from 1).
func RefusedMessage(r rune, pos int, multiLine bool) Text {
	what := T("stuurteken", "control character")
	switch {
	case r == 0x2028 || r == 0x2029:
		what = T("regel- of alineascheiding", "line or paragraph separator")
	case r >= 0x202a:
		what = T("teken dat de schrijfrichting omkeert", "character that overrides the text direction")
	}
	if multiLine {
		return Text{
			NL: fmt.Sprintf("bevat een %s (U+%04X) op positie %d; alleen zichtbare tekens, tabs en regeleinden (LF) zijn toegestaan", what.NL, r, pos),
			EN: fmt.Sprintf("holds a %s (U+%04X) at position %d; only visible characters, tabs and line feeds are allowed", what.EN, r, pos),
		}
	}
	return Text{
		NL: fmt.Sprintf("bevat een %s (U+%04X) op positie %d; dit veld is één regel met alleen zichtbare tekens", what.NL, r, pos),
		EN: fmt.Sprintf("holds a %s (U+%04X) at position %d; this field is one line of visible characters only", what.EN, r, pos),
	}
}

// Printable returns s as it may be shown on a terminal or in a one-line
// listing: every character that one-line text refuses becomes a visible
// escape (a tab "\t", a line feed "\n", a carriage return "\r", other
// controls "\x1b", the separators and direction characters "\u202e"), and
// a byte that is not UTF-8 becomes "\xff". Anything else, backslashes
// included, is left as it is, so that ordinary text reads unchanged. A
// string with nothing to escape is returned without allocating.
func Printable(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || refused(r, false) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	const hex = "0123456789abcdef"
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteByte(hex[s[i]>>4])
			b.WriteByte(hex[s[i]&0xf])
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case refused(r, false) && r <= 0xff:
			b.WriteString(`\x`)
			b.WriteByte(hex[r>>4])
			b.WriteByte(hex[r&0xf])
		case refused(r, false):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
