-- Nazorg on the partner's own list (zaken.Service.PartnerMomenten): the partner sees a random
-- reference of the nazorg, never the zaak's id (zaak ids count up and are guessable). Existing rows get
-- one here; new ones in StartNazorg (crypto/rand).
ALTER TABLE zaken_nazorg ADD COLUMN referentie TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE zaken_nazorg SET referentie = upper(substr(md5(random()::text || id::text), 1, 10)) WHERE referentie = '';
CREATE UNIQUE INDEX zaken_nazorg_referentie ON zaken_nazorg (referentie);
-- The partner's list: its nazorg per gemeente.
CREATE INDEX zaken_nazorg_partner_gemeente ON zaken_nazorg (partner_id, gemeente, id);
