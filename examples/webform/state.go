package main

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
)

// state is what the form holds: for every field, named by the JSON pointer
// of the value it becomes, the text as typed (or the options ticked). The
// page is rendered from it and the assessment JSON built from it, so a
// problem's pointer names the field it belongs to, and what was typed is
// shown again exactly as typed.
type state struct {
	values   map[string][]string
	evidence map[checklist.CriterionID]int // rows of evidence per answer
}

func newState() *state {
	return &state{values: map[string][]string{}, evidence: map[checklist.CriterionID]int{}}
}

// get is the one value of a field; "" when absent.
func (s *state) get(ptr string) string {
	if v := s.values[ptr]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// noneCode is the value of the checkbox "none of these" of a multiple
// choice: ticked, it answers with an empty list, which differs from not
// answering. It cannot clash with an option code, which never starts with
// an underscore.
const noneCode = "_none"

// The pointers of the fields outside the answers.
var (
	ptrName      = norm.Pointer("organisation", "name")
	ptrKind      = norm.Pointer("organisation", "kind")
	ptrEmployees = norm.Pointer("organisation", "client_facing_employees")
	ptrManagers  = norm.Pointer("organisation", "managers")
	ptrDate      = norm.Pointer("assessment_date")
	ptrAssessor  = norm.Pointer("assessor", "id")
	ptrRole      = norm.Pointer("assessor", "role")
	headerFields = []string{ptrName, ptrKind, ptrEmployees, ptrManagers, ptrDate, ptrAssessor, ptrRole}
)

func valuePtr(c checklist.CriterionID) string   { return norm.Pointer("answers", string(c), "value") }
func commentPtr(c checklist.CriterionID) string { return norm.Pointer("answers", string(c), "comment") }
func evidencePtr(c checklist.CriterionID, i int, field string) string {
	return norm.Pointer("answers", string(c), "evidence", strconv.Itoa(i), field)
}

var evidenceFields = []string{"title", "reference", "date"}

// maxEvidenceRows bounds the rows of evidence read per answer from a
// posted form, however many the body names.
const maxEvidenceRows = 100

// stateFromForm reads a posted form. Only the fields of the catalogue are
// read; rows of evidence left wholly empty are dropped and the others
// numbered from 0, so that the pointers of the JSON built from the state
// are the names of the fields shown again.
func stateFromForm(f url.Values) *state {
	s := newState()
	for _, p := range headerFields {
		if v := f.Get(p); v != "" {
			s.values[p] = []string{v}
		}
	}
	for _, c := range checklist.Criteria() {
		vp := valuePtr(c.ID)
		if c.Type == checklist.TypeMulti {
			var codes []string
			for _, v := range f[vp] {
				if v != "" && !slices.Contains(codes, v) {
					codes = append(codes, v)
				}
			}
			if codes != nil {
				s.values[vp] = codes
			}
		} else if v := f.Get(vp); v != "" {
			s.values[vp] = []string{v}
		}
		// A browser posts a textarea's line breaks as CRLF; the comment
		// is multi-line text, which takes LF only (see norm.TextPattern).
		if v := strings.ReplaceAll(f.Get(commentPtr(c.ID)), "\r\n", "\n"); v != "" {
			s.values[commentPtr(c.ID)] = []string{v}
		}
		// The rows as posted, in their numeric order.
		prefix := norm.Pointer("answers", string(c.ID), "evidence") + "/"
		var rows []int
		for k := range f {
			rest, ok := strings.CutPrefix(k, prefix)
			if !ok {
				continue
			}
			n, field, ok := strings.Cut(rest, "/")
			i, err := strconv.Atoi(n)
			if !ok || err != nil || i < 0 || strconv.Itoa(i) != n || !slices.Contains(evidenceFields, field) || slices.Contains(rows, i) {
				continue
			}
			rows = append(rows, i)
		}
		slices.Sort(rows)
		n := 0
		for _, i := range rows {
			if n == maxEvidenceRows {
				break
			}
			empty := true
			for _, fld := range evidenceFields {
				if strings.TrimSpace(f.Get(evidencePtr(c.ID, i, fld))) != "" {
					empty = false
				}
			}
			if empty {
				continue
			}
			for _, fld := range evidenceFields {
				s.values[evidencePtr(c.ID, n, fld)] = []string{f.Get(evidencePtr(c.ID, i, fld))}
			}
			n++
		}
		if n > 0 {
			s.evidence[c.ID] = n
		}
	}
	return s
}

// stateFromTree fills the form from a parsed assessment (valid or not):
// every value the form has a field for, written as a person would type it.
// A value of the wrong kind is kept as text, so that the problem the
// decoder reports about it is shown with it.
func stateFromTree(tree any) *state {
	s := newState()
	root, _ := tree.(map[string]any)
	for _, p := range headerFields {
		if v, ok := lookup(root, p); ok {
			if t, ok := scalarText(v); ok {
				s.values[p] = []string{t}
			}
		}
	}
	for _, c := range checklist.Criteria() {
		vp := valuePtr(c.ID)
		if v, ok := lookup(root, vp); ok {
			if list, isList := v.([]any); isList && c.Type == checklist.TypeMulti {
				codes := []string{}
				for _, e := range list {
					if t, ok := scalarText(e); ok && t != "" {
						codes = append(codes, t)
					}
				}
				if len(codes) == 0 {
					codes = []string{noneCode}
				}
				s.values[vp] = codes
			} else if t, ok := scalarText(v); ok && t != "" {
				s.values[vp] = []string{t}
			}
		}
		if v, ok := lookup(root, commentPtr(c.ID)); ok {
			if t, ok := scalarText(v); ok && t != "" {
				s.values[commentPtr(c.ID)] = []string{t}
			}
		}
		evs, _ := lookupAny(root, norm.Pointer("answers", string(c.ID), "evidence")).([]any)
		for i, e := range evs {
			em, _ := e.(map[string]any)
			for _, fld := range evidenceFields {
				if t, ok := scalarText(em[fld]); ok {
					s.values[evidencePtr(c.ID, i, fld)] = []string{t}
				}
			}
		}
		if len(evs) > 0 {
			s.evidence[c.ID] = len(evs)
		}
	}
	return s
}

// scalarText writes a JSON scalar as text; false for objects, arrays and
// null.
func scalarText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

func lookup(root map[string]any, ptr string) (any, bool) {
	v := lookupAny(root, ptr)
	return v, v != nil
}

func lookupAny(root map[string]any, ptr string) any {
	var cur any = root
	for _, t := range norm.SplitPointer(ptr) {
		switch x := cur.(type) {
		case map[string]any:
			cur = x[t]
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			cur = x[i]
		default:
			return nil
		}
	}
	return cur
}

// jsonNumber is the JSON number grammar: what the form may pass on as a
// number. Anything else typed into a number field goes as text, and the
// decoder says that a number was expected.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// number turns typed text into a JSON value: "95,5" (the Dutch decimal
// comma) and "95.5" become 95.5.
func number(typed string) any {
	t := strings.TrimSpace(typed)
	if strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	if jsonNumber.MatchString(t) {
		return json.Number(t)
	}
	return typed
}

// member is one property of an object, written in order.
type member struct {
	key string
	val any
}

// object is a JSON object whose keys keep their order, so that the
// assessment a person downloads reads in form order.
type object []member

func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.val)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// assessmentJSON builds the self-assessment the form describes, indented.
// An empty field is left out, so that the decoder names a missing required
// field at that field; an unanswered question has no answer. The only
// problems found here are those no document could carry: "none of these"
// ticked together with an option.
func (s *state) assessmentJSON() ([]byte, []norm.Problem) {
	var probs []norm.Problem
	text := func(o *object, key, ptr string) {
		if v := strings.TrimSpace(s.get(ptr)); v != "" {
			*o = append(*o, member{key, v})
		}
	}
	num := func(o *object, key, ptr string) {
		if v := strings.TrimSpace(s.get(ptr)); v != "" {
			*o = append(*o, member{key, number(v)})
		}
	}
	org := object{}
	text(&org, "name", ptrName)
	text(&org, "kind", ptrKind)
	num(&org, "client_facing_employees", ptrEmployees)
	num(&org, "managers", ptrManagers)
	assessor := object{}
	text(&assessor, "id", ptrAssessor)
	text(&assessor, "role", ptrRole)

	doc := object{{"version", checklist.AssessmentVersion}, {"organisation", org}}
	text(&doc, "assessment_date", ptrDate)
	doc = append(doc, member{"assessor", assessor})

	answers := object{}
	for _, c := range checklist.Criteria() {
		ans := object{}
		vp := valuePtr(c.ID)
		switch v := strings.TrimSpace(s.get(vp)); {
		case c.Type == checklist.TypeMulti:
			codes := s.values[vp]
			if slices.Contains(codes, noneCode) {
				if len(codes) > 1 {
					probs = append(probs, norm.Problem{Pointer: vp, Code: norm.CodeEnum, Message: norm.T(
						"kies ‘geen van deze’ niet samen met een andere mogelijkheid",
						"do not choose ‘none of these’ together with another option")})
				}
				codes = slices.DeleteFunc(slices.Clone(codes), func(c string) bool { return c == noneCode })
				ans = append(ans, member{"value", codes})
			} else if len(codes) > 0 {
				ans = append(ans, member{"value", codes})
			}
		case v == "":
		case c.Type == checklist.TypeBool && (v == "true" || v == "false"):
			ans = append(ans, member{"value", v == "true"})
		case c.Type == checklist.TypePercent || c.Type == checklist.TypeCount:
			ans = append(ans, member{"value", number(v)})
		default:
			ans = append(ans, member{"value", v})
		}
		if v := strings.TrimSpace(s.get(commentPtr(c.ID))); v != "" {
			ans = append(ans, member{"comment", v})
		}
		if n := s.evidence[c.ID]; n > 0 {
			rows := make([]object, n)
			for i := range n {
				for _, fld := range evidenceFields {
					rows[i] = append(rows[i], member{fld, strings.TrimSpace(s.get(evidencePtr(c.ID, i, fld)))})
				}
			}
			ans = append(ans, member{"evidence", rows})
		}
		if len(ans) > 0 {
			answers = append(answers, member{string(c.ID), ans})
		}
	}
	doc = append(doc, member{"answers", answers})
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil { // cannot happen: strings, numbers and lists only
		return nil, []norm.Problem{{Code: norm.CodeSchema, Message: norm.T("het formulier kon niet worden omgezet", "the form could not be converted")}}
	}
	return b, probs
}
