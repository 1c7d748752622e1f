package checklist_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// scenario is one file in testdata/scenarios: an assessment, the options
// to evaluate it with, and what the report must say.
type scenario struct {
	Description string               `json:"description"`
	Assessment  checklist.Assessment `json:"assessment"`
	Options     struct {
		Lang                 norm.Lang         `json:"lang"`
		MaxEvidenceAgeMonths *int              `json:"max_evidence_age_months"`
		Measured             *followup.Summary `json:"measured"`
	} `json:"options"`
	Expect struct {
		Rating       checklist.Rating        `json:"rating"`
		RatingRule   checklist.RatingRule    `json:"rating_rule"`
		ScoreMin     float64                 `json:"score_min"`
		ScoreMax     float64                 `json:"score_max"`
		Completeness *float64                `json:"completeness"`
		FindingCodes []string                `json:"finding_codes"` // exactly the distinct codes found
		Findings     []expectedFinding       `json:"findings"`      // each must be present
		FindingCount int                     `json:"finding_count"` // when > 0, the exact number
		CappedBy     []checklist.CriterionID `json:"capped_by"`
	} `json:"expect"`
}

type expectedFinding struct {
	Code      checklist.FindingCode `json:"code"`
	Criterion checklist.CriterionID `json:"criterion"`
}

func (s *scenario) options() []checklist.EvalOption {
	var opts []checklist.EvalOption
	if s.Options.Lang != "" {
		opts = append(opts, checklist.WithLang(s.Options.Lang))
	}
	if s.Options.MaxEvidenceAgeMonths != nil {
		opts = append(opts, checklist.WithMaxEvidenceAge(*s.Options.MaxEvidenceAgeMonths))
	}
	if s.Options.Measured != nil {
		opts = append(opts, checklist.WithMeasured(*s.Options.Measured))
	}
	return opts
}

func loadScenario(tb testing.TB, path string) scenario {
	tb.Helper()
	b, err := os.ReadFile(path)
	require.NoError(tb, err)
	var s scenario
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	require.NoError(tb, dec.Decode(&s), path)
	return s
}

func scenarioFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "scenarios", "*.json"))
	require.NoError(tb, err)
	require.NotEmpty(tb, files)
	return files
}

func TestScenarios(t *testing.T) {
	for _, path := range scenarioFiles(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			s := loadScenario(t, path)
			require.NotEmpty(t, s.Description, "every scenario says what it shows")
			r, err := checklist.Evaluate(s.Assessment, s.options()...)
			require.NoError(t, err)
			checkReport(t, r)
			// The scenario's assessment is a valid self-assessment document.
			raw, err := os.ReadFile(path)
			require.NoError(t, err)
			var doc struct {
				Assessment json.RawMessage `json:"assessment"`
			}
			require.NoError(t, json.Unmarshal(raw, &doc))
			decoded, err := checklist.DecodeAssessment(bytes.NewReader(doc.Assessment))
			require.NoError(t, err)
			assert.Equal(t, s.Assessment, decoded)
			e := s.Expect
			assert.Equal(t, e.Rating, r.Rating, "rating (%s)", r.RatingReason)
			if e.RatingRule != "" {
				assert.Equal(t, e.RatingRule, r.RatingRule)
			}
			assert.GreaterOrEqual(t, r.Score, e.ScoreMin, "score")
			assert.LessOrEqual(t, r.Score, e.ScoreMax, "score")
			if e.Completeness != nil {
				assert.InDelta(t, *e.Completeness, r.Completeness, 1e-9)
			}
			var codes []string
			for _, f := range r.Findings {
				if !slices.Contains(codes, string(f.Code)) {
					codes = append(codes, string(f.Code))
				}
			}
			slices.Sort(codes)
			want := slices.Clone(e.FindingCodes)
			slices.Sort(want)
			assert.Equal(t, want, nonNil(codes), "distinct finding codes")
			for _, w := range e.Findings {
				assert.True(t, slices.ContainsFunc(r.Findings, func(f checklist.Finding) bool {
					return f.Code == w.Code && f.Criterion == w.Criterion
				}), "finding %s on %s", w.Code, w.Criterion)
			}
			if e.FindingCount > 0 {
				assert.Len(t, r.Findings, e.FindingCount)
			}
			if e.CappedBy != nil {
				assert.Equal(t, e.CappedBy, r.CappedBy)
			}
		})
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// The IND after the pilot must score higher than before it, and on the
// principles the pilot worked on (norm, training, aftercare) cover more.
func TestScenarioINDImproves(t *testing.T) {
	eval := func(name string) checklist.Report {
		t.Helper()
		s := loadScenario(t, filepath.Join("testdata", "scenarios", name+".json"))
		r, err := checklist.Evaluate(s.Assessment, s.options()...)
		require.NoError(t, err)
		return r
	}
	before, after := eval("ind_before_pilot"), eval("ind_after_pilot")
	assert.Greater(t, after.Score, before.Score)
	for i := range before.Items {
		assert.GreaterOrEqual(t, after.Items[i].Score, before.Items[i].Score, before.Items[i].ID)
	}
	for i, p := range before.Principles {
		switch p.ID {
		case norm.VPT1, norm.VPT4, norm.VPT8:
			assert.Greater(t, after.Principles[i].Coverage, p.Coverage, p.ID)
		}
	}
}
