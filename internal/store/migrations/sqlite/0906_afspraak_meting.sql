-- Measured values of a network agreement's indicators (internal/netwerk afspraak_meting.go): per
-- indicator (by its name: the agreement's form rewrites the indicator rows) and period ('2026' or
-- '2026-K2'), the value as measured with its source and the day it was measured. No personal data.
-- versie guards a form against a change made after it was opened (409).

CREATE TABLE netwerk_afspraak_meting (
    id          INTEGER PRIMARY KEY,
    gemeente    TEXT      NOT NULL REFERENCES tenants (code),
    afspraak_id BIGINT    NOT NULL REFERENCES netwerk_afspraak (id) ON DELETE CASCADE,
    indicator   TEXT      NOT NULL,
    periode     TEXT      NOT NULL,
    waarde      TEXT      NOT NULL,
    bron        TEXT      NOT NULL,
    gemeten_op  TEXT      NOT NULL,  -- 'YYYY-MM-DD'
    versie      INTEGER   NOT NULL DEFAULT 1,
    gewijzigd   TIMESTAMP NOT NULL,
    UNIQUE (afspraak_id, indicator, periode)
);
CREATE INDEX netwerk_afspraak_meting_gm ON netwerk_afspraak_meting (gemeente, afspraak_id);
