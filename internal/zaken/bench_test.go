package zaken_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/termijn"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// BenchmarkWerklijst: the worklist with 100,000 zaken in the gemeente and 100,000 in another, 80% of
// them open, spread over 12 villages, two routes and 8 teams: the first and the tenth page of 50 rows, open
// zaken by nearest deadline, with and without a village or team filter and with both, the Wgs indicators and the
// statushouder counts per year, on SQLite and (with TEST_DATABASE_URL)
// PostgreSQL. Each op is one page as the worklist reads it: the count (capped at 10,000 as on the page,
// zakenweb.telTot; the "exact" cases count every matching zaak, as the page did before), the rows and
// the audit row.
//
//	go test -run '^$' -bench Werklijst -benchtime 20x ./internal/zaken
func BenchmarkWerklijst(b *testing.B) {
	const telTot = 10_000 // the worklist page's cap (zakenweb.telTot)
	alleenIndicatoren := os.Getenv("ZAKEN_BENCH_IND") != ""
	for _, d := range storetest.Dialects(b) {
		db := storetest.Open(b, d)
		log, err := audit.New(db, []byte("zaken-bench-sleutel-van-minstens-32-bytes!"), nil)
		if err != nil {
			b.Fatal(err)
		}
		svc, err := zaken.New(zaken.Config{DB: db, Audit: log})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		for _, gm := range []string{"GM1681", "GM0175"} {
			vulZaken(b, db, gm, 100_000)
		}
		if d == store.Postgres {
			if _, err := db.Exec(b.Context(), "ANALYZE zaken_zaak"); err != nil {
				b.Fatal(err)
			}
		} else if _, err := db.Exec(b.Context(), "ANALYZE"); err != nil {
			b.Fatal(err)
		}
		b.Logf("%s: 200,000 zaken geladen in %s", d, time.Since(start).Round(time.Millisecond))
		ctx := audit.WithActor(context.Background(), audit.Actor{Soort: audit.ActorGebruiker, ID: "1", Naam: "bench"})
		for _, tc := range []struct {
			naam string
			f    zaken.Filter
		}{
			{"open/pagina1", zaken.Filter{TelTot: telTot}},
			{"open/pagina10", zaken.Filter{Vanaf: 450, TelTot: telTot}},
			{"open/pagina1-exact", zaken.Filter{}},
			{"open/pagina10-exact", zaken.Filter{Vanaf: 450}},
			{"open+dorp/pagina1", zaken.Filter{Woonplaats: "Dorp 03", TelTot: telTot}},
			{"open+dorp/pagina10", zaken.Filter{Woonplaats: "Dorp 03", Vanaf: 450, TelTot: telTot}},
			{"open+team/pagina1", zaken.Filter{Team: 3, TelTot: telTot}},
			{"open+team/pagina10", zaken.Filter{Team: 3, Vanaf: 450, TelTot: telTot}},
			// the issue's own case: one team, open, nearest deadline, and a village filter
			{"open+team+dorp/pagina1", zaken.Filter{Team: 3, Woonplaats: "Dorp 03", TelTot: telTot}},
			{"open+team+dorp/pagina10", zaken.Filter{Team: 3, Woonplaats: "Dorp 03", Vanaf: 450, TelTot: telTot}},
		} {
			if alleenIndicatoren {
				continue
			}
			minimum := 5000
			if tc.f.Team != 0 && tc.f.Woonplaats != "" {
				minimum = 500 // one team in one village: about 830 open zaken
			}
			b.Run(d.String()+"/"+tc.naam, func(b *testing.B) {
				for b.Loop() {
					rs, n, err := svc.Werklijst(ctx, "GM1681", tc.f)
					if err != nil || len(rs) != 50 || n < minimum {
						b.Fatalf("%d rijen van %d: %v", len(rs), n, err)
					}
				}
			})
		}
		// The Wgs indicators computed afresh (the page keeps them for IndicatorenBewaren; the CSV does not).
		b.Run(d.String()+"/indicatoren", func(b *testing.B) {
			for b.Loop() {
				ind, err := svc.IndicatorenVers(ctx, "GM1681")
				if err != nil || len(ind) < 2 || ind[len(ind)-1].Gesprekken.Beoordeeld == 0 {
					b.Fatalf("%+v: %v", ind, err)
				}
			}
		})
		// The zaken started per year and those marked statushouder (the zaken page reads them afresh).
		b.Run(d.String()+"/statushouders", func(b *testing.B) {
			for b.Loop() {
				dg, err := svc.StatushoudersPerJaar(ctx, "GM1681")
				if err != nil || len(dg) < 2 || dg[len(dg)-1].Gestart != 100_000 {
					b.Fatalf("%+v: %v", dg, err)
				}
			}
		})
	}
}

// vulZaken inserts n synthetic zaken of gm directly (the benchmark measures reading, not intake).
func vulZaken(b *testing.B, db *store.DB, gm string, n int) {
	b.Helper()
	r := rand.New(rand.NewPCG(1, uint64(len(gm))))
	basis := datum.Nieuw(2026, time.January, 5)
	nu := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	const blok = 500
	ph := func(k int) string {
		if db.Dialect() == store.SQLite {
			return "?"
		}
		return fmt.Sprintf("$%d", k)
	}
	for i := 0; i < n; i += blok {
		var sb strings.Builder
		sb.WriteString(`INSERT INTO zaken_zaak (gemeente, huishouden_id, woonplaats, kanaal, route, gestart, startdatum, status, open,
			eerste_gesprek_deadline, volgende_deadline, aangemaakt, team_id) VALUES `)
		var args []any
		for j := i; j < min(i+blok, n); j++ {
			if j > i {
				sb.WriteString(", ")
			}
			sb.WriteString("(")
			for k := range 13 {
				if k > 0 {
					sb.WriteString(", ")
				}
				sb.WriteString(ph(len(args) + k + 1))
			}
			sb.WriteString(")")
			start := basis.PlusDagen(r.IntN(120))
			dl := termijn.PlusWerkdagen(start, 20).String()
			status, open, volgende := "aangemeld", 1, dl
			if r.IntN(5) == 0 {
				status, open, volgende = "afgerond", 0, "9999-12-31"
			}
			route := "schuldhulp"
			if r.IntN(4) == 0 {
				route = "ondernemers"
			}
			args = append(args, gm, fmt.Sprintf("H%07d", j), fmt.Sprintf("Dorp %02d", r.IntN(12)), "balie", route, nu, start.String(),
				status, open, dl, volgende, nu, r.IntN(8)+1)
		}
		if _, err := db.Exec(b.Context(), sb.String(), args...); err != nil {
			b.Fatal(err)
		}
	}
}
