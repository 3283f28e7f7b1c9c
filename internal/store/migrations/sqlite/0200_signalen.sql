-- Vroegsignalering (internal/signalen/opslag). Every row carries its gemeente; every query filters on it.
-- Dates are ISO text 'YYYY-MM-DD' ('' = unknown) and flags 0/1 integers, so one SQL text serves SQLite and
-- PostgreSQL. Amounts are integer euro cents.

CREATE TABLE signalen_instellingen (
    gemeente                 TEXT    NOT NULL PRIMARY KEY,
    drempel_cent             BIGINT  NOT NULL DEFAULT 0,
    min_dagen                INTEGER NOT NULL DEFAULT 0,
    max_dagen                INTEGER NOT NULL DEFAULT 0,
    periode                  TEXT    NOT NULL DEFAULT 'maand',
    herhaal_dagen            INTEGER NOT NULL DEFAULT 90,
    bewaar_standaard_maanden INTEGER NOT NULL DEFAULT 12,
    bewaar_per_resultaat     TEXT    NOT NULL DEFAULT '{}',
    inwoners                 INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE signalen_zaak (
    id                INTEGER PRIMARY KEY,
    gemeente          TEXT    NOT NULL,
    uid               TEXT    NOT NULL,
    huishoudsleutel   TEXT    NOT NULL,
    adressleutel      TEXT    NOT NULL DEFAULT '',
    huishouden_id     TEXT    NOT NULL DEFAULT '',
    wijk              TEXT    NOT NULL DEFAULT '',
    woonplaats        TEXT    NOT NULL DEFAULT '',
    geboortedatum     TEXT    NOT NULL DEFAULT '',
    kinderen          INTEGER NOT NULL DEFAULT 0,
    heeft_kinderen    INTEGER NOT NULL DEFAULT 0,
    bekend            INTEGER NOT NULL DEFAULT 0,
    periode_start     TEXT    NOT NULL,
    periode_einde     TEXT    NOT NULL,
    matchingsdatum    TEXT    NOT NULL,
    eerste_ontvangst  TEXT    NOT NULL,
    aantal            INTEGER NOT NULL DEFAULT 0,
    aantal_totaal     INTEGER NOT NULL DEFAULT 0,
    meervoudig        INTEGER NOT NULL DEFAULT 0,
    bedrag_cent       BIGINT  NOT NULL DEFAULT 0,
    partnertypes      INTEGER NOT NULL DEFAULT 0, -- bit set, signalen.PartnerType.Bit
    crisis            INTEGER NOT NULL DEFAULT 0,
    crisis_deadline   TEXT    NOT NULL DEFAULT '',
    opeenvolgend      INTEGER NOT NULL DEFAULT 0,
    status            TEXT    NOT NULL,
    automatisch       INTEGER NOT NULL DEFAULT 0,
    resultaat         TEXT    NOT NULL DEFAULT '',
    datum_opgepakt    TEXT    NOT NULL DEFAULT '',
    afgesloten        TEXT    NOT NULL DEFAULT '',
    behandelaar       TEXT    NOT NULL DEFAULT '',
    eerste_contact    TEXT    NOT NULL DEFAULT '',
    dagen_tot_contact INTEGER NOT NULL DEFAULT -1,
    bereikt           INTEGER NOT NULL DEFAULT 0,
    crisis_op_tijd    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (gemeente, uid)
);
-- The worklist: open zaken of a gemeente in priority order.
CREATE INDEX signalen_zaak_werklijst ON signalen_zaak (gemeente, status, crisis DESC, crisis_deadline,
    meervoudig DESC, heeft_kinderen DESC, bedrag_cent DESC, eerste_ontvangst, id);
-- The same order over all statuses.
CREATE INDEX signalen_zaak_prioriteit ON signalen_zaak (gemeente, crisis DESC, crisis_deadline,
    meervoudig DESC, heeft_kinderen DESC, bedrag_cent DESC, eerste_ontvangst, id);
-- Covers the worklist filters, so counting a filtered list reads only this index.
CREATE INDEX signalen_zaak_filter ON signalen_zaak (gemeente, status, wijk, geboortedatum, partnertypes, woonplaats,
    crisis, behandelaar);
CREATE INDEX signalen_zaak_huishouden ON signalen_zaak (gemeente, huishoudsleutel, periode_start);
CREATE INDEX signalen_zaak_periode ON signalen_zaak (gemeente, periode_start);

CREATE TABLE signalen_signaal (
    id               INTEGER PRIMARY KEY,
    gemeente         TEXT    NOT NULL,
    zaak_id          BIGINT  NOT NULL REFERENCES signalen_zaak (id),
    partner          TEXT    NOT NULL,
    referentie       TEXT    NOT NULL,
    partnertype      TEXT    NOT NULL,
    bedrag_cent      BIGINT  NOT NULL,
    ontstaansdatum   TEXT    NOT NULL,
    signaaldatum     TEXT    NOT NULL,
    ontvangen        TEXT    NOT NULL,
    crisis           INTEGER NOT NULL DEFAULT 0,
    crisissoort      TEXT    NOT NULL DEFAULT '',
    warme_overdracht INTEGER NOT NULL DEFAULT 0,
    status           TEXT    NOT NULL,
    methode          TEXT    NOT NULL,
    huishoudsleutel  TEXT    NOT NULL,
    adressleutel     TEXT    NOT NULL DEFAULT '',
    inwoner_id       TEXT    NOT NULL DEFAULT '',
    bsn              TEXT    NOT NULL DEFAULT '',
    voorletters      TEXT    NOT NULL DEFAULT '',
    voorvoegsel      TEXT    NOT NULL DEFAULT '',
    achternaam       TEXT    NOT NULL DEFAULT '',
    geboortedatum    TEXT    NOT NULL DEFAULT '',
    straat           TEXT    NOT NULL DEFAULT '',
    postcode         TEXT    NOT NULL DEFAULT '',
    huisnummer       INTEGER NOT NULL DEFAULT 0,
    toevoeging       TEXT    NOT NULL DEFAULT '',
    woonplaats       TEXT    NOT NULL DEFAULT '',
    telefoon         TEXT    NOT NULL DEFAULT '',
    email            TEXT    NOT NULL DEFAULT '',
    UNIQUE (gemeente, partner, referentie)
);
CREATE INDEX signalen_signaal_zaak ON signalen_signaal (gemeente, zaak_id);
CREATE INDEX signalen_signaal_ontvangen ON signalen_signaal (gemeente, ontvangen);

CREATE TABLE signalen_contactpoging (
    id          INTEGER PRIMARY KEY,
    gemeente    TEXT    NOT NULL,
    zaak_id     BIGINT  NOT NULL REFERENCES signalen_zaak (id),
    soort       TEXT    NOT NULL,
    bereikt     INTEGER NOT NULL DEFAULT 0,
    datum       TEXT    NOT NULL,
    dagdeel     TEXT    NOT NULL DEFAULT '',
    toelichting TEXT    NOT NULL DEFAULT '',
    door        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX signalen_contactpoging_zaak ON signalen_contactpoging (gemeente, zaak_id);

CREATE TABLE signalen_notitie (
    id       INTEGER PRIMARY KEY,
    gemeente TEXT    NOT NULL,
    zaak_id  BIGINT  NOT NULL REFERENCES signalen_zaak (id),
    tekst    TEXT    NOT NULL,
    door     TEXT    NOT NULL DEFAULT '',
    tijd     TEXT    NOT NULL
);
CREATE INDEX signalen_notitie_zaak ON signalen_notitie (gemeente, zaak_id);

-- Anonymous counts kept after personal data passed its retention term (no person, no address).
CREATE TABLE signalen_telling (
    gemeente  TEXT   NOT NULL,
    maand     TEXT   NOT NULL,
    soort     TEXT   NOT NULL,
    sleutel   TEXT   NOT NULL DEFAULT '',
    aantal    BIGINT NOT NULL DEFAULT 0,
    dagen_som BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (gemeente, maand, soort, sleutel)
);
