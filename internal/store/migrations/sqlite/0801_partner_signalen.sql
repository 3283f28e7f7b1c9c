-- Existing signals get a partner id (docs/partner.md, "Migratie"). Until now signalen_signaal.partner
-- held the free-text organisation name of the delivering key ("sleutel-<id>" for a key without one) or
-- the name a case worker typed at a CSV upload; from now on it holds the partner id, so feedback and
-- "already received" are keyed on (gemeente, partner id, referentie) by the existing unique constraint.
-- Each stored (gemeente, name) is mapped once, by the first rule that applies:
--   1 sleutel: the name is "sleutel-<id>" of a key without organisation: that key's partner;
--   2 audit:   the processing log shows that API deliveries under this name in this gemeente came from
--              exactly one key: that key's partner;
--   3 naam:    exactly one key of this gemeente has this organisation name: that key's partner;
--   4 nieuw:   otherwise one new partner per distinct name (shared by the gemeenten that stored it).
-- Each key stands for one name only, so two names never map to one partner in a gemeente and the unique
-- constraint holds. The partner becomes a member of the gemeente where it was not yet. This migration
-- reads signalen_signaal (0200) and audit_log (0002): both precede it in every database.

CREATE TABLE partner_migratie_naam (
    gemeente   TEXT NOT NULL,
    naam       TEXT NOT NULL,
    partner_id TEXT,
    regel      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (gemeente, naam)
);
INSERT INTO partner_migratie_naam (gemeente, naam) SELECT DISTINCT gemeente, partner FROM signalen_signaal;

UPDATE partner_migratie_naam SET regel = 'sleutel', partner_id = (SELECT k.partner_id FROM api_credentials k
    WHERE 'sleutel-' || CAST(k.id AS TEXT) = partner_migratie_naam.naam AND trim(k.organisation) = '')
WHERE EXISTS (SELECT 1 FROM api_credentials k WHERE 'sleutel-' || CAST(k.id AS TEXT) = partner_migratie_naam.naam AND trim(k.organisation) = '');

UPDATE partner_migratie_naam SET regel = 'audit', partner_id = (SELECT k.partner_id FROM api_credentials k
    WHERE CAST(k.id AS TEXT) = (SELECT MIN(a.actor_id) FROM audit_log a WHERE a.gemeente = partner_migratie_naam.gemeente
        AND a.operation = 'vroegsignalen.ontvangen' AND a.actor_type = 'credential' AND a.result = 'ok'
        AND a.object = 'partner/' || partner_migratie_naam.naam AND a.actor_id IN (SELECT CAST(id AS TEXT) FROM api_credentials)))
WHERE partner_id IS NULL AND (SELECT COUNT(DISTINCT a.actor_id) FROM audit_log a WHERE a.gemeente = partner_migratie_naam.gemeente
        AND a.operation = 'vroegsignalen.ontvangen' AND a.actor_type = 'credential' AND a.result = 'ok'
        AND a.object = 'partner/' || partner_migratie_naam.naam AND a.actor_id IN (SELECT CAST(id AS TEXT) FROM api_credentials)) = 1;

UPDATE partner_migratie_naam SET regel = 'naam', partner_id = (SELECT MIN(k.partner_id) FROM api_credentials k
    JOIN api_credential_tenants t ON t.credential_id = k.id
    WHERE t.gemeente = partner_migratie_naam.gemeente AND trim(k.organisation) = partner_migratie_naam.naam)
WHERE partner_id IS NULL AND (SELECT COUNT(*) FROM api_credentials k JOIN api_credential_tenants t ON t.credential_id = k.id
    WHERE t.gemeente = partner_migratie_naam.gemeente AND trim(k.organisation) = partner_migratie_naam.naam) = 1;

CREATE TABLE partner_migratie_nieuw (
    naam       TEXT NOT NULL PRIMARY KEY,
    partner_id TEXT NOT NULL
);
INSERT INTO partner_migratie_nieuw (naam, partner_id)
SELECT naam, lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
FROM (SELECT DISTINCT naam FROM partner_migratie_naam WHERE partner_id IS NULL) x;

INSERT INTO partner_organisatie (id, naam, aangemaakt, gewijzigd)
SELECT partner_id, naam, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM partner_migratie_nieuw;

UPDATE partner_migratie_naam SET regel = 'nieuw', partner_id = (SELECT n.partner_id FROM partner_migratie_nieuw n
    WHERE n.naam = partner_migratie_naam.naam)
WHERE partner_id IS NULL;

-- Member of every gemeente it has signals in, from the first day a signal of it was received there.
INSERT INTO partner_lidmaatschap (partner_id, gemeente, van, tot, verleend_door, verleend_op)
SELECT m.partner_id, m.gemeente, (SELECT MIN(s.ontvangen) FROM signalen_signaal s WHERE s.gemeente = m.gemeente AND s.partner = m.naam),
    '', NULL, CURRENT_TIMESTAMP
FROM partner_migratie_naam m
WHERE NOT EXISTS (SELECT 1 FROM partner_lidmaatschap l WHERE l.partner_id = m.partner_id AND l.gemeente = m.gemeente);

UPDATE signalen_signaal SET partner = (SELECT m.partner_id FROM partner_migratie_naam m
    WHERE m.gemeente = signalen_signaal.gemeente AND m.naam = signalen_signaal.partner);

DROP TABLE partner_migratie_nieuw;
DROP TABLE partner_migratie_naam;
