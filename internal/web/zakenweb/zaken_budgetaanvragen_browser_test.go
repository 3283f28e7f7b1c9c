package zakenweb

import (
	"encoding/json"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserZaakBudgetAanvragen runs axe-core on the zaak page with its section of budget requests (the
// table of TestZaakBudgetAanvragen), at desktop width and at 375 px. Gated like the other browser tests.
func TestBrowserZaakBudgetAanvragen(t *testing.T) {
	webtest.BrowserAan(t)
	b := webtest.StartBrowser(t, webtest.Handler(t, webtest.Kit(t)))
	o, zaak, _, _ := budgetOmgeving(t)
	ts := httptest.NewServer(o.H)
	t.Cleanup(ts.Close)
	for _, breedte := range []int64{1280, 375} {
		ctx := b.Tab(t)
		webtest.Do(t, ctx, chromedp.EmulateViewport(breedte, 900))
		a := o.get(zaak, "consulent")
		webtest.Bevat(t, a, `id="budgetaanvragen"`)
		html, _ := json.Marshal(a.Body)
		webtest.Do(t, ctx, chromedp.Navigate(ts.URL+"/healthz"))
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(r => { document.open(); document.write(`+string(html)+
			`); document.close(); if (document.readyState === 'complete') r(true); else window.addEventListener('load', () => r(true)); })`,
			chromedp.EvalAwaitPromise)); err != nil {
			t.Fatal(err)
		}
		b.CheckAxe(t, ctx, "zaak-budgetaanvragen")
		w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if int64(w) > breedte {
			t.Errorf("page is %d px wide at a %d px viewport", w, breedte)
		}
	}
}
