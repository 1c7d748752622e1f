package followup

import "github.com/goedgesprek/goedgesprek/norm"

// RecordOp is the Op of the *norm.Error of an action a store refuses.
const RecordOp = "followup.RecordAction"

// CheckStorable is the check every store makes before it records an
// action, so that the in-memory and the SQL store refuse the same ones:
// Validate (Op RecordOp), plus a time within 1900..2200, which a store
// needs to keep it as int64 nanoseconds. Once the store has the incident,
// it also calls CheckIncident.
func CheckStorable(a *Action) error {
	err := a.Validate(RecordOp)
	if a.At.IsZero() || (a.At.Year() >= 1900 && a.At.Year() < 2200) {
		return err
	}
	ne, _ := err.(*norm.Error)
	if ne == nil {
		ne = &norm.Error{Op: RecordOp}
	}
	ne.Problems = append(ne.Problems, norm.Problem{Pointer: "/at", Code: norm.CodeRange,
		Message: norm.T("tijdstip ligt niet tussen 1900 en 2200", "time is not between 1900 and 2200")})
	return ne
}

// Same reports whether a and b are the same record, times compared as
// instants; a store uses it to tell an action recorded again (nothing to
// do) from a different one under a taken ID (a conflict).
func (a *Action) Same(b Action) bool {
	return a.ID == b.ID && a.IncidentID == b.IncidentID && a.Kind == b.Kind && a.Subject == b.Subject &&
		a.At.Equal(b.At) && a.Outcome == b.Outcome && a.Form == b.Form && a.Reason == b.Reason
}
