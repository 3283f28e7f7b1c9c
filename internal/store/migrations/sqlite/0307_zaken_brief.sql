-- Zaken: the decision letters of a zaak (internal/brief), stored as made so the letter the resident got
-- can be shown and printed again: the beschikking after the first conversation (Wgs art. 4a lid 1, plan
-- van aanpak or weigering) and the beëindigingsbeschikking (4a lid 6). soort: 'plan', 'weigering',
-- 'beeindiging'. datum is the day of the letter (the bezwaar term of Awb 6:7 starts the day after).
CREATE TABLE zaken_brief (
    id         INTEGER   PRIMARY KEY,
    gemeente   TEXT      NOT NULL,
    zaak_id    BIGINT    NOT NULL REFERENCES zaken_zaak (id),
    soort      TEXT      NOT NULL,
    datum      TEXT      NOT NULL,
    onderwerp  TEXT      NOT NULL,
    html       TEXT      NOT NULL,
    door       TEXT      NOT NULL DEFAULT '',
    gemaakt    TIMESTAMP NOT NULL
);
CREATE INDEX zaken_brief_zaak ON zaken_brief (gemeente, zaak_id, id);
