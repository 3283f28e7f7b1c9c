package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers driver "pgx"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/zeker-platform/zeker/internal/errs"
)

// Dialect is the SQL engine behind a DB.
type Dialect int

// The supported engines.
const (
	SQLite Dialect = iota + 1
	Postgres
)

// String returns "sqlite" or "postgres".
func (d Dialect) String() string {
	switch d {
	case SQLite:
		return "sqlite"
	case Postgres:
		return "postgres"
	}
	return fmt.Sprintf("Dialect(%d)", int(d))
}

// DefaultDSN is the database used when neither --db nor ZEKER_DB is given.
const DefaultDSN = "sqlite:zeker.db"

// Error kinds: the kinds of internal/errs under the names the storage code has always used. Use
// errors.Is; the driver's error stays in the chain for errors.As.
var (
	ErrNotFound   = errs.NotFound
	ErrConflict   = errs.Conflict   // unique or primary-key violation
	ErrConstraint = errs.Constraint // foreign key, check, not null
	ErrBusy       = errs.Busy       // SQLite busy/locked, PostgreSQL serialization failure or deadlock
)

// DB is an open database: a *sql.DB pool and its dialect. It is safe for concurrent use.
type DB struct {
	db      *sql.DB
	dialect Dialect
}

// Options tune Open. The zero value is fine.
type Options struct {
	// MaxOpenConns caps the pool. Default: SQLite max(4, GOMAXPROCS); PostgreSQL 20.
	MaxOpenConns int
}

// Open opens the database named by dsn (see the package doc) with default options and checks that it
// answers. It does not migrate.
func Open(ctx context.Context, dsn string) (*DB, error) {
	return OpenWith(ctx, dsn, Options{})
}

// OpenWith is Open with options.
func OpenWith(ctx context.Context, dsn string, opt Options) (*DB, error) {
	d, driverDSN, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	driver := "sqlite"
	if d == Postgres {
		driver = "pgx"
	}
	sdb, err := sql.Open(driver, driverDSN)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", d, err)
	}
	n := opt.MaxOpenConns
	switch d {
	case SQLite:
		if n <= 0 {
			n = max(4, runtime.GOMAXPROCS(0))
		}
		sdb.SetMaxOpenConns(n)
		sdb.SetMaxIdleConns(n)
	case Postgres:
		if n <= 0 {
			n = 20
		}
		sdb.SetMaxOpenConns(n)
		sdb.SetMaxIdleConns(n)
		sdb.SetConnMaxIdleTime(5 * time.Minute)
		sdb.SetConnMaxLifetime(time.Hour)
	}
	db := &DB{db: sdb, dialect: d}
	if err := db.check(ctx); err != nil {
		sdb.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) check(ctx context.Context) error {
	if db.dialect == Postgres {
		if err := db.db.PingContext(ctx); err != nil {
			return fmt.Errorf("store: connect postgres: %w", err)
		}
		return nil
	}
	var mode string
	if err := db.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("store: open sqlite: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("store: sqlite journal_mode is %q, want wal", mode)
	}
	return nil
}

// ParseDSN tells the dialect of dsn and returns the DSN for the database/sql driver.
func ParseDSN(dsn string) (Dialect, string, error) {
	dsn = strings.TrimSpace(dsn)
	switch {
	case dsn == "":
		return 0, "", errors.New("store: lege database-DSN")
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return Postgres, dsn, nil
	}
	path := strings.TrimPrefix(dsn, "sqlite:")
	path = strings.TrimPrefix(path, "//")
	path = strings.TrimPrefix(path, "file:")
	if path == "" || path == ":memory:" || strings.Contains(path, "mode=memory") {
		return 0, "", fmt.Errorf("store: sqlite needs a file, not %q (a pool of connections cannot share an in-memory database)", dsn)
	}
	extra := ""
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path, extra = path[:i], path[i+1:]
	}
	// busy_timeout is applied first by the driver, before journal_mode; see package doc.
	q := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
		"&_pragma=foreign_keys(1)&_txlock=immediate&_time_format=sqlite"
	if extra != "" {
		q += "&" + extra
	}
	return SQLite, "file:" + path + "?" + q, nil
}

// SQL returns the pool, for queries outside a transaction.
func (db *DB) SQL() *sql.DB { return db.db }

// Dialect returns the engine.
func (db *DB) Dialect() Dialect { return db.dialect }

// Close closes the pool.
func (db *DB) Close() error { return db.db.Close() }

// Exec runs one statement outside a transaction and maps its error.
func (db *DB) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	r, err := db.db.ExecContext(ctx, query, args...)
	return r, MapError(err)
}

// maxAttempts is how often Tx runs fn when the database reports it is busy.
const maxAttempts = 6

// Tx runs fn in a read-write transaction and commits when fn returns nil; otherwise it rolls back.
// When the database reports a busy/locked condition (SQLite) or a serialization failure or deadlock
// (PostgreSQL), the whole transaction is retried with backoff, so fn must not have side effects
// outside tx. The returned error is mapped with MapError.
func (db *DB) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return db.tx(ctx, nil, fn)
}

// ReadTx runs fn in a read-only transaction: one consistent snapshot, no write lock on SQLite.
func (db *DB) ReadTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return db.tx(ctx, &sql.TxOptions{ReadOnly: true}, fn)
}

func (db *DB) tx(ctx context.Context, opts *sql.TxOptions, fn func(tx *sql.Tx) error) error {
	var err error
	for attempt := range maxAttempts {
		if attempt > 0 {
			// 5, 10, 20, 40, 80 ms, each with up to 100% jitter.
			d := (5 * time.Millisecond) << (attempt - 1)
			d += rand.N(d)
			select {
			case <-ctx.Done():
				return errors.Join(ctx.Err(), err)
			case <-time.After(d):
			}
		}
		err = MapError(db.once(ctx, opts, fn))
		if !errors.Is(err, ErrBusy) {
			return err
		}
	}
	return err
}

func (db *DB) once(ctx context.Context, opts *sql.TxOptions, fn func(tx *sql.Tx) error) (err error) {
	tx, err := db.db.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// LockTx takes a transaction-scoped lock on key: on PostgreSQL pg_advisory_xact_lock, so concurrent
// app instances serialise work on one key (for example one gemeente's intake); on SQLite a no-op,
// because a read-write transaction already holds the database's single write lock.
func (db *DB) LockTx(ctx context.Context, tx *sql.Tx, key string) error {
	if db.dialect != Postgres {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(hashtext($1))", key); err != nil {
		return fmt.Errorf("store: lock %q: %w", key, err)
	}
	return nil
}

// kindError puts an error kind in front of a driver error.
type kindError struct {
	kind error
	err  error
}

func (e *kindError) Error() string   { return e.kind.Error() + ": " + e.err.Error() }
func (e *kindError) Unwrap() []error { return []error{e.kind, e.err} }

// MapError classifies err: sql.ErrNoRows becomes ErrNotFound, driver unique violations ErrConflict,
// other constraint violations ErrConstraint, busy/serialization errors ErrBusy. The original error stays
// in the chain. Errors already classified and other errors are returned unchanged; nil stays nil.
func MapError(err error) error {
	if err == nil {
		return nil
	}
	for _, k := range []error{ErrNotFound, ErrConflict, ErrConstraint, ErrBusy} {
		if errors.Is(err, k) {
			return err
		}
	}
	if kind := kindOf(err); kind != nil {
		return &kindError{kind: kind, err: err}
	}
	return err
}

func kindOf(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		code := se.Code()
		switch code {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return ErrConflict
		}
		switch code & 0xff {
		case sqlite3.SQLITE_CONSTRAINT:
			return ErrConstraint
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return ErrBusy
		}
		return nil
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return ErrConflict
		case "23503", "23502", "23514", "23P01":
			return ErrConstraint
		case "40001", "40P01", "55P03":
			return ErrBusy
		}
	}
	return nil
}

// Ready reports whether the database answers and is migrated (for a readiness check): it pings and
// reads schema_migrations, which Migrate creates first.
func (db *DB) Ready(ctx context.Context) error {
	if err := db.db.PingContext(ctx); err != nil {
		return fmt.Errorf("database: %w", err)
	}
	var n int
	if err := db.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil || n == 0 {
		if err == nil {
			err = errors.New("geen migraties")
		}
		return fmt.Errorf("database niet gemigreerd: %w", err)
	}
	return nil
}
