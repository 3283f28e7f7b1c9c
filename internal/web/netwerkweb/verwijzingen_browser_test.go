package netwerkweb_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserVerwijzingen runs axe-core on every referral page in a real browser, as the case worker
// and as a partner's user, with forms with errors, and walks the loop with clicks: refer, accept, see
// the state, withdraw consent, and the partner's view without the resident's data.
func TestBrowserVerwijzingen(t *testing.T) {
	webtest.BrowserAan(t)
	o := nieuweOmgeving(t, storetest.OpenTest(t))
	hum := o.Partner("Humanitas", eigen)
	o.Partner("Voor Elkaar", eigen)
	humC := o.partnerGebruiker(t, hum, eigen, "hum@humanitas.test")
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
			t.Fatal(err)
		}
		return s
	}
	basis := "/beheer/" + eigen + "/verwijzingen"

	// The case worker refers from zaak 5.
	b.ZetSessie(t, ctx, o.SessieAls("consulent"))
	ga(basis + "/nieuw?zaak=5")
	b.CheckAxe(t, ctx, "verwijzing-nieuw")
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	if !strings.Contains(tekst("#foutsamenvatting"), "Kies een partner") {
		t.Error("no error summary on the empty referral form")
	}
	b.CheckAxe(t, ctx, "verwijzing-nieuw-fout")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#partner"), hum), chromedp.SetValue(chromedp.CSS("#naam"), "J. de Vries"),
		chromedp.SetValue(chromedp.CSS("#telefoon"), "0612345678"), chromedp.SetValue(chromedp.CSS("#behoefte"), "schuldhulp"),
		chromedp.SetValue(chromedp.CSS("#vraag"), "Wil hulp bij het ordenen van de post."), chromedp.Click(chromedp.CSS("#grondslag")),
		chromedp.SetValue(chromedp.CSS("#toestemming_wat"), "naam, telefoon en vraag"), chromedp.SetValue(chromedp.CSS("#toestemming_op"), "14-1-2026"),
		chromedp.SetValue(chromedp.CSS("#contact_dag"), "20-1-2026"), chromedp.SetValue(chromedp.CSS("#contact_tijd"), "10:30"))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	if s := tekst("#stand"); !strings.HasPrefix(s, "Verstuurd") {
		t.Fatalf("after sending the state is %q", s)
	}
	b.CheckAxe(t, ctx, "verwijzing-gemeente")
	pad, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil {
		t.Fatal(err)
	}

	// Humanitas answers.
	b.ZetSessie(t, ctx, humC)
	ga(basis)
	if !strings.Contains(tekst("#verwijzingen"), "J. de Vries") {
		t.Error("Humanitas does not see the referral in its list")
	}
	b.CheckAxe(t, ctx, "verwijzingen-partner")
	ga(pad)
	b.CheckAxe(t, ctx, "verwijzing-partner")
	webtest.Submit(t, ctx, "form[action$='/antwoord'] button")
	b.CheckAxe(t, ctx, "verwijzing-antwoord-fout")
	webtest.Do(t, ctx, chromedp.Click(chromedp.CSS("#status")))
	webtest.Submit(t, ctx, "form[action$='/antwoord'] button")
	if s := tekst("#stand"); !strings.HasPrefix(s, "Geaccepteerd") {
		t.Errorf("after accepting the state is %q", s)
	}
	ga(basis + "/nieuw")
	b.CheckAxe(t, ctx, "verwijzing-nieuw-partner")
	// The form as the check's hand-over sheet opens it, prefilled.
	ga(web.VerwijzingUitCheckURL(eigen, "Uit de check van Zeker. Waarschijnlijk aan te vragen: Kindpakket."))
	vraag, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#vraag")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(vraag, "Kindpakket") {
		t.Errorf("the prefilled question is %q", vraag)
	}
	b.CheckAxe(t, ctx, "verwijzing-nieuw-uit-check")
	ga(basis + "/nieuw")
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "verwijzing-nieuw-partner-fout")

	// The case worker sees the state and records a withdrawn consent.
	b.ZetSessie(t, ctx, o.SessieAls("consulent"))
	ga(basis + "?sorteer=antwoord&status=geaccepteerd")
	if !strings.Contains(tekst("#verwijzingen"), "Geaccepteerd") {
		t.Error("the case worker does not see the accepted state")
	}
	b.CheckAxe(t, ctx, "verwijzingen")
	ga(pad)
	webtest.Submit(t, ctx, "form[action$='/intrekken'] button")
	b.CheckAxe(t, ctx, "verwijzing-ingetrokken")
	b.ZetSessie(t, ctx, humC)
	ga(pad)
	if !strings.Contains(tekst("#verborgen"), "toestemming ingetrokken") {
		t.Error("Humanitas still sees the resident after the consent was withdrawn")
	}
	b.CheckAxe(t, ctx, "verwijzing-verborgen")

	// An intermediary of no partner; the beheerder's setting with an error.
	b.ZetSessie(t, ctx, o.SessieAls("intermediair"))
	ga(basis)
	b.CheckAxe(t, ctx, "verwijzingen-geen-partner")
	b.ZetSessie(t, ctx, o.SessieAls("beheerder"))
	ga("/beheer/" + eigen + "/sociale-kaart")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#werkdagen"), "0"))
	webtest.Submit(t, ctx, "form[action$='/verwijzingen/instellingen'] button")
	b.CheckAxe(t, ctx, "verwijzing-instelling-fout")
}
