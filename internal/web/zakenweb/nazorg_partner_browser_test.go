package zakenweb

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserNazorgPartner runs axe-core (WCAG 2.1 A and AA) on the partner's list of nazorg contact
// moments: with a planned moment and its form, with a field error, and the page for a user of no
// partner; at 1280 and 375 px, without sideways scrolling of the page.
func TestBrowserNazorgPartner(t *testing.T) {
	webtest.BrowserAan(t)
	b := webtest.StartBrowser(t, webtest.Handler(t, webtest.Kit(t)))
	o, _, lijst, humS, _ := nazorgPartnerOpzet(t, storetest.OpenTest(t))
	l := o.Doe(http.MethodGet, lijst, humS, nil, nil)
	moment, versie := eerste(t, momentRe, l.Body), eerste(t, versieRe, l.Body)
	ts := httptest.NewServer(o.H)
	t.Cleanup(ts.Close)
	paginas := []struct {
		naam   string
		status int
		a      func() webtest.Antwoord
	}{
		{"partner-lijst", 200, func() webtest.Antwoord { return o.Doe(http.MethodGet, lijst, humS, nil, nil) }},
		{"partner-lijst-fout", 422, func() webtest.Antwoord {
			return o.Doe(http.MethodPost, lijst, humS, url.Values{"moment": {moment}, "versie": {versie}, "gehouden-datum": {"gisteren"}}, nil)
		}},
		{"partner-lijst-geen-partner", 200, func() webtest.Antwoord { return o.get(lijst, "intermediair") }},
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
			b.Screenshot(t, ctx, "zaken-"+p.naam+fmt.Sprintf("-%d", breedte))
		}
	}
}
