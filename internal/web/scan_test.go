package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
)

// laadPopulatie imports a synthetic population of n households for gemeente gm.
func laadPopulatie(t *testing.T, db *store.DB, gm string, n int, datum time.Time) {
	t.Helper()
	cat := testCatalogus(t)
	pk, err := cat.Pakket(gm, datum)
	if err != nil {
		t.Fatal(err)
	}
	prof, err := synth.ProfielVan(gm)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, _ := register.NieuweSchrijver(&buf, "csv")
	if err := synth.Genereer(t.Context(), synth.PopulatieOpties{Profiel: prof, Seed: 1, Aantal: n, Datum: datum, Params: cat.Params(), Pakket: pk}, w.Schrijf); err != nil {
		t.Fatal(err)
	}
	w.Sluit()
	if _, err := register.Importeer(t.Context(), db, &buf, register.ImportOpties{Gemeente: gm, Formaat: "csv", Datum: datum}); err != nil {
		t.Fatal(err)
	}
}

func TestScanPaginas(t *testing.T) {
	db := storetest.OpenTest(t)
	o := nieuweStaffOmgeving(t, db)
	datum := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	// Ommen: its pack decides most outcomes (Borger-Odoorn's published rules leave them onzeker).
	for _, r := range []auth.Rol{auth.Beleidsmedewerker, auth.Consulent} {
		if err := o.auth.ZetRol(t.Context(), o.ids[string(r)], ander, r); err != nil {
			t.Fatal(err)
		}
	}
	laadPopulatie(t, db, ander, 3000, datum)
	beleid := o.loginAls("beleidsmedewerker")
	consulent := o.loginAls("consulent")
	basis := "/beheer/" + ander + "/scan"

	a := o.doe("GET", basis, beleid, nil, nil)
	if a.status != http.StatusOK {
		t.Fatalf("GET scan: %d", a.status)
	}
	bevat(t, a, "Er is nog geen scan uitgevoerd")

	a = o.doe("POST", basis, beleid, url.Values{"datum": {"2026-01-15"}}, nil)
	if a.status != http.StatusSeeOther || !strings.Contains(a.loc, "klaar=scan") {
		t.Fatalf("POST scan: %d %s", a.status, a.loc)
	}
	a = o.doe("GET", basis+"?klaar=scan&dimensie=woonplaats", beleid, nil, nil)
	bevat(t, a, "De scan is uitgevoerd", "3.000 huishoudens", "Bereik per doelgroep", "<svg", "Lemele", `role="img"`)
	if strings.Contains(a.body, "bereiklijst.csv") {
		t.Error("a beleidsmedewerker sees links to the outreach list (personal data)")
	}

	// As a background job: queued, run by a runner with the scan's handlers, progress on the page.
	a = o.doe("POST", basis, beleid, url.Values{"datum": {"2026-01-15"}, "als_taak": {"ja"}}, nil)
	if a.status != http.StatusSeeOther || !strings.Contains(a.loc, "klaar=taak") {
		t.Fatalf("POST scan als taak: %d %s", a.status, a.loc)
	}
	runner := jobs.NewRunner(db, jobs.Config{})
	(&scan.Diensten{DB: db, Catalogus: testCatalogus(t), Audit: o.audit}).Registreer(runner)
	if ran, err := runner.RunOnce(t.Context()); !ran || err != nil {
		t.Fatalf("RunOnce = %v, %v", ran, err)
	}
	a = o.doe("GET", basis, beleid, nil, nil)
	bevat(t, a, "Taken", "klaar: scan", "100%")

	a = o.doe("GET", basis+"/bereik.csv", beleid, nil, nil)
	if a.status != http.StatusOK || !strings.HasPrefix(a.body, "regeling,dimensie,groep") {
		t.Errorf("bereik.csv: %d %.80s", a.status, a.body)
	}

	// The consulent gets the outreach list; the export is logged.
	a = o.doe("GET", basis, consulent, nil, nil)
	bevat(t, a, "bereiklijst.csv?")
	a = o.doe("GET", basis+"/bereiklijst.csv?regeling=bijzondere_bijstand&datum=2026-01-15", consulent, nil, nil)
	regels := strings.Split(strings.TrimSpace(a.body), "\n")
	if a.status != http.StatusOK || len(regels) < 2 || !strings.HasPrefix(regels[1], ander+"-") {
		t.Errorf("bereiklijst.csv: %d, %d lines: %.200s", a.status, len(regels), a.body)
	}
	rows, err := o.audit.Zoek(t.Context(), audit.Filter{Gemeente: ander})
	if err != nil {
		t.Fatal(err)
	}
	export := false
	for _, r := range rows {
		if r.Operatie == "bereiklijst.exporteren" && r.Actie == audit.Exporteren && r.Aantal == len(regels)-1 {
			export = true
		}
	}
	if !export {
		t.Error("the outreach list export is not in the processing log with its count")
	}

	// What-if.
	a = o.doe("GET", basis+"/watals?pad1=open_termen.inkomensgrens.percentage&waarde1=140%25&datum=2026-01-15&dimensie=woonplaats", beleid, nil, nil)
	if a.status != http.StatusOK {
		t.Fatalf("watals: %d", a.status)
	}
	bevat(t, a, "Krijgen recht", "Extra per jaar bij het huidige bereik", "<svg", "watals.csv?")
	a = o.doe("GET", basis+"/watals?pad1=open_termen.inkomensgrens.percentage&waarde1=veel", beleid, nil, nil)
	if a.status != http.StatusUnprocessableEntity {
		t.Errorf("watals with a bad value: %d, want 422", a.status)
	}
	bevat(t, a, "geen percentage")
	a = o.doe("GET", basis+"/watals.csv?pad1=open_termen.inkomensgrens.percentage&waarde1=140%25&datum=2026-01-15", beleid, nil, nil)
	if a.status != http.StatusOK || !strings.Contains(a.body, ",woonplaats,") {
		t.Errorf("watals.csv: %d %.100s", a.status, a.body)
	}
}

func TestScanVoorstelPaginas(t *testing.T) {
	db := storetest.OpenTest(t)
	o := nieuweStaffOmgeving(t, db)
	datum := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	if err := o.auth.ZetRol(t.Context(), o.ids["consulent"], ander, auth.Consulent); err != nil {
		t.Fatal(err)
	}
	laadPopulatie(t, db, ander, 2000, datum)
	cat := testCatalogus(t)
	pk, _ := cat.Pakket(ander, datum)
	pk, err := pk.Wijzig(regels.Wijziging{Pad: "open_termen.referteperiode.maanden", Waarde: "36"})
	if err != nil {
		t.Fatal(err)
	}
	pop, err := register.LaadPopulatie(t.Context(), db, ander, datum, cat.Params())
	if err != nil {
		t.Fatal(err)
	}
	u, err := scan.Scan(t.Context(), pop, pk)
	if err != nil {
		t.Fatal(err)
	}
	ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test"})
	n, err := scan.MaakVoorstellen(ctx, db, o.audit, u)
	if err != nil || n == 0 {
		t.Fatalf("MaakVoorstellen = %d, %v", n, err)
	}
	consulent := o.loginAls("consulent")
	basis := "/beheer/" + ander + "/scan/voorstellen"
	a := o.doe("GET", basis, consulent, nil, nil)
	bevat(t, a, "Voorstel 1", "Individuele inkomenstoeslag")
	a = o.doe("GET", basis+"/1", consulent, nil, nil)
	bevat(t, a, "Waarom", "Ontvangstbewijs", pk.Hash, "Besluit vastleggen")
	a = o.doe("POST", basis+"/1/besluit", consulent, url.Values{"besluit": {"goedkeuren"}}, nil)
	if a.status != http.StatusUnprocessableEntity {
		t.Errorf("decision without reason: %d, want 422", a.status)
	}
	bevat(t, a, "Schrijf waarom")
	a = o.doe("POST", basis+"/1/besluit", consulent, url.Values{"besluit": {"goedkeuren"}, "reden": {"Vier jaar bijstand, geen zicht op werk."}}, nil)
	if a.status != http.StatusSeeOther {
		t.Fatalf("decision: %d", a.status)
	}
	a = o.doe("POST", basis+"/1/besluit", consulent, url.Values{"besluit": {"afwijzen"}, "reden": {"toch niet"}}, nil)
	if a.status != http.StatusConflict {
		t.Errorf("second decision: %d, want 409", a.status)
	}
	a = o.doe("GET", basis+"?status=goedgekeurd", consulent, nil, nil)
	bevat(t, a, "Vier jaar bijstand")
	// A beleidsmedewerker may not decide.
	beleid := o.loginAls("beleidsmedewerker")
	if a := o.doe("POST", "/beheer/"+eigen+"/scan/voorstellen/2/besluit", beleid, url.Values{"besluit": {"afwijzen"}, "reden": {"x"}}, nil); a.status != http.StatusForbidden {
		t.Errorf("beleidsmedewerker decision: %d, want 403", a.status)
	}
}
