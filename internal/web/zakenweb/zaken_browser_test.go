package zakenweb

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

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
	b := webtest.StartBrowser(t, webtest.Handler(t, webtest.Kit(t)))
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
	schuldID := eerste(t, schuldLinkRe, o.get(plan, "consulent").Body)
	postID := eerste(t, postLinkRe, o.get(plan, "consulent").Body)
	hv := "/hulpvraag/" + gm
	if a := o.Doe(http.MethodPost, hv, "", url.Values{"naam": {"Test Inwoner"}, "telefoon": {"0612345678"}, "vraag": {"Rekeningen stapelen op"}}, nil); a.Status != 200 {
		t.Fatalf("hulpvraag: %d", a.Status)
	}
	online := bs + "/3"
	ts := httptest.NewServer(o.H)
	t.Cleanup(ts.Close)
	paginas := []struct {
		naam   string
		status int
		a      func() webtest.Antwoord
	}{
		{"werklijst", 200, func() webtest.Antwoord { return o.get(bs, "consulent") }},
		{"werklijst-fout", 200, func() webtest.Antwoord { return o.get(bs+"?status=x&route=y", "consulent") }},
		{"werklijst-leeg", 200, func() webtest.Antwoord { return o.get(bs+"?vanaf=1000", "consulent") }}, // past the end
		{"nieuw", 200, func() webtest.Antwoord { return o.get(bs+"/nieuw", "consulent") }},
		{"nieuw-fout", 422, func() webtest.Antwoord {
			return o.post(bs+"/nieuw", "consulent", url.Values{"bsn": {"1"}, "crisis": {"ja"}, "datum": {"x"}})
		}},
		{"zaak-aangemeld", 200, func() webtest.Antwoord { return o.get(aangemeld+"?klaar=aangemeld", "consulent") }},
		{"zaak-fout", 422, func() webtest.Antwoord {
			return o.post(aangemeld+"/eerste-gesprek", "consulent", url.Values{"versie": {"1"}, "gesprek-datum": {"morgen"}})
		}},
		{"zaak-verouderd", 409, func() webtest.Antwoord {
			return o.post(aangemeld+"/beeindigen", "consulent", url.Values{"versie": {"0"}, "reden": {"Verhuisd"}, "einde-datum": {"2026-03-09"}, "einde-toelichting": {"x"}})
		}},
		{"zaak-plan", 200, func() webtest.Antwoord { return o.get(plan, "consulent") }},
		{"zaak-schuld-fout", 422, func() webtest.Antwoord {
			return o.post(plan+"/schuld", "consulent", url.Values{"versie": {"5"}, "schuld-bedrag": {"1.500"}})
		}},
		{"brief-plan", 200, func() webtest.Antwoord {
			m := briefRe.FindStringSubmatch(o.get(plan, "consulent").Body)
			if m == nil {
				t.Fatal("geen brief op de zaakpagina")
			}
			return o.get(m[1], "consulent")
		}},
		{"zaak-schuld-wijzig", 200, func() webtest.Antwoord { return o.get(plan+"?schuld="+schuldID, "consulent") }},
		{"zaak-schuld-wijzig-fout", 422, func() webtest.Antwoord {
			return o.post(plan+"/schuld-wijzig", "consulent", url.Values{"versie": {"6"}, "wijzig-schuld": {schuldID}, "wijzig-schuldeiser": {""}, "wijzig-schuld-bedrag": {"1.500"}})
		}},
		{"zaak-schuld-weg-fout", 422, func() webtest.Antwoord {
			return o.post(plan+"/schuld-weg", "consulent", url.Values{"versie": {"6"}, "wijzig-schuld": {schuldID}})
		}},
		{"zaak-post-wijzig", 200, func() webtest.Antwoord { return o.get(plan+"?post="+postID, "consulent") }},
		{"zaak-stap-uitkomst-fout", 422, func() webtest.Antwoord {
			return o.post(plan+"/stap-uitkomst", "consulent", url.Values{"versie": {"6"}, "uitkomst-stap": {"1"}, "uitkomst": {"toegewezen"}, "uitkomst-datum": {"2026-03-09"}, "afkoeling-tot": {"2027-03-09"}})
		}},
		{"teams-lid-weg-fout", 422, func() webtest.Antwoord {
			return o.post(bs+"/teams/lid-weg", "teamleider", url.Values{"weg-lid": {"1:999"}})
		}},
		{"zaak-stap-fout", 422, func() webtest.Antwoord {
			return o.post(plan+"/stap", "consulent", url.Values{"versie": {"5"}, "stap": {"x"}, "stap-datum": {"2026-03-09"}})
		}},
		{"werklijst-stap", 200, func() webtest.Antwoord { return o.get(bs+"?routestap=moratorium&doelgroep=statushouder", "consulent") }},
		{"zaak-lezen", 200, func() webtest.Antwoord { return o.get(plan, "consulent") }},
		{"hulpvraag", 200, func() webtest.Antwoord { return o.Doe(http.MethodGet, hv, "", nil, nil) }},
		{"hulpvraag-en", 200, func() webtest.Antwoord { return o.Doe(http.MethodGet, hv+"?lang=en", "", nil, nil) }},
		{"cijfers", 200, func() webtest.Antwoord { return o.Doe(http.MethodGet, "/schuldhulp/"+gm+"/cijfers", "", nil, nil) }},
		{"cijfers-en", 200, func() webtest.Antwoord {
			return o.Doe(http.MethodGet, "/schuldhulp/"+gm+"/cijfers?lang=en", "", nil, nil)
		}},
		{"hulpvraag-fout", 422, func() webtest.Antwoord {
			return o.Doe(http.MethodPost, hv, "", url.Values{"telefoon": {"12"}, "email": {"x"}, "vraag": {strings.Repeat("x", 1001)}}, nil)
		}},
		{"hulpvraag-ontvangen", 200, func() webtest.Antwoord {
			return o.Doe(http.MethodPost, hv, "", url.Values{"naam": {"Test"}, "email": {"t@voorbeeld.nl"}, "crisis": {"water"}}, nil)
		}},
		{"zaak-online", 200, func() webtest.Antwoord { return o.get(online, "consulent") }},
		{"zaak-online-fout", 422, func() webtest.Antwoord {
			return o.post(online+"/huishouden", "consulent", url.Values{"versie": {"1"}, "koppel-bsn": {"123"}})
		}},
		{"wachtlijst", 200, func() webtest.Antwoord { return o.get(bs+"/wachtlijst", "consulent") }},
		{"teams", 200, func() webtest.Antwoord { return o.get(bs+"/teams", "teamleider") }},
		{"teams-fout", 422, func() webtest.Antwoord { return o.post(bs+"/teams", "teamleider", url.Values{"team-naam": {""}}) }},
		{"zaak-teamleider", 200, func() webtest.Antwoord { return o.get(plan, "teamleider") }},
		{"zaak-regisseur", 200, func() webtest.Antwoord { return o.get(plan, "regisseur") }},
		{"bijzonder", 200, func() webtest.Antwoord {
			o.post(plan+"/bijzonder", "schuldhulpverlener", url.Values{"versie": {"0"}, "lvb": {"1"}, "bijzonder-toelichting": {"Brieven samen lezen."}})
			return o.get(plan+"/bijzonder?klaar=bijzonder", "schuldhulpverlener")
		}},
		{"bijzonder-fout", 422, func() webtest.Antwoord {
			return o.post(plan+"/bijzonder", "consulent", url.Values{"versie": {"1"}, "bijzonder-toelichting": {strings.Repeat("x", 1001)}})
		}},
		{"bijzonder-verouderd", 409, func() webtest.Antwoord {
			return o.post(plan+"/bijzonder", "consulent", url.Values{"versie": {"0"}, "lvb": {"1"}})
		}},
		{"werklijst-team", 200, func() webtest.Antwoord { return o.get(bs+"?team=geen", "teamleider") }},
		{"instellingen", 200, func() webtest.Antwoord { return o.get(bs+"/instellingen", "beheerder") }},
		{"instellingen-fout", 422, func() webtest.Antwoord {
			return o.post(bs+"/instellingen", "beheerder", url.Values{"versie": {"0"}, "crisis-aantal": {"0"}, "crisis-eenheid": {"dagen"}, "bewaar-geweigerd": {"x"}})
		}},
	}
	for _, breedte := range []int64{1280, 375} {
		ctx := b.Tab(t)
		webtest.Do(t, ctx, chromedp.EmulateViewport(breedte, 900))
		for _, p := range paginas {
			a := p.a()
			if a.Status != p.status {
				t.Fatalf("%s: status %d, want %d", p.naam, a.Status, p.status)
			}
			html, _ := json.Marshal(a.Body)
			webtest.Do(t, ctx, chromedp.Navigate(ts.URL+"/healthz"))
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(r => { document.open(); document.write(`+string(html)+
				`); document.close(); if (document.readyState === 'complete') r(true); else window.addEventListener('load', () => r(true)); })`,
				chromedp.EvalAwaitPromise)); err != nil {
				t.Fatalf("%s: %v", p.naam, err)
			}
			naam := fmt.Sprintf("%s@%d", p.naam, breedte)
			b.CheckAxe(t, ctx, naam)
			w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if int64(w) > breedte {
				t.Errorf("%s: page is %d px wide at a %d px viewport", naam, w, breedte)
			}
			b.Screenshot(t, ctx, "zaken-"+strings.ReplaceAll(naam, "@", "-"))
		}
	}
}
