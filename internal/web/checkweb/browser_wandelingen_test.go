package checkweb

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// vulIn fills the form on screen with the answers of one step as a person does with the mouse and the
// keyboard: a radio button or checkbox is clicked, a field gets its value; hidden fields are the
// page's own.
const vulIn = `(function(v){
  for (const [k, vals] of Object.entries(v)) {
    for (const el of document.querySelectorAll('[name="' + k + '"]')) {
      if (el.type === 'hidden') continue;
      if (el.type === 'radio' || el.type === 'checkbox') {
        if (vals.includes(el.value) !== el.checked) el.click();
      } else {
        el.value = vals[0];
      }
    }
  }
  return true;
})`

// pdfPaginaRe finds the page objects of a PDF (not the /Pages tree).
var pdfPaginaRe = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestBrowserWandelingen walks the four households of issue 15 in every gemeente in the browser,
// answering only what the check asks; on each result page the outcome of every regeling is the
// scenario's (docs/wandelingen.md), the overview has at most 150 words, and axe-core finds nothing.
func TestBrowserWandelingen(t *testing.T) {
	webtest.BrowserAan(t)
	s := testServer(t, testConfig{})
	*s.klok = wandelingDatum
	b := webtest.StartBrowser(t, s.Handler())
	for _, gm := range wandelingGemeenten {
		for _, w := range wandelingen {
			t.Run(gm+"/"+strings.Fields(w.naam)[0], func(t *testing.T) {
				ctx := b.Tab(t)
				webtest.Do(t, ctx, chromedp.Navigate(b.Base+"/"), chromedp.WaitReady(chromedp.CSS("footer")))
				webtest.Do(t, ctx, chromedp.Click(chromedp.CSS("#gemeente-"+gm)), chromedp.Click(chromedp.CSS("#voor-zelf")))
				webtest.Submit(t, ctx, "#start")
				for i := 0; i < 9 && !webtest.Has(t, ctx, "#overzicht"); i++ {
					stap := ""
					for _, st := range stappen {
						if webtest.Has(t, ctx, "#stap-"+st) {
							stap = st
						}
					}
					v, ok := w.antwoorden[stap]
					if !ok {
						t.Fatalf("step %q asked, the walk has no answer for it", stap)
					}
					if stap == stapZorgpremie {
						b.CheckAxe(t, ctx, "stap zorgpremie "+gm)
					}
					js, _ := json.Marshal(v)
					if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](vulIn+"("+string(js)+")")); err != nil {
						t.Fatal(err)
					}
					webtest.Submit(t, ctx, "#volgende")
					if webtest.Has(t, ctx, "#foutsamenvatting") {
						txt, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#foutsamenvatting")))
						t.Fatalf("form error on %s: %s", stap, txt)
					}
				}
				if !webtest.Has(t, ctx, "#overzicht") {
					t.Fatal("no result page")
				}
				b.CheckAxe(t, ctx, "resultaat "+gm+" "+w.naam)
				tekst, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#overzicht")))
				if err != nil {
					t.Fatal(err)
				}
				if n := len(strings.Fields(tekst)); n > 150 {
					t.Errorf("overview has %d words: %s", n, tekst)
				}
				nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll("article[data-oordeel]"), chromedp.AtLeast(0)))
				if err != nil {
					t.Fatal(err)
				}
				got := map[string]string{}
				for _, n := range nodes {
					got[strings.TrimPrefix(n.AttributeValue("id"), "regeling-")] = n.AttributeValue("data-oordeel")
				}
				vergelijkWandeling(t, gm+" "+w.naam, got, verwachteUitkomsten(t, gm, w))
				if gm == "GM0175" {
					b.Screenshot(t, ctx, "wandeling-"+gm+"-"+strings.Fields(w.naam)[0])
				}
				// The printout (print.css) on A4: at most two pages.
				var pdf []byte
				webtest.Do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
					pdf = res.Data
					return err
				}))
				n := len(pdfPaginaRe.FindAll(pdf, -1))
				if dir := os.Getenv("ZEKER_SCREENSHOTS"); dir != "" {
					os.WriteFile(filepath.Join(dir, "afdruk-"+gm+"-"+strings.Fields(w.naam)[0]+".pdf"), pdf, 0o644)
				}
				t.Logf("%s %s: printout %d pages A4", gm, w.naam, n)
				if n > 2 {
					t.Errorf("printout is %d pages A4, want at most 2", n)
				}
			})
		}
	}
}
