package budgetweb

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

var briefLinkRe = regexp.MustCompile(`href="(/beheer/[^"]+/budgetaanvragen/\d+/brief)">([^<]+)</a>`)

// TestBriefPagina: no letter before the second approval of four-eyes (the page says so, the letter's
// URL is 404); after it the request page links the letter, which opens print-ready with its own CSP and
// the amount of the decision and the bezwaar term, for who may read requests and not for others.
func TestBriefPagina(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		pad := o.maakBudget(t, "Noodfonds", "1000")
		if a := o.post(basis(gm)+"/instellingen", "beheerder", url.Values{"versie": {"0"}, "vierogen": {"500"}, "bron": {"Mandaatregeling"}}); a.Status != http.StatusSeeOther {
			t.Fatalf("settings: %d %s", a.Status, a.Body)
		}
		a := o.post(pad+"/aanvraag", "consulent", url.Values{"vorm": {"geld"}, "bedrag": {"650,50"}, "reden": {"Huurachterstand"}})
		if a.Status != http.StatusSeeOther {
			t.Fatalf("request: %d %s", a.Status, a.Body)
		}
		aanvraag := strings.Split(a.Loc, "?")[0]
		if a := o.post(aanvraag+"/besluit", "consulent", url.Values{"versie": {"1"}, "besluit": {"toekennen"}, "besluit-reden": {"Voorkomt uitzetting"}}); a.Status != http.StatusSeeOther {
			t.Fatalf("first award: %d", a.Status)
		}
		webtest.Bevat(t, o.get(aanvraag, "consulent"), "Nog geen brief: die komt na het tweede akkoord.")
		if a := o.get(aanvraag+"/brief", "consulent"); a.Status != http.StatusNotFound {
			t.Fatalf("letter before the second approval: %d", a.Status)
		}
		if a := o.Doe(http.MethodPost, aanvraag+"/besluit", o.tweede, url.Values{"versie": {"2"}, "besluit": {"toekennen"}, "besluit-reden": {"Akkoord: voorkomt uitzetting"}}, nil); a.Status != http.StatusSeeOther {
			t.Fatalf("second award: %d", a.Status)
		}
		m := briefLinkRe.FindStringSubmatch(o.get(aanvraag, "consulent").Body)
		if m == nil || m[1] != aanvraag+"/brief" || m[2] != "Besluit op uw aanvraag uit Noodfonds" {
			t.Fatalf("link to the letter: %q", m)
		}
		for _, rol := range []string{"consulent", "schuldhulpverlener"} {
			br := o.get(m[1], rol)
			if br.Status != 200 {
				t.Fatalf("%s: %d", rol, br.Status)
			}
			// Decided on Monday 9 March 2026: the bezwaar term ends Monday 20 April 2026 (Awb 6:7, 6:8).
			webtest.Bevat(t, br, "Noodfonds 2026: U krijgt het", "€ 650,50", "Akkoord: voorkomt uitzetting", "Dit budget staat in: Beleidsplan Borger-Odoorn",
				"uiterlijk op 20 april 2026", "artikel 6:7 van de Algemene wet bestuursrecht")
			if csp := br.Hdr.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'none'") || br.Hdr.Get("Cache-Control") != "no-store" {
				t.Errorf("%s: headers %v", rol, br.Hdr)
			}
		}
		if a := o.get(m[1], "beleidsmedewerker"); a.Status != http.StatusForbidden {
			t.Errorf("beleidsmedewerker reads a letter: %d", a.Status)
		}
		if a := o.get(aanvragenURL(gm)+"/999/brief", "consulent"); a.Status != http.StatusNotFound {
			t.Errorf("unknown request: %d", a.Status)
		}
		var n int
		if err := db.SQL().QueryRowContext(t.Context(), `SELECT COUNT(*) FROM audit_log WHERE operation = 'budgetaanvraag.brief.bekijken'`).Scan(&n); err != nil || n != 2 {
			t.Errorf("letter reads logged: %d %v", n, err)
		}
	})
}
