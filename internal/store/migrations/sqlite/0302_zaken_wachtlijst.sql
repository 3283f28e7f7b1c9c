-- Zaken: the waiting list. intake_capaciteit: first conversations the gemeente can hold per week (0 = not
-- set: no expected waiting time is shown). voorrang_kinderen: 1 when households with minor children go
-- first once the queue is longer than a week's capacity (Borne), with the text it comes from.
ALTER TABLE zaken_instellingen ADD COLUMN intake_capaciteit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE zaken_instellingen ADD COLUMN voorrang_kinderen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE zaken_instellingen ADD COLUMN voorrang_bron TEXT NOT NULL DEFAULT '';
-- kind_tot: the day the youngest child of the household turns 18 ('' = no minor child known); a zaak
-- has priority while kind_tot > today. Set at intake, at the online request ('9999-12-31' when the
-- resident said so and no birth date is known) and when a household is linked; filled here for the zaken
-- that exist (the youngest person's birth date plus 18 years, as text: a 29 February stays comparable).
ALTER TABLE zaken_zaak ADD COLUMN kind_tot TEXT NOT NULL DEFAULT '';
CREATE INDEX zaken_zaak_wachtlijst ON zaken_zaak (gemeente, status, crisis, gestart, id);
UPDATE zaken_zaak SET kind_tot = COALESCE((SELECT CAST(CAST(substr(MAX(p.geboortedatum), 1, 4) AS INTEGER) + 18 AS TEXT) || substr(MAX(p.geboortedatum), 5)
    FROM zaken_persoon p WHERE p.gemeente = zaken_zaak.gemeente AND p.zaak_id = zaken_zaak.id AND p.geboortedatum <> ''), '');
