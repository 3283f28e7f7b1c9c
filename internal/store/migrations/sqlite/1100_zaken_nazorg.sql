-- Zaken (internal/zaken), tables that reference the partner entity (0800): numbered 1100–1199 so they
-- run after it (internal/store/doc.go). A partner is held by its id, never its name; a merge of two
-- partners moves these rows (zaken.VerhuisPartner, a partner.Verhuizer).

-- Nazorg after the end of a zaak by a partner, from start until afgesloten ('' = running).
CREATE TABLE zaken_nazorg (
    id            INTEGER   PRIMARY KEY,
    gemeente      TEXT      NOT NULL,
    zaak_id       BIGINT    NOT NULL REFERENCES zaken_zaak (id),
    huishouden_id TEXT      NOT NULL,
    partner_id    TEXT      NOT NULL REFERENCES partner_organisatie (id),
    start         TEXT      NOT NULL,
    afgesloten    TEXT      NOT NULL DEFAULT '',
    reden         TEXT      NOT NULL DEFAULT '',
    door          TEXT      NOT NULL DEFAULT '',
    aangemaakt    TIMESTAMP NOT NULL
);
CREATE INDEX zaken_nazorg_zaak ON zaken_nazorg (gemeente, zaak_id, id);
CREATE INDEX zaken_nazorg_partner ON zaken_nazorg (partner_id);

-- The planned contact moments of a nazorg: on a day, about something; done on a day with a short report.
CREATE TABLE zaken_contactmoment (
    id        INTEGER PRIMARY KEY,
    gemeente  TEXT    NOT NULL,
    nazorg_id BIGINT  NOT NULL REFERENCES zaken_nazorg (id),
    datum     TEXT    NOT NULL,
    onderwerp TEXT    NOT NULL,
    gedaan    TEXT    NOT NULL DEFAULT '',
    verslag   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX zaken_contactmoment_nazorg ON zaken_contactmoment (gemeente, nazorg_id, datum, id);

-- A partner as the "who" of an action of the plan (wie = 'partner'); NULL for the others.
ALTER TABLE zaken_actie ADD COLUMN partner_id TEXT REFERENCES partner_organisatie (id);
CREATE INDEX zaken_actie_partner ON zaken_actie (partner_id);
