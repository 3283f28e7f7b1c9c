// Package zaken is debt help (schuldhulpverlening, Wet gemeentelijke schuldhulpverlening, Wgs BWBR0031331)
// for a household: the zaak from its start to its end, its legal deadlines, the decision, and one plan
// and one regisseur per household, with a timeline of everything that happened. Also: the resident's own
// online request (online.go), the waiting list (wachtlijst.go), nazorg by a partner and the
// terugvalgarantie (nazorg.go), teams (team.go), the indicators of Wgs art. 4 lid 3 (indicatoren.go) and
// the debt overview with the monthly budget (schulden.go), the decision letters of each beschikking made
// with internal/brief and stored with the zaak (brieven.go), and the route steps (Bbz, ROZ referral,
// moratorium of Wgs art. 5) with the statushouder marker (stappen.go). No HTTP: the pages are internal/web/zakenweb.
//
// # One word per concept
//
// A zaak (this package, Zaak) is a household's request for debt help: it has the Wgs deadlines, a
// beschikking and a plan. A vroegsignaalzaak (internal/signalen, signalen.Zaak; DDAS "Vroegsignaalzaak")
// groups a household's arrears signals to make an offer of help (Wgs art. 3 lid 1 onder b). They stay
// separate, with a link: a vroegsignaalzaak that the resident accepts starts a zaak with kanaal
// "vroegsignalering" (Zaak.VroegsignaalzaakID), and its signals come along (Zaak.Signalen). Why separate:
// another legal task and data basis (art. 8b against 8a), another national model (DDAS Vroegsignaalzaak
// against Schuldhulptraject), another retention, and most vroegsignaalzaken never become a zaak. "Route"
// in this package is the kind of help (schuldhulp, ondernemers), never where a zaak came from; that is
// its Kanaal.
//
// # Deadlines (Wgs arts. 4 and 4a)
//
//   - First conversation: within 4 weeks after the resident turned to the college (art. 4 lid 1 onder a),
//     or after the college received the signal when the resident accepted its offer (lid 1 onder b: the
//     term runs from the receipt, the acceptance is its condition); within 3 working days in a bedreigende
//     situatie: forced eviction, ending of the supply of gas, electricity, district heating or water,
//     termination of the health insurance (lid 2).
//   - Decision (beschikking): within the term of the municipal verordening after the first conversation,
//     at most 8 weeks (art. 4a lid 3; lid 1: plan van aanpak or weigering). None when the resident says in
//     the first conversation that they forgo further help (lid 2). Early termination needs a
//     beëindigingsbeschikking with its reason (lid 6).
//
// A gemeente may set a stricter local term, in working days, calendar days or weeks (Instellingen); a
// local term that is longer than the law's is shown beside it and the law's applies: the stricter wins,
// and the zaak says which and why. Terms are counted by internal/termijn (Algemene termijnenwet). The
// deadlines are stored when computed and recomputed when a setting changes (and daily, for calendar data).
//
// # Refusal grounds (Wgs art. 3)
//
// The law names earlier use of debt help (lid 2) and fraud with an irrevocable conviction or punitive
// sanction (lid 3) as grounds the college may use, and excludes a foreigner without lawful residence
// (lid 4). A gemeente allows a subset (Ommen: only the lack of lawful residence); a refusal on a ground
// the gemeente does not allow is refused. Lid 4 cannot be switched off: it is not a choice of the college.
//
// # Privacy
//
// Every read and change of a zaak is written to the processing log (internal/audit), activity
// "zaken.behandelen": one row per view or change with the BSNs of the household's persons (hashed), the
// worklist as one list row. Retention per end status (months after closing, a setting of the gemeente)
// is enforced by the daily job JobBewaartermijn; a gemeente that has not set a term keeps its closed
// zaken and the pages say so (no term is invented: none was found in the law, see docs/zaken.md).
package zaken
