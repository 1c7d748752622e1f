package checklist_test

import (
	"testing"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

// FuzzUnmarshalCodes covers every code type of the checklist package: no
// panic, exact round trips, and refusals that name the value.
func FuzzUnmarshalCodes(f *testing.F) {
	for _, s := range []string{"met", "partially_met", "unanswered", "municipality", "executive_agency",
		"green", "red", "capped_by_critical", "evidence_stale", "measured_contradicts_claim", "improved", "changed", "", "MET"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		normtest.CodeText[checklist.Result](t, s)
		normtest.CodeText[checklist.OrgKind](t, s)
		normtest.CodeText[checklist.Rating](t, s)
		normtest.CodeText[checklist.RatingRule](t, s)
		normtest.CodeText[checklist.FindingCode](t, s)
		normtest.CodeText[checklist.Change](t, s)
	})
}
