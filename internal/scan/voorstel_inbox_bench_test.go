package scan

import (
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// BenchmarkVoorstellenInbox: 20,000 open and 20,000 decided proposals in the gemeente and 20,000 in
// another, each household in the register (five villages, two regelingen); one op is one page of 50 of the
// aanvragen inbox's tab (the count and the rows with their village), on SQLite and (with TEST_DATABASE_URL)
// PostgreSQL.
//
//	go test -run '^$' -bench VoorstellenInbox -benchtime 20x ./internal/scan
func BenchmarkVoorstellenInbox(b *testing.B) {
	for _, d := range storetest.Dialects(b) {
		db := storetest.Open(b, d)
		ctx := b.Context()
		nu := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		for _, gm := range []string{"GM1681", "GM0175"} {
			if _, err := db.Exec(ctx, `INSERT INTO register_huishouden (gemeente, id, woonplaats, gegevens, import_id, bijgewerkt)
				WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 40000)
				SELECT $1, 'H' || i, 'Dorp ' || (i % 5), '', 1, $2 FROM r`, gm, nu); err != nil {
				b.Fatal(err)
			}
			if _, err := db.Exec(ctx, `INSERT INTO scan_voorstel (gemeente, huishouden_id, regeling, peildatum, status, bedrag_cent, periode, uitleg, bewijs, gemaakt, woonplaats)
				WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 40000)
				SELECT $1, 'H' || i, CASE i % 2 WHEN 0 THEN 'individuele_inkomenstoeslag' ELSE 'bijzondere_bijstand' END, '2026-01-01',
					CASE WHEN i % 4 < 2 THEN 'open' ELSE 'afgewezen' END, 30000, 'per_jaar', '{"id":"x","naam":"X","oordeel":"recht"}', '{}', $2, 'Dorp ' || (i % 5) FROM r`, gm, nu); err != nil {
				b.Fatal(err)
			}
		}
		analyse := "ANALYZE"
		if d.String() == "postgres" {
			analyse = "VACUUM ANALYZE scan_voorstel" // as autovacuum would after a load, so counts can use the index alone
		}
		if _, err := db.Exec(ctx, analyse); err != nil {
			b.Fatal(err)
		}
		for _, tc := range []struct {
			naam string
			f    InboxFilter
		}{
			{"open/pagina1", InboxFilter{}},
			{"open/pagina10", InboxFilter{Vanaf: 450}},
			{"open+regeling/pagina10", InboxFilter{Regeling: "individuele_inkomenstoeslag", Vanaf: 450}},
			{"open+dorp/pagina10", InboxFilter{Woonplaats: "Dorp 3", Vanaf: 450}},
			{"open+regeling+dorp+nieuwste/pagina1", InboxFilter{Regeling: "bijzondere_bijstand", Woonplaats: "Dorp 3", Nieuwste: true}},
		} {
			tc.f.Gemeente = "GM1681"
			b.Run(d.String()+"/"+tc.naam, func(b *testing.B) {
				for b.Loop() {
					rs, n, err := VoorstellenInbox(ctx, db, tc.f)
					if err != nil || len(rs) != 50 || n < 1000 {
						b.Fatalf("%d rows of %d: %v", len(rs), n, err)
					}
				}
			})
		}
	}
}
