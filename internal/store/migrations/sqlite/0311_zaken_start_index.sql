-- Zaken: a covering index for the zaken started per day and those marked statushouder or inburgeraar
-- (zaken.Service.StatushoudersPerJaar, read on every view of the zaken page): grouped per day in index
-- order instead of a scan of the whole table.
CREATE INDEX zaken_zaak_ind_start ON zaken_zaak (gemeente, startdatum, statushouder);
