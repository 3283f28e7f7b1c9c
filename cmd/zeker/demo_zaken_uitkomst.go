package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// The demo's later steps in a zaak, after demoZakenExtra made the debts, budgets and nazorg: a debt
// changed and one removed with its reason, the outcomes of route steps (a Bbz decision and a
// moratorium granted by the court with its afkoelingsperiode), nazorg ended early with a reason, and
// health data (Wgs art. 8a) on one zaak. Everything goes through zaken.Service, so the timeline and
// the audit rows are the ones a case worker's actions leave. Each zaak is logged with its number, so
// whoever runs the demo (and TestDemoEndToEnd) can open it.

// demoGezondheid is the demo's health data: clearly fictitious, and only what bears on the help.
var demoGezondheid = zaken.Gezondheid{Psychisch: true, LVB: true,
	Toelichting: "Fictief (demo): brieven samen doorlopen en afspraken op papier meegeven; liever geen telefonische afspraken."}

// demoZakenUitkomsten adds the later steps to the zaken of gm. A failure is logged and skipped.
func demoZakenUitkomsten(ctx context.Context, zk *zaken.Service, gm string, door zaken.Medewerker, log *slog.Logger) {
	warn := func(wat string, err error) bool {
		if err != nil {
			log.Warn("demo: zaken "+wat+" overgeslagen", "gemeente", gm, "fout", err)
		}
		return err != nil
	}
	plannen, _, err := zk.Werklijst(ctx, gm, zaken.Filter{Status: zaken.Plan, Limiet: 10})
	if warn("uitkomsten", err) || len(plannen) == 0 {
		return
	}
	vandaag := zk.Vandaag()

	// A debt changed (the creditor's confirmed amount) and one removed (entered twice), on the first plan.
	id := plannen[0].ID
	if !warn("schuld wijzigen", demoSchuldWijzigen(ctx, zk, gm, id, door)) {
		log.Info("demo: schuld gewijzigd en weggehaald", "gemeente", gm, "zaak", id)
	}

	// A moratorium: asked on the day the plan was decided, granted by the court today, afkoelingsperiode
	// as long as the law allows (six months from the ruling, Wgs art. 5).
	if !warn("moratorium", demoStapMetUitkomst(ctx, zk, gm, id, zaken.StapMoratorium,
		"Verzoek aan de rechtbank: de verhuurder dreigt met ontruiming (demo).",
		zaken.StapUitkomst{Uitkomst: zaken.MoratoriumToegewezen, Datum: vandaag, AfkoelingTot: zaken.LaatsteAfkoelingsdag(vandaag),
			Toelichting: "Beschikking van de rechtbank (demo); de schuldeisers zijn geïnformeerd."}, door)) {
		log.Info("demo: moratorium toegewezen", "gemeente", gm, "zaak", id, "afkoeling_tot", zaken.LaatsteAfkoelingsdag(vandaag).String())
	}

	// A Bbz decision on an open zaak of the route ondernemers (synth gives some; otherwise the resident's
	// own online request of an ondernemer from demoZakenExtra).
	ond, _, err := zk.Werklijst(ctx, gm, zaken.Filter{Route: zaken.Ondernemers, Limiet: 10})
	if !warn("bbz", err) && len(ond) > 0 {
		z := ond[0]
		for _, r := range ond {
			if r.Status == zaken.Plan {
				z = r
				break
			}
		}
		if !warn("bbz", demoStapMetUitkomst(ctx, zk, gm, z.ID, zaken.StapBbz, "Bbz aangevraagd voor het levensonderhoud.",
			zaken.StapUitkomst{Uitkomst: zaken.BbzToegekend, Datum: vandaag, Toelichting: "Bijstand voor levensonderhoud toegekend (demo)."}, door)) {
			log.Info("demo: bbz toegekend", "gemeente", gm, "zaak", z.ID)
		}
	}

	// Health data on the last zaak with a plan (fictitious marks, only what bears on the help).
	id = plannen[len(plannen)-1].ID
	if !warn("bijzondere gegevens", zk.ZetBijzondereGegevens(ctx, gm, id, 0, demoGezondheid, door)) {
		log.Info("demo: bijzondere gegevens vastgelegd", "gemeente", gm, "zaak", id)
	}
}

// demoSchuldWijzigen changes the energy debt of zaak id (the creditor confirmed a higher amount and a
// payment arrangement) and removes the telecom debt (entered twice).
func demoSchuldWijzigen(ctx context.Context, zk *zaken.Service, gm string, id int64, door zaken.Medewerker) error {
	det, err := zk.Zaak(ctx, gm, id)
	if err != nil {
		return err
	}
	var energie, telecom *zaken.Schuld
	for i, s := range det.Overzicht.Schulden {
		switch s.Soort {
		case zaken.SchuldEnergie:
			energie = &det.Overzicht.Schulden[i]
		case zaken.SchuldTelecom:
			telecom = &det.Overzicht.Schulden[i]
		}
	}
	if energie == nil || telecom == nil {
		return fmt.Errorf("zaak %d heeft de schulden van de demo niet", id)
	}
	v := det.Zaak.Versie
	nieuw := *energie
	nieuw.Bedrag, nieuw.Status, nieuw.Gestabiliseerd = geld.Euro(412), zaken.SchuldBevestigd, true
	if err := zk.WijzigSchuld(ctx, gm, id, v, energie.ID, nieuw, door); err != nil {
		return err
	}
	return zk.VerwijderSchuld(ctx, gm, id, v+1, telecom.ID,
		"Dubbel ingevoerd: deze vordering zit al in de schuld bij de energieleverancier (demo).", door)
}

// demoStapMetUitkomst records step st on zaak id (on the day the plan was decided, or the start) unless
// it is there without an outcome already, and records outcome u on it.
func demoStapMetUitkomst(ctx context.Context, zk *zaken.Service, gm string, id int64, st zaken.Stap, toelichting string, u zaken.StapUitkomst, door zaken.Medewerker) error {
	det, err := zk.Zaak(ctx, gm, id)
	if err != nil {
		return err
	}
	zoek := func(d zaken.Detail) int64 {
		for _, r := range d.Stappen {
			if r.Stap == st && r.Uitkomst == "" {
				return r.ID
			}
		}
		return 0
	}
	stap := zoek(det)
	if stap == 0 {
		op := det.Zaak.BesluitDatum
		if op.IsZero() {
			op = det.Zaak.Startdatum
		}
		if err := zk.LegStapVast(ctx, gm, id, det.Zaak.Versie, st, op, toelichting, door); err != nil {
			return err
		}
		if det, err = zk.Zaak(ctx, gm, id); err != nil {
			return err
		}
		if stap = zoek(det); stap == 0 {
			return fmt.Errorf("zaak %d: stap %s niet gevonden", id, st)
		}
	}
	return zk.LegUitkomstVast(ctx, gm, id, det.Zaak.Versie, stap, u, door)
}
