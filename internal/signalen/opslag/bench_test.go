package opslag_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/synth"
)

// BenchmarkOntvang50000 measures the intake of one delivery of 50,000 signals: validation, matching
// against 50,000 households, grouping and storing in one transaction. Each iteration is a new gemeente
// in the same database. Target: ≤ 10 s on SQLite and on PostgreSQL.
func BenchmarkOntvang50000(b *testing.B) {
	pop := synth.Populatie(50000)
	x := synth.Index(pop)
	sigs := synth.Signalen(pop, signalen.MaxBatch, "bench", d("2026-03-02"), 11)
	for _, db := range databases(b, maart) {
		b.Run(db.naam, func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				res, err := db.store.Ontvang(metActor(b.Context()), opslag.Levering{Gemeente: fmt.Sprintf("GM%04d", i), PartnerID: "p", Signalen: sigs}, x)
				if err != nil {
					b.Fatal(err)
				}
				if res.Opgeslagen != signalen.MaxBatch {
					b.Fatalf("stored %d", res.Opgeslagen)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/levering")
		})
	}
}

// BenchmarkWerklijst measures one worklist page with 100,000 signals in the gemeente (two deliveries
// of 50,000 in two months, so the second month's zaken are partly meervoudig/opeenvolgend). Target ≤ 100 ms.
func BenchmarkWerklijst(b *testing.B) {
	pop := synth.Populatie(60000)
	x := synth.Index(pop)
	for _, db := range databases(b, maart) {
		ctx := metActor(b.Context())
		db.zet(time.Date(2026, time.February, 10, 9, 0, 0, 0, time.UTC))
		if _, err := db.store.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "p", Signalen: synth.Signalen(pop, 50000, "feb", d("2026-02-10"), 1)}, x); err != nil {
			b.Fatal(err)
		}
		db.zet(maart)
		if _, err := db.store.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "q", Signalen: synth.Signalen(pop, 50000, "mrt", d("2026-03-02"), 2)}, x); err != nil {
			b.Fatal(err)
		}
		type geval struct {
			naam string
			f    opslag.Filter
		}
		gevallen := []geval{
			{"open-eerste-pagina", opslag.Filter{}},
			{"open-eerste-pagina-tel-tot-1000", opslag.Filter{TelTot: 1000}},
			{"alle-pagina-200", opslag.Filter{Status: opslag.StatusAlle, Vanaf: 10000}},
			{"wijk-partnertype-leeftijd", opslag.Filter{Wijk: "Noord", PartnerType: signalen.PartnerHuur, LeeftijdVan: 27, LeeftijdTot: 65}},
		}
		// The other orders: first page of open zaken (count capped as on the page), a page at offset
		// 10,000, and all statuses.
		for _, s := range opslag.Sorteringen()[1:] {
			gevallen = append(gevallen,
				geval{"sortering-" + string(s) + "/open-eerste-pagina", opslag.Filter{Sortering: s, TelTot: 10000}},
				geval{"sortering-" + string(s) + "/open-vanaf-10000", opslag.Filter{Sortering: s, TelTot: 10050, Vanaf: 10000}},
				geval{"sortering-" + string(s) + "/alle-eerste-pagina", opslag.Filter{Sortering: s, TelTot: 10000, Status: opslag.StatusAlle}},
			)
		}
		for _, tc := range gevallen {
			b.Run(db.naam+"/"+tc.naam, func(b *testing.B) {
				for b.Loop() {
					rows, n, err := db.store.Werklijst(ctx, "GM0175", tc.f)
					if err != nil {
						b.Fatal(err)
					}
					if n == 0 || len(rows) == 0 {
						b.Fatalf("empty worklist (%d)", n)
					}
				}
			})
		}
	}
}

// BenchmarkOntvangTweedeLevering50000 measures a second delivery of 50,000 signals in the same month
// for the same households: most signals join an existing zaak, which is updated (meervoudig).
func BenchmarkOntvangTweedeLevering50000(b *testing.B) {
	pop := synth.Populatie(50000)
	x := synth.Index(pop)
	eerste := synth.Signalen(pop, signalen.MaxBatch, "een", d("2026-03-02"), 21)
	tweede := synth.Signalen(pop, signalen.MaxBatch, "twee", d("2026-03-02"), 22)
	for _, db := range databases(b, maart) {
		b.Run(db.naam, func(b *testing.B) {
			ctx := metActor(b.Context())
			i := 0
			for b.Loop() {
				i++
				g := fmt.Sprintf("GM%04d", 5000+i)
				b.StopTimer()
				if _, err := db.store.Ontvang(ctx, opslag.Levering{Gemeente: g, PartnerID: "p", Signalen: eerste}, x); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				res, err := db.store.Ontvang(ctx, opslag.Levering{Gemeente: g, PartnerID: "q", Signalen: tweede}, x)
				if err != nil || res.Opgeslagen != signalen.MaxBatch {
					b.Fatalf("%+v %v", res, err)
				}
			}
		})
	}
}
