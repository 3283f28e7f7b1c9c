package zaken_test

import (
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestPartnerActies: a partner's list of plan actions holds the actions assigned to that partner in the
// gemeenten asked for, with the goal's domain and the household's regisseur, and nothing of another
// partner, of the consulent, or of a gemeente not asked for. Each gemeente read is one audit row.
func TestPartnerActies(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 1, "GM1681", "GM0175") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			for _, gm := range []string{"GM1681", "GM0175"} {
				if _, err := o.db.SQL().ExecContext(ctx, `INSERT INTO tenants (code, name, created_at, updated_at) VALUES ($1, $1, $2, $2)
					ON CONFLICT (code) DO NOTHING`, gm, op("2026-01-01 00:00").UTC()); err != nil {
					t.Fatal(err)
				}
			}
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			a, err := o.prt.Maak(ctx, partner.Nieuw{Naam: "Humanitas Test", Gemeente: "GM1681"})
			must(err)
			must(o.prt.MaakLid(ctx, a.ID, "GM0175", op("2026-01-01 00:00"), time.Time{}, 0))
			b, err := o.prt.Maak(ctx, partner.Nieuw{Naam: "Voor Elkaar Test", Gemeente: "GM1681"})
			must(err)
			plan := func(gm string, dom zaken.Domein, acties ...zaken.NieuweActie) {
				t.Helper()
				id, err := o.svc.Start(ctx, gm, zaken.Hulpvraag{HuishoudenID: o.recs[gm][0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:00")}, consulent)
				must(err)
				must(o.svc.EersteGesprek(ctx, gm, id, 1, d("2026-03-02"), false, "", consulent))
				must(o.svc.Besluit(ctx, gm, id, 2, zaken.Beschikking{Soort: zaken.BesluitPlan, Datum: d("2026-03-02")}, consulent))
				must(o.svc.VoegDoelToe(ctx, gm, id, 1, zaken.NieuwDoel{Domein: dom, Omschrijving: "Geheim doel van het huishouden"}, consulent))
				det, err := o.svc.Zaak(ctx, gm, id)
				must(err)
				for i, ac := range acties {
					ac.DoelID = det.Doelen[0].ID
					must(o.svc.VoegActieToe(ctx, gm, id, 2+i, ac, consulent))
				}
			}
			plan("GM1681", zaken.DomeinGeld,
				zaken.NieuweActie{Omschrijving: "Budgetcursus geven", Wie: zaken.WiePartner, PartnerID: a.ID, Datum: d("2026-04-01")},
				zaken.NieuweActie{Omschrijving: "Administratie ordenen", Wie: zaken.WiePartner, PartnerID: b.ID, Datum: d("2026-04-02")},
				zaken.NieuweActie{Omschrijving: "Schuldeisers bellen", Wie: zaken.WieConsulent, Datum: d("2026-03-20")})
			plan("GM0175", zaken.DomeinWonen,
				zaken.NieuweActie{Omschrijving: "Huisbezoek elders", Wie: zaken.WiePartner, PartnerID: a.ID})

			van, err := o.svc.PartnerActies(ctx, []string{"GM1681"}, a.ID)
			must(err)
			if len(van) != 1 {
				t.Fatalf("acties van A in GM1681: %+v", van)
			}
			if g := van[0]; g.Omschrijving != "Budgetcursus geven" || g.Domein != zaken.DomeinGeld || g.Datum != d("2026-04-01") ||
				g.RegisseurNaam != consulent.Naam || g.Gemeente != "GM1681" || !g.Gedaan.IsZero() {
				t.Errorf("actie van A: %+v", g)
			}
			vanB, err := o.svc.PartnerActies(ctx, []string{"GM1681"}, b.ID)
			must(err)
			if len(vanB) != 1 || vanB[0].Omschrijving != "Administratie ordenen" {
				t.Errorf("acties van B: %+v", vanB)
			}
			beide, err := o.svc.PartnerActies(ctx, []string{"GM1681", "GM0175"}, a.ID)
			must(err)
			if len(beide) != 2 || beide[0].Omschrijving != "Budgetcursus geven" || beide[1].Omschrijving != "Huisbezoek elders" ||
				beide[1].Gemeente != "GM0175" || beide[1].Domein != zaken.DomeinWonen {
				t.Errorf("acties van A in beide (gedateerd eerst): %+v", beide)
			}
			if geen, err := o.svc.PartnerActies(ctx, []string{"GM1681"}, ""); err != nil || len(geen) != 0 {
				t.Errorf("geen partner: %v %+v", err, geen)
			}
			rs := o.auditRijen(t, "GM1681", audit.Filter{Operatie: "plan.partner.lijst"})
			if len(rs) != 3 || rs[0].Object != "partner/"+a.ID || rs[0].Aantal != 1 {
				t.Errorf("audit GM1681: %+v", rs)
			}
			if rs := o.auditRijen(t, "GM0175", audit.Filter{Operatie: "plan.partner.lijst"}); len(rs) != 1 || rs[0].Aantal != 1 {
				t.Errorf("audit GM0175: %+v", rs)
			}
		})
	}
}
