-- Zaken (internal/zaken): debt-help zaken of households, one plan and one regisseur per household, the
-- timeline, and the settings of a gemeente. Every row carries its gemeente; every query filters on it.
-- Dates are ISO text 'YYYY-MM-DD' ('' = none) and flags 0/1 integers, so one SQL text serves SQLite and
-- PostgreSQL. Amounts are integer euro cents. 0300–0399 belong to internal/zaken (internal/store/doc.go).

-- The settings of a gemeente (zaken.Instellingen). A local term is aantal + eenheid ('' = none, the law's
-- term applies) with the text of the plan or verordening it comes from; the stricter of the local and the
-- legal term applies. weigeringsgronden: the allowed refusal grounds, comma-separated. bewaar_*: months
-- after closing per end status (0 = not set: nothing is deleted and the pages say so).
CREATE TABLE zaken_instellingen (
    gemeente                TEXT    NOT NULL PRIMARY KEY,
    eerste_gesprek_aantal   INTEGER NOT NULL DEFAULT 0,
    eerste_gesprek_eenheid  TEXT    NOT NULL DEFAULT '',
    eerste_gesprek_bron     TEXT    NOT NULL DEFAULT '',
    crisis_aantal           INTEGER NOT NULL DEFAULT 0,
    crisis_eenheid          TEXT    NOT NULL DEFAULT '',
    crisis_bron             TEXT    NOT NULL DEFAULT '',
    beslis_aantal           INTEGER NOT NULL DEFAULT 0,
    beslis_eenheid          TEXT    NOT NULL DEFAULT '',
    beslis_bron             TEXT    NOT NULL DEFAULT '',
    weigeringsgronden       TEXT    NOT NULL DEFAULT '',
    bewaar_geweigerd        INTEGER NOT NULL DEFAULT 0,
    bewaar_afgezien         INTEGER NOT NULL DEFAULT 0,
    bewaar_beeindigd        INTEGER NOT NULL DEFAULT 0,
    bewaar_afgerond         INTEGER NOT NULL DEFAULT 0,
    versie                  INTEGER NOT NULL DEFAULT 1
);

-- One zaak of a household. The deadlines are stored when computed (and recomputed when a setting or the
-- calendar changes): *_deadline is the one that applies, *_wettelijk the law's, *_uitleg why.
-- volgende_deadline is the nearest deadline still open ('9999-12-31' when none), the worklist's order.
-- open is 1 for the statuses aangemeld, intake and plan. versie guards against stale forms.
CREATE TABLE zaken_zaak (
    id                       INTEGER PRIMARY KEY,
    gemeente                 TEXT      NOT NULL,
    huishouden_id            TEXT      NOT NULL,
    woonplaats               TEXT      NOT NULL DEFAULT '',
    kanaal                   TEXT      NOT NULL,
    route                    TEXT      NOT NULL,
    gestart                  TIMESTAMP NOT NULL,
    startdatum               TEXT      NOT NULL,
    vroegsignaalzaak_id      BIGINT    NOT NULL DEFAULT 0,
    aanbod_aanvaard          TEXT      NOT NULL DEFAULT '',
    crisis                   INTEGER   NOT NULL DEFAULT 0,
    crisissoort              TEXT      NOT NULL DEFAULT '',
    status                   TEXT      NOT NULL,
    open                     INTEGER   NOT NULL DEFAULT 1,
    eerste_gesprek_deadline  TEXT      NOT NULL DEFAULT '',
    eerste_gesprek_wettelijk TEXT      NOT NULL DEFAULT '',
    eerste_gesprek_uitleg    TEXT      NOT NULL DEFAULT '',
    eerste_gesprek           TEXT      NOT NULL DEFAULT '',
    besluit_deadline         TEXT      NOT NULL DEFAULT '',
    besluit_wettelijk        TEXT      NOT NULL DEFAULT '',
    besluit_uitleg           TEXT      NOT NULL DEFAULT '',
    besluit                  TEXT      NOT NULL DEFAULT '',
    besluit_datum            TEXT      NOT NULL DEFAULT '',
    weigeringsgrond          TEXT      NOT NULL DEFAULT '',
    einde                    TEXT      NOT NULL DEFAULT '',
    einde_reden              TEXT      NOT NULL DEFAULT '',
    einde_toelichting        TEXT      NOT NULL DEFAULT '',
    volgende_deadline        TEXT      NOT NULL DEFAULT '9999-12-31',
    aangemaakt               TIMESTAMP NOT NULL,
    door                     TEXT      NOT NULL DEFAULT '',
    versie                   INTEGER   NOT NULL DEFAULT 1
);
-- The worklist: open zaken by nearest deadline; with a village or a route; per status.
CREATE INDEX zaken_zaak_werklijst ON zaken_zaak (gemeente, open, volgende_deadline, id);
CREATE INDEX zaken_zaak_woonplaats ON zaken_zaak (gemeente, open, woonplaats, volgende_deadline, id);
CREATE INDEX zaken_zaak_route ON zaken_zaak (gemeente, open, route, volgende_deadline, id);
CREATE INDEX zaken_zaak_status ON zaken_zaak (gemeente, status, volgende_deadline, id);
CREATE INDEX zaken_zaak_einde ON zaken_zaak (gemeente, status, einde);
-- One open zaak per household; one zaak per vroegsignaalzaak.
CREATE UNIQUE INDEX zaken_zaak_huishouden_open ON zaken_zaak (gemeente, huishouden_id) WHERE open = 1;
CREATE INDEX zaken_zaak_huishouden ON zaken_zaak (gemeente, huishouden_id);
CREATE UNIQUE INDEX zaken_zaak_vroegsignaal ON zaken_zaak (gemeente, vroegsignaalzaak_id) WHERE vroegsignaalzaak_id > 0;

-- The persons of the household at intake (the zaak keeps who it is about when the register's snapshot is
-- gone): BSN, role and birth date.
CREATE TABLE zaken_persoon (
    id            INTEGER PRIMARY KEY,
    gemeente      TEXT    NOT NULL,
    zaak_id       BIGINT  NOT NULL REFERENCES zaken_zaak (id),
    bsn           TEXT    NOT NULL DEFAULT '',
    rol           TEXT    NOT NULL DEFAULT '',
    geboortedatum TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX zaken_persoon_zaak ON zaken_persoon (gemeente, zaak_id);

-- The signals that came along from a vroegsignaalzaak (the start of the debt overview).
CREATE TABLE zaken_signaal (
    id             INTEGER PRIMARY KEY,
    gemeente       TEXT    NOT NULL,
    zaak_id        BIGINT  NOT NULL REFERENCES zaken_zaak (id),
    partner        TEXT    NOT NULL DEFAULT '',
    partnertype    TEXT    NOT NULL DEFAULT '',
    bedrag_cent    BIGINT  NOT NULL DEFAULT 0,
    ontstaansdatum TEXT    NOT NULL DEFAULT '',
    crisissoort    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX zaken_signaal_zaak ON zaken_signaal (gemeente, zaak_id);

-- One plan and one regisseur per household (across its zaken).
CREATE TABLE zaken_huishouden (
    gemeente        TEXT      NOT NULL,
    huishouden_id   TEXT      NOT NULL,
    regisseur_id    BIGINT    NOT NULL DEFAULT 0,
    regisseur_naam  TEXT      NOT NULL DEFAULT '',
    regisseur_sinds TIMESTAMP,
    versie          INTEGER   NOT NULL DEFAULT 1,
    PRIMARY KEY (gemeente, huishouden_id)
);

CREATE TABLE zaken_doel (
    id            INTEGER PRIMARY KEY,
    gemeente      TEXT    NOT NULL,
    huishouden_id TEXT    NOT NULL,
    domein        TEXT    NOT NULL,
    omschrijving  TEXT    NOT NULL,
    streefdatum   TEXT    NOT NULL DEFAULT '',
    status        TEXT    NOT NULL DEFAULT 'open',
    door          TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX zaken_doel_huishouden ON zaken_doel (gemeente, huishouden_id, id);

CREATE TABLE zaken_actie (
    id            INTEGER PRIMARY KEY,
    gemeente      TEXT    NOT NULL,
    huishouden_id TEXT    NOT NULL,
    doel_id       BIGINT  NOT NULL REFERENCES zaken_doel (id),
    omschrijving  TEXT    NOT NULL,
    wie           TEXT    NOT NULL,
    wie_naam      TEXT    NOT NULL DEFAULT '',
    datum         TEXT    NOT NULL DEFAULT '',
    gedaan        TEXT    NOT NULL DEFAULT '',
    door          TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX zaken_actie_huishouden ON zaken_actie (gemeente, huishouden_id, doel_id, id);

-- The timeline: everything that happened, per household (zaak_id 0: the household's plan or regie).
CREATE TABLE zaken_gebeurtenis (
    id            INTEGER PRIMARY KEY,
    gemeente      TEXT      NOT NULL,
    huishouden_id TEXT      NOT NULL,
    zaak_id       BIGINT    NOT NULL DEFAULT 0,
    tijd          TIMESTAMP NOT NULL,
    soort         TEXT      NOT NULL,
    tekst         TEXT      NOT NULL,
    door          TEXT      NOT NULL DEFAULT ''
);
CREATE INDEX zaken_gebeurtenis_huishouden ON zaken_gebeurtenis (gemeente, huishouden_id, id);
