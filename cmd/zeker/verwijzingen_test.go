package main

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestVerwijzingenPartnerGrens is the matrix of referrals beyond the role: the routes let every
// intermediair in (toegangTabel), and within them a partner user reaches only its own partner's
// referrals of the gemeente of the URL. A user of partner A, invited in both gemeenten, probes every
// referral route with the ids of partner B's referral and of A's own referral in the other gemeente:
// every one is 404, and nothing of them is in A's lists; the gemeente's zaken stay closed (403).
func TestVerwijzingenPartnerGrens(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		c := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		a := o.Partner("Partner A", eigen, ander)
		b := o.Partner("Partner B", eigen)
		ns, err := netwerk.New(netwerk.Config{DB: db, Audit: o.Audit, Partners: o.Partners, Klok: func() time.Time { return webtest.Nu }})
		if err != nil {
			t.Fatal(err)
		}
		verwijs := func(gm, p, naam string) int64 {
			v, err := ns.Verwijs(c, netwerk.NieuweVerwijzing{Gemeente: gm, Richting: netwerk.NaarPartner, PartnerID: p, Bron: netwerk.BronZaak,
				BronID: 1, Door: o.IDs["consulent"], Inwoner: netwerk.Inwoner{Naam: naam, Telefoon: "0612345678"}, Behoefte: netwerk.Schuldhulp,
				Vraag: "vraag van " + naam, Grondslag: netwerk.WettelijkeTaak, Artikel: "wgs-3a"})
			if err != nil {
				t.Fatal(err)
			}
			return v.ID
		}
		vanA := verwijs(eigen, a, "Inwoner Een")
		vanB := verwijs(eigen, b, "Inwoner Twee")
		vanAElders := verwijs(ander, a, "Inwoner Drie")

		email := "a@partner-a.test"
		for _, gm := range []string{eigen, ander} {
			code, u, err := o.Auth.NodigUit(c, auth.NieuweUitnodiging{Gemeente: gm, Email: email, Naam: "Mw. A", Rol: auth.Intermediair})
			if err != nil {
				t.Fatal(err)
			}
			if err := o.Partners.KoppelUitnodiging(c, u.ID, a, gm); err != nil {
				t.Fatal(err)
			}
			if _, _, _, err := o.Auth.Aanvaard(c, auth.Aanvaarden{Email: email, Code: code, Wachtwoord: webtest.Wachtwoord, IP: "192.0.2.7"}); err != nil {
				t.Fatal(err)
			}
		}
		sessie := o.Sessie(email)
		// Without a partner link the partner package says so; with it, the partner of each gemeente.
		if p, ok, err := o.Partners.MedewerkerVan(c, o.IDs["intermediair"], eigen); err != nil || ok {
			t.Fatalf("intermediair zonder partner: %q %v %v", p, ok, err)
		}

		routes := []string{"GET /beheer/{gemeente}/verwijzingen/{id}", "POST /beheer/{gemeente}/verwijzingen/{id}/antwoord",
			"POST /beheer/{gemeente}/verwijzingen/{id}/intrekken"}
		for _, gm := range []string{eigen, ander} {
			for _, id := range []int64{vanA, vanB, vanAElders} {
				eigenVan := (gm == eigen && id == vanA) || (gm == ander && id == vanAElders)
				for _, rt := range routes {
					if _, ok := toegangTabel[rt]; !ok {
						t.Fatalf("%s staat niet in toegangTabel", rt)
					}
					method, pad, _ := strings.Cut(rt, " ")
					pad = strings.NewReplacer("{gemeente}", gm, "{id}", strconv.FormatInt(id, 10)).Replace(pad)
					var form url.Values
					if method == http.MethodPost {
						form = url.Values{"status": {"geaccepteerd"}}
					}
					ant := o.doe(method, pad, sessie, form, nil)
					if eigenVan {
						if ant.Status == http.StatusNotFound || ant.Status == http.StatusForbidden && method == http.MethodGet {
							t.Errorf("%s %s (eigen verwijzing): status %d", method, pad, ant.Status)
						}
						continue
					}
					if ant.Status != http.StatusNotFound {
						t.Errorf("%s %s (niet van partner A hier): status %d, want 404", method, pad, ant.Status)
					}
				}
			}
			lijst := o.doe("GET", "/beheer/"+gm+"/verwijzingen", sessie, nil, nil)
			for naam, hier := range map[string]bool{"Inwoner Een": gm == eigen, "Inwoner Twee": false, "Inwoner Drie": gm == ander} {
				if strings.Contains(lijst.Body, naam) != hier {
					t.Errorf("lijst in %s: %q zichtbaar=%v, want %v", gm, naam, !hier, hier)
				}
			}
			if z := o.doe("GET", "/beheer/"+gm+"/zaken", sessie, nil, nil); z.Status != http.StatusForbidden {
				t.Errorf("partnergebruiker op de zaken van %s: status %d", gm, z.Status)
			}
		}
		// Merging B into A moves B's referral and B's users to A.
		if _, err := o.Partners.MetVerhuizers(partner.Verhuizer{Naam: "verwijzingen", Verhuizen: netwerk.VerhuisVerwijzingen}).VoegSamen(c, a, b); err != nil {
			t.Fatal(err)
		}
		if ant := o.doe("GET", "/beheer/"+eigen+"/verwijzingen/"+strconv.FormatInt(vanB, 10), sessie, nil, nil); ant.Status != http.StatusOK {
			t.Errorf("na samenvoegen: status %d", ant.Status)
		}
	})
}

// TestMonitorAfspraken: the monitor gets the gemeente's agreements running on the day, with their
// partners' names, and not an agreement that ended before it.
func TestMonitorAfspraken(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		c := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		hum := o.Partner("Humanitas", eigen)
		ns, err := netwerk.New(netwerk.Config{DB: db, Audit: o.Audit, Partners: o.Partners, Klok: func() time.Time { return webtest.Nu }})
		if err != nil {
			t.Fatal(err)
		}
		dag := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
		for _, a := range []netwerk.Afspraak{
			{Gemeente: eigen, Naam: "Armoedepact", Soort: netwerk.Armoedepact, Van: dag("2025-01-01"), Bron: "Beleidsplan", Partners: []string{hum},
				Indicatoren: []netwerk.Indicator{{Naam: "Huishoudens", Streef: "100 huishoudens", Bron: "Pact, bijlage"}}},
			{Gemeente: eigen, Naam: "Oud convenant", Soort: netwerk.Convenant, Van: dag("2020-01-01"), Tot: dag("2024-12-31"), Bron: "Convenant 2020"},
		} {
			if _, err := ns.BewaarAfspraak(c, a); err != nil {
				t.Fatal(err)
			}
		}
		as, err := monitorAfspraken(ns)(c, eigen, dag("2026-03-02"))
		if err != nil {
			t.Fatal(err)
		}
		if len(as) != 1 || as[0].Naam != "Armoedepact" || len(as[0].PartnerNamen) != 1 || as[0].PartnerNamen[0] != "Humanitas" ||
			len(as[0].Indicatoren) != 1 || as[0].Indicatoren[0].Bron != "Pact, bijlage" {
			t.Fatalf("monitor gets %+v", as)
		}
		if as, _ := monitorAfspraken(ns)(c, eigen, dag("2023-06-01")); len(as) != 1 || as[0].Naam != "Oud convenant" || as[0].PartnerNamen != nil {
			t.Errorf("on 2023-06-01: %+v", as)
		}
		if as, _ := monitorAfspraken(ns)(c, ander, dag("2026-03-02")); len(as) != 0 {
			t.Errorf("another gemeente sees %+v", as)
		}
	})
}
