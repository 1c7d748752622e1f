package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/examples/internal/schemadocs"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

func runSchema(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestEverySchema prints every document in every language and dialect and
// checks that it is a schema of that dialect that compiles.
func TestEverySchema(t *testing.T) {
	for _, d := range schemadocs.All {
		for _, lang := range []string{"nl", "en"} {
			for _, draft := range []string{"2020-12", "07"} {
				t.Run(d.Name+"/"+lang+"/"+draft, func(t *testing.T) {
					code, out, errs := runSchema(t, "-doc", d.Name, "-lang", lang, "-draft", draft)
					require.Equal(t, 0, code, errs)
					var m map[string]any
					require.NoError(t, json.Unmarshal([]byte(out), &m))
					dialect, err := form.ParseDialect(draft)
					require.NoError(t, err)
					assert.Equal(t, dialect.URL(), m["$schema"])
					_, err = form.NewValidator([]byte(out))
					assert.NoError(t, err, "the printed schema compiles")
				})
			}
		}
	}
}

func TestUISchema(t *testing.T) {
	for _, args := range [][]string{{"-ui"}, {"-ui=rjsf"}, {"-ui=jsonforms"}, {"-ui", "jsonforms"}} {
		for _, lang := range []string{"nl", "en"} {
			t.Run(strings.Join(args, " ")+"/"+lang, func(t *testing.T) {
				code, out, errs := runSchema(t, append([]string{"-doc", "assessment", "-lang", lang}, args...)...)
				require.Equal(t, 0, code, errs)
				var v any
				require.NoError(t, json.Unmarshal([]byte(out), &v))
				assert.Contains(t, out, "GG01")
			})
		}
	}
	_, rjsf, _ := runSchema(t, "-doc", "assessment", "-ui")
	_, jf, _ := runSchema(t, "-doc", "assessment", "-ui", "jsonforms")
	assert.NotEqual(t, rjsf, jf, "two different UI schemas")
}

func TestUsage(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no doc", nil, "-doc"},
		{"unknown doc", []string{"-doc", "invoice"}, "invoice"},
		{"unknown draft", []string{"-doc", "incident", "-draft", "04"}, "04"},
		{"unknown lang", []string{"-doc", "incident", "-lang", "fr"}, "fr"},
		{"ui for an incident", []string{"-doc", "incident", "-ui"}, "-ui"},
		{"ui for another library", []string{"-doc", "assessment", "-ui=formik"}, "formik"},
		{"stray argument", []string{"-doc", "incident", "extra"}, "extra"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runSchema(t, c.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errs, c.want)
		})
	}
}

// TestSamplesAreValid validates the bundled sample documents against the
// schemas this program prints, with santhosh-tekuri/jsonschema directly
// (format assertions on), in both dialects.
func TestSamplesAreValid(t *testing.T) {
	samples := map[string][]string{
		"assessment": {"ind-before.json", "ind-after.json", "compliant.json", "small-municipality.json"},
		"incident":   {"incident.json"},
		"action":     {"action.json"},
	}
	for doc, files := range samples {
		for _, draft := range []string{"2020-12", "07"} {
			code, schema, errs := runSchema(t, "-doc", doc, "-draft", draft)
			require.Equal(t, 0, code, errs)
			sch := compile(t, schema)
			for _, f := range files {
				t.Run(doc+"/"+draft+"/"+f, func(t *testing.T) {
					b, err := os.ReadFile(filepath.Join("..", "data", f))
					require.NoError(t, err)
					inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
					require.NoError(t, err)
					assert.NoError(t, sch.Validate(inst))
				})
			}
		}
	}
}

func compile(t *testing.T, schema string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(schema))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource("urn:schema.json", doc))
	sch, err := c.Compile("urn:schema.json")
	require.NoError(t, err)
	return sch
}
