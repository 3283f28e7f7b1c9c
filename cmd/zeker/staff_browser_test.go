package main

import (
	"strconv"
	"strings"
	"testing"

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
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatal(err)
		}
		return s
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
	for _, p := range []struct{ naam, pad string }{
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
	if w := tekst("#nieuw-wachtwoord"); len(w) < auth.MinWachtwoord {
		t.Errorf("one-time password %q", w)
	}
	b.CheckAxe(t, ctx, "gebruiker-gemaakt")
	ga(basis + "/sleutels/nieuw")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#naam"), "Browser"), chromedp.SetValue(chromedp.CSS("#organisatie"), "Test"),
		chromedp.Click(chromedp.CSS("#permissie-signalen\\.aanleveren")))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "sleutel-gemaakt")
	ga(basis + "/audit")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#bsn"), "12"))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "audit-fout")

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

	// The system administrator's pages.
	ga("/beheer/")
	webtest.Submit(t, ctx, "form[action='/logout'] button")
	login("systeem@test.zeker.test")
	b.CheckAxe(t, ctx, "kies-systeem")
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
}
