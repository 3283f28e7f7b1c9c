package scanweb

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserScan runs axe-core (WCAG 2.1 A/AA) on every scan page in Chromium: reach with chart,
// what-if with and without a result and with an error, the proposals and one proposal with a failed
// decision. Skipped without ZEKER_BROWSER_TESTS=1 (see startStaffBrowser).
func TestBrowserScan(t *testing.T) {
	b, o := startStaffBrowser(t)
	datum := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	for _, r := range []auth.Rol{auth.Beleidsmedewerker, auth.Consulent} {
		if err := o.Auth.ZetRol(t.Context(), o.IDs[string(r)], ander, r); err != nil {
			t.Fatal(err)
		}
	}
	laadPopulatie(t, o.DB, ander, 1500, datum)
	cat := webtest.Catalogus(t)
	u, err := scan.Voer(t.Context(), o.DB, cat, ander, datum, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := u.SlaOp(t.Context(), o.DB); err != nil {
		t.Fatal(err)
	}
	pk, _ := cat.Pakket(ander, datum)
	pk, _ = pk.Wijzig(regels.Wijziging{Pad: "open_termen.referteperiode.maanden", Waarde: "36"})
	pop, _ := register.LaadPopulatie(t.Context(), o.DB, ander, datum, cat.Params())
	u2, _ := scan.Scan(t.Context(), pop, pk)
	ctx0 := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test"})
	if n, err := scan.MaakVoorstellen(ctx0, o.DB, o.Audit, u2); err != nil || n == 0 {
		t.Fatalf("MaakVoorstellen = %d, %v", n, err)
	}

	ctx := b.Tab(t)
	ga := func(pad string) {
		t.Helper()
		webtest.Do(t, ctx, chromedp.Navigate(b.Base+pad), chromedp.WaitReady(chromedp.CSS("footer")))
	}
	login := func(email string) {
		t.Helper()
		b.ZetSessie(t, ctx, o.Sessie(email))
	}
	basis := "/beheer/" + ander + "/scan"
	login("beleidsmedewerker@test.zeker.test")
	wat := url.Values{"pad1": {"open_termen.inkomensgrens.percentage"}, "waarde1": {"110%"}, "datum": {"2026-01-15"}, "dimensie": {"woonplaats"}}
	fout := url.Values{"pad1": {"open_termen.inkomensgrens.percentage"}, "waarde1": {"veel"}}
	for _, p := range []struct{ naam, pad string }{
		{"scan", basis},
		{"scan-leeftijd", basis + "?regeling=participatie_volwassenen&dimensie=leeftijd"},
		{"watals", basis + "/watals"},
		{"watals-uitslag", basis + "/watals?" + wat.Encode()},
		{"watals-fout", basis + "/watals?" + fout.Encode()},
	} {
		ga(p.pad)
		b.CheckAxe(t, ctx, p.naam)
		b.Screenshot(t, ctx, "scan-"+p.naam)
		kopjesHeel(t, ctx, p.naam)
	}
	login("consulent@test.zeker.test") // replaces the session cookie
	for _, p := range []struct{ naam, pad string }{
		{"scan-consulent", basis},
	} {
		ga(p.pad)
		b.CheckAxe(t, ctx, p.naam)
		b.Screenshot(t, ctx, "scan-"+p.naam)
	}

	// The beheerder's retention of the household data (with the list of import rounds), with and
	// without a field error.
	laadPopulatie(t, o.DB, eigen, 20, datum)
	login("beheerder@test.zeker.test")
	ga("/beheer/" + eigen + "/scan/instellingen")
	b.CheckAxe(t, ctx, "scan-instellingen")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#dagen"), "nul"))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	if !webtest.Has(t, ctx, "#dagen-fout") {
		t.Error("no field error for the retention in days")
	}
	b.CheckAxe(t, ctx, "scan-instellingen-fout")
}

// kopjesHeel fails when a table header may break a word in the middle: the layout's root sets
// hyphens:auto and word-break:break-word, and zeker.css must undo that for every header cell.
func kopjesHeel(t *testing.T, ctx context.Context, pagina string) {
	t.Helper()
	fout, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('th')).
		map(th => [th.textContent.trim(), getComputedStyle(th)]).
		filter(([, s]) => s.hyphens !== 'manual' || s.wordBreak !== 'normal' || s.overflowWrap === 'anywhere').
		map(([t, s]) => t + ': hyphens ' + s.hyphens + ', word-break ' + s.wordBreak)`))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fout {
		t.Errorf("%s: table header may break mid-word: %s", pagina, f)
	}
}
