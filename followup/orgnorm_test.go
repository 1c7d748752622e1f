package followup_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// An incident in the organisation's own words gets the police obligation
// of the category its norm gives the behaviour, as a catalogue code of
// that category would.
func TestPlanOwnBehaviour(t *testing.T) {
	n := norm.OrgNorm{Extra: []norm.ExtraBehaviour{
		{Code: "biting", Category: norm.Physical, Label: norm.T("bijten", "biting")},
		{Code: "filming_staff", Category: norm.Verbal, Label: norm.T("filmen", "filming")},
	}}
	kinds := func(inc incident.Incident) []followup.Kind {
		var out []followup.Kind
		for _, o := range mustPlan(t, inc, followup.Policy{}) {
			if o.Kind == followup.KindPoliceReport || o.Kind == followup.KindPoliceDecision {
				out = append(out, o.Kind)
			}
		}
		return out
	}
	own := planIncident()
	own.Behaviours = incident.Behaviours{"biting"}
	own.UnderNorm("UDN-1", n)
	assert.Equal(t, []followup.Kind{followup.KindPoliceReport}, kinds(own))
	assert.Equal(t, kinds(planIncident()), kinds(own), "as hitting, a catalogue code of the same category")

	verbal := planIncident()
	verbal.Behaviours = incident.Behaviours{"filming_staff"}
	verbal.UnderNorm("UDN-1", n)
	swearing := planIncident()
	swearing.Behaviours = incident.Behaviours{norm.Swearing}
	assert.Equal(t, []followup.Kind{followup.KindPoliceDecision}, kinds(verbal))
	assert.Equal(t, kinds(swearing), kinds(verbal))
}
