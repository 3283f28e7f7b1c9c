package main

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// startStaffBrowser starts Chromium with the whole application on a SQLite database; it skips without
// ZEKER_BROWSER_TESTS, chromium or axe-core (fails under CI=true).
func startStaffBrowser(t *testing.T) (*webtest.Browser, *staffOmgeving) {
	t.Helper()
	webtest.BrowserAan(t)
	o := nieuweStaffOmgeving(t, storetest.OpenTest(t))
	return webtest.StartBrowser(t, o.H), o
}

// TestBrowserStaff logs in with a real browser (no JavaScript needed: forms only) and runs axe-core
// (WCAG 2.1 A/AA) on every staff page, including forms with errors and the pages that show a password or
// token once.
func TestBrowserStaff(t *testing.T) {
	b, o := startStaffBrowser(t)
	ctx := b.Tab(t)
	ga := func(pad string) {
		t.Helper()
		webtest.Do(t, ctx, chromedp.Navigate(b.Base+pad), chromedp.WaitReady(chromedp.CSS("footer")))
	}
	tekst := func(sel string) string {
		t.Helper()
		// A document that is still being replaced after a redirect can drop the node between finding
		// and reading it ("No node with given id found", seen once on a loaded machine): read again.
		var err error
		for range 3 {
			var s string
			if s, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel))); err == nil {
				return s
			}
			time.Sleep(200 * time.Millisecond)
		}
		t.Fatal(err)
		return ""
	}
	login := func(email string) {
		t.Helper()
		ga("/login")
		webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#email"), email), chromedp.SetValue(chromedp.CSS("#wachtwoord"), testWachtwoord))
		webtest.Submit(t, ctx, "#inloggen")
	}

	ga("/login")
	b.CheckAxe(t, ctx, "login")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#email"), "beheerder@test.zeker.test"), chromedp.SetValue(chromedp.CSS("#wachtwoord"), "fout-fout-fout-fout"))
	webtest.Submit(t, ctx, "#inloggen")
	if !strings.Contains(tekst("#foutsamenvatting"), "klopt niet") {
		t.Error("no error summary after a wrong password")
	}
	b.CheckAxe(t, ctx, "login-fout")

	login("beheerder@test.zeker.test")
	if h := tekst("h1"); h != "Borger-Odoorn" {
		t.Fatalf("after login the page heading is %q, want the gemeente's start page", h)
	}
	b.CheckAxe(t, ctx, "start-beheerder")
	b.Screenshot(t, ctx, "staff-start-beheerder")
	basis := "/beheer/" + eigen
	id := strconv.FormatInt(o.IDs["consulent"], 10)
	woon := o.Partner("Woonstichting Test", eigen)
	o.Partner("Woonstichting Test", eigen) // the same name twice: the list suggests merging
	gedeeld := o.Partner("Regionaal fonds", eigen, ander)
	for _, p := range []struct{ naam, pad string }{
		{"partners", basis + "/partners"},
		{"partner-nieuw", basis + "/partners/nieuw"},
		{"partner", basis + "/partners/" + woon},
		{"partner-gedeeld", basis + "/partners/" + gedeeld},
		{"partner-aanbod", basis + "/partners/" + woon + "/aanbod"},
		{"dienst-nieuw", basis + "/partners/" + woon + "/diensten/nieuw"},
		{"locatie-nieuw", basis + "/partners/" + woon + "/locaties/nieuw"},
		{"sociale-kaart-beheer", basis + "/sociale-kaart"},
		{"gebruikers", basis + "/gebruikers?sorteer=rol"},
		{"gebruiker", basis + "/gebruikers/" + id},
		{"gebruiker-nieuw", basis + "/gebruikers/nieuw"},
		{"sleutels", basis + "/sleutels"},
		{"sleutel-nieuw", basis + "/sleutels/nieuw"},
		{"audit", basis + "/audit"},
		{"instellingen", basis + "/instellingen"},
		{"zaken-instellingen", basis + "/zaken/instellingen"},
		{"wachtwoord", "/wachtwoord"},
		{"geen-toegang", "/beheer/" + ander + "/gebruikers"},
	} {
		ga(p.pad)
		b.CheckAxe(t, ctx, p.naam)
		b.Screenshot(t, ctx, "staff-"+p.naam)
	}
	// Forms with errors, and the one-time password and token.
	ga(basis + "/gebruikers/nieuw")
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "gebruiker-nieuw-fout")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#naam"), "Browser Test"), chromedp.SetValue(chromedp.CSS("#email"), "browser@test.zeker.test"),
		chromedp.Click(chromedp.CSS("#rol-consulent")))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	code := tekst("#uitnodigingscode")
	if len(code) != 34 {
		t.Errorf("invitation code %q", code)
	}
	b.CheckAxe(t, ctx, "uitnodiging-gemaakt")
	ga(basis + "/gebruikers")
	if !strings.Contains(tekst("#uitnodigingen"), "browser@test.zeker.test") {
		t.Error("the open invitation is not on the users page")
	}
	b.CheckAxe(t, ctx, "gebruikers-uitnodigingen")
	ga(basis + "/partners/nieuw")
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "partner-nieuw-fout")
	ga(basis + "/partners/" + woon)
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#website"), "https://wonen.voorbeeld.example"))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	if !strings.Contains(tekst("#foutsamenvatting"), "bron") {
		t.Error("no error summary for a website without its source")
	}
	b.CheckAxe(t, ctx, "partner-fout")
	// A service and a location of a partner, and their pages after saving.
	ga(basis + "/partners/" + woon + "/locaties/nieuw")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#naam"), "Kantoor"), chromedp.SetValue(chromedp.CSS("#straat"), "Voorbeeldstraat"),
		chromedp.SetValue(chromedp.CSS("#huisnummer"), "1"), chromedp.SetValue(chromedp.CSS("#postcode"), "9999 ZZ"),
		chromedp.SetValue(chromedp.CSS("#plaats"), "Exloo"), chromedp.SetValue(chromedp.CSS("#bron"), "browser test"))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "partner-aanbod-locatie")
	ga(basis + "/partners/" + woon + "/diensten/nieuw")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#naam"), "Huurspreekuur"), chromedp.Click(chromedp.CSS("#behoeften-wonen")),
		chromedp.SetValue(chromedp.CSS("#bron"), "browser test"))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	if h := tekst("h1"); h != "Huurspreekuur" {
		t.Errorf("after saving a service the heading is %q", h)
	}
	b.CheckAxe(t, ctx, "dienst")
	ga("/sociale-kaart/" + eigen)
	if !strings.Contains(tekst("main"), "Huurspreekuur") {
		t.Error("the new service is not on the public sociale kaart")
	}
	b.CheckAxe(t, ctx, "sociale-kaart")
	ga(basis + "/sleutels/nieuw")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#naam"), "Browser"), chromedp.SetValue(chromedp.CSS("#partner"), woon),
		chromedp.Click(chromedp.CSS("#permissie-signalen\\.aanleveren")))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "sleutel-gemaakt")
	ga(basis + "/audit")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#bsn"), "12"))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "audit-fout")

	// The colleague redeems the invitation (logged out): the page, its errors, and in.
	ga("/beheer/")
	webtest.Submit(t, ctx, "form[action='/logout'] button")
	ga("/uitnodiging")
	b.CheckAxe(t, ctx, "uitnodiging")
	webtest.Submit(t, ctx, "#aannemen")
	if !strings.Contains(tekst("#foutsamenvatting"), "code van de uitnodiging") {
		t.Error("no error summary on the empty invitation form")
	}
	b.CheckAxe(t, ctx, "uitnodiging-fout")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#email"), "browser@test.zeker.test"), chromedp.SetValue(chromedp.CSS("#code"), code),
		chromedp.SetValue(chromedp.CSS("#wachtwoord"), "een eigen lange zin"), chromedp.SetValue(chromedp.CSS("#herhaal"), "een eigen lange zin"))
	webtest.Submit(t, ctx, "#aannemen")
	if h := tekst("h1"); h != "Borger-Odoorn" {
		t.Fatalf("after redeeming the page heading is %q, want the gemeente's start page", h)
	}
	b.CheckAxe(t, ctx, "uitnodiging-welkom")

	// The consulent's zaken pages (internal/web/zakenweb has the full set with data).
	ga("/beheer/")
	webtest.Submit(t, ctx, "form[action='/logout'] button")
	login("consulent@test.zeker.test")
	for _, p := range []struct{ naam, pad string }{{"zaken", basis + "/zaken"}, {"zaak-nieuw", basis + "/zaken/nieuw"}} {
		ga(p.pad)
		b.CheckAxe(t, ctx, p.naam)
	}
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	if !strings.Contains(tekst("#foutsamenvatting"), "BSN") {
		t.Error("no error summary after an empty intake form")
	}
	b.CheckAxe(t, ctx, "zaak-nieuw-fout")

	// The system administrator's pages; they add a colleague directly, with a one-time password.
	ga("/beheer/")
	webtest.Submit(t, ctx, "form[action='/logout'] button")
	login("systeem@test.zeker.test")
	b.CheckAxe(t, ctx, "kies-systeem")
	ga(basis + "/gebruikers/nieuw")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#naam"), "Browser Twee"), chromedp.SetValue(chromedp.CSS("#email"), "browser2@test.zeker.test"),
		chromedp.Click(chromedp.CSS("#rol-consulent")))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	if w := tekst("#nieuw-wachtwoord"); len(w) < auth.MinWachtwoord {
		t.Errorf("one-time password %q", w)
	}
	b.CheckAxe(t, ctx, "gebruiker-gemaakt")
	for _, p := range []struct{ naam, pad string }{
		{"gemeenten", "/systeem/gemeenten"},
		{"gemeente", "/systeem/gemeenten/" + ander},
		{"gemeente-nieuw", "/systeem/gemeenten/nieuw"},
	} {
		ga(p.pad)
		b.CheckAxe(t, ctx, p.naam)
	}
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "gemeente-nieuw-fout")

	// The beleidsmedewerker's armoedeval (monitorweb), reached through the menu of the whole application.
	ga("/beheer/")
	webtest.Submit(t, ctx, "form[action='/logout'] button")
	login("beleidsmedewerker@test.zeker.test")
	ga(basis + "/")
	webtest.Do(t, ctx, chromedp.Click(chromedp.CSS(`a[href="`+basis+`/armoedeval"]`)), chromedp.WaitReady(chromedp.CSS("footer")))
	if h := tekst("h1"); !strings.HasPrefix(h, "Armoedeval") {
		t.Fatalf("the menu entry leads to %q", h)
	}
	b.CheckAxe(t, ctx, "armoedeval")
	ga(basis + "/armoedeval?type=paar_2&huur=700&datum=2026-01-15&premie_bedrag=50&premie_tot=130%25")
	b.CheckAxe(t, ctx, "armoedeval-wat-als")
	ga(basis + "/armoedeval?type=paar_2&huur=veel")
	b.CheckAxe(t, ctx, "armoedeval-fout")
}
