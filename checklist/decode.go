package checklist

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

const decodeOp = "checklist.DecodeAssessment"

// DecodeOption configures DecodeAssessment.
type DecodeOption func(*decodeConfig)

type decodeConfig struct {
	limits form.Limits
}

// WithLimits sets the size and depth limits of the input. Zero fields keep
// the defaults: 1 MiB ([form.DefaultMaxBytes]) and 32 levels
// ([form.DefaultMaxDepth]).
func WithLimits(l form.Limits) DecodeOption {
	return func(c *decodeConfig) { c.limits = l }
}

// assessmentValidator is the compiled 2020-12 schema that DecodeAssessment
// validates against. The Dutch and English schemas differ only in their
// titles, so either will do.
var assessmentValidator = sync.OnceValues(func() (*form.Validator, error) {
	b, err := Schema(norm.NL, form.Draft2020) // a copy of its own: no caller can reach these bytes
	if err != nil {
		return nil, err
	}
	return form.NewValidator(b)
})

// DecodeAssessment reads one self-assessment from r and returns it, or the
// zero Assessment and a *[norm.Error] (Op "checklist.DecodeAssessment")
// that lists every problem found, each with its JSON pointer, a stable
// code and a message in Dutch and English.
//
// The input is read within the limits (see [WithLimits]); it must be
// well-formed JSON in UTF-8 without duplicate keys. It is then validated
// against the 2020-12 schema of [Schema], and checked for what no schema
// can express:
//   - a date that does not exist, such as 2025-02-30 ([norm.CodeDate]);
//   - evidence, or a date answer, dated after the assessment date
//     ([norm.CodeFuture]);
//   - one evidence reference listed twice in one answer, or used for two
//     different documents (another title or date) anywhere in the
//     document ([norm.CodeDuplicate]); the same document cited for
//     several answers is fine;
//   - an answer under a key that is not a criterion
//     ([norm.CodeUnknownField]).
//
// An unanswered criterion is not a problem, nor is an answer without a
// value, nor a document without "answers" (nothing answered); but
// "value": null is refused ([norm.CodeType]) with a message saying to
// leave the value out instead. The
// "version" may be left out, as form renderers do when the form has no
// field for it; the Assessment then has [AssessmentVersion], the only
// version there is. Nothing is half-decoded. The document is parsed once, by
// [form.DecodeTree]: the schema and the checks run on the parsed tree,
// from which the Assessment is filled.
func DecodeAssessment(r io.Reader, opts ...DecodeOption) (Assessment, error) {
	var cfg decodeConfig
	for _, o := range opts {
		o(&cfg)
	}
	v, err := assessmentValidator()
	if err != nil {
		return Assessment{}, fmt.Errorf("%s: %w", decodeOp, err)
	}
	var a Assessment
	tree, probs := form.DecodeTree(r, v, &a, cfg.limits)
	if probs != nil {
		if tree == nil {
			return Assessment{}, norm.NewError(decodeOp, probs)
		}
		return Assessment{}, norm.NewError(decodeOp, refine(tree, probs))
	}
	if probs := semantic(viewOfTree(tree)); probs != nil {
		return Assessment{}, norm.NewError(decodeOp, probs)
	}
	if a.Version == "" {
		a.Version = AssessmentVersion // the schema's default when absent
	}
	if a.Answers == nil {
		a.Answers = map[CriterionID]Answer{}
	}
	return a, nil
}

// refine improves the schema's problems: a well-shaped date that does not
// exist gets code date, an unknown answer key says that it is not a
// criterion; and the semantic checks run on whatever could be read, so
// that every problem is listed at once.
func refine(tree any, probs []norm.Problem) []norm.Problem {
	out := make([]norm.Problem, 0, len(probs))
	for _, p := range probs {
		switch p.Code {
		case norm.CodeFormat:
			if s, ok := lookup(tree, norm.SplitPointer(p.Pointer)).(string); ok && norm.DateShaped(s) {
				p = dateProblem(p.Pointer, s)
			}
		case norm.CodeType:
			// null is not an answer: a form leaves an untouched question
			// out, and so does a document (see the package docs).
			if toks := norm.SplitPointer(p.Pointer); len(toks) == 3 && toks[0] == "answers" && toks[2] == "value" && lookup(tree, toks) == nil {
				p.Message = norm.Textf("%s: null is geen antwoord; laat \"value\" weg om de vraag open te laten",
					"%s: null is not an answer; leave \"value\" out to leave the question unanswered", clip(toks[1]))
			}
		case norm.CodeUnknownField:
			if toks := norm.SplitPointer(p.Pointer); len(toks) == 2 && toks[0] == "answers" {
				if id, ok := renamedCriterion(toks[1]); ok {
					p.Message = norm.Textf("%q is de oude schrijfwijze van een criterium; gebruik %s",
						"%q is the old spelling of a criterion ID; use %s", toks[1], id)
				} else {
					p.Message = norm.Textf("%q is geen criterium van de checklist", "%q is not a criterion of the checklist", toks[1])
				}
			}
		}
		out = append(out, p)
	}
	return sortProblems(append(out, semantic(viewOfTree(tree))...))
}

// renamedCriterion returns the ID of the criterion that key named before
// the IDs lost their dot ("GG01.1" is now "GG01-1"), if key is such an
// old ID. Form renderers read a dot in a property name as a path
// separator, so the IDs changed; a document with the old keys is refused
// with the new key in the message rather than read as if nothing had
// been answered.
func renamedCriterion(key string) (CriterionID, bool) {
	item, n, ok := strings.Cut(key, ".")
	if !ok || strings.Contains(n, ".") {
		return "", false
	}
	id := CriterionID(item + "-" + n)
	if _, ok := LookupCriterion(id); !ok {
		return "", false
	}
	return id, true
}

// unknownCriterion is the message for an ID that names no criterion,
// after prefix (an option's name and a colon, or ""); for an old dotted
// ID it names the new one.
func unknownCriterion(prefix string, id CriterionID) norm.Text {
	if n, ok := renamedCriterion(string(id)); ok {
		return norm.Textf("%s%q is de oude schrijfwijze van een criterium; gebruik %s",
			"%s%q is the old spelling of a criterion ID; use %s", prefix, string(id), n)
	}
	return norm.Textf("%sonbekend criterium %q", "%sunknown criterion %q", prefix, clip(string(id)))
}

// dateProblem reports a date in the right shape that does not exist.
func dateProblem(ptr, s string) norm.Problem {
	return norm.Problem{Pointer: ptr, Code: norm.CodeDate, Message: norm.Textf(
		"%s is geen bestaande datum", "%s is not an existing date", strconv.Quote(s))}
}

// docView is what the semantic checks look at, taken from the parsed
// tree, valid or not.
type docView struct {
	date  string // assessment_date as written; "" when absent or malformed
	dates []datedAt
	refs  []refAt
}

// loc is where a value is, kept apart until a problem needs the pointer:
// building pointers for every value of a valid document would cost more
// than the checks. With answer set it is /answers/<answer>/<field> or,
// for evidence, /answers/<answer>/evidence/<evidence-1>/<field>;
// otherwise field is the whole path below the root.
type loc struct {
	answer   string
	evidence int // index+1; 0 when not in evidence
	field    string
}

func (l loc) pointer() string {
	if l.answer == "" {
		return "/" + l.field
	}
	if l.evidence > 0 {
		return norm.Pointer("answers", l.answer, "evidence", strconv.Itoa(l.evidence-1), l.field)
	}
	return norm.Pointer("answers", l.answer, l.field)
}

// datedAt is a date somewhere in the answers.
type datedAt struct {
	at       loc
	date     string
	evidence bool
}

// refAt is an evidence reference and where it is.
type refAt struct {
	at          loc
	ref         string
	title, date string // what the reference names, to tell one document cited twice from two documents under one reference
}

// viewOfTree collects the dates and evidence references of a tree of any
// shape, in checklist order, skipping what is not where it should be (the
// schema reports that).
func viewOfTree(tree any) docView {
	var v docView
	root, _ := tree.(map[string]any)
	if s, ok := root["assessment_date"].(string); ok {
		v.date = s
	}
	answers, _ := root["answers"].(map[string]any)
	// Checklist order, then unknown keys by name, so that "first" in a
	// duplicate message is stable. A valid document has only known keys:
	// those are looked up in order, and only the rest is sorted.
	keys := make([]string, 0, len(answers))
	for i := range criteria {
		if _, ok := answers[string(criteria[i].ID)]; ok {
			keys = append(keys, string(criteria[i].ID))
		}
	}
	if len(keys) < len(answers) {
		var unknown []string
		for k := range answers {
			if _, ok := lookupCriterion(CriterionID(k)); !ok {
				unknown = append(unknown, k)
			}
		}
		slices.Sort(unknown)
		keys = append(keys, unknown...)
	}
	for _, k := range keys {
		ans, _ := answers[k].(map[string]any)
		if c, ok := lookupCriterion(CriterionID(k)); ok && c.Type == TypeDate {
			if s, ok := ans["value"].(string); ok {
				v.dates = append(v.dates, datedAt{at: loc{answer: k, field: "value"}, date: s})
			}
		}
		evs, _ := ans["evidence"].([]any)
		for i, e := range evs {
			em, _ := e.(map[string]any)
			if s, ok := em["date"].(string); ok {
				v.dates = append(v.dates, datedAt{at: loc{answer: k, evidence: i + 1, field: "date"}, date: s, evidence: true})
			}
			if s, ok := em["reference"].(string); ok {
				title, _ := em["title"].(string)
				date, _ := em["date"].(string)
				v.refs = append(v.refs, refAt{at: loc{answer: k, evidence: i + 1, field: "reference"}, ref: s, title: title, date: date})
			}
		}
	}
	return v
}

// semantic runs the checks no schema can express: dates after the
// assessment date and evidence references used twice. Dates that do not
// parse are left alone here: the schema or refine reported them.
func semantic(v docView) []norm.Problem {
	var probs []norm.Problem
	ref, err := norm.ParseDate(v.date)
	if err == nil {
		for _, d := range v.dates {
			t, err := norm.ParseDate(d.date)
			if err != nil || !t.After(ref) {
				continue
			}
			if d.evidence {
				probs = append(probs, norm.Problem{Pointer: d.at.pointer(), Code: norm.CodeFuture, Message: norm.Textf(
					"het bewijsstuk is gedateerd op %s, na de datum van de zelfevaluatie (%s)",
					"the evidence is dated %s, after the assessment date (%s)", t, ref)})
			} else {
				probs = append(probs, norm.Problem{Pointer: d.at.pointer(), Code: norm.CodeFuture, Message: norm.Textf(
					"%s ligt na de datum van de zelfevaluatie (%s)",
					"%s is after the assessment date (%s)", t, ref)})
			}
		}
	}
	// One document may support several answers (a policy cited for GG03-1
	// and GG11-1), so a reference repeated with the same title and date is
	// fine across answers. A reference listed twice in one answer, or used
	// for a different title or date, names two documents with one key: an
	// auditor could not tell which one was meant.
	first := make(map[string]refAt, len(v.refs))
	for _, r := range v.refs {
		if r.ref == "" {
			continue
		}
		if f, dup := first[r.ref]; dup {
			if f.at.answer != r.at.answer && f.title == r.title && f.date == r.date {
				continue
			}
			probs = append(probs, norm.Problem{Pointer: r.at.pointer(), Code: norm.CodeDuplicate, Message: norm.Textf(
				"het kenmerk %s is al gebruikt bij %s voor een ander bewijsstuk; geef elk bewijsstuk één eigen kenmerk",
				"the reference %s is already used at %s for another piece of evidence; give each piece of evidence its own reference", strconv.Quote(r.ref), f.at.pointer())})
			continue
		}
		first[r.ref] = r
	}
	if len(probs) == 0 {
		return nil
	}
	return sortProblems(probs)
}

// maxProblems caps the problems of one document, as everywhere.
const maxProblems = norm.MaxProblems

// sortProblems orders problems by pointer (array indices as numbers) and
// code, as form does, and caps them at maxProblems.
func sortProblems(probs []norm.Problem) []norm.Problem {
	slices.SortStableFunc(probs, func(a, b norm.Problem) int {
		if c := form.ComparePointers(a.Pointer, b.Pointer); c != 0 {
			return c
		}
		return strings.Compare(string(a.Code), string(b.Code))
	})
	return norm.Cap(probs)
}

// lookup resolves JSON pointer tokens in a tree; nil when absent.
func lookup(tree any, toks []string) any {
	for _, t := range toks {
		switch x := tree.(type) {
		case map[string]any:
			tree = x[t]
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			tree = x[i]
		default:
			return nil
		}
	}
	return tree
}
