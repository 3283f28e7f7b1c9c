package main

import (
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestMonitorNetwerkDeps: the monitor's functions from cmd/zeker give an agreement its own measured
// values (not another agreement's), the referral counts with the partners' names, and no zaak
// indicators without zaken.
func TestMonitorNetwerkDeps(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		c := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		hum := o.Partner("Humanitas", eigen)
		ns, err := netwerk.New(netwerk.Config{DB: db, Audit: o.Audit, Partners: o.Partners, Klok: func() time.Time { return webtest.Nu }})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, naam := range []string{"Armoedepact", "Convenant"} {
			a, err := ns.BewaarAfspraak(c, netwerk.Afspraak{Gemeente: eigen, Naam: naam, Soort: netwerk.Armoedepact, Bron: "Plan",
				Indicatoren: []netwerk.Indicator{{Naam: "Huishoudens"}}})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, a.ID)
		}
		if _, err := ns.LegMetingVast(c, netwerk.Meting{Gemeente: eigen, AfspraakID: ids[0], Indicator: "Huishoudens", Periode: netwerk.Periode{Jaar: 2025},
			Waarde: "87 huishoudens", Bron: "Rapportage", GemetenOp: partner.Vandaag(webtest.Nu)}, 0); err != nil {
			t.Fatal(err)
		}
		as, err := monitorAfsprakenMetMetingen(ns)(c, eigen, webtest.Nu)
		if err != nil || len(as) != 2 {
			t.Fatalf("%+v %v", as, err)
		}
		for _, a := range as {
			if want := map[bool]int{true: 1, false: 0}[a.ID == ids[0]]; len(a.Metingen) != want {
				t.Errorf("%s has %d measured values, want %d", a.Naam, len(a.Metingen), want)
			}
		}
		n := netwerk.NieuweVerwijzing{Gemeente: eigen, Richting: netwerk.NaarPartner, PartnerID: hum, Bron: netwerk.BronZaak, BronID: 1, Door: 1,
			Inwoner: netwerk.Inwoner{Naam: "Demo", Email: "a@voorbeeld.example"}, Behoefte: netwerk.Voedsel, Vraag: "Vraag",
			Grondslag: netwerk.WettelijkeTaak, Artikel: "wgs-3a"}
		if _, err := ns.Verwijs(c, n); err != nil {
			t.Fatal(err)
		}
		tel, err := monitorVerwijzingscijfers(ns)(c, eigen, netwerk.NaarPartner, netwerk.Periode{Jaar: webtest.Nu.Year()})
		if err != nil || tel.Totaal.Verstuurd != 1 || len(tel.PerPartner) != 1 || tel.PartnerNamen[hum] != "Humanitas" {
			t.Errorf("cijfers %+v %v", tel, err)
		}
		if monitorZaakIndicatoren(nil) != nil {
			t.Error("zaak indicators without zaken")
		}
	})
}
