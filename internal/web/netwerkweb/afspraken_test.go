package netwerkweb_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

func TestAfsprakenWeb(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		gloed := o.Partner("Energiecoöperatie GLOED", eigen)
		beh := o.SessieAls("beheerder")
		basis := "/beheer/" + eigen + "/afspraken"
		webtest.Bevat(t, o.get(t, basis, beh, 200), "nog geen netwerkafspraken")
		webtest.Bevat(t, o.get(t, basis+"/nieuw", beh, 200), "Energiecoöperatie GLOED")
		v := url.Values{"naam": {"Zonnecarport Zuidhorn"}, "soort": {"samenwerking"}, "van": {"1-3-2023"}, "tot": {"1-1-2023"}, "bron": {""},
			"partner": {gloed}, "indicator.0.naam": {"Huishoudens"}, "indicator.0.streef": {"100 huishoudens"}, "indicator.0.bron": {""},
			"indicator.1.naam": {""}, "indicator.1.streef": {""}, "indicator.1.bron": {""}}
		a := o.post(t, basis+"/nieuw", beh, v, 422)
		webtest.Bevat(t, a, "De einddatum ligt voor de begindatum.", "Vul de bron in", "Een streefwaarde heeft een bron")
		v.Set("tot", "")
		v.Set("bron", "Solidair en dichtbij, §3.2.1")
		v.Set("indicator.0.bron", "Solidair en dichtbij, §3.2.1")
		a = o.post(t, basis+"/nieuw", beh, v, 303)
		pad := strings.TrimSuffix(a.Loc, "?klaar=afspraak")
		webtest.Bevat(t, o.get(t, pad, beh, 200), "Zonnecarport Zuidhorn", "100 huishoudens", "2023-03-01")
		webtest.Bevat(t, o.get(t, basis, beh, 200), "vanaf 1 maart 2023", "zonder einddatum", "Energiecoöperatie GLOED", "100 huishoudens (bron: Solidair en dichtbij, §3.2.1)")
		// Another gemeente's beheerder: not found (and no access at all as a role of this gemeente elsewhere).
		anderPad := strings.Replace(pad, "/"+eigen+"/", "/"+ander+"/", 1)
		o.get(t, anderPad, o.SessieAls("systeembeheerder"), 404)
		o.post(t, anderPad+"/verwijderen", o.SessieAls("systeembeheerder"), url.Values{}, 404)
		o.post(t, pad+"/verwijderen", beh, url.Values{}, 303)
		webtest.Bevat(t, o.get(t, basis, beh, 200), "nog geen netwerkafspraken")
	})
}

func TestBrowserAfspraken(t *testing.T) {
	webtest.BrowserAan(t)
	o := nieuweOmgeving(t, storetest.OpenTest(t))
	o.Partner("Humanitas", eigen)
	b := webtest.StartBrowser(t, o.H)
	ctx := b.Tab(t)
	ga := func(pad string) {
		t.Helper()
		webtest.Do(t, ctx, chromedp.Navigate(b.Base+pad), chromedp.WaitReady(chromedp.CSS("footer")))
	}
	b.ZetSessie(t, ctx, o.SessieAls("beheerder"))
	basis := "/beheer/" + eigen + "/afspraken"
	ga(basis)
	b.CheckAxe(t, ctx, "afspraken-leeg")
	ga(basis + "/nieuw")
	b.CheckAxe(t, ctx, "afspraak-nieuw")
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "afspraak-nieuw-fout")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#naam"), "Armoedepact"), chromedp.SetValue(chromedp.CSS("#soort"), "armoedepact"),
		chromedp.SetValue(chromedp.CSS("#bron"), "Beleidsplan"), chromedp.SetValue(chromedp.CSS(`[id="indicator.0.naam"]`), "Bijeenkomsten per jaar"))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "afspraak")
	ga(basis)
	b.CheckAxe(t, ctx, "afspraken")
}
