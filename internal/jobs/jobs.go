// Package jobs is a small job queue in the database. A job is enqueued in the caller's transaction,
// together with the business change that needs it, so a job exists exactly when that change
// committed. A Runner claims jobs and runs the handler registered for their kind with a pool of
// workers; on PostgreSQL the claim uses FOR UPDATE SKIP LOCKED, so any number of app instances share
// the queue, and on SQLite the claim is one UPDATE … RETURNING under the single writer lock.
//
// A claimed job holds a lease (locked_until) that the runner extends while the handler runs; when a
// process dies, its jobs are claimed again after the lease ran out. Failed jobs are retried with
// exponential backoff up to MaxAttempts; Permanent(err) fails a job at once. Handlers report progress
// (done/total and a message) that a web page reads with Get. On shutdown the runner stops claiming,
// lets running handlers finish within a grace period, then cancels them; a job interrupted that way
// is queued again without counting the attempt.
package jobs

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
)

// Status of a job.
type Status string

// Job states.
const (
	Queued    Status = "queued"
	Running   Status = "running"
	Done      Status = "done"
	Failed    Status = "failed"
	Cancelled Status = "cancelled"
)

// Opts tune Enqueue.
type Opts struct {
	RunAt       time.Time // not before; zero: now
	MaxAttempts int       // default 5
}

// DefaultMaxAttempts is used when Opts.MaxAttempts is 0.
const DefaultMaxAttempts = 5

// Progress is what a handler reports about its work.
type Progress struct {
	Done    int64
	Total   int64
	Message string
}

// Job is one queued unit of work.
type Job struct {
	ID          int64
	Kind        string
	Gemeente    string // tenant; "" for platform jobs
	Payload     []byte
	Status      Status
	Attempts    int
	MaxAttempts int
	RunAt       time.Time
	Progress    Progress
	LastError   string
	CreatedAt   time.Time
	StartedAt   time.Time // zero until first claimed
	FinishedAt  time.Time // zero until done, failed or cancelled
	UpdatedAt   time.Time
}

// Enqueue adds a job inside tx (the caller's transaction) and returns its id. kind names the handler;
// payload is opaque to the queue (JSON by convention, never a BSN in plain text if it can be avoided:
// store ids and let the handler read the data).
func Enqueue(ctx context.Context, tx *sql.Tx, kind, gemeente string, payload []byte, opts Opts) (int64, error) {
	if strings.TrimSpace(kind) == "" {
		return 0, errors.New("jobs: kind ontbreekt")
	}
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = DefaultMaxAttempts
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	runAt := now
	if !opts.RunAt.IsZero() {
		runAt = opts.RunAt.UTC().Truncate(time.Microsecond)
	}
	if payload == nil {
		payload = []byte{}
	}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO jobs (kind, gemeente, payload, status, max_attempts, run_at, created_at, updated_at)
		VALUES ($1, $2, $3, 'queued', $4, $5, $6, $6) RETURNING id`, kind, gemeente, payload, opts.MaxAttempts, runAt, now).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("jobs: enqueue %s: %w", kind, store.MapError(err))
	}
	return id, nil
}

// EnqueueJSON is Enqueue with v marshalled as JSON.
func EnqueueJSON(ctx context.Context, tx *sql.Tx, kind, gemeente string, v any, opts Opts) (int64, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return 0, fmt.Errorf("jobs: enqueue %s: %w", kind, err)
	}
	return Enqueue(ctx, tx, kind, gemeente, b, opts)
}

const jobColumns = `id, kind, gemeente, payload, status, attempts, max_attempts, run_at, progress_done, progress_total,
	progress_message, last_error, created_at, started_at, finished_at, updated_at`

func scanJob(row interface{ Scan(...any) error }) (Job, error) {
	var j Job
	var started, finished sql.NullTime
	err := row.Scan(&j.ID, &j.Kind, &j.Gemeente, &j.Payload, &j.Status, &j.Attempts, &j.MaxAttempts, &j.RunAt,
		&j.Progress.Done, &j.Progress.Total, &j.Progress.Message, &j.LastError, &j.CreatedAt, &started, &finished, &j.UpdatedAt)
	j.StartedAt, j.FinishedAt = started.Time, finished.Time
	return j, err
}

// Get returns job id of gemeente; store.ErrNotFound when it does not exist or belongs to another
// gemeente.
func Get(ctx context.Context, db *store.DB, gemeente string, id int64) (Job, error) {
	j, err := scanJob(db.SQL().QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE id = $1 AND gemeente = $2`, id, gemeente))
	if err != nil {
		return Job{}, fmt.Errorf("jobs: job %d: %w", id, store.MapError(err))
	}
	return j, nil
}

// List returns the newest jobs of gemeente (at most limit, default 50), optionally of one kind.
func List(ctx context.Context, db *store.DB, gemeente, kind string, limit int) ([]Job, error) {
	if limit <= 0 {
		limit = 50
	}
	q := `SELECT ` + jobColumns + ` FROM jobs WHERE gemeente = $1`
	args := []any{gemeente}
	if kind != "" {
		q += ` AND kind = $2`
		args = append(args, kind)
	}
	q += fmt.Sprintf(` ORDER BY id DESC LIMIT %d`, limit)
	rows, err := db.SQL().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("jobs: list: %w", err)
	}
	defer rows.Close()
	var js []Job
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, err
		}
		js = append(js, j)
	}
	return js, rows.Err()
}

// ErrNotQueued is returned by Cancel for a job that is no longer waiting.
var ErrNotQueued = errors.New("jobs: taak wacht niet meer en kan niet geannuleerd worden")

// Cancel cancels a queued job of gemeente. A running job is not interrupted (ErrNotQueued).
func Cancel(ctx context.Context, db *store.DB, gemeente string, id int64) error {
	now := time.Now().UTC()
	res, err := db.Exec(ctx, `UPDATE jobs SET status = 'cancelled', finished_at = $3, updated_at = $3
		WHERE id = $1 AND gemeente = $2 AND status = 'queued'`, id, gemeente, now)
	if err != nil {
		return fmt.Errorf("jobs: cancel %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil
	}
	if _, err := Get(ctx, db, gemeente, id); err != nil {
		return err
	}
	return ErrNotQueued
}

// Prune deletes finished (done, failed, cancelled) jobs that finished before cutoff and returns how
// many.
func Prune(ctx context.Context, db *store.DB, cutoff time.Time) (int64, error) {
	res, err := db.Exec(ctx, `DELETE FROM jobs WHERE status IN ('done', 'failed', 'cancelled') AND finished_at < $1`, cutoff.UTC())
	if err != nil {
		return 0, fmt.Errorf("jobs: prune: %w", err)
	}
	return res.RowsAffected()
}

// Datum reads the reference date of a job's payload (jjjj-mm-dd); empty means today (UTC).
func Datum(s string) (time.Time, error) {
	if s == "" {
		y, m, d := time.Now().UTC().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("datum %q is geen jjjj-mm-dd", s)
	}
	return t, nil
}
