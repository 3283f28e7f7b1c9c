-- Zaken: what the indication of the beslagvrije voet (Wgs art. 4a lid 5; art. 475da Rv) needs, per zaak:
-- the leefsituatie of art. 475da lid 1 ('alleenstaande', 'alleenstaande_ouder', 'gehuwden',
-- 'gehuwden_kinderen'), the belastbaar jaarinkomen of the debtor and partner (cents), the net monthly
-- income including vakantiegeld of art. 475dc (cents, NULL = not given) and whether there is no woonadres
-- in the BRP (lid 4). The amount itself is not stored: it is computed for the day it is shown. One row per
-- zaak (none until filled in); versie counts the changes; deleted with the zaak by the retention job.
CREATE TABLE zaken_beslagvrije_voet (
    gemeente              TEXT      NOT NULL,
    zaak_id               BIGINT    NOT NULL REFERENCES zaken_zaak (id),
    leefsituatie          TEXT      NOT NULL,
    jaarinkomen_cent      BIGINT    NOT NULL,
    maandinkomen_cent     BIGINT,
    geen_woonadres        INTEGER   NOT NULL DEFAULT 0,
    versie                INTEGER   NOT NULL DEFAULT 1,
    door                  TEXT      NOT NULL DEFAULT '',
    gewijzigd             TIMESTAMP NOT NULL,
    PRIMARY KEY (gemeente, zaak_id)
);
