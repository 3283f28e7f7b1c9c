package zaken_test

import (
	"errors"
	"testing"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestSchuldenEnBudget: debts and budget posts are entered with their fields checked, totals leave out
// repaid debts, the status and stabilisation change, and a closed zaak takes no new debts.
func TestSchuldenEnBudget(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-10 09:00"), 1, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: o.recs["GM1681"][0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-10 08:00")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			v := 1
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
				v++
			}
			must(o.svc.VoegSchuldToe(ctx, "GM1681", id, v, zaken.Schuld{Schuldeiser: "Woonstichting Test", Bedrag: geld.MustParse("1.250,00"), Soort: zaken.SchuldHuur}, consulent))
			must(o.svc.VoegSchuldToe(ctx, "GM1681", id, v, zaken.Schuld{Schuldeiser: "CJIB", Bedrag: geld.MustParse("90"), Soort: zaken.SchuldCJIB, Status: zaken.SchuldBevestigd}, consulent))
			must(o.svc.VoegBudgetpostToe(ctx, "GM1681", id, v, zaken.Budgetpost{Inkomen: true, Omschrijving: "Loon", Bedrag: geld.MustParse("1800")}, consulent))
			must(o.svc.VoegBudgetpostToe(ctx, "GM1681", id, v, zaken.Budgetpost{Omschrijving: "Huur", Bedrag: geld.MustParse("725,50")}, consulent))
			for _, tc := range []struct {
				sc   zaken.Schuld
				veld string
			}{
				{zaken.Schuld{Bedrag: 100, Soort: zaken.SchuldHuur}, "schuldeiser"},
				{zaken.Schuld{Schuldeiser: "X", Soort: zaken.SchuldHuur}, "schuld-bedrag"},
				{zaken.Schuld{Schuldeiser: "X", Bedrag: 100, Soort: "casino"}, "schuld-soort"},
			} {
				if err := o.svc.VoegSchuldToe(ctx, "GM1681", id, v, tc.sc, consulent); veldVan(err) != tc.veld {
					t.Errorf("%+v: %v, want fout bij %s", tc.sc, err, tc.veld)
				}
			}
			det, err := o.svc.Zaak(ctx, "GM1681", id)
			if err != nil {
				t.Fatal(err)
			}
			ov := det.Overzicht
			if len(ov.Schulden) != 2 || ov.TotaalSchuld != geld.MustParse("1340") || ov.Inkomen != geld.MustParse("1800") || ov.Saldo() != geld.MustParse("1.074,50") {
				t.Fatalf("overzicht %+v saldo %s", ov, ov.Saldo())
			}
			must(o.svc.ZetSchuldStatus(ctx, "GM1681", id, v, ov.Schulden[1].ID, zaken.SchuldAfgelost, false, consulent))
			must(o.svc.ZetSchuldStatus(ctx, "GM1681", id, v, ov.Schulden[0].ID, zaken.SchuldRegeling, true, consulent))
			det, _ = o.svc.Zaak(ctx, "GM1681", id)
			if det.Overzicht.TotaalSchuld != geld.MustParse("1250") || det.Overzicht.Gestabiliseerd != 1 {
				t.Errorf("na status: %+v", det.Overzicht)
			}
			must(o.svc.Beeindig(ctx, "GM1681", id, v, zaken.RedenZelf, d("2026-03-10"), "Zelf opgelost.", consulent))
			if err := o.svc.VoegSchuldToe(ctx, "GM1681", id, v, zaken.Schuld{Schuldeiser: "X", Bedrag: 100, Soort: zaken.SchuldHuur}, consulent); !errors.Is(err, zaken.ErrStatus) {
				t.Errorf("schuld bij gesloten zaak: %v", err)
			}
		})
	}
}
