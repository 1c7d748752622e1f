package incident_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
)

// A batch of bad incidents is refused with the first problems and a count
// of the rest, as every reader does (norm.MaxProblems).
func TestValidateAllCapsProblems(t *testing.T) {
	incs := make([]incident.Incident, 5000)
	for i := range incs {
		incs[i].Channel = "fax" // and much more is missing
	}
	err := incident.ValidateAll(incs, genFrom)
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	require.Len(t, ne.Problems, norm.MaxProblems+1)
	assert.True(t, strings.HasPrefix(ne.Problems[0].Pointer, "/0/"), ne.Problems[0].Pointer)
	last := ne.Problems[norm.MaxProblems]
	assert.Equal(t, norm.CodeMore, last.Code)
	assert.Contains(t, last.Message.EN, "more problems that are not listed")
}
