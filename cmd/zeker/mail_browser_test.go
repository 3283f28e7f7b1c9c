package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserMail: the beheerder's outbox page with the notice of a referral waiting, then filtered by
// status; axe-core finds nothing on either.
func TestBrowserMail(t *testing.T) {
	b, o := startStaffBrowser(t)
	ctx := b.Tab(t)
	verwijsMetMail(t, o)
	b.ZetSessie(t, ctx, o.SessieAls("beheerder"))
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+"/beheer/"+eigen+"/mail"), chromedp.WaitReady(chromedp.CSS("footer")))
	tekst := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	tabel := tekst("#mails")
	if !strings.Contains(tabel, "Nieuwe verwijzing voor Humanitas in Zeker") || !strings.Contains(tabel, "Wacht") {
		t.Errorf("outbox table: %q", tabel)
	}
	b.CheckAxe(t, ctx, "mail")
	b.Screenshot(t, ctx, "staff-mail")
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#status"), "verzonden"))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	tabel = tekst("#mails")
	if !strings.Contains(tabel, "Er zijn geen e-mails met deze status") {
		t.Errorf("filtered table: %q", tabel)
	}
	b.CheckAxe(t, ctx, "mail-gefilterd")
}
