-- Database-backed job queue (internal/jobs). A job is claimed by setting status 'running' with a lease
-- (locked_until); a worker that dies loses its lease and the job is claimed again.

CREATE TABLE jobs (
    id               INTEGER PRIMARY KEY,
    kind             TEXT      NOT NULL,
    gemeente         TEXT      NOT NULL DEFAULT '',      -- tenant, '' for platform jobs
    payload          BLOB      NOT NULL,
    status           TEXT      NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    attempts         INTEGER   NOT NULL DEFAULT 0,
    max_attempts     INTEGER   NOT NULL,
    run_at           TIMESTAMP NOT NULL,
    locked_by        TEXT      NOT NULL DEFAULT '',
    locked_until     TIMESTAMP,
    progress_done    BIGINT    NOT NULL DEFAULT 0,
    progress_total   BIGINT    NOT NULL DEFAULT 0,
    progress_message TEXT      NOT NULL DEFAULT '',
    last_error       TEXT      NOT NULL DEFAULT '',
    created_at       TIMESTAMP NOT NULL,
    started_at       TIMESTAMP,
    finished_at      TIMESTAMP,
    updated_at       TIMESTAMP NOT NULL
);
CREATE INDEX jobs_ready ON jobs (status, run_at);
CREATE INDEX jobs_gemeente ON jobs (gemeente, created_at);
