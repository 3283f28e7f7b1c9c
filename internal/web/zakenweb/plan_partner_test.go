package zakenweb

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

var regisseurRe = regexp.MustCompile(`Regisseur</dt><dd class="utrecht-data-list__item-value">([^<,]+)`)

// planPartnerOpzet makes an open zaak with a plan: one goal (whose text stays with the gemeente), an
// action for Humanitas, one for Voor Elkaar and one for the consulent; the gemeente has a phone number.
// It returns the zaak's page, the partner page, the regisseur's name and sessions of both partners.
func planPartnerOpzet(t *testing.T, db *store.DB) (o *zkOmgeving, zaak, lijst, regisseur, humS, veS string) {
	t.Helper()
	o = nieuweOmgeving(t, db, time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	g, err := o.Kit.Gemeenten().Haal(t.Context(), gm)
	if err != nil {
		t.Fatal(err)
	}
	g.Contact.Telefoon = "14 0000"
	if err := o.Kit.Gemeenten().Wijzig(t.Context(), g, time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	hum := o.Partner("Humanitas Testafdeling", gm)
	ve := o.Partner("Voor Elkaar Test", gm)
	a := o.post(basis(gm)+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-09"}, "tijd": {"08:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d", a.Status)
	}
	zaak = strings.Split(a.Loc, "?")[0]
	for _, st := range []struct {
		pad string
		f   url.Values
	}{
		{"/eerste-gesprek", url.Values{"gesprek-datum": {"2026-03-09"}}},
		{"/besluit", url.Values{"besluit-soort": {"plan"}, "besluit-datum": {"2026-03-09"}}},
	} {
		st.f.Set("versie", eerste(t, versieRe, o.get(zaak, "consulent").Body))
		if a := o.post(zaak+st.pad, "consulent", st.f); a.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d %s", st.pad, a.Status, a.Body)
		}
	}
	p := o.get(zaak, "consulent")
	if a := o.post(zaak+"/doel", "consulent", url.Values{"planversie": {eerste(t, planVersieRe, p.Body)}, "doel-domein": {"geld"}, "doel-omschrijving": {"Geheim doel van het huishouden"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("doel: %d %s", a.Status, a.Body)
	}
	for _, ac := range []url.Values{
		{"actie-omschrijving": {"Budgetcursus geven"}, "actie-wie": {"partner"}, "actie-partner": {hum}, "actie-datum": {"2026-04-01"}},
		{"actie-omschrijving": {"Administratie ordenen"}, "actie-wie": {"partner"}, "actie-partner": {ve}},
		{"actie-omschrijving": {"Schuldeisers bellen"}, "actie-wie": {"consulent"}},
	} {
		p := o.get(zaak, "consulent")
		doel := regexp.MustCompile(`<option value="(\d+)">Geld en schulden: Geheim doel`).FindStringSubmatch(p.Body)
		if doel == nil {
			t.Fatal("doel niet in de keuzelijst")
		}
		ac.Set("planversie", eerste(t, planVersieRe, p.Body))
		ac.Set("actie-doel", doel[1])
		if a := o.post(zaak+"/actie", "consulent", ac); a.Status != http.StatusSeeOther {
			t.Fatalf("actie: %d %s", a.Status, a.Body)
		}
	}
	regisseur = eerste(t, regisseurRe, o.get(zaak, "consulent").Body)
	lijst = "/beheer/" + gm + nazorgPartnerPad
	humS = o.partnerSessie(t, hum, "hum@test.zeker.test", gm)
	veS = o.partnerSessie(t, ve, "ve@test.zeker.test", gm)
	return o, zaak, lijst, regisseur, humS, veS
}

// TestPlanPartnerActies: a partner user sees, under "Acties in een plan", the plan actions the gemeente
// gave its own organisation, with the goal's domain, the date, the regisseur's name and the gemeente's
// phone number — not the goal's text, not the other actions, not the BSN or the zaak. The other
// partner's user sees only its own action; a consulent sees the "no partner" page and the zaak page
// still names the partner of each action. Each partner user's view is an audit row with that user as
// actor (the consulent, no partner user, reads nothing there).
func TestPlanPartnerActies(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o, zaak, lijst, regisseur, humS, veS := planPartnerOpzet(t, db)
		if regisseur == "Nog niemand" || regisseur == "" {
			t.Fatalf("geen regisseur: %q", regisseur)
		}
		l := o.Doe(http.MethodGet, lijst, humS, nil, nil)
		if l.Status != http.StatusOK {
			t.Fatalf("lijst: %d", l.Status)
		}
		sectie := l.Body[strings.Index(l.Body, `id="acties"`):]
		webtest.Bevat(t, webtest.Antwoord{Status: l.Status, Body: sectie}, "Budgetcursus geven", "Geld en schulden", "wo 1 apr 2026", "Open", regisseur, "telefoon 14 0000")
		zaakID := zaak[strings.LastIndex(zaak, "/")+1:]
		for _, niet := range []string{"Geheim doel", "Administratie ordenen", "Schuldeisers bellen", bsnVan(o.recs[0]), "/zaken/" + zaakID} {
			if strings.Contains(l.Body, niet) {
				t.Errorf("partner ziet %q", niet)
			}
		}
		v := o.Doe(http.MethodGet, lijst, veS, nil, nil)
		if !strings.Contains(v.Body, "Administratie ordenen") || strings.Contains(v.Body, "Budgetcursus geven") || !strings.Contains(v.Body, "geen datum") {
			t.Errorf("andere partner: %d %s", v.Status, v.Body)
		}
		if c := o.get(lijst, "consulent"); c.Status != http.StatusOK || !strings.Contains(c.Body, `id="geen-partner"`) || strings.Contains(c.Body, "Budgetcursus geven") {
			t.Errorf("consulent op de partnerlijst: %d", c.Status)
		}
		webtest.Bevat(t, o.get(zaak, "consulent"), "Budgetcursus geven. Wie: Partner: Humanitas Testafdeling. Uiterlijk: wo 1 apr 2026. Nog open.",
			"Administratie ordenen. Wie: Partner: Voor Elkaar Test.", "Schuldeisers bellen. Wie: Consulent.")
		rs, err := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: gm, Operatie: "plan.partner.lijst", Limiet: 100})
		if err != nil || len(rs) != 2 || rs[0].Actor.Naam != "Medewerker ve@test.zeker.test" || rs[0].Aantal != 1 ||
			rs[1].Actor.Naam != "Medewerker hum@test.zeker.test" || rs[1].Aantal != 1 || rs[1].Actie != audit.Lezen {
			t.Errorf("audit: %v %+v", err, rs)
		}
	})
}
