package zaken_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestBeslagvrijeVoetGegevens: the inputs of the beslagvrije voet are checked at their fields, stored
// for an open zaak only, guarded by the zaak's versie, read with the budget's income, logged (one read
// row, one change row), put on the timeline without amounts, not rewritten when unchanged, and deleted
// with the zaak by the retention job.
func TestBeslagvrijeVoetGegevens(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 2, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			recs := o.recs["GM1681"]
			id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: recs[0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:00")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			leeg, err := o.svc.BeslagvrijeVoet(ctx, "GM1681", id)
			if err != nil || leeg.Gegevens.Ingevuld() || leeg.HeeftInkomen || leeg.Zaak.Versie != 1 {
				t.Fatalf("leeg: %+v %v", leeg, err)
			}
			goed := zaken.BVVGegevens{Leefsituatie: nl.BVVAlleenstaande, Jaarinkomen: geld.Euro(35000)}
			for _, c := range []struct {
				veld string
				g    zaken.BVVGegevens
			}{
				{"bvv-leefsituatie", zaken.BVVGegevens{Jaarinkomen: geld.Euro(100)}},
				{"bvv-leefsituatie", zaken.BVVGegevens{Leefsituatie: 9, Jaarinkomen: geld.Euro(100)}},
				{"bvv-jaarinkomen", zaken.BVVGegevens{Leefsituatie: nl.BVVGehuwden, Jaarinkomen: -1}},
				{"bvv-jaarinkomen", zaken.BVVGegevens{Leefsituatie: nl.BVVGehuwden, Jaarinkomen: geld.Euro(10_000_000) + 1}},
				{"bvv-maandinkomen", zaken.BVVGegevens{Leefsituatie: nl.BVVGehuwden, Jaarinkomen: 0, Maandinkomen: -5}},
				{"bvv-maandinkomen", zaken.BVVGegevens{Leefsituatie: nl.BVVGehuwden, Maandinkomen: geld.Euro(1_000_000) + 1}},
			} {
				if err := o.svc.ZetBeslagvrijeVoet(ctx, "GM1681", id, 1, c.g, consulent); veldVan(err) != c.veld || !errors.Is(err, zaken.ErrOngeldig) {
					t.Errorf("%+v: %v, want veld %s", c.g, err, c.veld)
				}
			}
			// the bounds themselves are allowed
			if err := o.svc.ZetBeslagvrijeVoet(ctx, "GM1681", id, 1, zaken.BVVGegevens{Leefsituatie: nl.BVVGehuwdenMetKinderen, Jaarinkomen: geld.Euro(10_000_000),
				Maandinkomen: geld.Euro(1_000_000), GeenWoonadres: true}, consulent); err != nil {
				t.Fatalf("grenzen: %v", err)
			}
			if err := o.svc.ZetBeslagvrijeVoet(ctx, "GM1681", id, 1, goed, consulent); !errors.Is(err, zaken.ErrVerouderd) {
				t.Errorf("verouderd: %v", err)
			}
			if err := o.svc.ZetBeslagvrijeVoet(ctx, "GM1969", id, 2, goed, consulent); !errors.Is(err, zaken.ErrNietGevonden) {
				t.Errorf("andere gemeente: %v", err)
			}
			if _, err := o.svc.BeslagvrijeVoet(ctx, "GM1681", 999999); !errors.Is(err, zaken.ErrNietGevonden) {
				t.Errorf("onbekende zaak: %v", err)
			}
			if err := o.svc.ZetBeslagvrijeVoet(ctx, "GM1681", id, 2, goed, consulent); err != nil {
				t.Fatal(err)
			}
			// unchanged: nothing written, versie stays
			if err := o.svc.ZetBeslagvrijeVoet(ctx, "GM1681", id, 3, goed, consulent); err != nil {
				t.Fatal(err)
			}
			if err := o.svc.VoegBudgetpostToe(ctx, "GM1681", id, 3, zaken.Budgetpost{Inkomen: true, Omschrijving: "Loon", Bedrag: geld.Euro(2100)}, consulent); err != nil {
				t.Fatal(err)
			}
			b, err := o.svc.BeslagvrijeVoet(ctx, "GM1681", id)
			if err != nil {
				t.Fatal(err)
			}
			if g := b.Gegevens; g.Versie != 2 || g.Vraag() != goed.Vraag() || g.Door != consulent.Naam || g.Gewijzigd.IsZero() {
				t.Errorf("gelezen: %+v", g)
			}
			if !b.HeeftInkomen || b.Inkomen != geld.Euro(2100) || b.Zaak.Versie != 4 {
				t.Errorf("inkomen %s (%v), zaakversie %d", b.Inkomen, b.HeeftInkomen, b.Zaak.Versie)
			}
			det, err := o.svc.Zaak(ctx, "GM1681", id)
			if err != nil || det.BVV.Vraag() != goed.Vraag() {
				t.Fatalf("detail: %+v %v", det.BVV, err)
			}
			n := 0
			for _, g := range det.Tijdlijn {
				if g.Soort == "beslagvrije-voet" {
					n++
					if g.Tekst != "Gegevens voor de beslagvrije voet bijgewerkt." || strings.Contains(g.Tekst, "€") {
						t.Errorf("tijdlijn: %q", g.Tekst)
					}
				}
			}
			if n != 2 {
				t.Errorf("tijdlijnregels: %d, want 2 (de ongewijzigde keer niet)", n)
			}
			if rs := o.auditRijen(t, "GM1681", audit.Filter{Operatie: "zaak.beslagvrije-voet"}); len(rs) != 2 || rs[0].Actie != audit.Wijzigen {
				t.Errorf("wijzigrijen: %d", len(rs))
			}
			if n := len(o.auditRijen(t, "GM1681", audit.Filter{Operatie: "zaak.beslagvrije-voet.bekijken", BSN: eersteBSN(recs[0])})); n != 2 {
				t.Errorf("leesrijen met BSN: %d, want 2", n)
			}
			// closed: refused; then the retention job deletes the row with the zaak
			if err := o.svc.Beeindig(ctx, "GM1681", id, 4, zaken.RedenVerhuisd, d("2026-03-02"), "Verhuisd.", consulent); err != nil {
				t.Fatal(err)
			}
			if err := o.svc.ZetBeslagvrijeVoet(ctx, "GM1681", id, 5, zaken.BVVGegevens{Leefsituatie: nl.BVVGehuwden, Jaarinkomen: 1}, consulent); !errors.Is(err, zaken.ErrStatus) {
				t.Errorf("gesloten zaak: %v", err)
			}
			in, _ := o.svc.Instellingen(ctx, "GM1681")
			in.Bewaren = map[zaken.Status]int{zaken.Beeindigd: 1}
			if err := o.svc.ZetInstellingen(ctx, "GM1681", in); err != nil {
				t.Fatal(err)
			}
			var rijen int
			if err := o.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM zaken_beslagvrije_voet`).Scan(&rijen); err != nil || rijen != 1 {
				t.Fatalf("voor de bewaartermijn: %d rijen %v", rijen, err)
			}
			o.zet(op("2026-04-03 12:00"))
			if res, err := o.svc.Bewaar(ctx, "GM1681"); err != nil || res.Zaken != 1 {
				t.Fatalf("bewaar: %+v %v", res, err)
			}
			if err := o.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM zaken_beslagvrije_voet`).Scan(&rijen); err != nil || rijen != 0 {
				t.Errorf("na de bewaartermijn: %d rijen %v", rijen, err)
			}
		})
	}
}
