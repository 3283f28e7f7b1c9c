package monitorweb

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserVerwijzingscijfers runs axe-core on the referral counts (with suppressed cells, and with
// a bad period) and on the Wgs indicators of zaken.
func TestBrowserVerwijzingscijfers(t *testing.T) {
	webtest.BrowserAan(t)
	o, _ := cijferOmgeving(t, false)
	b := webtest.StartBrowser(t, o.H)
	ctx := b.Tab(t)
	b.ZetSessie(t, ctx, o.SessieAls("beleidsmedewerker"))
	basis := "/beheer/" + webtest.Eigen
	for naam, pad := range map[string]string{"verwijzingscijfers": "/verwijzingscijfers", "verwijzingscijfers-fout": "/verwijzingscijfers?periode=volgend-jaar",
		"zaakindicatoren": "/zaakindicatoren"} {
		webtest.Do(t, ctx, chromedp.Navigate(b.Base+basis+pad), chromedp.WaitReady(chromedp.CSS("footer")))
		b.CheckAxe(t, ctx, naam)
	}
}
