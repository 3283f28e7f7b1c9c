// Package storetest gives tests a fresh, migrated database: SQLite always, PostgreSQL when the
// environment variable TEST_DATABASE_URL is set. Every PostgreSQL test gets its own throwaway schema
// in that database, dropped at cleanup, so tests and packages can run in parallel.
//
//	func TestX(t *testing.T) {
//		storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) { ... })
//	}
//
// Without TEST_DATABASE_URL the PostgreSQL subtests are skipped with a message, except when CI=true:
// then a missing TEST_DATABASE_URL fails the test, so CI cannot silently test only SQLite.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
)

// EnvDSN names the environment variable with the PostgreSQL server for tests.
const EnvDSN = "TEST_DATABASE_URL"

// OpenTest returns a migrated SQLite database in a temporary directory, closed at cleanup.
func OpenTest(t testing.TB) *store.DB {
	t.Helper()
	return migrated(t, Empty(t, store.SQLite))
}

// OpenPostgres returns a migrated PostgreSQL database (a fresh schema), or skips (fails under CI=true)
// when TEST_DATABASE_URL is not set.
func OpenPostgres(t testing.TB) *store.DB {
	t.Helper()
	return migrated(t, Empty(t, store.Postgres))
}

// Open returns a migrated database of dialect d.
func Open(t testing.TB, d store.Dialect) *store.DB {
	t.Helper()
	return migrated(t, Empty(t, d))
}

// Dialects lists the dialects to test here: SQLite, and PostgreSQL when TEST_DATABASE_URL is set. Under
// CI=true without TEST_DATABASE_URL it fails t.
func Dialects(t testing.TB) []store.Dialect {
	t.Helper()
	if postgresURL(t) == "" {
		return []store.Dialect{store.SQLite}
	}
	return []store.Dialect{store.SQLite, store.Postgres}
}

// ForEachDialect runs fn as subtests "sqlite" and "postgres", each with its own fresh migrated database.
// The PostgreSQL subtest is skipped (or fails under CI=true) when TEST_DATABASE_URL is not set.
func ForEachDialect(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	for _, d := range []store.Dialect{store.SQLite, store.Postgres} {
		t.Run(d.String(), func(t *testing.T) {
			fn(t, Open(t, d))
		})
	}
}

// DSN returns a DSN for a new empty database of dialect d (a file in t.TempDir(), or a new PostgreSQL
// schema that is dropped at cleanup). Use it when a test must open the database itself, for example
// from a child process.
func DSN(t testing.TB, d store.Dialect) string {
	t.Helper()
	if d == store.SQLite {
		return "sqlite:" + filepath.Join(t.TempDir(), "test.db")
	}
	base := postgresURL(t)
	if base == "" {
		t.Skipf("PostgreSQL niet getest: zet %s (bijvoorbeeld postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable)", EnvDSN)
	}
	schema := newSchema(t, base)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("storetest: %s: %v", EnvDSN, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Empty returns an open but unmigrated database of dialect d, closed at cleanup.
func Empty(t testing.TB, d store.Dialect) *store.DB {
	t.Helper()
	dsn := DSN(t, d)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("storetest: open %s: %v", d, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func migrated(t testing.TB, db *store.DB) *store.DB {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("storetest: migrate %s: %v", db.Dialect(), err)
	}
	return db
}

func postgresURL(t testing.TB) string {
	t.Helper()
	u := strings.TrimSpace(os.Getenv(EnvDSN))
	if u == "" && os.Getenv("CI") == "true" {
		t.Fatalf("CI=true maar %s is leeg: PostgreSQL moet in CI getest worden", EnvDSN)
	}
	return u
}

// newSchema creates a uniquely named schema and registers its removal.
func newSchema(t testing.TB, base string) string {
	t.Helper()
	var b [6]byte
	rand.Read(b[:])
	schema := "zt_" + hex.EncodeToString(b[:])
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("storetest: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("storetest: create schema on %s: %v", EnvDSN, err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("storetest: drop schema %s: %v", schema, err)
		}
	})
	return fmt.Sprint(schema)
}
