-- The monitor's referral counts (internal/netwerk verwijzing_cijfers*.go) from the referral row alone:
-- what the counts need of the history is kept on the row when it changes (netwerk.Service.Beantwoord):
--   eerste_antwoord         'geaccepteerd' or 'afgewezen' (the first answer; the loop allows only those two
--                           after 'verstuurd', each once), '' while unanswered;
--   werkdagen_tot_antwoord  the working days after the day sent up to and including the day of the first
--                           answer (Europe/Amsterdam, internal/termijn), -1 while unanswered;
--   hulp_gestart            1 when the history has a 'hulp_gestart' row.
ALTER TABLE netwerk_verwijzing ADD COLUMN eerste_antwoord TEXT NOT NULL DEFAULT '';
ALTER TABLE netwerk_verwijzing ADD COLUMN werkdagen_tot_antwoord INTEGER NOT NULL DEFAULT -1;
ALTER TABLE netwerk_verwijzing ADD COLUMN hulp_gestart INTEGER NOT NULL DEFAULT 0;
-- Filled from the history for the referrals that exist. The working days need the day in
-- Europe/Amsterdam and the holiday calendar of internal/termijn, which SQL does not have: they are marked
-- -2 here and computed in Go (netwerk vulWerkdagenAan, before the first count of the gemeente).
UPDATE netwerk_verwijzing SET eerste_antwoord = COALESCE((SELECT s.status FROM netwerk_verwijzing_status s
    WHERE s.gemeente = netwerk_verwijzing.gemeente AND s.verwijzing_id = netwerk_verwijzing.id
      AND s.status IN ('geaccepteerd', 'afgewezen') ORDER BY s.op, s.id LIMIT 1), '');
UPDATE netwerk_verwijzing SET werkdagen_tot_antwoord = -2 WHERE eerste_antwoord <> '';
UPDATE netwerk_verwijzing SET hulp_gestart = 1 WHERE EXISTS (SELECT 1 FROM netwerk_verwijzing_status s
    WHERE s.gemeente = netwerk_verwijzing.gemeente AND s.verwijzing_id = netwerk_verwijzing.id AND s.status = 'hulp_gestart');
-- The referrals whose working days are still to be computed (none once filled).
CREATE INDEX netwerk_verwijzing_werkdagen_open ON netwerk_verwijzing (werkdagen_tot_antwoord) WHERE werkdagen_tot_antwoord = -2;
-- Covering index of the grouped count (PostgreSQL groups it in a hash): one gemeente, direction and
-- period, with every column the count groups on. It replaces netwerk_verwijzing_monitor (0905), its prefix.
DROP INDEX netwerk_verwijzing_monitor;
CREATE INDEX netwerk_verwijzing_cijfers ON netwerk_verwijzing (gemeente, richting, aangemaakt)
    INCLUDE (partner_id, behoefte, eerste_antwoord, werkdagen_tot_antwoord, hulp_gestart, ingetrokken);
