// Package synth is Zeker's one generator of synthetic data, for the demo, tests and benchmarks:
//
//   - households (Genereer): a gemeente's population calibrated to the figures of its own policy plans
//     (Profiel, docs/populatie.md), in the gemeente's villages, each household with a synthetic postcode
//     (Adres of its number), loaded into the household register by LaadDemo or an ordinary import;
//   - residents (Bewoners): the persons of those households with their BSN, the household's address and
//     village, birth date and minor children, as vroegsignalering matches them (Index);
//   - arrears signals (Signalen) about adult residents, with their BSN and address, so that a signal,
//     the resident and the household agree.
//
// Populatie is the fast form without households or rule pack (one resident per invented address) for
// tests and benchmarks that need tens of thousands of residents; it uses the same BSN list and address
// scheme. Synthetic data only: every BSN comes from the range the BRP reserves for test persons (9999…,
// valid under the 11-proef, BSNs), streets are "Teststraat", persons are "Testpersoon", and the village
// names are public place names of the gemeente. It replaces signalen/synth, which made residents that
// belonged to no household.
package synth
