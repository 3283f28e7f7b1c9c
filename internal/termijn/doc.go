// Package termijn is the one calendar for legal terms in Zeker: over the calendar date of internal/datum, the
// days that are not working days, and the end of a term counted in working days, calendar days or weeks
// under the Algemene termijnenwet (Atw, BWBR0002448). Vroegsignalering (internal/signalen), zaken
// (internal/zaken) and, later, aanvragen all count their deadlines here, so a holiday or an equated day
// is one fact in one place.
//
// # What is not a working day
//
// A working day is a day that is not a Saturday, not a Sunday and not an algemeen erkende feestdag
// (Atw art. 3): Nieuwjaarsdag, tweede Paasdag, tweede Pinksterdag, both Kerstdagen, Hemelvaartsdag,
// Koningsdag (the day the King's birthday is celebrated: 27 April, or 26 April when the 27th is a
// Sunday) and 5 May, every year (lid 1 names "de vijfde mei" without condition); Goede Vrijdag (lid 2);
// and the days the Crown equated with them by a decree published in the Staatscourant (lid 3).
//
// # Equated days: dated data with their source
//
// Decision (issue 17, for signalen and zaken alike): the equated days of Atw art. 3 lid 3 ARE counted,
// from dated data with the Staatscourant publication of each decree (gelijkgesteld.go). Why: the Atw
// makes them holidays "voor de toepassing van deze wet", so a legal term that ends on one ends on the
// next working day, and a resident's own term (bezwaar, later in aanvragen) must never be shown shorter
// than the law gives. A municipality that wants to be faster than the law sets a stricter term of its
// own (zaken settings); the legal calendar stays the law's. The decrees cover a few years ahead;
// GelijkgesteldBekendTot says until when. After that date no equated days are known, the calendar counts
// without them (the earlier, stricter end for the college) and the server logs a warning at start, so the
// next decree is added as data (one line per day, with its Staatscourant number).
//
// Before this decision vroegsignalering left equated days out; its 3-working-day crisis deadline now
// moves one working day when the term spans 2 January 2026, 15 May 2026, 7 May 2027, 28 April 2028 or
// 26 May 2028.
//
// # Ends of terms (Atw arts. 1, 2 and 4)
//
// Bereken computes the last day of a term that starts after a given day (the day of the request or the
// receipt does not count, as "binnen vier weken nadat" reads). A term in working days ends on the n-th
// working day. A term in calendar days or weeks ends n days later; when that day is a Saturday, Sunday
// or holiday it is extended to the next working day (art. 1 lid 1), and a term of at least three days is
// extended until it contains at least two working days (art. 2). Terms of more than 90 days or more than
// twelve weeks are not changed (art. 4 onder a). The reason of every extension is returned with the
// article, so a page can show it.
//
// Times are Europe/Amsterdam (Zone): the day of a moment is its date there. The binary embeds the time
// zone data (cmd/zeker imports time/tzdata), so a host without zoneinfo computes the same days.
package termijn
