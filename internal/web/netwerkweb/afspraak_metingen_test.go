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

// maakAfspraak stores an agreement with two indicators through the form and returns its path.
func maakAfspraak(t *testing.T, o *omgeving, beh string) string {
	t.Helper()
	v := url.Values{"naam": {"Armoedepact"}, "soort": {"armoedepact"}, "bron": {"Plan §1"},
		"indicator.0.naam": {"Bereikte huishoudens"}, "indicator.0.streef": {"100 huishoudens"}, "indicator.0.bron": {"Plan §1"},
		"indicator.1.naam": {"Aantal verwijzingen naar partners"}, "indicator.1.streef": {""}, "indicator.1.bron": {""}}
	a := o.post(t, "/beheer/"+eigen+"/afspraken/nieuw", beh, v, 303)
	return strings.TrimSuffix(a.Loc, "?klaar=afspraak")
}

// TestAfspraakMetingenWeb: the form refuses a missing or bad field with its reason (422, nothing
// stored), records a value, opens it again to change it, refuses a stale form (409, showing what is
// stored now), says where Zeker counts something like an indicator without filling it in, and another
// gemeente's agreement is not found.
func TestAfspraakMetingenWeb(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		beh := o.SessieAls("beheerder")
		pad := maakAfspraak(t, o, beh) + "/metingen"
		a := o.get(t, pad, beh, 200)
		webtest.Bevat(t, a, "Er is nog geen gemeten waarde vastgelegd.", "Aantal verwijzingen naar partners: Zeker telt verwijzingen zelf", `name="versie" value="0"`)
		if strings.Contains(a.Body, "Bereikte huishoudens: Zeker") {
			t.Error("a hint for an indicator Zeker does not count")
		}
		fout := url.Values{"versie": {"0"}, "indicator": {"Iets"}, "periode": {"2025-K7"}, "waarde": {""}, "bron": {""}, "gemeten_op": {"gisteren"}}
		a = o.post(t, pad, beh, fout, 422)
		webtest.Bevat(t, a, "Periode: schrijf een jaar (2026) of een kwartaal (2026-K2).", "Vul een datum in zoals 15-1-2027.")
		fout.Set("periode", "2025")
		fout.Set("gemeten_op", "10-1-2026")
		a = o.post(t, pad, beh, fout, 422)
		webtest.Bevat(t, a, "Kies een indicator van deze afspraak.", "Vul de gemeten waarde in", "Vul de bron in")
		goed := url.Values{"versie": {"0"}, "indicator": {"Bereikte huishoudens"}, "periode": {"2025"}, "waarde": {"87 huishoudens"},
			"bron": {"Jaarrapportage 2025, p. 4"}, "gemeten_op": {"10-1-2026"}}
		o.post(t, pad, beh, goed, 303)
		a = o.get(t, pad, beh, 200)
		webtest.Bevat(t, a, "87 huishoudens", "Jaarrapportage 2025, p. 4", "10 januari 2026")
		a = o.get(t, pad+"?indicator="+url.QueryEscape("Bereikte huishoudens")+"&periode=2025", beh, 200)
		webtest.Bevat(t, a, "Meting wijzigen", `name="versie" value="1"`, `value="87 huishoudens"`)
		// A second "new" form for the same indicator and period is stale: 409 with what is stored now.
		goed.Set("waarde", "90 huishoudens")
		a = o.post(t, pad, beh, goed, 409)
		webtest.Bevat(t, a, "Iemand anders heeft deze meting intussen vastgelegd of gewijzigd", `value="87 huishoudens"`, `name="versie" value="1"`)
		goed.Set("versie", "1")
		o.post(t, pad, beh, goed, 303)
		webtest.Bevat(t, o.get(t, pad, beh, 200), "90 huishoudens")
		o.get(t, strings.Replace(pad, "/"+eigen+"/", "/"+ander+"/", 1), o.SessieAls("systeembeheerder"), 404)
	})
}

// TestBrowserMetingen runs axe-core on the measured values: empty, with a value, with errors.
func TestBrowserMetingen(t *testing.T) {
	webtest.BrowserAan(t)
	o := nieuweOmgeving(t, storetest.OpenTest(t))
	beh := o.SessieAls("beheerder")
	pad := maakAfspraak(t, o, beh) + "/metingen"
	b := webtest.StartBrowser(t, o.H)
	ctx := b.Tab(t)
	b.ZetSessie(t, ctx, beh)
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+pad), chromedp.WaitReady(chromedp.CSS("footer")))
	b.CheckAxe(t, ctx, "metingen-leeg")
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "metingen-fout")
	o.post(t, pad, beh, url.Values{"versie": {"0"}, "indicator": {"Bereikte huishoudens"}, "periode": {"2025"}, "waarde": {"87 huishoudens"},
		"bron": {"Jaarrapportage 2025"}, "gemeten_op": {"10-1-2026"}}, 303)
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+pad), chromedp.WaitReady(chromedp.CSS("footer")))
	b.CheckAxe(t, ctx, "metingen")
}
