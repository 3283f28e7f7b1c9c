-- Audit log of every processing of personal data (internal/audit), after the structure of the Dutch
-- "Logboek dataverwerkingen" standard: trace/span ids, operation, processing activity, data subject.
-- Append-only: the application has no update or delete, and triggers refuse them.

CREATE TABLE audit_log (
    id                  INTEGER PRIMARY KEY,
    at                  TIMESTAMP NOT NULL,
    gemeente            TEXT      NOT NULL,
    actor_type          TEXT      NOT NULL CHECK (actor_type IN ('user', 'credential', 'system', 'resident')),
    actor_id            TEXT      NOT NULL DEFAULT '',
    actor_name          TEXT      NOT NULL DEFAULT '',
    processing_activity TEXT      NOT NULL,              -- verwerkingsactiviteit id, e.g. signalen.behandelen
    operation           TEXT      NOT NULL,              -- e.g. zaak.bekijken
    action              TEXT      NOT NULL CHECK (action IN ('create', 'read', 'update', 'delete', 'export')),
    subject_type        TEXT      NOT NULL DEFAULT '',   -- e.g. bsn, huishouden
    subject_hash        TEXT      NOT NULL DEFAULT '',   -- HMAC-SHA256 (hex) of the subject id; never a plain BSN
    object              TEXT      NOT NULL DEFAULT '',   -- e.g. vroegsignaalzaak/123
    record_count        INTEGER   NOT NULL DEFAULT 0,
    result              TEXT      NOT NULL CHECK (result IN ('ok', 'error', 'denied')),
    detail              TEXT      NOT NULL DEFAULT '',
    trace_id            TEXT      NOT NULL DEFAULT '',
    span_id             TEXT      NOT NULL DEFAULT '',
    parent_span_id      TEXT      NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_gemeente_at ON audit_log (gemeente, at);
CREATE INDEX audit_log_subject ON audit_log (gemeente, subject_hash);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
