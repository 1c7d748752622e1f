package followup_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestSchemaGolden(t *testing.T) {
	for _, lang := range norm.Langs() {
		for _, d := range form.Dialects() {
			name := "action." + string(lang) + "." + string(d) + ".json"
			t.Run(name, func(t *testing.T) {
				got, err := followup.Schema(lang, d)
				require.NoError(t, err)
				path := filepath.Join("testdata", "schema", name)
				if *update {
					require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
					require.NoError(t, os.WriteFile(path, got, 0o644))
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err, "run go test ./followup -update")
				assert.Equal(t, string(want), string(got))

				var doc map[string]any
				require.NoError(t, json.Unmarshal(got, &doc))
				assert.Equal(t, followup.ActionSchemaID, doc["$id"])
				assert.Equal(t, d.URL(), doc["$schema"])
				assert.Equal(t, false, doc["additionalProperties"])
				assert.ElementsMatch(t, []any{"id", "incident_id", "kind", "subject", "at", "outcome"}, doc["required"])
				assert.NotContains(t, string(got), "$defs", "JSON Forms fails on $defs")

				// An independent validator compiles it and accepts the sample.
				c := jsonschema.NewCompiler()
				c.AssertFormat()
				var schemaDoc any
				require.NoError(t, json.Unmarshal(got, &schemaDoc))
				require.NoError(t, c.AddResource(followup.ActionSchemaID, schemaDoc))
				sch, err := c.Compile(followup.ActionSchemaID)
				require.NoError(t, err)
				for _, f := range sampleActionFiles(t) {
					inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(readFile(t, f)))
					require.NoError(t, err)
					assert.NoError(t, sch.Validate(inst), f)
				}
			})
		}
	}
	// Labels follow the language.
	nl, _ := followup.Schema(norm.NL, form.Draft2020)
	en, _ := followup.Schema(norm.EN, form.Draft2020)
	assert.Contains(t, string(nl), "Reactie op de pleger")
	assert.Contains(t, string(en), "Reaction to the perpetrator")

	_, err := followup.Schema("de", form.Draft2020)
	assert.ErrorIs(t, err, norm.ErrUnknownCode)
	_, err = followup.Schema(norm.NL, "2019-09")
	assert.ErrorIs(t, err, norm.ErrUnknownCode)
}

func TestSchemaConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			b, err := followup.Schema(norm.Langs()[i%2], form.Dialects()[i/2%2])
			assert.NoError(t, err)
			assert.NotEmpty(t, b)
			_, err = followup.DecodeAction(strings.NewReader(validAction))
			assert.NoError(t, err)
		})
	}
	wg.Wait()
}

func sampleActionFiles(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "examples", "data", "action*.json"))
	return append(files, filepath.Join("testdata", "action.json"))
}

func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	require.NoError(tb, err)
	return b
}

const validAction = `{
  "id": "ACT-1",
  "incident_id": "INC-1",
  "kind": "reaction",
  "subject": "perpetrator",
  "at": "2026-03-11T09:15:00+01:00",
  "outcome": "done",
  "form": "warning_letter"
}`

func TestDecodeActionValid(t *testing.T) {
	a, err := followup.DecodeAction(strings.NewReader(validAction))
	require.NoError(t, err)
	assert.Equal(t, followup.Action{ID: "ACT-1", IncidentID: "INC-1", Kind: followup.KindReaction, Subject: followup.SubjectPerpetrator,
		At: a.At, Outcome: followup.OutcomeDone, Form: followup.FormWarningLetter}, a)
	assert.True(t, a.At.Equal(time.Date(2026, time.March, 11, 8, 15, 0, 0, time.UTC)))

	for _, f := range sampleActionFiles(t) {
		_, err := followup.DecodeAction(bytes.NewReader(readFile(t, f)))
		assert.NoError(t, err, f)
	}
}

func TestDecodeActionInvalid(t *testing.T) {
	// edit replaces a part of validAction.
	edit := func(old, new string) string {
		if !strings.Contains(validAction, old) {
			panic("no " + old)
		}
		return strings.Replace(validAction, old, new, 1)
	}
	type want struct {
		pointer string
		code    norm.ProblemCode
	}
	tests := []struct {
		name string
		doc  string
		opts []followup.DecodeOption
		want []want
	}{
		{"not JSON", `{"id": `, nil, []want{{"/id", norm.CodeSyntax}}},
		{"wrong type", edit(`"ACT-1"`, `42`), nil, []want{{"/id", norm.CodeType}}},
		{"unknown field", edit(`"outcome": "done",`, `"outcome": "done", "description": "x",`), nil, []want{{"/description", norm.CodeUnknownField}}},
		{"missing required", edit(`"at": "2026-03-11T09:15:00+01:00",`, ``), nil, []want{{"/at", norm.CodeRequired}}},
		{"unknown kind", edit(`"kind": "reaction"`, `"kind": "apology"`), nil, []want{{"/kind", norm.CodeEnum}}},
		{"bad time", edit(`2026-03-11T09:15:00+01:00`, `2026-03-11 09:15`), nil, []want{{"/at", norm.CodeFormat}}},
		{"time without a zone", edit(`2026-03-11T09:15:00+01:00`, `2026-03-11T09:15:00`), nil, []want{{"/at", norm.CodeFormat}}},
		{"duplicate key", edit(`"outcome": "done",`, `"outcome": "done", "outcome": "declined",`), nil, []want{{"/outcome", norm.CodeDuplicateKey}}},
		{"not possible without a reason", edit(`"outcome": "done",
  "form": "warning_letter"`, `"outcome": "not_possible"`), nil, []want{{"/reason", norm.CodeRequired}}},
		{"not possible with a blank reason", edit(`"outcome": "done",
  "form": "warning_letter"`, `"outcome": "not_possible", "reason": "   "`), nil, []want{{"/reason", norm.CodeRequired}}},
		{"form of a police decision on a reaction", edit(`"warning_letter"`, `"no_report"`), nil, []want{{"/form", norm.CodeEnum}}},
		{"done reaction without its form", edit(`,
  "form": "warning_letter"`, ``), nil, []want{{"/form", norm.CodeRequired}}},
		{"a form on aftercare", edit(`"kind": "reaction",
  "subject": "perpetrator"`, `"kind": "aftercare",
  "subject": "E-001"`), nil, []want{{"/form", norm.CodeEnum}}},
		{"a reaction for an employee", edit(`"subject": "perpetrator"`, `"subject": "E-001"`), nil, []want{{"/subject", norm.CodeEnum}}},
		{"a declined reaction", edit(`"outcome": "done"`, `"outcome": "declined"`), nil, []want{{"/outcome", norm.CodeEnum}}},
		{"empty id", edit(`"ACT-1"`, `""`), nil, []want{{"/id", norm.CodeRange}}},
		{"blank subject", edit(`"kind": "reaction",
  "subject": "perpetrator"`, `"kind": "aftercare",
  "subject": "  "`), nil, []want{{"/subject", norm.CodeFormat}}},
		{"id too long", edit(`"ACT-1"`, `"`+strings.Repeat("x", followup.MaxRefLen+1)+`"`), nil, []want{{"/id", norm.CodeRange}}},
		// Issue 12, item 11: people by pseudonymous references only.
		{"a name as the subject", edit(`"kind": "reaction",
  "subject": "perpetrator"`, `"kind": "aftercare",
  "subject": "Jan de Vries"`), nil, []want{{"/subject", norm.CodeFormat}}},
		{"a subject longer than a reference", edit(`"kind": "reaction",
  "subject": "perpetrator"`, `"kind": "aftercare",
  "subject": "`+strings.Repeat("E", incident.MaxIDLen+1)+`"`), nil, []want{{"/subject", norm.CodeRange}}},
		{"a name in the id", edit(`"ACT-1"`, `"nazorg Jan de Vries"`), nil, []want{{"/id", norm.CodeFormat}}},
		{"an incident id with a space", edit(`"INC-1"`, `"INC 1"`), nil, []want{{"/incident_id", norm.CodeFormat}}},
		{"in the future", validAction, []followup.DecodeOption{followup.WithNow(func() time.Time { return time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC) })}, []want{{"/at", norm.CodeFuture}}},
		{"oversize", `{"id": "` + strings.Repeat("x", 2000) + `"}`, []followup.DecodeOption{followup.WithLimits(form.Limits{MaxBytes: 1000})}, []want{{"", norm.CodeTooLarge}}},
		{"too deep", strings.Repeat("[", 100) + strings.Repeat("]", 100), nil, []want{{"*", norm.CodeTooDeep}}},
		{"invalid UTF-8", edit(`"ACT-1"`, "\"ACT-\xff\""), nil, []want{{"/id", norm.CodeInvalidUTF8}}},
		{"an array, not an object", `[]`, nil, []want{{"", norm.CodeType}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := followup.DecodeAction(strings.NewReader(tt.doc), tt.opts...)
			require.Error(t, err)
			assert.Equal(t, followup.Action{}, a, "nothing half-decoded")
			assert.ErrorIs(t, err, norm.ErrInvalid)
			var ne *norm.Error
			require.True(t, errors.As(err, &ne))
			assert.Equal(t, "followup.DecodeAction", ne.Op)
			for _, w := range tt.want {
				found := ne.Has(w.pointer, w.code)
				for _, p := range ne.Problems {
					found = found || (w.pointer == "*" && p.Code == w.code)
				}
				assert.True(t, found, "want %s %s; got:\n%s", w.pointer, w.code, ne.Error())
			}
			for _, p := range ne.Problems {
				assert.True(t, p.Message.Complete(), "bilingual message: %+v", p)
			}
		})
	}
}

func TestDecodeActionRoundTrip(t *testing.T) {
	docs := []string{validAction,
		`{"id":"A2","incident_id":"INC-9","kind":"aftercare","subject":"E-007","at":"2026-10-25T02:30:00+02:00","outcome":"declined"}`,
		`{"id":"A3","incident_id":"INC-9","kind":"police_report","subject":"perpetrator","at":"2026-10-25T01:30:00Z","outcome":"not_possible","reason":"dader onbekend bij politie"}`,
		`{"id":"A4","incident_id":"INC-9","kind":"police_decision","subject":"perpetrator","at":"2026-10-26T10:00:00.5+01:00","outcome":"done","form":"no_report","reason":"alleen gescholden"}`,
	}
	for _, doc := range docs {
		a, err := followup.DecodeAction(strings.NewReader(doc))
		require.NoError(t, err, doc)
		b, err := json.Marshal(a)
		require.NoError(t, err)
		back, err := followup.DecodeAction(bytes.NewReader(b))
		require.NoError(t, err, string(b))
		assert.True(t, a.At.Equal(back.At))
		assert.Equal(t, a.At.Format(time.RFC3339Nano), back.At.Format(time.RFC3339Nano), "the offset survives")
		a.At, back.At = time.Time{}, time.Time{}
		assert.Equal(t, a, back)
	}
}

// Every form an action can take has its name in the one table that the
// schema and the checklist's GG12-2 options read (issue 13, point 11).
func TestFormLabels(t *testing.T) {
	for _, k := range followup.Kinds() {
		for _, f := range followup.Forms(k) {
			l := followup.FormLabel(f)
			assert.NotEmpty(t, l.NL, f)
			assert.NotEmpty(t, l.EN, f)
		}
	}
	assert.Equal(t, norm.Text{}, followup.FormLabel("other"), "no action records 'other'")
}
