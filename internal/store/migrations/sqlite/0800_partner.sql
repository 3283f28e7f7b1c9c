-- The partner entity (internal/partner): one organisation with an id, members of gemeenten, owner of API
-- keys, with the public contact residents see. Referrals, services, locations and partner users (the
-- network issue) refer to partner_organisatie.id and never change it. Ids are UUIDs (the id of an Open
-- Referral HSDS organization). No personal data: the contact is the organisation's.
-- Dates are ISO text 'YYYY-MM-DD' (Europe/Amsterdam), as in signalen; tot = '' is an open end.

CREATE TABLE partner_organisatie (
    id               TEXT      NOT NULL PRIMARY KEY,
    naam             TEXT      NOT NULL,
    kvk              TEXT      NOT NULL DEFAULT '',  -- KvK-nummer (8 digits); '' unknown
    website          TEXT      NOT NULL DEFAULT '',
    website_bron     TEXT      NOT NULL DEFAULT '',
    telefoon         TEXT      NOT NULL DEFAULT '',
    telefoon_bron    TEXT      NOT NULL DEFAULT '',
    adres_straat     TEXT      NOT NULL DEFAULT '',
    adres_huisnummer TEXT      NOT NULL DEFAULT '',
    adres_postcode   TEXT      NOT NULL DEFAULT '',
    adres_plaats     TEXT      NOT NULL DEFAULT '',
    adres_bron       TEXT      NOT NULL DEFAULT '',
    samengevoegd_in  TEXT      REFERENCES partner_organisatie (id), -- NULL: active; else merged into that partner
    aangemaakt       TIMESTAMP NOT NULL,
    gewijzigd        TIMESTAMP NOT NULL
);
-- One organisation per KvK number.
CREATE UNIQUE INDEX partner_organisatie_kvk ON partner_organisatie (kvk) WHERE kvk <> '';

-- A membership is granted by the gemeente's beheerder for a period; a key of the partner acts in a
-- gemeente only while its membership there is valid (van <= today and (tot = '' or today <= tot)).
CREATE TABLE partner_lidmaatschap (
    partner_id    TEXT      NOT NULL REFERENCES partner_organisatie (id),
    gemeente      TEXT      NOT NULL REFERENCES tenants (code),
    van           TEXT      NOT NULL,
    tot           TEXT      NOT NULL DEFAULT '',
    verleend_door BIGINT    REFERENCES users (id) ON DELETE SET NULL,
    verleend_op   TIMESTAMP NOT NULL,
    PRIMARY KEY (partner_id, gemeente)
);
CREATE INDEX partner_lidmaatschap_gemeente ON partner_lidmaatschap (gemeente, partner_id);

-- Every API key belongs to a partner (MaakSleutel requires one; the column is nullable only because
-- SQLite cannot add a NOT NULL column without a default).
ALTER TABLE api_credentials ADD COLUMN partner_id TEXT REFERENCES partner_organisatie (id);
CREATE INDEX api_credentials_partner ON api_credentials (partner_id);

-- Existing keys: one partner per key, named after the key's organisation (its name when that is empty),
-- member of each gemeente of the key from the day the key was made, with an open end. Two keys that
-- merely share an organisation name become two partners; a beheerder merges them when they are one.
CREATE TABLE partner_migratie_sleutel (
    sleutel_id BIGINT NOT NULL PRIMARY KEY,
    partner_id TEXT   NOT NULL
);
INSERT INTO partner_migratie_sleutel (sleutel_id, partner_id)
SELECT id, lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
FROM api_credentials;

INSERT INTO partner_organisatie (id, naam, aangemaakt, gewijzigd)
SELECT m.partner_id, CASE WHEN trim(k.organisation) <> '' THEN trim(k.organisation) ELSE k.name END, k.created_at, k.created_at
FROM api_credentials k JOIN partner_migratie_sleutel m ON m.sleutel_id = k.id;

UPDATE api_credentials SET partner_id = (SELECT m.partner_id FROM partner_migratie_sleutel m WHERE m.sleutel_id = api_credentials.id);

INSERT INTO partner_lidmaatschap (partner_id, gemeente, van, tot, verleend_door, verleend_op)
SELECT k.partner_id, t.gemeente, substr(k.created_at, 1, 10), '', k.created_by, k.created_at
FROM api_credential_tenants t JOIN api_credentials k ON k.id = t.credential_id;

DROP TABLE partner_migratie_sleutel;
