package budgetweb

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserBudget runs axe-core (WCAG 2.1 A and AA) in Chromium on every budget page, in its normal
// state, with form errors and after a stale form, at desktop width and at 375 px (the page itself does
// not scroll sideways). Pages are fetched as the right role and written into a document of the test
// server, so the styles load as in a real visit. Gated like the other browser tests.
func TestBrowserBudget(t *testing.T) {
	webtest.BrowserAan(t)
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
	paginas := []webtest.Pagina{
		{Naam: "lijst", Status: 200, Haal: func() webtest.Antwoord { return o.get(basis(gm), "beleidsmedewerker") }},
		{Naam: "lijst-consulent", Status: 200, Haal: func() webtest.Antwoord { return o.get(basis(gm), "consulent") }},
		{Naam: "lijst-fout", Status: 200, Haal: func() webtest.Antwoord { return o.get(basis(gm)+"?jaar=x&soort=y", "beheerder") }},
		{Naam: "nieuw", Status: 200, Haal: func() webtest.Antwoord { return o.get(basis(gm)+"/nieuw", "beleidsmedewerker") }},
		{Naam: "nieuw-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(basis(gm)+"/nieuw", "beleidsmedewerker", url.Values{"jaar": {"1"}, "soort": {"fonds"}})
		}},
		{Naam: "budget", Status: 200, Haal: func() webtest.Antwoord { return o.get(pad+"?klaar=budget", "beleidsmedewerker") }},
		{Naam: "budget-onbekend", Status: 200, Haal: func() webtest.Antwoord { return o.get(onbekend, "consulent") }},
		{Naam: "budget-verouderd", Status: 409, Haal: func() webtest.Antwoord {
			return o.post(pad, "beleidsmedewerker", url.Values{"versie": {"0"}, "jaar": {"2026"}, "soort": {"beleid"}, "naam": {"Noodfonds"}, "bron": {"x"}})
		}},
		{Naam: "aanvraag-nieuw", Status: 200, Haal: func() webtest.Antwoord { return o.get(pad+"/aanvraag", "consulent") }},
		{Naam: "aanvraag-nieuw-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(pad+"/aanvraag", "consulent", url.Values{"vorm": {"goed"}, "bedrag": {"x"}})
		}},
		{Naam: "aanvragen", Status: 200, Haal: func() webtest.Antwoord { return o.get(aanvragenURL(gm), "consulent") }},
		{Naam: "aanvragen-zaak", Status: 200, Haal: func() webtest.Antwoord { return o.get(aanvragenURL(gm)+"?zaak=7", "consulent") }},
		{Naam: "aanvragen-fout", Status: 200, Haal: func() webtest.Antwoord { return o.get(aanvragenURL(gm)+"?status=x", "consulent") }},
		{Naam: "aanvraag", Status: 200, Haal: func() webtest.Antwoord { return o.get(aanvraag+"?klaar=aanvraag", "consulent") }},
		{Naam: "aanvraag-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(aanvraag+"/besluit", "consulent", url.Values{"versie": {"1"}})
		}},
		{Naam: "aanvraag-verouderd", Status: 409, Haal: func() webtest.Antwoord {
			return o.post(aanvraag+"/besluit", "consulent", url.Values{"versie": {"9"}, "besluit": {"afwijzen"}, "besluit-reden": {"x"}})
		}},
		{Naam: "aanvraag-besloten", Status: 200, Haal: func() webtest.Antwoord { return o.get(besloten, "consulent") }},
		// The letter is a document of its own (internal/brief), print-ready, without the site's layout.
		{Naam: "brief", Status: 200, Haal: func() webtest.Antwoord { return o.get(besloten+"/brief", "consulent") }},
		{Naam: "instellingen", Status: 200, Haal: func() webtest.Antwoord { return o.get(basis(gm)+"/instellingen", "beheerder") }},
		{Naam: "instellingen-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(basis(gm)+"/instellingen", "beheerder", url.Values{"versie": {"0"}, "vierogen": {"1.500"}})
		}},
	}
	webtest.StartBrowser(t, o.H).AxePaginas(t, "budget", paginas)
}
