-- Scan (internal/scan): the ambtshalve proposals are listed in the aanvragen inbox, oldest (or newest) first,
-- per status and optionally per regeling, 50 a page (scan.VoorstellenInbox). Without these indexes a page
-- sorted 20,000 open proposals (0.2–0.5 s on SQLite, BenchmarkVoorstellenInbox); with them a page is an
-- index range.
DROP INDEX scan_voorstel_status;
CREATE INDEX scan_voorstel_status ON scan_voorstel (gemeente, status, regeling, gemaakt, id);
CREATE INDEX scan_voorstel_wachtrij ON scan_voorstel (gemeente, status, gemaakt, id);
