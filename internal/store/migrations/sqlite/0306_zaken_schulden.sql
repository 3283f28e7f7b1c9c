-- Zaken: the debt overview per zaak (creditor, amount in cents, kind, status, stabilised) and the monthly
-- budget (income and fixed costs per month in cents). Entered by the case worker; nothing is assumed.
CREATE TABLE zaken_schuld (
    id             INTEGER   PRIMARY KEY,
    gemeente       TEXT      NOT NULL,
    zaak_id        BIGINT    NOT NULL REFERENCES zaken_zaak (id),
    schuldeiser    TEXT      NOT NULL,
    bedrag_cent    BIGINT    NOT NULL,
    soort          TEXT      NOT NULL,
    status         TEXT      NOT NULL,
    gestabiliseerd INTEGER   NOT NULL DEFAULT 0,
    door           TEXT      NOT NULL DEFAULT '',
    aangemaakt     TIMESTAMP NOT NULL
);
CREATE INDEX zaken_schuld_zaak ON zaken_schuld (gemeente, zaak_id, id);

CREATE TABLE zaken_budgetpost (
    id           INTEGER PRIMARY KEY,
    gemeente     TEXT    NOT NULL,
    zaak_id      BIGINT  NOT NULL REFERENCES zaken_zaak (id),
    soort        TEXT    NOT NULL, -- 'inkomen' or 'last'
    omschrijving TEXT    NOT NULL,
    bedrag_cent  BIGINT  NOT NULL  -- per month
);
CREATE INDEX zaken_budgetpost_zaak ON zaken_budgetpost (gemeente, zaak_id, id);
