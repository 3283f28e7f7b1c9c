package webtest

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// Pagina is one page of an axe walk (AxePaginas): its name in the test's messages and screenshots, the
// status it must answer with, and how to fetch it (as the right role, with the part's own requests).
type Pagina struct {
	Naam   string
	Status int
	Haal   func() Antwoord
}

// Breedtes are the widths every page of an axe walk is checked at: desktop, and a 375 px phone.
var Breedtes = []int64{1280, 375}

// AxePaginas runs axe-core (WCAG 2.1 A and AA) on pages that are fetched without the browser: each page
// is fetched (Haal), must answer with its status, and is written into a document of the browser's test
// server, so its styles and scripts load as in a real visit. At each width of Breedtes, in a tab of its
// own, every page passes axe-core and the page itself does not scroll sideways (wide tables scroll in
// their own container). With ZEKER_SCREENSHOTS set, each page is saved as screenshot-naam-breedte
// (screenshot "": none). Start the browser with the part's handler (StartBrowser(t, o.H)).
func (b *Browser) AxePaginas(t testing.TB, screenshot string, paginas []Pagina) {
	t.Helper()
	for _, breedte := range Breedtes {
		ctx := b.Tab(t)
		Do(t, ctx, chromedp.EmulateViewport(breedte, 900))
		for _, p := range paginas {
			a := p.Haal()
			if a.Status != p.Status {
				t.Fatalf("%s: status %d, want %d", p.Naam, a.Status, p.Status)
			}
			html, _ := json.Marshal(a.Body)
			Do(t, ctx, chromedp.Navigate(b.Base+"/healthz"))
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(r => { document.open(); document.write(`+string(html)+
				`); document.close(); if (document.readyState === 'complete') r(true); else window.addEventListener('load', () => r(true)); })`,
				chromedp.EvalAwaitPromise)); err != nil {
				t.Fatalf("%s: %v", p.Naam, err)
			}
			naam := fmt.Sprintf("%s@%d", p.Naam, breedte)
			b.CheckAxe(t, ctx, naam)
			w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if int64(w) > breedte {
				t.Errorf("%s: page is %d px wide at a %d px viewport", naam, w, breedte)
			}
			if screenshot != "" {
				b.Screenshot(t, ctx, fmt.Sprintf("%s-%s-%d", screenshot, p.Naam, breedte))
			}
		}
	}
}
