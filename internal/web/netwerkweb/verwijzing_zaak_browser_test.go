package netwerkweb_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserVerwijzingZaak runs axe-core on a referral to the gemeente with the button "Zaak
// schuldhulp starten", clicks it, and on the page afterwards with the link to the zaak.
func TestBrowserVerwijzingZaak(t *testing.T) {
	webtest.BrowserAan(t)
	nz := &nepZaken{zaken: map[string]int64{}, start: map[int64]time.Time{}, partner: map[int64]string{}, mag: true}
	o := nieuweOmgevingMet(t, storetest.OpenTest(t), nz.bronnen())
	hum := o.Partner("Humanitas", eigen)
	humC := o.partnerGebruiker(t, hum, eigen, "hum@humanitas.test")
	basis := "/beheer/" + eigen + "/verwijzingen"
	pad := strings.TrimSuffix(o.post(t, basis+"/nieuw", humC, url.Values{"bron": {"partner"}, "naam": {"K. Jansen"},
		"email": {"k.jansen@voorbeeld.test"}, "behoefte": {"schuldhulp"}, "vraag": {"Betalingsachterstanden."},
		"toestemming_wat": {"naam, e-mail en vraag"}, "toestemming_op": {"15-1-2026"}}, 303).Loc, "?klaar=verwezen")

	b := webtest.StartBrowser(t, o.H)
	ctx := b.Tab(t)
	b.ZetSessie(t, ctx, o.SessieAls("consulent"))
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+pad), chromedp.WaitReady(chromedp.CSS("footer")))
	b.CheckAxe(t, ctx, "verwijzing-zaak-starten")
	webtest.Submit(t, ctx, "#zaak-starten")
	loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil {
		t.Fatal(err)
	}
	if loc != "/beheer/"+eigen+"/zaak/100" {
		t.Errorf("na de klik op %q", loc)
	}
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+pad), chromedp.WaitReady(chromedp.CSS("#verwijzing-zaak")))
	b.CheckAxe(t, ctx, "verwijzing-zaak-link")
}
