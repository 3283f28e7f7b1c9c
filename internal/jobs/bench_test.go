package jobs_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// BenchmarkClaimRun measures claiming, running (empty handler) and finishing one job.
func BenchmarkClaimRun(b *testing.B) {
	for _, d := range storetest.Dialects(b) {
		b.Run(d.String(), func(b *testing.B) {
			db := storetest.Open(b, d)
			r := jobs.NewRunner(db, jobs.Config{Logger: stil})
			r.Handle("leeg", func(ctx context.Context, run *jobs.Run) error { return nil })
			for b.Loop() {
				b.StopTimer()
				enqueueB(b, db, "leeg")
				b.StartTimer()
				if ran, err := r.RunOnce(b.Context()); err != nil || !ran {
					b.Fatalf("ran=%v err=%v", ran, err)
				}
			}
		})
	}
}

func enqueueB(b *testing.B, db *store.DB, kind string) {
	err := db.Tx(b.Context(), func(tx *sql.Tx) error {
		_, err := jobs.Enqueue(b.Context(), tx, kind, "GM1681", nil, jobs.Opts{})
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
}
