// Package regels is the rules engine of Zeker: it loads a gemeente's rule pack (YAML, written so a
// policy officer can read it), compiles it once, and evaluates households against it.
//
// Every outcome per regeling is three-valued — recht, geen recht or onzeker — because an unknown fact
// must never silently become "no". Each outcome carries an amount in euro cents or "unknown" (the
// resident is told "vraag de gemeente" rather than shown an invented number), the questions whose
// answers would settle it, and on request a trace: per criterion its kind, its outcome, what is said
// about it as data (message keys with the actual numbers), the unknown facts and the legal source. One
// catalogue per language (teksten/<taal>.json, voices resident and intermediary) words that data into
// B1 sentences; see teksten.go. A receipt (engine version, rule-pack content hash,
// reference date) makes each result reproducible.
//
// The hot path is Pakket.EvalueerFeiten: facts are derived from a household once (Afleiden), and a
// compiled pack is evaluated against them without allocating. The trace is built only by Verklaar.
//
// The pack format is documented in docs/regelpakket.md. National parameters (bijstandsnormen,
// vermogensgrenzen, AOW-leeftijd) come from package nl.
package regels
