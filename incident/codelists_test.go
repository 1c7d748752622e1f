package incident_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/storetest"
)

// The exported code lists, which nothing in the module calls (issue 16,
// point 5: test it or remove it). They stay for users who build a form or
// a spreadsheet template; each lists every code its type accepts, each
// code round-trips, and a caller changing the list it was handed changes
// nothing for the next.
func TestCodeLists(t *testing.T) {
	t.Run("perpetrator roles", func(t *testing.T) {
		roles := incident.PerpetratorRoles()
		require.Equal(t, []incident.PerpetratorRole{incident.PerpetratorClient, incident.PerpetratorRepresentative,
			incident.PerpetratorFamily, incident.PerpetratorOther, incident.PerpetratorUnknown}, roles)
		for _, r := range roles {
			b, err := r.MarshalText()
			require.NoError(t, err)
			var back incident.PerpetratorRole
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, r, back)
		}
		roles[0] = "x"
		assert.Equal(t, incident.PerpetratorClient, incident.PerpetratorRoles()[0])
	})
	t.Run("person roles", func(t *testing.T) {
		roles := incident.PersonRoles()
		require.Equal(t, []incident.PersonRole{incident.RoleTarget, incident.RoleWitness, incident.RoleManager}, roles)
		for _, r := range roles {
			b, err := r.MarshalText()
			require.NoError(t, err)
			var back incident.PersonRole
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, r, back)
		}
		roles[0] = "x"
		assert.Equal(t, incident.RoleTarget, incident.PersonRoles()[0])
	})
	t.Run("CSV columns", func(t *testing.T) {
		// CSVColumns is the header WriteCSV writes with the free text and
		// an incident under an organisation's own norm.
		var buf bytes.Buffer
		require.NoError(t, incident.WriteCSV(&buf, []incident.Incident{storetest.OwnSample("A", storetest.From)}, incident.WithFreeText()))
		line, _, _ := strings.Cut(buf.String(), "\n")
		header := strings.TrimRight(line, "\r")
		cols := incident.CSVColumns()
		assert.Equal(t, header, strings.Join(cols, ","))
		cols[0] = "x"
		assert.NotEqual(t, "x", incident.CSVColumns()[0])
	})
}
