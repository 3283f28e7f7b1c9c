package signalenweb

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
)

// BenchmarkSignalenWerklijst measures the worklist page end to end, as a browser gets it: the full
// handler (middleware, session lookup, the guard with the permission and the gemeente, the store query
// with its count, the template) through httptest, with 100,000 signals in the gemeente (two deliveries
// of 50,000 in February and March, as in the store's benchmark). Target: ≤ 100 ms per page.
func BenchmarkSignalenWerklijst(b *testing.B) {
	pop := synth.Populatie(60000)
	for _, d := range storetest.Dialects(b) {
		db := storetest.Open(b, d)
		o := nieuweSigOmgeving(b, db)
		o.x = synth.Index(pop)
		ctx := audit.WithActor(context.Background(), audit.Actor{Soort: audit.ActorSysteem, ID: "bench"})
		o.mu.Lock()
		o.nu = time.Date(2026, time.February, 10, 9, 0, 0, 0, time.UTC)
		o.mu.Unlock()
		if _, err := o.st.Ontvang(ctx, opslag.Levering{Gemeente: sigGM, PartnerID: "p",
			Signalen: synth.Signalen(pop, 50000, "feb", datum.Nieuw(2026, 2, 10), 1)}, o.x); err != nil {
			b.Fatal(err)
		}
		o.mu.Lock()
		o.nu = sigNu
		o.mu.Unlock()
		if _, err := o.st.Ontvang(ctx, opslag.Levering{Gemeente: sigGM, PartnerID: "q",
			Signalen: synth.Signalen(pop, 50000, "mrt", datum.Nieuw(2026, 3, 2), 2)}, o.x); err != nil {
			b.Fatal(err)
		}
		// The store query alone, as a baseline in the same run (the machine's load varies).
		b.Run(d.String()+"/alleen-opslag", func(b *testing.B) {
			for b.Loop() {
				zs, _, err := o.st.Werklijst(ctx, sigGM, opslag.Filter{})
				if err != nil || len(zs) == 0 {
					b.Fatal(err, len(zs))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/pagina")
		})
		for _, tc := range []struct{ naam, query string }{
			{"open-eerste-pagina", ""},
			{"alle-pagina-200", "?status=alle&vanaf=10000"},
			{"wijk-partnertype-leeftijd", "?wijk=Noord&partnertype=Huur&leeftijd=27tot67"},
			{"200-per-pagina", "?per=200"},
		} {
			b.Run(d.String()+"/"+tc.naam, func(b *testing.B) {
				pad := "/beheer/" + sigGM + "/signalen" + tc.query
				for b.Loop() {
					rec := werklijstVerzoek(o, pad)
					if rec.Code != http.StatusOK || len(zaakIDs(rec.Body.String())) == 0 {
						b.Fatalf("status %d, %d zaken", rec.Code, len(zaakIDs(rec.Body.String())))
					}
					if tc.query == "" && !strings.Contains(rec.Body.String(), "van meer dan 10.000.") {
						b.Fatalf("first page does not say it counted up to 10,000")
					}
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/pagina")
			})
		}
		// Each sort order of the worklist: the first page of open zaken, a page at offset 10,000, and the
		// first page of all statuses.
		for _, s := range opslag.Sorteringen() {
			for _, tc := range []struct{ naam, query string }{
				{"open-eerste-pagina", ""},
				{"open-vanaf-10000", "&vanaf=10000"},
				{"alle-eerste-pagina", "&status=alle"},
			} {
				b.Run(d.String()+"/sortering-"+string(s)+"/"+tc.naam, func(b *testing.B) {
					pad := "/beheer/" + sigGM + "/signalen?sortering=" + string(s) + tc.query
					for b.Loop() {
						rec := werklijstVerzoek(o, pad)
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

// werklijstVerzoek fetches a worklist page as the consulent.
func werklijstVerzoek(o *sigOmgeving, pad string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("GET", pad, nil)
	req.RemoteAddr = "192.0.2.7:4000"
	req.AddCookie(&http.Cookie{Name: auth.CookieNaam(false), Value: o.cookie["consulent"]})
	rec := httptest.NewRecorder()
	o.H.ServeHTTP(rec, req)
	return rec
}

// BenchmarkSignalenZaakPagina measures the page of a zaak with 50,000 signals end to end (middleware,
// session, guard, store, audit row, template), as the consulent gets it: the first page, one in the
// middle and the last. The zaak holds 50,000 signals about 1,000 residents at one address, the largest
// grouping a gemeente can allow (MaxInwonersPerAdresGrens); before the paging such a page took 22 s
// and 65 MB (issue 14). Reported: ms and bytes per page.
func BenchmarkSignalenZaakPagina(b *testing.B) {
	const n = 50000
	bsns := synth.BSNs()
	sigs := make([]signalen.Signaal, n)
	for i := range sigs {
		sigs[i] = signalen.Signaal{Referentie: "z-" + strconv.Itoa(i), PartnerType: signalen.PartnerTypes()[i%len(signalen.PartnerTypes())],
			Bedrag: geld.Euro(int64(100 + i%900)), Ontstaansdatum: datum.Nieuw(2026, 1, 10), Signaaldatum: datum.Nieuw(2026, 2, 25),
			Inwoner: signalen.Inwoner{BSN: bsns[100+i%signalen.MaxInwonersPerAdresGrens], Voorletters: "T.", Achternaam: "Testpersoon" + strconv.Itoa(i%1000),
				Telefoon: "0600000000", Adres: signalen.Adres{Postcode: "8011ZZ", Huisnummer: 1, Woonplaats: "Ommen"}}}
	}
	for _, d := range storetest.Dialects(b) {
		db := storetest.Open(b, d)
		o := nieuweSigOmgeving(b, db)
		ctx := audit.WithActor(context.Background(), audit.Actor{Soort: audit.ActorSysteem, ID: "bench"})
		inst := signalen.StandaardInstellingen()
		inst.MaxInwonersPerAdres = signalen.MaxInwonersPerAdresGrens
		if err := o.st.ZetInstellingen(ctx, sigGM, inst, 0); err != nil {
			b.Fatal(err)
		}
		if _, err := o.st.Ontvang(ctx, opslag.Levering{Gemeente: sigGM, PartnerID: "p", Signalen: sigs}, o.x); err != nil {
			b.Fatal(err)
		}
		zs, totaal, err := o.st.Werklijst(ctx, sigGM, opslag.Filter{})
		if err != nil || totaal != 1 || zs[0].AantalTotaal != n {
			b.Fatalf("want one zaak of %d signals: %d zaken, %v", n, totaal, err)
		}
		basis := "/beheer/" + sigGM + "/signalen/" + strconv.FormatInt(zs[0].ID, 10)
		for _, tc := range []struct{ naam, query string }{
			{"eerste-pagina", ""},
			{"midden", "?signalen-vanaf=25000"},
			{"laatste-pagina", "?signalen-vanaf=49950"},
		} {
			b.Run(d.String()+"/"+tc.naam, func(b *testing.B) {
				var grootte int
				for b.Loop() {
					rec := werklijstVerzoek(o, basis+tc.query)
					if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "van 50.000, in volgorde van ontvangst") {
						b.Fatalf("status %d", rec.Code)
					}
					grootte = rec.Body.Len()
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/pagina")
				b.ReportMetric(float64(grootte), "bytes/pagina")
			})
		}
	}
}
