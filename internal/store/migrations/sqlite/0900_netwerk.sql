-- Version 0900, not in netwerk's 0500 range: these tables reference partner_organisatie (0800), and the
-- runner applies versions in ascending order (internal/store/doc.go).
-- The sociale kaart (internal/netwerk): what a partner offers (services), where (locations) and when
-- (opening hours), on the Open Referral HSDS 3.0 organization/service/location shape. The organization
-- is partner_organisatie (internal/partner); services and locations reference its id and move with it
-- when two partners are merged. No personal data: everything here is what an organisation publishes.
-- Dates are ISO text 'YYYY-MM-DD' (Europe/Amsterdam), as in partner and signalen.

-- HSDS service. Behoeften are codes of the controlled vocabulary (netwerk.Behoeften), comma-separated;
-- openingstijden is the normalised notation of netwerk.ParseOpeningstijden ("ma 09:00-12:00; wo ...").
CREATE TABLE netwerk_dienst (
    id               TEXT      NOT NULL PRIMARY KEY,
    partner_id       TEXT      NOT NULL REFERENCES partner_organisatie (id),
    naam             TEXT      NOT NULL,
    beschrijving     TEXT      NOT NULL DEFAULT '',
    behoeften        TEXT      NOT NULL DEFAULT '',
    voor_wie         TEXT      NOT NULL DEFAULT '',  -- eligibility_description
    min_leeftijd     INTEGER,                        -- NULL: no minimum
    max_leeftijd     INTEGER,                        -- NULL: no maximum
    aanmelden        TEXT      NOT NULL DEFAULT '',  -- application_process
    kosten           TEXT      NOT NULL DEFAULT '',  -- fees_description
    website          TEXT      NOT NULL DEFAULT '',
    email            TEXT      NOT NULL DEFAULT '',
    telefoon         TEXT      NOT NULL DEFAULT '',
    openingstijden   TEXT      NOT NULL DEFAULT '',  -- when the service is reachable (phone hours)
    status           TEXT      NOT NULL DEFAULT 'active', -- HSDS: active, inactive, defunct, temporarily closed
    bron             TEXT      NOT NULL,             -- where the entry comes from
    gecontroleerd_op TEXT      NOT NULL,             -- HSDS assured_date: last checked
    aangemaakt       TIMESTAMP NOT NULL,
    gewijzigd        TIMESTAMP NOT NULL
);
CREATE INDEX netwerk_dienst_partner ON netwerk_dienst (partner_id);

-- HSDS service_area: the gemeenten where the service is offered (each one of the partner's memberships).
CREATE TABLE netwerk_dienst_gemeente (
    dienst_id TEXT NOT NULL REFERENCES netwerk_dienst (id) ON DELETE CASCADE,
    gemeente  TEXT NOT NULL REFERENCES tenants (code),
    PRIMARY KEY (dienst_id, gemeente)
);
CREATE INDEX netwerk_dienst_gemeente_gm ON netwerk_dienst_gemeente (gemeente, dienst_id);

-- Which regelingen of a gemeente's rule pack the service carries out (uitvoeren) or helps residents
-- apply for (aanvragen), by the regeling's id in the pack.
CREATE TABLE netwerk_dienst_regeling (
    dienst_id TEXT NOT NULL REFERENCES netwerk_dienst (id) ON DELETE CASCADE,
    gemeente  TEXT NOT NULL REFERENCES tenants (code),
    regeling  TEXT NOT NULL,
    rol       TEXT NOT NULL,
    PRIMARY KEY (dienst_id, gemeente, regeling)
);

-- HSDS location of an organization: a building (physical, with an address) or a website (virtual).
CREATE TABLE netwerk_locatie (
    id               TEXT      NOT NULL PRIMARY KEY,
    partner_id       TEXT      NOT NULL REFERENCES partner_organisatie (id),
    naam             TEXT      NOT NULL,
    soort            TEXT      NOT NULL,             -- physical or virtual
    straat           TEXT      NOT NULL DEFAULT '',
    huisnummer       TEXT      NOT NULL DEFAULT '',
    postcode         TEXT      NOT NULL DEFAULT '',
    plaats           TEXT      NOT NULL DEFAULT '',  -- the village (woonplaats) residents filter on
    url              TEXT      NOT NULL DEFAULT '',
    toegankelijkheid TEXT      NOT NULL DEFAULT '',
    bron             TEXT      NOT NULL,
    aangemaakt       TIMESTAMP NOT NULL,
    gewijzigd        TIMESTAMP NOT NULL
);
CREATE INDEX netwerk_locatie_partner ON netwerk_locatie (partner_id);

-- HSDS service_at_location, with the opening hours of the service there.
CREATE TABLE netwerk_dienst_locatie (
    dienst_id      TEXT NOT NULL REFERENCES netwerk_dienst (id) ON DELETE CASCADE,
    locatie_id     TEXT NOT NULL REFERENCES netwerk_locatie (id) ON DELETE CASCADE,
    openingstijden TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (dienst_id, locatie_id)
);
CREATE INDEX netwerk_dienst_locatie_locatie ON netwerk_dienst_locatie (locatie_id);

-- Per gemeente: after how many months without a check an entry shows as stale. No row: the default.
CREATE TABLE netwerk_instellingen (
    gemeente             TEXT      NOT NULL PRIMARY KEY REFERENCES tenants (code),
    verouderd_na_maanden INTEGER   NOT NULL,
    gewijzigd            TIMESTAMP NOT NULL
);
