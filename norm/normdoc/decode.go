package normdoc

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"sync"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// decodeOp is the Op of every error Decode returns.
const decodeOp = "normdoc.Decode"

// validator is the compiled 2020-12 schema; the languages differ only in
// their texts, so one serves both.
var validator = sync.OnceValues(func() (*form.Validator, error) {
	b, err := Schema(norm.NL, form.Draft2020) // a copy of its own
	if err != nil {
		return nil, err
	}
	return form.NewValidator(b)
})

// DecodeOption changes how Decode reads a document.
type DecodeOption func(*form.Limits)

// WithLimits sets the size and depth limits (default 1 MiB and 32
// levels, see form.Limits).
func WithLimits(l form.Limits) DecodeOption { return func(c *form.Limits) { *c = l } }

// Decode reads one norm document from r: within the limits, strictly (no
// unknown field, no key twice, valid UTF-8, no control characters in
// texts), valid against [Schema], and then the checks of
// [norm.OrgNorm.Validate] and [norm.ServiceNorm.Validate], with their
// pointers under "/norm" and "/service". A date that does not exist
// (2026-02-30) is [norm.CodeDate], a negative number of days, months or a
// step below 1 [norm.CodeRange]. Every problem comes in one *[norm.Error]
// with Op "normdoc.Decode"; on error the Document is zero.
func Decode(r io.Reader, opts ...DecodeOption) (Document, error) {
	var lim form.Limits
	for _, o := range opts {
		if o != nil {
			o(&lim)
		}
	}
	doc, probs := form.Read(r, lim)
	if len(probs) > 0 {
		return Document{}, norm.NewError(decodeOp, probs)
	}
	return decode(doc, lim)
}

// DecodeBytes is Decode for a document in memory; the size limit applies
// to len(doc).
func DecodeBytes(doc []byte, opts ...DecodeOption) (Document, error) {
	return Decode(bytes.NewReader(doc), opts...)
}

func decode(doc []byte, lim form.Limits) (Document, error) {
	v, err := validator()
	if err != nil {
		return Document{}, err
	}
	var d Document
	if probs := form.DecodeBytes(doc, v, &d, lim); len(probs) > 0 {
		return Document{}, norm.NewError(decodeOp, refineDate(doc, probs))
	}
	var probs []norm.Problem
	if d.Adopted.Year < 1 {
		probs = append(probs, norm.Problem{Pointer: "/adopted", Code: norm.CodeDate, Message: norm.Textf(
			"het jaar %04d bestaat niet", "the year %04d does not exist", d.Adopted.Year)})
	}
	probs = under(probs, "/norm", d.Norm.Validate())
	if d.Service != nil {
		probs = under(probs, "/service", d.Service.Validate())
	}
	if len(probs) > 0 {
		return Document{}, norm.NewError(decodeOp, norm.Cap(probs))
	}
	return d, nil
}

// refineDate turns the schema's format problem at /adopted into a date
// problem when the value has the shape of a date but does not exist
// (2025-02-30), as checklist.DecodeAssessment does: "write YYYY-MM-DD"
// would not help someone who did.
func refineDate(doc []byte, probs []norm.Problem) []norm.Problem {
	for i, p := range probs {
		if p.Pointer != "/adopted" || p.Code != norm.CodeFormat {
			continue
		}
		var x struct {
			Adopted string `json:"adopted"`
		}
		if json.Unmarshal(doc, &x) == nil && norm.DateShaped(x.Adopted) {
			probs[i] = norm.Problem{Pointer: p.Pointer, Code: norm.CodeDate, Message: norm.Textf(
				"%s is geen bestaande datum", "%s is not an existing date", strconv.Quote(x.Adopted))}
		}
	}
	return probs
}

// under appends the problems of err, a *norm.Error from a Validate method,
// with their pointers moved under prefix.
func under(probs []norm.Problem, prefix string, err error) []norm.Problem {
	ne, ok := err.(*norm.Error)
	if !ok {
		return probs
	}
	for _, p := range ne.Problems {
		p.Pointer = prefix + p.Pointer
		probs = append(probs, p)
	}
	return probs
}
