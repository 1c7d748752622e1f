package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"
)

// periodRegister is the sample register (215 incidents, 2025-04-04
// through 2026-03-23) with three incidents added around the twelve months
// up to the 'after' assessment's date, 2025-04-01 through 2026-03-31 in
// Amsterdam: one the autumn before, one in the last half hour before the
// period (CEST, two days after the clocks went forward) and one at its
// first moment. Only the last belongs to the period.
func periodRegister(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(dataPath("register.csv"))
	require.NoError(t, err)
	extra := []string{
		"OLD-1,2024-11-05T10:00:00+01:00,2024-11-05T11:00:00+01:00,2024-11-06T09:00:00+01:00,LOC-RTM,desk,swearing,amber,client,P-9001,E-001:target,false,0,0,false,waiting_time",
		"OLD-2,2025-03-31T23:30:00+02:00,2025-04-01T08:00:00+02:00,2025-04-01T09:00:00+02:00,LOC-RTM,desk,swearing,amber,client,P-9002,E-001:target,false,0,0,false,waiting_time",
		"NEW-1,2025-04-01T00:00:00+02:00,2025-04-01T08:00:00+02:00,2025-04-01T09:00:00+02:00,LOC-RTM,desk,swearing,amber,client,P-9003,E-001:target,false,0,0,false,waiting_time",
	}
	path := filepath.Join(t.TempDir(), "register.csv")
	require.NoError(t, os.WriteFile(path, []byte(strings.TrimRight(string(b), "\n")+"\n"+strings.Join(extra, "\n")+"\n"), 0o644))
	return path
}

type periodJSON struct {
	Measured struct {
		Incidents     int             `json:"incidents"`
		Period        followup.Period `json:"period"`
		CauseAnalysis followup.Share  `json:"cause_analysis"`
	} `json:"measured"`
}

// TestMeasuredPeriod checks that only the incidents of the twelve months
// up to the assessment date count, from a CSV register and from a SQLite
// one, and that the report names the period.
func TestMeasuredPeriod(t *testing.T) {
	csvPath := periodRegister(t)
	dbPath := filepath.Join(t.TempDir(), "register.db")
	{
		db, err := sqlstore.OpenSQLite(dbPath)
		require.NoError(t, err)
		st, err := sqlstore.New(context.Background(), db, sqlstore.SQLite)
		require.NoError(t, err)
		f, err := os.Open(csvPath)
		require.NoError(t, err)
		_, err = incident.ImportCSV(t.Context(), st, f)
		f.Close()
		require.NoError(t, err)
		require.NoError(t, db.Close())
	}
	measured := func(t *testing.T, args ...string) periodJSON {
		t.Helper()
		code, out, errs := runCmd(t, nil, append([]string{"-format", "json"}, args...)...)
		require.Equal(t, exitOK, code, errs)
		var m periodJSON
		require.NoError(t, json.Unmarshal([]byte(out), &m))
		return m
	}
	sample := measured(t, "-incidents", dataPath("register.csv"), dataPath("ind-after.json"))
	for name, args := range map[string][]string{
		"csv":    {"-incidents", csvPath},
		"sqlite": {"-incidents", dbPath},
	} {
		t.Run(name, func(t *testing.T) {
			m := measured(t, append(args, dataPath("ind-after.json"))...)
			assert.Equal(t, 216, m.Measured.Incidents, "the sample's 215 and NEW-1; OLD-1 and OLD-2 lie before the period")
			assert.Equal(t, "2025-04-01", m.Measured.Period.From.String())
			assert.Equal(t, "2026-03-31", m.Measured.Period.To.String())
			// NEW-1 has a cause analysis; the old ones would add two more.
			assert.Equal(t, sample.Measured.CauseAnalysis.Num+1, m.Measured.CauseAnalysis.Num)
		})
	}
	for _, tt := range []struct{ lang, format, want string }{
		{"en", "text", "period 2025-04-01 – 2026-03-31"},
		{"nl", "text", "periode 2025-04-01 – 2026-03-31"},
		{"en", "markdown", "Period: 2025-04-01 – 2026-03-31"},
		{"nl", "html", "Periode: 2025-04-01 – 2026-03-31"},
	} {
		t.Run(tt.lang+"-"+tt.format, func(t *testing.T) {
			code, out, errs := runCmd(t, nil, "-lang", tt.lang, "-format", tt.format, "-incidents", csvPath, dataPath("ind-after.json"))
			require.Equal(t, exitOK, code, errs)
			assert.Contains(t, out, tt.want)
		})
	}
}
