package budgetweb

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

const gm = webtest.Eigen

type omgeving struct {
	*webtest.Omgeving
	bs     *budget.Service
	tweede string // session of a second consulent
}

func nieuweOmgeving(t testing.TB, db *store.DB) *omgeving {
	t.Helper()
	nu := time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC)
	klok := func() time.Time { return nu }
	o := &omgeving{Omgeving: webtest.NieuweOmgeving(t, db, webtest.Opties{Klok: klok, Nu: klok})}
	bs, err := budget.New(budget.Config{DB: db, Audit: o.Audit, Klok: klok})
	if err != nil {
		t.Fatal(err)
	}
	o.bs = bs
	part, err := New(o.Kit, Deps{Budget: bs, Partners: o.Partners, ZaakURL: func(g string, id int64) string { return "/zaak-van-test" }})
	if err != nil {
		t.Fatal(err)
	}
	o.Mount(part)
	g := o.Maak("consulent2@test.zeker.test", "Tweede consulent", false)
	if err := o.Auth.ZetRol(t.Context(), g.ID, gm, auth.Consulent); err != nil {
		t.Fatal(err)
	}
	o.tweede = o.Sessie("consulent2@test.zeker.test")
	return o
}

func (o *omgeving) get(pad, rol string) webtest.Antwoord {
	return o.Doe(http.MethodGet, pad, o.SessieAls(rol), nil, nil)
}

func (o *omgeving) post(pad, rol string, f url.Values) webtest.Antwoord {
	return o.Doe(http.MethodPost, pad, o.SessieAls(rol), f, nil)
}

var idRe = regexp.MustCompile(`/(\d+)(\?|$)`)

func idVan(t testing.TB, loc string) string {
	t.Helper()
	m := idRe.FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("no id in %q", loc)
	}
	return m[1]
}

// maakBudget makes a budget through the page as beleidsmedewerker and returns its path.
func (o *omgeving) maakBudget(t testing.TB, naam, bedrag string) string {
	t.Helper()
	a := o.post(basis(gm)+"/nieuw", "beleidsmedewerker", url.Values{"jaar": {"2026"}, "soort": {"beleid"}, "naam": {naam}, "bedrag": {bedrag},
		"bron": {"Beleidsplan Borger-Odoorn, actielijn 2: maatwerkbudget en noodfondsen"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("new budget: %d %s", a.Status, a.Body)
	}
	return basis(gm) + "/" + idVan(t, a.Loc)
}

// TestBudgetPaginas: an unknown amount shows as unknown (never € 0), wrong input is named at its field,
// a stale form is refused with a message, the list filters.
func TestBudgetPaginas(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		pad := o.maakBudget(t, "Maatwerkbudget", "")
		a := o.get(pad, "consulent")
		webtest.Bevat(t, a, "Maatwerkbudget (2026)", "onbekend", "staat in geen bron", "Nieuwe aanvraag uit dit budget")
		if !strings.Contains(a.Body, `Bedrag</dt><dd class="utrecht-data-list__item-value">onbekend`) || strings.Contains(a.Body, "Budget opslaan") {
			t.Error("unknown amount not shown as unknown, or the consulent gets the change form")
		}
		a = o.post(basis(gm)+"/nieuw", "beheerder", url.Values{"jaar": {"1990"}, "soort": {"fonds"}, "naam": {""}, "bedrag": {"1.500"}, "bron": {""}})
		if a.Status != http.StatusUnprocessableEntity {
			t.Fatalf("bad budget: %d", a.Status)
		}
		webtest.Bevat(t, a, `id="bedrag-fout"`, "dubbelzinnig")
		a = o.post(basis(gm)+"/nieuw", "beheerder", url.Values{"jaar": {"1990"}, "soort": {"fonds"}, "naam": {""}, "bron": {""}})
		webtest.Bevat(t, a, `id="jaar-fout"`, `id="naam-fout"`, `id="bron-fout"`, `id="partner-fout"`)
		f := url.Values{"versie": {"1"}, "jaar": {"2026"}, "soort": {"beleid"}, "naam": {"Maatwerkbudget"}, "bedrag": {"12500"}, "bron": {"Besluit"}}
		if a := o.post(pad, "beleidsmedewerker", f); a.Status != http.StatusSeeOther {
			t.Fatalf("change: %d %s", a.Status, a.Body)
		}
		webtest.Bevat(t, o.get(pad, "beheerder"), "€ 12.500,00", `name="versie" value="2"`)
		f.Set("bedrag", "1")
		a = o.post(pad, "beheerder", f)
		if a.Status != http.StatusConflict {
			t.Fatalf("stale form: %d", a.Status)
		}
		webtest.Bevat(t, a, "Iemand anders heeft dit budget intussen gewijzigd", "€ 12.500,00")
		webtest.Bevat(t, o.get(basis(gm)+"?jaar=2026&sorteer=resterend", "beleidsmedewerker"), "Maatwerkbudget", "€ 12.500,00")
		webtest.Bevat(t, o.get(basis(gm)+"?jaar=x&soort=y", "beleidsmedewerker"), `id="jaar-fout"`, `id="soort-fout"`)
		webtest.Bevat(t, o.get(basis(gm)+"?jaar=2025", "beleidsmedewerker"), "geen budgetten die bij dit filter passen")
	})
}

// TestAanvraagEnBesluit walks a request through four-eyes (the same person twice is refused), a stale
// decision, a refusal below zero, and the export.
func TestAanvraagEnBesluit(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		pad := o.maakBudget(t, "Noodfonds", "1000")
		if a := o.post(basis(gm)+"/instellingen", "beheerder", url.Values{"versie": {"0"}, "vierogen": {"500"}, "bron": {"Mandaatregeling"}}); a.Status != http.StatusSeeOther {
			t.Fatalf("settings: %d %s", a.Status, a.Body)
		}
		a := o.post(pad+"/aanvraag", "consulent", url.Values{"vorm": {"goed"}, "bedrag": {"0"}, "reden": {""}})
		if a.Status != http.StatusUnprocessableEntity {
			t.Fatalf("bad request: %d", a.Status)
		}
		webtest.Bevat(t, a, `id="bedrag-fout"`, `id="omschrijving-fout"`, `id="reden-fout"`)
		a = o.post(pad+"/aanvraag", "consulent", url.Values{"vorm": {"goed"}, "omschrijving": {"E-bike"}, "bedrag": {"700"}, "reden": {"Naar het werk"}, "huishouden": {"HH-1"}})
		if a.Status != http.StatusSeeOther {
			t.Fatalf("request: %d %s", a.Status, a.Body)
		}
		aanvraag := strings.Split(a.Loc, "?")[0]
		webtest.Bevat(t, o.get(aanvraag, "consulent"), "E-bike", "hoger dan € 500,00", "Wacht op besluit")
		if a := o.post(aanvraag+"/besluit", "consulent", url.Values{"versie": {"1"}, "besluit": {"toekennen"}, "besluit-reden": {"Nodig voor werk"}}); a.Status != http.StatusSeeOther || !strings.Contains(a.Loc, "klaar=tweede") {
			t.Fatalf("first award: %d %s", a.Status, a.Loc)
		}
		webtest.Bevat(t, o.get(aanvraag, "consulent"), "Wacht op tweede akkoord", "Een collega moet de toekenning bevestigen")
		a = o.post(aanvraag+"/besluit", "consulent", url.Values{"versie": {"2"}, "besluit": {"toekennen"}, "besluit-reden": {"Ja"}})
		if a.Status != http.StatusForbidden {
			t.Fatalf("same person twice: %d", a.Status)
		}
		webtest.Bevat(t, a, "moet van een collega komen")
		a = o.Doe(http.MethodPost, aanvraag+"/besluit", o.tweede, url.Values{"versie": {"1"}, "besluit": {"toekennen"}, "besluit-reden": {"Ja"}}, nil)
		if a.Status != http.StatusConflict {
			t.Fatalf("stale decision: %d", a.Status)
		}
		webtest.Bevat(t, a, "intussen gewijzigd", `name="versie" value="2"`)
		a = o.Doe(http.MethodPost, aanvraag+"/besluit", o.tweede, url.Values{"versie": {"2"}, "besluit": {"toekennen"}, "besluit-reden": {"Akkoord"}}, nil)
		if a.Status != http.StatusSeeOther || !strings.Contains(a.Loc, "klaar=toegekend") {
			t.Fatalf("second award: %d %s", a.Status, a.Loc)
		}
		webtest.Bevat(t, o.get(pad, "beleidsmedewerker"), "€ 700,00", "€ 300,00")
		a = o.post(aanvraag+"/besluit", "consulent", url.Values{"versie": {"3"}, "besluit": {"afwijzen"}, "besluit-reden": {"Toch niet"}})
		if a.Status != http.StatusConflict {
			t.Fatalf("decided twice: %d", a.Status)
		}
		webtest.Bevat(t, a, "al besloten", "Toegekend op 2026-03-09 door Tweede consulent: Akkoord")
		// Below zero: refused with the reason, nothing changes.
		a = o.post(pad+"/aanvraag", "consulent", url.Values{"vorm": {"geld"}, "bedrag": {"400"}, "reden": {"Energie"}})
		te := strings.Split(a.Loc, "?")[0]
		a = o.post(te+"/besluit", "consulent", url.Values{"versie": {"1"}, "besluit": {"toekennen"}, "besluit-reden": {"x"}})
		if a.Status != http.StatusConflict {
			t.Fatalf("below zero: %d", a.Status)
		}
		webtest.Bevat(t, a, "niet toereikend", "Wacht op besluit")
		if a := o.post(te+"/besluit", "consulent", url.Values{"versie": {"1"}, "besluit": {"afwijzen"}, "besluit-reden": {"Budget op"}}); a.Status != http.StatusSeeOther {
			t.Fatalf("refusal: %d", a.Status)
		}
		// The list: filter and sort.
		a = o.get(aanvragenURL(gm)+"?status=toegekend", "consulent")
		webtest.Bevat(t, a, "E-bike", "Aanvraag 1 tot en met 1 van 1")
		webtest.Bevat(t, o.get(aanvragenURL(gm)+"?status=x&sorteer=y", "consulent"), `id="status-fout"`, `id="sorteer-fout"`)
		webtest.Bevat(t, o.get(aanvragenURL(gm)+"?zaak=7", "consulent"), "Nieuwe aanvraag voor deze zaak", pad+"/aanvraag?zaak=7", "geen aanvragen die bij dit filter passen")
		// The export.
		a = o.get(basis(gm)+"/export?van=2026-03-01&tot=2026-03-31", "beleidsmedewerker")
		if a.Status != 200 || !strings.HasPrefix(a.Hdr.Get("Content-Type"), "text/csv") {
			t.Fatalf("export: %d %s", a.Status, a.Hdr.Get("Content-Type"))
		}
		recs, err := csv.NewReader(strings.NewReader(a.Body)).ReadAll()
		if err != nil || len(recs) != 3 || recs[1][2] != "toegekend" || recs[1][10] != "700.00" || recs[2][2] != "afgewezen" {
			t.Fatalf("export rows %q %v", recs, err)
		}
		if strings.Contains(a.Body, "HH-1") || strings.Contains(a.Body, "Naar het werk") {
			t.Error("the export holds a household or a reason")
		}
		if a := o.get(basis(gm)+"/export?van=2026-03-31&tot=2026-03-01", "beleidsmedewerker"); a.Status != http.StatusUnprocessableEntity {
			t.Errorf("reversed period: %d", a.Status)
		}
		// Every read of a request is in the processing log.
		var n int
		if err := db.SQL().QueryRowContext(t.Context(), `SELECT COUNT(*) FROM audit_log WHERE operation = 'budgetaanvraag.bekijken'`).Scan(&n); err != nil || n != 6 {
			t.Errorf("reads logged: %d %v", n, err)
		}
	})
}
