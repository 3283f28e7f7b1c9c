package jobs_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

type klok struct {
	mu sync.Mutex
	t  time.Time
}

func (k *klok) Now() time.Time { k.mu.Lock(); defer k.mu.Unlock(); return k.t }
func (k *klok) Verzet(d time.Duration) {
	k.mu.Lock()
	k.t = k.t.Add(d)
	k.mu.Unlock()
}

var stil = slog.New(slog.NewTextHandler(io.Discard, nil))

func enqueue(t *testing.T, db *store.DB, kind, gemeente string, payload string, opts jobs.Opts) int64 {
	t.Helper()
	var id int64
	err := db.Tx(t.Context(), func(tx *sql.Tx) error {
		var err error
		id, err = jobs.Enqueue(t.Context(), tx, kind, gemeente, []byte(payload), opts)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestEnqueueInTransactie(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		boom := errors.New("zakelijke wijziging mislukt")
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := jobs.Enqueue(ctx, tx, "scan", "GM1681", []byte(`{}`), jobs.Opts{}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		if js, _ := jobs.List(ctx, db, "GM1681", "", 0); len(js) != 0 {
			t.Errorf("rolled-back enqueue left %d jobs", len(js))
		}
		var id int64
		must(t, db.Tx(ctx, func(tx *sql.Tx) error {
			var err error
			id, err = jobs.EnqueueJSON(ctx, tx, "scan", "GM1681", map[string]int{"run": 7}, jobs.Opts{})
			return err
		}))
		j, err := jobs.Get(ctx, db, "GM1681", id)
		if err != nil {
			t.Fatal(err)
		}
		if j.Status != jobs.Queued || j.Kind != "scan" || string(j.Payload) != `{"run":7}` || j.MaxAttempts != jobs.DefaultMaxAttempts {
			t.Errorf("job = %+v", j)
		}
		// Tenant isolation.
		if _, err := jobs.Get(ctx, db, "GM1969", id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Get from other gemeente: %v, want ErrNotFound", err)
		}
		if js, _ := jobs.List(ctx, db, "GM1969", "", 0); len(js) != 0 {
			t.Errorf("other gemeente lists %d jobs", len(js))
		}
		if err := jobs.Cancel(ctx, db, "GM1969", id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Cancel from other gemeente: %v", err)
		}
		must(t, jobs.Cancel(ctx, db, "GM1681", id))
		if err := jobs.Cancel(ctx, db, "GM1681", id); !errors.Is(err, jobs.ErrNotQueued) {
			t.Errorf("second Cancel: %v, want ErrNotQueued", err)
		}
	})
}

func TestRetryBackoff(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		k := &klok{t: time.Now().UTC().Add(time.Minute)}
		r := jobs.NewRunner(db, jobs.Config{Clock: k.Now, Logger: stil, BackoffBase: 10 * time.Second})
		var calls atomic.Int32
		var actor audit.Actor
		r.Handle("wankel", func(ctx context.Context, run *jobs.Run) error {
			actor = audit.ActorUit(ctx)
			if calls.Add(1) < 3 {
				return fmt.Errorf("poging %d mislukt", run.Attempts)
			}
			return run.SetProgress(ctx, 10, 10, "klaar")
		})
		id := enqueue(t, db, "wankel", "GM0175", "", jobs.Opts{})
		for i, wantWait := range []time.Duration{10 * time.Second, 20 * time.Second} {
			ran, err := r.RunOnce(ctx)
			if err != nil || !ran {
				t.Fatalf("run %d: ran=%v err=%v", i+1, ran, err)
			}
			j, _ := jobs.Get(ctx, db, "GM0175", id)
			if j.Status != jobs.Queued || j.Attempts != i+1 || !j.RunAt.Equal(k.Now().Truncate(time.Microsecond).Add(wantWait)) ||
				j.LastError != fmt.Sprintf("poging %d mislukt", i+1) {
				t.Errorf("after failure %d: %+v (want run_at +%v)", i+1, j, wantWait)
			}
			if ran, _ := r.RunOnce(ctx); ran {
				t.Errorf("job ran again before its backoff")
			}
			k.Verzet(wantWait)
		}
		if ran, err := r.RunOnce(ctx); !ran || err != nil {
			t.Fatalf("third run: %v %v", ran, err)
		}
		j, _ := jobs.Get(ctx, db, "GM0175", id)
		if j.Status != jobs.Done || j.Attempts != 3 || j.Progress != (jobs.Progress{Done: 10, Total: 10, Message: "klaar"}) || j.LastError != "" || j.FinishedAt.IsZero() {
			t.Errorf("done job = %+v", j)
		}
		if actor.Soort != audit.ActorSysteem || actor.ID != fmt.Sprintf("job/%d", id) {
			t.Errorf("audit actor in handler = %+v", actor)
		}
		if got := r.Backoff(20); got != time.Hour {
			t.Errorf("Backoff(20) = %v, want cap 1h", got)
		}
	})
}

func TestMaxAttemptsPermanentPanic(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		k := &klok{t: time.Now().UTC().Add(time.Minute)}
		r := jobs.NewRunner(db, jobs.Config{Clock: k.Now, Logger: stil})
		r.Handle("altijd-fout", func(ctx context.Context, run *jobs.Run) error { return errors.New("kapot") })
		r.Handle("permanent", func(ctx context.Context, run *jobs.Run) error {
			var v struct{}
			return run.Decode(&v) // payload is no JSON
		})
		r.Handle("paniek", func(ctx context.Context, run *jobs.Run) error { panic("oei") })
		a := enqueue(t, db, "altijd-fout", "GM0147", "", jobs.Opts{MaxAttempts: 2})
		p := enqueue(t, db, "permanent", "GM0147", "geen json", jobs.Opts{})
		x := enqueue(t, db, "paniek", "GM0147", "", jobs.Opts{MaxAttempts: 1})
		for range 10 {
			r.RunOnce(ctx)
			k.Verzet(time.Hour)
		}
		for _, tt := range []struct {
			id       int64
			attempts int
			errPart  string
		}{{a, 2, "kapot"}, {p, 1, "payload"}, {x, 1, "panicked: oei"}} {
			j, _ := jobs.Get(ctx, db, "GM0147", tt.id)
			if j.Status != jobs.Failed || j.Attempts != tt.attempts || !strings.Contains(j.LastError, tt.errPart) {
				t.Errorf("job %d = %s attempts %d error %q; want failed after %d with %q", tt.id, j.Status, j.Attempts, j.LastError, tt.attempts, tt.errPart)
			}
		}
		if n, err := jobs.Prune(ctx, db, k.Now().Add(time.Second)); err != nil || n != 3 {
			t.Errorf("Prune = %d, %v; want 3", n, err)
		}
	})
}

// TestLeaseVerlopen: a job whose worker died is claimed again after its lease; on its last attempt
// it is failed instead.
func TestLeaseVerlopen(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		now := time.Now().UTC()
		r := jobs.NewRunner(db, jobs.Config{Logger: stil})
		var ran atomic.Int32
		r.Handle("lang", func(ctx context.Context, run *jobs.Run) error { ran.Add(1); return nil })
		a := enqueue(t, db, "lang", "GM1969", "", jobs.Opts{MaxAttempts: 3})
		b := enqueue(t, db, "lang", "GM1969", "", jobs.Opts{MaxAttempts: 1})
		for _, id := range []int64{a, b} {
			if _, err := db.Exec(ctx, `UPDATE jobs SET status = 'running', attempts = 1, locked_by = 'dood', locked_until = $2 WHERE id = $1`, id, now.Add(-time.Second)); err != nil {
				t.Fatal(err)
			}
		}
		for range 3 {
			r.RunOnce(ctx)
		}
		ja, _ := jobs.Get(ctx, db, "GM1969", a)
		jb, _ := jobs.Get(ctx, db, "GM1969", b)
		if ja.Status != jobs.Done || ja.Attempts != 2 || ran.Load() != 1 {
			t.Errorf("reclaimed job = %+v, handler ran %d times", ja, ran.Load())
		}
		if jb.Status != jobs.Failed || !strings.Contains(jb.LastError, "lease") {
			t.Errorf("exhausted job = %+v", jb)
		}
	})
}

// TestTweeRunners: two runners (as two app instances, each with its own pool) share one queue; every
// job runs exactly once.
func TestTweeRunners(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d.String(), func(t *testing.T) {
			dsn := storetest.DSN(t, d)
			db1, err := store.Open(t.Context(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db1.Close()
			must(t, db1.Migrate(t.Context()))
			db2, err := store.Open(t.Context(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db2.Close()
			const n = 60
			for i := range n {
				enqueue(t, db1, "werk", "GM1681", fmt.Sprint(i), jobs.Opts{})
			}
			var mu sync.Mutex
			runs := map[int64]int{}
			per := map[string]int{}
			var total atomic.Int32
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			var wg sync.WaitGroup
			for i, db := range []*store.DB{db1, db2} {
				name := fmt.Sprintf("instantie-%d", i+1)
				r := jobs.NewRunner(db, jobs.Config{Workers: 3, PollInterval: 10 * time.Millisecond, WorkerID: name, Logger: stil})
				r.Handle("werk", func(ctx context.Context, run *jobs.Run) error {
					time.Sleep(2 * time.Millisecond)
					mu.Lock()
					runs[run.ID]++
					per[name]++
					mu.Unlock()
					if total.Add(1) == n {
						cancel()
					}
					return nil
				})
				wg.Go(func() { r.Run(ctx) })
			}
			select {
			case <-ctx.Done():
			case <-time.After(30 * time.Second):
				cancel()
				t.Fatal("jobs did not finish in 30s")
			}
			wg.Wait()
			if len(runs) != n {
				t.Errorf("%d distinct jobs ran, want %d", len(runs), n)
			}
			for id, c := range runs {
				if c != 1 {
					t.Errorf("job %d ran %d times", id, c)
				}
			}
			if per["instantie-1"] == 0 || per["instantie-2"] == 0 {
				t.Errorf("work per instance = %v, want both to work", per)
			}
			js, _ := jobs.List(t.Context(), db1, "GM1681", "werk", 100)
			for _, j := range js {
				if j.Status != jobs.Done || j.Attempts != 1 {
					t.Errorf("job %d: %s after %d attempts", j.ID, j.Status, j.Attempts)
				}
			}
			t.Logf("%s: work per instance %v", d, per)
		})
	}
}

// TestSkipLocked: on PostgreSQL a job row locked by another transaction is skipped, not waited for.
func TestSkipLocked(t *testing.T) {
	db := storetest.OpenPostgres(t)
	ctx := t.Context()
	first := enqueue(t, db, "werk", "GM1681", "1", jobs.Opts{})
	second := enqueue(t, db, "werk", "GM1681", "2", jobs.Opts{})
	tx, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT id FROM jobs WHERE id = $1 FOR UPDATE`, first); err != nil {
		t.Fatal(err)
	}
	r := jobs.NewRunner(db, jobs.Config{Logger: stil})
	var got int64
	r.Handle("werk", func(ctx context.Context, run *jobs.Run) error { got = run.ID; return nil })
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	ran, err := r.RunOnce(cctx)
	if err != nil || !ran || got != second {
		t.Errorf("RunOnce with first row locked: ran=%v err=%v job=%d, want job %d", ran, err, got, second)
	}
}

// TestGracefulShutdown: after cancel the runner claims nothing new, a handler that finishes within the
// grace period completes, and one that does not is cancelled and queued again without using an attempt.
func TestGracefulShutdown(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		r := jobs.NewRunner(db, jobs.Config{Workers: 2, PollInterval: 10 * time.Millisecond, ShutdownGrace: 300 * time.Millisecond, Logger: stil})
		started := make(chan string, 2)
		r.Handle("kort", func(ctx context.Context, run *jobs.Run) error {
			started <- "kort"
			time.Sleep(150 * time.Millisecond) // finishes inside the grace period
			return nil
		})
		r.Handle("eindeloos", func(ctx context.Context, run *jobs.Run) error {
			started <- "eindeloos"
			<-ctx.Done()
			return ctx.Err()
		})
		kort := enqueue(t, db, "kort", "GM1681", "", jobs.Opts{})
		eindeloos := enqueue(t, db, "eindeloos", "GM1681", "", jobs.Opts{})
		runCtx, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { r.Run(runCtx); close(done) }()
		<-started
		<-started
		later := enqueue(t, db, "kort", "GM1681", "", jobs.Opts{})
		begin := time.Now()
		stop()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("Run did not return after shutdown")
		}
		if took := time.Since(begin); took < 250*time.Millisecond || took > 3*time.Second {
			t.Errorf("shutdown took %v, want about the grace period (300ms)", took)
		}
		jk, _ := jobs.Get(ctx, db, "GM1681", kort)
		je, _ := jobs.Get(ctx, db, "GM1681", eindeloos)
		jl, _ := jobs.Get(ctx, db, "GM1681", later)
		if jk.Status != jobs.Done {
			t.Errorf("short job = %s, want done", jk.Status)
		}
		if je.Status != jobs.Queued || je.Attempts != 0 || je.LastError != "onderbroken bij afsluiten" {
			t.Errorf("interrupted job = %s attempts %d %q, want queued with 0 attempts", je.Status, je.Attempts, je.LastError)
		}
		if jl.Status != jobs.Queued || jl.Attempts != 0 {
			t.Errorf("job enqueued during shutdown = %s/%d, want untouched", jl.Status, jl.Attempts)
		}
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestPeriodiek: several runners declaring one schedule keep exactly one job waiting, and the next
// one is due an interval after the previous one finished.
func TestPeriodiek(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		k := &klok{t: time.Now().UTC().Add(time.Minute)}
		var runs atomic.Int32
		var rs []*jobs.Runner
		for i := range 3 {
			r := jobs.NewRunner(db, jobs.Config{Clock: k.Now, Logger: stil, WorkerID: fmt.Sprint("r", i)})
			r.Handle("opruimen", func(ctx context.Context, run *jobs.Run) error { runs.Add(1); return nil })
			r.Every("opruimen", "", time.Hour)
			rs = append(rs, r)
		}
		var wg sync.WaitGroup
		for _, r := range rs {
			wg.Go(func() {
				if err := r.SchedulePeriodic(ctx); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		var n int
		db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = 'opruimen'`).Scan(&n)
		if n != 1 {
			t.Fatalf("%d jobs scheduled by 3 runners, want 1", n)
		}
		if ran, err := rs[1].RunOnce(ctx); !ran || err != nil {
			t.Fatalf("RunOnce: %v %v", ran, err)
		}
		finished := k.Now()
		for _, r := range rs {
			must(t, r.SchedulePeriodic(ctx))
		}
		var runAt time.Time
		db.SQL().QueryRowContext(ctx, `SELECT run_at FROM jobs WHERE kind = 'opruimen' AND status = 'queued'`).Scan(&runAt)
		if want := finished.Truncate(time.Microsecond).Add(time.Hour); !runAt.Equal(want) {
			t.Errorf("next run at %v, want %v", runAt, want)
		}
		if ran, _ := rs[0].RunOnce(ctx); ran {
			t.Error("periodic job ran before its interval")
		}
		k.Verzet(time.Hour)
		if ran, _ := rs[2].RunOnce(ctx); !ran {
			t.Error("periodic job did not run after its interval")
		}
		if runs.Load() != 2 {
			t.Errorf("handler ran %d times, want 2", runs.Load())
		}
		id, created, err := jobs.Schedule(ctx, db, "export", "GM1681", []byte("x"), k.Now(), jobs.Opts{})
		id2, created2, err2 := jobs.Schedule(ctx, db, "export", "GM1681", []byte("y"), k.Now(), jobs.Opts{})
		if err != nil || err2 != nil || !created || created2 || id != id2 {
			t.Errorf("Schedule twice = (%d %v %v) (%d %v %v)", id, created, err, id2, created2, err2)
		}
	})
}
