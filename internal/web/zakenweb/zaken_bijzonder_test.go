package zakenweb

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestZaakBijzonder: the special data (health, Wgs art. 8a) per role: who sees the page and the content,
// who gets only the fixed line on the zaak page (never the content, not even whether anything is
// recorded), a stale and a too long form, the audit rows, and the exports without them.
func TestZaakBijzonder(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	a := o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-06"}, "tijd": {"09:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d %s", a.Status, a.Body)
	}
	zaak := strings.Split(a.Loc, "?")[0]
	pagina := zaak + "/bijzonder"
	const geheim = "GEHEIM-GEZONDHEID: brieven voorlezen"

	// the roles of BijzonderRollen are exactly the roles with the permission
	var met []string
	for _, r := range auth.Rollen {
		if slices.Contains(auth.Permissies(r), auth.ZakenBijzonder) {
			met = append(met, string(r))
		}
	}
	if !slices.Equal(met, []string{"consulent", "schuldhulpverlener"}) || BijzonderRollen != "schuldhulpverleners en consulenten" {
		t.Fatalf("rollen met zaken.bijzonder: %v, tekst %q", met, BijzonderRollen)
	}

	for _, rol := range []string{"regisseur", "teamleider", "intermediair", "beheerder", "beleidsmedewerker"} {
		if a := o.get(pagina, rol); a.Status != http.StatusForbidden {
			t.Errorf("%s ziet de bijzondere gegevens: %d", rol, a.Status)
		}
		if a := o.post(pagina, rol, url.Values{"versie": {"0"}, "lvb": {"1"}}); a.Status != http.StatusForbidden {
			t.Errorf("%s wijzigt de bijzondere gegevens: %d", rol, a.Status)
		}
	}
	if a := o.get(b+"/999/bijzonder", "consulent"); a.Status != http.StatusNotFound {
		t.Errorf("onbekende zaak: %d", a.Status)
	}
	if a := o.get("/beheer/"+webtest.Ander+"/zaken/1/bijzonder", "consulent"); a.Status != http.StatusForbidden && a.Status != http.StatusNotFound {
		t.Errorf("andere gemeente: %d", a.Status)
	}
	webtest.Bevat(t, o.get(pagina, "schuldhulpverlener"), "Bijzondere gegevens van zaak 1", "Wgs artikel 8a", "Er is niets vastgelegd.", `name="versie" value="0"`)

	// errors: too long at its field (422), then saved, then the same (stale) form again (409)
	a = o.post(pagina, "schuldhulpverlener", url.Values{"versie": {"0"}, "verslaving": {"1"}, "bijzonder-toelichting": {strings.Repeat("x", 1001)}})
	if a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, "hoogstens 1.000 tekens") || !strings.Contains(a.Body, `href="#bijzonder-toelichting"`) {
		t.Fatalf("te lang: %d", a.Status)
	}
	a = o.post(pagina, "schuldhulpverlener", url.Values{"versie": {"0"}, "psychisch": {"1"}, "lvb": {"1"}, "bijzonder-toelichting": {geheim}})
	if a.Status != http.StatusSeeOther || a.Loc != pagina+"?klaar=bijzonder" {
		t.Fatalf("opslaan: %d %s %s", a.Status, a.Loc, a.Body)
	}
	a = o.post(pagina, "consulent", url.Values{"versie": {"0"}, "verslaving": {"1"}})
	if a.Status != http.StatusConflict || !strings.Contains(a.Body, "Iemand anders heeft deze gegevens intussen gewijzigd") {
		t.Fatalf("verouderd: %d", a.Status)
	}
	p := o.get(pagina, "consulent")
	webtest.Bevat(t, p, geheim, `id="psychisch" name="psychisch" value="1" checked`, `id="lvb" name="lvb" value="1" checked`, `name="versie" value="1"`)
	if strings.Contains(p.Body, `id="verslaving" name="verslaving" value="1" checked`) {
		t.Error("de verouderde wijziging is toch opgeslagen")
	}

	// the zaak page: a link for who may, one fixed line for who may not; the content never
	webtest.Bevat(t, o.get(zaak, "schuldhulpverlener"), `href="`+pagina+`"`)
	for _, rol := range []string{"regisseur", "teamleider"} {
		p := o.get(zaak, rol)
		webtest.Bevat(t, p, "Bijzondere gegevens: alleen zichtbaar voor schuldhulpverleners en consulenten.")
		if strings.Contains(p.Body, "GEHEIM") || strings.Contains(p.Body, pagina) {
			t.Errorf("%s: zaakpagina toont de inhoud of de link", rol)
		}
	}
	// exports and the worklist never carry them
	for _, pad := range []string{zaak, zaak + "/schulden.csv", b + "/indicatoren.csv", b} {
		if a := o.get(pad, "consulent"); a.Status != http.StatusOK || strings.Contains(a.Body, "GEHEIM") {
			t.Errorf("%s: %d, of bevat de bijzondere gegevens", pad, a.Status)
		}
	}
	// audit: every view and change of the special data is a row of its own
	rijen := func(op string) int {
		rs, err := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: gm, Operatie: op, Limiet: 100})
		if err != nil {
			t.Fatal(err)
		}
		return len(rs)
	}
	if n := rijen("zaak.bijzonder.bekijken"); n != 4 { // the first view, the page after the 422 and after the 409, the view above
		t.Errorf("leesrijen: %d", n)
	}
	if n := rijen("zaak.bijzonder.wijzigen"); n != 1 {
		t.Errorf("wijzigrijen: %d", n)
	}
}

// TestBijzonderVerouderdNaFout: a special-data form refused at a field (422) comes back with the version
// it was loaded with, not the newest; after someone else's change meanwhile, the corrected form is
// refused (409) and their change stays (the page used to put the newest version in the form).
func TestBijzonderVerouderdNaFout(t *testing.T) {
	for _, dia := range storetest.Dialects(t) {
		t.Run(dia.String(), func(t *testing.T) {
			o := nieuweOmgeving(t, storetest.Open(t, dia), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
			a := o.post(basis(gm)+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-06"}, "tijd": {"09:00"}})
			if a.Status != http.StatusSeeOther {
				t.Fatalf("nieuw: %d %s", a.Status, a.Body)
			}
			pagina := strings.Split(a.Loc, "?")[0] + "/bijzonder"
			if a := o.post(pagina, "consulent", url.Values{"versie": {"0"}, "lvb": {"1"}}); a.Status != http.StatusSeeOther {
				t.Fatalf("eerste: %d %s", a.Status, a.Body)
			}
			webtest.Bevat(t, o.get(pagina, "consulent"), `name="versie" value="1"`)
			// someone else changes them (versie 1 → 2)
			if a := o.post(pagina, "schuldhulpverlener", url.Values{"versie": {"1"}, "lvb": {"1"}, "psychisch": {"1"}}); a.Status != http.StatusSeeOther {
				t.Fatalf("ander: %d %s", a.Status, a.Body)
			}
			// the first form, loaded at versie 1, with a too long toelichting
			a = o.post(pagina, "consulent", url.Values{"versie": {"1"}, "verslaving": {"1"}, "bijzonder-toelichting": {strings.Repeat("x", 1001)}})
			if a.Status != http.StatusUnprocessableEntity {
				t.Fatalf("fout: %d", a.Status)
			}
			m := regexp.MustCompile(`name="versie" value="(-?\d+)"`).FindStringSubmatch(a.Body)
			if m == nil || m[1] != "1" {
				t.Fatalf("versie op de pagina na de fout: %v, want 1 (die van het formulier)", m)
			}
			a = o.post(pagina, "consulent", url.Values{"versie": {m[1]}, "verslaving": {"1"}, "bijzonder-toelichting": {"kort"}})
			if a.Status != http.StatusConflict {
				t.Fatalf("verbeterd formulier op een oude versie: %d, want 409", a.Status)
			}
			webtest.Bevat(t, o.get(pagina, "consulent"), `id="psychisch" name="psychisch" value="1" checked`, `name="versie" value="2"`)
		})
	}
}
