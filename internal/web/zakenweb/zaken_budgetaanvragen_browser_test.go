package zakenweb

import (
	"net/http"
	"testing"

	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserZaakBudgetAanvragen runs axe-core on the zaak page with its section of budget requests (the
// table of TestZaakBudgetAanvragen), at desktop width and at 375 px. Gated like the other browser tests.
func TestBrowserZaakBudgetAanvragen(t *testing.T) {
	webtest.BrowserAan(t)
	o, zaak, _, _ := budgetOmgeving(t)
	webtest.StartBrowser(t, o.H).AxePaginas(t, "", []webtest.Pagina{
		{Naam: "zaak-budgetaanvragen", Status: http.StatusOK, Haal: func() webtest.Antwoord {
			a := o.get(zaak, "consulent")
			webtest.Bevat(t, a, `id="budgetaanvragen"`)
			return a
		}},
	})
}
