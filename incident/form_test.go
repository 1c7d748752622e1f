package incident_test

import (
	"bytes"
	"encoding/json"
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

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

var update = flag.Bool("update", false, "rewrite golden files")

func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	require.NoError(tb, err)
	return b
}

// sampleDocs are the incident documents the schemas must accept: the one in
// testdata, the one in examples/data, and a few generated ones.
func sampleDocs(tb testing.TB) map[string][]byte {
	tb.Helper()
	docs := map[string][]byte{
		"testdata/incident.json":      readFile(tb, filepath.Join("testdata", "incident.json")),
		"examples/data/incident.json": readFile(tb, filepath.Join("..", "examples", "data", "incident.json")),
	}
	for i, inc := range incidenttest.Generate(4, 25, genFrom) {
		if i%2 == 0 {
			inc.Involved = nil // EncodeIncident writes [] for it
		}
		var buf bytes.Buffer
		require.NoError(tb, incident.EncodeIncident(&buf, inc))
		docs[string(inc.ID)] = buf.Bytes()
	}
	return docs
}

func TestSchemaGolden(t *testing.T) {
	docs := sampleDocs(t)
	for _, lang := range norm.Langs() {
		for _, d := range form.Dialects() {
			name := "incident." + string(lang) + "." + string(d) + ".json"
			t.Run(name, func(t *testing.T) {
				got, err := incident.Schema(lang, d)
				require.NoError(t, err)
				path := filepath.Join("testdata", "schema", name)
				if *update {
					require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
					require.NoError(t, os.WriteFile(path, got, 0o644))
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err, "run go test ./incident -update")
				assert.Equal(t, string(want), string(got))

				var doc map[string]any
				require.NoError(t, json.Unmarshal(got, &doc))
				assert.Equal(t, incident.SchemaID, doc["$id"])
				assert.Equal(t, d.URL(), doc["$schema"])
				assert.Equal(t, false, doc["additionalProperties"])
				assert.ElementsMatch(t, []any{"occurred_at", "reported_at", "site", "channel", "behaviours", "phase", "perpetrator", "consequences"}, doc["required"])
				if d == form.Draft07 {
					assert.NotContains(t, string(got), "$defs", "JSON Forms fails on $defs")
					assert.NotContains(t, string(got), "$ref")
				}
				props := doc["properties"].(map[string]any)
				assert.Equal(t, "date-time", props["occurred_at"].(map[string]any)["format"])
				assert.NotEmpty(t, props["channel"].(map[string]any)["title"])

				// An independent validator compiles it and accepts the samples.
				c := jsonschema.NewCompiler()
				c.AssertFormat()
				var schemaDoc any
				require.NoError(t, json.Unmarshal(got, &schemaDoc))
				require.NoError(t, c.AddResource(incident.SchemaID, schemaDoc))
				sch, err := c.Compile(incident.SchemaID)
				require.NoError(t, err)
				for name, b := range docs {
					inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
					require.NoError(t, err)
					assert.NoError(t, sch.Validate(inst), name)
				}
				// ... and refuses what the schema can see is wrong.
				for _, bad := range []string{
					`{"occurred_at":"2025-02-30T10:00:00Z"}`,
					strings.Replace(string(docs["testdata/incident.json"]), `"desk"`, `"fax"`, 1),
					strings.Replace(string(docs["testdata/incident.json"]), `"damage_cents": 0`, `"damage_cents": -1`, 1),
					strings.Replace(string(docs["testdata/incident.json"]), `"site"`, `"plaats": "x", "site"`, 1),
				} {
					inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
					require.NoError(t, err)
					assert.Error(t, sch.Validate(inst), bad)
				}
			})
		}
	}
	nl, _ := incident.Schema(norm.NL, form.Draft2020)
	en, _ := incident.Schema(norm.EN, form.Draft2020)
	assert.Contains(t, string(nl), `"title": "Vertegenwoordiger of gemachtigde"`)
	assert.Contains(t, string(en), `"title": "Representative"`)
	assert.Contains(t, string(nl), `"title": "Tijdstip van het incident"`)

	_, err := incident.Schema("de", form.Draft2020)
	assert.ErrorIs(t, err, norm.ErrUnknownCode)
	_, err = incident.Schema(norm.NL, "2019-09")
	assert.ErrorIs(t, err, norm.ErrUnknownCode)
}

func TestSchemaConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	first, err := incident.Schema(norm.EN, form.Draft07)
	require.NoError(t, err)
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := incident.Schema(norm.EN, form.Draft07)
			assert.NoError(t, err)
			assert.Equal(t, first, b)
		}()
	}
	wg.Wait()
}

func TestDecodeIncident(t *testing.T) {
	inc, err := incident.DecodeIncident(bytes.NewReader(readFile(t, filepath.Join("testdata", "incident.json"))))
	require.NoError(t, err)
	assert.Equal(t, incident.ID("INC-2026-0042"), inc.ID)
	assert.Equal(t, time.Date(2026, 3, 27, 9, 40, 0, 0, time.UTC), inc.OccurredAt)
	assert.Equal(t, incident.Behaviours{norm.Shouting, norm.Threatening}, inc.Behaviours)
	assert.Equal(t, norm.SeverityHigh, inc.Classification().Severity)
	require.NotNil(t, inc.Analysis)
	assert.Equal(t, []incident.Cause{incident.CauseWaitingTime, incident.CauseCommunication}, inc.Analysis.Causes)

	// Without an ID and without people involved.
	doc := `{"occurred_at":"2025-05-01T10:00:00+02:00","reported_at":"2025-05-01T10:00:00+02:00","site":"","channel":"phone",
		"behaviours":["swearing"],"phase":"amber","perpetrator":{"role":"unknown"},
		"consequences":{"injury":false,"absence_days":0,"damage_cents":0,"police_called":false}}`
	inc, err = incident.DecodeIncident(strings.NewReader(doc))
	require.NoError(t, err)
	assert.Empty(t, inc.ID)
	assert.Nil(t, inc.Involved)
}

func TestDecodeIncidentRoundTrip(t *testing.T) {
	docs := sampleDocs(t)
	for name, b := range docs {
		t.Run(name, func(t *testing.T) {
			first, err := incident.DecodeIncident(bytes.NewReader(b))
			require.NoError(t, err)
			var buf bytes.Buffer
			require.NoError(t, incident.EncodeIncident(&buf, first))
			second, err := incident.DecodeIncident(&buf)
			require.NoError(t, err)
			assert.Equal(t, first, second)
		})
	}
	// Generated incidents come back as they went in.
	for _, inc := range incidenttest.Generate(8, 20, genFrom) {
		var buf bytes.Buffer
		require.NoError(t, incident.EncodeIncident(&buf, inc))
		got, err := incident.DecodeIncident(&buf)
		require.NoError(t, err)
		assert.Equal(t, inc, got)
	}
}

// edit returns the sample document with one change applied to its JSON tree.
func edit(tb testing.TB, f func(m map[string]any)) string {
	tb.Helper()
	var m map[string]any
	require.NoError(tb, json.Unmarshal(readFile(tb, filepath.Join("testdata", "incident.json")), &m))
	f(m)
	b, err := json.Marshal(m)
	require.NoError(tb, err)
	return string(b)
}

func TestDecodeIncidentInvalid(t *testing.T) {
	type want struct {
		ptr  string
		code norm.ProblemCode
	}
	sample := string(readFile(t, filepath.Join("testdata", "incident.json")))
	for _, tc := range []struct {
		name string
		doc  string
		opts []incident.DecodeOption
		want []want
	}{
		{"wrong type", edit(t, func(m map[string]any) { m["consequences"].(map[string]any)["injury"] = "ja" }),
			nil, []want{{"/consequences/injury", norm.CodeType}}},
		{"unknown field", edit(t, func(m map[string]any) { m["victim_name"] = "Jan" }),
			nil, []want{{"/victim_name", norm.CodeUnknownField}}},
		{"unknown nested field", edit(t, func(m map[string]any) { m["perpetrator"].(map[string]any)["name"] = "Jan" }),
			nil, []want{{"/perpetrator/name", norm.CodeUnknownField}}},
		{"bad date-time", edit(t, func(m map[string]any) { m["occurred_at"] = "27-03-2026 10:40" }),
			nil, []want{{"/occurred_at", norm.CodeFormat}}},
		{"impossible date", edit(t, func(m map[string]any) { m["occurred_at"] = "2026-02-30T10:40:00+01:00" }),
			nil, []want{{"/occurred_at", norm.CodeFormat}}},
		{"negative damage", edit(t, func(m map[string]any) { m["consequences"].(map[string]any)["damage_cents"] = -500 }),
			nil, []want{{"/consequences/damage_cents", norm.CodeRange}}},
		{"negative absence", edit(t, func(m map[string]any) { m["consequences"].(map[string]any)["absence_days"] = -1 }),
			nil, []want{{"/consequences/absence_days", norm.CodeRange}}},
		{"missing required", edit(t, func(m map[string]any) { delete(m, "channel"); delete(m, "perpetrator") }),
			nil, []want{{"/channel", norm.CodeRequired}, {"/perpetrator", norm.CodeRequired}}},
		{"oversize", sample, []incident.DecodeOption{incident.WithLimits(form.Limits{MaxBytes: 100})},
			[]want{{"", norm.CodeTooLarge}}},
		{"deep nesting", edit(t, func(m map[string]any) {
			var v any = 1
			for range 40 {
				v = []any{v}
			}
			m["extra"] = v
		}), nil, []want{{"/extra/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0", norm.CodeTooDeep}}},
		{"duplicate key", strings.Replace(sample, `"site": "LOC-DHG",`, `"site": "LOC-DHG", "site": "LOC-AMS",`, 1),
			nil, []want{{"/site", norm.CodeDuplicateKey}}},
		{"reported before occurred", edit(t, func(m map[string]any) { m["reported_at"] = "2026-03-27T09:00:00+01:00" }),
			nil, []want{{"/reported_at", norm.CodeOrder}}},
		{"reported before occurred, with a schema problem", edit(t, func(m map[string]any) {
			m["reported_at"] = "2026-03-27T09:00:00+01:00"
			m["phase"] = "purple"
		}), nil, []want{{"/phase", norm.CodeEnum}, {"/reported_at", norm.CodeOrder}}},
		{"unknown behaviour code", edit(t, func(m map[string]any) { m["behaviours"] = []any{"shouting", "yelling"} }),
			nil, []want{{"/behaviours/1", norm.CodeEnum}}},
		{"behaviour twice", edit(t, func(m map[string]any) { m["behaviours"] = []any{"shouting", "shouting"} }),
			nil, []want{{"/behaviours/1", norm.CodeDuplicate}}},
		{"no behaviours", edit(t, func(m map[string]any) { m["behaviours"] = []any{} }),
			nil, []want{{"/behaviours", norm.CodeRange}}},
		{"name instead of a reference", edit(t, func(m map[string]any) { m["perpetrator"].(map[string]any)["ref"] = "Jan de Vries" }),
			nil, []want{{"/perpetrator/ref", norm.CodeFormat}}},
		{"person listed twice", edit(t, func(m map[string]any) {
			m["involved"] = []any{map[string]any{"ref": "E-1", "role": "target"}, map[string]any{"ref": "E-1", "role": "witness"}}
		}), nil, []want{{"/involved/1/ref", norm.CodeDuplicate}}},
		{"unknown with a reference", edit(t, func(m map[string]any) { m["perpetrator"].(map[string]any)["role"] = "unknown" }),
			nil, []want{{"/perpetrator/ref", norm.CodeSchema}}},
		{"in the future", sample, []incident.DecodeOption{incident.WithNow(func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) })},
			[]want{{"/occurred_at", norm.CodeFuture}, {"/reported_at", norm.CodeFuture}}},
		{"null list", edit(t, func(m map[string]any) { m["involved"] = nil }),
			nil, []want{{"/involved", norm.CodeType}}},
		{"not JSON", `{"id": "x",`, nil, []want{{"", norm.CodeSyntax}}},
		{"not UTF-8", strings.Replace(sample, "LOC-DHG", "LOC-\xff", 1), nil, []want{{"/site", norm.CodeInvalidUTF8}}},
		{"two documents", sample + sample, nil, []want{{"", norm.CodeSyntax}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inc, err := incident.DecodeIncident(strings.NewReader(tc.doc), tc.opts...)
			assert.Zero(t, inc, "nothing half-decoded")
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			require.ErrorIs(t, err, norm.ErrInvalid)
			assert.Equal(t, "incident.DecodeIncident", ne.Op)
			got := make([]want, len(ne.Problems))
			for i, p := range ne.Problems {
				got[i] = want{p.Pointer, p.Code}
				assert.True(t, p.Message.Complete(), "bilingual message for %s", p.Pointer)
			}
			assert.Equal(t, tc.want, got, "%v", ne)
		})
	}
}

func BenchmarkSchema(b *testing.B) {
	b.Run("cached", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := incident.Schema(norm.NL, form.Draft07); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkDecodeIncident(b *testing.B) {
	doc, err := os.ReadFile(filepath.Join("testdata", "incident.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := incident.DecodeIncident(bytes.NewReader(doc)); err != nil {
			b.Fatal(err)
		}
	}
}
