package checklist_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
)

// fingerprint hashes what decides a score: every item's weight, every
// criterion's type, options and their results, weight, critical and
// evidence flags, rule and measured share, the rating bounds and the
// default evidence age. Texts are left out: rewording a question does
// not change a report's figures.
func fingerprint(t *testing.T) string {
	t.Helper()
	type opt struct {
		Code   string
		Result string
	}
	type crit struct {
		ID       checklist.CriterionID
		Type     checklist.AnswerType
		Options  []opt
		Weight   float64
		Critical bool
		Evidence bool
		Rule     checklist.Rule
		Measured checklist.MeasuredShare
	}
	type item struct {
		ID       checklist.ItemID
		Weight   float64
		Criteria []crit
	}
	var items []item
	for _, it := range checklist.Items() {
		x := item{ID: it.ID, Weight: it.Weight}
		for _, c := range it.Criteria {
			cr := crit{c.ID, c.Type, nil, c.Weight, c.Critical, c.Evidence, c.Rule, c.MeasuredBy}
			for _, o := range c.Options {
				cr.Options = append(cr.Options, opt{o.Code, string(o.Result)})
			}
			x.Criteria = append(x.Criteria, cr)
		}
		items = append(items, x)
	}
	b, err := json.Marshal(struct {
		Items                []item
		GreenFrom, AmberFrom float64
		MaxEvidenceAge       int
	}{items, checklist.GreenFrom, checklist.AmberFrom, checklist.DefaultMaxEvidenceAge})
	require.NoError(t, err)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// TestCatalogueVersionPinned fails when the rules change but
// CatalogueVersion does not, so that two reports with the same version
// were computed with the same rules.
func TestCatalogueVersionPinned(t *testing.T) {
	path := filepath.Join("testdata", "catalogue.version")
	got := checklist.CatalogueVersion + " " + fingerprint(t) + "\n"
	if updating() {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	b, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./checklist -update")
	version, hash, _ := strings.Cut(strings.TrimSpace(string(b)), " ")
	if version == checklist.CatalogueVersion {
		assert.Equal(t, hash, fingerprint(t),
			"the catalogue's rules, weights or thresholds changed: set CatalogueVersion to today's date and run go test ./checklist -update")
	} else {
		t.Errorf("CatalogueVersion is %s, testdata records %s: run go test ./checklist -update", checklist.CatalogueVersion, version)
	}
}

// TestReportNamesWhatItApplied: the report names the catalogue version,
// the rating bounds, and every weight and threshold it applied, the
// catalogue's own as well as the overridden ones.
func TestReportNamesWhatItApplied(t *testing.T) {
	a := baseAssessment(benchAssessment(t).Answers)
	r, err := checklist.Evaluate(a,
		checklist.WithWeights(map[checklist.ItemID]float64{"GG03": 2.5}),
		checklist.WithCriterionWeights(map[checklist.CriterionID]float64{"GG05-2": 3}),
		checklist.WithThresholds(map[checklist.CriterionID]checklist.Threshold{"GG01-1": {Met: 90, Partial: 40}}))
	require.NoError(t, err)
	assert.Equal(t, checklist.CatalogueVersion, r.Policy.Catalogue)
	assert.Equal(t, float64(checklist.GreenFrom), r.Policy.GreenFrom)
	assert.Equal(t, float64(checklist.AmberFrom), r.Policy.AmberFrom)
	assert.Equal(t, []checklist.CriterionID{"GG01-1", "GG05-2"}, r.Policy.Overrides)

	n := 0
	for i, it := range checklist.Items() {
		want := it.Weight
		if it.ID == "GG03" {
			want = 2.5
		}
		assert.Equal(t, want, r.Items[i].Weight, it.ID)
		for k, c := range it.Criteria {
			cr := r.Items[i].Criteria[k]
			n++
			wantW := c.Weight
			if c.ID == "GG05-2" {
				wantW = 3
			}
			assert.Equal(t, wantW, cr.Weight, c.ID)
			if !c.Rule.Kind.UsesThreshold() {
				assert.Nil(t, cr.Threshold, c.ID)
				continue
			}
			require.NotNil(t, cr.Threshold, "%s: a threshold in force, overridden or not", c.ID)
			wantT := c.Rule.Threshold
			if c.ID == "GG01-1" {
				wantT = checklist.Threshold{Met: 90, Partial: 40}
			}
			assert.Equal(t, wantT, *cr.Threshold, c.ID)
		}
	}
	assert.Equal(t, len(checklist.Criteria()), n)

	// In JSON too, for an auditor's tools.
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"catalogue":"`+checklist.CatalogueVersion+`"`)
	assert.Contains(t, string(b), `"id":"GG01-1","result":"partially_met"`)
	assert.Contains(t, string(b), `"threshold":{"met":90,"partial":40}`)
	assert.Contains(t, string(b), `"threshold":{"met":95,"partial":50}`, "GG02-1 keeps the catalogue's")
}
