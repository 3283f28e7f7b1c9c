package netwerkweb_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserSocialeKaart runs axe-core (WCAG 2.1 A/AA) on every page of the part in a real browser:
// the public sociale kaart (Dutch and English, a search, no results, an error) and the beheerder's pages
// (the offer, the forms with errors, the overview with an import refused). The search works without
// JavaScript: it is a GET form.
func TestBrowserSocialeKaart(t *testing.T) {
	webtest.BrowserAan(t)
	o := nieuweOmgeving(t, storetest.OpenTest(t))
	o.vulKaart(t)
	b := webtest.StartBrowser(t, o.H)
	ctx := b.Tab(t)
	ga := func(pad string) {
		t.Helper()
		webtest.Do(t, ctx, chromedp.Navigate(b.Base+pad), chromedp.WaitReady(chromedp.CSS("footer")))
	}
	tekst := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, p := range []struct{ naam, pad string }{
		{"kaarten", "/sociale-kaart/"},
		{"kaarten-en", "/sociale-kaart/?lang=en"},
		{"kaart", web.SocialeKaartURL(eigen, "")},
		{"kaart-en", web.SocialeKaartURL(eigen, "en")},
		{"kaart-leeg", web.SocialeKaartURL(ander, "")},
		{"kaart-niets", web.SocialeKaartURL(eigen, "") + "?zoek=fiets"},
		{"kaart-fout", web.SocialeKaartURL(eigen, "") + "?behoefte=geld"},
	} {
		ga(p.pad)
		b.CheckAxe(t, ctx, p.naam)
		b.Screenshot(t, ctx, "sociale-kaart-"+p.naam)
	}
	// The search, as a resident does it: choose a need and press the button.
	ga(web.SocialeKaartURL(eigen, ""))
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#behoefte"), "voedsel"))
	webtest.Submit(t, ctx, "#zoeken button[type=submit]")
	if h := tekst("#resultaten"); h != "1 dienst gevonden" {
		t.Errorf("after choosing a need: %q", h)
	}
	b.CheckAxe(t, ctx, "kaart-gezocht")

	// The beheerder's pages.
	b.ZetSessie(t, ctx, o.SessieAls("beheerder"))
	basis := "/beheer/" + eigen
	ds, _ := o.net.DienstenIn(t.Context(), eigen)
	dienst := ds[0]
	ls, _ := o.net.LocatiesVan(t.Context(), ds[len(ds)-1].PartnerID)
	for _, p := range []struct{ naam, pad string }{
		{"beheer-kaart", basis + "/sociale-kaart"},
		{"aanbod", basis + "/partners/" + dienst.PartnerID + "/aanbod"},
		{"dienst", basis + "/diensten/" + dienst.ID},
		{"dienst-nieuw", basis + "/partners/" + dienst.PartnerID + "/diensten/nieuw"},
		{"locatie-nieuw", basis + "/partners/" + dienst.PartnerID + "/locaties/nieuw"},
	} {
		ga(p.pad)
		b.CheckAxe(t, ctx, p.naam)
	}
	if len(ls) > 0 {
		ga(basis + "/locaties/" + ls[0].ID)
		b.CheckAxe(t, ctx, "locatie")
	}
	ga(basis + "/partners/" + dienst.PartnerID + "/diensten/nieuw")
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	if !strings.Contains(tekst("#foutsamenvatting"), "Kies ten minste één onderwerp") {
		t.Error("no error summary on the empty service form")
	}
	b.CheckAxe(t, ctx, "dienst-nieuw-fout")
	ga(basis + "/partners/" + dienst.PartnerID + "/locaties/nieuw")
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "locatie-nieuw-fout")
	ga(basis + "/sociale-kaart")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#maanden"), "99"))
	webtest.Submit(t, ctx, "form[action$='/instellingen'] button")
	b.CheckAxe(t, ctx, "beheer-kaart-fout")
}
