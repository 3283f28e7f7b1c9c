-- Zaken: the marker for statushouders and inburgeraars (for the monitor: Ommen's plan cannot trace them
-- "wegens het ontbreken van informatie"; Borne has an offer "speciaal voor inburgeraars"), and the
-- recorded steps of a route: for ondernemers and zzp'ers a Bbz application and the referral to ROZ, and
-- a moratorium request to the court (Wgs art. 5). stap: 'bbz', 'roz', 'moratorium'; datum the day of the step.
ALTER TABLE zaken_zaak ADD COLUMN statushouder INTEGER NOT NULL DEFAULT 0;

CREATE TABLE zaken_stap (
    id          INTEGER   PRIMARY KEY,
    gemeente    TEXT      NOT NULL,
    zaak_id     BIGINT    NOT NULL REFERENCES zaken_zaak (id),
    stap        TEXT      NOT NULL,
    datum       TEXT      NOT NULL,
    toelichting TEXT      NOT NULL DEFAULT '',
    door        TEXT      NOT NULL DEFAULT '',
    aangemaakt  TIMESTAMP NOT NULL
);
CREATE INDEX zaken_stap_zaak ON zaken_stap (gemeente, zaak_id, id);
CREATE INDEX zaken_stap_soort ON zaken_stap (gemeente, stap, zaak_id);
