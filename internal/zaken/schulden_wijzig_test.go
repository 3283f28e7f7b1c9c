package zaken_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// tijdlijnBevat reports whether a timeline line of the zaak's household contains tekst.
func tijdlijnBevat(t *testing.T, o omgeving, gm string, id int64, soort, tekst string) bool {
	t.Helper()
	det, err := o.svc.Zaak(metActor(t.Context()), gm, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range det.Tijdlijn {
		if g.Soort == soort && strings.Contains(g.Tekst, tekst) {
			return true
		}
	}
	return false
}

// TestSchuldEnPostWijzigenEnWeghalen: a debt and a budget post change with every field checked at its
// field, a stale form is refused (ErrVerouderd) and a form that changes nothing too; the timeline says
// what changed from what; removal needs a reason, leaves the row out of the overview, the totals and
// the CSV export, and keeps the timeline lines; every change is an audit row.
func TestSchuldEnPostWijzigenEnWeghalen(t *testing.T) {
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
			det, _ := o.svc.Zaak(ctx, "GM1681", id)
			huur, cjib := det.Overzicht.Schulden[0].ID, det.Overzicht.Schulden[1].ID
			var loon, huurpost int64
			for _, p := range det.Overzicht.Budget {
				if p.Inkomen {
					loon = p.ID
				} else {
					huurpost = p.ID
				}
			}
			goed := zaken.Schuld{Schuldeiser: "Woonstichting Test", Bedrag: geld.MustParse("1.310,20"), Soort: zaken.SchuldHuur, Status: zaken.SchuldBevestigd, Gestabiliseerd: true}
			for _, tc := range []struct {
				sc   zaken.Schuld
				veld string
			}{
				{zaken.Schuld{Bedrag: 100, Soort: zaken.SchuldHuur, Status: zaken.SchuldBekend}, "wijzig-schuldeiser"},
				{zaken.Schuld{Schuldeiser: strings.Repeat("x", 201), Bedrag: 100, Soort: zaken.SchuldHuur, Status: zaken.SchuldBekend}, "wijzig-schuldeiser"},
				{zaken.Schuld{Schuldeiser: "X", Bedrag: 0, Soort: zaken.SchuldHuur, Status: zaken.SchuldBekend}, "wijzig-schuld-bedrag"},
				{zaken.Schuld{Schuldeiser: "X", Bedrag: zaken.MaxBedrag + 1, Soort: zaken.SchuldHuur, Status: zaken.SchuldBekend}, "wijzig-schuld-bedrag"},
				{zaken.Schuld{Schuldeiser: "X", Bedrag: 100, Soort: "casino", Status: zaken.SchuldBekend}, "wijzig-schuld-soort"},
				{zaken.Schuld{Schuldeiser: "X", Bedrag: 100, Soort: zaken.SchuldHuur, Status: "weg"}, "wijzig-schuld-status"},
				{zaken.Schuld{Schuldeiser: "Woonstichting Test", Bedrag: geld.MustParse("1250"), Soort: zaken.SchuldHuur, Status: zaken.SchuldBekend}, "wijzig-schuldeiser"}, // nothing changed
			} {
				if err := o.svc.WijzigSchuld(ctx, "GM1681", id, v, huur, tc.sc, consulent); veldVan(err) != tc.veld {
					t.Errorf("%+v: %v, want fout bij %s", tc.sc, err, tc.veld)
				}
			}
			if err := o.svc.WijzigSchuld(ctx, "GM1681", id, v-1, huur, goed, consulent); !errors.Is(err, zaken.ErrVerouderd) {
				t.Errorf("verouderd formulier: %v", err)
			}
			if err := o.svc.WijzigSchuld(ctx, "GM1681", id, v, 999999, goed, consulent); !errors.Is(err, zaken.ErrNietGevonden) {
				t.Errorf("onbekende schuld: %v", err)
			}
			must(o.svc.WijzigSchuld(ctx, "GM1681", id, v, huur, goed, consulent))
			if !tijdlijnBevat(t, o, "GM1681", id, "schuld-gewijzigd", "bedrag € 1.250,00 → € 1.310,20; stand bekend, bedrag nog niet bevestigd → bevestigd door de schuldeiser; gestabiliseerd nee → ja") {
				t.Error("tijdlijn van de wijziging")
			}
			if err := o.svc.VerwijderSchuld(ctx, "GM1681", id, v, cjib, "  ", consulent); veldVan(err) != "schuld-weg-reden" {
				t.Errorf("weghalen zonder reden: %v", err)
			}
			must(o.svc.VerwijderSchuld(ctx, "GM1681", id, v, cjib, "Dubbel ingevoerd.", consulent))
			if err := o.svc.VerwijderSchuld(ctx, "GM1681", id, v, cjib, "Nog eens.", consulent); !errors.Is(err, zaken.ErrNietGevonden) {
				t.Errorf("twee keer weghalen: %v", err)
			}
			if err := o.svc.ZetSchuldStatus(ctx, "GM1681", id, v, cjib, zaken.SchuldAfgelost, false, consulent); !errors.Is(err, zaken.ErrNietGevonden) {
				t.Errorf("stand van een weggehaalde schuld: %v", err)
			}
			// Budget posts.
			if err := o.svc.WijzigBudgetpost(ctx, "GM1681", id, v, loon, zaken.Budgetpost{Inkomen: true, Omschrijving: "", Bedrag: 100}, consulent); veldVan(err) != "wijzig-post-omschrijving" {
				t.Errorf("post zonder omschrijving: %v", err)
			}
			if err := o.svc.WijzigBudgetpost(ctx, "GM1681", id, v, loon, zaken.Budgetpost{Inkomen: true, Omschrijving: "Loon", Bedrag: -5}, consulent); veldVan(err) != "wijzig-post-bedrag" {
				t.Errorf("negatief bedrag: %v", err)
			}
			if err := o.svc.WijzigBudgetpost(ctx, "GM1681", id, v, loon, zaken.Budgetpost{Inkomen: true, Omschrijving: "Loon", Bedrag: geld.MustParse("1800")}, consulent); veldVan(err) != "wijzig-post-omschrijving" {
				t.Errorf("niets veranderd: %v", err)
			}
			must(o.svc.WijzigBudgetpost(ctx, "GM1681", id, v, loon, zaken.Budgetpost{Inkomen: true, Omschrijving: "Loon", Bedrag: geld.MustParse("1950")}, consulent))
			if err := o.svc.VerwijderBudgetpost(ctx, "GM1681", id, v, huurpost, "", consulent); veldVan(err) != "post-weg-reden" {
				t.Errorf("post weghalen zonder reden: %v", err)
			}
			must(o.svc.VerwijderBudgetpost(ctx, "GM1681", id, v, huurpost, "Huur loopt via bewindvoerder.", consulent))
			det, _ = o.svc.Zaak(ctx, "GM1681", id)
			ov := det.Overzicht
			if len(ov.Schulden) != 1 || ov.Schulden[0].Bedrag != geld.MustParse("1310,20") || !ov.Schulden[0].Gestabiliseerd || ov.TotaalSchuld != geld.MustParse("1310,20") {
				t.Errorf("schulden na wijzigen en weghalen: %+v", ov)
			}
			if len(ov.Budget) != 1 || ov.Inkomen != geld.MustParse("1950") || ov.Lasten != 0 || ov.Saldo() != geld.MustParse("1950") {
				t.Errorf("budget na wijzigen en weghalen: %+v", ov)
			}
			ex, err := o.svc.SchuldenExport(ctx, "GM1681", id)
			if err != nil || len(ex.Schulden) != 1 || ex.Schulden[0].Schuldeiser != "Woonstichting Test" {
				t.Errorf("export na weghalen: %+v %v", ex.Schulden, err)
			}
			for soort, tekst := range map[string]string{"schuld-verwijderd": "Schuld bij CJIB (€ 90,00, Boetes (CJIB)) uit het overzicht gehaald. Reden: Dubbel ingevoerd.",
				"budget-gewijzigd": "bedrag € 1.800,00 → € 1.950,00 per maand", "budget-verwijderd": "Reden: Huur loopt via bewindvoerder.",
				"schuld": "Schuld toegevoegd: CJIB"} {
				if !tijdlijnBevat(t, o, "GM1681", id, soort, tekst) {
					t.Errorf("tijdlijn %s: %q ontbreekt", soort, tekst)
				}
			}
			for _, op := range []string{"zaak.schuld-gewijzigd", "zaak.schuld-verwijderd", "zaak.budget-gewijzigd", "zaak.budget-verwijderd"} {
				if rs := o.auditRijen(t, "GM1681", audit.Filter{Operatie: op}); len(rs) != 1 || rs[0].Actie != audit.Wijzigen {
					t.Errorf("audit %s: %d rijen", op, len(rs))
				}
			}
			// The removed row is kept with who, when and why.
			var door, reden string
			if err := o.db.SQL().QueryRowContext(ctx, `SELECT verwijderd_door, verwijderd_reden FROM zaken_schuld WHERE id = $1 AND verwijderd IS NOT NULL`, cjib).Scan(&door, &reden); err != nil || door != consulent.Naam || reden != "Dubbel ingevoerd." {
				t.Errorf("weggehaalde rij: %q %q %v", door, reden, err)
			}
			must(o.svc.Beeindig(ctx, "GM1681", id, v, zaken.RedenZelf, d("2026-03-10"), "Zelf opgelost.", consulent))
			if err := o.svc.WijzigSchuld(ctx, "GM1681", id, v, huur, zaken.Schuld{Schuldeiser: "Y", Bedrag: 1, Soort: zaken.SchuldHuur, Status: zaken.SchuldBekend}, consulent); !errors.Is(err, zaken.ErrStatus) {
				t.Errorf("wijzigen op gesloten zaak: %v", err)
			}
			if err := o.svc.VerwijderBudgetpost(ctx, "GM1681", id, v, loon, "x", consulent); !errors.Is(err, zaken.ErrStatus) {
				t.Errorf("weghalen op gesloten zaak: %v", err)
			}
		})
	}
}
