-- Zaken: the terugvalgarantie. terugval_maanden: within this many months after a zaak was completed
-- (afgerond), a resident who relapses gets the same zaak reopened with everything kept, without a new
-- application (0 = not set: no reopening), with the text it comes from. heropend counts the reopenings
-- of a zaak, heropend_op is the last one's day.
ALTER TABLE zaken_instellingen ADD COLUMN terugval_maanden INTEGER NOT NULL DEFAULT 0;
ALTER TABLE zaken_instellingen ADD COLUMN terugval_bron TEXT NOT NULL DEFAULT '';
ALTER TABLE zaken_zaak ADD COLUMN heropend INTEGER NOT NULL DEFAULT 0;
ALTER TABLE zaken_zaak ADD COLUMN heropend_op TEXT NOT NULL DEFAULT '';
