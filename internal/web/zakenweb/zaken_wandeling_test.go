package zakenweb

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestBrowserWandelingZaak walks one zaak through Chromium as the resident and the case worker do it,
// with axe-core (WCAG 2.1 A/AA) on every page: the resident's online request and its confirmation, the
// worklist, the zaak, linking the household, the first conversation, the decision, the plan with an
// action by a partner, the end, nazorg by the partner with a contact moment, and, two months later, a
// relapse that reopens the same zaak with everything kept. Gated like the other browser tests.
func TestBrowserWandelingZaak(t *testing.T) {
	webtest.BrowserAan(t)
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	humanitas := o.Partner("Humanitas Testafdeling", gm)
	in, err := o.zk.Instellingen(ctxMetActor(t), gm)
	if err != nil {
		t.Fatal(err)
	}
	in.Terugval = zaken.Terugvalregel{Maanden: 12, Bron: "Testbeleid terugvalgarantie"}
	if err := o.zk.ZetInstellingen(ctxMetActor(t), gm, in); err != nil {
		t.Fatal(err)
	}
	b := webtest.StartBrowser(t, o.H)
	ctx := b.Tab(t)
	ga := func(pad string) {
		t.Helper()
		webtest.Do(t, ctx, chromedp.Navigate(b.Base+pad), chromedp.WaitReady(chromedp.CSS("footer")))
	}
	tekst := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		return s
	}
	zet := func(sel, waarde string) { t.Helper(); webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS(sel), waarde)) }
	stuur := func(form, naam, melding string) {
		t.Helper()
		webtest.Submit(t, ctx, "form[action$='"+form+"'] button[type=submit]")
		if m := tekst("main"); !strings.Contains(m, melding) {
			t.Fatalf("%s: %q not on the page:\n%s", naam, melding, m)
		}
		b.CheckAxe(t, ctx, naam)
	}

	// The resident: the form from the check's result, no BSN, the confirmation with the deadline.
	ga("/hulpvraag/" + gm)
	b.CheckAxe(t, ctx, "hulpvraag")
	zet("#naam", "Test Inwoner")
	zet("#telefoon", "06 1234 5678")
	zet("#vraag", "De huur is twee maanden achter.")
	webtest.Do(t, ctx, chromedp.Click(chromedp.CSS("#kinderen")))
	webtest.Submit(t, ctx, "#hulpvraag button[type=submit]")
	if u := tekst("#uiterlijk"); !strings.Contains(u, "dinsdag 7 april 2026" /* 6 April is tweede Paasdag */) {
		t.Fatalf("deadline on the confirmation: %q", u)
	}
	b.CheckAxe(t, ctx, "hulpvraag-ontvangen")

	// The case worker.
	b.ZetSessie(t, ctx, o.SessieAls("consulent"))
	ga(basis(gm))
	b.CheckAxe(t, ctx, "werklijst")
	if !strings.Contains(tekst("main"), "Nog niet gekoppeld") {
		t.Fatal("the online request is not on the worklist")
	}
	ga(basis(gm) + "/wachtlijst")
	b.CheckAxe(t, ctx, "wachtlijst")
	zaak := zaakURL(gm, 1)
	ga(zaak)
	b.CheckAxe(t, ctx, "zaak-online")
	zet("#koppel-bsn", bsnVan(o.recs[0]))
	stuur("/huishouden", "zaak-gekoppeld", "Het huishouden is aan de zaak gekoppeld")
	stuur("/eerste-gesprek", "zaak-intake", "Het eerste gesprek is vastgelegd")
	zet("#besluit-soort", "plan")
	stuur("/besluit", "zaak-plan", "Het besluit is vastgelegd")
	zet("#doel-domein", "geld")
	zet("#doel-omschrijving", "Betalingsregeling met de verhuurder")
	stuur("/doel", "zaak-doel", "Het doel staat in het plan")
	kies := func(sel string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelector('`+sel+`').selectedIndex = 1`)); err != nil {
			t.Fatal(err)
		}
	}
	kies("#actie-doel")
	zet("#actie-omschrijving", "Budgetcoaching")
	zet("#actie-wie", "partner")
	zet("#actie-partner", humanitas)
	stuur("/actie", "zaak-actie", "Partner: Humanitas Testafdeling")
	stuur("/afronden", "zaak-afgerond", "De zaak is afgerond")
	if !strings.Contains(tekst("#terugval"), "Terugvalgarantie tot en met") {
		t.Errorf("terugval: %q", tekst("#terugval"))
	}
	zet("#nazorg-partner", humanitas)
	zet("#moment-datum", "2026-04-09")
	zet("#moment-onderwerp", "Lukt het betalen van de huur?")
	stuur("/nazorg", "zaak-nazorg", "Nazorg door Humanitas Testafdeling")
	o.mu.Lock()
	*o.nu = time.Date(2026, 4, 9, 9, 0, 0, 0, time.UTC)
	o.mu.Unlock()
	ga(zaak)
	kies("#moment")
	zet("#verslag", "Huur is op tijd betaald.")
	stuur("/contact-gedaan", "zaak-contact", "Gehouden op")

	// Two months after the end the resident falls back: the same zaak opens again, nothing is lost.
	o.mu.Lock()
	*o.nu = time.Date(2026, 5, 11, 9, 0, 0, 0, time.UTC)
	o.mu.Unlock()
	ga(zaak)
	zet("#terugval-reden", "Nieuwe huurachterstand na verlies van werk.")
	stuur("/heropenen", "zaak-heropend", "De zaak is heropend onder de terugvalgarantie")
	m := tekst("main")
	for _, w := range []string{"1 keer heropend", "Betalingsregeling met de verhuurder", "Plan van aanpak", "Terugval: zaak heropend", "De huur is twee maanden achter."} {
		if !strings.Contains(m, w) {
			t.Errorf("after the relapse %q is missing", w)
		}
	}
}
