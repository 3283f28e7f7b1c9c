package main

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserAmbtshalveInbox runs axe-core (WCAG 2.1 A/AA) in Chromium on the inbox's tab of the scan's
// ambtshalve proposals (with a failed acceptance shown and an approval to retry), a proposal, its
// decision form with an error, the application an accepted proposal became, and the intermediary's own
// list and one application on it.
func TestBrowserAmbtshalveInbox(t *testing.T) {
	b, o := startStaffBrowser(t)
	db := o.DB
	c := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	if err := o.Auth.ZetRol(t.Context(), o.IDs["consulent"], ander, auth.Consulent); err != nil {
		t.Fatal(err)
	}
	recs := importeerRegister(t, db, ander, 60)
	ids := voorstellenVoorRecht(t, db, o.Audit, ander, recs, 3)
	// One failed acceptance (a household not in the register) and one approval without application.
	if _, err := db.Exec(c, `UPDATE scan_voorstel SET huishouden_id = 'weg' WHERE id = $1`, ids[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(c, `UPDATE scan_voorstel SET status = 'goedgekeurd', besluit_door = 'beheer', besluit_reden = 'Goedgekeurd voor de wijziging.' WHERE id = $1`, ids[2]); err != nil {
		t.Fatal(err)
	}
	// An application an intermediary made for a client, for the own list.
	svc, err := aanvragen.New(aanvragen.Config{DB: db, Audit: o.Audit, Catalogus: webtest.Catalogus(t), Klok: func() time.Time { return webtest.Nu }})
	if err != nil {
		t.Fatal(err)
	}
	h := recs[0].H
	h.Gemeente = ander
	if err := o.Auth.ZetRol(t.Context(), o.IDs["intermediair"], ander, auth.Intermediair); err != nil {
		t.Fatal(err)
	}
	keuzes, err := svc.Keuzes(&h, "nl")
	if err != nil || len(keuzes) == 0 {
		t.Fatalf("no regeling to apply for: %v", err)
	}
	a, err := svc.Start(c, aanvragen.NieuweAanvraag{Gemeente: ander, Formulier: "formulier-browser-eigen-0001", Huishouden: &h, Regelingen: []string{keuzes[0].ID}, Taal: "nl",
		Intermediair: &aanvragen.Intermediair{Naam: "Test Intermediair", Organisatie: "Test", GebruikerID: o.IDs["intermediair"], Toestemming: webtest.Nu}})
	if err != nil {
		t.Fatal(err)
	}

	ctx := b.Tab(t)
	ga := func(pad string) {
		t.Helper()
		webtest.Do(t, ctx, chromedp.Navigate(b.Base+pad), chromedp.WaitReady(chromedp.CSS("footer")))
	}
	basis := "/beheer/" + ander + "/aanvragen"
	vurl := func(id int64) string { return basis + "/voorstellen/" + strconv.FormatInt(id, 10) }
	b.ZetSessie(t, ctx, o.Sessie("consulent@test.zeker.test"))
	ga(vurl(ids[1]))
	webtest.Do(t, ctx, chromedp.Click(chromedp.CSS("#besluit-aanvaarden")), chromedp.SetValue(chromedp.CSS("#reden"), "Uit de scan."))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	if !webtest.Has(t, ctx, "#besluit-fout") {
		t.Error("no error for an acceptance whose household is not in the register")
	}
	b.CheckAxe(t, ctx, "voorstel-mislukt")
	for _, p := range []struct{ naam, pad string }{
		{"inbox-voorstellen", basis + "?status=voorstel"},
		{"inbox-voorstellen-nieuwste", basis + "?status=voorstel&volgorde=nieuwste"},
		{"inbox-voorstellen-fout", basis + "?status=voorstel&woonplaats=Nergenshuizen"},
		{"voorstel", vurl(ids[0])},
		{"voorstel-opnieuw", vurl(ids[2])},
	} {
		ga(p.pad)
		b.CheckAxe(t, ctx, p.naam)
		b.Screenshot(t, ctx, "aanvragen-"+p.naam)
	}
	ga(vurl(ids[0]))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "voorstel-fout")
	webtest.Do(t, ctx, chromedp.Click(chromedp.CSS("#besluit-aanvaarden")), chromedp.SetValue(chromedp.CSS("#reden"), "Uit de scan: al jaren recht."))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	if !webtest.Has(t, ctx, "#kanaal") {
		t.Error("accepting did not open the ambtshalve application")
	}
	b.CheckAxe(t, ctx, "voorstel-aanvraag")
	// The walk ends at the letter the resident gets (issue 19: proposal → decision → letter).
	webtest.Do(t, ctx, chromedp.Click(chromedp.CSS(`a[href*="/brief/"]`)), chromedp.WaitReady(chromedp.CSS(".bezwaar")))
	b.CheckAxe(t, ctx, "voorstel-brief")

	b.ZetSessie(t, ctx, o.Sessie("intermediair@test.zeker.test"))
	ga("/beheer/" + ander + "/mijn-aanvragen")
	b.CheckAxe(t, ctx, "eigen-lijst")
	b.Screenshot(t, ctx, "aanvragen-eigen-lijst")
	ga("/beheer/" + ander + "/mijn-aanvragen/" + strconv.FormatInt(a.ID, 10))
	if !webtest.Has(t, ctx, "#ontbreekt") {
		t.Error("no missing documents on the intermediary's application")
	}
	b.CheckAxe(t, ctx, "eigen-aanvraag")
}
