package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/goedgesprek/goedgesprek/incident"
)

// attempts is how often a transaction runs before a lock or deadlock
// failure is given up; with SQLite's busy timeout of 20 s per attempt a
// writer waits up to a minute for another.
const attempts = 4

// retry runs fn until it succeeds, fails for another reason than
// contention, the context ends, or attempts runs out; between runs it
// sleeps a short, growing and jittered time, so that the transactions that
// collided do not collide again. The last contention error is returned
// wrapped in incident.ErrBusy.
func retry(ctx context.Context, fn func() error) error {
	backoff := 10 * time.Millisecond
	for k := 1; ; k++ {
		err := fn()
		if err == nil || !contended(err) {
			return err
		}
		if k == attempts {
			return fmt.Errorf("sqlstore: %w (%d attempts): %w", incident.ErrBusy, attempts, err)
		}
		d := backoff + rand.N(backoff)
		backoff *= 4
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return errors.Join(ctx.Err(), err)
		case <-t.C:
		}
	}
}

// contended reports whether err is a failure that running the transaction
// again may cure: SQLITE_BUSY or SQLITE_LOCKED from SQLite, and
// serialization_failure (40001) or deadlock_detected (40P01) from
// PostgreSQL. The drivers are recognised by their methods, so that the
// package imports neither.
func contended(err error) bool {
	if code, ok := sqliteCode(err); ok {
		return code == 5 || code == 6 // SQLITE_BUSY, SQLITE_LOCKED
	}
	var pg interface{ SQLState() string }
	if errors.As(err, &pg) {
		switch pg.SQLState() {
		case "40001", "40P01":
			return true
		}
	}
	return false
}
