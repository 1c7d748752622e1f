package sqlstore

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Update sets every column but the ones it keeps, found by name: adding
// or moving a column cannot make it skip the wrong one.
func TestUpdateSetsEveryColumnButTheKeptOnes(t *testing.T) {
	var set []string
	for _, k := range updatedColumns {
		set = append(set, incidentColumns[k])
	}
	assert.Len(t, incidentColumns, numIncidentCols)
	assert.Len(t, set, numIncidentCols-3)
	for _, kept := range []string{"id", "recorded_ns", "version"} {
		assert.NotContains(t, set, kept)
	}
	for _, c := range []string{"occurred_ns", "reported_ns", "behaviours", "categories", "severity", "description"} {
		assert.Contains(t, set, c)
	}

	moved := []string{"version", "behaviours", "recorded_ns", "site", "id"}
	assert.Equal(t, []int{1, 3}, columnsBut(moved, keptOnUpdate))
}
