package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// startStaffBrowser is startBrowser (browser_test.go) on a server with the staff pages and a SQLite
// database; it skips the same way without ZEKER_BROWSER_TESTS, chromium or axe-core.
func startStaffBrowser(t *testing.T) (*browserEnv, *staffOmgeving) {
	t.Helper()
	if os.Getenv("ZEKER_BROWSER_TESTS") != "1" && os.Getenv("CI") != "true" {
		t.Skip("browser tests: set ZEKER_BROWSER_TESTS=1 to run them")
	}
	path := os.Getenv("ZEKER_CHROMIUM")
	for _, n := range []string{"chromium", "chromium-browser"} {
		if path == "" {
			if p, err := exec.LookPath(n); err == nil {
				path = p
			}
		}
	}
	if path == "" {
		nodig(t, "browser tests: chromium not found (apt-get install -y chromium, or set ZEKER_CHROMIUM)")
	}
	axe, err := os.ReadFile(filepath.Join("..", "..", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		nodig(t, "browser tests: axe-core missing (run npm ci at the repository root): %v", err)
	}
	o := nieuweStaffOmgeving(t, storetest.OpenTest(t))
	ts := httptest.NewServer(o.h)
	t.Cleanup(ts.Close)
	actx, acancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(func() { bcancel(); acancel() })
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return &browserEnv{ctx: bctx, base: ts.URL, axe: string(axe), shot: os.Getenv("ZEKER_SCREENSHOTS")}, o
}

// TestBrowserStaff logs in with a real browser (no JavaScript needed: forms only) and runs axe-core
// (WCAG 2.1 A/AA) on every staff page, including forms with errors and the pages that show a password or
// token once.
func TestBrowserStaff(t *testing.T) {
	b, o := startStaffBrowser(t)
	ctx := b.tab(t)
	ga := func(pad string) {
		t.Helper()
		do(t, ctx, chromedp.Navigate(b.base+pad), chromedp.WaitReady(chromedp.CSS("footer")))
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
		do(t, ctx, chromedp.SetValue(chromedp.CSS("#email"), email), chromedp.SetValue(chromedp.CSS("#wachtwoord"), testWachtwoord))
		submit(t, ctx, "#inloggen")
	}

	ga("/login")
	b.checkAxe(t, ctx, "login")
	do(t, ctx, chromedp.SetValue(chromedp.CSS("#email"), "beheerder@test.zeker.test"), chromedp.SetValue(chromedp.CSS("#wachtwoord"), "fout-fout-fout-fout"))
	submit(t, ctx, "#inloggen")
	if !strings.Contains(tekst("#foutsamenvatting"), "klopt niet") {
		t.Error("no error summary after a wrong password")
	}
	b.checkAxe(t, ctx, "login-fout")

	login("beheerder@test.zeker.test")
	if h := tekst("h1"); h != "Borger-Odoorn" {
		t.Fatalf("after login the page heading is %q, want the gemeente's start page", h)
	}
	b.checkAxe(t, ctx, "start-beheerder")
	b.screenshot(t, ctx, "staff-start-beheerder")
	basis := "/beheer/" + eigen
	id := strconv.FormatInt(o.ids["consulent"], 10)
	for _, p := range []struct{ naam, pad string }{
		{"gebruikers", basis + "/gebruikers?sorteer=rol"},
		{"gebruiker", basis + "/gebruikers/" + id},
		{"gebruiker-nieuw", basis + "/gebruikers/nieuw"},
		{"sleutels", basis + "/sleutels"},
		{"sleutel-nieuw", basis + "/sleutels/nieuw"},
		{"audit", basis + "/audit"},
		{"instellingen", basis + "/instellingen"},
		{"wachtwoord", "/wachtwoord"},
		{"geen-toegang", "/beheer/" + ander + "/gebruikers"},
	} {
		ga(p.pad)
		b.checkAxe(t, ctx, p.naam)
		b.screenshot(t, ctx, "staff-"+p.naam)
	}
	// Forms with errors, and the one-time password and token.
	ga(basis + "/gebruikers/nieuw")
	submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.checkAxe(t, ctx, "gebruiker-nieuw-fout")
	do(t, ctx, chromedp.SetValue(chromedp.CSS("#naam"), "Browser Test"), chromedp.SetValue(chromedp.CSS("#email"), "browser@test.zeker.test"),
		chromedp.Click(chromedp.CSS("#rol-consulent")))
	submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	if w := tekst("#nieuw-wachtwoord"); len(w) < auth.MinWachtwoord {
		t.Errorf("one-time password %q", w)
	}
	b.checkAxe(t, ctx, "gebruiker-gemaakt")
	ga(basis + "/sleutels/nieuw")
	do(t, ctx, chromedp.SetValue(chromedp.CSS("#naam"), "Browser"), chromedp.SetValue(chromedp.CSS("#organisatie"), "Test"),
		chromedp.Click(chromedp.CSS("#permissie-signalen\\.aanleveren")))
	submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.checkAxe(t, ctx, "sleutel-gemaakt")
	ga(basis + "/audit")
	do(t, ctx, chromedp.SetValue(chromedp.CSS("#bsn"), "12"))
	submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.checkAxe(t, ctx, "audit-fout")

	// The system administrator's pages.
	ga("/beheer/")
	submit(t, ctx, "form[action='/logout'] button")
	login("systeem@test.zeker.test")
	b.checkAxe(t, ctx, "kies-systeem")
	for _, p := range []struct{ naam, pad string }{
		{"gemeenten", "/systeem/gemeenten"},
		{"gemeente", "/systeem/gemeenten/" + ander},
		{"gemeente-nieuw", "/systeem/gemeenten/nieuw"},
	} {
		ga(p.pad)
		b.checkAxe(t, ctx, p.naam)
	}
	submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.checkAxe(t, ctx, "gemeente-nieuw-fout")
}
