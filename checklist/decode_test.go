package checklist

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// fullAssessment is the sample with every criterion answered and
// evidenced.
func fullAssessment(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "decode", "full.json"))
	require.NoError(tb, err)
	return b
}

// baseDoc is a small valid assessment the invalid cases start from.
const baseDoc = `{
  "version": "1",
  "organisation": {"name": "Gemeente Testdorp (fictief)", "kind": "municipality", "client_facing_employees": 40, "managers": 4},
  "assessment_date": "2025-06-30",
  "assessor": {"id": "AUD-7", "role": "kwaliteitsadviseur"},
  "answers": {
    "GG01-1": {"value": 80, "evidence": [{"title": "Trainingsregistratie", "reference": "HR-1", "date": "2025-05-01"}]},
    "GG01-2": {"value": "both"},
    "GG02-3": {"value": true, "comment": "Vastgelegd in het draaiboek."},
    "GG04-2": {"value": ["team_meeting", "intranet"]},
    "GG10-1": {"value": "2025-03-01"},
    "GG14-3": {"value": 2, "evidence": [{"title": "Verslag", "reference": "WO-9", "date": "2025-04-15"}]}
  }
}`

// editBase returns baseDoc with the replacements old1, new1, old2, new2, ...
// applied; each old string must occur, so a case cannot silently test
// the valid document.
func editBase(tb testing.TB, pairs ...string) string {
	tb.Helper()
	doc := baseDoc
	for i := 0; i < len(pairs); i += 2 {
		require.Contains(tb, doc, pairs[i], "case edits text that is not in the base document")
		doc = strings.Replace(doc, pairs[i], pairs[i+1], 1)
	}
	return doc
}

// wantProblem is one expected problem.
type wantProblem struct {
	pointer string
	code    norm.ProblemCode
}

// invalidCase is an assessment DecodeAssessment must refuse.
type invalidCase struct {
	name string
	doc  string
	opts []DecodeOption
	want []wantProblem
}

func invalidCases(tb testing.TB) []invalidCase {
	deep := strings.Repeat("[", 40) + strings.Repeat("]", 40)
	return []invalidCase{
		{"wrong_type", editBase(tb, `"managers": 4`, `"managers": "vier"`),
			nil, []wantProblem{{"/organisation/managers", norm.CodeType}}},
		{"wrong_type_value", editBase(tb, `"value": true`, `"value": "ja"`),
			nil, []wantProblem{{"/answers/GG02-3/value", norm.CodeType}}},
		{"unknown_field", editBase(tb, `"version": "1",`, `"version": "1", "remarks": "x",`),
			nil, []wantProblem{{"/remarks", norm.CodeUnknownField}}},
		{"unknown_field_in_answer", editBase(tb, `"value": "both"`, `"value": "both", "score": 3`),
			nil, []wantProblem{{"/answers/GG01-2/score", norm.CodeUnknownField}}},
		{"unknown_criterion", editBase(tb, `"GG01-2":`, `"GG99-1": {"value": true}, "GG01-2":`),
			nil, []wantProblem{{"/answers/GG99-1", norm.CodeUnknownField}}},
		{"old_dotted_ids", editBase(tb, `"GG01-1":`, `"GG01.1":`, `"GG14-3":`, `"GG14.3":`),
			nil, []wantProblem{{"/answers/GG01.1", norm.CodeUnknownField}, {"/answers/GG14.3", norm.CodeUnknownField}}},
		{"percent_out_of_range", editBase(tb, `"value": 80`, `"value": 120`),
			nil, []wantProblem{{"/answers/GG01-1/value", norm.CodeRange}}},
		{"negative_percent", editBase(tb, `"value": 80`, `"value": -0.5`),
			nil, []wantProblem{{"/answers/GG01-1/value", norm.CodeRange}}},
		{"negative_count", editBase(tb, `"value": 2,`, `"value": -2,`),
			nil, []wantProblem{{"/answers/GG14-3/value", norm.CodeRange}}},
		{"negative_employees", editBase(tb, `"client_facing_employees": 40`, `"client_facing_employees": -40`),
			nil, []wantProblem{{"/organisation/client_facing_employees", norm.CodeRange}}},
		{"non_integer_count", editBase(tb, `"value": 2,`, `"value": 2.5,`),
			nil, []wantProblem{{"/answers/GG14-3/value", norm.CodeType}}},
		{"bad_date", editBase(tb, `"assessment_date": "2025-06-30"`, `"assessment_date": "30-06-2025"`),
			nil, []wantProblem{{"/assessment_date", norm.CodeFormat}}},
		{"impossible_date", editBase(tb, `"date": "2025-05-01"`, `"date": "2025-02-30"`),
			nil, []wantProblem{{"/answers/GG01-1/evidence/0/date", norm.CodeDate}}},
		{"impossible_assessment_date", editBase(tb, `"assessment_date": "2025-06-30"`, `"assessment_date": "2025-13-01"`),
			nil, []wantProblem{{"/assessment_date", norm.CodeDate}}},
		{"impossible_date_answer", editBase(tb, `"value": "2025-03-01"`, `"value": "2023-02-29"`),
			nil, []wantProblem{{"/answers/GG10-1/value", norm.CodeDate}}},
		{"missing_required", editBase(tb, `"assessor": {"id": "AUD-7", "role": "kwaliteitsadviseur"},`, ``, `"name": "Gemeente Testdorp (fictief)", `, ``),
			nil, []wantProblem{{"/assessor", norm.CodeRequired}, {"/organisation/name", norm.CodeRequired}}},
		{"missing_evidence_reference", editBase(tb, `"reference": "HR-1", `, ``),
			nil, []wantProblem{{"/answers/GG01-1/evidence/0/reference", norm.CodeRequired}}},
		{"empty_name", editBase(tb, `"name": "Gemeente Testdorp (fictief)"`, `"name": ""`),
			nil, []wantProblem{{"/organisation/name", norm.CodeRange}}},
		{"null_value", editBase(tb, `"value": "both"`, `"value": null`),
			nil, []wantProblem{{"/answers/GG01-2/value", norm.CodeType}}},
		{"oversize", baseDoc, []DecodeOption{WithLimits(form.Limits{MaxBytes: 200})},
			[]wantProblem{{"", norm.CodeTooLarge}}},
		{"deep_nesting", editBase(tb, `"Vastgelegd in het draaiboek."`, deep),
			nil, []wantProblem{{"/answers/GG02-3/comment" + strings.Repeat("/0", 29), norm.CodeTooDeep}}},
		{"deep_nesting_custom_limit", baseDoc, []DecodeOption{WithLimits(form.Limits{MaxDepth: 3})},
			[]wantProblem{{"/answers/GG01-1/evidence", norm.CodeTooDeep}}},
		{"duplicate_key", editBase(tb, `"kind": "municipality",`, `"kind": "municipality", "kind": "ministry",`),
			nil, []wantProblem{{"/organisation/kind", norm.CodeDuplicateKey}}},
		{"duplicate_evidence_reference", editBase(tb, `"reference": "WO-9"`, `"reference": "HR-1"`),
			nil, []wantProblem{{"/answers/GG14-3/evidence/0/reference", norm.CodeDuplicate}}},
		{"duplicate_reference_in_one_answer", editBase(tb, `"date": "2025-05-01"}`, `"date": "2025-05-01"}, {"title": "Kopie", "reference": "HR-1", "date": "2025-05-02"}`),
			nil, []wantProblem{{"/answers/GG01-1/evidence/1/reference", norm.CodeDuplicate}}},
		{"evidence_after_assessment_date", editBase(tb, `"date": "2025-04-15"`, `"date": "2025-07-01"`),
			nil, []wantProblem{{"/answers/GG14-3/evidence/0/date", norm.CodeFuture}}},
		{"date_answer_after_assessment_date", editBase(tb, `"value": "2025-03-01"`, `"value": "2025-12-01"`),
			nil, []wantProblem{{"/answers/GG10-1/value", norm.CodeFuture}}},
		{"choice_not_allowed", editBase(tb, `"value": "both"`, `"value": "maybe"`),
			nil, []wantProblem{{"/answers/GG01-2/value", norm.CodeEnum}}},
		{"multi_code_not_allowed", editBase(tb, `"intranet"]`, `"fax"]`),
			nil, []wantProblem{{"/answers/GG04-2/value/1", norm.CodeEnum}}},
		{"multi_code_twice", editBase(tb, `"intranet"]`, `"team_meeting"]`),
			nil, []wantProblem{{"/answers/GG04-2/value/1", norm.CodeDuplicate}}},
		{"unknown_org_kind", editBase(tb, `"kind": "municipality"`, `"kind": "province"`),
			nil, []wantProblem{{"/organisation/kind", norm.CodeEnum}}},
		{"wrong_version", editBase(tb, `"version": "1"`, `"version": "2"`),
			nil, []wantProblem{{"/version", norm.CodeEnum}}},
		{"syntax", baseDoc[:len(baseDoc)-10],
			nil, []wantProblem{{"/answers/GG14-3/evidence/0/date", norm.CodeSyntax}}},
		{"invalid_utf8", editBase(tb, `Testdorp`, "Test\xffdorp"),
			nil, []wantProblem{{"/organisation/name", norm.CodeInvalidUTF8}}},
		{"not_an_object", `[1, 2, 3]`,
			nil, []wantProblem{{"", norm.CodeType}}},
		{"empty", ``, nil, []wantProblem{{"", norm.CodeSyntax}}},
		{"many_problems_at_once", editBase(tb,
			`"managers": 4`, `"managers": -1`,
			`"value": 80`, `"value": 101`,
			`"reference": "WO-9"`, `"reference": "HR-1"`,
			`"date": "2025-04-15"`, `"date": "2025-08-01"`,
			`"value": "both"`, `"value": "all"`),
			nil, []wantProblem{
				{"/answers/GG01-1/value", norm.CodeRange},
				{"/answers/GG01-2/value", norm.CodeEnum},
				{"/answers/GG14-3/evidence/0/date", norm.CodeFuture},
				{"/answers/GG14-3/evidence/0/reference", norm.CodeDuplicate},
				{"/organisation/managers", norm.CodeRange},
			}},
	}
}

func TestDecodeAssessmentBaseIsValid(t *testing.T) {
	a, err := DecodeAssessment(strings.NewReader(baseDoc))
	require.NoError(t, err)
	assert.Equal(t, "Gemeente Testdorp (fictief)", a.Organisation.Name)
	assert.Len(t, a.Answers, 6)
}

// One document may support several answers: the same reference with the
// same title and date under two criteria is not a duplicate.
func TestDecodeAssessmentSameDocumentForTwoAnswers(t *testing.T) {
	doc := editBase(t, `{"title": "Verslag", "reference": "WO-9", "date": "2025-04-15"}`,
		`{"title": "Trainingsregistratie", "reference": "HR-1", "date": "2025-05-01"}`)
	a, err := DecodeAssessment(strings.NewReader(doc))
	require.NoError(t, err)
	assert.Equal(t, "HR-1", a.Answers["GG14-3"].Evidence[0].Reference)
}

// What a form hands in when nobody touched the questions: JSON Forms
// writes neither the version (it has no control and applies no default)
// nor an answers object. That is a valid document with version 1 and
// nothing answered.
func TestDecodeAssessmentWithoutVersionAndAnswers(t *testing.T) {
	doc := editBase(t, `"version": "1",`, ``)
	doc = doc[:strings.Index(doc, `,
  "answers"`)] + "\n}"
	a, err := DecodeAssessment(strings.NewReader(doc))
	require.NoError(t, err, doc)
	assert.Equal(t, AssessmentVersion, a.Version)
	assert.Empty(t, a.Answers)
	rep, err := Evaluate(a)
	require.NoError(t, err)
	assert.Equal(t, 0, rep.Answered)
}

func TestDecodeAssessmentInvalid(t *testing.T) {
	for _, tt := range invalidCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			a, err := DecodeAssessment(strings.NewReader(tt.doc), tt.opts...)
			require.Error(t, err)
			assert.True(t, errors.Is(err, norm.ErrInvalid))
			var ne *norm.Error
			require.True(t, errors.As(err, &ne), "%T is not a *norm.Error", err)
			assert.Equal(t, "checklist.DecodeAssessment", ne.Op)
			assert.Equal(t, Assessment{}, a, "nothing half-decoded")
			var got []wantProblem
			for _, p := range ne.Problems {
				got = append(got, wantProblem{p.Pointer, p.Code})
				assert.NotEmpty(t, p.Message.NL, "%s: no Dutch message", p.Pointer)
				assert.NotEmpty(t, p.Message.EN, "%s: no English message", p.Pointer)
			}
			assert.Equal(t, tt.want, got, "problems:\n%s", ne.Error())
		})
	}
}

// A document written with the criterion IDs of before the rename
// ("GG01.1") is refused, one problem per old key, at that key, naming the
// new ID in both languages.
func TestDecodeAssessmentOldCriterionIDs(t *testing.T) {
	doc := editBase(t, `"GG01-1":`, `"GG01.1":`, `"GG04-2":`, `"GG04.2":`, `"GG10-1":`, `"GG10.9":`)
	_, err := DecodeAssessment(strings.NewReader(doc))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	got := map[string]norm.Text{}
	for _, p := range ne.Problems {
		assert.Equal(t, norm.CodeUnknownField, p.Code, p.Pointer)
		got[p.Pointer] = p.Message
	}
	require.Len(t, got, 3, "one problem per old key:\n%s", ne.Error())
	assert.Equal(t, norm.T(`"GG01.1" is de oude schrijfwijze van een criterium; gebruik GG01-1`,
		`"GG01.1" is the old spelling of a criterion ID; use GG01-1`), got["/answers/GG01.1"])
	assert.Contains(t, got["/answers/GG04.2"].NL, "gebruik GG04-2")
	assert.Contains(t, got["/answers/GG04.2"].EN, "use GG04-2")
	// GG10.9 was never a criterion: no new key to name.
	assert.Equal(t, norm.T(`"GG10.9" is geen criterium van de checklist`, `"GG10.9" is not a criterion of the checklist`), got["/answers/GG10.9"])
}

func TestDecodeAssessmentMessages(t *testing.T) {
	_, err := DecodeAssessment(strings.NewReader(editBase(t,
		`"date": "2025-04-15"`, `"date": "2025-07-01"`,
		`"GG01-2":`, `"GG99-1": {}, "GG01-2":`,
		`"date": "2025-05-01"`, `"date": "2025-02-30"`)))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, `checklist.DecodeAssessment: 3 problems
  /answers/GG01-1/evidence/0/date: "2025-02-30" is not an existing date (date)
  /answers/GG14-3/evidence/0/date: the evidence is dated 2025-07-01, after the assessment date (2025-06-30) (future)
  /answers/GG99-1: "GG99-1" is not a criterion of the checklist (unknown_field)`, err.Error())
	assert.Equal(t, `checklist.DecodeAssessment: 3 problemen
  /answers/GG01-1/evidence/0/date: "2025-02-30" is geen bestaande datum (date)
  /answers/GG14-3/evidence/0/date: het bewijsstuk is gedateerd op 2025-07-01, na de datum van de zelfevaluatie (2025-06-30) (future)
  /answers/GG99-1: "GG99-1" is geen criterium van de checklist (unknown_field)`, ne.In(norm.NL))
}

// The package docs say an answer without a value is unanswered and that
// null is refused (issue 13, point 11): the refusal says what to do.
func TestDecodeAssessmentNullValue(t *testing.T) {
	_, err := DecodeAssessment(strings.NewReader(editBase(t, `"value": "both"`, `"value": null`)))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	require.Len(t, ne.Problems, 1)
	p := ne.Problems[0]
	assert.Equal(t, "/answers/GG01-2/value", p.Pointer)
	assert.Equal(t, norm.CodeType, p.Code)
	assert.Equal(t, `GG01-2: null is geen antwoord; laat "value" weg om de vraag open te laten`, p.Message.NL)
	assert.Equal(t, `GG01-2: null is not an answer; leave "value" out to leave the question unanswered`, p.Message.EN)

	// Left out, the value makes the criterion unanswered, as documented.
	a, err := DecodeAssessment(strings.NewReader(editBase(t, `"value": "both"`, `"comment": "nog niet bekend"`)))
	require.NoError(t, err)
	assert.True(t, a.Answers["GG01-2"].Value.IsZero())
	r, err := Evaluate(a)
	require.NoError(t, err)
	assert.Equal(t, Unanswered, r.Items[0].Criteria[1].Result)
}

func TestDecodeAssessmentFull(t *testing.T) {
	a, err := DecodeAssessment(bytes.NewReader(fullAssessment(t)))
	require.NoError(t, err)
	assert.Equal(t, AssessmentVersion, a.Version)
	assert.Equal(t, OrgMunicipality, a.Organisation.Kind)
	assert.Equal(t, norm.Date{Year: 2026, Month: 4, Day: 30}, a.Date)
	require.Len(t, a.Answers, len(Criteria()), "every criterion answered")
	for _, c := range Criteria() {
		ans := a.Answers[c.ID]
		assert.NotEqual(t, KindNone, ans.Value.Kind(), c.ID)
		assert.NotEmpty(t, ans.Evidence, c.ID)
	}
	n, ok := a.Answers["GG01-1"].Value.AsNumber()
	assert.True(t, ok)
	assert.Equal(t, 85.0, n)
}

func TestDecodeAssessmentOptional(t *testing.T) {
	// No answers at all, and an answer with only a comment: unanswered
	// criteria are not errors.
	a, err := DecodeAssessment(strings.NewReader(`{"version":"1","organisation":{"name":"O","kind":"other","client_facing_employees":0,"managers":0},` +
		`"assessment_date":"2025-01-31","assessor":{"id":"A"},"answers":{"GG03-1":{"comment":"Nog niet besproken."},"GG03-2":{}}}`))
	require.NoError(t, err)
	assert.Equal(t, KindNone, a.Answers["GG03-1"].Value.Kind())
	assert.Equal(t, "Nog niet besproken.", a.Answers["GG03-1"].Comment)

	a, err = DecodeAssessment(strings.NewReader(`{"version":"1","organisation":{"name":"O","kind":"other","client_facing_employees":0,"managers":0},"assessment_date":"2025-01-31","assessor":{"id":"A"},"answers":{}}`))
	require.NoError(t, err)
	assert.NotNil(t, a.Answers)
	assert.Empty(t, a.Answers)
}

func TestDecodeAssessmentExamples(t *testing.T) {
	for name, doc := range sampleAssessments(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			_, err := DecodeAssessment(bytes.NewReader(doc))
			require.NoError(t, err)
		})
	}
}

func TestDecodeAssessmentRoundTrip(t *testing.T) {
	docs := sampleAssessments(t)
	docs["base"] = []byte(baseDoc)
	for name, doc := range docs {
		t.Run(filepath.Base(name), func(t *testing.T) {
			requireRoundTrip(t, doc)
		})
	}
}

// requireRoundTrip decodes, encodes and decodes again and wants the same
// document both times.
func requireRoundTrip(t testing.TB, doc []byte) {
	t.Helper()
	a, err := DecodeAssessment(bytes.NewReader(doc))
	require.NoError(t, err)
	enc, err := json.Marshal(a)
	require.NoError(t, err)
	b, err := DecodeAssessment(bytes.NewReader(enc))
	require.NoError(t, err, "re-decoding %s", enc)
	require.Equal(t, a, b)
}

// failingReader fails after its first read.
type failingReader struct{ n int }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n > 0 {
		return 0, errors.New("connection reset")
	}
	r.n++
	return copy(p, `{"version"`), nil
}

func TestDecodeAssessmentReader(t *testing.T) {
	_, err := DecodeAssessment(&failingReader{})
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	assert.True(t, ne.Has("", norm.CodeSyntax), ne.Error())

	_, err = DecodeAssessment(nil)
	require.ErrorAs(t, err, &ne)
	assert.True(t, ne.Has("", norm.CodeSyntax), ne.Error())
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestDecodeAssessmentStopsReadingAtLimit(t *testing.T) {
	huge := &countingReader{r: io.MultiReader(strings.NewReader(`{"answers": "`), strings.NewReader(strings.Repeat("x", 8<<20)))}
	_, err := DecodeAssessment(huge)
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	assert.True(t, ne.Has("", norm.CodeTooLarge))
	assert.LessOrEqual(t, huge.n, form.DefaultMaxBytes+1)
}

func ExampleDecodeAssessment() {
	doc := `{
	  "version": "1",
	  "organisation": {"name": "Gemeente Voorbeeld", "kind": "municipality", "client_facing_employees": 12, "managers": 2},
	  "assessment_date": "2025-06-30",
	  "assessor": {"id": "AUD-1"},
	  "answers": {
	    "GG01-1": {"value": 140},
	    "GG05-1": {"value": true, "evidence": [{"title": "Meldprocedure", "reference": "VEI-1", "date": "2025-09-01"}]}
	  }
	}`
	_, err := DecodeAssessment(strings.NewReader(doc))
	var ne *norm.Error
	if errors.As(err, &ne) {
		for _, p := range ne.Problems {
			fmt.Printf("%s %s: %s\n", p.Pointer, p.Code, p.Message.NL)
		}
	}
	// Output:
	// /answers/GG01-1/value range: mag hoogstens 100 zijn
	// /answers/GG05-1/evidence/0/date future: het bewijsstuk is gedateerd op 2025-09-01, na de datum van de zelfevaluatie (2025-06-30)
}

func TestDecodeAssessmentCapsProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"version":"1","organisation":{"name":"O","kind":"other","client_facing_employees":0,"managers":0},"assessment_date":"2025-01-31","assessor":{"id":"A"},"answers":{"GG01-1":{"value":1,"evidence":[`)
	for i := range 500 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"title":"t","reference":"same","date":"2025-01-01"}`)
	}
	b.WriteString(`]}}}`)
	_, err := DecodeAssessment(strings.NewReader(b.String()))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	require.Len(t, ne.Problems, maxProblems+1)
	assert.True(t, ne.Has("/answers/GG01-1/evidence/1/reference", norm.CodeDuplicate))
	assert.Contains(t, ne.Problems[maxProblems].Message.EN, "399 more problems")
}
