package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// OrgNormID and OrgNorm are the organisation's norm of the suite: two
// behaviours of its own, one a threat and one verbal.
const OrgNormID = "UDN-huisregels-2026-1"

// OrgNorm returns the suite's norm.
func OrgNorm() norm.OrgNorm {
	return norm.OrgNorm{
		Behaviours: norm.Baseline(),
		Extra: []norm.ExtraBehaviour{
			{Code: "refusing_to_leave", Category: norm.Threat, Label: norm.T("weigeren het pand te verlaten", "refusing to leave the premises")},
			{Code: "filming_staff", Category: norm.Verbal, Label: norm.T("medewerkers filmen tegen hun zin", "filming staff against their will")},
		},
		KnownToEmployees: []norm.EmployeeMedium{norm.EmployeeIntranet},
		KnownToClients:   []norm.ClientMedium{norm.ClientWebsite},
	}
}

// OwnSample is Sample with the organisation's own code refusing_to_leave
// (a threat) instead of threatening, registered under OrgNorm.
func OwnSample(id incident.ID, at time.Time) incident.Incident {
	inc := Sample(id, at)
	inc.Behaviours = incident.Behaviours{norm.Shouting, "refusing_to_leave"}
	inc.UnderNorm(OrgNormID, OrgNorm())
	return inc
}

// testOwnBehaviours: an incident in the organisation's own words is
// stored with the norm it was registered under, comes back classified as
// that norm says, is found by its category and counted; a code no norm
// defines is refused with its pointer and writes nothing.
func testOwnBehaviours(t *testing.T, s Store) {
	ctx := context.Background()
	inc := OwnSample("INC-OWN-1", From)
	require.NoError(t, s.Create(ctx, &inc))
	got, err := s.Get(ctx, "INC-OWN-1")
	require.NoError(t, err)
	requireSame(t, inc, got)
	require.NotNil(t, got.Norm)
	assert.Equal(t, OrgNormID, got.Norm.ID)
	assert.Equal(t, []incident.OwnBehaviour{{Code: "refusing_to_leave", Category: norm.Threat}}, got.Norm.Behaviours)
	assert.Equal(t, []norm.Category{norm.Verbal, norm.Threat}, got.Classification().Categories)
	assert.Equal(t, norm.SeverityHigh, got.Classification().Severity)

	// Under the catalogue alone, and under the norm with catalogue codes
	// only (the norm's name is kept).
	plain := Sample("INC-OWN-2", From.Add(time.Hour))
	plain.Behaviours = incident.Behaviours{norm.Hitting}
	named := Sample("INC-OWN-3", From.Add(2*time.Hour))
	named.Behaviours = incident.Behaviours{norm.Swearing, "filming_staff"}
	named.UnderNorm(OrgNormID, OrgNorm())
	require.NoError(t, s.CreateMany(ctx, []incident.Incident{plain, named}))
	got, err = s.Get(ctx, "INC-OWN-2")
	require.NoError(t, err)
	assert.Nil(t, got.Norm)

	for cat, want := range map[norm.Category][]incident.ID{
		norm.Threat:   {"INC-OWN-1"},
		norm.Verbal:   {"INC-OWN-1", "INC-OWN-3"},
		norm.Physical: {"INC-OWN-2"},
	} {
		list, err := s.List(ctx, incident.Filter{Categories: []norm.Category{cat}})
		require.NoError(t, err)
		assert.Equal(t, want, ids(list), cat)
	}
	all, err := s.List(ctx, incident.Filter{})
	require.NoError(t, err)
	st := incident.StatsOf(all)
	assert.Equal(t, map[norm.Category]int{norm.Verbal: 2, norm.Threat: 1, norm.Physical: 1}, st.ByCategory)
	assert.Equal(t, map[norm.Severity]int{norm.SeverityHigh: 2, norm.SeverityLow: 1}, st.BySeverity)

	// The same incident again is one record; under another category of
	// the same code it is a different one.
	again := OwnSample("INC-OWN-1", From)
	require.NoError(t, s.Create(ctx, &again))
	other := OwnSample("INC-OWN-1", From)
	other.Norm.Behaviours[0].Category = norm.Verbal
	require.ErrorIs(t, s.Create(ctx, &other), incident.ErrConflict)

	// An update can move the incident to a new version of the norm.
	upd, err := s.Get(ctx, "INC-OWN-3")
	require.NoError(t, err)
	upd.Norm.ID = "UDN-huisregels-2027-1"
	require.NoError(t, s.Update(ctx, &upd))
	got, err = s.Get(ctx, "INC-OWN-3")
	require.NoError(t, err)
	assert.Equal(t, "UDN-huisregels-2027-1", got.Norm.ID)

	// A code no norm defines, alone or in a batch: refused, nothing written.
	for _, bad := range []func() incident.Incident{
		func() incident.Incident {
			i := Sample("INC-OWN-BAD", From)
			i.Behaviours = incident.Behaviours{norm.Shouting, "refusing_to_leave"} // no norm
			return i
		},
		func() incident.Incident {
			i := OwnSample("INC-OWN-BAD", From)
			i.Behaviours = append(i.Behaviours, "spitting_on_the_floor") // not in this norm
			return i
		},
	} {
		i := bad()
		requireProblem(t, s.Create(ctx, &i), "/behaviours/1", "/behaviours/2")
		err := s.CreateMany(ctx, []incident.Incident{OwnSample("INC-OWN-4", From), bad()})
		requireProblem(t, err, "/1/behaviours/1", "/1/behaviours/2")
		_, err = s.Get(ctx, "INC-OWN-4")
		require.ErrorIs(t, err, incident.ErrNotFound)
		_, err = s.Get(ctx, "INC-OWN-BAD")
		require.ErrorIs(t, err, incident.ErrNotFound)
	}
	assert.Equal(t, 3, count(t, s))
}

// requireProblem requires a *norm.Error with an enum problem at one of
// the pointers.
func requireProblem(t *testing.T, err error, ptrs ...string) {
	t.Helper()
	var ne *norm.Error
	require.True(t, errors.As(err, &ne), "want a *norm.Error, got %v", err)
	for _, p := range ne.Problems {
		for _, want := range ptrs {
			if p.Pointer == want && p.Code == norm.CodeEnum {
				return
			}
		}
	}
	t.Fatalf("no enum problem at %v in %v", ptrs, ne.Problems)
}
