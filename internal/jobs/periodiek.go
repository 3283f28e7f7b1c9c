package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
)

// Schedule enqueues a job of kind for gemeente at runAt unless one is already waiting (queued or
// running), and reports the id of the waiting or new job and whether it created it. Concurrent
// callers (several app instances) create at most one: the check and the insert run under a lock
// (an advisory lock on PostgreSQL, the write lock on SQLite).
func Schedule(ctx context.Context, db *store.DB, kind, gemeente string, payload []byte, runAt time.Time, opts Opts) (int64, bool, error) {
	var id int64
	var created bool
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		created = false
		if err := db.LockTx(ctx, tx, "jobs.schedule:"+kind+":"+gemeente); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, `SELECT id FROM jobs WHERE kind = $1 AND gemeente = $2 AND status IN ('queued', 'running')
			ORDER BY id LIMIT 1`, kind, gemeente).Scan(&id)
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		opts.RunAt = runAt
		id, err = Enqueue(ctx, tx, kind, gemeente, payload, opts)
		created = err == nil
		return err
	})
	if err != nil {
		return 0, false, fmt.Errorf("jobs: schedule %s: %w", kind, err)
	}
	return id, created, nil
}

// periodiek is a job the runner keeps scheduled.
type periodiek struct {
	kind, gemeente string
	interval       time.Duration
}

// Every keeps a job of kind for gemeente ("" for platform jobs) scheduled while Run runs: the next
// one runs interval after the previous one finished (at once when none ever ran). Any number of
// instances may declare the same schedule; there is still one job at a time. Register the handler
// for kind with Handle too.
func (r *Runner) Every(kind, gemeente string, interval time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.periodiek = append(r.periodiek, periodiek{kind: kind, gemeente: gemeente, interval: interval})
}

// SchedulePeriodic schedules every declared periodic job that is not waiting yet. Run calls it on
// start and then every minute (or PollInterval, if longer).
func (r *Runner) SchedulePeriodic(ctx context.Context) error {
	r.mu.Lock()
	ps := append([]periodiek(nil), r.periodiek...)
	r.mu.Unlock()
	var errs []error
	for _, p := range ps {
		now := r.now()
		runAt := now
		var last time.Time
		err := r.db.SQL().QueryRowContext(ctx, `SELECT finished_at FROM jobs WHERE kind = $1 AND gemeente = $2 AND finished_at IS NOT NULL
			ORDER BY finished_at DESC LIMIT 1`, p.kind, p.gemeente).Scan(&last)
		switch {
		case err == nil:
			if next := last.Add(p.interval); next.After(now) {
				runAt = next
			}
		case !errors.Is(err, sql.ErrNoRows):
			errs = append(errs, err)
			continue
		}
		if _, _, err := Schedule(ctx, r.db, p.kind, p.gemeente, nil, runAt, Opts{}); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
