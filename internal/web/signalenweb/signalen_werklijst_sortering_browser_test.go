package signalenweb

import (
	"net/http"
	"testing"

	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserSignalenWerklijstSortering checks the sorted worklist in Chromium with axe-core (WCAG 2.1 A
// and AA): the "Sorteren op" select, the sortable column headers with aria-sort, and the field error of
// an unknown order, at 1280 and 375 px.
func TestBrowserSignalenWerklijstSortering(t *testing.T) {
	webtest.BrowserAan(t)
	o := nieuweSigOmgeving(t, storetest.Open(t, storetest.Dialects(t)[0]))
	crisis := sigSignaal("C1", signalen.PartnerEnergie, 50, 4)
	crisis.Crisis, crisis.CrisisSoort = true, signalen.CrisisAfsluitingEnergie
	o.lever(sigGM, "woonco", sigSignaal("R0", signalen.PartnerHuur, 900, 0), sigSignaal("R1", signalen.PartnerHuur, 100, 1), crisis)
	basis := "/beheer/" + sigGM + "/signalen"
	var paginas []webtest.Pagina
	for _, q := range []string{"?sortering=nieuwste", "?sortering=oudste", "?sortering=bedrag", "?sortering=deadline", "?sortering=x&per=7"} {
		paginas = append(paginas, webtest.Pagina{Naam: q, Status: http.StatusOK, Haal: func() webtest.Antwoord { return o.get(basis+q, "consulent") }})
	}
	webtest.StartBrowser(t, o.H).AxePaginas(t, "", paginas)
}
