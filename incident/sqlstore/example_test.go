package sqlstore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // the driver OpenSQLite uses

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/sqlstore"
	"github.com/goedgesprek/goedgesprek/norm"
)

// A SQLite register: import a batch all or nothing, then read it back.
func Example() {
	dir, _ := os.MkdirTemp("", "register")
	defer os.RemoveAll(dir)
	db, err := sqlstore.OpenSQLite(filepath.Join(dir, "register.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	s, err := sqlstore.New(context.Background(), db, sqlstore.SQLite, sqlstore.WithNow(func() time.Time { return now }))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()

	at := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	batch := []incident.Incident{
		{ID: "INC-1", OccurredAt: at, ReportedAt: at, Channel: norm.ChannelPhone, Phase: norm.Amber,
			Behaviours:  []norm.BehaviourCode{norm.Swearing},
			Perpetrator: incident.Perpetrator{Role: incident.PerpetratorUnknown}},
		{ID: "INC-2", OccurredAt: at.Add(time.Hour), ReportedAt: at.Add(time.Hour), Channel: norm.ChannelDesk, Phase: norm.Red,
			Behaviours:  []norm.BehaviourCode{norm.Hitting},
			Perpetrator: incident.Perpetrator{Ref: "P-9", Role: incident.PerpetratorClient}},
	}
	fmt.Println(s.CreateMany(ctx, batch))

	bad := []incident.Incident{batch[0], {ID: "INC-3", OccurredAt: at}}
	fmt.Println(s.CreateMany(ctx, bad) != nil) // invalid: nothing of the batch is written

	list, _ := s.List(ctx, incident.Filter{})
	for _, i := range list {
		fmt.Println(i.ID, i.Classification().Worst, i.Version)
	}
	// Output:
	// <nil>
	// true
	// INC-1 verbal 1
	// INC-2 physical 1
}
