package zakenweb

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// FuzzZakenWijzigen posts arbitrary values to the forms that change or remove a debt or budget post,
// record or remove a route step's outcome, end nazorg and take a member out of a team: the answer is a
// redirect, a form with errors at their fields, or a clear refusal (404, 409); never a 500 or a panic.
//
//	go test -run '^$' -fuzz FuzzZakenWijzigen -fuzztime 30s ./internal/web/zakenweb
func FuzzZakenWijzigen(f *testing.F) {
	f.Add("2", "1", "Woonstichting Test", "1310,20", "huur", "bevestigd", "1", "Dubbel", "toegewezen", "2026-03-09", "2026-09-09", "1:5")
	f.Add("", "", "", "", "", "", "", "", "", "", "", "")
	f.Add("-1", "999999999999999999999", strings.Repeat("x", 300), "1.500", "casino", "weg", "ja", " ", "misschien", "2026-02-30", "morgen", "x:y")
	f.Add("0", "0", "\x00\xff", "-5", "energie", "afgelost", "0", strings.Repeat("r", 1001), "afgewezen", "2099-01-01", "2026-03-09", ":")
	o := nieuweOmgeving(f, storetest.OpenTest(f), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	cons, tl := o.SessieAls("consulent"), o.SessieAls("teamleider")
	b := basis(gm)
	doe := func(t *testing.T, pad, cookie string, form url.Values) int {
		req := httptest.NewRequestWithContext(t.Context(), http.MethodPost, pad, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = "192.0.2.9:4000"
		req.AddCookie(&http.Cookie{Name: auth.CookieNaam(false), Value: cookie})
		rec := httptest.NewRecorder()
		o.H.ServeHTTP(rec, req)
		return rec.Code
	}
	// One open zaak with a debt, a post and a step to aim at.
	a := o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"ondernemers"}, "datum": {"2026-03-09"}, "tijd": {"08:00"}})
	if a.Status != http.StatusSeeOther {
		f.Fatalf("nieuw: %d", a.Status)
	}
	zaak := strings.Split(a.Loc, "?")[0]
	for i, st := range []struct {
		pad string
		f   url.Values
	}{
		{"/schuld", url.Values{"schuldeiser": {"Woonstichting Test"}, "schuld-bedrag": {"1250"}, "schuld-soort": {"huur"}, "schuld-status": {"bekend"}}},
		{"/budget", url.Values{"post-soort": {"inkomen"}, "post-omschrijving": {"Loon"}, "post-bedrag": {"1800"}}},
		{"/stap", url.Values{"stap": {"moratorium"}, "stap-datum": {"2026-03-09"}}},
	} {
		st.f.Set("versie", map[int]string{0: "1", 1: "2", 2: "3"}[i])
		if a := o.post(zaak+st.pad, "consulent", st.f); a.Status != http.StatusSeeOther {
			f.Fatalf("%s: %d", st.pad, a.Status)
		}
	}
	f.Fuzz(func(t *testing.T, versie, id, tekst, bedrag, soort, stand, vinkje, reden, uitkomst, dag, tot, lid string) {
		ok := func(a int, wat string) {
			switch a {
			case http.StatusSeeOther, http.StatusUnprocessableEntity, http.StatusConflict, http.StatusNotFound:
				return
			}
			t.Fatalf("%s: status %d", wat, a)
		}
		ok(doe(t, zaak+"/schuld-wijzig", cons, url.Values{"versie": {versie}, "wijzig-schuld": {id}, "wijzig-schuldeiser": {tekst}, "wijzig-schuld-bedrag": {bedrag},
			"wijzig-schuld-soort": {soort}, "wijzig-schuld-status": {stand}, "wijzig-schuld-stabiel": {vinkje}}), "schuld wijzigen")
		ok(doe(t, zaak+"/schuld-weg", cons, url.Values{"versie": {versie}, "wijzig-schuld": {id}, "schuld-weg-reden": {reden}}), "schuld weg")
		ok(doe(t, zaak+"/budget-wijzig", cons, url.Values{"versie": {versie}, "wijzig-post": {id}, "wijzig-post-soort": {soort}, "wijzig-post-omschrijving": {tekst},
			"wijzig-post-bedrag": {bedrag}}), "post wijzigen")
		ok(doe(t, zaak+"/budget-weg", cons, url.Values{"versie": {versie}, "wijzig-post": {id}, "post-weg-reden": {reden}}), "post weg")
		ok(doe(t, zaak+"/stap-uitkomst", cons, url.Values{"versie": {versie}, "uitkomst-stap": {id}, "uitkomst": {uitkomst}, "uitkomst-datum": {dag},
			"afkoeling-tot": {tot}, "uitkomst-toelichting": {tekst}}), "uitkomst")
		ok(doe(t, zaak+"/stap-weg", cons, url.Values{"versie": {versie}, "weg-stap": {id}, "stap-weg-reden": {reden}}), "stap weg")
		ok(doe(t, zaak+"/nazorg-einde", cons, url.Values{"versie": {versie}, "nazorg-einde": {dag}, "nazorg-einde-reden": {reden}}), "nazorg einde")
		ok(doe(t, b+"/teams/lid-weg", tl, url.Values{"weg-lid": {lid}}), "lid weg")
	})
}
