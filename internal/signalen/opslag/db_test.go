package opslag_test

import (
	"context"
	"database/sql"
	"sync"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// testDB is one migrated database under test with a movable clock and its audit log.
type testDB struct {
	naam  string
	store *opslag.Service
	db    *sql.DB
	sdb   *store.DB
	log   *audit.Log
	nu    *time.Time
	mu    *sync.Mutex
}

// databases returns a fresh SQLite database, and a fresh PostgreSQL schema when TEST_DATABASE_URL is
// set (in CI it must be), both migrated by internal/store.
func databases(t testing.TB, nu time.Time) []testDB {
	t.Helper()
	var out []testDB
	for _, d := range storetest.Dialects(t) {
		db := storetest.Open(t, d)
		tdb := testDB{naam: d.String(), db: db.SQL(), sdb: db, nu: new(time.Time), mu: new(sync.Mutex)}
		*tdb.nu = nu
		klok := func() time.Time { tdb.mu.Lock(); defer tdb.mu.Unlock(); return *tdb.nu }
		log, err := audit.New(db, []byte("signalen-test-sleutel-van-minstens-32-bytes!"), klok)
		if err != nil {
			t.Fatal(err)
		}
		st, err := opslag.New(opslag.Config{DB: db, Audit: log, Klok: klok})
		if err != nil {
			t.Fatal(err)
		}
		tdb.store, tdb.log = st, log
		out = append(out, tdb)
	}
	return out
}

// zet moves the injected clock.
func (d testDB) zet(nu time.Time) { d.mu.Lock(); *d.nu = nu; d.mu.Unlock() }

// auditRijen returns the audit rows of gemeente.
func (d testDB) auditRijen(t testing.TB, gemeente string) []audit.Regel {
	t.Helper()
	rs, err := d.log.Zoek(context.Background(), audit.Filter{Gemeente: gemeente, Limiet: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// metActor returns ctx with a test case worker as audit actor (the web and API middleware do this).
func metActor(ctx context.Context) context.Context {
	return audit.WithActor(ctx, audit.Actor{Soort: audit.ActorGebruiker, ID: "1", Naam: "Test Consulent"})
}
