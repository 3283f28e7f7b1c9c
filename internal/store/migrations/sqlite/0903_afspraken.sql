-- Network agreements (internal/netwerk afspraak.go): an armoedepact, a covenant with a housing
-- corporation or insurer, a gemeente's network, a joint project: its period (either end may be unknown),
-- its partners (by id) and its indicators with their target and the target's source. No personal data.

CREATE TABLE netwerk_afspraak (
    id           INTEGER PRIMARY KEY,
    gemeente     TEXT      NOT NULL REFERENCES tenants (code),
    naam         TEXT      NOT NULL,
    soort        TEXT      NOT NULL CHECK (soort IN ('armoedepact', 'convenant', 'netwerk', 'samenwerking')),
    van          TEXT      NOT NULL DEFAULT '',   -- 'YYYY-MM-DD'; '' unknown
    tot          TEXT      NOT NULL DEFAULT '',   -- 'YYYY-MM-DD'; '' open
    omschrijving TEXT      NOT NULL DEFAULT '',
    bron         TEXT      NOT NULL,              -- where the agreement is laid down
    aangemaakt   TIMESTAMP NOT NULL,
    gewijzigd    TIMESTAMP NOT NULL
);
CREATE INDEX netwerk_afspraak_gm ON netwerk_afspraak (gemeente, id);

CREATE TABLE netwerk_afspraak_partner (
    afspraak_id BIGINT NOT NULL REFERENCES netwerk_afspraak (id) ON DELETE CASCADE,
    partner_id  TEXT   NOT NULL REFERENCES partner_organisatie (id),
    PRIMARY KEY (afspraak_id, partner_id)
);
CREATE INDEX netwerk_afspraak_partner_p ON netwerk_afspraak_partner (partner_id);

CREATE TABLE netwerk_afspraak_indicator (
    afspraak_id BIGINT  NOT NULL REFERENCES netwerk_afspraak (id) ON DELETE CASCADE,
    volgorde    INTEGER NOT NULL,
    naam        TEXT    NOT NULL,
    streef      TEXT    NOT NULL DEFAULT '',  -- the target as the source words it; '' none agreed
    bron        TEXT    NOT NULL DEFAULT '',  -- the source of the target (required with a target)
    PRIMARY KEY (afspraak_id, volgorde)
);
