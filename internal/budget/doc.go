// Package budget is the money a gemeente hands out beside its regelingen: a budget per year per policy
// line (maatwerkbudget, noodfonds, Borger-Odoorn's impulsfinanciering of € 45.000 for its network), per
// fund run by a partner and per subsidy to a partner; requests against a budget (for a zaak and a
// household of the register, both optional) with their decision; what is committed and what remains;
// and the export of decisions per period for the financial administration. No HTTP: the pages are
// internal/web/budgetweb. The storage is here too (opslag: its queries, transactions and audit rows).
//
// # No amount without a source
//
// A budget always has a source (Budget.Bron: the paragraph of the plan, the council decision). Its
// amount is known only when a source gives it; otherwise Budget.Bedrag is nil and the pages say
// "onbekend", never € 0, and the remaining amount is unknown too.
//
// # Decisions
//
// A request is for an amount of money, or for goods or a voucher with their value (Aanvraag.Bedrag
// either way). It is awarded (toekennen) or refused (afwijzen), with a reason and who decided. An award
// above the gemeente's four-eyes amount (Instellingen.VierOgenVanaf) needs two people: the first award
// puts the request on "tweede"; only a different person completes it (or refuses it). A refusal needs
// one person: it spends nothing. A gemeente without a four-eyes amount has no four-eyes; the pages say so.
//
// # Never below zero
//
// An award that would take a budget below zero is refused (ErrTekort), in the same transaction as the
// award, by one conditional UPDATE of the budget's committed sum, so two awards at once cannot both
// pass on either engine. There is no override: the budget's amount must be raised first, which is a
// versioned, logged change of the budget by a beleidsmedewerker or beheerder. A budget whose amount is
// unknown cannot be checked: awards are recorded and counted, the remaining amount stays unknown, and
// the pages warn.
//
// # Concurrent edits
//
// Budgets, requests and the settings have a version; a change made from a form loaded before another
// change is refused (ErrVerouderd), never a silent overwrite.
//
// # Privacy and partners
//
// A request holds personal data (a household, a zaak, the reason): every read and change of a request,
// and every list or export of them, is a row in the processing log (internal/audit), activity
// "budget.behandelen". Budgets themselves hold no personal data. A budget stores the partner's id
// (partner_organisatie.id), never its name; Verhuis moves budgets when two partners are merged.
package budget
