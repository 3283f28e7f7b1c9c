package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

func TestParseDSN(t *testing.T) {
	tests := []struct {
		dsn     string
		want    store.Dialect
		prefix  string
		wantErr bool
	}{
		{"postgres://u@h/db", store.Postgres, "postgres://u@h/db", false},
		{"postgresql://u@h/db?sslmode=disable", store.Postgres, "postgresql://", false},
		{"sqlite:data/z.db", store.SQLite, "file:data/z.db?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)", false},
		{"zeker.db", store.SQLite, "file:zeker.db?", false},
		{"sqlite:file:z.db", store.SQLite, "file:z.db?", false},
		{"sqlite:///var/lib/zeker/z.db", store.SQLite, "file:/var/lib/zeker/z.db?", false},
		{"sqlite:x.db?_pragma=cache_size(-2000)", store.SQLite, "file:x.db?", false},
		{"", 0, "", true},
		{":memory:", 0, "", true},
		{"sqlite::memory:", 0, "", true},
	}
	for _, tt := range tests {
		d, got, err := store.ParseDSN(tt.dsn)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDSN(%q) error = %v, wantErr %v", tt.dsn, err, tt.wantErr)
			continue
		}
		if d != tt.want || !strings.HasPrefix(got, tt.prefix) {
			t.Errorf("ParseDSN(%q) = %v, %q; want %v, prefix %q", tt.dsn, d, got, tt.want, tt.prefix)
		}
	}
	_, got, _ := store.ParseDSN("sqlite:x.db?_pragma=cache_size(-2000)")
	if !strings.HasSuffix(got, "&_pragma=cache_size(-2000)") {
		t.Errorf("extra parameters lost: %q", got)
	}
}

func TestSQLiteSettings(t *testing.T) {
	db := storetest.OpenTest(t)
	ctx := t.Context()
	for pragma, want := range map[string]string{
		"journal_mode": "wal", "foreign_keys": "1", "synchronous": "1", "busy_timeout": "10000",
	} {
		var got string
		if err := db.SQL().QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %q, want %q", pragma, got, want)
		}
	}
}

// TestMigrationsSameVersions keeps the two dialects in step: every version exists in both folders.
func TestMigrationsSameVersions(t *testing.T) {
	versions := func(d store.Dialect) []string {
		ms, err := store.Migrations(d)
		if err != nil {
			t.Fatal(err)
		}
		var vs []string
		for _, m := range ms {
			vs = append(vs, fmt.Sprintf("%04d_%s", m.Version, m.Name))
		}
		return vs
	}
	lite, pg := versions(store.SQLite), versions(store.Postgres)
	if !slices.Equal(lite, pg) {
		t.Errorf("migrations differ:\nsqlite   %v\npostgres %v", lite, pg)
	}
	if len(lite) == 0 || lite[0] != "0001_platform" {
		t.Errorf("first migration = %v, want 0001_platform", lite)
	}
}

func TestMigrateIdempotent(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		applied, err := db.MigrateVerbose(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(applied) != 0 {
			t.Errorf("second migrate applied %d migrations, want 0", len(applied))
		}
		got, err := db.AppliedMigrations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ms, _ := store.Migrations(db.Dialect())
		var want []int
		for _, m := range ms {
			want = append(want, m.Version)
		}
		if !slices.Equal(got, want) {
			t.Errorf("applied = %v, want %v", got, want)
		}
	})
}

func TestMigrateConcurrent(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d.String(), func(t *testing.T) {
			dsn := storetest.DSN(t, d)
			var wg sync.WaitGroup
			errs := make([]error, 4)
			for i := range errs {
				wg.Go(func() {
					db, err := store.Open(t.Context(), dsn)
					if err != nil {
						errs[i] = err
						return
					}
					defer db.Close()
					errs[i] = db.Migrate(t.Context())
				})
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Errorf("migrator %d: %v", i, err)
				}
			}
		})
	}
}

// TestSchemaSameInBothDialects migrates an empty database in both dialects and compares tables,
// columns, normalised types and NOT NULL, so the two migration folders cannot drift apart.
func TestSchemaSameInBothDialects(t *testing.T) {
	if len(storetest.Dialects(t)) < 2 {
		t.Skipf("PostgreSQL niet getest: zet %s", storetest.EnvDSN)
	}
	ctx := t.Context()
	lite, err := storetest.Open(t, store.SQLite).Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := storetest.Open(t, store.Postgres).Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lite["tenants"]; !ok {
		t.Fatalf("sqlite schema has no tenants table: %v", keys(lite))
	}
	for _, table := range union(keys(lite), keys(pg)) {
		l, p := lite[table], pg[table]
		if l == nil || p == nil {
			t.Errorf("table %s: in sqlite %v, in postgres %v", table, l != nil, p != nil)
			continue
		}
		if !slices.Equal(l, p) {
			t.Errorf("table %s differs:\nsqlite   %v\npostgres %v", table, l, p)
		}
	}
}

func keys(m map[string][]store.Column) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func union(a, b []string) []string {
	u := slices.Concat(a, b)
	slices.Sort(u)
	return slices.Compact(u)
}

func TestErrorsMapped(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		now := time.Now().UTC()
		ins := func(code string) error {
			_, err := db.Exec(ctx, "INSERT INTO tenants (code, name, created_at, updated_at) VALUES ($1, $2, $3, $3)", code, "Test", now)
			return err
		}
		if err := ins("GM9999"); err != nil {
			t.Fatal(err)
		}
		err := ins("GM9999")
		if !errors.Is(err, store.ErrConflict) {
			t.Errorf("duplicate insert: %v, want ErrConflict", err)
		}
		_, err = db.Exec(ctx, "INSERT INTO user_roles (user_id, gemeente, role) VALUES (12345, 'GM9999', 'consulent')")
		if !errors.Is(err, store.ErrConstraint) {
			t.Errorf("foreign key violation: %v, want ErrConstraint", err)
		}
		err = db.ReadTx(ctx, func(tx *sql.Tx) error {
			var n string
			return tx.QueryRowContext(ctx, "SELECT name FROM tenants WHERE code = $1", "GM0000").Scan(&n)
		})
		if !errors.Is(err, store.ErrNotFound) || !errors.Is(err, sql.ErrNoRows) {
			t.Errorf("missing row: %v, want ErrNotFound wrapping sql.ErrNoRows", err)
		}
		if store.MapError(nil) != nil {
			t.Error("MapError(nil) != nil")
		}
	})
}

func TestTxRollbackAndCommit(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		now := time.Now().UTC()
		boom := errors.New("boom")
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, "INSERT INTO tenants (code, name, created_at, updated_at) VALUES ('GM9001', 'A', $1, $1)", now); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("Tx = %v, want boom", err)
		}
		if err := db.Tx(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "INSERT INTO tenants (code, name, created_at, updated_at) VALUES ('GM9002', 'B', $1, $1)", now)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		var got []string
		rows, err := db.SQL().QueryContext(ctx, "SELECT code FROM tenants ORDER BY code")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var c string
			rows.Scan(&c)
			got = append(got, c)
		}
		if want := []string{"GM9002"}; !slices.Equal(got, want) {
			t.Errorf("tenants = %v, want %v", got, want)
		}
	})
}

// TestConcurrentWriters checks that many goroutines writing read-modify-write transactions at once
// neither fail with "database is locked" nor lose an update.
func TestConcurrentWriters(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		now := time.Now().UTC()
		if _, err := db.Exec(ctx, "INSERT INTO tenants (code, name, settings, created_at, updated_at) VALUES ('GM9003', 'C', '0', $1, $1)", now); err != nil {
			t.Fatal(err)
		}
		const workers, each = 8, 25
		var wg sync.WaitGroup
		errs := make(chan error, workers*each)
		for range workers {
			wg.Go(func() {
				for range each {
					errs <- db.Tx(ctx, func(tx *sql.Tx) error {
						var n int
						// Read first, then write: the pattern that fails with SQLITE_BUSY under deferred transactions.
						q := "SELECT CAST(settings AS INTEGER) FROM tenants WHERE code = 'GM9003'"
						if db.Dialect() == store.Postgres {
							q += " FOR UPDATE"
						}
						if err := tx.QueryRowContext(ctx, q).Scan(&n); err != nil {
							return err
						}
						_, err := tx.ExecContext(ctx, "UPDATE tenants SET settings = $1 WHERE code = 'GM9003'", fmt.Sprint(n+1))
						return err
					})
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("concurrent Tx: %v", err)
			}
		}
		var got string
		db.SQL().QueryRowContext(ctx, "SELECT settings FROM tenants WHERE code = 'GM9003'").Scan(&got)
		if want := fmt.Sprint(workers * each); got != want {
			t.Errorf("counter = %s, want %s", got, want)
		}
	})
}

func TestTimeRoundTrip(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		at := time.Date(2026, 3, 1, 12, 30, 15, 123456000, time.UTC)
		if _, err := db.Exec(ctx, "INSERT INTO tenants (code, name, created_at, updated_at) VALUES ('GM9004', 'D', $1, $2)", at, at.Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		var got time.Time
		var n int
		if err := db.SQL().QueryRowContext(ctx, "SELECT created_at, (SELECT COUNT(*) FROM tenants WHERE updated_at > $1) FROM tenants WHERE code = 'GM9004'", at.Add(500*time.Millisecond)).Scan(&got, &n); err != nil {
			t.Fatal(err)
		}
		if !got.Equal(at) {
			t.Errorf("created_at = %v, want %v", got, at)
		}
		if n != 1 {
			t.Errorf("time comparison in SQL: %d rows, want 1", n)
		}
	})
}

func TestOpenBadPostgres(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	if _, err := store.Open(ctx, "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"); err == nil {
		t.Error("Open on a closed port succeeded")
	}
}

// TestEveryTableHasGemeente enforces the tenancy rule on every package's migrations: a table holds
// its tenant in a NOT NULL text column "gemeente", except the platform tables listed here, which hold
// staff accounts and plumbing rather than residents' data.
func TestEveryTableHasGemeente(t *testing.T) {
	zonder := map[string]bool{
		"schema_migrations": true, "tenants": true, "users": true, "sessions": true,
		"login_failures": true, "api_credentials": true,
		// An organisation that works for several gemeenten; no personal data (its memberships carry the gemeente).
		"partner_organisatie": true,
		// What a partner offers and where (internal/netwerk, the sociale kaart): published by the organisation,
		// no personal data; the gemeenten where a service is offered are netwerk_dienst_gemeente's rows.
		"netwerk_dienst": true, "netwerk_locatie": true, "netwerk_dienst_locatie": true,
		// The partners and indicators of a network agreement (netwerk_afspraak carries the gemeente): what
		// a gemeente agreed with organisations, no personal data; read only through their agreement.
		"netwerk_afspraak_partner": true, "netwerk_afspraak_indicator": true,
	}
	schema, err := storetest.OpenTest(t).Schema(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for table, cols := range schema {
		if zonder[table] {
			continue
		}
		i := slices.IndexFunc(cols, func(c store.Column) bool { return c.Name == "gemeente" })
		if i < 0 {
			t.Errorf("table %s has no gemeente column: every table with personal data carries its tenant", table)
			continue
		}
		if c := cols[i]; c.Type != "text" || !c.NotNull {
			t.Errorf("table %s: gemeente is %s (not null %v), want text NOT NULL", table, c.Type, c.NotNull)
		}
	}
}
