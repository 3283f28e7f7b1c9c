package netwerk_test

import (
	"errors"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// TestVoorstel: a partner proposes a change to its own service; the kaart keeps the service as it is
// until the beheerder approves; approval applies it (checked today, the source names the partner);
// a rejection needs a reason and changes nothing; another partner's service or gemeente is not found.
func TestVoorstel(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db, nil)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		hum := o.partner(t, "Humanitas", "GM0175")
		ander := o.partner(t, "Voor Elkaar", "GM0175")
		d, err := o.net.MaakDienst(ctx, netwerk.Dienst{PartnerID: hum, Naam: "Thuisadministratie", Behoeften: []netwerk.Behoefte{netwerk.Budgetcoaching},
			Bron: "plan", GecontroleerdOp: partner.Vandaag(nu).AddDate(-2, 0, 0), Gemeenten: []string{"GM0175"}})
		if err != nil {
			t.Fatal(err)
		}
		w := netwerk.WijzigingVan(d)
		if _, err := o.net.StelVoor(ctx, "GM0175", hum, 9, d.ID, w); !errors.Is(err, errs.Invalid) {
			t.Errorf("voorstel zonder verandering: %v", err)
		}
		w.Beschrijving, w.Openingstijden = "Een vrijwilliger helpt thuis met de post.", "di 09:00-12:00"
		slecht := w
		slecht.Openingstijden = "dinsdagochtend"
		var f errs.Fields
		if _, err := o.net.StelVoor(ctx, "GM0175", hum, 9, d.ID, slecht); !errors.As(err, &f) || !f.Has("openingstijden") {
			t.Errorf("slechte openingstijden: %v", err)
		}
		if _, err := o.net.StelVoor(ctx, "GM0175", ander, 9, d.ID, w); !errors.Is(err, errs.NotFound) {
			t.Errorf("voorstel voor de dienst van een ander: %v", err)
		}
		if _, err := o.net.StelVoor(ctx, "GM1681", hum, 9, d.ID, w); !errors.Is(err, errs.NotFound) {
			t.Errorf("voorstel in een andere gemeente: %v", err)
		}
		v, err := o.net.StelVoor(ctx, "GM0175", hum, 9, d.ID, w)
		if err != nil {
			t.Fatal(err)
		}
		if nu, _ := o.net.Dienst(ctx, d.ID); nu.Beschrijving != "" {
			t.Errorf("voor goedkeuring is de dienst al gewijzigd: %q", nu.Beschrijving)
		}
		if vs := netwerk.Verschillen(d, v.Wijziging); len(vs) != 2 || vs[0].Veld != "Beschrijving" || vs[1].Voorstel != "di 09:00-12:00" {
			t.Errorf("verschillen %+v", vs)
		}
		if err := o.net.Beoordeel(ctx, "GM0175", v.ID, false, "", 1); !errors.Is(err, errs.Invalid) {
			t.Errorf("afwijzen zonder reden: %v", err)
		}
		if err := o.net.Beoordeel(ctx, "GM1681", v.ID, true, "", 1); !errors.Is(err, errs.NotFound) {
			t.Errorf("beoordelen in een andere gemeente: %v", err)
		}
		if err := o.net.Beoordeel(ctx, "GM0175", v.ID, true, "", 1); err != nil {
			t.Fatal(err)
		}
		nu2, _ := o.net.Dienst(ctx, d.ID)
		if nu2.Beschrijving != w.Beschrijving || nu2.Openingstijden.String() != "di 09:00-12:00" || !nu2.GecontroleerdOp.Equal(partner.Vandaag(nu)) ||
			nu2.Bron != "Opgegeven door Humanitas, goedgekeurd door de gemeente op 2026-01-15" {
			t.Errorf("na goedkeuring: %+v", nu2)
		}
		if err := o.net.Beoordeel(ctx, "GM0175", v.ID, false, "toch niet", 1); !errors.Is(err, errs.Conflict) {
			t.Errorf("tweede beoordeling: %v", err)
		}
		w2 := netwerk.WijzigingVan(nu2)
		w2.Naam = "Iets anders"
		v2, _ := o.net.StelVoor(ctx, "GM0175", hum, 9, d.ID, w2)
		if err := o.net.Beoordeel(ctx, "GM0175", v2.ID, false, "Naam klopt niet met de website.", 1); err != nil {
			t.Fatal(err)
		}
		if nu3, _ := o.net.Dienst(ctx, d.ID); nu3.Naam != "Thuisadministratie" {
			t.Errorf("na afwijzen is de naam %q", nu3.Naam)
		}
		if open, _ := o.net.Voorstellen(ctx, "GM0175", "", true); len(open) != 0 {
			t.Errorf("open voorstellen: %d", len(open))
		}
		if alle, _ := o.net.Voorstellen(ctx, "GM0175", hum, false); len(alle) != 2 || alle[0].Status != netwerk.VoorstelAfgewezen {
			t.Errorf("voorstellen van Humanitas: %+v", alle)
		}
	})
}
