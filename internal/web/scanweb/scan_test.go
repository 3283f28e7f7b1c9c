package scanweb

import (
	"bytes"
	"html"
	"net/http"
	"net/url"
	"regexp"
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
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// laadPopulatie imports a synthetic population of n households for gemeente gm.
func laadPopulatie(t *testing.T, db *store.DB, gm string, n int, datum time.Time) {
	t.Helper()
	cat := webtest.Catalogus(t)
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
		if err := o.Auth.ZetRol(t.Context(), o.IDs[string(r)], ander, r); err != nil {
			t.Fatal(err)
		}
	}
	laadPopulatie(t, db, ander, 3000, datum)
	beleid := o.loginAls("beleidsmedewerker")
	consulent := o.loginAls("consulent")
	basis := "/beheer/" + ander + "/scan"

	a := o.doe("GET", basis, beleid, nil, nil)
	if a.Status != http.StatusOK {
		t.Fatalf("GET scan: %d", a.Status)
	}
	bevat(t, a, "Er is nog geen scan uitgevoerd")

	a = o.doe("POST", basis, beleid, url.Values{"datum": {"2026-01-15"}}, nil)
	if a.Status != http.StatusSeeOther || !strings.Contains(a.Loc, "klaar=scan") {
		t.Fatalf("POST scan: %d %s", a.Status, a.Loc)
	}
	a = o.doe("GET", basis+"?klaar=scan&dimensie=woonplaats", beleid, nil, nil)
	bevat(t, a, "De scan is uitgevoerd", "3.000 huishoudens", "Bereik per doelgroep", "<svg", "Lemele", `role="img"`)
	if strings.Contains(a.Body, "bereiklijst.csv") {
		t.Error("a beleidsmedewerker sees links to the outreach list (personal data)")
	}

	// As a background job: queued, run by a runner with the scan's handlers, progress on the page.
	a = o.doe("POST", basis, beleid, url.Values{"datum": {"2026-01-15"}, "als_taak": {"ja"}}, nil)
	if a.Status != http.StatusSeeOther || !strings.Contains(a.Loc, "klaar=taak") {
		t.Fatalf("POST scan als taak: %d %s", a.Status, a.Loc)
	}
	runner := jobs.NewRunner(db, jobs.Config{})
	(&scan.Service{DB: db, Catalogus: webtest.Catalogus(t), Audit: o.Audit}).Registreer(runner)
	if ran, err := runner.RunOnce(t.Context()); !ran || err != nil {
		t.Fatalf("RunOnce = %v, %v", ran, err)
	}
	a = o.doe("GET", basis, beleid, nil, nil)
	bevat(t, a, "Taken", "klaar: scan", "100%")

	a = o.doe("GET", basis+"/bereik.csv", beleid, nil, nil)
	if a.Status != http.StatusOK || !strings.HasPrefix(a.Body, "regeling,dimensie,groep") {
		t.Errorf("bereik.csv: %d %.80s", a.Status, a.Body)
	}

	// The consulent gets the outreach list; the export is logged.
	a = o.doe("GET", basis, consulent, nil, nil)
	bevat(t, a, "bereiklijst.csv?")
	bereiklijstLabels(t, a.Body)
	a = o.doe("GET", basis+"/bereiklijst.csv?regeling=bijzondere_bijstand&datum=2026-01-15", consulent, nil, nil)
	regels := strings.Split(strings.TrimSpace(a.Body), "\n")
	if a.Status != http.StatusOK || len(regels) < 2 || !strings.HasPrefix(regels[1], ander+"-") {
		t.Errorf("bereiklijst.csv: %d, %d lines: %.200s", a.Status, len(regels), a.Body)
	}
	rows, err := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: ander})
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
	if a.Status != http.StatusOK {
		t.Fatalf("watals: %d", a.Status)
	}
	bevat(t, a, "Krijgen recht", "Extra per jaar bij het huidige bereik", "<svg", "watals.csv?")
	a = o.doe("GET", basis+"/watals?pad1=open_termen.inkomensgrens.percentage&waarde1=veel", beleid, nil, nil)
	if a.Status != http.StatusUnprocessableEntity {
		t.Errorf("watals with a bad value: %d, want 422", a.Status)
	}
	bevat(t, a, "geen percentage")
	a = o.doe("GET", basis+"/watals.csv?pad1=open_termen.inkomensgrens.percentage&waarde1=140%25&datum=2026-01-15", beleid, nil, nil)
	if a.Status != http.StatusOK || !strings.Contains(a.Body, ",woonplaats,") {
		t.Errorf("watals.csv: %d %.100s", a.Status, a.Body)
	}
}

func TestScanVoorstelPaginas(t *testing.T) {
	db := storetest.OpenTest(t)
	o := nieuweStaffOmgeving(t, db)
	datum := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	if err := o.Auth.ZetRol(t.Context(), o.IDs["consulent"], ander, auth.Consulent); err != nil {
		t.Fatal(err)
	}
	laadPopulatie(t, db, ander, 2000, datum)
	cat := webtest.Catalogus(t)
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
	n, err := scan.MaakVoorstellen(ctx, db, o.Audit, u)
	if err != nil || n == 0 {
		t.Fatalf("MaakVoorstellen = %d, %v", n, err)
	}
	// The proposals are judged in the aanvragen inbox: the scan's old URLs redirect there, and a POST to the
	// old decision URL decides nothing.
	consulent := o.loginAls("consulent")
	basis := "/beheer/" + ander + "/scan/voorstellen"
	for _, c := range []struct{ method, pad, naar string }{
		{"GET", basis, "/beheer/" + ander + "/aanvragen/voorstellen/0"},
		{"GET", basis + "/1", "/beheer/" + ander + "/aanvragen/voorstellen/1"},
		{"POST", basis + "/1/besluit", "/beheer/" + ander + "/aanvragen/voorstellen/1"},
	} {
		a := o.doe(c.method, c.pad, consulent, url.Values{"besluit": {"goedkeuren"}, "reden": {"x"}}, nil)
		if a.Status != http.StatusSeeOther || a.Loc != c.naar {
			t.Errorf("%s %s: %d %q, want 303 to %s", c.method, c.pad, a.Status, a.Loc, c.naar)
		}
	}
	if v, err := scan.HaalVoorstel(t.Context(), db, nil, ander, 1); err != nil || v.Status != scan.Open {
		t.Errorf("after the old decision URL: %v %v, want still open", v, err)
	}
	// The scan's page links to the inbox's tab for a consulent.
	a := o.doe("GET", "/beheer/"+ander+"/scan", consulent, nil, nil)
	bevat(t, a, `href="/beheer/`+ander+`/aanvragen/voorstellen/0"`, "in de inbox van de aanvragen")
	// A beleidsmedewerker may not use them.
	beleid := o.loginAls("beleidsmedewerker")
	if a := o.doe("POST", "/beheer/"+eigen+"/scan/voorstellen/2/besluit", beleid, url.Values{"besluit": {"afwijzen"}, "reden": {"x"}}, nil); a.Status != http.StatusForbidden {
		t.Errorf("beleidsmedewerker decision: %d, want 403", a.Status)
	}
}

// bereiklijstLabels checks that each row's outreach-list link names the regeling of its own row (a
// screen reader hears only the link text: "CSV bereiklijst <regeling>"), and that at least two rows with
// different regelingen have one, so the test can fail on one label for all.
func bereiklijstLabels(t *testing.T, body string) {
	t.Helper()
	rij := regexp.MustCompile(`(?s)<th scope="row" class="utrecht-table__header-cell">([^<]*)</th>(.*?)</tr>`)
	link := regexp.MustCompile(`bereiklijst\.csv\?[^"]*regeling=([a-z_]+)[^"]*" download>CSV<span class="zeker-visually-hidden"> bereiklijst ([^<]*)</span>`)
	gezien := map[string]bool{}
	for _, m := range rij.FindAllStringSubmatch(body, -1) {
		l := link.FindStringSubmatch(m[2])
		if l == nil {
			continue
		}
		if naam := html.UnescapeString(m[1]); html.UnescapeString(l[2]) != naam {
			t.Errorf("row %q (regeling %s): the link says %q", naam, l[1], l[2])
		}
		gezien[l[2]] = true
	}
	if len(gezien) < 2 {
		t.Errorf("%d distinct outreach-list labels, want at least 2 to tell them apart", len(gezien))
	}
}
