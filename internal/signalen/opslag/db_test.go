package opslag_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"github.com/zeker-platform/zeker/internal/signalen/opslag"
)

// testDB is one database under test with its audit records.
type testDB struct {
	naam  string
	store *opslag.Store
	db    *sql.DB
	nu    *time.Time
	mu    *sync.Mutex
	audit *[]opslag.Toegang
}

func migratie(t testing.TB, dialect string) string {
	p, err := os.ReadFile(filepath.Join("..", "..", "store", "migrations", dialect, "0200_signalen.sql"))
	if err != nil {
		t.Fatal(err)
	}
	return string(p)
}

// databases returns a fresh SQLite database, and a fresh PostgreSQL schema when TEST_DATABASE_URL is
// set (in CI it must be).
func databases(t testing.TB, nu time.Time) []testDB {
	t.Helper()
	var out []testDB
	sq, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "z.db")+"?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(ON)&_pragma=synchronous(NORMAL)")
	if err != nil {
		t.Fatal(err)
	}
	sq.SetMaxOpenConns(1)
	t.Cleanup(func() { sq.Close() })
	if _, err := sq.Exec(migratie(t, "sqlite")); err != nil {
		t.Fatal(err)
	}
	out = append(out, maak(t, "sqlite", sq, opslag.SQLite, nu))

	pgURL := os.Getenv("TEST_DATABASE_URL")
	if pgURL == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("TEST_DATABASE_URL is not set in CI")
		}
		return out
	}
	var r [6]byte
	rand.Read(r[:])
	schema := "signalen_test_" + hex.EncodeToString(r[:])
	beheer, err := sql.Open("pgx", pgURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { beheer.Close() })
	if _, err := beheer.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { beheer.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) })
	u, err := url.Parse(pgURL)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	pg, err := sql.Open("pgx", u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pg.Close() })
	if _, err := pg.Exec(migratie(t, "postgres")); err != nil {
		t.Fatal(err)
	}
	out = append(out, maak(t, "postgres", pg, opslag.Postgres, nu))
	return out
}

func maak(t testing.TB, naam string, db *sql.DB, d opslag.Dialect, nu time.Time) testDB {
	tdb := testDB{naam: naam, db: db, nu: new(time.Time), mu: new(sync.Mutex), audit: new([]opslag.Toegang)}
	*tdb.nu = nu
	st, err := opslag.New(opslag.Config{
		DB: db, Dialect: d,
		Klok: func() time.Time { tdb.mu.Lock(); defer tdb.mu.Unlock(); return *tdb.nu },
		Audit: func(_ context.Context, a opslag.Toegang) error {
			tdb.mu.Lock()
			defer tdb.mu.Unlock()
			*tdb.audit = append(*tdb.audit, a)
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	tdb.store = st
	return tdb
}

// zet moves the injected clock.
func (d testDB) zet(nu time.Time) { d.mu.Lock(); *d.nu = nu; d.mu.Unlock() }
