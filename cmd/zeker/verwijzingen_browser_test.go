package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserPartnerMedewerker: the beheerder invites a person of a partner on the partner's page
// (axe-core on the page, with an error and with the code), the person redeems the code on
// /uitnodiging and lands as the partner's user, whose menu offers the referrals and whose referral list
// names the partner.
func TestBrowserPartnerMedewerker(t *testing.T) {
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
	hum := o.Partner("Humanitas", eigen)
	b.ZetSessie(t, ctx, o.SessieAls("beheerder"))
	pad := "/beheer/" + eigen + "/partners/" + hum + "/medewerkers"
	ga(pad)
	b.CheckAxe(t, ctx, "partner-medewerkers")
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "partner-medewerkers-fout")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#naam"), "Mw. Humanitas"), chromedp.SetValue(chromedp.CSS("#email"), "vrijwilliger@humanitas.test"))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	code := tekst("#uitnodigingscode")
	if len(code) != 34 {
		t.Fatalf("invitation code %q", code)
	}
	if !strings.Contains(tekst("#medewerkers"), "vrijwilliger@humanitas.test") {
		t.Error("the invitation is not in the partner's list")
	}
	b.CheckAxe(t, ctx, "partner-medewerker-uitgenodigd")

	// The volunteer redeems it and is Humanitas's user.
	b.ZetSessie(t, ctx, "")
	ga("/uitnodiging")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#email"), "vrijwilliger@humanitas.test"), chromedp.SetValue(chromedp.CSS("#code"), code),
		chromedp.SetValue(chromedp.CSS("#wachtwoord"), testWachtwoord), chromedp.SetValue(chromedp.CSS("#herhaal"), testWachtwoord))
	webtest.Submit(t, ctx, "button[type=submit]")
	ga("/beheer/" + eigen + "/verwijzingen")
	if h := tekst("h1"); h != "Verwijzingen van en naar Humanitas" {
		t.Errorf("the partner user's referral page is %q", h)
	}
	b.CheckAxe(t, ctx, "verwijzingen-partner-leeg")
}
