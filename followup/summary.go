package followup

import (
	"iter"
	"strconv"
	"time"

	"github.com/goedgesprek/goedgesprek/norm"
)

// OverdueLimit is how many overdue obligations a Summary lists at most;
// Summary.OverdueCount has the full count. The cap keeps the memory of
// Summarize flat however many incidents are overdue.
const OverdueLimit = 1000

// Summarize measures follow-up compliance over records at the moment at,
// under a policy. It reads the records one at a time and keeps nothing of
// them but counters and the first OverdueLimit overdue obligations (in the
// order the records come), so its memory does not grow with the number of
// records. The records' incidents are not validated: feed it what a store
// returns.
//
// The shares count only obligations whose outcome is known at `at`: done
// (on time or late) or overdue. Open obligations (not yet due) and waived
// ones (not applicable, or not possible with a reason) are left out of
// both numerator and denominator.
//
//   - Reactions48h: reactions to the perpetrator done by the reaction
//     deadline, of those known.
//   - PoliceReports: expected police reports (PoliceTriage) filed, on time
//     or late, of those known. Recorded decisions are not counted here.
//   - AftercareOnTime: involved people whose first aftercare contact was
//     offered by the deadline (a declined offer was made, so it counts),
//     of those known.
//   - FollowUpContact: involved people who had a follow-up contact, the
//     six-week check or a repeated offer (on time or late), of those whose
//     check is done or overdue, or whose repeat is done.
//   - CauseAnalysis: incidents with a cause analysis naming at least one
//     cause, of all incidents.
//
// An error from the sequence stops Summarize, which returns it with a zero
// Summary; so does a policy that Policy.Validate refuses, and an action
// whose kind or outcome is not a known code (a *norm.Error with Op
// "followup.Summarize" pointing at "/r/actions/i/outcome", r counting
// the records from 0): it would count as no action at all.
func Summarize(records iter.Seq2[Record, error], p Policy, at time.Time) (Summary, error) {
	if err := p.Validate(); err != nil {
		return Summary{}, err
	}
	p = p.withDefaults()
	s := Summary{At: at, Overdue: []Overdue{}}
	var obs []Obligation
	var sts []State
	n := 0
	for r, err := range records {
		if err != nil {
			return Summary{}, err
		}
		// An action of an unknown kind or outcome would count as no action
		// at all: refuse it, as Status does.
		var ps norm.Problems
		actionCodes(&ps, "/"+strconv.Itoa(n)+"/actions/", r.Actions)
		if err := ps.Err("followup.Summarize"); err != nil {
			return Summary{}, err
		}
		n++
		s.Incidents++
		if a := r.Incident.Analysis; a != nil && len(a.Causes) > 0 {
			s.CauseAnalysis.Num++
		}
		obs = plan(obs[:0], &r.Incident, &p, false)
		sts = sts[:0]
		for i := range obs {
			st, _, _ := evaluate(&obs[i], r.Actions, at)
			sts = append(sts, st)
		}
		s.add(obs, sts)
	}
	s.CauseAnalysis.Den = s.Incidents
	return s, nil
}

// add counts the statuses of one incident.
func (s *Summary) add(obs []Obligation, sts []State) {
	for i, state := range sts {
		st := &obs[i]
		known := state.Done() || state == StateOverdue
		if state == StateOverdue {
			s.OverdueCount++
			if len(s.Overdue) < OverdueLimit {
				s.Overdue = append(s.Overdue, Overdue{
					IncidentID: st.IncidentID,
					Obligation: ObligationID(st.IncidentID, st.Kind, st.Subject),
					Kind:       st.Kind,
					Subject:    st.Subject,
					Due:        st.Due,
				})
			}
		}
		switch st.Kind {
		case KindReaction:
			if known {
				s.Reactions48h.Den++
				if state == StateDoneOnTime {
					s.Reactions48h.Num++
				}
			}
		case KindPoliceReport:
			if known {
				s.PoliceReports.Den++
				if state.Done() {
					s.PoliceReports.Num++
				}
			}
		case KindAftercare:
			if known {
				s.AftercareOnTime.Den++
				if state == StateDoneOnTime {
					s.AftercareOnTime.Num++
				}
			}
		case KindAftercareCheck:
			// Plan puts the repeated offer right before the check of the
			// same person.
			repeatDone := i > 0 && obs[i-1].Kind == KindAftercareAgain && obs[i-1].Subject == st.Subject && sts[i-1].Done()
			if known || repeatDone {
				s.FollowUpContact.Den++
				if state.Done() || repeatDone {
					s.FollowUpContact.Num++
				}
			}
		}
	}
}
