package main

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm/form"
)

// Issue 12, item 12: a problem in the actions file was reported against
// the incidents file ("register.csv: followup.ReadActionsCSV ...").
func TestErrorsNameTheirFile(t *testing.T) {
	dir := t.TempDir()
	badActions := filepath.Join(dir, "bad-actions.csv")
	require.NoError(t, os.WriteFile(badActions, []byte("id,incident_id,kind,subject,at,outcome\nA1,INC-000001,bogus,perpetrator,2025-04-04T14:06:00Z,done\n"), 0o644))
	// Valid rows, but the incident is in no file, or the subject is not
	// involved in it: before, both counted for nothing without a word.
	strayActions := filepath.Join(dir, "stray-actions.csv")
	require.NoError(t, os.WriteFile(strayActions, []byte("id,incident_id,kind,subject,at,outcome,form\n"+
		"A1,INC-NOPE,reaction,perpetrator,2025-04-04T14:06:00Z,done,conversation\n"+
		"A2,INC-000001,aftercare,E-999,2025-04-04T14:06:00Z,done,\n"), 0o644))
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
		{"stray actions", dataPath("register.csv"), strayActions, "stray-actions.csv: followup.CheckActions: 2 problems\n  row 2, column incident_id: incident INC-NOPE is not in the register (reference)\n  row 3, column subject: subject is not one of the people involved in incident INC-000001", "register.csv"},
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

// longLines streams n lines of size bytes each without holding them.
type longLines struct {
	n, size, pos int
}

func (l *longLines) Read(p []byte) (int, error) {
	if l.n == 0 {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && l.n > 0 {
		if l.pos == l.size {
			p[k], l.pos = '\n', 0
			l.n--
		} else {
			p[k] = 'x'
			l.pos++
		}
		k++
	}
	return k, nil
}

// Issue 12, item 8: the batch reader took lines of up to 4 MiB that the
// decoder refuses past 1 MiB, and kept 3 × 128 line buffers: 400 lines of
// 4 MiB took 46 s and 3.65 GB.
func TestBatchLineLimitIsTheDecoders(t *testing.T) {
	assert.Equal(t, form.DefaultMaxBytes, maxLine)

	first := compactSamples(t)[0]
	// The longest line the decoder takes: the sample padded with spaces.
	atLimit := string(first[:len(first)-1]) + strings.Repeat(" ", maxLine-len(first)) + "}"
	require.Len(t, atLimit, maxLine)
	input := atLimit + "\n" + strings.Repeat("x", 2<<20) + "\n" + string(first) + "\n"
	code, out, errs := runCmd(t, strings.NewReader(input), "-batch", "-lang", "en", "-")
	assert.Equal(t, exitInvalid, code)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 3)
	assert.Contains(t, lines[0], `"score"`)
	assert.Contains(t, lines[1], `{"line":2,`)
	assert.Contains(t, lines[1], `line longer than 1048576 bytes`)
	assert.Contains(t, lines[2], `"score"`)
	assert.Contains(t, errs, "1 of 3 lines refused")

	// Lines over the limit are skipped, not held: what is allocated stays
	// well under what the lines weigh (30 × 3 MiB).
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	code, out, _ = runCmd(t, &longLines{n: 30, size: 3 << 20}, "-batch", "-")
	runtime.ReadMemStats(&after)
	assert.Equal(t, exitInvalid, code)
	assert.Equal(t, 30, strings.Count(out, `"too_large"`))
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(30*3<<20), "long lines are not buffered whole")
}
