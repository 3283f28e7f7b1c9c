// Package scan is the population scan: it evaluates every household of a gemeente's register
// (register.Populatie) against the gemeente's rule pack at a reference date, in parallel over all
// cores, and counts per regeling who is entitled, who is not, who is uncertain and who already
// receives it — in total and per target group (leefvorm, income source, age, woonplaats). From that
// it gives reach and non-take-up with the yearly amount involved (Uitslag, Telling), the outreach list
// of entitled non-users with a B1 reason per household (Bereiklijst, SchrijfBereiklijstCSV), a stored
// summary without household ids (Samenvatting, table scan_run) and the scan job (JobScan).
//
// The ambtshalve proposals are here too (Voorstel, MaakVoorstellen, Beslis, BeslisTx, VoorstellenInbox;
// table scan_voorstel): an entitled non-user of a regeling that may be granted without application
// becomes a proposal. It is judged in the aanvragen inbox: the composition root lists the proposals with
// VoorstellenInbox and approves one with BeslisTx in the transaction that makes its application
// (docs/aanvragen.md "Ambtshalve").
//
// The households themselves, their import and their storage are package register; the synthetic
// population is package synth. Only the scan's web pages and cmd/zeker importeer this package
// (TestAlleenDeScanImporteertScan).
package scan
