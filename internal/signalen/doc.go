// Package signalen is vroegsignalering for Zeker: arrears signals from signaalpartners (landlords,
// energy and water companies, health insurers) taken in, checked, matched to a resident and household,
// grouped into one vroegsignaalzaak per household per matching period, worked by a case worker
// (contact attempts, outcome), fed back to the partner, kept no longer than the gemeente's retention
// term, and reported in the national DDAS vocabulary (subpackage ddas).
//
// This package is the pure domain: no I/O. Storage is in signalen/opslag; the HTTP API in
// internal/apiv1; the CBS export in signalen/ddas.
//
// # Vocabulary
//
// Partner types, signal statuses, outcomes, contact kinds and dagdelen are the DDAS vroegsignalering
// v1.2 enums, with the exact strings of the national schema (a test compares them).
//
// # Batch rule
//
// A delivery holds at most MaxBatch (50,000) signals. Every signal is checked on its own (BSN
// 11-proef, postcode 1234AB, dates not after today, amount ≥ 0, known partner type, BSN or postcode +
// huisnummer present). The valid signals of a batch are accepted and stored together in ONE
// transaction; the invalid ones are refused and returned with their index, field and reason, and
// nothing of them is stored. If storing fails, nothing of the batch is stored. A partner corrects and
// re-sends the refused signals (or the whole batch): re-delivery is idempotent on (partner,
// referentie), so signals already accepted are not stored twice. A reference that appears twice in
// one batch is refused the second time.
//
// # Matching and grouping
//
// A signal is matched by BSN, else by postcode + huisnummer + toevoeging (exact), through a Zoeker the
// caller supplies. Unmatched signals are kept, grouped by their own address, and reported. See
// Groepeerder.Plaats for the rules that close signals as "onterecht" (below the drempelbedrag or
// outside the arrears window) or "herhaalde melding", and for enkelvoudig / meervoudig / opeenvolgend.
// Crisis signals are never closed by those rules. A zaak holds the signals of at most
// Instellingen.MaxInwonersPerAdres residents: a signal about one more resident gets a zaak of its own and
// both are marked for review (Zaak.Beoordelen) instead of being merged silently.
//
// # Deadlines
//
// A crisis signal (Wgs art. 4 lid 2) gets a deadline of 3 working days after receipt; working days
// exclude weekends and the holidays of the Algemene termijnenwet (internal/termijn, the calendar it
// shares with zaken; equated days included). Other zaken show
// the days since receipt.
//
// # Feedback
//
// A partner learns only "opgepakt", "niet opgepakt" or "nog niet opgepakt" (no decision yet) per
// signal — never the reason.
package signalen
