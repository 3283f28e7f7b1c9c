-- Budgets (internal/budget): a gemeente's budget per year per policy line, per fund run by a partner
-- and per partner subsidy, with its amount (NULL: unknown, no source gives it) and the source; requests
-- against a budget with their decision (four-eyes above the gemeente's threshold); the settings.
-- Amounts are integer euro cents. 1200–1299 belong to internal/budget (internal/store/doc.go): they
-- reference partner_organisatie (0800) and zaken_zaak (0300).

-- vierogen_vanaf: an award above this amount needs a second, different person (0: not set, no
-- four-eyes; the pages say so). versie guards against stale forms.
CREATE TABLE budget_instellingen (
    gemeente       TEXT    NOT NULL PRIMARY KEY REFERENCES tenants (code),
    vierogen_vanaf BIGINT  NOT NULL DEFAULT 0,
    vierogen_bron  TEXT    NOT NULL DEFAULT '',
    versie         INTEGER NOT NULL DEFAULT 1
);

-- One budget of a gemeente in one year. soort: beleid (a policy line: maatwerkbudget, noodfonds),
-- fonds (a fund run by a partner), subsidie (a subsidy to a partner). partner_id: the partner that runs
-- the fund or gets the subsidy (NULL: none recorded). bedrag NULL: unknown. toegekend: the sum of the
-- awarded requests, kept in the same transaction as each award, so a conditional UPDATE refuses an
-- award that would take the budget below zero on both engines.
CREATE TABLE budget_budget (
    id         INTEGER PRIMARY KEY,
    gemeente   TEXT      NOT NULL REFERENCES tenants (code),
    jaar       INTEGER   NOT NULL,
    soort      TEXT      NOT NULL CHECK (soort IN ('beleid', 'fonds', 'subsidie')),
    naam       TEXT      NOT NULL,
    partner_id TEXT      REFERENCES partner_organisatie (id),
    bedrag     BIGINT,
    bron       TEXT      NOT NULL,
    toegekend  BIGINT    NOT NULL DEFAULT 0,
    aangemaakt TIMESTAMP NOT NULL,
    gewijzigd  TIMESTAMP NOT NULL,
    versie     INTEGER   NOT NULL DEFAULT 1,
    UNIQUE (gemeente, jaar, naam)
);
CREATE INDEX budget_budget_partner ON budget_budget (partner_id);

-- A request against a budget, optionally for a zaak and a household of the register (personal data:
-- every read and change is in the audit log). soort: geld, goed, voucher; bedrag the amount or the value
-- of the goods or voucher. status: ingediend, tweede (awaiting the second person of four-eyes),
-- toegekend, afgewezen. besluit_datum: the day of the final decision ('' none), the export's period.
CREATE TABLE budget_aanvraag (
    id                  INTEGER PRIMARY KEY,
    gemeente            TEXT      NOT NULL REFERENCES tenants (code),
    budget_id           BIGINT    NOT NULL REFERENCES budget_budget (id),
    zaak_id             BIGINT    REFERENCES zaken_zaak (id),
    huishouden_id       TEXT      NOT NULL DEFAULT '',
    soort               TEXT      NOT NULL CHECK (soort IN ('geld', 'goed', 'voucher')),
    omschrijving        TEXT      NOT NULL DEFAULT '',
    bedrag              BIGINT    NOT NULL CHECK (bedrag > 0),
    reden               TEXT      NOT NULL,
    status              TEXT      NOT NULL,
    ingediend           TIMESTAMP NOT NULL,
    ingediend_door_id   BIGINT    NOT NULL DEFAULT 0,
    ingediend_door      TEXT      NOT NULL DEFAULT '',
    eerste_door_id      BIGINT    NOT NULL DEFAULT 0,
    eerste_door         TEXT      NOT NULL DEFAULT '',
    eerste_reden        TEXT      NOT NULL DEFAULT '',
    besluit             TEXT      NOT NULL DEFAULT '',
    besluit_door_id     BIGINT    NOT NULL DEFAULT 0,
    besluit_door        TEXT      NOT NULL DEFAULT '',
    besluit_reden       TEXT      NOT NULL DEFAULT '',
    besluit_datum       TEXT      NOT NULL DEFAULT '',
    versie              INTEGER   NOT NULL DEFAULT 1
);
CREATE INDEX budget_aanvraag_gm ON budget_aanvraag (gemeente, budget_id, status);
CREATE INDEX budget_aanvraag_besluit ON budget_aanvraag (gemeente, besluit_datum);
CREATE INDEX budget_aanvraag_zaak ON budget_aanvraag (zaak_id);
