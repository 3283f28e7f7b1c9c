package zakenweb

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserNazorgPartner runs axe-core (WCAG 2.1 A and AA) on the partner's list of nazorg contact
// moments (and an empty "Acties in een plan"): with a planned moment and its form, with a field
// error, and the page for a user of no partner; at 1280 and 375 px, without sideways scrolling of the
// page.
func TestBrowserNazorgPartner(t *testing.T) {
	webtest.BrowserAan(t)
	o, _, lijst, humS, _ := nazorgPartnerOpzet(t, storetest.OpenTest(t))
	l := o.Doe(http.MethodGet, lijst, humS, nil, nil)
	moment, versie := eerste(t, momentRe, l.Body), eerste(t, versieRe, l.Body)
	paginas := []webtest.Pagina{
		{Naam: "partner-lijst", Status: 200, Haal: func() webtest.Antwoord { return o.Doe(http.MethodGet, lijst, humS, nil, nil) }},
		{Naam: "partner-lijst-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.Doe(http.MethodPost, lijst, humS, url.Values{"moment": {moment}, "versie": {versie}, "gehouden-datum": {"gisteren"}}, nil)
		}},
		{Naam: "partner-lijst-geen-partner", Status: 200, Haal: func() webtest.Antwoord { return o.get(lijst, "intermediair") }},
	}
	webtest.StartBrowser(t, o.H).AxePaginas(t, "zaken", paginas)
}

// TestBrowserPlanPartner runs axe-core on the partner page with its second section filled: the plan
// actions of the partner's own organisation, with the regisseur and the gemeente's phone number.
func TestBrowserPlanPartner(t *testing.T) {
	webtest.BrowserAan(t)
	o, _, lijst, _, humS, _ := planPartnerOpzet(t, storetest.OpenTest(t))
	paginas := []webtest.Pagina{
		{Naam: "partner-plan-acties", Status: 200, Haal: func() webtest.Antwoord { return o.Doe(http.MethodGet, lijst, humS, nil, nil) }},
	}
	webtest.StartBrowser(t, o.H).AxePaginas(t, "zaken", paginas)
}
