// Package aanvragen is the application of a resident for one or more regelingen of their gemeente, from
// the check result to the decision and its letter: which documents are still needed (only for the
// criteria the engine could not settle), the uploads (type checked by content, stored with the tenant),
// the reference and secret code with which the resident follows it without an account, the case
// worker's inbox with stored decision deadlines, the link to a household of the register (by BSN)
// before any decision, the decision per regeling with its motivation from the engine's trace, and the
// export of awarded amounts. No HTTP: the pages are internal/web/aanvraagweb; the letter is
// internal/brief.
//
// # Law
//
//   - Decision term: the term of a wettelijk voorschrift, else a reasonable term, which has in any case
//     passed eight weeks after receipt (Awb art. 4:13). A gemeente sets its own (Instellingen); the
//     deadline is computed once by internal/termijn (Algemene termijnenwet) and stored.
//   - Bezwaar: six weeks after the day the decision was made known (Awb arts. 6:7 and 6:8), stated in
//     every letter (internal/brief). The code stays valid until that term has passed plus a margin.
//
// # The secret code
//
// 128 random bits, written in Crockford's base32 in groups (ParseCode reads it back whatever the case,
// spaces or hyphens); only its SHA-256 is stored. A wrong code is recorded per application; after
// MaxPogingen wrong codes within PogingVenster the application refuses every code until the window
// has passed (ErrTeVaak), so guessing is bounded even though 128 bits already make it hopeless.
package aanvragen
