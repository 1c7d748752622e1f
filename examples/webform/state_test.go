package main

import (
	"bytes"
	"encoding/json"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
)

// answerOf builds the JSON of a form and returns one answer of it.
func answerOf(t *testing.T, v url.Values, c checklist.CriterionID) (map[string]any, []norm.Problem) {
	t.Helper()
	doc, probs := stateFromForm(v).assessmentJSON()
	var got struct {
		Answers map[string]map[string]any `json:"answers"`
	}
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	require.NoError(t, d.Decode(&got))
	return got.Answers[string(c)], probs
}

func TestFormValues(t *testing.T) {
	pct := firstOfType(checklist.TypePercent)
	var multi *checklist.Criterion
	for _, c := range checklist.Criteria() {
		if c.Type == checklist.TypeMulti {
			multi = c
			break
		}
	}
	code := multi.Options[0].Code

	tests := []struct {
		name  string
		form  url.Values
		crit  checklist.CriterionID
		value any // nil: no value
		prob  bool
	}{
		{"decimal comma", url.Values{valuePtr(pct.ID): {"95,5"}}, pct.ID, json.Number("95.5"), false},
		{"decimal point", url.Values{valuePtr(pct.ID): {" 95.5 "}}, pct.ID, json.Number("95.5"), false},
		{"not a number stays text", url.Values{valuePtr(pct.ID): {"veel"}}, pct.ID, "veel", false},
		{"hex is not a number", url.Values{valuePtr(pct.ID): {"0x10"}}, pct.ID, "0x10", false},
		{"empty is unanswered", url.Values{valuePtr(pct.ID): {""}}, pct.ID, nil, false},
		{"none of these", url.Values{valuePtr(multi.ID): {noneCode}}, multi.ID, []any{}, false},
		{"options", url.Values{valuePtr(multi.ID): {code, code}}, multi.ID, []any{code}, false},
		{"none with an option", url.Values{valuePtr(multi.ID): {code, noneCode}}, multi.ID, []any{code}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, probs := answerOf(t, tt.form, tt.crit)
			if tt.value == nil {
				assert.Nil(t, ans)
			} else {
				require.NotNil(t, ans)
				assert.Equal(t, tt.value, ans["value"])
			}
			if tt.prob {
				require.Len(t, probs, 1)
				assert.Equal(t, valuePtr(tt.crit), probs[0].Pointer)
			} else {
				assert.Empty(t, probs)
			}
		})
	}
}

// TestEvidenceRowsRenumbered: an empty row between two filled ones is
// dropped and the rows after it move up, in the JSON and in the form
// shown again, so that problems keep pointing at the right row.
func TestEvidenceRowsRenumbered(t *testing.T) {
	c := firstOfType(checklist.TypePercent).ID
	v := url.Values{
		evidencePtr(c, 0, "title"): {"A"}, evidencePtr(c, 0, "reference"): {"R-A"}, evidencePtr(c, 0, "date"): {"2026-01-01"},
		evidencePtr(c, 1, "title"): {""}, evidencePtr(c, 1, "reference"): {" "}, evidencePtr(c, 1, "date"): {""},
		evidencePtr(c, 10, "title"): {"B"}, evidencePtr(c, 10, "reference"): {"R-B"}, evidencePtr(c, 10, "date"): {"2030-01-01"},
		evidencePtr(c, 2, "nope"):                      {"ignored"},
		"/answers/" + string(c) + "/evidence/01/title": {"ignored: not a plain index"},
	}
	s := stateFromForm(v)
	assert.Equal(t, 2, s.evidence[c])
	assert.Equal(t, "B", s.get(evidencePtr(c, 1, "title")))
	assert.Equal(t, "2030-01-01", s.get(evidencePtr(c, 1, "date")))

	v.Set(ptrDate, "2026-03-31")
	doc, _ := stateFromForm(v).assessmentJSON()
	_, err := checklist.DecodeAssessment(bytes.NewReader(doc))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	assert.True(t, ne.Has(evidencePtr(c, 1, "date"), norm.CodeFuture), "%v", ne.Problems)
	p := buildPage(norm.NL, stateFromForm(v), ne.Problems)
	found := false
	for _, e := range p.Summary {
		if e.Href == "#"+fieldID(evidencePtr(c, 1, "date")) {
			found = true
		}
	}
	assert.True(t, found, "the future date is shown at the second row: %v", p.Summary)
}
