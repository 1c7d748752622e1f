package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/normdoc"
)

// TestPolicyLine: the text and HTML reports say in one line which
// catalogue and which weights and thresholds were applied, naming the
// changed ones.
func TestPolicyLine(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "ind-after.json"))
	require.NoError(t, err)
	a, err := checklist.DecodeAssessment(bytes.NewReader(b))
	require.NoError(t, err)

	rep, err := checklist.Evaluate(a, checklist.WithLang(norm.EN))
	require.NoError(t, err)
	assert.Equal(t, "Rules applied: catalogue "+checklist.CatalogueVersion+" · the catalogue's weights and thresholds · green from 80, amber from 55",
		New(&rep, &a, Measured{}).Policy)

	rep, err = checklist.Evaluate(a,
		checklist.WithWeights(map[checklist.ItemID]float64{"GG03": 2}),
		checklist.WithThresholds(map[checklist.CriterionID]checklist.Threshold{"GG12-1": {Met: 90, Partial: 60}, "GG01-1": {Met: 90, Partial: 50}}))
	require.NoError(t, err)
	v := New(&rep, &a, Measured{})
	assert.Equal(t, "Rekenregels: catalogus "+checklist.CatalogueVersion+" · aangepast: gewicht of drempel van GG01-1, GG12-1; itemgewichten · groen vanaf 80, oranje vanaf 55", v.Policy)
	var buf bytes.Buffer
	require.NoError(t, WriteHTML(&buf, v))
	assert.Contains(t, buf.String(), "aangepast: gewicht of drempel van GG01-1, GG12-1; itemgewichten")
	assert.NotContains(t, buf.String(), "Afgeleid uit het normdocument", "no norm document, no section")
}

// TestNormSection: with a norm document the view and the HTML page show
// where it came from and, per derived criterion, the document's result
// beside the claim.
func TestNormSection(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "ind-after.json"))
	require.NoError(t, err)
	a, err := checklist.DecodeAssessment(bytes.NewReader(b))
	require.NoError(t, err)
	nb, err := os.ReadFile(filepath.Join("..", "..", "data", "ind-after-norm.json"))
	require.NoError(t, err)
	d, err := normdoc.DecodeBytes(nb)
	require.NoError(t, err)
	// The same organisation (Evaluate refuses another's norm), written
	// differently, so that the norm section's copy can be counted.
	a.Organisation.Name = "Noordkust <script>"
	d.Organisation.Name = "NOORDKUST  <script>"
	rep, err := checklist.Evaluate(a, checklist.WithLang(norm.EN), checklist.WithNorm(d))
	require.NoError(t, err)
	v := New(&rep, &a, Measured{Norm: "norm.json"})
	require.NotNil(t, v.Norm)
	assert.Equal(t, "norm.json", v.Norm.Origin)
	assert.Equal(t, "NOORDKUST  <script>", v.Norm.Org)
	require.Len(t, v.Norm.Rows, 5)
	assert.Equal(t, NormRow{Criterion: "GG11-1", Source: "norm", Result: "partially_met", ResultLabel: "partially met", Mark: "±", Claimed: "met", Agrees: "✗"}, v.Norm.Rows[3])
	assert.Equal(t, "2 own behaviours · 3 steps of sanctions · missing from the VPT baseline: whistling at someone", v.Norm.Summary)
	var buf bytes.Buffer
	require.NoError(t, WriteHTML(&buf, v))
	page := buf.String()
	assert.Contains(t, page, "<h2>Derived from the norm document</h2>")
	assert.NotContains(t, page, "<script>")
	assert.Equal(t, 1, strings.Count(page, "NOORDKUST  &lt;script&gt;"))
}
