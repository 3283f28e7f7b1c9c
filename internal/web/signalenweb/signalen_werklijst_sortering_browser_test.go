package signalenweb

import (
	"encoding/json"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserSignalenWerklijstSortering checks the sorted worklist in Chromium with axe-core (WCAG 2.1 A
// and AA): the "Sorteren op" select, the sortable column headers with aria-sort, and the field error of
// an unknown order, at 1280 and 375 px.
func TestBrowserSignalenWerklijstSortering(t *testing.T) {
	b := startBrowser(t)
	o := nieuweSigOmgeving(t, storetest.Open(t, storetest.Dialects(t)[0]))
	crisis := sigSignaal("C1", signalen.PartnerEnergie, 50, 4)
	crisis.Crisis, crisis.CrisisSoort = true, signalen.CrisisAfsluitingEnergie
	o.lever(sigGM, "woonco", sigSignaal("R0", signalen.PartnerHuur, 900, 0), sigSignaal("R1", signalen.PartnerHuur, 100, 1), crisis)
	ts := httptest.NewServer(o.H)
	t.Cleanup(ts.Close)
	basis := "/beheer/" + sigGM + "/signalen"
	for _, breedte := range []int64{1280, 375} {
		ctx := b.Tab(t)
		webtest.Do(t, ctx, chromedp.EmulateViewport(breedte, 900))
		for _, q := range []string{"?sortering=nieuwste", "?sortering=oudste", "?sortering=bedrag", "?sortering=deadline", "?sortering=x&per=7"} {
			a := o.get(basis+q, "consulent")
			if a.Status != 200 {
				t.Fatalf("%s: status %d", q, a.Status)
			}
			html, _ := json.Marshal(a.Body)
			webtest.Do(t, ctx, chromedp.Navigate(ts.URL+"/healthz"))
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(r => { document.open(); document.write(`+string(html)+
				`); document.close(); if (document.readyState === 'complete') r(true); else window.addEventListener('load', () => r(true)); })`,
				chromedp.EvalAwaitPromise)); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			b.CheckAxe(t, ctx, q)
			w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if int64(w) > breedte {
				t.Errorf("%s: page is %d px wide at a %d px viewport", q, w, breedte)
			}
		}
	}
}
