package incident_test

import (
	"testing"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

// FuzzUnmarshalCodes covers every code type of the incident package: no
// panic, exact round trips, and refusals that name the value.
func FuzzUnmarshalCodes(f *testing.F) {
	for _, s := range []string{"client", "unknown", "target", "witness", "waiting_time", "other",
		"conversation", "ban", "anonymise", "delete", "2026-03", "", "CLIENT", "2026-13"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		normtest.CodeText[incident.PerpetratorRole](t, s)
		normtest.CodeText[incident.PersonRole](t, s)
		normtest.CodeText[incident.Cause](t, s)
		normtest.CodeText[incident.Step](t, s)
		normtest.CodeText[incident.RetentionMode](t, s)
		normtest.CodeText[incident.Month](t, s)
	})
}
