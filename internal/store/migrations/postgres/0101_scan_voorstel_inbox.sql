-- Scan (internal/scan): the ambtshalve proposals are listed in the aanvragen inbox, oldest (or newest) first,
-- per status and optionally per regeling or village, 50 a page (scan.VoorstellenInbox). The village of the
-- household at the scan is stored with the proposal (as its trace and receipt are), so the village filter is
-- an index range too. Proposals made before this migration have none (''; shown as unknown): the household
-- table is named differently before and after 0700, so no backfill here. Without these indexes a page
-- sorted 20,000 open proposals (0.2–0.5 s on SQLite, BenchmarkVoorstellenInbox).
ALTER TABLE scan_voorstel ADD COLUMN woonplaats TEXT NOT NULL DEFAULT '';
DROP INDEX scan_voorstel_status;
CREATE INDEX scan_voorstel_status ON scan_voorstel (gemeente, status, regeling, gemaakt, id);
CREATE INDEX scan_voorstel_wachtrij ON scan_voorstel (gemeente, status, gemaakt, id);
CREATE INDEX scan_voorstel_woonplaats ON scan_voorstel (gemeente, status, woonplaats, gemaakt, id);
