package sqlstore_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"
	"github.com/goedgesprek/goedgesprek/incident/storetest"
)

const (
	crashEnv   = "GOEDGESPREK_CRASH_DB" // the child imports into this file
	crashBatch = 2000                   // incidents per import
)

// TestHelperProcess is the child of TestCrashMidImport: it imports batches
// into the register named by GOEDGESPREK_CRASH_DB for ever, printing
// "committed N" after each, until its parent kills it. Even batches are
// imports with actions (Import), odd ones incidents only (CreateMany).
func TestHelperProcess(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("only runs as the child of TestCrashMidImport")
	}
	db, err := sqlstore.OpenSQLite(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	s, err := sqlstore.New(context.Background(), db, sqlstore.SQLite, sqlstore.WithNow(func() time.Time { return storetest.Now }))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var start int
	if err := db.QueryRow(`SELECT count(*) FROM incidents`).Scan(&start); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for b := start / crashBatch; ; b++ {
		incs, acts := crashImport(b)
		if b%2 == 0 {
			err = s.Import(context.Background(), incs, acts)
		} else {
			err = s.CreateMany(context.Background(), incs)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Printf("committed %d\n", b)
	}
}

// crashImport is import number b: crashBatch incidents with IDs
// "B<b>-<k>", and an action on each.
func crashImport(b int) ([]incident.Incident, []followup.Action) {
	incs := make([]incident.Incident, crashBatch)
	acts := make([]followup.Action, crashBatch)
	at := storetest.From.Add(time.Duration(b) * time.Hour)
	for k := range incs {
		id := incident.ID(fmt.Sprintf("B%05d-%04d", b, k))
		incs[k] = storetest.Sample(id, at.Add(time.Duration(k)*time.Millisecond))
		acts[k] = followup.Action{ID: "A-" + string(id), IncidentID: id, Kind: followup.KindReaction,
			Subject: followup.SubjectPerpetrator, At: incs[k].OccurredAt.Add(time.Hour), Outcome: followup.OutcomeDone, Form: "conversation"}
	}
	return incs, acts
}

// TestCrashMidImport kills (SIGKILL) a process that imports batches into a
// SQLite register, at a moment when it is busy writing, reopens the
// register and checks that it holds whole imports only: every batch that
// was reported committed, and of any other batch nothing, actions
// included. It does so three
// times on the same file, the importer carrying on after each restart.
func TestCrashMidImport(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	committed := -1
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.v=false")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())

		// Wait for two more commits, then kill it while it writes the next.
		sc := bufio.NewScanner(out)
		seen := 0
		for seen < 2 && sc.Scan() {
			if n, ok := strings.CutPrefix(sc.Text(), "committed "); ok {
				b, err := strconv.Atoi(n)
				require.NoError(t, err)
				committed = b
				seen++
			}
		}
		require.Equal(t, 2, seen, "round %d: the child stopped early", round)
		time.Sleep(time.Duration(5+round*7) * time.Millisecond) // land in different places of the next import
		require.NoError(t, cmd.Process.Kill())
		_ = cmd.Wait()

		checkWholeImports(t, path, committed)
	}
}

// checkWholeImports reopens the register and checks that it holds imports
// 0..n for some n >= committed, each complete with its people, and
// nothing else.
func checkWholeImports(t *testing.T, path string, committed int) {
	t.Helper()
	db, err := sqlstore.OpenSQLite(path)
	require.NoError(t, err)
	defer db.Close()
	_, err = sqlstore.New(context.Background(), db, sqlstore.SQLite) // recognises its register after the crash
	require.NoError(t, err)
	var check string
	require.NoError(t, db.QueryRow(`PRAGMA integrity_check`).Scan(&check))
	require.Equal(t, "ok", check)

	rows, err := db.Query(`SELECT substr(id, 1, 6) AS b, count(*) FROM incidents GROUP BY b ORDER BY b`)
	require.NoError(t, err)
	defer rows.Close()
	n := 0
	for rows.Next() {
		var b string
		var c int
		require.NoError(t, rows.Scan(&b, &c))
		assert.Equal(t, fmt.Sprintf("B%05d", n), b, "imports are contiguous")
		assert.Equal(t, crashBatch, c, "import %s is whole", b)
		n++
	}
	require.NoError(t, rows.Err())
	assert.GreaterOrEqual(t, n-1, committed, "every reported commit survived")
	assert.LessOrEqual(t, n-1, committed+1, "at most the import under way when killed may have committed unreported")

	var people int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM incident_people`).Scan(&people))
	assert.Equal(t, 2*n*crashBatch, people, "every incident has its two people")

	// The imports with actions (even numbers) have all of theirs, the others none.
	arows, err := db.Query(`SELECT substr(incident_id, 1, 6) AS b, count(*) FROM actions GROUP BY b ORDER BY b`)
	require.NoError(t, err)
	defer arows.Close()
	withActions := 0
	for arows.Next() {
		var b string
		var c int
		require.NoError(t, arows.Scan(&b, &c))
		assert.Equal(t, fmt.Sprintf("B%05d", 2*withActions), b, "actions belong to the even imports")
		assert.Equal(t, crashBatch, c, "the actions of import %s are whole", b)
		withActions++
	}
	require.NoError(t, arows.Err())
	assert.Equal(t, (n+1)/2, withActions, "every import with actions that committed has them")
	var orphans int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM actions WHERE incident_id NOT IN (SELECT id FROM incidents)`).Scan(&orphans))
	assert.Zero(t, orphans)
	t.Logf("after the kill: %d whole imports of %d incidents, %d with their %d actions", n, crashBatch, withActions, crashBatch)
}
