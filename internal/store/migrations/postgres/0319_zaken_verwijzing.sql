-- Zaken: a zaak started from a partner's referral to the gemeente (kanaal 'verwijzing') keeps the id of
-- that referral (netwerk_verwijzing); NULL for every other zaak. One zaak per referral.
ALTER TABLE zaken_zaak ADD COLUMN verwijzing_id BIGINT;
CREATE UNIQUE INDEX zaken_zaak_verwijzing ON zaken_zaak (gemeente, verwijzing_id) WHERE verwijzing_id IS NOT NULL;
