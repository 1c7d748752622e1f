package norm

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors shared by the module. Check them with errors.Is.
var (
	// ErrInvalid is matched by every *Error: the document was refused.
	ErrInvalid = errors.New("goedgesprek: invalid document")
	// ErrUnknownCode is matched by every *CodeError.
	ErrUnknownCode = errors.New("goedgesprek: unknown code")
)

// ProblemCode is a stable, machine-readable code for one problem in a
// document. New codes are appended; existing ones never change meaning.
type ProblemCode string

// The problem codes used across the module.
const (
	CodeSyntax       ProblemCode = "syntax"        // not well-formed JSON or CSV
	CodeTooLarge     ProblemCode = "too_large"     // input over the size limit
	CodeTooDeep      ProblemCode = "too_deep"      // nesting over the depth limit
	CodeInvalidUTF8  ProblemCode = "invalid_utf8"  // bytes that are not UTF-8
	CodeDuplicateKey ProblemCode = "duplicate_key" // one key twice in an object
	CodeUnknownField ProblemCode = "unknown_field" // a property the schema does not allow
	CodeRequired     ProblemCode = "required"      // a required property is missing
	CodeType         ProblemCode = "type"          // a value of the wrong JSON type
	CodeRange        ProblemCode = "range"         // a number or length out of range
	CodeFormat       ProblemCode = "format"        // a string in the wrong format (date, date-time)
	CodeDate         ProblemCode = "date"          // a date that does not exist
	CodeEnum         ProblemCode = "enum"          // a code that is not allowed
	CodeDuplicate    ProblemCode = "duplicate"     // a duplicate ID or reference
	CodeOrder        ProblemCode = "order"         // times or dates in an impossible order
	CodeFuture       ProblemCode = "future"        // a date after the reference date
	CodeSchema       ProblemCode = "schema"        // any other schema violation
	CodeReference    ProblemCode = "reference"     // a reference to a person or record that is not there (an action for someone not involved)
	CodeMore         ProblemCode = "more"          // stands for problems left out of a long list (see MaxProblems)
)

// Problem is one thing wrong with a document. Pointer is the RFC 6901 JSON
// pointer of the offending value ("" for the whole document); for CSV input
// Row (1-based, the header is row 1) and Column (the header name) say where;
// for a workbook Cell names the sheet and cell ("Antwoorden!D14") beside the
// pointer of the value read from it.
type Problem struct {
	Pointer string      `json:"pointer"`
	Row     int         `json:"row,omitempty"`
	Column  string      `json:"column,omitempty"`
	Cell    string      `json:"cell,omitempty"`
	Code    ProblemCode `json:"code"`
	Message Text        `json:"message"`

	more int // for CodeMore: how many problems it stands for
}

// Where renders the location: the pointer, "row 3, column x" for CSV, or
// "Antwoorden!D14 /answers/GG01-1/value" for a workbook.
func (p Problem) Where() string {
	if p.Cell != "" {
		if p.Pointer == "" {
			return p.Cell
		}
		return p.Cell + " " + p.Pointer
	}
	if p.Row > 0 {
		if p.Column != "" {
			return "row " + strconv.Itoa(p.Row) + ", column " + p.Column
		}
		return "row " + strconv.Itoa(p.Row)
	}
	if p.Pointer == "" {
		return "/"
	}
	return p.Pointer
}

// In renders the problem in the given language, on one line: characters a
// terminal would act on are escaped (see [Printable]).
func (p Problem) In(l Lang) string {
	where := p.Where()
	if l != EN && p.Row > 0 {
		where = strings.NewReplacer("row ", "rij ", "column ", "kolom ").Replace(where)
	}
	// The pointer and the column name come from the input (a key, a
	// header), and a message may quote a value: escape what a terminal
	// would act on.
	return fmt.Sprintf("%s: %s (%s)", Printable(where), Printable(p.Message.In(l)), p.Code)
}

// Error is the one typed error for refused input: the operation that
// refused it and every problem found, not just the first. It matches
// ErrInvalid with errors.Is and is found with errors.As.
type Error struct {
	Op       string    `json:"op"` // e.g. "checklist.DecodeAssessment"
	Problems []Problem `json:"problems"`
}

// Error lists the problems in English, one per line after a summary.
func (e *Error) Error() string { return e.In(EN) }

// In renders the error in the given language.
func (e *Error) In(l Lang) string {
	var b strings.Builder
	b.WriteString(e.Op)
	b.WriteString(": ")
	n := total(e.Problems)
	if l == EN {
		if n == 1 {
			b.WriteString("1 problem")
		} else {
			fmt.Fprintf(&b, "%d problems", n)
		}
	} else {
		if n == 1 {
			b.WriteString("1 probleem")
		} else {
			fmt.Fprintf(&b, "%d problemen", n)
		}
	}
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.In(l))
	}
	return b.String()
}

// Unwrap makes every *Error match ErrInvalid.
func (e *Error) Unwrap() error { return ErrInvalid }

// Has reports whether a problem with this pointer and code is listed.
func (e *Error) Has(pointer string, code ProblemCode) bool {
	for _, p := range e.Problems {
		if p.Pointer == pointer && p.Code == code {
			return true
		}
	}
	return false
}

// NewError returns nil when there are no problems and an *Error otherwise,
// so that callers can write `return norm.NewError(op, problems)`. The list
// is cut at MaxProblems (see Cap).
func NewError(op string, problems []Problem) error {
	if len(problems) == 0 {
		return nil
	}
	return &Error{Op: op, Problems: Cap(problems)}
}

// SplitPointer undoes Pointer: the unescaped reference tokens of an RFC
// 6901 JSON pointer ("" gives none).
func SplitPointer(p string) []string {
	if p == "" {
		return nil
	}
	toks := strings.Split(p[1:], "/")
	for i, t := range toks {
		if strings.Contains(t, "~") {
			t = strings.ReplaceAll(t, "~1", "/")
			toks[i] = strings.ReplaceAll(t, "~0", "~")
		}
	}
	return toks
}

// Pointer builds an RFC 6901 JSON pointer from reference tokens, escaping
// "~" and "/" inside them.
func Pointer(tokens ...string) string {
	if len(tokens) == 0 {
		return ""
	}
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		if strings.ContainsAny(t, "~/") {
			t = strings.ReplaceAll(t, "~", "~0")
			t = strings.ReplaceAll(t, "/", "~1")
		}
		b.WriteString(t)
	}
	return b.String()
}
