-- Scan (internal/scan): the households a gemeente imports, the imports themselves, and ambtshalve
-- proposals with the consulent's decision. Every row carries its gemeente; every query filters on it.

CREATE TABLE scan_huishouden (
    gemeente   TEXT      NOT NULL,
    id         TEXT      NOT NULL,              -- the gemeente's own household id (key of an import)
    woonplaats TEXT      NOT NULL DEFAULT '',
    gegevens   TEXT      NOT NULL,              -- the household as one CSV row of docs/import.md, BSNs included
    import_id  BIGINT    NOT NULL,              -- the import that last changed it
    bijgewerkt TIMESTAMP NOT NULL,
    PRIMARY KEY (gemeente, id)
);

CREATE TABLE scan_import (
    id          INTEGER PRIMARY KEY,
    gemeente    TEXT      NOT NULL,
    bestand     TEXT      NOT NULL DEFAULT '',
    formaat     TEXT      NOT NULL,
    status      TEXT      NOT NULL CHECK (status IN ('bezig', 'klaar', 'afgebroken')),
    rijen       BIGINT    NOT NULL DEFAULT 0,
    opgeslagen  BIGINT    NOT NULL DEFAULT 0,   -- new or changed
    ongewijzigd BIGINT    NOT NULL DEFAULT 0,
    afgewezen   BIGINT    NOT NULL DEFAULT 0,
    melding     TEXT      NOT NULL DEFAULT '',
    gestart     TIMESTAMP NOT NULL,
    klaar       TIMESTAMP
);
CREATE INDEX scan_import_gemeente ON scan_import (gemeente, gestart);

CREATE TABLE scan_voorstel (
    id             INTEGER PRIMARY KEY,
    gemeente       TEXT      NOT NULL,
    huishouden_id  TEXT      NOT NULL,
    regeling       TEXT      NOT NULL,
    peildatum      TEXT      NOT NULL,          -- jjjj-mm-dd
    status         TEXT      NOT NULL CHECK (status IN ('open', 'goedgekeurd', 'afgewezen')),
    bedrag_cent    BIGINT,                      -- NULL: unknown
    periode        TEXT      NOT NULL DEFAULT '',
    uitleg         TEXT      NOT NULL,          -- JSON: the trace (regels.Uitkomst) at the time of the proposal
    bewijs         TEXT      NOT NULL,          -- JSON: the receipt (regels.Ontvangstbewijs)
    gemaakt        TIMESTAMP NOT NULL,
    besluit_door   TEXT      NOT NULL DEFAULT '',
    besluit_reden  TEXT      NOT NULL DEFAULT '',
    besluit_op     TIMESTAMP,
    UNIQUE (gemeente, huishouden_id, regeling, peildatum)
);
CREATE INDEX scan_voorstel_status ON scan_voorstel (gemeente, status, regeling);

CREATE TABLE scan_run (
    id          INTEGER PRIMARY KEY,
    gemeente    TEXT      NOT NULL,
    peildatum   TEXT      NOT NULL,             -- jjjj-mm-dd
    pakket      TEXT      NOT NULL,             -- pack file
    pakket_hash TEXT      NOT NULL,
    huishoudens BIGINT    NOT NULL,
    uitslag     TEXT      NOT NULL,             -- JSON: counts per regeling and target group (no household ids)
    duur_ms     BIGINT    NOT NULL,
    gemaakt     TIMESTAMP NOT NULL
);
CREATE INDEX scan_run_gemeente ON scan_run (gemeente, gemaakt);
