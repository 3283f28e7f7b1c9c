package jobs

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/store"
)

// Handler does the work of one job. It should honour ctx (cancelled at shutdown after the grace
// period) and may report progress with r.SetProgress. A returned error retries the job with backoff
// unless it is Permanent.
type Handler func(ctx context.Context, r *Run) error

// Run is a job being run: the job as claimed, and a way to report progress.
type Run struct {
	Job
	runner *Runner
}

// Decode unmarshals the JSON payload into v.
func (r *Run) Decode(v any) error {
	if err := json.Unmarshal(r.Payload, v); err != nil {
		return Permanent(fmt.Errorf("jobs: payload van %s/%d: %w", r.Kind, r.ID, err))
	}
	return nil
}

// SetProgress stores the progress of the job, readable with Get, and extends its lease.
func (r *Run) SetProgress(ctx context.Context, done, total int64, message string) error {
	now := r.runner.now()
	_, err := r.runner.db.Exec(ctx, `UPDATE jobs SET progress_done = $3, progress_total = $4, progress_message = $5,
		locked_until = $6, updated_at = $7 WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
		r.ID, r.runner.id, done, total, message, now.Add(r.runner.cfg.Lease), now)
	if err != nil {
		return fmt.Errorf("jobs: progress %d: %w", r.ID, err)
	}
	r.Progress = Progress{Done: done, Total: total, Message: message}
	return nil
}

type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// Permanent marks err as not worth retrying: the job fails at once.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanentError{err}
}

// Config tunes a Runner. Zero values take the defaults named per field.
type Config struct {
	Workers       int           // concurrent jobs in this process; default 2
	PollInterval  time.Duration // pause when the queue is empty; default 1s
	Lease         time.Duration // how long a claim holds without renewal; default 5m (renewed every Lease/3)
	BackoffBase   time.Duration // wait after the first failure; doubles per attempt; default 10s
	BackoffMax    time.Duration // cap of the wait; default 1h
	ShutdownGrace time.Duration // how long running handlers may finish after shutdown; default 30s
	WorkerID      string        // default hostname-pid-random
	Clock         func() time.Time
	Logger        *slog.Logger
}

// Runner runs jobs with the handlers registered for their kinds.
type Runner struct {
	db        *store.DB
	cfg       Config
	id        string
	log       *slog.Logger
	mu        sync.Mutex
	handlers  map[string]Handler
	lastSweep time.Time   // guarded by mu
	periodiek []periodiek // guarded by mu
}

// NewRunner returns a Runner on db.
func NewRunner(db *store.DB, cfg Config) *Runner {
	if cfg.Workers <= 0 {
		cfg.Workers = 2
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if cfg.Lease <= 0 {
		cfg.Lease = 5 * time.Minute
	}
	if cfg.BackoffBase <= 0 {
		cfg.BackoffBase = 10 * time.Second
	}
	if cfg.BackoffMax <= 0 {
		cfg.BackoffMax = time.Hour
	}
	if cfg.ShutdownGrace <= 0 {
		cfg.ShutdownGrace = 30 * time.Second
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.WorkerID == "" {
		host, _ := os.Hostname()
		var b [4]byte
		rand.Read(b[:])
		cfg.WorkerID = host + "-" + strconv.Itoa(os.Getpid()) + "-" + hex.EncodeToString(b[:])
	}
	return &Runner{db: db, cfg: cfg, id: cfg.WorkerID, log: cfg.Logger.With("worker", cfg.WorkerID), handlers: map[string]Handler{}}
}

// Handle registers h for kind. Registering a kind twice panics (a programming error).
func (r *Runner) Handle(kind string, h Handler) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.handlers[kind]; dup {
		panic("jobs: handler for " + kind + " registered twice")
	}
	r.handlers[kind] = h
}

func (r *Runner) now() time.Time { return r.cfg.Clock().UTC().Truncate(time.Microsecond) }

func (r *Runner) kinds() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	ks := make([]string, 0, len(r.handlers))
	for k := range r.handlers {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func (r *Runner) handler(kind string) Handler {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.handlers[kind]
}

// Backoff returns the wait before attempt n+1 after n failed attempts: BackoffBase·2^(n-1), at most
// BackoffMax.
func (r *Runner) Backoff(n int) time.Duration {
	d := r.cfg.BackoffBase
	for i := 1; i < n && d < r.cfg.BackoffMax; i++ {
		d *= 2
	}
	return min(d, r.cfg.BackoffMax)
}

// Run runs workers until ctx is cancelled, then stops claiming, waits for running handlers (at most
// ShutdownGrace, after which their context is cancelled) and returns nil.
func (r *Runner) Run(ctx context.Context) error {
	// Handlers get a context that outlives ctx by the grace period.
	hctx, hcancel := context.WithCancel(context.WithoutCancel(ctx))
	defer hcancel()
	stop := context.AfterFunc(ctx, func() {
		t := time.NewTimer(r.cfg.ShutdownGrace)
		defer t.Stop()
		select {
		case <-t.C:
			hcancel()
		case <-hctx.Done():
		}
	})
	defer stop()
	var wg sync.WaitGroup
	wg.Go(func() {
		every := max(time.Minute, r.cfg.PollInterval)
		for {
			if err := r.SchedulePeriodic(ctx); err != nil && ctx.Err() == nil {
				r.log.Error("jobs: periodieke taken plannen", "err", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(every):
			}
		}
	})
	for range r.cfg.Workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				ran, err := r.runOne(ctx, hctx)
				if err != nil && ctx.Err() == nil {
					r.log.Error("jobs: worker", "err", err)
				}
				if ran && err == nil {
					continue
				}
				select {
				case <-ctx.Done():
				case <-time.After(r.cfg.PollInterval):
				}
			}
		})
	}
	wg.Wait()
	return nil
}

// RunOnce claims and runs at most one due job and reports whether it ran one. For tests and tools.
func (r *Runner) RunOnce(ctx context.Context) (bool, error) {
	return r.runOne(ctx, ctx)
}

func (r *Runner) runOne(claimCtx, hctx context.Context) (bool, error) {
	kinds := r.kinds()
	if len(kinds) == 0 {
		return false, nil
	}
	if err := r.failExhausted(claimCtx); err != nil {
		return false, err
	}
	j, err := r.claim(claimCtx, kinds)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	r.execute(hctx, j)
	return true, nil
}

// claim takes the next due job of the given kinds, or a running one whose lease ran out.
func (r *Runner) claim(ctx context.Context, kinds []string) (Job, error) {
	now := r.now()
	args := []any{r.id, now.Add(r.cfg.Lease), now}
	ph := make([]string, len(kinds))
	for i, k := range kinds {
		args = append(args, k)
		ph[i] = "$" + strconv.Itoa(len(args))
	}
	lock := ""
	if r.db.Dialect() == store.Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	q := `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $1, locked_until = $2,
		started_at = COALESCE(started_at, $3), updated_at = $3
		WHERE id = (SELECT id FROM jobs WHERE kind IN (` + strings.Join(ph, ", ") + `)
			AND ((status = 'queued' AND run_at <= $3) OR (status = 'running' AND locked_until < $3 AND attempts < max_attempts))
			ORDER BY run_at, id LIMIT 1` + lock + `)
		RETURNING ` + jobColumns
	var j Job
	err := r.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		j, err = scanJob(tx.QueryRowContext(ctx, q, args...))
		return err
	})
	return j, err
}

// failExhausted fails jobs whose lease ran out on their last attempt (their worker died). It runs at
// most once per Lease/10 per runner: it is a write, and leases are minutes long.
func (r *Runner) failExhausted(ctx context.Context) error {
	now := r.now()
	r.mu.Lock()
	due := r.lastSweep.IsZero() || now.Sub(r.lastSweep) >= r.cfg.Lease/10 || now.Before(r.lastSweep)
	if due {
		r.lastSweep = now
	}
	r.mu.Unlock()
	if !due {
		return nil
	}
	_, err := r.db.Exec(ctx, `UPDATE jobs SET status = 'failed', finished_at = $1, updated_at = $1,
		last_error = 'de verwerking stopte onverwacht (lease verlopen) na de laatste poging'
		WHERE status = 'running' AND locked_until < $1 AND attempts >= max_attempts`, now)
	if err != nil {
		return fmt.Errorf("jobs: sweep: %w", err)
	}
	return nil
}

func (r *Runner) execute(hctx context.Context, j Job) {
	h := r.handler(j.Kind)
	run := &Run{Job: j, runner: r}
	ctx := audit.WithActor(hctx, audit.Actor{Soort: audit.ActorSysteem, ID: "job/" + strconv.FormatInt(j.ID, 10), Naam: j.Kind})
	ctx = audit.WithTrace(ctx, audit.NieuweTrace(""))
	// Keep the lease while the handler runs.
	beat, stopBeat := context.WithCancel(context.WithoutCancel(hctx))
	var beatWG sync.WaitGroup
	beatWG.Go(func() {
		t := time.NewTicker(r.cfg.Lease / 3)
		defer t.Stop()
		for {
			select {
			case <-beat.Done():
				return
			case <-t.C:
				now := r.now()
				if _, err := r.db.Exec(beat, `UPDATE jobs SET locked_until = $3 WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
					j.ID, r.id, now.Add(r.cfg.Lease)); err != nil {
					r.log.Warn("jobs: lease verlengen", "job", j.ID, "err", err)
				}
			}
		}
	})
	start := time.Now()
	err := r.call(ctx, h, run)
	stopBeat()
	beatWG.Wait()
	// The outcome is written even when the handler context was cancelled at shutdown.
	wctx, cancel := context.WithTimeout(context.WithoutCancel(hctx), 10*time.Second)
	defer cancel()
	if ferr := r.finish(wctx, hctx, j, err); ferr != nil {
		r.log.Error("jobs: afronden", "job", j.ID, "kind", j.Kind, "err", ferr)
	}
	r.log.Info("jobs: klaar", "job", j.ID, "kind", j.Kind, "gemeente", j.Gemeente, "poging", j.Attempts,
		"duur_ms", time.Since(start).Milliseconds(), "fout", errString(err))
}

func (r *Runner) call(ctx context.Context, h Handler, run *Run) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("jobs: handler %s panicked: %v", run.Kind, p)
		}
	}()
	if h == nil {
		return Permanent(fmt.Errorf("jobs: geen handler voor %q", run.Kind))
	}
	return h(ctx, run)
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func (r *Runner) finish(ctx, hctx context.Context, j Job, runErr error) error {
	now := r.now()
	var res sql.Result
	var err error
	var perm permanentError
	switch {
	case runErr == nil:
		res, err = r.db.Exec(ctx, `UPDATE jobs SET status = 'done', finished_at = $3, updated_at = $3, locked_until = NULL, last_error = ''
			WHERE id = $1 AND locked_by = $2 AND status = 'running'`, j.ID, r.id, now)
	case hctx.Err() != nil && errors.Is(runErr, context.Canceled):
		// Interrupted by shutdown: not the job's fault, so the attempt does not count.
		res, err = r.db.Exec(ctx, `UPDATE jobs SET status = 'queued', attempts = attempts - 1, run_at = $3, updated_at = $3,
			locked_until = NULL, locked_by = '', last_error = 'onderbroken bij afsluiten'
			WHERE id = $1 AND locked_by = $2 AND status = 'running'`, j.ID, r.id, now)
	case errors.As(runErr, &perm) || j.Attempts >= j.MaxAttempts:
		res, err = r.db.Exec(ctx, `UPDATE jobs SET status = 'failed', finished_at = $3, updated_at = $3, locked_until = NULL, last_error = $4
			WHERE id = $1 AND locked_by = $2 AND status = 'running'`, j.ID, r.id, now, truncate(runErr.Error(), 2000))
	default:
		res, err = r.db.Exec(ctx, `UPDATE jobs SET status = 'queued', run_at = $3, updated_at = $4, locked_until = NULL, locked_by = '', last_error = $5
			WHERE id = $1 AND locked_by = $2 AND status = 'running'`, j.ID, r.id, now.Add(r.Backoff(j.Attempts)), now, truncate(runErr.Error(), 2000))
	}
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("job %d is niet meer van deze worker (lease verlopen?)", j.ID)
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}
