package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 12, item 12: a problem in the actions file was reported against
// the incidents file ("register.csv: followup.ReadActionsCSV ...").
func TestErrorsNameTheirFile(t *testing.T) {
	dir := t.TempDir()
	badActions := filepath.Join(dir, "bad-actions.csv")
	require.NoError(t, os.WriteFile(badActions, []byte("id,incident_id,kind,subject,at,outcome\nA1,INC-000001,bogus,perpetrator,2025-04-04T14:06:00Z,done\n"), 0o644))
	badIncidents := filepath.Join(dir, "bad-incidents.csv")
	require.NoError(t, os.WriteFile(badIncidents, []byte("naam,adres\nJan,Dorpsstraat 1\n"), 0o644))

	tests := []struct {
		name      string
		incidents string
		actions   string
		want      string
		notWant   string
	}{
		{"bad actions", dataPath("register.csv"), badActions, "bad-actions.csv: followup.ReadActionsCSV", "register.csv"},
		{"missing actions", dataPath("register.csv"), filepath.Join(dir, "none.csv"), "none.csv", "register.csv"},
		{"bad incidents", badIncidents, dataPath("register-actions.csv"), "bad-incidents.csv: incident.ReadCSV", "register-actions.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, nil, "-lang", "en", "-incidents", tt.incidents, "-actions", tt.actions, dataPath("ind-after.json"))
			assert.Equal(t, exitInvalid, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.want)
			assert.NotContains(t, stderr, tt.notWant)
		})
	}
}
