package incident_test

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/inmem"
	"github.com/goedgesprek/goedgesprek/incident/storetest"
	"github.com/goedgesprek/goedgesprek/norm"
)

const ownCSV = `kenmerk;datum voorval;datum melding;kanaal;gedrag;fase;rol dader
INC-1;2026-03-02 09:30;2026-03-02 10:00;desk;shouting;refusing_to_leave;red;client
INC-2;2026-03-03 09:30;2026-03-03 10:00;phone;filming_staff;amber;client
INC-3;2026-03-04 09:30;2026-03-04 10:00;desk;hitting;red;client
`

// problemAt returns "row column code" of each problem.
func problemAt(t *testing.T, err error) []string {
	t.Helper()
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	var out []string
	for _, p := range ne.Problems {
		out = append(out, strings.Join([]string{strconv.Itoa(p.Row), p.Column, string(p.Code)}, " "))
	}
	return out
}

func TestReadCSVOwnBehaviours(t *testing.T) {
	// A Dutch spreadsheet with ';' and a behaviour list inside quotes.
	src := strings.ReplaceAll(ownCSV, "shouting;refusing_to_leave", `"shouting;refusing_to_leave"`)
	withNorm := incident.WithCSVNorm(storetest.OrgNormID, storetest.OrgNorm())

	t.Run("imported, classified and counted", func(t *testing.T) {
		s := inmem.New()
		n, err := incident.ImportCSV(context.Background(), s, strings.NewReader(src), withNorm)
		require.NoError(t, err)
		assert.Equal(t, 3, n)
		all, err := s.List(context.Background(), incident.Filter{})
		require.NoError(t, err)
		require.Len(t, all, 3)
		assert.Equal(t, &incident.NormRef{ID: storetest.OrgNormID,
			Behaviours: []incident.OwnBehaviour{{Code: "refusing_to_leave", Category: norm.Threat}}}, all[0].Norm)
		assert.Equal(t, storetest.OrgNormID, all[2].Norm.ID, "catalogue codes only: the norm's name is kept")
		assert.Nil(t, all[2].Norm.Behaviours)
		st := incident.StatsOf(all)
		assert.Equal(t, map[norm.Category]int{norm.Verbal: 2, norm.Threat: 1, norm.Physical: 1}, st.ByCategory)

		// Written out and read back without the norm: the same incidents,
		// counted the same.
		var buf bytes.Buffer
		require.NoError(t, incident.WriteCSV(&buf, all))
		header, _, _ := strings.Cut(buf.String(), "\n")
		assert.True(t, strings.HasSuffix(header, ",norm,norm_behaviours"), header)
		assert.Contains(t, buf.String(), ","+storetest.OrgNormID+",refusing_to_leave:threat")
		back, err := incident.ReadCSV(&buf)
		require.NoError(t, err)
		require.Len(t, back, 3)
		for k := range all {
			assert.True(t, incident.Same(&all[k], &back[k]), "row %d", k+2)
		}
		assert.Equal(t, st, incident.StatsOf(back))
	})

	t.Run("refused without the norm", func(t *testing.T) {
		_, err := incident.ReadCSV(strings.NewReader(src))
		assert.Equal(t, []string{"2 gedrag enum", "3 gedrag enum"}, problemAt(t, err))
	})

	t.Run("refused when the norm does not define it", func(t *testing.T) {
		bad := strings.Replace(src, "filming_staff", "spitting_on_the_floor", 1)
		_, err := incident.ReadCSV(strings.NewReader(bad), withNorm)
		assert.Equal(t, []string{"3 gedrag enum"}, problemAt(t, err))
	})

	t.Run("without a norm, nothing changes for catalogue codes", func(t *testing.T) {
		var buf bytes.Buffer
		plain := storetest.Sample("INC-9", storetest.From)
		require.NoError(t, incident.WriteCSV(&buf, []incident.Incident{plain}))
		header, _, _ := strings.Cut(buf.String(), "\n")
		assert.Equal(t, "id,occurred_at,reported_at,recorded_at,site,channel,behaviours,phase,perpetrator_role,perpetrator_ref,"+
			"involved,injury,absence_days,damage_cents,police_called,causes", header)
	})

	const head = "id,occurred_at,reported_at,channel,behaviours,phase,norm,norm_behaviours\n"
	const row = "INC-1,2026-03-02 09:30,2026-03-02 10:00,desk,shouting;refusing_to_leave,red,"
	for name, tt := range map[string]struct {
		cells string
		opts  []incident.CSVOption
		want  []string
	}{
		"own codes of the row's norm":      {cells: "UDN-1,refusing_to_leave:threat"},
		"no name for the norm":             {cells: ",refusing_to_leave:threat", want: []string{"2 norm required"}},
		"not code:category":                {cells: "UDN-1,refusing_to_leave", want: []string{"2 norm_behaviours format", "2 behaviours enum"}},
		"unknown category":                 {cells: "UDN-1,refusing_to_leave:rude", want: []string{"2 norm_behaviours enum"}},
		"row's category differs from norm": {cells: storetest.OrgNormID + ",refusing_to_leave:verbal", opts: []incident.CSVOption{withNorm}, want: []string{"2 norm_behaviours reference"}},
		"row under another norm":           {cells: "OTHER-1,refusing_to_leave:threat", opts: []incident.CSVOption{withNorm}, want: []string{"2 norm reference"}},
	} {
		t.Run(name, func(t *testing.T) {
			incs, err := incident.ReadCSV(strings.NewReader(head+row+tt.cells+"\n"), tt.opts...)
			if tt.want == nil {
				require.NoError(t, err)
				assert.Equal(t, []norm.Category{norm.Verbal, norm.Threat}, incs[0].Classification().Categories)
				return
			}
			assert.Equal(t, tt.want, problemAt(t, err))
		})
	}
}
