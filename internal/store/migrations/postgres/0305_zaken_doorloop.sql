-- Zaken: doorloop_dagen, the days from the first conversation to the end of the zaak (-1 while open or
-- without a first conversation), written when a zaak changes; the indicators of Wgs art. 4 lid 3 add
-- them up per year in SQL instead of reading every zaak. Filled here for the zaken that exist.
ALTER TABLE zaken_zaak ADD COLUMN doorloop_dagen INTEGER NOT NULL DEFAULT -1;
UPDATE zaken_zaak SET doorloop_dagen = (CAST(einde AS DATE) - CAST(eerste_gesprek AS DATE))
    WHERE einde <> '' AND eerste_gesprek <> '' AND einde >= eerste_gesprek;
-- Covering indexes of the three grouped queries of the indicators (first conversations, decisions, ends).
CREATE INDEX zaken_zaak_ind_gesprek ON zaken_zaak (gemeente, eerste_gesprek_deadline, crisis, eerste_gesprek, status);
CREATE INDEX zaken_zaak_ind_besluit ON zaken_zaak (gemeente, besluit_deadline, besluit_datum, status);
CREATE INDEX zaken_zaak_ind_einde ON zaken_zaak (gemeente, einde, status, doorloop_dagen);
