package zakenweb

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserZaken runs axe-core (WCAG 2.1 A and AA) in Chromium on every zaken page, in its normal
// state, with form errors and after a stale form, at desktop width and at 375 px (the page itself does
// not scroll sideways; wide tables scroll in their own container). Pages are fetched as the right role
// and written into a document of the test server, so the styles load as in a real visit. Gated like the
// other browser tests (ZEKER_BROWSER_TESTS=1, or CI=true).
func TestBrowserZaken(t *testing.T) {
	webtest.BrowserAan(t)
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	bs := basis(gm)
	nieuw := func(i int, crisis bool) string {
		f := url.Values{"bsn": {bsnVan(o.recs[i])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-06"}, "tijd": {"09:00"}}
		if crisis {
			f.Set("crisis", "ja")
			f.Set("crisissoort", "water")
		}
		a := o.post(bs+"/nieuw", "consulent", f)
		if a.Status != http.StatusSeeOther {
			t.Fatalf("nieuw: %d", a.Status)
		}
		return strings.Split(a.Loc, "?")[0]
	}
	aangemeld := nieuw(0, true)
	plan := nieuw(1, false)
	for _, stap := range []struct {
		pad string
		f   url.Values
	}{
		{"/eerste-gesprek", url.Values{"versie": {"1"}, "gesprek-datum": {"2026-03-09"}}},
		{"/besluit", url.Values{"versie": {"2"}, "besluit-soort": {"plan"}, "besluit-datum": {"2026-03-09"}}},
		{"/doel", url.Values{"planversie": {"1"}, "doel-domein": {"geld"}, "doel-omschrijving": {"Schulden op een rij"}}},
	} {
		if a := o.post(plan+stap.pad, "consulent", stap.f); a.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d %s", stap.pad, a.Status, a.Body)
		}
	}
	for i, f := range []url.Values{
		{"schuldeiser": {"Woonstichting Test"}, "schuld-bedrag": {"1250,00"}, "schuld-soort": {"huur"}, "schuld-stabiel": {"1"}},
		{"post-soort": {"inkomen"}, "post-omschrijving": {"Loon"}, "post-bedrag": {"1800"}},
	} {
		f.Set("versie", strconv.Itoa(i+3))
		pad := map[int]string{0: "/schuld", 1: "/budget"}[i]
		if a := o.post(plan+pad, "consulent", f); a.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d %s", pad, a.Status, a.Body)
		}
	}
	// A step with its outcome form and a team member with the removal form (zaken_schulden_wijzig.go,
	// zaken_teams_weg.go).
	if a := o.post(plan+"/stap", "consulent", url.Values{"versie": {"5"}, "stap": {"moratorium"}, "stap-datum": {"2026-03-09"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("stap: %d %s", a.Status, a.Body)
	}
	if a := o.post(bs+"/teams", "teamleider", url.Values{"team-naam": {"Team Test"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("team: %d", a.Status)
	}
	if a := o.post(bs+"/teams", "teamleider", url.Values{"team": {"1"}, "lid": {strconv.FormatInt(o.IDs["schuldhulpverlener"], 10)}}); a.Status != http.StatusSeeOther {
		t.Fatalf("teamlid: %d", a.Status)
	}
	// A zaak of its own for the beslagvrije voet (storing it changes the zaak's versie), with income.
	bvvZaak := nieuw(2, false)
	if a := o.post(bvvZaak+"/budget", "consulent", url.Values{"versie": {"1"}, "post-soort": {"inkomen"}, "post-omschrijving": {"Loon"}, "post-bedrag": {"1800"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("budget: %d %s", a.Status, a.Body)
	}
	schuldID := eerste(t, schuldLinkRe, o.get(plan, "consulent").Body)
	postID := eerste(t, postLinkRe, o.get(plan, "consulent").Body)
	hv := "/hulpvraag/" + gm
	if a := o.Doe(http.MethodPost, hv, "", url.Values{"naam": {"Test Inwoner"}, "telefoon": {"0612345678"}, "vraag": {"Rekeningen stapelen op"}}, nil); a.Status != 200 {
		t.Fatalf("hulpvraag: %d", a.Status)
	}
	online := bs + "/4"
	paginas := []webtest.Pagina{
		{Naam: "werklijst", Status: 200, Haal: func() webtest.Antwoord { return o.get(bs, "consulent") }},
		{Naam: "werklijst-fout", Status: 200, Haal: func() webtest.Antwoord { return o.get(bs+"?status=x&route=y", "consulent") }},
		{Naam: "werklijst-leeg", Status: 200, Haal: func() webtest.Antwoord { return o.get(bs+"?vanaf=1000", "consulent") }}, // past the end
		{Naam: "nieuw", Status: 200, Haal: func() webtest.Antwoord { return o.get(bs+"/nieuw", "consulent") }},
		{Naam: "nieuw-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(bs+"/nieuw", "consulent", url.Values{"bsn": {"1"}, "crisis": {"ja"}, "datum": {"x"}})
		}},
		{Naam: "zaak-aangemeld", Status: 200, Haal: func() webtest.Antwoord { return o.get(aangemeld+"?klaar=aangemeld", "consulent") }},
		{Naam: "zaak-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(aangemeld+"/eerste-gesprek", "consulent", url.Values{"versie": {"1"}, "gesprek-datum": {"morgen"}})
		}},
		{Naam: "zaak-verouderd", Status: 409, Haal: func() webtest.Antwoord {
			return o.post(aangemeld+"/beeindigen", "consulent", url.Values{"versie": {"0"}, "reden": {"Verhuisd"}, "einde-datum": {"2026-03-09"}, "einde-toelichting": {"x"}})
		}},
		{Naam: "zaak-plan", Status: 200, Haal: func() webtest.Antwoord { return o.get(plan, "consulent") }},
		{Naam: "zaak-schuld-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(plan+"/schuld", "consulent", url.Values{"versie": {"5"}, "schuld-bedrag": {"1.500"}})
		}},
		{Naam: "brief-plan", Status: 200, Haal: func() webtest.Antwoord {
			m := briefRe.FindStringSubmatch(o.get(plan, "consulent").Body)
			if m == nil {
				t.Fatal("geen brief op de zaakpagina")
			}
			return o.get(m[1], "consulent")
		}},
		{Naam: "zaak-schuld-wijzig", Status: 200, Haal: func() webtest.Antwoord { return o.get(plan+"?schuld="+schuldID, "consulent") }},
		{Naam: "zaak-schuld-wijzig-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(plan+"/schuld-wijzig", "consulent", url.Values{"versie": {"6"}, "wijzig-schuld": {schuldID}, "wijzig-schuldeiser": {""}, "wijzig-schuld-bedrag": {"1.500"}})
		}},
		{Naam: "zaak-schuld-weg-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(plan+"/schuld-weg", "consulent", url.Values{"versie": {"6"}, "wijzig-schuld": {schuldID}})
		}},
		{Naam: "zaak-post-wijzig", Status: 200, Haal: func() webtest.Antwoord { return o.get(plan+"?post="+postID, "consulent") }},
		{Naam: "zaak-stap-uitkomst-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(plan+"/stap-uitkomst", "consulent", url.Values{"versie": {"6"}, "uitkomst-stap": {"1"}, "uitkomst": {"toegewezen"}, "uitkomst-datum": {"2026-03-09"}, "afkoeling-tot": {"2027-03-09"}})
		}},
		{Naam: "teams-lid-weg-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(bs+"/teams/lid-weg", "teamleider", url.Values{"weg-lid": {"1:999"}})
		}},
		{Naam: "zaak-stap-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(plan+"/stap", "consulent", url.Values{"versie": {"5"}, "stap": {"x"}, "stap-datum": {"2026-03-09"}})
		}},
		{Naam: "werklijst-stap", Status: 200, Haal: func() webtest.Antwoord { return o.get(bs+"?routestap=moratorium&doelgroep=statushouder", "consulent") }},
		{Naam: "zaak-lezen", Status: 200, Haal: func() webtest.Antwoord { return o.get(plan, "consulent") }},
		{Naam: "hulpvraag", Status: 200, Haal: func() webtest.Antwoord { return o.Doe(http.MethodGet, hv, "", nil, nil) }},
		{Naam: "hulpvraag-en", Status: 200, Haal: func() webtest.Antwoord { return o.Doe(http.MethodGet, hv+"?lang=en", "", nil, nil) }},
		{Naam: "cijfers", Status: 200, Haal: func() webtest.Antwoord { return o.Doe(http.MethodGet, "/schuldhulp/"+gm+"/cijfers", "", nil, nil) }},
		{Naam: "cijfers-en", Status: 200, Haal: func() webtest.Antwoord {
			return o.Doe(http.MethodGet, "/schuldhulp/"+gm+"/cijfers?lang=en", "", nil, nil)
		}},
		{Naam: "hulpvraag-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.Doe(http.MethodPost, hv, "", url.Values{"telefoon": {"12"}, "email": {"x"}, "vraag": {strings.Repeat("x", 1001)}}, nil)
		}},
		{Naam: "hulpvraag-ontvangen", Status: 200, Haal: func() webtest.Antwoord {
			return o.Doe(http.MethodPost, hv, "", url.Values{"naam": {"Test"}, "email": {"t@voorbeeld.nl"}, "crisis": {"water"}}, nil)
		}},
		{Naam: "zaak-online", Status: 200, Haal: func() webtest.Antwoord { return o.get(online, "consulent") }},
		{Naam: "zaak-online-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(online+"/huishouden", "consulent", url.Values{"versie": {"1"}, "koppel-bsn": {"123"}})
		}},
		{Naam: "wachtlijst", Status: 200, Haal: func() webtest.Antwoord { return o.get(bs+"/wachtlijst", "consulent") }},
		{Naam: "teams", Status: 200, Haal: func() webtest.Antwoord { return o.get(bs+"/teams", "teamleider") }},
		{Naam: "teams-fout", Status: 422, Haal: func() webtest.Antwoord { return o.post(bs+"/teams", "teamleider", url.Values{"team-naam": {""}}) }},
		{Naam: "zaak-teamleider", Status: 200, Haal: func() webtest.Antwoord { return o.get(plan, "teamleider") }},
		{Naam: "zaak-regisseur", Status: 200, Haal: func() webtest.Antwoord { return o.get(plan, "regisseur") }},
		{Naam: "bijzonder", Status: 200, Haal: func() webtest.Antwoord {
			o.post(plan+"/bijzonder", "schuldhulpverlener", url.Values{"versie": {"0"}, "lvb": {"1"}, "bijzonder-toelichting": {"Brieven samen lezen."}})
			return o.get(plan+"/bijzonder?klaar=bijzonder", "schuldhulpverlener")
		}},
		{Naam: "bijzonder-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(plan+"/bijzonder", "consulent", url.Values{"versie": {"1"}, "bijzonder-toelichting": {strings.Repeat("x", 1001)}})
		}},
		{Naam: "bijzonder-verouderd", Status: 409, Haal: func() webtest.Antwoord {
			return o.post(plan+"/bijzonder", "consulent", url.Values{"versie": {"0"}, "lvb": {"1"}})
		}},
		// the beslagvrije voet: not filled in, errors at their fields, filled in (with the budget's income
		// beside it), a stale form
		{Naam: "bvv-leeg", Status: 200, Haal: func() webtest.Antwoord { return o.get(aangemeld+"/beslagvrije-voet", "consulent") }},
		{Naam: "bvv-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(bvvZaak+"/beslagvrije-voet", "consulent", url.Values{"versie": {"1"}, "bvv-jaarinkomen": {"1.500"}, "bvv-maandinkomen": {"0"}})
		}},
		{Naam: "bvv", Status: 200, Haal: func() webtest.Antwoord {
			v := eerste(t, versieRe, o.get(bvvZaak+"/beslagvrije-voet", "consulent").Body)
			if a := o.post(bvvZaak+"/beslagvrije-voet", "consulent", url.Values{"versie": {v}, "bvv-leefsituatie": {"alleenstaande_ouder"},
				"bvv-jaarinkomen": {"24000"}, "bvv-maandinkomen": {"1650,00"}}); a.Status != http.StatusSeeOther {
				t.Fatalf("bvv: %d %s", a.Status, a.Body)
			}
			a := o.get(bvvZaak+"/beslagvrije-voet?klaar=beslagvrije-voet", "consulent")
			webtest.Bevat(t, a, `id="bvv-uitkomst">€ `, "Aflossen kan hoogstens met het deel boven de beslagvrije voet")
			return a
		}},
		{Naam: "bvv-verouderd", Status: 409, Haal: func() webtest.Antwoord {
			return o.post(bvvZaak+"/beslagvrije-voet", "consulent", url.Values{"versie": {"0"}, "bvv-leefsituatie": {"gehuwden"}, "bvv-jaarinkomen": {"1"}})
		}},
		{Naam: "werklijst-team", Status: 200, Haal: func() webtest.Antwoord { return o.get(bs+"?team=geen", "teamleider") }},
		{Naam: "instellingen", Status: 200, Haal: func() webtest.Antwoord { return o.get(bs+"/instellingen", "beheerder") }},
		{Naam: "instellingen-fout", Status: 422, Haal: func() webtest.Antwoord {
			return o.post(bs+"/instellingen", "beheerder", url.Values{"versie": {"0"}, "crisis-aantal": {"0"}, "crisis-eenheid": {"dagen"}, "bewaar-geweigerd": {"x"}})
		}},
	}
	webtest.StartBrowser(t, o.H).AxePaginas(t, "zaken", paginas)
}
