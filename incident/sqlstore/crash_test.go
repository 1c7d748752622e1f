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
// "committed N" after each, until its parent kills it.
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
	s, err := sqlstore.New(db, sqlstore.SQLite, sqlstore.WithNow(func() time.Time { return storetest.Now }))
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
		if err := s.CreateMany(context.Background(), crashImport(b)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Printf("committed %d\n", b)
	}
}

// crashImport is import number b: crashBatch incidents with IDs
// "B<b>-<k>".
func crashImport(b int) []incident.Incident {
	incs := make([]incident.Incident, crashBatch)
	at := storetest.From.Add(time.Duration(b) * time.Hour)
	for k := range incs {
		incs[k] = storetest.Sample(incident.ID(fmt.Sprintf("B%05d-%04d", b, k)), at.Add(time.Duration(k)*time.Millisecond))
	}
	return incs
}

// TestCrashMidImport kills (SIGKILL) a process that imports batches into a
// SQLite register, at a moment when it is busy writing, reopens the
// register and checks that it holds whole imports only: every batch that
// was reported committed, and of any other batch nothing. It does so three
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
	t.Logf("after the kill: %d whole imports of %d incidents", n, crashBatch)
}
