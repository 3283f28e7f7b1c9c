package monitorweb

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// BenchmarkArmoedevalPagina is the whole page for one curve through the kit (guard, session on SQLite,
// the curve of 461 points, the charts and the table): the figure in docs/armoedeval.md. With a what-if
// it is two curves and three charts.
func BenchmarkArmoedevalPagina(b *testing.B) {
	o := nieuweOmgeving(b, storetest.OpenTest(b), webtest.Opties{})
	for _, bc := range []struct {
		naam string
		q    url.Values
	}{
		{"curve", url.Values{"type": {"paar_2"}, "huur": {"650"}, "datum": {"2026-01-15"}}},
		{"met_wat_als", url.Values{"type": {"alleenstaande_ouder_2"}, "huur": {"650"}, "datum": {"2026-01-15"},
			"landing_regeling": {"participatie_volwassenen"}, "landing_maanden": {"6"}}},
	} {
		b.Run(bc.naam, func(b *testing.B) {
			pad := "/beheer/" + ommen + "/armoedeval?" + bc.q.Encode()
			cookie := &http.Cookie{Name: auth.CookieNaam(false), Value: o.beleid}
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("GET", pad, nil)
				req.AddCookie(cookie)
				req.RemoteAddr = "192.0.2.10:1234"
				w := httptest.NewRecorder()
				o.H.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("status %d", w.Code)
				}
			}
		})
	}
}
