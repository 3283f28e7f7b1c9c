-- Zaken: a resident's own online request (kanaal online, no BSN asked). Such a zaak has no household
-- until a case worker links one ('' until then), so the one-open-zaak-per-household index skips ''.
DROP INDEX zaken_zaak_huishouden_open;
CREATE UNIQUE INDEX zaken_zaak_huishouden_open ON zaken_zaak (gemeente, huishouden_id) WHERE open = 1 AND huishouden_id <> '';

-- What the resident wrote in the online form: how to reach them and their question. kinderen: 1 when
-- they said children under 18 live with them, 0 when not (the waiting list's priority rule reads it).
CREATE TABLE zaken_aanvraag (
    id         INTEGER PRIMARY KEY,
    gemeente   TEXT    NOT NULL,
    zaak_id    BIGINT  NOT NULL REFERENCES zaken_zaak (id),
    naam       TEXT    NOT NULL DEFAULT '',
    telefoon   TEXT    NOT NULL DEFAULT '',
    email      TEXT    NOT NULL DEFAULT '',
    woonplaats TEXT    NOT NULL DEFAULT '',
    vraag      TEXT    NOT NULL DEFAULT '',
    kinderen   INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX zaken_aanvraag_zaak ON zaken_aanvraag (gemeente, zaak_id);
