// Package synth makes synthetic data for the demo, tests and benchmarks: a gemeente's population of
// households (Genereer), calibrated per gemeente to the figures of its own policy plans (Profiel,
// docs/populatie.md), and loaded into the household register by LaadDemo. Synthetic data only: every
// BSN comes from the range the BRP reserves for test persons (9999…, valid under the 11-proef,
// TestBSNs), place names are the gemeente's public village names, and no person has a name.
package synth
