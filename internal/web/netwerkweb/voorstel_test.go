package netwerkweb_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

func (o *omgeving) voorstelDienst(t *testing.T, p string, gemeenten ...string) netwerk.Dienst {
	t.Helper()
	d, err := o.net.MaakDienst(ctx(t), netwerk.Dienst{PartnerID: p, Naam: "Thuisadministratie", Behoeften: []netwerk.Behoefte{netwerk.Budgetcoaching},
		Beschrijving: "Hulp bij de post.", Bron: "Jaarverslag", GecontroleerdOp: partner.Vandaag(webtest.Nu).AddDate(-2, 0, 0), Gemeenten: gemeenten})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func voorstelForm(d netwerk.Dienst) url.Values {
	w := netwerk.WijzigingVan(d)
	v := url.Values{"naam": {w.Naam}, "beschrijving": {w.Beschrijving}, "voorwie": {w.VoorWie}, "aanmelden": {w.Aanmelden}, "kosten": {w.Kosten},
		"website": {w.Website}, "email": {w.Email}, "telefoon": {w.Telefoon}, "openingstijden": {w.Openingstijden}, "status": {string(w.Status)}}
	for _, b := range w.Behoeften {
		v.Add("behoefte", string(b))
	}
	return v
}

// TestVoorstelWeb: a partner user proposes a change to its own service; the public kaart keeps the old
// text until the beheerder approves after seeing the differences; another partner's user cannot propose
// on it (404); a beheerder of one gemeente cannot approve a change to a service also offered elsewhere.
func TestVoorstelWeb(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		hum := o.Partner("Humanitas", eigen, ander)
		ve := o.Partner("Voor Elkaar", eigen)
		d := o.voorstelDienst(t, hum, eigen)
		gedeeld := o.voorstelDienst(t, hum, eigen, ander)
		humC := o.partnerGebruiker(t, hum, eigen, "hum@humanitas.test")
		veC := o.partnerGebruiker(t, ve, eigen, "ve@voorelkaar.test")
		beh := o.SessieAls("beheerder")
		basis := "/beheer/" + eigen

		webtest.Bevat(t, o.get(t, basis+"/aanbod", humC, 200), "Aanbod van Humanitas", "wijziging voorstellen voor Thuisadministratie")
		webtest.Bevat(t, o.get(t, basis+"/aanbod", o.SessieAls("intermediair"), 200), "Je account hoort niet bij een partner")
		pad := basis + "/aanbod/" + d.ID + "/voorstel"
		webtest.Bevat(t, o.get(t, pad, humC, 200), "Hulp bij de post.")
		o.get(t, pad, veC, 404)
		f := voorstelForm(d)
		f.Set("beschrijving", "Een vrijwilliger komt thuis helpen met de post en rekeningen.")
		o.post(t, pad, veC, f, 404)
		slecht := voorstelForm(d)
		slecht.Set("openingstijden", "dinsdagochtend")
		webtest.Bevat(t, o.post(t, pad, humC, slecht, 422), "Openingstijden")
		o.post(t, pad, humC, f, 303)
		if strings.Contains(o.get(t, web.SocialeKaartURL(eigen, ""), "", 200).Body, "rekeningen") {
			t.Error("het voorstel staat voor goedkeuring al op de publieke kaart")
		}
		webtest.Bevat(t, o.get(t, basis+"/aanbod", humC, 200), "Wacht op de gemeente")
		webtest.Bevat(t, o.get(t, basis+"/sociale-kaart", beh, 200), "1 voorstel wacht op een besluit")

		vs, _ := o.net.Voorstellen(t.Context(), eigen, "", true)
		if len(vs) != 1 {
			t.Fatalf("open voorstellen: %d", len(vs))
		}
		vpad := basis + "/sociale-kaart/voorstellen/" + strconv.FormatInt(vs[0].ID, 10)
		webtest.Bevat(t, o.get(t, basis+"/sociale-kaart/voorstellen", beh, 200), "Humanitas", "Te beoordelen")
		webtest.Bevat(t, o.get(t, vpad, beh, 200), "<del>Hulp bij de post.</del>", "<ins>Een vrijwilliger komt thuis helpen met de post en rekeningen.</ins>")
		o.get(t, "/beheer/"+ander+"/sociale-kaart/voorstellen/"+strconv.FormatInt(vs[0].ID, 10), o.SessieAls("systeembeheerder"), 404)
		webtest.Bevat(t, o.post(t, vpad, beh, url.Values{"besluit": {"af"}}, 422), "Schrijf op waarom")
		o.post(t, vpad, beh, url.Values{"besluit": {"goed"}}, 303)
		webtest.Bevat(t, o.get(t, web.SocialeKaartURL(eigen, ""), "", 200), "Een vrijwilliger komt thuis helpen met de post en rekeningen.")
		o.post(t, vpad, beh, url.Values{"besluit": {"af"}, "reden": {"x"}}, 409)

		// A service also offered in the other gemeente: this beheerder may reject, not approve.
		g := voorstelForm(gedeeld)
		g.Set("naam", "Thuisadministratie Twente")
		o.post(t, basis+"/aanbod/"+gedeeld.ID+"/voorstel", humC, g, 303)
		vs, _ = o.net.Voorstellen(t.Context(), eigen, "", true)
		gpad := basis + "/sociale-kaart/voorstellen/" + strconv.FormatInt(vs[0].ID, 10)
		webtest.Bevat(t, o.get(t, gpad, beh, 200), "kan het voorstel goedkeuren; afwijzen kan wel")
		o.post(t, gpad, beh, url.Values{"besluit": {"goed"}}, 403)
		o.post(t, gpad, beh, url.Values{"besluit": {"af"}, "reden": {"Naam wijkt af van de website."}}, 303)
		webtest.Bevat(t, o.get(t, basis+"/aanbod", humC, 200), "Afgewezen: Naam wijkt af van de website.")
	})
}

// TestBrowserVoorstel runs axe-core on the proposal pages of a partner user and of the beheerder.
func TestBrowserVoorstel(t *testing.T) {
	webtest.BrowserAan(t)
	o := nieuweOmgeving(t, storetest.OpenTest(t))
	hum := o.Partner("Humanitas", eigen)
	d := o.voorstelDienst(t, hum, eigen)
	humC := o.partnerGebruiker(t, hum, eigen, "hum@humanitas.test")
	b := webtest.StartBrowser(t, o.H)
	ctx := b.Tab(t)
	ga := func(pad string) {
		t.Helper()
		webtest.Do(t, ctx, chromedp.Navigate(b.Base+pad), chromedp.WaitReady(chromedp.CSS("footer")))
	}
	basis := "/beheer/" + eigen
	b.ZetSessie(t, ctx, humC)
	ga(basis + "/aanbod")
	b.CheckAxe(t, ctx, "aanbod-partner")
	ga(basis + "/aanbod/" + d.ID + "/voorstel")
	b.CheckAxe(t, ctx, "voorstel-form")
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "voorstel-form-fout") // nothing changed: refused
	webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#beschrijving"), "Een vrijwilliger komt thuis helpen."))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "aanbod-partner-voorstel")

	b.ZetSessie(t, ctx, o.SessieAls("beheerder"))
	ga(basis + "/sociale-kaart/voorstellen")
	b.CheckAxe(t, ctx, "voorstellen")
	vs, _ := o.net.Voorstellen(t.Context(), eigen, "", true)
	ga(basis + "/sociale-kaart/voorstellen/" + strconv.FormatInt(vs[0].ID, 10))
	b.CheckAxe(t, ctx, "voorstel")
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "voorstel-fout")
	webtest.Do(t, ctx, chromedp.Click(chromedp.CSS("#besluit")))
	webtest.Submit(t, ctx, "button[type=submit].utrecht-button--primary-action")
	b.CheckAxe(t, ctx, "voorstellen-beoordeeld")
}
