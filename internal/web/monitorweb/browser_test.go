package monitorweb

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserArmoedeval runs axe-core (WCAG 2.1 A/AA) in Chromium on the armoedeval page: the first
// visit, a curve with its charts and tables, every what-if with its cost, and a form with errors. The
// page needs no JavaScript: the form is GET and the charts are SVG. Skipped without
// ZEKER_BROWSER_TESTS=1.
func TestBrowserArmoedeval(t *testing.T) {
	webtest.BrowserAan(t)
	o := nieuweOmgeving(t, storetest.OpenTest(t), webtest.Opties{})
	b := webtest.StartBrowser(t, o.H)
	ctx := b.Tab(t)
	b.ZetSessie(t, ctx, o.beleid)
	basis := "/beheer/" + ommen + "/armoedeval"
	watAls := url.Values{"type": {"alleenstaande_ouder_2"}, "huur": {"650"}, "datum": {"2026-01-15"},
		"glijdend_regeling": {"participatie_volwassenen"}, "glijdend_band": {"20"}, "premie_bedrag": {"50"}, "premie_tot": {"130%"},
		"landing_regeling": {"participatie_volwassenen"}, "landing_maanden": {"6"},
		"huishoudens": {"1200"}, "aandeel": {"5%"}, "aandeel_bron": {"telling gemeente 2025"}}
	fout := url.Values{"huur": {"veel"}, "landing_maanden": {"40"}, "landing_regeling": {"participatie_volwassenen"}}
	for _, p := range []struct{ naam, pad string }{
		{"eerste-bezoek", basis},
		{"wat-als", basis + "?" + watAls.Encode()},
		{"aow-paar", basis + "?type=aow_paar&datum=2026-01-15"},
		{"fout", basis + "?" + fout.Encode()},
	} {
		webtest.Do(t, ctx, chromedp.Navigate(b.Base+p.pad), chromedp.WaitReady(chromedp.CSS("footer")))
		b.CheckAxe(t, ctx, "armoedeval-"+p.naam)
		b.Screenshot(t, ctx, "armoedeval-"+p.naam)
	}
	// The form works without JavaScript: choose a type and submit, and the result is for that type.
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+basis), chromedp.WaitReady(chromedp.CSS("footer")),
		chromedp.SetValue(chromedp.CSS("#type"), "paar_2"), chromedp.SetValue(chromedp.CSS("#huur"), "700"))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	kop, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#uitslag-kop")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(kop, "Paar met 2 kinderen in Ommen") {
		t.Errorf("after submitting: %q", kop)
	}
	b.CheckAxe(t, ctx, "armoedeval-paar")
}

// TestBrowserNetwerkafspraken runs axe-core on the monitor's network agreements: with an agreement and
// its indicators, and with a bad date.
func TestBrowserNetwerkafspraken(t *testing.T) {
	webtest.BrowserAan(t)
	o, _ := afsprakenOmgeving(t, true)
	b := webtest.StartBrowser(t, o.H)
	ctx := b.Tab(t)
	b.ZetSessie(t, ctx, o.SessieAls("beleidsmedewerker"))
	for naam, pad := range map[string]string{"netwerkafspraken": "", "netwerkafspraken-fout": "?datum=morgen"} {
		webtest.Do(t, ctx, chromedp.Navigate(b.Base+"/beheer/"+webtest.Eigen+"/netwerkafspraken"+pad), chromedp.WaitReady(chromedp.CSS("footer")))
		b.CheckAxe(t, ctx, naam)
	}
}
