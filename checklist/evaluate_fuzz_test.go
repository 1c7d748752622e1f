package checklist_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
)

// FuzzEvaluate: whatever assessment encoding/json makes of the input,
// Evaluate never panics, and returns either a *norm.Error with pointers and
// bilingual messages, or a report whose figures hold together. A document
// that DecodeAssessment accepts, Evaluate accepts too. The scenarios are
// the seeds.
func FuzzEvaluate(f *testing.F) {
	for _, path := range scenarioFiles(f) {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		var s struct {
			Assessment json.RawMessage `json:"assessment"`
		}
		if err := json.Unmarshal(b, &s); err != nil {
			f.Fatal(err)
		}
		f.Add([]byte(s.Assessment))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var a checklist.Assessment
		if json.Unmarshal(data, &a) != nil {
			return
		}
		r, err := checklist.Evaluate(a)
		if err != nil {
			var ne *norm.Error
			if !errors.As(err, &ne) || !errors.Is(err, norm.ErrInvalid) || len(ne.Problems) == 0 {
				t.Fatalf("bad error %T: %v", err, err)
			}
			for _, p := range ne.Problems {
				if p.Code == "" || !p.Message.Complete() || (p.Pointer != "" && p.Pointer[0] != '/') {
					t.Fatalf("bad problem %+v", p)
				}
			}
			if _, derr := checklist.DecodeAssessment(bytes.NewReader(data)); derr == nil {
				t.Fatalf("DecodeAssessment accepts what Evaluate refuses: %v", err)
			}
			return
		}
		checkReport(t, r)
	})
}

// checkReport asserts what every report must satisfy.
func checkReport(tb testing.TB, r checklist.Report) {
	tb.Helper()
	requireAppendJSON(tb, r)
	if !(r.Score >= 0 && r.Score <= 100) || !(r.Completeness >= 0 && r.Completeness <= 1) {
		tb.Fatalf("score %v, completeness %v", r.Score, r.Completeness)
	}
	switch {
	case r.Score < checklist.AmberFrom:
		if r.Rating != checklist.Red {
			tb.Fatalf("score %v rated %s", r.Score, r.Rating)
		}
	case r.Score >= checklist.GreenFrom && len(r.CappedBy) == 0:
		if r.Rating != checklist.Green {
			tb.Fatalf("score %v rated %s", r.Score, r.Rating)
		}
	default:
		if r.Rating != checklist.Amber {
			tb.Fatalf("score %v (capped by %v) rated %s", r.Score, r.CappedBy, r.Rating)
		}
	}
	if len(r.Items) != 14 || len(r.Principles) != 18 || r.CriteriaTotal != 41 {
		tb.Fatalf("shape: %d items, %d principles, %d criteria", len(r.Items), len(r.Principles), r.CriteriaTotal)
	}
	for _, it := range r.Items {
		if !(it.Score >= 0 && it.Score <= 100) {
			tb.Fatalf("item %s score %v", it.ID, it.Score)
		}
		for _, c := range it.Criteria {
			if c.Explanation == "" {
				tb.Fatalf("%s without explanation", c.ID)
			}
		}
	}
	for _, p := range r.Principles {
		if !(p.Coverage >= 0 && p.Coverage <= 1) {
			tb.Fatalf("principle %s coverage %v", p.ID, p.Coverage)
		}
	}
	if !slices.IsSortedFunc(r.Findings, func(x, y checklist.Finding) int {
		xc, yc := x.Code == checklist.FindingCriticalNotMet, y.Code == checklist.FindingCriticalNotMet
		switch {
		case xc && !yc:
			return -1
		case yc && !xc:
			return 1
		case x.Stake > y.Stake:
			return -1
		case x.Stake < y.Stake:
			return 1
		}
		return 0
	}) {
		tb.Fatalf("findings out of order")
	}
}
