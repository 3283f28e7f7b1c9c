package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"time"
)

//go:embed migrations
var migrationFS embed.FS

// Migration is one numbered, forward-only schema change.
type Migration struct {
	Version int
	Name    string // without number and extension
	SQL     string
}

var migrationName = regexp.MustCompile(`^(\d{4})_([a-z0-9_]+)\.sql$`)

// Migrations returns the embedded migrations of dialect d in ascending order. A file with a bad name or
// a duplicate version is an error.
func Migrations(d Dialect) ([]Migration, error) {
	dir := path.Join("migrations", d.String())
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, fmt.Errorf("store: migrations %s: %w", d, err)
	}
	var ms []Migration
	seen := map[int]string{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("store: migration %s/%s: name must be NNNN_name.sql", dir, e.Name())
		}
		v, _ := strconv.Atoi(m[1])
		if v == 0 {
			return nil, fmt.Errorf("store: migration %s/%s: version 0000 is not allowed", dir, e.Name())
		}
		if prev, ok := seen[v]; ok {
			return nil, fmt.Errorf("store: migration %s: version %04d in %s and %s", dir, v, prev, e.Name())
		}
		seen[v] = e.Name()
		b, err := fs.ReadFile(migrationFS, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: m[2], SQL: string(b)})
	}
	slices.SortFunc(ms, func(a, b Migration) int { return a.Version - b.Version })
	return ms, nil
}

const createSchemaMigrations = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER NOT NULL PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TIMESTAMP NOT NULL
)`

const createSchemaMigrationsPG = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER NOT NULL PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TIMESTAMPTZ NOT NULL
)`

// Migrate applies every embedded migration that is not yet recorded in schema_migrations, each in its
// own transaction, in ascending order. Safe to run from several
// processes at once.
func (db *DB) Migrate(ctx context.Context) error {
	_, err := db.MigrateVerbose(ctx)
	return err
}

// MigrateVerbose is Migrate returning the migrations it applied.
func (db *DB) MigrateVerbose(ctx context.Context) ([]Migration, error) {
	ms, err := Migrations(db.dialect)
	if err != nil {
		return nil, err
	}
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: migrate: %w", err)
	}
	defer conn.Close()
	create := createSchemaMigrations
	if db.dialect == Postgres {
		create = createSchemaMigrationsPG
		// Session lock per schema: instances starting together wait for each other.
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(hashtext('zeker.migrate.' || current_schema()))"); err != nil {
			return nil, fmt.Errorf("store: migrate lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock(hashtext('zeker.migrate.' || current_schema()))")
	}
	if _, err := conn.ExecContext(ctx, create); err != nil {
		return nil, fmt.Errorf("store: migrate: create schema_migrations: %w", err)
	}
	var done []Migration
	for _, m := range ms {
		applied, err := db.applyOne(ctx, conn, m)
		if err != nil {
			return done, err
		}
		if applied {
			done = append(done, m)
		}
	}
	return done, nil
}

func (db *DB) applyOne(ctx context.Context, conn *sql.Conn, m Migration) (bool, error) {
	tx, err := conn.BeginTx(ctx, nil) // BEGIN IMMEDIATE on SQLite: concurrent migrators serialise here
	if err != nil {
		return false, fmt.Errorf("store: migration %04d: begin: %w", m.Version, err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version = $1", m.Version).Scan(&n); err != nil {
		return false, fmt.Errorf("store: migration %04d: %w", m.Version, err)
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return false, fmt.Errorf("store: migration %04d_%s (%s): %w", m.Version, m.Name, db.dialect, err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
		m.Version, m.Name, time.Now().UTC()); err != nil {
		return false, fmt.Errorf("store: migration %04d: record: %w", m.Version, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("store: migration %04d: commit: %w", m.Version, err)
	}
	return true, nil
}

// AppliedMigrations returns the versions recorded in schema_migrations, ascending; empty when the
// database was never migrated.
func (db *DB) AppliedMigrations(ctx context.Context) ([]int, error) {
	var exists bool
	q := "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
	if db.dialect == Postgres {
		q = "SELECT to_regclass('schema_migrations') IS NOT NULL"
	}
	if err := db.db.QueryRowContext(ctx, q).Scan(&exists); err != nil {
		return nil, fmt.Errorf("store: applied migrations: %w", err)
	}
	if !exists {
		return nil, nil
	}
	rows, err := db.db.QueryContext(ctx, "SELECT version FROM schema_migrations ORDER BY version")
	if err != nil {
		return nil, fmt.Errorf("store: applied migrations: %w", err)
	}
	defer rows.Close()
	var vs []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		vs = append(vs, v)
	}
	return vs, rows.Err()
}
