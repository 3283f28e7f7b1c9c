package main

import (
	"strconv"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestZaakBudgetAanvragenDeps: the function cmd/zeker gives the zaak page lists the requests of that
// zaak only, newest first, with day, budget and year, amount, status and the request's URL, bounded by
// max with the total; the list is a read in the audit log.
func TestZaakBudgetAanvragenDeps(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		c := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		bs, err := budget.New(budget.Config{DB: db, Audit: o.Audit, Klok: func() time.Time { return webtest.Nu }})
		if err != nil {
			t.Fatal(err)
		}
		b, err := bs.Maak(c, eigen, budget.Budget{Jaar: 2026, Soort: budget.Beleid, Naam: "Noodfonds", Bron: "Plan"})
		if err != nil {
			t.Fatal(err)
		}
		var zaken [2]int64
		for i := range zaken {
			if err := db.SQL().QueryRowContext(c, `INSERT INTO zaken_zaak (gemeente, huishouden_id, kanaal, route, gestart, startdatum, status, aangemaakt)
				VALUES ($1, $2, 'balie', 'schuldhulp', $3, '2026-03-09', 'aangemeld', $3) RETURNING id`, eigen, "HH-"+strconv.Itoa(i), webtest.Nu.UTC()).Scan(&zaken[i]); err != nil {
				t.Fatal(err)
			}
		}
		var ids []int64
		for i, z := range []int64{zaken[0], zaken[1], zaken[0], zaken[0]} {
			id, err := bs.DienIn(c, eigen, budget.Nieuw{BudgetID: b, ZaakID: z, Vorm: budget.Geld, Bedrag: geld.Euro(int64(10 * (i + 1))), Reden: "x", Door: budget.Medewerker{ID: 1, Naam: "An"}})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		f := zaakBudgetAanvragen(bs)
		rijen, n, err := f(c, eigen, zaken[0], 2)
		if err != nil || n != 3 || len(rijen) != 2 {
			t.Fatalf("%+v %d %v", rijen, n, err)
		}
		// Same moment for all: newest first is the highest id first.
		if r := rijen[0]; r.Budget != "Noodfonds 2026" || r.Bedrag != "€ 40,00" || r.Status != "Wacht op besluit" || r.Datum == "" ||
			r.URL != "/beheer/"+eigen+"/budgetaanvragen/"+strconv.FormatInt(ids[3], 10) {
			t.Errorf("row %+v", r)
		}
		if rijen[1].Bedrag != "€ 30,00" {
			t.Errorf("second row %+v", rijen[1])
		}
		if rijen, n, err := f(c, eigen, 0, 20); err != nil || n != 0 || rijen != nil {
			t.Errorf("zaak 0: %v %d %v", rijen, n, err)
		}
		var logs int
		if err := db.SQL().QueryRowContext(c, `SELECT COUNT(*) FROM audit_log WHERE operation = 'budgetaanvragen.lijst'`).Scan(&logs); err != nil || logs != 1 {
			t.Errorf("list reads logged %d %v", logs, err)
		}
	})
}
