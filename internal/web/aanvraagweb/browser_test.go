package aanvraagweb_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserAanvraag walks the application in Chromium as a resident and a case worker do, with
// axe-core (WCAG 2.1 A and AA) on every page on the way: the check result → choose three regelingen →
// a photo of a payslip → the reference and code → the inbox → the application → ask for a missing
// document → the status page with the code → upload it → link by BSN → decide → the letter → the
// status page with the decision and the letter; and the settings page. Gated like the other browser
// tests (ZEKER_BROWSER_TESTS=1, or CI=true).
func TestBrowserAanvraag(t *testing.T) {
	webtest.BrowserAan(t)
	o := nieuweOmgeving(t, storetest.OpenTest(t))
	b := webtest.StartBrowser(t, o.H)
	f := &webtest.Check{T: t, H: o.H}
	f.NaarResultaat(gm)
	foto := filepath.Join(t.TempDir(), "loonstrook.jpg")
	if err := os.WriteFile(foto, append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, bytes.Repeat([]byte{9}, 4000)...), 0o600); err != nil {
		t.Fatal(err)
	}
	pdfPad := filepath.Join(t.TempDir(), "bewijs.pdf")
	if err := os.WriteFile(pdfPad, pdf(500), 0o600); err != nil {
		t.Fatal(err)
	}
	inw := b.Tab(t)
	webtest.Do(t, inw, chromedp.Navigate(b.Base+f.Resultaat), chromedp.WaitReady(chromedp.CSS("footer")))
	b.CheckAxe(t, inw, "resultaat")
	b.Screenshot(t, inw, "aanvraag-resultaat")
	webtest.Submit(t, inw, `form[action="/aanvragen/kies"] button`)
	b.CheckAxe(t, inw, "kies")
	b.Screenshot(t, inw, "aanvraag-kies")
	webtest.Do(t, inw, chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('input[name="regeling"]')].slice(0, 3).forEach(e => e.click())`))
	webtest.Submit(t, inw, `form[action="/aanvragen/documenten"] button`)
	b.CheckAxe(t, inw, "documenten")
	b.Screenshot(t, inw, "aanvraag-documenten")
	// A bad e-mail address first: the message at the field (and in the summary), checked with axe.
	webtest.Do(t, inw, chromedp.SetValue(chromedp.CSS("#email"), "inwoner.voorbeeld.nl"))
	webtest.Submit(t, inw, `form[action="/aanvragen/nieuw"] button`)
	if !webtest.Has(t, inw, "#email-fout") {
		t.Fatal("no message at the e-mail field")
	}
	b.CheckAxe(t, inw, "documenten-email-fout")
	b.Screenshot(t, inw, "aanvraag-documenten-email-fout")
	webtest.Do(t, inw, chromedp.SetValue(chromedp.CSS("#email"), "inwoner@voorbeeld.nl"))
	if webtest.Has(t, inw, `input[type="file"]`) {
		webtest.Do(t, inw, chromedp.SetUploadFiles(chromedp.CSS(`input[type="file"]`), []string{foto}))
	}
	webtest.Submit(t, inw, `form[action="/aanvragen/nieuw"] button`)
	if !webtest.Has(t, inw, "#email-melding") {
		t.Error("the received page does not say the code is mailed")
	}
	b.CheckAxe(t, inw, "ontvangen")
	b.Screenshot(t, inw, "aanvraag-ontvangen")
	ref := leesTekst(t, inw, "#referentie")
	code := leesTekst(t, inw, "#code")
	if !strings.HasPrefix(ref, "AV-") || len(code) < 26 {
		t.Fatalf("reference %q, code %q", ref, code)
	}

	mw := b.Tab(t)
	b.ZetSessie(t, mw, o.SessieAls("consulent"))
	webtest.Do(t, mw, chromedp.Navigate(b.Base+"/beheer/"+gm+"/aanvragen"), chromedp.WaitReady(chromedp.CSS("footer")))
	b.CheckAxe(t, mw, "inbox")
	b.Screenshot(t, mw, "aanvraag-inbox")
	webtest.NaarVolgende(t, mw, chromedp.Click(chromedp.CSS(`a[href*="/aanvragen/"]:not([href$="instellingen"])`)))
	b.CheckAxe(t, mw, "aanvraag")
	b.Screenshot(t, mw, "aanvraag-aanvraag")
	webtest.Do(t, mw, chromedp.SetValue(chromedp.CSS("#soort"), "beschikking"))
	webtest.Submit(t, mw, `form[action$="/vraag"] button`)
	b.CheckAxe(t, mw, "aanvraag-gevraagd")
	b.Screenshot(t, mw, "aanvraag-aanvraag-gevraagd")

	webtest.Do(t, inw, chromedp.Navigate(b.Base+"/aanvragen/status"), chromedp.WaitReady(chromedp.CSS("footer")))
	b.CheckAxe(t, inw, "code")
	b.Screenshot(t, inw, "aanvraag-code")
	webtest.Do(t, inw, chromedp.SetValue(chromedp.CSS("#referentie"), ref), chromedp.SetValue(chromedp.CSS("#code"), strings.ToLower(code)))
	webtest.Submit(t, inw, `form[action="/aanvragen/status"] button`)
	b.CheckAxe(t, inw, "status-ontbreekt")
	b.Screenshot(t, inw, "aanvraag-status-ontbreekt")
	if !webtest.Has(t, inw, "#bestand-beschikking") {
		t.Fatal("the requested document is not on the status page")
	}
	nodes, err := chromedp.Run(inw, chromedp.Nodes(chromedp.CSSAll(`input[type="file"]`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range nodes {
		webtest.Do(t, inw, chromedp.SetUploadFiles(chromedp.CSS("#"+n.AttributeValue("id")), []string{pdfPad}))
	}
	webtest.Submit(t, inw, `form[action="/aanvragen/status/stuur"] button`)
	b.CheckAxe(t, inw, "status-gestuurd")
	b.Screenshot(t, inw, "aanvraag-status-gestuurd")
	if webtest.Has(t, inw, `input[type="file"]`) {
		t.Error("documents still asked after sending them")
	}
	// The address on the status page: a bad one at the field, then a good one saved.
	webtest.Do(t, inw, chromedp.SetValue(chromedp.CSS("#email"), "nieuw@"))
	webtest.Submit(t, inw, `form[action="/aanvragen/status/email"] button`)
	if !webtest.Has(t, inw, "#email-fout") {
		t.Fatal("no message at the status page's e-mail field")
	}
	b.CheckAxe(t, inw, "status-email-fout")
	b.Screenshot(t, inw, "aanvraag-status-email-fout")
	webtest.Do(t, inw, chromedp.SetValue(chromedp.CSS("#email"), "nieuw@voorbeeld.nl"))
	webtest.Submit(t, inw, `form[action="/aanvragen/status/email"] button`)
	if s := leesTekst(t, inw, "#email-gewijzigd"); s != "Uw e-mailadres is opgeslagen." {
		t.Errorf("after the change: %q", s)
	}
	b.CheckAxe(t, inw, "status-email")
	b.Screenshot(t, inw, "aanvraag-status-email")

	webtest.Do(t, mw, chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("footer")))
	webtest.Do(t, mw, chromedp.SetValue(chromedp.CSS("#bsn"), "123456789"))
	webtest.Submit(t, mw, `form[action$="/koppel"] button`)
	b.CheckAxe(t, mw, "koppel-fout")
	b.Screenshot(t, mw, "aanvraag-koppel-fout")
	webtest.Do(t, mw, chromedp.SetValue(chromedp.CSS("#bsn"), o.recs[0].BSN[0]))
	webtest.Submit(t, mw, `form[action$="/koppel"] button`)
	b.CheckAxe(t, mw, "te-beslissen")
	b.Screenshot(t, mw, "aanvraag-te-beslissen")
	webtest.Do(t, mw, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('select[name^="besluit-"]').forEach(s => { s.value = 'afwijzen'; }); document.querySelectorAll('textarea[name^="motivering-"]').forEach(t => { t.value = 'U krijgt dit niet, omdat uw inkomen te hoog is:\n\n- Uw inkomen is hoger dan de grens.'; })`))
	webtest.Submit(t, mw, `form[action$="/besluit"] button`)
	b.CheckAxe(t, mw, "besloten")
	b.Screenshot(t, mw, "aanvraag-besloten")
	// The letter is a document of its own (internal/brief), without the site's footer.
	webtest.Do(t, mw, chromedp.Click(chromedp.CSS(`a[href*="/brief/"]`)), chromedp.WaitReady(chromedp.CSS(".bezwaar")))
	if s := leesTekst(t, mw, "body"); !strings.Contains(s, "6:7") || !strings.Contains(s, ref) {
		t.Errorf("letter: %s", s)
	}
	b.CheckAxe(t, mw, "brief")
	b.Screenshot(t, mw, "aanvraag-brief")
	// The settings are the beheerder's page.
	bh := b.Tab(t)
	b.ZetSessie(t, bh, o.SessieAls("beheerder"))
	webtest.Do(t, bh, chromedp.Navigate(b.Base+"/beheer/"+gm+"/aanvragen/instellingen"), chromedp.WaitReady(chromedp.CSS("footer")))
	b.CheckAxe(t, bh, "instellingen")
	b.Screenshot(t, bh, "aanvraag-instellingen")

	webtest.Do(t, inw, chromedp.Navigate(b.Base+"/aanvragen/status"), chromedp.WaitReady(chromedp.CSS("footer")))
	webtest.Do(t, inw, chromedp.SetValue(chromedp.CSS("#referentie"), ref), chromedp.SetValue(chromedp.CSS("#code"), code))
	webtest.Submit(t, inw, `form[action="/aanvragen/status"] button`)
	b.CheckAxe(t, inw, "status-besloten")
	b.Screenshot(t, inw, "aanvraag-status-besloten")
	if s := leesTekst(t, inw, "#stand"); s != "Er is besloten." {
		t.Errorf("stand = %q", s)
	}
	webtest.Do(t, inw, chromedp.Click(chromedp.CSS(`form[action="/aanvragen/status/brief"] button`)), chromedp.WaitReady(chromedp.CSS(".bezwaar")))
	if s := leesTekst(t, inw, "body"); !strings.Contains(s, "Bent u het niet eens met dit besluit?") {
		t.Errorf("resident's letter: %s", s)
	}
	b.CheckAxe(t, inw, "brief-inwoner")
	b.Screenshot(t, inw, "aanvraag-brief-inwoner")
}

func leesTekst(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("%s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// TestBrowserIntermediair checks the intermediary's choice page, normal and without consent, with axe.
func TestBrowserIntermediair(t *testing.T) {
	webtest.BrowserAan(t)
	o := nieuweOmgeving(t, storetest.OpenTest(t))
	b := webtest.StartBrowser(t, o.H)
	f := checkVoorClient(t, o)
	ctx := b.Tab(t)
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+f.Resultaat), chromedp.WaitReady(chromedp.CSS("footer")))
	webtest.Submit(t, ctx, `form[action="/aanvragen/kies"] button`)
	b.CheckAxe(t, ctx, "kies-intermediair")
	b.Screenshot(t, ctx, "aanvraag-kies-intermediair")
	webtest.Do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('input[name="regeling"]').click()`))
	webtest.Submit(t, ctx, `form[action="/aanvragen/documenten"] button`)
	if !webtest.Has(t, ctx, "#toestemming-fout") {
		t.Fatal("no consent error")
	}
	b.CheckAxe(t, ctx, "kies-intermediair-fout")
}
