package normdoc_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
	"github.com/goedgesprek/goedgesprek/norm/normdoc"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

const samplePath = "../../examples/data/ind-after-norm.json"

func sample(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile(samplePath)
	require.NoError(tb, err)
	return b
}

func TestDecodeSample(t *testing.T) {
	d, err := normdoc.DecodeBytes(sample(t))
	require.NoError(t, err)
	assert.Equal(t, normdoc.Version, d.Version)
	assert.Equal(t, "Uitvoeringsdienst Noordkust (fictief)", d.Organisation.Name)
	assert.Equal(t, norm.Date{Year: 2025, Month: 9, Day: 1}, d.Adopted)
	assert.Len(t, d.Norm.Behaviours, 19)
	assert.Equal(t, []norm.ExtraBehaviour{
		{Code: "filming_staff", Category: norm.Threat, Label: norm.T("medewerkers filmen of fotograferen zonder hun toestemming", "filming or photographing staff without their consent")},
		{Code: "posting_staff_online", Category: norm.Threat, Label: norm.T("naam of beeld van een medewerker online zetten om hem onder druk te zetten", "putting a staff member's name or picture online to put pressure on them")},
	}, d.Norm.Extra)
	require.Len(t, d.Norm.Sanctions, 3)
	assert.Equal(t, []norm.Measure{norm.MeasureBan, norm.MeasurePoliceReport, norm.MeasureDamages}, d.Norm.Sanctions[2].Measures)
	assert.Equal(t, 12, d.Norm.Sanctions[2].BanMonths)
	require.NotNil(t, d.Service)
	assert.Equal(t, 2, d.Service.Turnaround[2].Days)
	assert.True(t, d.Service.Turnaround[2].WorkingDays)

	// The sample differs from ind-after.json in one place on purpose: its
	// house rules do not name whistling, which the self-assessment ticks.
	c := d.Check()
	assert.Equal(t, []norm.BehaviourCode{norm.Whistling}, c.Norm.MissingBehaviours)
	assert.Empty(t, c.Norm.MissingCategories)
	assert.True(t, c.Norm.KnownToEmployees && c.Norm.KnownToClients)
	require.NotNil(t, c.Service)
	assert.True(t, c.Service.Complete())
}

// TestDecodeProblems puts one mistake at a time into the sample and checks
// that it is refused at its pointer with its code and a message in both
// languages.
func TestDecodeProblems(t *testing.T) {
	base := string(sample(t))
	repl := func(old, new string) string {
		require.Contains(t, base, old)
		return strings.Replace(base, old, new, 1)
	}
	type want struct {
		ptr  string
		code norm.ProblemCode
	}
	for _, tc := range []struct {
		name string
		doc  string
		want []want
	}{
		{"unknown field", repl(`"adopted"`, `"vastgesteld": "2025-01-01", "adopted"`), []want{{"/vastgesteld", norm.CodeUnknownField}}},
		{"unknown field in a sanction", repl(`"step": 1,`, `"step": 1, "fine_euros": 50,`), []want{{"/norm/sanctions/0/fine_euros", norm.CodeUnknownField}}},
		{"duplicate key", repl(`"adopted": "2025-09-01"`, `"adopted": "2025-09-01", "adopted": "2024-01-01"`), []want{{"/adopted", norm.CodeDuplicateKey}}},
		{"wrong type", repl(`"days": 90`, `"days": "90"`), []want{{"/service/turnaround/0/days", norm.CodeType}}},
		{"fraction", repl(`"days": 90`, `"days": 90.5`), []want{{"/service/turnaround/0/days", norm.CodeType}}},
		{"impossible date", repl(`"2025-09-01"`, `"2025-02-30"`), []want{{"/adopted", norm.CodeDate}}},
		{"year zero", repl(`"2025-09-01"`, `"0000-01-01"`), []want{{"/adopted", norm.CodeDate}}},
		{"negative days", repl(`"days": 30`, `"days": -30`), []want{{"/service/turnaround/1/days", norm.CodeRange}}},
		{"negative ban", repl(`"ban_months": 3`, `"ban_months": -3`), []want{{"/norm/sanctions/1/ban_months", norm.CodeRange}}},
		{"step zero", repl(`"step": 1,`, `"step": 0,`), []want{{"/norm/sanctions/0/step", norm.CodeRange}}},
		{"steps out of order", repl(`"step": 2,`, `"step": 3,`), []want{{"/norm/sanctions/1/step", norm.CodeOrder}}},
		{"ban length without a ban", repl(`"measures": ["conversation", "warning_letter"]`, `"measures": ["conversation", "warning_letter"], "ban_months": 1`), []want{{"/norm/sanctions/0/ban_months", norm.CodeSchema}}},
		{"unknown behaviour", repl(`"swearing",`, `"yelling",`), []want{{"/norm/behaviours/0", norm.CodeEnum}}},
		{"behaviour twice", repl(`"shouting",`, `"swearing",`), []want{{"/norm/behaviours/1", norm.CodeDuplicate}}},
		{"extra is a catalogue code", repl(`"code": "filming_staff"`, `"code": "whistling"`), []want{{"/norm/extra/0/code", norm.CodeDuplicate}}},
		{"extra twice", repl(`"code": "posting_staff_online"`, `"code": "filming_staff"`), []want{{"/norm/extra/1/code", norm.CodeDuplicate}}},
		{"extra code shape", repl(`"code": "filming_staff"`, `"code": "Filming staff"`), []want{{"/norm/extra/0/code", norm.CodeFormat}}},
		{"unknown category", repl(`"category": "threat"`, `"category": "rudeness"`), []want{{"/norm/extra/0/category", norm.CodeEnum}}},
		{"channel twice", repl(`{"channel": "phone"`, `{"channel": "desk"`), []want{{"/service/reachability/1/channel", norm.CodeDuplicate}}},
		{"blank promise", repl(`{"nl": "We noemen bij elk contact onze naam en zeggen wat de volgende stap is.", "en": "At every contact we give our name and say what the next step is."}`, `{"nl": " ", "en": ""}`), []want{{"/service/treatment/0", norm.CodeRequired}}},
		{"control character", repl(`"klacht"`, `"kla\u001bcht"`), []want{{"/service/turnaround/1/request/nl", norm.CodeFormat}}},
		{"wrong version", repl(`"version": "1"`, `"version": "2"`), []want{{"/version", norm.CodeEnum}}},
		{"missing norm", `{"version": "1", "organisation": {"name": "X"}, "adopted": "2025-01-01"}`, []want{{"/norm", norm.CodeRequired}}},
		{"two at once", repl(`"days": 30`, `"days": -30, "hours": 1`), []want{{"/service/turnaround/1/days", norm.CodeRange}, {"/service/turnaround/1/hours", norm.CodeUnknownField}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := normdoc.DecodeBytes([]byte(tc.doc))
			require.Error(t, err)
			assert.True(t, errors.Is(err, norm.ErrInvalid))
			assert.Equal(t, normdoc.Document{}, d, "nothing half-decoded")
			var ne *norm.Error
			require.ErrorAs(t, err, &ne)
			assert.Equal(t, "normdoc.Decode", ne.Op)
			var got []want
			for _, p := range ne.Problems {
				got = append(got, want{p.Pointer, p.Code})
				assert.True(t, p.Message.Complete(), "message in both languages: %+v", p)
			}
			assert.Equal(t, tc.want, got, ne.Error())
		})
	}
}

func TestDecodeLimits(t *testing.T) {
	b := sample(t)
	_, err := normdoc.DecodeBytes(b, normdoc.WithLimits(form.Limits{MaxBytes: 512}))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	assert.True(t, ne.Has("", norm.CodeTooLarge), ne.Error())

	_, err = normdoc.DecodeBytes(b, normdoc.WithLimits(form.Limits{MaxDepth: 3}))
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, norm.CodeTooDeep, ne.Problems[0].Code)

	_, err = normdoc.Decode(strings.NewReader(strings.Repeat("[", 100)))
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, norm.CodeTooDeep, ne.Problems[0].Code)
}

// TestDecodeNoService: the service norm is optional.
func TestDecodeNoService(t *testing.T) {
	var m map[string]any
	require.NoError(t, json.Unmarshal(sample(t), &m))
	delete(m, "service")
	b, err := json.Marshal(m)
	require.NoError(t, err)
	d, err := normdoc.DecodeBytes(b)
	require.NoError(t, err)
	assert.Nil(t, d.Service)
	assert.Nil(t, d.Check().Service)
}

func TestSchemaGolden(t *testing.T) {
	doc := sample(t)
	for _, lang := range norm.Langs() {
		for _, d := range form.Dialects() {
			name := "norm." + string(lang) + "." + string(d) + ".json"
			t.Run(name, func(t *testing.T) {
				got, err := normdoc.Schema(lang, d)
				require.NoError(t, err)
				path := filepath.Join("testdata", "schema", name)
				if *update {
					require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
					require.NoError(t, os.WriteFile(path, got, 0o644))
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err, "run go test ./norm/normdoc -update")
				assert.Equal(t, string(want), string(got))

				var s map[string]any
				require.NoError(t, json.Unmarshal(got, &s))
				assert.Equal(t, normdoc.SchemaID(lang, d), s["$id"])
				assert.Equal(t, d.URL(), s["$schema"])
				assert.Equal(t, false, s["additionalProperties"])
				if d == form.Draft07 {
					assert.NotContains(t, string(got), "$defs")
					assert.NotContains(t, string(got), "$ref")
				}
				normtest.FreeTextStrings(s, func(where string, node map[string]any) {
					assert.NotEmpty(t, node["pattern"], "free text without a pattern at %s", where)
				})

				// An independent validator accepts the sample and refuses
				// what the schema can see is wrong.
				c := jsonschema.NewCompiler()
				c.AssertFormat()
				require.NoError(t, c.AddResource(normdoc.SchemaID(lang, d), s))
				sch, err := c.Compile(normdoc.SchemaID(lang, d))
				require.NoError(t, err)
				inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
				require.NoError(t, err)
				assert.NoError(t, sch.Validate(inst))
				for _, bad := range []string{
					strings.Replace(string(doc), `"2025-09-01"`, `"2025-02-30"`, 1),
					strings.Replace(string(doc), `"days": 30`, `"days": -1`, 1),
					strings.Replace(string(doc), `"website",`, `"fax",`, 1),
					strings.Replace(string(doc), `"adopted"`, `"x": 1, "adopted"`, 1),
				} {
					inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
					require.NoError(t, err)
					assert.Error(t, sch.Validate(inst))
				}
			})
		}
	}
	nl, _ := normdoc.Schema(norm.NL, form.Draft2020)
	en, _ := normdoc.Schema(norm.EN, form.Draft2020)
	assert.Contains(t, string(nl), "Maatregelen per stap")
	assert.Contains(t, string(en), "Sanctions per step")
	_, err := normdoc.Schema("de", form.Draft2020)
	assert.Error(t, err)
}

func TestSchemaCopies(t *testing.T) {
	normtest.CachedCopies(t, func() ([]byte, error) { return normdoc.Schema(norm.EN, form.Draft07) })
}
