package store_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

const envCrashWriter = "ZEKER_TEST_CRASH_WRITER_DSN"

// TestCrashSafety starts this test binary again as a writer process that commits transactions in a
// loop from several goroutines and prints the id of each one after its commit returned, kills it with
// SIGKILL in the middle of writing, and then checks that the database is intact and that every id
// reported as committed is there, with its counter update (atomicity).
func TestCrashSafety(t *testing.T) {
	if dsn := os.Getenv(envCrashWriter); dsn != "" {
		crashWriter(dsn)
		return
	}
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	for _, d := range storetest.Dialects(t) {
		t.Run(d.String(), func(t *testing.T) {
			dsn := storetest.DSN(t, d)
			setup, err := store.Open(t.Context(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := setup.Exec(t.Context(), `CREATE TABLE crash_rows (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)`); err != nil {
				t.Fatal(err)
			}
			if _, err := setup.Exec(t.Context(), `CREATE TABLE crash_counter (k INTEGER PRIMARY KEY, n BIGINT NOT NULL)`); err != nil {
				t.Fatal(err)
			}
			if _, err := setup.Exec(t.Context(), `INSERT INTO crash_counter (k, n) VALUES (1, 0)`); err != nil {
				t.Fatal(err)
			}
			setup.Close()

			cmd := exec.Command(os.Args[0], "-test.run=^TestCrashSafety$", "-test.count=1")
			cmd.Env = append(os.Environ(), envCrashWriter+"="+dsn)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			var committed []int64
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				id, err := strconv.ParseInt(sc.Text(), 10, 64)
				if err != nil {
					continue // test framework output
				}
				committed = append(committed, id)
				if len(committed) == 400 {
					if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
						t.Fatal(err)
					}
				}
			}
			err = cmd.Wait()
			if len(committed) < 400 {
				t.Fatalf("writer reported only %d commits before it ended (%v)", len(committed), err)
			}
			if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
				t.Fatalf("writer was not killed by SIGKILL: %v", cmd.ProcessState)
			}

			db, err := store.Open(t.Context(), dsn)
			if err != nil {
				t.Fatalf("reopen after crash: %v", err)
			}
			defer db.Close()
			ctx := t.Context()
			if d == store.SQLite {
				var res string
				if err := db.SQL().QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
					t.Fatal(err)
				}
				if res != "ok" {
					t.Fatalf("integrity_check = %q, want ok", res)
				}
			}
			// Read rows and counter in one snapshot: on PostgreSQL a COMMIT the killed client had already
			// sent may still land after the kill, between two separate queries.
			opts := &sql.TxOptions{ReadOnly: true}
			if d == store.Postgres {
				opts.Isolation = sql.LevelRepeatableRead
			}
			snap, err := db.SQL().BeginTx(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer snap.Rollback()
			present := map[int64]bool{}
			rows, err := snap.QueryContext(ctx, "SELECT id FROM crash_rows")
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id int64
				rows.Scan(&id)
				present[id] = true
			}
			rows.Close()
			for _, id := range committed {
				if !present[id] {
					t.Errorf("id %d was reported committed but is missing after the crash", id)
				}
			}
			var n int64
			if err := snap.QueryRowContext(ctx, "SELECT n FROM crash_counter WHERE k = 1").Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != int64(len(present)) {
				t.Errorf("counter = %d, rows = %d: a transaction was applied half", n, len(present))
			}
			t.Logf("%s: %d commits reported, %d rows present after SIGKILL", d, len(committed), len(present))
		})
	}
}

// crashWriter runs in the child process until it is killed.
func crashWriter(dsn string) {
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		fmt.Fprintln(os.Stderr, "writer:", err)
		os.Exit(3)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := int64(0); ; i++ {
				id := int64(w)*1_000_000_000 + i
				err := db.Tx(ctx, func(tx *sql.Tx) error {
					if _, err := tx.ExecContext(ctx, "INSERT INTO crash_rows (id, payload) VALUES ($1, $2)", id, fmt.Sprintf("rij %d %s", id, time.Now())); err != nil {
						return err
					}
					_, err := tx.ExecContext(ctx, "UPDATE crash_counter SET n = n + 1 WHERE k = 1")
					return err
				})
				if err != nil {
					fmt.Fprintln(os.Stderr, "writer:", err)
					os.Exit(3)
				}
				mu.Lock()
				fmt.Println(id) // only after Commit returned
				mu.Unlock()
			}
		})
	}
	wg.Wait()
}
