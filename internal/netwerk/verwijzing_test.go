package netwerk_test

import (
	"errors"
	"github.com/zeker-platform/zeker/internal/datum"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

func nieuweVerwijzing(gm, partnerID string) netwerk.NieuweVerwijzing {
	return netwerk.NieuweVerwijzing{Gemeente: gm, Richting: netwerk.NaarPartner, PartnerID: partnerID, Bron: netwerk.BronZaak, BronID: 7,
		Door: 1, Inwoner: netwerk.Inwoner{Naam: "A. Voorbeeld", Telefoon: "0612345678"}, Behoefte: netwerk.Schuldhulp,
		Vraag: "Hulp bij het ordenen van post", Grondslag: netwerk.Toestemming, ToestemmingWat: "naam, telefoon en vraag",
		ToestemmingOp: partner.Vandaag(nu)}
}

// TestVerwijzingKringloop walks the closed loop: the gemeente refers to Humanitas with consent, the
// Humanitas user sees it, accepts and reports back, the gemeente sees each state; another partner sees
// nothing (not found); a withdrawn consent hides the data from Humanitas and is in the processing log.
func TestVerwijzingKringloop(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db, nil)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		hum := o.partner(t, "Humanitas", "GM0175")
		ander := o.partner(t, "Voor Elkaar", "GM0175")
		if err := o.net.ZetAntwoordWerkdagen(ctx, "GM0175", 3); err != nil {
			t.Fatal(err)
		}
		v, err := o.net.Verwijs(ctx, nieuweVerwijzing("GM0175", hum))
		if err != nil {
			t.Fatal(err)
		}
		// 15 January 2026 is a Thursday: three working days later is Tuesday 20 January.
		if v.AntwoordVoor.String() != "2026-01-20" {
			t.Errorf("antwoord voor %s, want 2026-01-20", v.AntwoordVoor)
		}
		gem := netwerk.Kijker{Gebruiker: 1, Gemeente: true}
		humK := netwerk.Kijker{Gebruiker: 2, Partner: hum}
		andK := netwerk.Kijker{Gebruiker: 3, Partner: ander}

		lijst, err := o.net.Verwijzingen(ctx, "GM0175", humK, netwerk.VFilter{})
		if err != nil || len(lijst) != 1 || lijst[0].Inwoner.Naam != "A. Voorbeeld" {
			t.Fatalf("Humanitas ziet %+v, %v", lijst, err)
		}
		if lijst, _ := o.net.Verwijzingen(ctx, "GM0175", andK, netwerk.VFilter{}); len(lijst) != 0 {
			t.Errorf("een andere partner ziet %d verwijzingen", len(lijst))
		}
		if lijst, _ := o.net.Verwijzingen(ctx, "GM0175", netwerk.Kijker{Gebruiker: 4}, netwerk.VFilter{}); len(lijst) != 0 {
			t.Errorf("een kijker zonder partner ziet %d verwijzingen", len(lijst))
		}
		if lijst, _ := o.net.Verwijzingen(ctx, "GM1681", gem, netwerk.VFilter{}); len(lijst) != 0 {
			t.Errorf("een andere gemeente ziet %d verwijzingen", len(lijst))
		}
		if _, _, err := o.net.Verwijzing(ctx, "GM0175", v.ID, andK); !errors.Is(err, errs.NotFound) {
			t.Errorf("andere partner: %v, want not found", err)
		}
		if err := o.net.Beantwoord(ctx, "GM0175", v.ID, andK, netwerk.Geaccepteerd, ""); !errors.Is(err, errs.NotFound) {
			t.Errorf("andere partner antwoordt: %v, want not found", err)
		}
		if err := o.net.Beantwoord(ctx, "GM0175", v.ID, gem, netwerk.Geaccepteerd, ""); !errors.Is(err, errs.Forbidden) {
			t.Errorf("verwijzer antwoordt zelf: %v, want forbidden", err)
		}
		if err := o.net.Beantwoord(ctx, "GM0175", v.ID, humK, netwerk.Afgewezen, ""); !errors.Is(err, errs.Invalid) {
			t.Errorf("afwijzen zonder reden: %v, want invalid", err)
		}
		if err := o.net.Beantwoord(ctx, "GM0175", v.ID, humK, netwerk.HulpGestart, ""); !errors.Is(err, errs.Invalid) {
			t.Errorf("hulp gestart voor accepteren: %v, want invalid", err)
		}
		for _, st := range []netwerk.VStatus{netwerk.Geaccepteerd, netwerk.ContactGelegd, netwerk.HulpGestart} {
			if err := o.net.Beantwoord(ctx, "GM0175", v.ID, humK, st, "gesprek gepland"); err != nil {
				t.Fatal(st, err)
			}
		}
		g, hist, err := o.net.Verwijzing(ctx, "GM0175", v.ID, gem)
		if err != nil {
			t.Fatal(err)
		}
		if g.Status != netwerk.HulpGestart || len(hist) != 4 || hist[0].Status != netwerk.Verstuurd || hist[3].Door != 2 {
			t.Errorf("gemeente ziet status %s, geschiedenis %+v", g.Status, hist)
		}

		// Withdrawn consent: the receiver no longer sees the data; the sender still does; it is logged.
		if err := o.net.TrekToestemmingIn(ctx, "GM0175", v.ID, humK); !errors.Is(err, errs.Forbidden) {
			t.Errorf("ontvanger trekt in: %v, want forbidden", err)
		}
		if err := o.net.TrekToestemmingIn(ctx, "GM0175", v.ID, gem); err != nil {
			t.Fatal(err)
		}
		h, _, err := o.net.Verwijzing(ctx, "GM0175", v.ID, humK)
		if err != nil || !h.Verborgen || h.Inwoner.Naam != "" || h.Vraag != "" {
			t.Errorf("na intrekken ziet Humanitas %+v, %v", h, err)
		}
		if g, _, _ := o.net.Verwijzing(ctx, "GM0175", v.ID, gem); g.Verborgen || g.Inwoner.Naam == "" {
			t.Errorf("de verwijzer ziet na intrekken %+v", g)
		}
		rs, err := o.log.Zoek(ctx, audit.Filter{Gemeente: "GM0175", Operatie: "verwijzing.toestemming_ingetrokken"})
		if err != nil || len(rs) != 1 {
			t.Errorf("verwerkingslog: %d regels, %v", len(rs), err)
		}
	})
}

func TestVerwijzingInvoer(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db, nil)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		hum := o.partner(t, "Humanitas", "GM0175")
		elders := o.partner(t, "Elders", "GM1681")
		gisteren := nu.Add(-24 * time.Hour)
		cases := []struct {
			naam   string
			wijzig func(*netwerk.NieuweVerwijzing)
			veld   string
		}{
			{"geen naam", func(n *netwerk.NieuweVerwijzing) { n.Inwoner.Naam = " " }, "naam"},
			{"onbereikbaar", func(n *netwerk.NieuweVerwijzing) { n.Inwoner.Telefoon = "" }, "telefoon"},
			{"slecht e-mailadres", func(n *netwerk.NieuweVerwijzing) { n.Inwoner.Email = "geen adres" }, "email"},
			{"geen behoefte", func(n *netwerk.NieuweVerwijzing) { n.Behoefte = "iets" }, "behoefte"},
			{"geen vraag", func(n *netwerk.NieuweVerwijzing) { n.Vraag = "" }, "vraag"},
			{"toestemming zonder wat", func(n *netwerk.NieuweVerwijzing) { n.ToestemmingWat = "" }, "toestemming_wat"},
			{"toestemming in de toekomst", func(n *netwerk.NieuweVerwijzing) { n.ToestemmingOp = nu.AddDate(0, 0, 3) }, "toestemming_op"},
			{"taak zonder artikel", func(n *netwerk.NieuweVerwijzing) { n.Grondslag = netwerk.WettelijkeTaak }, "artikel"},
			{"partner naar gemeente met taak", func(n *netwerk.NieuweVerwijzing) {
				n.Richting, n.Bron, n.Grondslag, n.Artikel = netwerk.NaarGemeente, netwerk.BronCheck, netwerk.WettelijkeTaak, "wgs-8a"
			}, "grondslag"},
			{"zonder zaak", func(n *netwerk.NieuweVerwijzing) { n.BronID = 0 }, "bron"},
			{"contactmoment voorbij", func(n *netwerk.NieuweVerwijzing) { n.Contactmoment = &gisteren }, "contact_dag"},
			{"partner van een andere gemeente", func(n *netwerk.NieuweVerwijzing) { n.PartnerID = elders }, "partner"},
		}
		for _, c := range cases {
			n := nieuweVerwijzing("GM0175", hum)
			c.wijzig(&n)
			_, err := o.net.Verwijs(ctx, n)
			var f errs.Fields
			if !errors.As(err, &f) || !f.Has(c.veld) {
				t.Errorf("%s: %v, want een fout bij %s", c.naam, err, c.veld)
			}
		}
		n := nieuweVerwijzing("GM0175", hum)
		n.Grondslag, n.Artikel = netwerk.WettelijkeTaak, "wgs-3a"
		v, err := o.net.Verwijs(ctx, n)
		if err != nil || v.ToestemmingWat != "" || !v.AntwoordVoor.IsZero() {
			t.Fatalf("wettelijke taak: %+v, %v", v, err)
		}
		// Without a setting nothing is overdue.
		if lijst, _ := o.net.Verwijzingen(ctx, "GM0175", netwerk.Kijker{Gemeente: true}, netwerk.VFilter{TeLaat: true}); len(lijst) != 0 {
			t.Errorf("te laat zonder instelling: %d", len(lijst))
		}
		if err := o.net.TrekToestemmingIn(ctx, "GM0175", v.ID, netwerk.Kijker{Gemeente: true}); !errors.Is(err, errs.Invalid) {
			t.Errorf("intrekken bij wettelijke taak: %v", err)
		}
	})
}

func TestVerwijzingTeLaat(t *testing.T) {
	v := netwerk.Verwijzing{Status: netwerk.Verstuurd, AntwoordVoor: datum.Nieuw(2026, 1, 20)}
	if v.TeLaat(datum.Nieuw(2026, 1, 20)) || !v.TeLaat(datum.Nieuw(2026, 1, 21)) {
		t.Error("te laat: de dag zelf telt nog mee, de dag erna niet")
	}
	v.Status = netwerk.Geaccepteerd
	if v.TeLaat(datum.Nieuw(2026, 2, 1)) {
		t.Error("een beantwoorde verwijzing is niet te laat")
	}
	if (netwerk.Verwijzing{Status: netwerk.Verstuurd}).TeLaat(datum.Nieuw(2030, 1, 1)) {
		t.Error("zonder termijn is niets te laat")
	}
}
