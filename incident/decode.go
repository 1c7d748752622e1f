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
}

// WithLimits sets the size and depth limits of DecodeIncident (default
// 1 MiB and 32 levels, see form.Limits).
func WithLimits(l form.Limits) DecodeOption { return func(c *decodeConfig) { c.limits = l } }

// WithNow makes DecodeIncident refuse times after now() (plus ClockSkew)
// with norm.CodeFuture. Without it times are not compared with the clock.
func WithNow(now func() time.Time) DecodeOption { return func(c *decodeConfig) { c.now = now } }

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
		if p, ok := timeOrder(tree); ok && !slices.ContainsFunc(probs, func(q norm.Problem) bool { return q.Pointer == p.Pointer }) {
			probs = append(probs, p)
			slices.SortStableFunc(probs, func(a, b norm.Problem) int { return form.ComparePointers(a.Pointer, b.Pointer) })
		}
		return Incident{}, norm.Errorf(decodeOp, probs)
	}
	var at time.Time
	if cfg.now != nil {
		at = cfg.now()
	}
	if err := ValidateAt(&inc, at); err != nil {
		ne := err.(*norm.Error)
		return Incident{}, &norm.Error{Op: decodeOp, Problems: ne.Problems}
	}
	inc.Normalize()
	return inc, nil
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
		inc.Behaviours = []norm.BehaviourCode{}
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
