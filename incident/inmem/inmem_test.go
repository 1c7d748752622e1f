package inmem_test

import (
	"testing"
	"time"

	"github.com/goedgesprek/goedgesprek/incident/inmem"
	"github.com/goedgesprek/goedgesprek/incident/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) storetest.Store {
		return inmem.New(inmem.WithNow(now))
	}, storetest.WithDump(func(t *testing.T, s storetest.Store) string { return inmem.Dump(s.(*inmem.Store)) }))
}
