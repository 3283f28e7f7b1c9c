package aanvragen_test

import (
	"context"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// BenchmarkInbox: 100,000 applications in the gemeente and 100,000 in another, a quarter of them to
// decide, over five villages, each with one to three regelingen; the first and the tenth page (50 rows)
// of the inbox, status "te beslissen", sorted by the stored deadline, without and with a regeling
// filter, on SQLite and (with TEST_DATABASE_URL) PostgreSQL. One op is one page as the inbox reads it:
// the count, the rows, the names of their regelingen and the audit row.
//
//	go test -run '^$' -bench Inbox -benchtime 20x ./internal/aanvragen
func BenchmarkInbox(b *testing.B) {
	for _, d := range storetest.Dialects(b) {
		db := storetest.Open(b, d)
		log, err := audit.New(db, []byte("aanvragen-bench-sleutel-van-minstens-32-bytes"), nil)
		if err != nil {
			b.Fatal(err)
		}
		svc, err := aanvragen.New(aanvragen.Config{DB: db, Audit: log, Catalogus: catalogus(b)})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		for _, gm := range []string{"GM1681", "GM0175"} {
			vulAanvragen(b, db, gm, 100_000)
		}
		if _, err := db.Exec(b.Context(), "ANALYZE"); err != nil {
			b.Fatal(err)
		}
		b.Logf("%s: 200,000 aanvragen geladen in %s", d, time.Since(start).Round(time.Millisecond))
		ctx := audit.WithActor(context.Background(), audit.Actor{Soort: audit.ActorGebruiker, ID: "1", Naam: "bench"})
		for _, tc := range []struct {
			naam string
			f    aanvragen.Filter
		}{
			{"te_beslissen/pagina1", aanvragen.Filter{Status: aanvragen.TeBeslissen}},
			{"te_beslissen/pagina10", aanvragen.Filter{Status: aanvragen.TeBeslissen, Vanaf: 450}},
			{"te_beslissen+regeling/pagina1", aanvragen.Filter{Status: aanvragen.TeBeslissen, Regeling: "individuele_inkomenstoeslag"}},
			{"te_beslissen+regeling/pagina10", aanvragen.Filter{Status: aanvragen.TeBeslissen, Regeling: "individuele_inkomenstoeslag", Vanaf: 450}},
			{"te_beslissen+dorp/pagina10", aanvragen.Filter{Status: aanvragen.TeBeslissen, Woonplaats: "Dorp 3", Vanaf: 450}},
			{"te_beslissen+regeling+dorp/pagina1", aanvragen.Filter{Status: aanvragen.TeBeslissen, Regeling: "bijzondere_bijstand", Woonplaats: "Dorp 3"}},
		} {
			b.Run(d.String()+"/"+tc.naam, func(b *testing.B) {
				for b.Loop() {
					rs, n, err := svc.Inbox(ctx, "GM1681", tc.f)
					if err != nil || len(rs) != 50 || n < 4000 {
						b.Fatalf("%d rows of %d: %v", len(rs), n, err)
					}
				}
			})
		}
	}
}

// vulAanvragen inserts n applications of gm in three statements (the database generates the rows).
func vulAanvragen(b *testing.B, db *store.DB, gm string, n int) {
	b.Helper()
	ctx := b.Context()
	nu := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	if _, err := db.Exec(ctx, `INSERT INTO aanvragen_aanvraag (gemeente, referentie, code_hash, formulier, status, ontvangen, ontvangen_dag, deadline, woonplaats, huishouden)
		WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < $1)
		SELECT $2, 'AV-' || $2 || '-' || i, $3, 'f' || i,
			CASE i % 4 WHEN 0 THEN 'nieuw' WHEN 1 THEN 'ontbreekt' WHEN 2 THEN 'te_beslissen' ELSE 'besloten' END,
			$4, '2026-03-02', '2026-' || (10 + i % 3) || '-' || (10 + i % 19), 'Dorp ' || (i % 5), '{}' FROM r`,
		n, gm, []byte{0}, nu); err != nil {
		b.Fatal(err)
	}
	for _, x := range []struct {
		regeling, waar string
	}{{"bijzondere_bijstand", "1 = 1"}, {"individuele_inkomenstoeslag", "id % 2 = 0"}, {"collectieve_zorgverzekering", "id % 3 = 0"}} {
		if _, err := db.Exec(ctx, `INSERT INTO aanvragen_regeling (gemeente, aanvraag_id, regeling, naam, oordeel_bij_aanvraag, status, deadline, woonplaats)
			SELECT gemeente, id, $1, $1, 'onzeker', status, deadline, woonplaats FROM aanvragen_aanvraag WHERE gemeente = $2 AND `+x.waar,
			x.regeling, gm); err != nil {
			b.Fatal(err)
		}
	}
}
