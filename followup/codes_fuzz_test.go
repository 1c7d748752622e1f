package followup_test

import (
	"testing"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

// FuzzUnmarshalCodes covers every code type of the followup package: no
// panic, exact round trips, and refusals that name the value.
func FuzzUnmarshalCodes(f *testing.F) {
	for _, s := range []string{"reaction", "aftercare_check", "done", "declined", "occurred", "reported",
		"elapsed", "working_days", "every_5_years", "never", "open", "done_late", "waived", "", "Reaction"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		normtest.CodeText[followup.Kind](t, s)
		normtest.CodeText[followup.Outcome](t, s)
		normtest.CodeText[followup.Anchor](t, s)
		normtest.CodeText[followup.Counting](t, s)
		normtest.CodeText[followup.LiberationDay](t, s)
		normtest.CodeText[followup.State](t, s)
	})
}
