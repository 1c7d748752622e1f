package incident

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// decodeOp is the Op of every error DecodeIncident returns.
const decodeOp = "incident.DecodeIncident"

// validator checks documents against the 2020-12 schema (the language only
// changes texts, so one validator serves both).
var schemaValidator = sync.OnceValues(func() (*form.Validator, error) {
	b, err := Schema(norm.NL, form.Draft2020) // a copy of its own: no caller can reach these bytes
	if err != nil {
		return nil, err
	}
	return form.NewValidator(b)
})

// DecodeOption changes how DecodeIncident reads a document.
type DecodeOption func(*decodeConfig)

type decodeConfig struct {
	limits form.Limits
	now    func() time.Time
	norm   *normArg
}

// normArg is an organisation's norm given to a reader, with its name.
type normArg struct {
	id string
	n  norm.OrgNorm
}

// WithLimits sets the size and depth limits of DecodeIncident (default
// 1 MiB and 32 levels, see form.Limits).
func WithLimits(l form.Limits) DecodeOption { return func(c *decodeConfig) { c.limits = l } }

// WithNow makes DecodeIncident refuse times after now() (plus ClockSkew)
// with norm.CodeFuture. Without it times are not compared with the clock.
func WithNow(now func() time.Time) DecodeOption { return func(c *decodeConfig) { c.now = now } }

// WithNorm makes DecodeIncident accept the behaviour codes that the
// organisation's norm n adds, classified by the category n gives them, and
// record n (which the organisation calls id) as the norm the incident is
// registered under (see Incident.UnderNorm). A document that names a norm
// of its own must name this one and agree with its categories. Without
// WithNorm an incident may carry the own codes of the norm it names in
// its document (as EncodeIncident writes a registered incident), and any
// other code outside the catalogue is refused.
func WithNorm(id string, n norm.OrgNorm) DecodeOption {
	return func(c *decodeConfig) { c.norm = &normArg{id: id, n: n} }
}

// DecodeIncident reads one incident document from r: within the limits,
// strictly (no unknown field, no key twice, valid UTF-8), valid against
// Schema, and then the checks of Validate that no schema can express (an
// incident reported before it occurred, a reference that appears twice, a
// perpetrator with a reference but the role "unknown", times in the future
// with WithNow). Every problem comes in one *norm.Error with Op
// "incident.DecodeIncident", each with its JSON pointer; on error the
// Incident is zero. Times come back in UTC (see Incident.Normalize).
func DecodeIncident(r io.Reader, opts ...DecodeOption) (Incident, error) {
	var cfg decodeConfig
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	v, err := schemaValidator()
	if err != nil {
		return Incident{}, err
	}
	var inc Incident
	tree, probs := form.DecodeTree(r, v, &inc, cfg.limits)
	if len(probs) > 0 {
		// The schema stopped the decoding; still tell about the times
		// being in the wrong order, so that one round of corrections
		// suffices.
		more := unknownCodes(tree, cfg.norm)
		if p, ok := timeOrder(tree); ok {
			more = append(more, p)
		}
		for _, p := range more {
			if !slices.ContainsFunc(probs, func(q norm.Problem) bool { return q.Pointer == p.Pointer }) {
				probs = append(probs, p)
			}
		}
		slices.SortStableFunc(probs, func(a, b norm.Problem) int { return form.ComparePointers(a.Pointer, b.Pointer) })
		return Incident{}, norm.NewError(decodeOp, probs)
	}
	var at time.Time
	if cfg.now != nil {
		at = cfg.now()
	}
	var found []norm.Problem
	if cfg.norm != nil {
		found = applyNorm(&inc, cfg.norm.id, cfg.norm.n)
	}
	if err := ValidateAt(&inc, at); err != nil {
		found = append(found, err.(*norm.Error).Problems...)
	}
	if len(found) > 0 {
		slices.SortStableFunc(found, func(a, b norm.Problem) int { return form.ComparePointers(a.Pointer, b.Pointer) })
		return Incident{}, norm.NewError(decodeOp, found)
	}
	inc.Normalize()
	return inc, nil
}

// unknownCodes looks at the behaviours of a parsed document that failed
// the schema and reports the codes that neither the catalogue nor the norm
// defines (the schema cannot know a norm's codes, so it lets them pass),
// so that one round of corrections suffices.
func unknownCodes(tree any, given *normArg) []norm.Problem {
	m, _ := tree.(map[string]any)
	list, _ := m["behaviours"].([]any)
	if len(list) > MaxItems {
		return nil
	}
	var inc Incident
	if raw, ok := m["norm"]; ok {
		// only on a refused document: the norm reference is read once more
		b, err := json.Marshal(raw)
		if err != nil || json.Unmarshal(b, &inc.Norm) != nil {
			return nil
		}
	}
	for _, x := range list {
		s, ok := x.(string)
		if !ok {
			return nil
		}
		inc.Behaviours = append(inc.Behaviours, norm.BehaviourCode(s))
	}
	if given != nil {
		inc.UnderNorm(given.id, given.n)
	}
	v := validator{}
	v.behaviours(inc.Behaviours, inc.Norm)
	var out []norm.Problem
	for _, p := range v.ps {
		if p.Code == norm.CodeEnum {
			out = append(out, p)
		}
	}
	return out
}

// timeOrder looks at the two times of a parsed document that failed the
// schema and reports a reported_at before occurred_at.
func timeOrder(tree any) (norm.Problem, bool) {
	m, _ := tree.(map[string]any)
	occurred, _ := m["occurred_at"].(string)
	reported, _ := m["reported_at"].(string)
	o, err1 := time.Parse(time.RFC3339Nano, occurred)
	r, err2 := time.Parse(time.RFC3339Nano, reported)
	if err1 != nil || err2 != nil || !r.Before(o) {
		return norm.Problem{}, false
	}
	return norm.Problem{Pointer: "/reported_at", Code: norm.CodeOrder, Message: norm.T("gemeld voordat het gebeurde", "reported before it occurred")}, true
}

// EncodeIncident writes inc as the JSON document that DecodeIncident reads,
// indented, with empty lists as [] rather than null (the schema refuses
// null) and without HTML escaping. It includes the free text: it is the
// incident itself, not an export.
func EncodeIncident(w io.Writer, inc Incident) error {
	if inc.Behaviours == nil {
		inc.Behaviours = Behaviours{}
	}
	if inc.Involved == nil {
		inc.Involved = []Person{}
	}
	if inc.Analysis != nil && inc.Analysis.Causes == nil {
		a := *inc.Analysis
		a.Causes = []Cause{}
		inc.Analysis = &a
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(inc); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
