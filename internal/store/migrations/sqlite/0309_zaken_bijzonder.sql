-- Zaken: special categories of personal data (AVG art. 9: health), processed for the debt help itself
-- under Wgs art. 8a ("gegevens over gezondheid … voor zover noodzakelijk"), in their own table so no
-- query of the zaak, the worklist, an export or a referral reads them by accident. One row per zaak
-- (none when nothing is recorded); versie guards against stale forms; deleted with the zaak.
CREATE TABLE zaken_bijzonder (
    gemeente              TEXT      NOT NULL,
    zaak_id               BIGINT    NOT NULL REFERENCES zaken_zaak (id),
    verslaving            INTEGER   NOT NULL DEFAULT 0,
    psychisch             INTEGER   NOT NULL DEFAULT 0,
    lichamelijk           INTEGER   NOT NULL DEFAULT 0,
    lvb                   INTEGER   NOT NULL DEFAULT 0,
    toelichting           TEXT      NOT NULL DEFAULT '',
    versie                INTEGER   NOT NULL DEFAULT 1,
    door                  TEXT      NOT NULL DEFAULT '',
    gewijzigd             TIMESTAMP NOT NULL,
    PRIMARY KEY (gemeente, zaak_id)
);
