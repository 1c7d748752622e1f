package checklist_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

// textField is one free-text field of the self-assessment: where it sits
// in the document and whether it may span lines.
type textField struct {
	path      []string // keys from the root
	multiLine bool
}

// textFields lists every free-text field of the full sample, for an answer
// that has a comment and evidence.
func textFields(tb testing.TB, doc map[string]any) []textField {
	tb.Helper()
	answers := doc["answers"].(map[string]any)
	keys := make([]string, 0, len(answers))
	for k := range answers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var id string
	for _, k := range keys {
		a := answers[k].(map[string]any)
		if _, ok := a["comment"]; ok && a["evidence"] != nil {
			id = k
			break
		}
	}
	require.NotEmpty(tb, id, "the sample has an answer with a comment and evidence")
	return []textField{
		{[]string{"organisation", "name"}, false},
		{[]string{"assessor", "id"}, false},
		{[]string{"assessor", "role"}, false},
		{[]string{"answers", id, "comment"}, true},
		{[]string{"answers", id, "evidence", "0", "title"}, false},
		{[]string{"answers", id, "evidence", "0", "reference"}, false},
	}
}

// setPath puts v at path in a decoded JSON tree.
func setPath(tb testing.TB, doc any, path []string, v string) {
	tb.Helper()
	for i, k := range path {
		last := i == len(path)-1
		switch n := doc.(type) {
		case map[string]any:
			if last {
				n[k] = v
				return
			}
			doc = n[k]
		case []any:
			var j int
			_, err := fmt.Sscan(k, &j)
			require.NoError(tb, err)
			if last {
				n[j] = v
				return
			}
			doc = n[j]
		}
	}
}

// Every free-text field of the assessment refuses every hostile
// character, in DecodeAssessment (through the schema's pattern) and in
// Evaluate (for assessments built in Go), at the field's pointer with a
// message in both languages; multi-line fields keep tabs and line feeds.
func TestControlCharactersRefused(t *testing.T) {
	raw := fullDoc(t)
	var probe map[string]any
	require.NoError(t, json.Unmarshal(raw, &probe))
	for _, f := range textFields(t, probe) {
		ptr := norm.Pointer(f.path...)
		for _, h := range normtest.HostileChars() {
			t.Run(ptr+"/"+h.Name, func(t *testing.T) {
				var doc map[string]any
				require.NoError(t, json.Unmarshal(raw, &doc))
				value := "Voor" + string(h.Rune) + "beeld"
				setPath(t, doc, f.path, value)
				b, err := json.Marshal(doc)
				require.NoError(t, err)

				a, err := checklist.DecodeAssessment(bytes.NewReader(b))
				if h.MultiLine && f.multiLine {
					require.NoError(t, err)
					_, err = checklist.Evaluate(a)
					require.NoError(t, err)
					return
				}
				requireControlProblem(t, err, ptr, h.Rune)

				// The same value in an assessment built in Go.
				var good checklist.Assessment
				good, err = checklist.DecodeAssessment(bytes.NewReader(raw))
				require.NoError(t, err)
				setField(t, &good, f.path, value)
				_, err = checklist.Evaluate(good)
				requireControlProblem(t, err, ptr, h.Rune)
			})
		}
	}
}

// setField sets the free-text field at path in an Assessment.
func setField(tb testing.TB, a *checklist.Assessment, path []string, v string) {
	tb.Helper()
	switch strings.Join(path, "/") {
	case "organisation/name":
		a.Organisation.Name = v
	case "assessor/id":
		a.Assessor.ID = v
	case "assessor/role":
		a.Assessor.Role = v
	default:
		id := checklist.CriterionID(path[1])
		ans := a.Answers[id]
		switch path[len(path)-1] {
		case "comment":
			ans.Comment = v
		case "title":
			ans.Evidence = append([]checklist.Evidence(nil), ans.Evidence...)
			ans.Evidence[0].Title = v
		case "reference":
			ans.Evidence = append([]checklist.Evidence(nil), ans.Evidence...)
			ans.Evidence[0].Reference = v
		default:
			tb.Fatalf("no field %v", path)
		}
		a.Answers[id] = ans
	}
}

// requireControlProblem checks that err refuses exactly the character r at
// ptr, in both languages, without the character itself in the message.
func requireControlProblem(tb testing.TB, err error, ptr string, r rune) {
	tb.Helper()
	p := normtest.Refused(tb, err, r)
	assert.Equal(tb, ptr, p.Pointer)
	assert.Contains(tb, p.Message.EN, "position 5")
}

// Every free-text string in both schema dialects carries a pattern, so
// that forms refuse what the decoder refuses.
func TestSchemaFreeTextHasPattern(t *testing.T) {
	for _, d := range form.Dialects() {
		b, err := checklist.Schema(norm.NL, d)
		require.NoError(t, err)
		var s any
		require.NoError(t, json.Unmarshal(b, &s))
		n := 0
		normtest.FreeTextStrings(s, func(where string, node map[string]any) {
			n++
			assert.Contains(t, []any{norm.LinePattern, norm.TextPattern}, node["pattern"], "%s %s", d, where)
		})
		assert.Greater(t, n, 6, "%s: names, references, titles and every comment", d)
	}
}
