package zakenweb

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

var schuldLinkRe = regexp.MustCompile(`\?schuld=(\d+)#schuldwijzig-kop`)
var postLinkRe = regexp.MustCompile(`\?post=(\d+)#postwijzig-kop`)

// TestSchuldWijzigenPaginas: a debt chosen by its link comes in a change form filled with what is
// stored; a stale form is refused (409) with the message of the zaken forms, a bad amount at its field
// (422); a change and a removal show on the page and the timeline, and the removed debt leaves the
// overview and the CSV. The same for a budget post.
func TestSchuldWijzigenPaginas(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	a := o.post(basis(gm)+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-09"}, "tijd": {"08:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d %s", a.Status, a.Body)
	}
	zaak := strings.Split(a.Loc, "?")[0]
	stuur := func(pad string, f url.Values, want int) webtest.Antwoord {
		t.Helper()
		f.Set("versie", eerste(t, versieRe, o.get(zaak, "consulent").Body))
		a := o.post(zaak+pad, "consulent", f)
		if a.Status != want {
			t.Fatalf("%s: %d, want %d: %s", pad, a.Status, want, a.Body)
		}
		return a
	}
	stuur("/schuld", url.Values{"schuldeiser": {"Woonstichting Test"}, "schuld-bedrag": {"1250"}, "schuld-soort": {"huur"}, "schuld-status": {"bekend"}}, http.StatusSeeOther)
	stuur("/schuld", url.Values{"schuldeiser": {"Energie Test"}, "schuld-bedrag": {"310,40"}, "schuld-soort": {"energie"}, "schuld-status": {"bekend"}}, http.StatusSeeOther)
	stuur("/budget", url.Values{"post-soort": {"inkomen"}, "post-omschrijving": {"Uitkering"}, "post-bedrag": {"1400"}}, http.StatusSeeOther)
	p := o.get(zaak, "consulent")
	ids := schuldLinkRe.FindAllStringSubmatch(p.Body, -1)
	if len(ids) != 2 {
		t.Fatalf("links om te wijzigen: %v", ids)
	}
	huur, energie := ids[0][1], ids[1][1]
	k := o.get(zaak+"?schuld="+huur, "consulent")
	webtest.Bevat(t, k, "Schuld wijzigen of weghalen: Woonstichting Test, € 1.250,00", `id="wijzig-schuldeiser" name="wijzig-schuldeiser" value="Woonstichting Test"`,
		`value="1.250,00"`, `action="`+zaak+`/schuld-weg"`)
	v := eerste(t, versieRe, k.Body)
	oud, _ := strconv.Atoi(v)
	f := url.Values{"versie": {strconv.Itoa(oud - 1)}, "wijzig-schuld": {huur}, "wijzig-schuldeiser": {"Woonstichting Test"}, "wijzig-schuld-bedrag": {"1310,20"},
		"wijzig-schuld-soort": {"huur"}, "wijzig-schuld-status": {"bevestigd"}, "wijzig-schuld-stabiel": {"1"}}
	if a := o.post(zaak+"/schuld-wijzig", "consulent", f); a.Status != http.StatusConflict || !strings.Contains(a.Body, "Iemand anders heeft deze zaak of het plan intussen gewijzigd") {
		t.Errorf("verouderd formulier: %d", a.Status)
	}
	f.Set("versie", v)
	f.Set("wijzig-schuld-bedrag", "1.500")
	if a := o.post(zaak+"/schuld-wijzig", "consulent", f); a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, `id="wijzig-schuld-bedrag-fout"`) ||
		!strings.Contains(a.Body, `value="1.500"`) {
		t.Errorf("dubbelzinnig bedrag: %d", a.Status)
	}
	f.Set("wijzig-schuld-bedrag", "1310,20")
	if a := o.post(zaak+"/schuld-wijzig", "regisseur", f); a.Status != http.StatusForbidden {
		t.Errorf("regisseur wijzigt een schuld: %d", a.Status)
	}
	if a := o.post(zaak+"/schuld-wijzig", "consulent", f); a.Status != http.StatusSeeOther {
		t.Fatalf("wijzigen: %d %s", a.Status, a.Body)
	}
	webtest.Bevat(t, o.get(zaak, "consulent"), "€ 1.310,20", "bedrag € 1.250,00 → € 1.310,20")
	stuur("/schuld-weg", url.Values{"wijzig-schuld": {energie}, "schuld-weg-reden": {""}}, http.StatusUnprocessableEntity)
	stuur("/schuld-weg", url.Values{"wijzig-schuld": {energie}, "schuld-weg-reden": {"Dubbel ingevoerd."}}, http.StatusSeeOther)
	p = o.get(zaak, "consulent")
	webtest.Bevat(t, p, "Schuld bij Energie Test (€ 310,40, Energie) uit het overzicht gehaald. Reden: Dubbel ingevoerd.")
	if strings.Contains(p.Body, "?schuld="+energie+"#") || !strings.Contains(p.Body, `id="totaal-schuld">€ 1.310,20<`) {
		t.Error("weggehaalde schuld staat nog in het overzicht")
	}
	if csv := o.get(zaak+"/schulden.csv", "consulent"); strings.Contains(csv.Body, "Energie Test") || !strings.Contains(csv.Body, "Woonstichting Test") {
		t.Errorf("CSV na weghalen: %s", csv.Body)
	}
	// A budget post.
	post := eerste(t, postLinkRe, p.Body)
	webtest.Bevat(t, o.get(zaak+"?post="+post, "consulent"), "Post wijzigen of weghalen: Uitkering", `value="1.400,00"`)
	stuur("/budget-wijzig", url.Values{"wijzig-post": {post}, "wijzig-post-soort": {"inkomen"}, "wijzig-post-omschrijving": {"Uitkering"}, "wijzig-post-bedrag": {"1450"}}, http.StatusSeeOther)
	webtest.Bevat(t, o.get(zaak, "consulent"), `id="saldo">€ 1.450,00<`)
	stuur("/budget-weg", url.Values{"wijzig-post": {post}, "post-weg-reden": {"Uitkering gestopt."}}, http.StatusSeeOther)
	webtest.Bevat(t, o.get(zaak, "consulent"), "Nog geen inkomen of vaste lasten vastgelegd.", "Reden: Uitkering gestopt.")
	stuur("/budget-weg", url.Values{"wijzig-post": {post}, "post-weg-reden": {"Nog eens."}}, http.StatusNotFound)
}

// TestStapUitkomstPaginas: the outcome of a moratorium request with its afkoelingsperiode, refused
// beyond six months at its field; a step removed by mistake leaves the list and the worklist filter.
func TestStapUitkomstPaginas(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	a := o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"ondernemers"}, "datum": {"2026-03-02"}, "tijd": {"08:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d %s", a.Status, a.Body)
	}
	zaak := strings.Split(a.Loc, "?")[0]
	stuur := func(pad string, f url.Values, want int) webtest.Antwoord {
		t.Helper()
		f.Set("versie", eerste(t, versieRe, o.get(zaak, "consulent").Body))
		a := o.post(zaak+pad, "consulent", f)
		if a.Status != want {
			t.Fatalf("%s: %d, want %d: %s", pad, a.Status, want, a.Body)
		}
		return a
	}
	stuur("/stap", url.Values{"stap": {"moratorium"}, "stap-datum": {"2026-03-02"}}, http.StatusSeeOther)
	stuur("/stap", url.Values{"stap": {"bbz"}, "stap-datum": {"2026-03-02"}}, http.StatusSeeOther)
	p := o.get(zaak, "consulent")
	webtest.Bevat(t, p, "Uitkomst van een stap vastleggen", "Nog geen uitkomst.", "Stap weghalen (per vergissing vastgelegd)")
	m := regexp.MustCompile(`<option value="(\d+)"[^>]*>Moratorium aangevraagd`).FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatal("moratorium niet in de keuzelijst")
	}
	mor := m[1]
	w := stuur("/stap-uitkomst", url.Values{"uitkomst-stap": {mor}, "uitkomst": {"toegewezen"}, "uitkomst-datum": {"2026-03-06"}, "afkoeling-tot": {"2026-09-07"}}, http.StatusUnprocessableEntity)
	webtest.Bevat(t, w, "Een afkoelingsperiode duurt hoogstens zes maanden (Wgs artikel 5): uiterlijk tot en met 2026-09-06.", `id="afkoeling-tot-fout"`)
	stuur("/stap-uitkomst", url.Values{"uitkomst-stap": {mor}, "uitkomst": {"toegewezen"}, "uitkomst-datum": {"2026-03-06"}, "afkoeling-tot": {"2026-09-06"}}, http.StatusSeeOther)
	webtest.Bevat(t, o.get(zaak, "consulent"), "Uitkomst: Moratorium toegewezen door de rechter op vr 6 mrt 2026; afkoelingsperiode tot en met zo 6 sep 2026")
	if l := o.get(b+"?routestap=moratorium", "consulent"); !strings.Contains(l.Body, `href="`+zaak+`"`) {
		t.Error("filter moratorium voor het weghalen")
	}
	stuur("/stap-weg", url.Values{"weg-stap": {mor}, "stap-weg-reden": {"Bij de verkeerde zaak."}}, http.StatusSeeOther)
	p = o.get(zaak, "consulent")
	webtest.Bevat(t, p, "Stap weggehaald: Moratorium aangevraagd (Wgs art. 5) op 2026-03-02. Reden: Bij de verkeerde zaak.")
	if strings.Contains(p.Body, "Uitkomst: Moratorium") {
		t.Error("weggehaalde stap staat nog in de lijst")
	}
	if l := o.get(b+"?routestap=moratorium", "consulent"); strings.Contains(l.Body, `href="`+zaak+`"`) {
		t.Error("filter moratorium na het weghalen")
	}
	if l := o.get(b+"?routestap=bbz", "consulent"); !strings.Contains(l.Body, `href="`+zaak+`"`) {
		t.Error("filter bbz")
	}
}

// TestZaakVerouderdNaFout: a form on the zaak page refused at a field (422) comes back with the version
// it was loaded with; after someone else's change meanwhile, the corrected form is refused (409) instead
// of overwriting that change unseen (the page used to put the newest version in every form).
func TestZaakVerouderdNaFout(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC))
	a := o.post(basis(gm)+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-09-30"}, "tijd": {"09:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d %s", a.Status, a.Body)
	}
	zaak := strings.Split(a.Loc, "?")[0]
	// someone else adds a budget post (versie 1 → 2)
	if a := o.post(zaak+"/budget", "schuldhulpverlener", url.Values{"versie": {"1"}, "post-soort": {"inkomen"}, "post-omschrijving": {"Loon"}, "post-bedrag": {"1800"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("ander: %d %s", a.Status, a.Body)
	}
	// the first worker's form, loaded at versie 1, with a wrong date
	a = o.post(zaak+"/eerste-gesprek", "consulent", url.Values{"versie": {"1"}, "gesprek-datum": {"morgen"}})
	if a.Status != http.StatusUnprocessableEntity {
		t.Fatalf("fout: %d", a.Status)
	}
	for _, m := range regexp.MustCompile(`name="versie" value="(-?\d+)"`).FindAllStringSubmatch(a.Body, -1) {
		if m[1] != "1" {
			t.Fatalf("versie in een formulier na de fout: %s, want 1 (die van het formulier)", m[1])
		}
	}
	a = o.post(zaak+"/eerste-gesprek", "consulent", url.Values{"versie": {"1"}, "gesprek-datum": {"2026-10-01"}})
	if a.Status != http.StatusConflict {
		t.Fatalf("verbeterd formulier op een oude versie: %d, want 409", a.Status)
	}
}
