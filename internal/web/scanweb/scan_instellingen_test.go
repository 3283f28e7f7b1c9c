package scanweb

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestScanInstellingen: a beheerder sets how long imported household data is kept; values out of range
// get their field error and change nothing; the change is in the processing log.
func TestScanInstellingen(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		c := o.loginAls("beheerder")
		pad := "/beheer/" + eigen + "/scan/instellingen"
		a := o.doe("GET", pad, c, nil, nil)
		bevat(t, a, `value="2"`, `value="365"`, "Bewaartermijn huishoudgegevens", "Er zijn nog geen huishoudgegevens ingelezen.")
		// The import rounds: one that finished, and one that an older version left unfinished (migration
		// 0701 marks those afgebroken): both listed, the aborted one with its reason.
		laadPopulatie(t, db, eigen, 20, webtest.Nu)
		if _, err := db.SQL().ExecContext(t.Context(), `INSERT INTO register_import (gemeente, bestand, formaat, status, rijen, opgeslagen, ongewijzigd, afgewezen, melding, gestart)
			VALUES ($1, 'oud.csv', 'csv', 'afgebroken', 0, 0, 0, 0, 'het proces stopte voordat de import klaar was', $2)`, eigen, webtest.Nu.Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		a = o.doe("GET", pad, c, nil, nil)
		bevat(t, a, "Inleesrondes", "<strong>Afgebroken</strong>: het proces stopte voordat de import klaar was", "oud.csv", ">Klaar<")
		a = o.doe("POST", pad, c, url.Values{"snapshots": {"0"}, "dagen": {"veel"}}, nil)
		if a.Status != http.StatusUnprocessableEntity {
			t.Fatalf("bad values: status %d, want 422", a.Status)
		}
		bevat(t, a, `id="snapshots-fout"`, `id="dagen-fout"`, "1 tot en met 100", "1 tot en met 3650")
		if i, _ := register.LeesInstellingen(t.Context(), db, eigen); i != register.StandaardInstellingen {
			t.Errorf("refused form changed the settings: %+v", i)
		}
		a = o.doe("POST", pad, c, url.Values{"snapshots": {"3"}, "dagen": {"730"}}, nil)
		if a.Status != http.StatusSeeOther {
			t.Fatalf("save: status %d\n%s", a.Status, a.Body)
		}
		if i, err := register.LeesInstellingen(t.Context(), db, eigen); err != nil || i != (register.Instellingen{BewaarSnapshots: 3, BewaarDagen: 730}) {
			t.Errorf("after save: %+v, %v", i, err)
		}
		rijen, err := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: eigen, Limiet: 100})
		if err != nil {
			t.Fatal(err)
		}
		gevonden := false
		for _, r := range rijen {
			gevonden = gevonden || r.Operatie == "huishoudgegevens.bewaartermijn.wijzigen"
		}
		if !gevonden {
			t.Error("the change is not in the processing log")
		}
		// Another gemeente's settings are untouched.
		if i, _ := register.LeesInstellingen(t.Context(), db, ander); i != register.StandaardInstellingen {
			t.Errorf("other gemeente: %+v", i)
		}
	})
}
