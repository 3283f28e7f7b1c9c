-- The village of the application copied to its regelingen (kept equal in the same transaction), so the inbox
-- with a regeling and a village filter is one index range and its count needs no join.
ALTER TABLE aanvragen_regeling ADD COLUMN woonplaats TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE aanvragen_regeling SET woonplaats = (SELECT a.woonplaats FROM aanvragen_aanvraag a WHERE a.id = aanvragen_regeling.aanvraag_id);
CREATE INDEX aanvragen_regeling_woonplaats ON aanvragen_regeling (gemeente, regeling, status, woonplaats, deadline, aanvraag_id);
