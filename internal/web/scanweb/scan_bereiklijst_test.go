package scanweb

import (
	"encoding/csv"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// TestBereiklijstGelogdPerInwoner: an exported outreach list is one row of the processing log with the
// number of households, and a search of the log by the BSN of any person of a listed household finds
// it (before, the row had a count only, so such a search did not show the export). A resident who
// was not on the list does not find it.
func TestBereiklijstGelogdPerInwoner(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		datum := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
		if err := o.Auth.ZetRol(t.Context(), o.IDs["consulent"], ander, auth.Consulent); err != nil {
			t.Fatal(err)
		}
		laadPopulatie(t, db, ander, 400, datum)
		a := o.doe("GET", "/beheer/"+ander+"/scan/bereiklijst.csv?regeling=bijzondere_bijstand&datum=2026-01-15", o.loginAls("consulent"), nil, nil)
		if a.Status != http.StatusOK {
			t.Fatalf("bereiklijst.csv: status %d", a.Status)
		}
		rijen, err := csv.NewReader(strings.NewReader(a.Body)).ReadAll()
		if err != nil || len(rijen) < 3 {
			t.Fatalf("bereiklijst.csv: %d rows, %v", len(rijen), err)
		}
		op := map[string]bool{}
		for _, r := range rijen[1:] {
			op[r[0]] = true
		}
		// The last listed household and the BSNs of its persons.
		id := rijen[len(rijen)-1][0]
		hh, err := register.Huishouden(t.Context(), db, ander, id)
		if err != nil || len(hh.BSN) == 0 || hh.BSN[0] == "" {
			t.Fatalf("household %s: %+v %v", id, hh, err)
		}
		for _, bsn := range hh.BSN {
			if bsn == "" {
				continue
			}
			rows, err := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: ander, BSN: bsn})
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 || rows[0].Operatie != "bereiklijst.exporteren" || rows[0].Actie != audit.Exporteren || rows[0].Aantal != len(rijen)-1 {
				t.Errorf("search by the BSN of a listed resident: %+v, want the one export row with count %d", rows, len(rijen)-1)
			}
		}
		// A resident of a household that was not listed (and who is no person of a listed one: synthetic
		// populations reuse test BSNs).
		ids := make([]string, 0, len(op))
		for id := range op {
			ids = append(ids, id)
		}
		gelijst, err := register.BSNsVan(t.Context(), db, ander, ids)
		if err != nil {
			t.Fatal(err)
		}
		var buiten string
		if err := register.Huishoudens(t.Context(), db, ander, func(g string) error {
			rec, err := register.LeesGegevens(register.StandaardIndeling(), g)
			if err == nil && buiten == "" && !op[rec.ID] && len(rec.BSN) > 0 && rec.BSN[0] != "" && !slices.Contains(gelijst, rec.BSN[0]) {
				buiten = rec.BSN[0]
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if buiten == "" {
			t.Fatal("no household outside the list")
		}
		if rows, _ := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: ander, BSN: buiten}); len(rows) != 0 {
			t.Errorf("search by the BSN of a resident not on the list: %d rows, want 0", len(rows))
		}
	})
}
