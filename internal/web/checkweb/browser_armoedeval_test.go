package checkweb

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserArmoedevalInwoner runs axe-core (WCAG 2.1 A/AA) on the resident's armoedeval in Dutch and
// English, with its chart and table, and on the page that names a missing answer; the link on the result
// page opens it without JavaScript. Skipped without ZEKER_BROWSER_TESTS=1.
func TestBrowserArmoedevalInwoner(t *testing.T) {
	webtest.BrowserAan(t)
	s := testServer(t, testConfig{})
	b := webtest.StartBrowser(t, s.Handler())
	ctx := b.Tab(t)
	for _, lang := range []string{"nl", "en"} {
		f := &flow{T: t, H: s.Handler(), Taal: lang}
		f.NaarResultaat("GM0175")
		// From the result page, by the link, as a resident would.
		webtest.Do(t, ctx, chromedp.Navigate(b.Base+f.Resultaat), chromedp.WaitReady(chromedp.CSS("footer")))
		webtest.Submit(t, ctx, "#armoedeval-link")
		webtest.Do(t, ctx, chromedp.WaitReady(chromedp.CSS("#curve-tabel")))
		kop, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"nl": "Wat houdt u over als u meer gaat verdienen?", "en": "How much do you keep if you earn more?"}[lang]
		if kop != want {
			t.Errorf("%s: h1 %q", lang, kop)
		}
		b.CheckAxe(t, ctx, "armoedeval-inwoner-"+lang)
		b.Screenshot(t, ctx, "armoedeval-inwoner-"+lang)
	}
	// A missing answer: the rent "ik weet het niet".
	f := naarWonen(t, s, "zelf", "200")
	f.Antwoord(url.Values{"wonen": {"huur"}, "huur-weet-niet": {"ja"}})
	for i := 0; f.Stap() != "" && i < 5; i++ {
		f.Antwoord(url.Values{"laag-jaren": {"4"}, "student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}})
	}
	m := armoedevalLinkRe.FindStringSubmatch(f.Body)
	if m == nil {
		t.Fatal("no armoedeval link")
	}
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+html.UnescapeString(m[1])), chromedp.WaitReady(chromedp.CSS("#armoedeval-tekort")))
	tekst, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#armoedeval-tekort")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tekst, "kale huur") {
		t.Errorf("missing answer: %q", tekst)
	}
	b.CheckAxe(t, ctx, "armoedeval-inwoner-tekort")
}
