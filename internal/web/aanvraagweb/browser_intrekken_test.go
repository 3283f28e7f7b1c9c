package aanvraagweb_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserIntrekken walks the pages of this round in Chromium with axe-core (WCAG 2.1 A and AA): the
// status page with the suspension explained (a document asked with a hersteltermijn) and the withdrawal
// section, the confirmation page, the status page after the withdrawal, and the case worker's page with
// the withdrawn regelingen and a file the virus scanner refused. Gated like the other browser tests.
func TestBrowserIntrekken(t *testing.T) {
	webtest.BrowserAan(t)
	o := nieuweOmgeving(t, storetest.OpenTest(t))
	b := webtest.StartBrowser(t, o.H)
	ref, code := aanvraagMetCode(t, o)
	var id int64
	if err := o.DB.SQL().QueryRowContext(t.Context(), `SELECT id FROM aanvragen_aanvraag`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	pad := "/beheer/" + gm + "/aanvragen/" + strconv.FormatInt(id, 10)
	cons := o.SessieAls("consulent")
	pag := o.Doe(http.MethodGet, pad, cons, nil, nil)
	r := o.Doe(http.MethodPost, pad+"/vraag", cons, url.Values{"versie": {eerste(t, versieRe, pag.Body)}, "soort": {"beschikking"}, "omschrijving": {"De brief van uw uitkering"}, "hersteltermijn": {"2026-03-16"}}, nil)
	if r.Status != http.StatusSeeOther {
		t.Fatalf("vraag: %d", r.Status)
	}
	if _, err := o.DB.SQL().ExecContext(t.Context(), `INSERT INTO aanvragen_geweigerd (gemeente, aanvraag_id, op, virus, soort) VALUES ($1, $2, $3, 'Eicar-Signature', 'vermogen')`,
		gm, id, time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}

	inw := b.Tab(t)
	webtest.Do(t, inw, chromedp.Navigate(b.Base+"/aanvragen/status"), chromedp.WaitReady(chromedp.CSS("footer")))
	webtest.Do(t, inw, chromedp.SetValue(chromedp.CSS("#referentie"), ref), chromedp.SetValue(chromedp.CSS("#code"), code))
	webtest.Submit(t, inw, `form[action="/aanvragen/status"] button`)
	if s := leesTekst(t, inw, "#stilstanden"); !strings.Contains(s, "staat stil sinds 3 maart 2026") {
		t.Errorf("suspension: %q", s)
	}
	b.CheckAxe(t, inw, "status-opgeschort")
	b.Screenshot(t, inw, "aanvraag-status-opgeschort")
	webtest.Submit(t, inw, `form[action="/aanvragen/status/intrekken"] button`)
	b.CheckAxe(t, inw, "intrekken-bevestig")
	b.Screenshot(t, inw, "aanvraag-intrekken-bevestig")
	webtest.Submit(t, inw, `input[name="bevestig"] ~ div button`)
	if s := leesTekst(t, inw, "#stand"); !strings.Contains(s, "U heeft uw aanvraag ingetrokken") {
		t.Errorf("stand = %q", s)
	}
	b.CheckAxe(t, inw, "status-ingetrokken")
	b.Screenshot(t, inw, "aanvraag-status-ingetrokken")

	mw := b.Tab(t)
	b.ZetSessie(t, mw, cons)
	webtest.Do(t, mw, chromedp.Navigate(b.Base+pad), chromedp.WaitReady(chromedp.CSS("footer")))
	if s := leesTekst(t, mw, "#geweigerd"); !strings.Contains(s, "Een bestand is geweigerd door de virusscanner op 02-03-2026 11:00") {
		t.Errorf("refused file: %q", s)
	}
	if s := leesTekst(t, mw, "main"); !strings.Contains(s, "Ingetrokken door de aanvrager") {
		t.Error("the case worker's page does not show the withdrawal")
	}
	b.CheckAxe(t, mw, "aanvraag-ingetrokken-geweigerd")
	b.Screenshot(t, mw, "aanvraag-ingetrokken-geweigerd")
}
