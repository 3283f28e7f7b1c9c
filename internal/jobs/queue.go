package jobs

import (
	"context"
	"database/sql"

	"github.com/zeker-platform/zeker/internal/store"
)

// Queue is the job queue bound to its database, for callers that do not hold the database
// themselves (the web parts: nothing under internal/web imports internal/store).
type Queue struct{ db *store.DB }

// NewQueue returns the queue of db.
func NewQueue(db *store.DB) *Queue { return &Queue{db: db} }

// List returns the newest jobs of gemeente (at most limit), optionally of one kind.
func (q *Queue) List(ctx context.Context, gemeente, kind string, limit int) ([]Job, error) {
	return List(ctx, q.db, gemeente, kind, limit)
}

// EnqueueJSON queues a job with a JSON payload in a transaction of its own.
func (q *Queue) EnqueueJSON(ctx context.Context, kind, gemeente string, v any, opts Opts) (int64, error) {
	var id int64
	err := q.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = EnqueueJSON(ctx, tx, kind, gemeente, v, opts)
		return err
	})
	return id, err
}
