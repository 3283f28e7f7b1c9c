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

// FuzzZakenFormulieren posts arbitrary values to the intake, a step of a zaak (the Wgs steps, a route step, the statushouder marker, the special data) and the settings: the
// answer is a redirect, a form with errors at their fields, or a clear refusal; never a 500 or a panic.
//
//	go test -run '^$' -fuzz FuzzZakenFormulieren -fuzztime 30s ./internal/web/zakenweb
func FuzzZakenFormulieren(f *testing.F) {
	f.Add("999999990", "balie", "schuldhulp", "2026-03-06", "09:00", "ja", "water", "1", "2026-03-06", "4", "weken", "bron", "12")
	f.Add("", "", "", "", "", "", "", "", "", "", "", "", "")
	f.Add("12", "post", "crisis", "6-3-2026", "25:99", "nee", "brand", "-1", "morgen", "0", "jaar", "", "-3")
	f.Add("999999990 ", "online", "ondernemers", "2099-01-01", "00:00", "ja", "", "abc", "2026-02-30", "401", "dagen", "x", "601")
	o := nieuweOmgeving(f, storetest.OpenTest(f), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	cons, beh := o.SessieAls("consulent"), o.SessieAls("beheerder")
	b := basis(gm)
	// doe is webtest's Doe without the omgeving's testing.TB (a fuzz target has its own t).
	doe := func(t *testing.T, pad, cookie string, form url.Values) int {
		req := httptest.NewRequestWithContext(t.Context(), http.MethodPost, pad, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = "192.0.2.9:4000"
		req.AddCookie(&http.Cookie{Name: auth.CookieNaam(false), Value: cookie})
		rec := httptest.NewRecorder()
		o.H.ServeHTTP(rec, req)
		return rec.Code
	}
	f.Fuzz(func(t *testing.T, bsn, kanaal, route, datum, tijd, crisis, soort, versie, stapDatum, aantal, eenheid, bron, bewaar string) {
		ok := func(a int, wat string, mag ...int) {
			for _, m := range mag {
				if a == m {
					return
				}
			}
			t.Fatalf("%s: status %d", wat, a)
		}
		ok(doe(t, b+"/nieuw", cons, url.Values{"bsn": {bsn}, "kanaal": {kanaal}, "route": {route}, "datum": {datum},
			"tijd": {tijd}, "crisis": {crisis}, "crisissoort": {soort}}), "nieuw", http.StatusSeeOther, http.StatusUnprocessableEntity)
		ok(doe(t, b+"/1/eerste-gesprek", cons, url.Values{"versie": {versie}, "gesprek-datum": {stapDatum}, "afzien": {crisis}}), "eerste gesprek", http.StatusSeeOther, http.StatusUnprocessableEntity, http.StatusConflict, http.StatusNotFound)
		ok(doe(t, b+"/1/stap", cons, url.Values{"versie": {versie}, "stap": {soort}, "stap-datum": {stapDatum}, "stap-toelichting": {bron}}), "stap", http.StatusSeeOther, http.StatusUnprocessableEntity, http.StatusConflict, http.StatusNotFound)
		ok(doe(t, b+"/1/statushouder", cons, url.Values{"versie": {versie}, "statushouder": {crisis}}), "statushouder", http.StatusSeeOther, http.StatusUnprocessableEntity, http.StatusConflict, http.StatusNotFound)
		ok(doe(t, b+"/1/bijzonder", cons, url.Values{"versie": {versie}, "lvb": {crisis}, "bijzonder-toelichting": {bron}}), "bijzonder", http.StatusSeeOther, http.StatusUnprocessableEntity, http.StatusConflict, http.StatusNotFound)
		ok(doe(t, b+"/instellingen", beh, url.Values{"versie": {versie}, "crisis-aantal": {aantal}, "crisis-eenheid": {eenheid},
			"crisis-bron": {bron}, "bewaar-afgerond": {bewaar}, "grond-eerder": {crisis}}), "instellingen", http.StatusSeeOther, http.StatusUnprocessableEntity, http.StatusConflict)
	})
}
