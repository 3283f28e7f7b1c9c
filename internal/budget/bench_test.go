package budget_test

import (
	"testing"

	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// BenchmarkAanvragen: the first page (50) of 5,000 requests of the gemeente, filtered by status and
// sorted by amount, beside 5,000 of another gemeente (including its audit row). And one award.
func BenchmarkAanvragen(b *testing.B) {
	for _, d := range storetest.Dialects(b) {
		b.Run(d.String(), func(b *testing.B) {
			db := storetest.Open(b, d)
			o := nieuw(b, db)
			ids := map[string]int64{}
			for _, g := range []string{gm, ander} {
				id, err := o.svc.Maak(o.ctx, g, budget.Budget{Jaar: 2026, Soort: budget.Beleid, Naam: "Noodfonds", Bron: "plan"})
				if err != nil {
					b.Fatal(err)
				}
				ids[g] = id
				if _, err := db.SQL().ExecContext(o.ctx, `INSERT INTO budget_aanvraag (gemeente, budget_id, soort, bedrag, reden, status, ingediend)
					SELECT $1, $2, 'geld', 100 + (n % 900), 'reden', CASE WHEN n % 2 = 0 THEN 'ingediend' ELSE 'toegekend' END, $3
					FROM (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5000) SELECT n FROM r) AS reeks`,
					g, id, o.nu()); err != nil {
					b.Fatal(err)
				}
			}
			b.Run("lijst", func(b *testing.B) {
				for b.Loop() {
					rijen, n, err := o.svc.Aanvragen(o.ctx, gm, budget.AanvraagFilter{Status: budget.Ingediend, Sorteer: budget.HoogsteEerst, Limiet: 50})
					if err != nil || len(rijen) != 50 || n != 2500 {
						b.Fatal(len(rijen), n, err)
					}
				}
			})
			b.Run("toekennen", func(b *testing.B) {
				for b.Loop() {
					id, err := o.svc.DienIn(o.ctx, gm, budget.Nieuw{BudgetID: ids[gm], Vorm: budget.Geld, Bedrag: geld.Euro(10), Reden: "x", Door: an})
					if err == nil {
						_, err = o.svc.Beslis(o.ctx, gm, id, budget.Besluit{Toekennen: true, Reden: "x", Door: an, Versie: 1})
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
