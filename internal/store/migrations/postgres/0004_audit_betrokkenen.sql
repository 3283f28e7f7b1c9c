-- Several data subjects of one processing in one audit row (internal/audit, Verwerking.BSNs): the
-- residents shown on one page are one processing, so one audit_log row, and each resident's keyed hash
-- is a row here, so a search by BSN still finds it. Append-only like audit_log.

CREATE TABLE audit_log_betrokkene (
    log_id       BIGINT NOT NULL REFERENCES audit_log (id),
    gemeente     TEXT   NOT NULL,
    subject_type TEXT   NOT NULL,
    subject_hash TEXT   NOT NULL, -- HMAC-SHA256 (hex), as audit_log.subject_hash; never a plain BSN
    PRIMARY KEY (log_id, subject_hash)
);
CREATE INDEX audit_log_betrokkene_hash ON audit_log_betrokkene (gemeente, subject_hash);

CREATE TRIGGER audit_log_betrokkene_no_update BEFORE UPDATE OR DELETE ON audit_log_betrokkene
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_betrokkene_no_truncate BEFORE TRUNCATE ON audit_log_betrokkene
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
