package budgetweb

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserBudget runs axe-core (WCAG 2.1 A and AA) in Chromium on every budget page, in its normal
// state, with form errors and after a stale form, at desktop width and at 375 px (the page itself does
// not scroll sideways). Pages are fetched as the right role and written into a document of the test
// server, so the styles load as in a real visit. Gated like the other browser tests.
func TestBrowserBudget(t *testing.T) {
	webtest.BrowserAan(t)
	b := webtest.StartBrowser(t, webtest.Handler(t, webtest.Kit(t)))
	o := nieuweOmgeving(t, storetest.OpenTest(t))
	onbekend := o.maakBudget(t, "Mini-maatwerkbudget", "")
	pad := o.maakBudget(t, "Noodfonds", "1000")
	a := o.post(pad+"/aanvraag", "consulent", url.Values{"vorm": {"voucher"}, "omschrijving": {"Supermarkt"}, "bedrag": {"50"}, "reden": {"Eten"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("request: %d", a.Status)
	}
	aanvraag := strings.Split(a.Loc, "?")[0]
	a = o.post(pad+"/aanvraag", "consulent", url.Values{"vorm": {"geld"}, "bedrag": {"75"}, "reden": {"Energie"}})
	besloten := strings.Split(a.Loc, "?")[0]
	if a := o.post(besloten+"/besluit", "consulent", url.Values{"versie": {"1"}, "besluit": {"toekennen"}, "besluit-reden": {"Nodig"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("decision: %d", a.Status)
	}
	ts := httptest.NewServer(o.H)
	t.Cleanup(ts.Close)
	paginas := []struct {
		naam   string
		status int
		a      func() webtest.Antwoord
	}{
		{"lijst", 200, func() webtest.Antwoord { return o.get(basis(gm), "beleidsmedewerker") }},
		{"lijst-consulent", 200, func() webtest.Antwoord { return o.get(basis(gm), "consulent") }},
		{"lijst-fout", 200, func() webtest.Antwoord { return o.get(basis(gm)+"?jaar=x&soort=y", "beheerder") }},
		{"nieuw", 200, func() webtest.Antwoord { return o.get(basis(gm)+"/nieuw", "beleidsmedewerker") }},
		{"nieuw-fout", 422, func() webtest.Antwoord {
			return o.post(basis(gm)+"/nieuw", "beleidsmedewerker", url.Values{"jaar": {"1"}, "soort": {"fonds"}})
		}},
		{"budget", 200, func() webtest.Antwoord { return o.get(pad+"?klaar=budget", "beleidsmedewerker") }},
		{"budget-onbekend", 200, func() webtest.Antwoord { return o.get(onbekend, "consulent") }},
		{"budget-verouderd", 409, func() webtest.Antwoord {
			return o.post(pad, "beleidsmedewerker", url.Values{"versie": {"0"}, "jaar": {"2026"}, "soort": {"beleid"}, "naam": {"Noodfonds"}, "bron": {"x"}})
		}},
		{"aanvraag-nieuw", 200, func() webtest.Antwoord { return o.get(pad+"/aanvraag", "consulent") }},
		{"aanvraag-nieuw-fout", 422, func() webtest.Antwoord {
			return o.post(pad+"/aanvraag", "consulent", url.Values{"vorm": {"goed"}, "bedrag": {"x"}})
		}},
		{"aanvragen", 200, func() webtest.Antwoord { return o.get(aanvragenURL(gm), "consulent") }},
		{"aanvragen-zaak", 200, func() webtest.Antwoord { return o.get(aanvragenURL(gm)+"?zaak=7", "consulent") }},
		{"aanvragen-fout", 200, func() webtest.Antwoord { return o.get(aanvragenURL(gm)+"?status=x", "consulent") }},
		{"aanvraag", 200, func() webtest.Antwoord { return o.get(aanvraag+"?klaar=aanvraag", "consulent") }},
		{"aanvraag-fout", 422, func() webtest.Antwoord {
			return o.post(aanvraag+"/besluit", "consulent", url.Values{"versie": {"1"}})
		}},
		{"aanvraag-verouderd", 409, func() webtest.Antwoord {
			return o.post(aanvraag+"/besluit", "consulent", url.Values{"versie": {"9"}, "besluit": {"afwijzen"}, "besluit-reden": {"x"}})
		}},
		{"aanvraag-besloten", 200, func() webtest.Antwoord { return o.get(besloten, "consulent") }},
		// The letter is a document of its own (internal/brief), print-ready, without the site's layout.
		{"brief", 200, func() webtest.Antwoord { return o.get(besloten+"/brief", "consulent") }},
		{"instellingen", 200, func() webtest.Antwoord { return o.get(basis(gm)+"/instellingen", "beheerder") }},
		{"instellingen-fout", 422, func() webtest.Antwoord {
			return o.post(basis(gm)+"/instellingen", "beheerder", url.Values{"versie": {"0"}, "vierogen": {"1.500"}})
		}},
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
			b.Screenshot(t, ctx, "budget-"+strings.ReplaceAll(naam, "@", "-"))
		}
	}
}
