package zakenweb

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

var (
	momentRe = regexp.MustCompile(`name="moment" value="(\d+)"`)
	refRe    = regexp.MustCompile(`NZ-[0-9A-F]{10}`)
)

// partnerSessie invites email as a user of partner p in the gemeenten (the beheerder's invitation
// linked to the partner), redeems each and returns a session.
func (o *zkOmgeving) partnerSessie(t *testing.T, p, email string, gemeenten ...string) string {
	t.Helper()
	for _, g := range gemeenten {
		code, u, err := o.Auth.NodigUit(ctxMetActor(t), auth.NieuweUitnodiging{Gemeente: g, Email: email, Naam: "Medewerker " + email, Rol: auth.Intermediair})
		if err != nil {
			t.Fatal(err)
		}
		if err := o.Partners.KoppelUitnodiging(ctxMetActor(t), u.ID, p, g); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := o.Auth.Aanvaard(ctxMetActor(t), auth.Aanvaarden{Email: email, Code: code, Wachtwoord: webtest.Wachtwoord, IP: "192.0.2.9"}); err != nil {
			t.Fatal(err)
		}
	}
	return o.Sessie(email)
}

// TestNazorgPartnerLijst: the partner's own list of nazorg contact moments. Its user sees the moment
// (day, gemeente, state, the random reference, what it is about, who handed over) and nothing of the
// zaak (no zaak id, no BSN, no debt); also from its other gemeente. Another partner's user sees none
// and gets 404 on the moment; an intermediair of no partner and a consulent see the "no partner" page
// and get 404; the consulent's zaak page is unchanged and the partner user still gets 403 there.
// Marking held: a missing note 422, a stale form 409, then held — an audit row with the partner user
// as actor, a line on the zaak's timeline, "Gehouden op" on the list, and no form for it any more.
func TestNazorgPartnerLijst(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o, zaak, lijst, humS, veS := nazorgPartnerOpzet(t, db)

		l := o.Doe(http.MethodGet, lijst, humS, nil, nil)
		webtest.Bevat(t, l, "Nazorg en plan: onze taken", "Humanitas Testafdeling", "Hoe gaat het met de post?", "Gepland", "Contactmoment afvinken")
		ref := refRe.FindString(l.Body)
		if ref == "" {
			t.Fatalf("geen kenmerk: %s", l.Body)
		}
		zaakID := zaak[strings.LastIndex(zaak, "/")+1:]
		for _, niet := range []string{"Woonstichting Geheim", bsnVan(o.recs[0]), "/zaken/" + zaakID, "Zaak " + zaakID} {
			if strings.Contains(l.Body, niet) {
				t.Errorf("partnerlijst toont %q", niet)
			}
		}
		// The same moments from the user's other gemeente.
		if a := o.Doe(http.MethodGet, "/beheer/"+webtest.Ander+nazorgPartnerPad, humS, nil, nil); !strings.Contains(a.Body, ref) {
			t.Errorf("andere gemeente van de partner: %d zonder %s", a.Status, ref)
		}
		moment := eerste(t, momentRe, l.Body)
		versie := eerste(t, versieRe, l.Body)

		// Another partner, an intermediair of no partner, a consulent.
		if a := o.Doe(http.MethodGet, lijst, veS, nil, nil); a.Status != 200 || strings.Contains(a.Body, ref) || !strings.Contains(a.Body, "Er zijn geen contactmomenten") {
			t.Errorf("andere partner ziet: %d", a.Status)
		}
		goed := url.Values{"moment": {moment}, "versie": {versie}, "gehouden-datum": {"2026-03-09"}, "verslag": {"Post samen doorgenomen."}}
		if a := o.Doe(http.MethodPost, lijst, veS, goed, nil); a.Status != http.StatusNotFound {
			t.Errorf("andere partner vinkt af: %d", a.Status)
		}
		for _, rol := range []string{"intermediair", "consulent"} {
			if a := o.get(lijst, rol); a.Status != 200 || !strings.Contains(a.Body, `id="geen-partner"`) || strings.Contains(a.Body, ref) {
				t.Errorf("%s: %d", rol, a.Status)
			}
			if a := o.post(lijst, rol, goed); a.Status != http.StatusNotFound {
				t.Errorf("%s vinkt af: %d", rol, a.Status)
			}
		}
		if a := o.get(zaak, "consulent"); a.Status != 200 || !strings.Contains(a.Body, ref) {
			t.Errorf("zaakpagina: %d, kenmerk %s", a.Status, ref)
		}
		if a := o.Doe(http.MethodGet, zaak, humS, nil, nil); a.Status != http.StatusForbidden {
			t.Errorf("partner op de zaakpagina: %d", a.Status)
		}

		// Marking held.
		leeg := url.Values{"moment": {moment}, "versie": {versie}, "gehouden-datum": {"2026-03-09"}}
		if a := o.Doe(http.MethodPost, lijst, humS, leeg, nil); a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, "verslag-"+moment+"-fout") {
			t.Errorf("zonder verslag: %d", a.Status)
		}
		oud := url.Values{"moment": {moment}, "versie": {"1"}, "gehouden-datum": {"2026-03-09"}, "verslag": {"x"}}
		if a := o.Doe(http.MethodPost, lijst, humS, oud, nil); a.Status != http.StatusConflict || !strings.Contains(a.Body, "intussen gewijzigd") {
			t.Errorf("verouderd: %d", a.Status)
		}
		if a := o.Doe(http.MethodPost, lijst, humS, goed, nil); a.Status != http.StatusSeeOther {
			t.Fatalf("afvinken: %d %s", a.Status, a.Body)
		}
		l = o.Doe(http.MethodGet, lijst, humS, nil, nil)
		webtest.Bevat(t, l, "Gehouden op", "Post samen doorgenomen.")
		if momentRe.MatchString(l.Body) {
			t.Error("het afgevinkte moment heeft nog een formulier")
		}
		if a := o.Doe(http.MethodPost, lijst, humS, goed, nil); a.Status == http.StatusSeeOther {
			t.Error("twee keer afgevinkt")
		}
		webtest.Bevat(t, o.get(zaak, "consulent"), "Contactmoment nazorg gehouden op 2026-03-09. Post samen doorgenomen.")
		rs, err := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: gm, Operatie: "zaak.contact-gedaan", Limiet: 10})
		if err != nil || len(rs) != 1 || rs[0].Actor.Naam != "Medewerker hum@test.zeker.test" || rs[0].SubjectSoort != "bsn" || rs[0].Actie != audit.Wijzigen {
			t.Errorf("audit afvinken: %v %+v", err, rs)
		}
		if rs, err := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: gm, Operatie: "nazorg.partner.lijst", Limiet: 100}); err != nil || len(rs) < 3 {
			t.Errorf("audit lijst: %v %d", err, len(rs))
		}
	})
}

// nazorgPartnerOpzet makes a completed zaak with a debt and nazorg by Humanitas (member of both test
// gemeenten) with one contact moment, and sessions of a Humanitas user (invited in both) and of a user
// of another partner. It returns the zaak's page and the partner list of the own gemeente.
func nazorgPartnerOpzet(t *testing.T, db *store.DB) (o *zkOmgeving, zaak, lijst, humS, veS string) {
	t.Helper()
	o = nieuweOmgeving(t, db, time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	hum := o.Partner("Humanitas Testafdeling", gm, webtest.Ander)
	ve := o.Partner("Voor Elkaar Test", gm)
	a := o.post(basis(gm)+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-09"}, "tijd": {"08:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d", a.Status)
	}
	zaak = strings.Split(a.Loc, "?")[0]
	stuur := func(pad string, f url.Values) {
		t.Helper()
		f.Set("versie", eerste(t, versieRe, o.get(zaak, "consulent").Body))
		if a := o.post(zaak+pad, "consulent", f); a.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d %s", pad, a.Status, a.Body)
		}
	}
	stuur("/eerste-gesprek", url.Values{"gesprek-datum": {"2026-03-09"}})
	stuur("/besluit", url.Values{"besluit-soort": {"plan"}, "besluit-datum": {"2026-03-09"}})
	stuur("/schuld", url.Values{"schuldeiser": {"Woonstichting Geheim"}, "schuld-bedrag": {"1250,00"}, "schuld-soort": {"huur"}})
	stuur("/afronden", url.Values{"afrond-datum": {"2026-03-09"}})
	stuur("/nazorg", url.Values{"nazorg-partner": {hum}, "nazorg-start": {"2026-03-09"}, "moment-datum": {"2026-03-09"}, "moment-onderwerp": {"Hoe gaat het met de post?"}})

	lijst = basis(gm)[:len("/beheer/")+len(gm)] + nazorgPartnerPad
	humS = o.partnerSessie(t, hum, "hum@test.zeker.test", gm, webtest.Ander)
	veS = o.partnerSessie(t, ve, "ve@test.zeker.test", gm)

	return o, zaak, lijst, humS, veS
}

// TestNazorgMomentStand: after nazorg ends early, the zaak page and the partner's list give each contact
// moment the same state, and neither says "Gepland": the moment on the last day, not held, is "not
// recorded as held" (it can no longer be recorded); the moment after it is "Vervallen" (and the
// timeline counts that one). Before, the zaak page said "Gepland." for the first and the partner's list
// "Vervallen" for both.
func TestNazorgMomentStand(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o, zaak, lijst, humS, _ := nazorgPartnerOpzet(t, db)
		stuur := func(pad string, f url.Values) {
			t.Helper()
			f.Set("versie", eerste(t, versieRe, o.get(zaak, "consulent").Body))
			if a := o.post(zaak+pad, "consulent", f); a.Status != http.StatusSeeOther {
				t.Fatalf("%s: %d %s", pad, a.Status, a.Body)
			}
		}
		stuur("/contactmoment", url.Values{"moment-datum": {"2026-04-01"}, "moment-onderwerp": {"Tweede gesprek"}})
		webtest.Bevat(t, o.Doe(http.MethodGet, lijst, humS, nil, nil), ">Gepland</td>")
		stuur("/nazorg-einde", url.Values{"nazorg-einde": {"2026-03-09"}, "nazorg-einde-reden": {"Inwoner wil geen nazorg meer."}})

		p := o.get(zaak, "consulent")
		webtest.Bevat(t, p, "Hoe gaat het met de post?. Niet als gehouden vastgelegd: de nazorg is beëindigd.",
			"Tweede gesprek. Vervallen: de nazorg is eerder beëindigd.", "1 gepland contactmoment daarna vervalt.")
		l := o.Doe(http.MethodGet, lijst, humS, nil, nil)
		for _, re := range []string{
			`>Niet als gehouden vastgelegd: de nazorg is beëindigd</td>\s*<td class="utrecht-table__cell">NZ-[0-9A-F]{10}</td>\s*<td class="utrecht-table__cell">Hoe gaat het met de post\?<`,
			`>Vervallen: de nazorg is eerder beëindigd</td>\s*<td class="utrecht-table__cell">NZ-[0-9A-F]{10}</td>\s*<td class="utrecht-table__cell">Tweede gesprek<`,
		} {
			if !regexp.MustCompile(re).MatchString(l.Body) {
				t.Errorf("partner list lacks %s\n%s", re, l.Body)
			}
		}
		for naam, a := range map[string]webtest.Antwoord{"zaak": p, "partner": l} {
			if strings.Contains(a.Body, "Gepland") {
				t.Errorf("%s page still says Gepland after the early end", naam)
			}
		}
		if strings.Contains(l.Body, "Contactmoment afvinken</button>") {
			t.Error("partner list offers to mark a moment of an ended nazorg")
		}
	})
}

// TestNazorgPartnerVerouderdNaFout: the partner's form refused at a field (422) comes back with the
// version it was loaded with, not the zaak's newest; after the gemeente's change meanwhile, the
// corrected form is refused (409) instead of overwriting that change unseen (the list used to put the
// newest version in the form).
func TestNazorgPartnerVerouderdNaFout(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o, zaak, lijst, humS, _ := nazorgPartnerOpzet(t, db)
		l := o.Doe(http.MethodGet, lijst, humS, nil, nil)
		moment := eerste(t, momentRe, l.Body)
		inForm := regexp.MustCompile(`name="moment" value="` + moment + `">\s*<input type="hidden" name="versie" value="(-?\d+)"`)
		versie := eerste(t, inForm, l.Body)
		// the gemeente changes the zaak meanwhile: another contact moment (versie N → N+1)
		nu := eerste(t, versieRe, o.get(zaak, "consulent").Body)
		if nu != versie {
			t.Fatalf("versie op de lijst %s, op de zaak %s", versie, nu)
		}
		if a := o.post(zaak+"/contactmoment", "consulent", url.Values{"versie": {nu}, "moment-datum": {"2026-04-01"}, "moment-onderwerp": {"Tweede gesprek"}}); a.Status != http.StatusSeeOther {
			t.Fatalf("gemeente: %d %s", a.Status, a.Body)
		}
		if nieuw := eerste(t, versieRe, o.get(zaak, "consulent").Body); nieuw == versie {
			t.Fatalf("versie van de zaak niet veranderd: %s", nieuw)
		}
		// the partner's form, loaded at N, without a note
		a := o.Doe(http.MethodPost, lijst, humS, url.Values{"moment": {moment}, "versie": {versie}, "gehouden-datum": {"2026-03-09"}}, nil)
		if a.Status != http.StatusUnprocessableEntity {
			t.Fatalf("fout: %d", a.Status)
		}
		if v := eerste(t, inForm, a.Body); v != versie {
			t.Fatalf("versie in het formulier na de fout: %s, want %s (die van het formulier)", v, versie)
		}
		a = o.Doe(http.MethodPost, lijst, humS, url.Values{"moment": {moment}, "versie": {versie}, "gehouden-datum": {"2026-03-09"}, "verslag": {"Post samen doorgenomen."}}, nil)
		if a.Status != http.StatusConflict {
			t.Fatalf("verbeterd formulier op een oude versie: %d, want 409", a.Status)
		}
	})
}
