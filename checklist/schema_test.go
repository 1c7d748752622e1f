package checklist

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// The package's -update flag ("rewrite golden files") may be declared by
// another test file of the package as `var update = flag.Bool(...)`;
// package variables are initialised before init runs, so this registers
// it only when nobody else did, and formsUpdating reads it either way.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func formsUpdating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// formsGolden compares got with testdata/<name>, rewriting it with -update.
func formsGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", filepath.FromSlash(name))
	if formsUpdating() {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./checklist -update")
	if bytes.Equal(want, got) {
		return
	}
	// Report the first differing line rather than two 100 KB strings.
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			t.Errorf("%s differs at line %d:\n  want %s\n  got  %s\nrun go test ./checklist -update and review the diff", path, i+1, w, g)
			return
		}
	}
}

// dialectName is the dialect as it appears in golden file names.
func dialectName(d form.Dialect) string {
	if d == form.Draft07 {
		return "draft-07"
	}
	return string(d)
}

// formsJSON decodes JSON into a generic tree.
func formsJSON(t testing.TB, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	return m
}

// schemaObj walks a generic tree by keys, failing when a step is missing.
func schemaObj(t testing.TB, m map[string]any, keys ...string) map[string]any {
	t.Helper()
	for _, k := range keys {
		next, ok := m[k].(map[string]any)
		require.True(t, ok, "no object at %q in %v", k, keys)
		m = next
	}
	return m
}

func TestSchemaGolden(t *testing.T) {
	for _, lang := range norm.Langs() {
		for _, d := range form.Dialects() {
			t.Run(fmt.Sprintf("assessment/%s/%s", lang, d), func(t *testing.T) {
				b, err := Schema(lang, d)
				require.NoError(t, err)
				formsGolden(t, fmt.Sprintf("schema/assessment.%s.%s.json", lang, dialectName(d)), b)
			})
			t.Run(fmt.Sprintf("report/%s/%s", lang, d), func(t *testing.T) {
				b, err := ReportSchema(lang, d)
				require.NoError(t, err)
				formsGolden(t, fmt.Sprintf("schema/report.%s.%s.json", lang, dialectName(d)), b)
			})
		}
		t.Run(fmt.Sprintf("rjsf/%s", lang), func(t *testing.T) {
			b, err := RJSFUISchema(lang)
			require.NoError(t, err)
			formsGolden(t, fmt.Sprintf("schema/rjsf-ui.%s.json", lang), b)
		})
		t.Run(fmt.Sprintf("jsonforms/%s", lang), func(t *testing.T) {
			b, err := JSONFormsUISchema(lang)
			require.NoError(t, err)
			formsGolden(t, fmt.Sprintf("schema/jsonforms-ui.%s.json", lang), b)
		})
	}
}

// compileSchema compiles emitted schema bytes with santhosh v6, formats
// asserted, the dialect taken from "$schema".
func compileSchema(t testing.TB, b []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource("schema.json", doc))
	s, err := c.Compile("schema.json")
	require.NoError(t, err)
	return s
}

// sampleAssessments are the valid documents of the repository: the full
// sample of these tests and the example data.
func sampleAssessments(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "examples", "data", "*.json"))
	require.NoError(t, err)
	files = append(files, filepath.Join("testdata", "decode", "full.json"))
	out := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var probe map[string]any
		if json.Unmarshal(b, &probe) != nil || probe["answers"] == nil || probe["assessment_date"] == nil {
			continue // not a self-assessment
		}
		out[f] = b
	}
	require.Contains(t, out, filepath.Join("testdata", "decode", "full.json"))
	return out
}

func TestSchemaCompilesAndValidatesSamples(t *testing.T) {
	samples := sampleAssessments(t)
	for _, lang := range norm.Langs() {
		for _, d := range form.Dialects() {
			t.Run(fmt.Sprintf("%s/%s", lang, d), func(t *testing.T) {
				b, err := Schema(lang, d)
				require.NoError(t, err)
				s := compileSchema(t, b)
				for name, doc := range samples {
					v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
					require.NoError(t, err)
					assert.NoError(t, s.Validate(v), name)
				}
				// And a document it must refuse, so that the check can fail.
				bad, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"version":"1","answers":{"GG01-1":{"value":101}}}`))
				require.NoError(t, err)
				assert.Error(t, s.Validate(bad))

				rb, err := ReportSchema(lang, d)
				require.NoError(t, err)
				compileSchema(t, rb)
			})
		}
	}
}

func TestSchemaIDs(t *testing.T) {
	tests := []struct {
		lang        norm.Lang
		d           form.Dialect
		id, schema  string
		reportID    string
		definitions bool
	}{
		{norm.NL, form.Draft2020, "https://goedgesprek.nl/schema/assessment/v1/nl.json", form.Draft2020URL, "https://goedgesprek.nl/schema/report/v1/nl.json", true},
		{norm.EN, form.Draft2020, "https://goedgesprek.nl/schema/assessment/v1/en.json", form.Draft2020URL, "https://goedgesprek.nl/schema/report/v1/en.json", true},
		{norm.NL, form.Draft07, "https://goedgesprek.nl/schema/assessment/v1/draft-07/nl.json", form.Draft07URL, "https://goedgesprek.nl/schema/report/v1/draft-07/nl.json", false},
		{norm.EN, form.Draft07, "https://goedgesprek.nl/schema/assessment/v1/draft-07/en.json", form.Draft07URL, "https://goedgesprek.nl/schema/report/v1/draft-07/en.json", false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%s", tt.lang, tt.d), func(t *testing.T) {
			b, err := Schema(tt.lang, tt.d)
			require.NoError(t, err)
			m := formsJSON(t, b)
			assert.Equal(t, tt.id, m["$id"])
			assert.Equal(t, tt.id, AssessmentSchemaID(tt.lang, tt.d))
			assert.Equal(t, tt.schema, m["$schema"])
			_, hasDefs := m["$defs"]
			assert.Equal(t, tt.definitions, hasDefs)

			rb, err := ReportSchema(tt.lang, tt.d)
			require.NoError(t, err)
			rm := formsJSON(t, rb)
			assert.Equal(t, tt.reportID, rm["$id"])
			assert.Equal(t, tt.reportID, ReportSchemaID(tt.lang, tt.d))
			assert.Equal(t, tt.schema, rm["$schema"])
		})
	}
}

// walkSchemas calls f for every subschema of a schema tree with its
// location.
func walkSchemas(v any, at string, f func(at string, s map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		f(at, x)
		for k, c := range x {
			walkSchemas(c, at+"/"+k, f)
		}
	case []any:
		for i, c := range x {
			walkSchemas(c, fmt.Sprintf("%s/%d", at, i), f)
		}
	}
}

func TestSchemaStrict(t *testing.T) {
	for _, d := range form.Dialects() {
		for _, doc := range []string{"assessment", "report"} {
			t.Run(doc+"/"+string(d), func(t *testing.T) {
				var b []byte
				var err error
				if doc == "assessment" {
					b, err = Schema(norm.NL, d)
				} else {
					b, err = ReportSchema(norm.NL, d)
				}
				require.NoError(t, err)
				objects := 0
				walkSchemas(formsJSON(t, b), "#", func(at string, s map[string]any) {
					if s["type"] == "object" && s["properties"] != nil {
						objects++
						assert.Equal(t, false, s["additionalProperties"], "%s allows unknown properties", at)
					}
					if d == form.Draft07 {
						for _, k := range []string{"$defs", "definitions", "$ref"} {
							assert.NotContains(t, s, k, "%s: draft-07 must be inlined", at)
						}
					}
				})
				assert.Greater(t, objects, 5)
			})
		}
	}
}

func TestSchemaTopLevel(t *testing.T) {
	b, err := Schema(norm.EN, form.Draft2020)
	require.NoError(t, err)
	m := formsJSON(t, b)
	// version and answers are optional: a form renderer that writes
	// neither (JSON Forms, untouched) still hands in a valid document.
	assert.ElementsMatch(t, []any{"organisation", "assessment_date", "assessor"}, m["required"])
	props := schemaObj(t, m, "properties")
	assert.Equal(t, "1", schemaObj(t, props, "version")["const"])
	assert.Equal(t, "1", schemaObj(t, props, "version")["default"])
	assert.Equal(t, "date", schemaObj(t, props, "assessment_date")["format"])

	org := schemaObj(t, props, "organisation")
	assert.ElementsMatch(t, []any{"name", "kind", "client_facing_employees", "managers"}, org["required"])
	for _, f := range []string{"client_facing_employees", "managers"} {
		p := schemaObj(t, org, "properties", f)
		assert.Equal(t, "integer", p["type"], f)
		assert.EqualValues(t, 0, p["minimum"], f)
	}
	kinds := schemaObj(t, org, "properties", "kind")["oneOf"].([]any)
	require.Len(t, kinds, len(OrgKinds()))
	for i, k := range OrgKinds() {
		o := kinds[i].(map[string]any)
		assert.Equal(t, string(k), o["const"])
		assert.Equal(t, orgKindLabels[k].EN, o["title"])
	}

	ev := schemaObj(t, m, "$defs", "evidence")
	assert.ElementsMatch(t, []any{"title", "reference", "date"}, ev["required"])
	assert.Equal(t, "date", schemaObj(t, ev, "properties", "date")["format"])

	answers := schemaObj(t, props, "answers")
	assert.Nil(t, answers["required"], "answers are optional")
	for id := range schemaObj(t, answers, "properties") {
		assert.Nil(t, schemaObj(t, answers, "properties", id)["required"], "%s: the value of an answer is optional", id)
	}
}

// TestSchemaCriteria checks what a person filling in the form sees: every
// criterion with its question and help, and readable labels for every
// choice, in both languages and dialects.
func TestSchemaCriteria(t *testing.T) {
	for _, lang := range norm.Langs() {
		for _, d := range form.Dialects() {
			t.Run(fmt.Sprintf("%s/%s", lang, d), func(t *testing.T) {
				b, err := Schema(lang, d)
				require.NoError(t, err)
				answers := schemaObj(t, formsJSON(t, b), "properties", "answers", "properties")
				require.Len(t, answers, len(Criteria()))
				for _, c := range Criteria() {
					a := schemaObj(t, answers, string(c.ID))
					assert.Equal(t, false, a["additionalProperties"])
					assert.ElementsMatch(t, []string{"value", "comment", "evidence"}, slices.Collect(maps.Keys(schemaObj(t, a, "properties"))))
					v := schemaObj(t, a, "properties", "value")
					assert.Equal(t, c.Question.In(lang), v["title"], c.ID)
					assert.Equal(t, c.Help.In(lang), v["description"], c.ID)
					require.NotEmpty(t, v["title"], c.ID)
					switch c.Type {
					case TypeBool:
						assert.Equal(t, "boolean", v["type"])
						assertLabels(t, c.ID, v["oneOf"], []any{true, false}, []string{boolLabels[0].In(lang), boolLabels[1].In(lang)})
					case TypeChoice:
						assert.Equal(t, "string", v["type"])
						assertOptions(t, c, lang, v["oneOf"])
					case TypeMulti:
						assert.Equal(t, "array", v["type"])
						assert.Equal(t, true, v["uniqueItems"])
						items := v["items"].(map[string]any)
						assert.Equal(t, "string", items["type"])
						assertOptions(t, c, lang, items["oneOf"])
					case TypePercent:
						assert.Equal(t, "number", v["type"])
						assert.EqualValues(t, 0, v["minimum"])
						assert.EqualValues(t, 100, v["maximum"])
					case TypeCount:
						assert.Equal(t, "integer", v["type"])
						assert.EqualValues(t, 0, v["minimum"])
					case TypeDate:
						assert.Equal(t, "string", v["type"])
						assert.Equal(t, "date", v["format"])
					default:
						t.Errorf("%s: answer type %q not covered by this test", c.ID, c.Type)
					}
				}
			})
		}
	}
}

func assertOptions(t *testing.T, c *Criterion, lang norm.Lang, oneOf any) {
	t.Helper()
	require.NotEmpty(t, c.Options, c.ID)
	codes := make([]any, len(c.Options))
	labels := make([]string, len(c.Options))
	for i, o := range c.Options {
		codes[i] = o.Code
		labels[i] = o.Label.In(lang)
	}
	assertLabels(t, c.ID, oneOf, codes, labels)
}

// assertLabels checks a oneOf list of {const, title} with readable titles.
func assertLabels(t *testing.T, id CriterionID, oneOf any, consts []any, titles []string) {
	t.Helper()
	list, ok := oneOf.([]any)
	require.True(t, ok, "%s: no oneOf", id)
	require.Len(t, list, len(consts), id)
	for i, e := range list {
		o := e.(map[string]any)
		assert.Equal(t, consts[i], o["const"], id)
		title, _ := o["title"].(string)
		assert.Equal(t, titles[i], title, id)
		assert.NotEmpty(t, strings.TrimSpace(title), "%s: option %v has no label", id, consts[i])
		assert.NotEqual(t, fmt.Sprint(consts[i]), "", id)
	}
}

func TestSchemaLanguagesDiffer(t *testing.T) {
	nl, err := Schema(norm.NL, form.Draft2020)
	require.NoError(t, err)
	en, err := Schema(norm.EN, form.Draft2020)
	require.NoError(t, err)
	assert.NotEqual(t, nl, en)
	assert.Contains(t, string(nl), "Antwoorden")
	assert.Contains(t, string(en), `"Answers"`)
}

func TestSchemaRefusesUnknownLanguageAndDialect(t *testing.T) {
	_, err := Schema("de", form.Draft2020)
	assert.ErrorIs(t, err, norm.ErrUnknownCode)
	_, err = Schema(norm.NL, "2019-09")
	assert.ErrorIs(t, err, norm.ErrUnknownCode)
	_, err = ReportSchema("", form.Draft07)
	assert.ErrorIs(t, err, norm.ErrUnknownCode)
	_, err = RJSFUISchema("fr")
	assert.ErrorIs(t, err, norm.ErrUnknownCode)
	_, err = JSONFormsUISchema("fr")
	assert.ErrorIs(t, err, norm.ErrUnknownCode)
}

// Schemas are asked for on every page load: after the first call the
// same bytes come from the cache, not a new build or copy.
func TestSchemaServedFromCache(t *testing.T) {
	a, err := Schema(norm.NL, form.Draft07)
	require.NoError(t, err)
	b, err := Schema(norm.NL, form.Draft07)
	require.NoError(t, err)
	require.NotEmpty(t, a)
	assert.Equal(t, a, b)
	assert.NotSame(t, &a[0], &b[0], "each caller gets its own copy")
	// A rebuild costs tens of thousands of allocations; a hit is one copy.
	allocs := testing.AllocsPerRun(100, func() { _, _ = Schema(norm.NL, form.Draft07) })
	assert.Equal(t, 1.0, allocs, "the second call rebuilt the schema")
}

// TestSchemaConcurrent asks for every schema from 16 goroutines at once;
// run with -race.
func TestSchemaConcurrent(t *testing.T) {
	schemas.Reset()
	want := map[string][]byte{}
	get := func(k string) ([]byte, error) {
		parts := strings.Split(k, "/")
		lang, d := norm.Lang(parts[1]), form.Dialect(parts[2])
		switch parts[0] {
		case "assessment":
			return Schema(lang, d)
		case "report":
			return ReportSchema(lang, d)
		case "rjsf":
			return RJSFUISchema(lang)
		}
		return JSONFormsUISchema(lang)
	}
	var keys []string
	for _, lang := range norm.Langs() {
		for _, d := range form.Dialects() {
			keys = append(keys, "assessment/"+string(lang)+"/"+string(d), "report/"+string(lang)+"/"+string(d))
		}
		keys = append(keys, "rjsf/"+string(lang)+"/", "jsonforms/"+string(lang)+"/")
	}
	var wg sync.WaitGroup
	results := make([]map[string][]byte, 16)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got := map[string][]byte{}
			for i := range keys {
				k := keys[(i+g)%len(keys)]
				b, err := get(k)
				if err != nil {
					t.Error(err)
					return
				}
				got[k] = b
			}
			results[g] = got
		}()
	}
	wg.Wait()
	for _, k := range keys {
		b, err := get(k)
		require.NoError(t, err)
		want[k] = b
	}
	for g, got := range results {
		for _, k := range keys {
			assert.Equal(t, want[k], got[k], "goroutine %d, %s", g, k)
		}
	}
}

func BenchmarkSchema(b *testing.B) {
	b.Run("cached", func(b *testing.B) {
		if _, err := Schema(norm.NL, form.Draft07); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Schema(norm.NL, form.Draft07); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, d := range form.Dialects() {
		b.Run("uncached/"+dialectName(d), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := emitAssessmentSchema(norm.NL, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestReportSchemaValidatesReports evaluates every sample assessment and
// validates the JSON of the report against the report schema, in both
// dialects, so that the schema describes what Evaluate really produces.
func TestReportSchemaValidatesReports(t *testing.T) {
	samples := sampleAssessments(t)
	for _, d := range form.Dialects() {
		for _, lang := range norm.Langs() {
			t.Run(fmt.Sprintf("%s/%s", lang, d), func(t *testing.T) {
				sb, err := ReportSchema(lang, d)
				require.NoError(t, err)
				s := compileSchema(t, sb)
				for name, doc := range samples {
					a, err := DecodeAssessment(bytes.NewReader(doc))
					require.NoError(t, err, name)
					r, err := Evaluate(a)
					require.NoError(t, err, name)
					rb, err := json.Marshal(r)
					require.NoError(t, err, name)
					v, err := jsonschema.UnmarshalJSON(bytes.NewReader(rb))
					require.NoError(t, err)
					assert.NoError(t, s.Validate(v), name)
				}
				// A report with an unknown rating must fail, so that the
				// check can fail.
				bad, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"rating": "purple"}`))
				require.NoError(t, err)
				assert.Error(t, s.Validate(bad))
			})
		}
	}
}

// Nothing under "answers" may carry a default or a const of its own: form
// renderers fill those in, and an untouched question would then come back
// answered.
func TestSchemaAnswersHaveNoDefaults(t *testing.T) {
	for _, d := range []form.Dialect{form.Draft2020, form.Draft07} {
		b, err := Schema(norm.NL, d)
		require.NoError(t, err)
		answers := schemaObj(t, formsJSON(t, b), "properties", "answers", "properties")
		require.Len(t, answers, len(Criteria()))
		for id, a := range answers {
			var walk func(at string, v any)
			walk = func(at string, v any) {
				m, ok := v.(map[string]any)
				if !ok {
					if l, ok := v.([]any); ok {
						for i, e := range l {
							walk(fmt.Sprintf("%s/%d", at, i), e)
						}
					}
					return
				}
				assert.NotContains(t, m, "default", "%s %s", d, at)
				for k, e := range m {
					if k == "oneOf" {
						continue // the options: const and title, not a default
					}
					if k == "const" {
						t.Errorf("%s %s: const outside oneOf", d, at)
					}
					walk(at+"/"+k, e)
				}
			}
			walk(id, a)
		}
	}
}
