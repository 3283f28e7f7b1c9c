package signalenweb

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserSignalen runs axe-core (WCAG 2.1 A and AA) in Chromium on every vroegsignalering page, in
// its normal state and with form errors, at desktop width and at 375 px (no horizontal scrolling of
// the page: wide tables scroll inside their own container). Pages are fetched as the right role and
// written into a document of the test server, so styles load as in a real visit. Gated like the other
// browser tests (ZEKER_BROWSER_TESTS=1, or CI=true).
func TestBrowserSignalen(t *testing.T) {
	b := startBrowser(t)
	db := storetest.Open(t, storetest.Dialects(t)[0])
	o := nieuweSigOmgeving(t, db)
	crisis := sigSignaal("C1", signalen.PartnerEnergie, 50, 4)
	crisis.Crisis, crisis.CrisisSoort = true, signalen.CrisisAfsluitingEnergie
	o.lever(sigGM, "woonco", sigSignaal("R0", signalen.PartnerHuur, 900, 0), sigSignaal("R1", signalen.PartnerHuur, 100, 1), crisis)
	o.lever(sigGM, "zorgverzekeraar", sigSignaal("Z1", signalen.PartnerZorg, 300, 1))
	ids := o.zaken(sigGM)
	zaak := zaakURL(sigGM, ids[0])
	if a := o.post(zaak+"/contact", "consulent", url.Values{"soort": {"Telefoon"}, "bereikt": {"ja"}, "datum": {"2026-03-02"}, "dagdeel": {"Ochtend"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("contact: %d", a.Status)
	}
	if a := o.post(zaak+"/notitie", "consulent", url.Values{"notitie": {"Gebeld, afspraak gemaakt."}}); a.Status != http.StatusSeeOther {
		t.Fatalf("notitie: %d", a.Status)
	}
	if a := o.post(zaakURL(sigGM, ids[2])+"/afsluiten", "consulent", url.Values{"resultaat": {string(signalen.ResultaatGeenContact)}}); a.Status != http.StatusSeeOther {
		t.Fatalf("afsluiten: %d", a.Status)
	}
	// A zaak of 60 signals about one resident (two pages of signals), and 12 residents at one address
	// (above the maximum of 10: zaken ter beoordeling).
	veel := adresSignalen("V", 100, 60)
	for i := range veel {
		veel[i].Inwoner = veel[0].Inwoner
	}
	o.lever(sigGM, "woonco", veel...)
	adres := adresSignalen("A", 200, 12)
	for i := range adres {
		adres[i].Inwoner.Adres.Postcode = "8011ZY"
	}
	o.lever(sigGM, "woonco", adres...)
	// A listed briefadres with a signal there: the list on the settings page and the mark on the zaak.
	if a := o.post("/beheer/"+sigGM+"/signalen/briefadressen", "beheerder", url.Values{"brief-postcode": {"8011AA"}, "brief-huisnummer": {"20"},
		"brief-naam": {"Opvang De Haven"}, "brief-bron": {"opvanginstelling"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("briefadres: %d", a.Status)
	}
	if _, err := register.Importeer(t.Context(), db, strings.NewReader("huishouden_id,gemeente,postcode,aanvrager_geboortedatum,huisnummer,briefadres\n"+
		"B1,"+sigGM+",9999ZZ,1980-01-01,1,ja\n"), register.ImportOpties{Gemeente: sigGM, Formaat: "csv", Datum: sigNu}); err != nil {
		t.Fatal(err)
	}
	brief := sigSignaal("BR1", signalen.PartnerHuur, 300, 0)
	brief.Inwoner.BSN, brief.Inwoner.Adres.Huisnummer = "", 20
	if res := o.lever(sigGM, "woonco", brief); res.NieuweZaken != 1 {
		t.Fatalf("briefadres signal: %+v", res)
	}
	groot, _, err := o.st.Werklijst(t.Context(), sigGM, opslag.Filter{Sortering: opslag.SorteerNieuwste, Limiet: 500})
	if err != nil {
		t.Fatal(err)
	}
	var gepagineerd, beoordelen, briefZaak string
	for _, z := range groot {
		if signalen.IsBriefadresSleutel(z.Huishoudsleutel) {
			briefZaak = zaakURL(sigGM, z.ID)
		}
		switch {
		case z.AantalTotaal == 60:
			gepagineerd = zaakURL(sigGM, z.ID) + "?beoordelen=1&signalen-vanaf=50"
		case z.Beoordelen && beoordelen == "":
			beoordelen = zaakURL(sigGM, z.ID) + "?beoordelen=1"
		}
	}
	if gepagineerd == "" || beoordelen == "" {
		t.Fatalf("no zaak of 60 signals (%q) or ter beoordeling (%q)", gepagineerd, beoordelen)
	}
	ts := httptest.NewServer(o.H)
	t.Cleanup(ts.Close)
	basis := "/beheer/" + sigGM + "/signalen"
	bestand := "referentie;partnertype;bedrag;ontstaansdatum;signaaldatum;postcode;huisnummer\nX1;Huur;10;2026-01-01;2026-02-01;8011AA;9\nX2;Bank;10;2026-01-01;2026-02-01;8011AA;9\n"
	paginas := []struct {
		naam   string
		status int
		a      func() antwoord
	}{
		{"werklijst", 200, func() antwoord { return o.get(basis, "consulent") }},
		{"werklijst-fout", 200, func() antwoord { return o.get(basis+"?status=x&per=7", "consulent") }},
		{"zaak", 200, func() antwoord { return o.get(zaak+"?klaar=contact", "consulent") }},
		{"zaak-afsluiten-zonder-resultaat", 422, func() antwoord { return o.post(zaak+"/afsluiten", "consulent", url.Values{}) }},
		{"zaak-contact-fout", 422, func() antwoord { return o.post(zaak+"/contact", "consulent", url.Values{"datum": {"morgen"}}) }},
		{"werklijst-ter-beoordeling", 200, func() antwoord { return o.get(basis+"?beoordelen=1", "consulent") }},
		{"zaak-gepagineerd", 200, func() antwoord { return o.get(gepagineerd, "consulent") }},
		{"zaak-ter-beoordeling", 200, func() antwoord { return o.get(beoordelen, "consulent") }},
		{"zaak-gesloten", 200, func() antwoord { return o.get(zaakURL(sigGM, ids[2]), "consulent") }},
		{"bestand", 200, func() antwoord { return o.get(basis+"/bestand", "consulent") }},
		{"bestand-resultaat", 200, func() antwoord {
			return o.upload(basis+"/bestand", "consulent", map[string]string{"partner": o.pid["Woonco"]}, bestand)
		}},
		{"bestand-fout", 422, func() antwoord { return o.upload(basis+"/bestand", "consulent", map[string]string{}, "") }},
		{"instellingen", 200, func() antwoord { return o.get(basis+"/instellingen", "beheerder") }},
		{"instellingen-fout", 422, func() antwoord {
			return o.post(basis+"/instellingen", "beheerder", url.Values{"drempel": {"x"}, "periode": {"jaar"}, "bewaar-3": {"0"}})
		}},
		{"instellingen-briefadres-fout", 422, func() antwoord {
			return o.post(basis+"/briefadressen", "beheerder", url.Values{"brief-postcode": {"12"}, "brief-huisnummer": {"0"}})
		}},
		{"zaak-briefadres", 200, func() antwoord { return o.get(briefZaak, "consulent") }},
		{"indicatoren", 200, func() antwoord { return o.get(basis+"/indicatoren?van=2026-01&tot=2026-03", "consulent") }},
	}
	for _, breedte := range []int64{1280, 375} {
		ctx := b.Tab(t)
		webtest.Do(t, ctx, chromedp.EmulateViewport(breedte, 900))
		for _, p := range paginas {
			a := p.a()
			if a.Status != p.status {
				t.Fatalf("%s: status %d, want %d", p.naam, a.Status, p.status)
			}
			html, _ := json.Marshal(a.Body)
			webtest.Do(t, ctx, chromedp.Navigate(ts.URL+"/healthz"))
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(r => { document.open(); document.write(`+string(html)+
				`); document.close(); if (document.readyState === 'complete') r(true); else window.addEventListener('load', () => r(true)); })`,
				chromedp.EvalAwaitPromise)); err != nil {
				t.Fatalf("%s: %v", p.naam, err)
			}
			naam := fmt.Sprintf("%s@%d", p.naam, breedte)
			b.CheckAxe(t, ctx, naam)
			w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if int64(w) > breedte {
				t.Errorf("%s: page is %d px wide at a %d px viewport", naam, w, breedte)
			}
			b.Screenshot(t, ctx, "signalen-"+strings.ReplaceAll(naam, "@", "-"))
		}
	}
}

// startBrowser starts Chromium with a server of the kit alone: the pages are fetched as the right role
// and written into a document of this server, so its static files (styles) load.
func startBrowser(t *testing.T) *webtest.Browser {
	t.Helper()
	webtest.BrowserAan(t)
	return webtest.StartBrowser(t, webtest.Handler(t, webtest.Kit(t)))
}
