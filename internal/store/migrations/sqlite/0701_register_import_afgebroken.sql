-- Issue 14, defect 6: versions before this one committed an import's record as 'bezig' before its data
-- transaction, so a killed import left it 'bezig' forever. The record is now written in the data
-- transaction; a record still 'bezig' is one such leftover: its data was never committed.

UPDATE register_import
SET status = 'afgebroken',
    melding = 'onderbroken: het proces stopte voordat de import was afgerond (een versie van vóór migratie 0701); de huishoudens zijn niet of helemaal opgeslagen, nooit half'
WHERE status = 'bezig';
