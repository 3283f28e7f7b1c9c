-- Zaken: a debt, a budget post or a route step recorded by mistake is removed softly: the row stays with
-- who removed it, when and why (verwijderd NULL = current); the overview, the CSV, the step list and the
-- worklist's step filter leave removed rows out, the timeline keeps the lines of what happened.
-- The outcome of a route step: uitkomst ('toegekend'/'afgewezen' for Bbz, 'aangenomen'/'niet-aangenomen'
-- for ROZ, 'toegewezen'/'afgewezen' for the court's ruling on a moratorium request), its date, and for a
-- granted moratorium the last day of the afkoelingsperiode (Wgs art. 5: at most six months).
ALTER TABLE zaken_schuld ADD COLUMN verwijderd TIMESTAMP;
ALTER TABLE zaken_schuld ADD COLUMN verwijderd_door TEXT NOT NULL DEFAULT '';
ALTER TABLE zaken_schuld ADD COLUMN verwijderd_reden TEXT NOT NULL DEFAULT '';

ALTER TABLE zaken_budgetpost ADD COLUMN verwijderd TIMESTAMP;
ALTER TABLE zaken_budgetpost ADD COLUMN verwijderd_door TEXT NOT NULL DEFAULT '';
ALTER TABLE zaken_budgetpost ADD COLUMN verwijderd_reden TEXT NOT NULL DEFAULT '';

ALTER TABLE zaken_stap ADD COLUMN verwijderd TIMESTAMP;
ALTER TABLE zaken_stap ADD COLUMN verwijderd_door TEXT NOT NULL DEFAULT '';
ALTER TABLE zaken_stap ADD COLUMN verwijderd_reden TEXT NOT NULL DEFAULT '';
ALTER TABLE zaken_stap ADD COLUMN uitkomst TEXT NOT NULL DEFAULT '';
ALTER TABLE zaken_stap ADD COLUMN uitkomst_datum TEXT NOT NULL DEFAULT '';
ALTER TABLE zaken_stap ADD COLUMN afkoeling_tot TEXT NOT NULL DEFAULT '';
ALTER TABLE zaken_stap ADD COLUMN uitkomst_toelichting TEXT NOT NULL DEFAULT '';
ALTER TABLE zaken_stap ADD COLUMN uitkomst_door TEXT NOT NULL DEFAULT '';
