package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/signalen/synth"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// BenchmarkSignalenWerklijstSortering measures the worklist page end to end in each order, with the
// same 100,000 signals as BenchmarkSignalenWerklijst (two deliveries of 50,000): the first page of open
// zaken, a page at offset 10,000, and the first page of all statuses. Target: ≤ 100 ms per page.
func BenchmarkSignalenWerklijstSortering(b *testing.B) {
	pop := synth.Populatie(60000)
	for _, d := range storetest.Dialects(b) {
		db := storetest.Open(b, d)
		o := nieuweSigOmgeving(b, db)
		o.x = synth.Index(pop)
		ctx := audit.WithActor(context.Background(), audit.Actor{Soort: audit.ActorSysteem, ID: "bench"})
		for _, l := range []struct {
			nu      time.Time
			partner string
			sigs    []signalen.Signaal
		}{
			{time.Date(2026, time.February, 10, 9, 0, 0, 0, time.UTC), "p", synth.Signalen(pop, 50000, "feb", signalen.NieuweDatum(2026, 2, 10), 1)},
			{sigNu, "q", synth.Signalen(pop, 50000, "mrt", signalen.NieuweDatum(2026, 3, 2), 2)},
		} {
			o.mu.Lock()
			o.nu = l.nu
			o.mu.Unlock()
			if _, err := o.st.Ontvang(ctx, opslag.Levering{Gemeente: sigGM, Partner: l.partner, Signalen: l.sigs}, o.x); err != nil {
				b.Fatal(err)
			}
		}
		for _, s := range opslag.Sorteringen() {
			for _, tc := range []struct{ naam, query string }{
				{"open-eerste-pagina", ""},
				{"open-vanaf-10000", "&vanaf=10000"},
				{"alle-eerste-pagina", "&status=alle"},
			} {
				b.Run(d.String()+"/"+string(s)+"/"+tc.naam, func(b *testing.B) {
					pad := "/beheer/" + sigGM + "/signalen?sortering=" + string(s) + tc.query
					for b.Loop() {
						req := httptest.NewRequest("GET", pad, nil)
						req.RemoteAddr = "192.0.2.7:4000"
						req.AddCookie(&http.Cookie{Name: auth.CookieNaam(false), Value: o.cookie["consulent"]})
						rec := httptest.NewRecorder()
						o.h.ServeHTTP(rec, req)
						if rec.Code != http.StatusOK || len(zaakIDs(rec.Body.String())) != 50 {
							b.Fatalf("status %d, %d zaken", rec.Code, len(zaakIDs(rec.Body.String())))
						}
					}
					b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/pagina")
				})
			}
		}
	}
}
