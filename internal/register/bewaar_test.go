package register_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// snapshotCSV is a file with households h1..hn of GM0175; h1 receives bijstand, the others live in Lemele.
func snapshotCSV(n int) []byte {
	var b strings.Builder
	b.WriteString(kop)
	for i := 1; i <= n; i++ {
		if i == 1 {
			b.WriteString("h1,GM0175,Ommen,,1960-01-01,bijstand=1100.00,1000,bijstand@2024-01-01\n")
			continue
		}
		fmt.Fprintf(&b, "h%d,GM0175,Lemele,,1980-05-05,loon=2200.00,,\n", i)
	}
	return []byte(b.String())
}

// importeerOp imports data and sets the import's end time to klaar, as if it ran then.
func importeerOp(t *testing.T, db *store.DB, data []byte, klaar time.Time) int64 {
	t.Helper()
	res, err := importeerBytes(t, db, data, register.ImportOpties{Formaat: "csv"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(t.Context(), `UPDATE register_import SET klaar = $1 WHERE id = $2`, klaar, res.ID); err != nil {
		t.Fatal(err)
	}
	return res.ID
}

func tel(t *testing.T, db *store.DB) int {
	t.Helper()
	n, err := register.AantalHuishoudens(t.Context(), db, "GM0175")
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBewaartermijn is issue 14 defect 9: imported households were kept forever. Three snapshots: A
// (h1–h5, 800 days old), B (h1–h4, 400 days old), C (h1–h3, today). With the defaults (the last 2
// kept whatever their age, older ones at most 365 days) A goes: h5, which only A contained, is deleted;
// h4 stays with B although B is older than 365 days. The counts of A stay in the time series, and the
// deletion is in the audit log. With 1 snapshot and 30 days B goes too.
func TestBewaartermijn(t *testing.T) {
	nu := time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		log, err := audit.New(db, []byte("0123456789abcdef0123456789abcdef"), nil)
		if err != nil {
			t.Fatal(err)
		}
		a := importeerOp(t, db, snapshotCSV(5), nu.AddDate(0, 0, -800))
		b := importeerOp(t, db, snapshotCSV(4), nu.AddDate(0, 0, -400))
		c := importeerOp(t, db, snapshotCSV(3), nu)
		if got := tel(t, db); got != 5 {
			t.Fatalf("before retention: %d households, want 5 (imports add and change, they do not delete)", got)
		}

		res, err := register.Bewaar(ctx, db, log, "GM0175", nu)
		if err != nil {
			t.Fatal(err)
		}
		if res.Snapshots != 1 || res.Huishoudens != 1 {
			t.Errorf("defaults: deleted %+v, want 1 snapshot with 1 household (h5)", res)
		}
		if got := tel(t, db); got != 4 {
			t.Errorf("defaults: %d households left, want 4", got)
		}
		if _, err := register.Huishouden(ctx, db, "GM0175", "h4"); err != nil {
			t.Errorf("h4 (in snapshot B, one of the last two) is gone: %v", err)
		}
		regels, err := log.Zoek(ctx, audit.Filter{Gemeente: "GM0175", Verwerkingsactiviteit: "bewaartermijn.opschonen", Operatie: "huishoudens.verwijderen"})
		if err != nil {
			t.Fatal(err)
		}
		if len(regels) != 1 || regels[0].Actie != audit.Verwijderen || regels[0].Object != fmt.Sprintf("import/%d", a) || regels[0].Aantal != 1 {
			t.Errorf("audit: %+v, want one delete row for import/%d with 1 household", regels, a)
		}

		// A's counts are kept: 5 households, 4 in Lemele, 1 receiving bijstand.
		reeks, err := register.Tijdreeks(ctx, db, "GM0175", "")
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int64{"totaal/": 5, "woonplaats/Lemele": 4, "woonplaats/Ommen": 1, "ontvangt/bijstand": 1,
			"inkomensbron/bijstand": 1, "inkomensbron/werk": 4, "samenstelling/alleenstaand": 5, "leeftijd/45-66": 5}
		got := map[string]int64{}
		for _, r := range reeks {
			if r.ImportID == a {
				got[r.Dimensie+"/"+r.Groep] = r.Huishoudens
				if r.Peildatum != peildatum.Format(time.DateOnly) {
					t.Errorf("peildatum %q, want %s", r.Peildatum, peildatum.Format(time.DateOnly))
				}
			}
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("time series of the deleted snapshot: %s = %d, want %d (all: %v)", k, got[k], w, got)
			}
		}
		for _, id := range []int64{b, c} {
			n := 0
			for _, r := range reeks {
				if r.ImportID == id && r.Dimensie == register.ReeksTotaal {
					n = int(r.Huishoudens)
				}
			}
			if want := map[int64]int{b: 4, c: 3}[id]; n != want {
				t.Errorf("import %d: totaal %d, want %d", id, n, want)
			}
		}

		// A second run finds nothing more.
		if res, err := register.Bewaar(ctx, db, log, "GM0175", nu); err != nil || res.Snapshots != 0 {
			t.Errorf("second run: %+v, %v; want nothing", res, err)
		}

		if err := register.ZetInstellingen(ctx, db, "GM0175", register.Instellingen{BewaarSnapshots: 1, BewaarDagen: 30}); err != nil {
			t.Fatal(err)
		}
		res, err = register.Bewaar(ctx, db, log, "GM0175", nu)
		if err != nil {
			t.Fatal(err)
		}
		if res.Snapshots != 1 || res.Huishoudens != 1 || tel(t, db) != 3 {
			t.Errorf("1 snapshot, 30 days: deleted %+v, %d left; want B with h4, 3 left", res, tel(t, db))
		}
		// Another gemeente is not touched by GM0175's run.
		if ims, _ := register.Imports(ctx, db, "GM1969", 0); len(ims) != 0 {
			t.Errorf("GM1969 has imports %+v", ims)
		}
	})
}

// TestBewaarInstellingenFout: a bad setting is refused with the field and the reason.
func TestBewaarInstellingenFout(t *testing.T) {
	db := storetest.OpenTest(t)
	for _, tc := range []struct {
		i    register.Instellingen
		veld string
	}{
		{register.Instellingen{BewaarSnapshots: 0, BewaarDagen: 30}, "bewaar_snapshots: 0"},
		{register.Instellingen{BewaarSnapshots: 2, BewaarDagen: -1}, "bewaar_dagen: -1"},
	} {
		err := register.ZetInstellingen(t.Context(), db, "GM0175", tc.i)
		if err == nil || !strings.Contains(err.Error(), tc.veld) {
			t.Errorf("ZetInstellingen(%+v) = %v, want an error naming %q", tc.i, err, tc.veld)
		}
	}
	if got, err := register.LeesInstellingen(t.Context(), db, "GM0175"); err != nil || got != register.StandaardInstellingen {
		t.Errorf("after refused settings: %+v, %v; want the defaults %+v", got, err, register.StandaardInstellingen)
	}
}

// TestBewaartermijnJob: the daily job is scheduled per gemeente and runs Bewaar with the job's clock.
func TestBewaartermijnJob(t *testing.T) {
	nu := time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		importeerOp(t, db, snapshotCSV(3), nu.AddDate(0, 0, -900))
		importeerOp(t, db, snapshotCSV(2), nu.AddDate(0, 0, -800))
		importeerOp(t, db, snapshotCSV(1), nu.AddDate(0, 0, -700))
		runner := jobs.NewRunner(db, jobs.Config{Clock: func() time.Time { return nu }})
		(&register.Service{DB: db, Nu: func() time.Time { return nu }}).Registreer(runner, []string{"GM0175"})
		if err := runner.SchedulePeriodic(t.Context()); err != nil {
			t.Fatal(err)
		}
		if ran, err := runner.RunOnce(t.Context()); !ran || err != nil {
			t.Fatalf("RunOnce = %v, %v; want the retention job run", ran, err)
		}
		// The newest two are kept whatever their age; the oldest held h3 only.
		if got := tel(t, db); got != 2 {
			t.Errorf("after the job: %d households, want 2", got)
		}
	})
}
