package sqlstore_test

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"
	"github.com/goedgesprek/goedgesprek/norm"
)

var largeRows = flag.Int("rows", 1_000_000, "incidents in the register of the list benchmarks")

// benchNow lies after every generated incident, so that none is in the
// future.
var benchNow = func() time.Time { return time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC) }

var benchFrom = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// benchRegister yields n synthetic incidents over about 30 years.
func benchRegister(seed int64, n int) []incident.Incident {
	g := incidenttest.New(seed, benchFrom)
	g.MeanGap = 5 * time.Minute
	g.Perpetrators = 50_000
	g.Employees = 5_000
	out := make([]incident.Incident, 0, n)
	for inc := range g.All(n) {
		out = append(out, inc)
	}
	return out
}

// BenchmarkSQLiteIngest imports 100,000 incidents with CreateMany in
// batches of 1,000 and of 10,000 (one transaction each) into a new register
// file per iteration, and reports incidents/s.
func BenchmarkSQLiteIngest(b *testing.B) {
	const n = 100_000
	incs := benchRegister(1, n)
	for _, batch := range []int{1_000, 10_000} {
		b.Run(fmt.Sprintf("Batch%d", batch), func(b *testing.B) {
			var total, cpu time.Duration
			iters := 0
			for b.Loop() {
				b.StopTimer()
				db, err := sqlstore.OpenSQLite(filepath.Join(b.TempDir(), "ingest.db"))
				require.NoError(b, err)
				s, err := sqlstore.New(context.Background(), db, sqlstore.SQLite, sqlstore.WithNow(benchNow))
				require.NoError(b, err)
				b.StartTimer()
				start, cpu0 := time.Now(), cpuTime()
				for k := 0; k < n; k += batch {
					if err := s.CreateMany(context.Background(), incs[k:k+batch]); err != nil {
						b.Fatal(err)
					}
				}
				total += time.Since(start)
				cpu += cpuTime() - cpu0
				iters++
				b.StopTimer()
				db.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(n*iters)/total.Seconds(), "incidents/s")
			// Per second of CPU used by the process (all goroutines, GC
			// included): what one core does when no other process competes
			// for it. The ingest is one writer, so on an idle machine the
			// wall-clock rate comes close to it.
			if cpu > 0 {
				b.ReportMetric(float64(n*iters)/cpu.Seconds(), "incidents/cpu-s")
			}
		})
	}
}

var (
	largeOnce sync.Once
	largeDir  string
	largeErr  error
)

// largeRegister builds the register of the list benchmarks once per test
// binary, in a temporary directory that TestMain removes.
func largeRegister(b *testing.B) (*sqlstore.Store, *sql.DB) {
	b.Helper()
	if testing.Short() {
		b.Skip("builds a register of -rows incidents")
	}
	largeOnce.Do(func() {
		largeDir, largeErr = os.MkdirTemp("", "goedgesprek-bench-")
		if largeErr != nil {
			return
		}
		db, err := sqlstore.OpenSQLite(filepath.Join(largeDir, "large.db"))
		if err != nil {
			largeErr = err
			return
		}
		defer db.Close()
		s, err := sqlstore.New(context.Background(), db, sqlstore.SQLite, sqlstore.WithNow(benchNow))
		if err != nil {
			largeErr = err
			return
		}
		g := incidenttest.New(2, benchFrom)
		g.MeanGap = 5 * time.Minute
		g.Perpetrators = 50_000
		g.Employees = 5_000
		g.Descriptions = false
		batch := make([]incident.Incident, 0, 5_000)
		for inc := range g.All(*largeRows) {
			batch = append(batch, inc)
			if len(batch) == cap(batch) {
				if largeErr = s.CreateMany(context.Background(), batch); largeErr != nil {
					return
				}
				batch = batch[:0]
			}
		}
		if len(batch) > 0 {
			largeErr = s.CreateMany(context.Background(), batch)
		}
		if largeErr == nil {
			_, largeErr = db.Exec(`ANALYZE`)
		}
	})
	require.NoError(b, largeErr)
	db, err := sqlstore.OpenSQLite(filepath.Join(largeDir, "large.db"))
	require.NoError(b, err)
	b.Cleanup(func() { db.Close() })
	s, err := sqlstore.New(context.Background(), db, sqlstore.SQLite, sqlstore.WithNow(benchNow))
	require.NoError(b, err)
	return s, db
}

func TestMain(m *testing.M) {
	code := m.Run()
	if largeDir != "" {
		os.RemoveAll(largeDir)
	}
	os.Exit(code)
}

// BenchmarkSQLiteList lists from the large register (1,000,000 incidents
// over about 30 years unless -rows says otherwise): one month in the middle
// (about 2,800 incidents), the same month for one category, its first page
// of 50, and the dossier of one perpetrator over one year. rows/op is how
// many incidents one List returned. It fails unless SQLite's plan, with
// the statistics of ANALYZE, uses the index incidents_occurred.
func BenchmarkSQLiteList(b *testing.B) {
	s, db := largeRegister(b)
	// A month in the middle of the register.
	var mid int64
	require.NoError(b, db.QueryRow(`SELECT occurred_ns FROM incidents ORDER BY occurred_ns LIMIT 1 OFFSET ?`, *largeRows/2).Scan(&mid))
	y, m, _ := time.Unix(0, mid).UTC().Date()
	from := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	var perp string
	require.NoError(b, db.QueryRow(`SELECT perpetrator_ref FROM incidents WHERE occurred_ns >= ? AND perpetrator_ref <> '' LIMIT 1`, from.UnixNano()).Scan(&perp))
	cases := []struct {
		name string
		f    incident.Filter
	}{
		{"Month", incident.Filter{From: from, To: from.AddDate(0, 1, 0)}},
		{"MonthPhysical", incident.Filter{From: from, To: from.AddDate(0, 1, 0), Categories: []norm.Category{norm.Physical}}},
		{"MonthFirstPage", incident.Filter{From: from, To: from.AddDate(0, 1, 0), Limit: 50}},
		{"PerpetratorYear", incident.Filter{PerpetratorRef: perp, From: from, To: from.AddDate(1, 0, 0)}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			plan := explain(b, db, s, c.f)
			if !strings.Contains(plan, "incidents_occurred") {
				b.Fatalf("the listing does not use incidents_occurred:\n%s", plan)
			}
			b.Logf("plan on %d rows: %s", *largeRows, plan)
			var n int
			for b.Loop() {
				incs, err := s.List(context.Background(), c.f)
				if err != nil {
					b.Fatal(err)
				}
				n = len(incs)
			}
			if n == 0 {
				b.Fatal("the benchmark listed nothing")
			}
			b.ReportMetric(float64(n), "rows/op")
		})
	}
}

// explain returns SQLite's plan of the first page of a listing.
func explain(b *testing.B, db *sql.DB, s *sqlstore.Store, f incident.Filter) string {
	b.Helper()
	q, args := s.FirstPageQuery(f)
	rows, err := db.Query(`EXPLAIN QUERY PLAN `+q, args...)
	require.NoError(b, err)
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		require.NoError(b, rows.Scan(&id, &parent, &notused, &detail))
		steps = append(steps, detail)
	}
	require.NoError(b, rows.Err())
	return strings.Join(steps, "; ")
}

// BenchmarkSQLiteRecords streams 100,000 records with their actions from
// the large register. B/op is what was allocated in all; max-heap-MB, the
// largest live heap seen while streaming (sampled every 1,000 records),
// stays flat with the count because Records reads pages of 500.
func BenchmarkSQLiteRecords(b *testing.B) {
	s, _ := largeRegister(b)
	for _, n := range []int{10_000, min(100_000, *largeRows)} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var peak uint64
			var ms runtime.MemStats
			for b.Loop() {
				k := 0
				for _, err := range s.Records(context.Background(), incident.Filter{Limit: n}) {
					if err != nil {
						b.Fatal(err)
					}
					k++
					if k%1000 == 0 {
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapAlloc)
					}
				}
				if k != n {
					b.Fatalf("streamed %d", k)
				}
			}
			b.ReportMetric(float64(n)/(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e9), "records/s")
			b.ReportMetric(float64(peak)/(1<<20), "max-heap-MB")
		})
	}
}
