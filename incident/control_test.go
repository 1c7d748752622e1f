package incident_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

// incidentTextFields are the free-text fields of an incident: pointer,
// CSV column, and whether the field may span lines.
var incidentTextFields = []struct {
	ptr, column string
	multiLine   bool
}{
	{"/site", "site", false},
	{"/description", "description", true},
	{"/analysis/text", "analysis", true},
	{"/analysis/lessons", "lessons", true},
}

// setText puts s into the field at ptr of an incident.
func setText(inc *incident.Incident, ptr, s string) {
	switch ptr {
	case "/site":
		inc.Site = s
	case "/description":
		inc.Description = s
	default:
		a := incident.Analysis{}
		if inc.Analysis != nil {
			a = *inc.Analysis
		}
		if ptr == "/analysis/text" {
			a.Text = s
		} else {
			a.Lessons = s
		}
		inc.Analysis = &a
	}
}

// wantRefused checks that err refuses the character r at where (a pointer,
// or for CSV a row and column) with a message in both languages that does
// not echo the character.
func wantRefused(tb testing.TB, err error, ptr string, row int, column string, r rune) {
	tb.Helper()
	p := normtest.Refused(tb, err, r)
	assert.Equal(tb, ptr, p.Pointer)
	assert.Equal(tb, row, p.Row)
	assert.Equal(tb, column, p.Column)
}

// Each hostile character in each free-text field is refused by
// DecodeIncident (the schema's pattern), by Validate (what stores call)
// and by ReadCSV, at the field's pointer or row and column.
func TestControlCharactersRefused(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "incident.json"))
	require.NoError(t, err)
	good, err := incident.DecodeIncident(bytes.NewReader(raw))
	require.NoError(t, err)
	for _, f := range incidentTextFields {
		for _, h := range normtest.HostileChars() {
			t.Run(f.ptr+"/"+h.Name, func(t *testing.T) {
				value := "LOC" + string(h.Rune) + "INC-FAKE"
				ok := h.MultiLine && f.multiLine

				// The JSON document.
				var doc map[string]any
				require.NoError(t, json.Unmarshal(raw, &doc))
				toks := norm.SplitPointer(f.ptr)
				if len(toks) == 2 {
					doc[toks[0]].(map[string]any)[toks[1]] = value
				} else {
					doc[toks[0]] = value
				}
				b, err := json.Marshal(doc)
				require.NoError(t, err)
				_, err = incident.DecodeIncident(bytes.NewReader(b))
				if ok {
					require.NoError(t, err)
				} else {
					wantRefused(t, err, f.ptr, 0, "", h.Rune)
				}

				// The same incident built in Go, as a store validates it.
				inc := good
				setText(&inc, f.ptr, value)
				err = incident.Validate(&inc)
				if ok {
					require.NoError(t, err)
				} else {
					wantRefused(t, err, f.ptr, 0, "", h.Rune)
				}

				// A CSV row with the value in its column.
				var buf bytes.Buffer
				require.NoError(t, incident.WriteCSV(&buf, []incident.Incident{good}, incident.WithFreeText()))
				recs, err := csv.NewReader(&buf).ReadAll()
				require.NoError(t, err)
				col := -1
				for i, name := range recs[0] {
					if name == f.column {
						col = i
					}
				}
				require.GreaterOrEqual(t, col, 0, "column %s", f.column)
				recs[1][col] = value
				var out bytes.Buffer
				w := csv.NewWriter(&out)
				require.NoError(t, w.WriteAll(recs))
				_, err = incident.ReadCSV(&out)
				if ok {
					require.NoError(t, err)
				} else {
					wantRefused(t, err, f.ptr, 2, f.column, h.Rune)
				}
			})
		}
	}
}

// Every free-text string of the incident schema carries a pattern.
func TestSchemaFreeTextHasPattern(t *testing.T) {
	for _, d := range form.Dialects() {
		b, err := incident.Schema(norm.EN, d)
		require.NoError(t, err)
		var s any
		require.NoError(t, json.Unmarshal(b, &s))
		n := 0
		normtest.FreeTextStrings(s, func(where string, node map[string]any) {
			n++
			assert.NotEmpty(t, node["pattern"], "%s %s", d, where)
			if strings.HasSuffix(where, "/site") {
				assert.Equal(t, norm.LinePattern, node["pattern"])
			}
		})
		assert.GreaterOrEqual(t, n, 4, "%s: site, description, analysis text and lessons at least", d)
	}
}
