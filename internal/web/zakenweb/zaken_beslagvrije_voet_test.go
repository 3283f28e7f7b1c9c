package zakenweb

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestZaakBeslagvrijeVoet: the page of the beslagvrije voet: not filled in, errors at their fields (422),
// the amount for an alleenstaande with € 35.000 a year on 2026-10-01 (€ 1.669,16, as in
// internal/regels/nl), the steps, sources and what is left out, the budget beside it, a stale form
// (409), another gemeente's zaak (404), a day without data (the sentence, no amount), and the zaak page.
func TestZaakBeslagvrijeVoet(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	a := o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-09-30"}, "tijd": {"09:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d %s", a.Status, a.Body)
	}
	zaak := strings.Split(a.Loc, "?")[0]
	pagina := zaak + "/beslagvrije-voet"

	p := o.get(pagina, "consulent")
	webtest.Bevat(t, p, "Beslagvrije voet van zaak", "Nog niet ingevuld", "Alleenstaande ouder", "Gehuwden of samenwonenden met een of meer kinderen",
		"Belastbaar inkomen per jaar (samen met partner)", "Netto inkomen per maand met vakantiegeld (mag leeg)",
		"Geen woonadres in de basisregistratie (bijvoorbeeld alleen een briefadres)", `name="versie" value="1"`)
	webtest.Bevat(t, o.get(zaak, "consulent"), "Beslagvrije voet: nog niet ingevuld.", `href="`+pagina+`"`, "Beslagvrije voet bekijken of invullen")
	if strings.Contains(o.get(zaak, "consulent").Body, "rekent Zeker nog niet uit") {
		t.Error("de oude zin staat nog op de zaakpagina")
	}

	// errors at their fields
	for _, c := range []struct {
		form  url.Values
		veld  string
		tekst string
	}{
		{url.Values{"bvv-jaarinkomen": {"35000"}}, "bvv-leefsituatie", "Kies de leefsituatie"},
		{url.Values{"bvv-leefsituatie": {"weduwe"}, "bvv-jaarinkomen": {"35000"}}, "bvv-leefsituatie", "Kies de leefsituatie"},
		{url.Values{"bvv-leefsituatie": {"alleenstaande"}}, "bvv-jaarinkomen", "Vul het belastbaar inkomen per jaar in"},
		{url.Values{"bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"veel"}}, "bvv-jaarinkomen", ""},
		{url.Values{"bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"10000000,01"}}, "bvv-jaarinkomen", "hoogstens € 10.000.000"},
		{url.Values{"bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"35000"}, "bvv-maandinkomen": {"0"}}, "bvv-maandinkomen", "meer dan € 0"},
		{url.Values{"bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"35000"}, "bvv-maandinkomen": {"1000000,01"}}, "bvv-maandinkomen", "hoogstens € 1.000.000"},
	} {
		c.form.Set("versie", "1")
		a := o.post(pagina, "consulent", c.form)
		if a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, `href="#`+c.veld+`"`) || !strings.Contains(a.Body, c.tekst) {
			t.Errorf("%v: %d, want 422 bij %s (%q)", c.form, a.Status, c.veld, c.tekst)
		}
	}
	// the form keeps what was filled in
	a = o.post(pagina, "consulent", url.Values{"versie": {"1"}, "bvv-leefsituatie": {"gehuwden"}, "bvv-jaarinkomen": {"veel"}, "bvv-geen-woonadres": {"1"}})
	webtest.Bevat(t, a, `value="gehuwden" checked`, `value="veel"`, `id="bvv-geen-woonadres" name="bvv-geen-woonadres" value="1" checked`)

	// who may: reading for zaken.lezen, storing for zaken.behandelen only
	if a := o.post(pagina, "beleidsmedewerker", url.Values{"versie": {"1"}, "bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"35000"}}); a.Status != http.StatusForbidden {
		t.Errorf("beleidsmedewerker slaat op: %d", a.Status)
	}

	a = o.post(pagina, "consulent", url.Values{"versie": {"1"}, "bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"35000"}})
	if a.Status != http.StatusSeeOther || a.Loc != pagina+"?klaar=beslagvrije-voet" {
		t.Fatalf("opslaan: %d %s %s", a.Status, a.Loc, a.Body)
	}
	p = o.get(a.Loc, "consulent")
	webtest.Bevat(t, p, "De gegevens voor de beslagvrije voet zijn opgeslagen.", `<dd class="utrecht-data-list__item-value" id="bvv-uitkomst">€ 1.669,16</dd>`,
		"do 1 okt 2026", "95% van de bijstandsnorm voor alleenstaande", "art. 475da Rv lid 2 onder a", "Voor de zorgverzekering", "Voor de huur",
		"Niet meegenomen", "art. 475db Rv", "Het netto maandinkomen is niet ingevuld", `value="alleenstaande" checked`, `value="35.000,00"`, `name="versie" value="2"`)
	if !strings.Contains(p.Body, `<a class="utrecht-link utrecht-link--html-a" href="https://`) {
		t.Error("geen bron met link")
	}
	if strings.Contains(p.Body, "Naast het maandbudget") {
		t.Error("budget getoond zonder inkomen in het maandbudget")
	}
	webtest.Bevat(t, o.get(zaak, "consulent"), "Beslagvrije voet (indicatie voor vandaag): € 1.669,16 per maand.")

	// the budget beside it: the part above the beslagvrije voet, and nothing when the income is lower
	if a := o.post(zaak+"/budget", "consulent", url.Values{"versie": {"2"}, "post-soort": {"inkomen"}, "post-omschrijving": {"Loon"}, "post-bedrag": {"2000"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("budget: %d %s", a.Status, a.Body)
	}
	webtest.Bevat(t, o.get(pagina, "regisseur"), "Inkomen per maand in het maandbudget", "€ 2.000,00",
		"Aflossen kan hoogstens met het deel boven de beslagvrije voet: € 330,84.")
	// 95% of a given monthly income bounds it
	a = o.post(pagina, "consulent", url.Values{"versie": {"3"}, "bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"35000"}, "bvv-maandinkomen": {"1200"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("maandinkomen: %d %s", a.Status, a.Body)
	}
	webtest.Bevat(t, o.get(pagina, "consulent"), `id="bvv-uitkomst">€ 1.140,00</dd>`, "art. 475dc: 95% van het inkomen")
	if a := o.post(zaak+"/budget", "consulent", url.Values{"versie": {"4"}, "post-soort": {"inkomen"}, "post-omschrijving": {"Toeslag"}, "post-bedrag": {"1"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("budget: %d", a.Status)
	}
	a = o.post(pagina, "consulent", url.Values{"versie": {"5"}, "bvv-leefsituatie": {"gehuwden_kinderen"}, "bvv-jaarinkomen": {"150000"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("gehuwden: %d", a.Status)
	}
	webtest.Bevat(t, o.get(pagina, "consulent"), `id="bvv-uitkomst">€ 3.179,68</dd>`, "lid 1: het maximum", "Van het inkomen kan dus niets worden afgelost.")

	// a stale form: 409 with the newest state
	a = o.post(pagina, "consulent", url.Values{"versie": {"5"}, "bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"1"}})
	if a.Status != http.StatusConflict || !strings.Contains(a.Body, "Iemand anders heeft de zaak intussen gewijzigd") || !strings.Contains(a.Body, `value="gehuwden_kinderen" checked`) {
		t.Fatalf("verouderd: %d", a.Status)
	}

	// another gemeente's zaak through this gemeente's URL: 404; an unknown zaak: 404
	ander := importeer(t, o.DB, webtest.Ander, 1)
	ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorGebruiker, ID: "7", Naam: "Test"})
	aid, err := o.zk.Start(ctx, webtest.Ander, zaken.Hulpvraag{HuishoudenID: ander[0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: time.Date(2026, 9, 30, 8, 0, 0, 0, time.UTC)},
		zaken.Medewerker{ID: 7, Naam: "Test"})
	if err != nil {
		t.Fatal(err)
	}
	elders := b + "/" + strconv.FormatInt(aid, 10) + "/beslagvrije-voet"
	if a := o.get(elders, "consulent"); a.Status != http.StatusNotFound {
		t.Errorf("zaak van een andere gemeente: %d", a.Status)
	}
	if a := o.post(elders, "consulent", url.Values{"versie": {"1"}, "bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"35000"}}); a.Status != http.StatusNotFound {
		t.Errorf("zaak van een andere gemeente, opslaan: %d", a.Status)
	}
	if a := o.get(b+"/999999/beslagvrije-voet", "consulent"); a.Status != http.StatusNotFound {
		t.Errorf("onbekende zaak: %d", a.Status)
	}

	// a day the data do not reach: the reason, never an amount
	o.mu.Lock()
	*o.nu = time.Date(2027, 1, 15, 9, 0, 0, 0, time.UTC)
	o.mu.Unlock()
	p = o.get(pagina, "consulent")
	webtest.Bevat(t, p, "Zeker kan de beslagvrije voet voor vr 15 jan 2027 niet berekenen: de landelijke bedragen voor die datum staan nog niet in Zeker")
	if i := strings.Index(p.Body, `id="bvv-indicatie-kop"`); i < 0 || strings.Contains(p.Body[i:strings.Index(p.Body, `id="bvvform-kop"`)], "€") {
		t.Error("een bedrag bij een onbekende datum")
	}
	z := o.get(zaak, "consulent")
	webtest.Bevat(t, z, "Zeker kan de beslagvrije voet voor vr 15 jan 2027 niet berekenen: ")
	if strings.Contains(z.Body, "indicatie voor vandaag") {
		t.Error("de zaakpagina toont een bedrag bij een onbekende datum")
	}
}

// TestZaakPlanBeslagvrijeVoet: the plan section of the zaak page has one line on the beslagvrije voet
// with the link to its page: "nog niet ingevuld", then the amount for today (€ 1.669,16 for an
// alleenstaande with € 35.000 on 2026-10-01), and on a day the data do not reach the reason without an
// amount. The plan letter made that day names the same amount.
func TestZaakPlanBeslagvrijeVoet(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	a := o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-09-30"}, "tijd": {"09:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d %s", a.Status, a.Body)
	}
	zaak := strings.Split(a.Loc, "?")[0]
	pagina := zaak + "/beslagvrije-voet"
	planRegel := func() string {
		t.Helper()
		body := o.get(zaak, "regisseur").Body
		plan := strings.Index(body, `id="plan"`)
		i := strings.Index(body, `<p class="utrecht-paragraph" id="plan-bvv">`)
		if plan < 0 || i < plan {
			t.Fatalf("geen regel over de beslagvrije voet in het plan (plan %d, regel %d)", plan, i)
		}
		return body[i : i+strings.Index(body[i:], "</p>")]
	}
	link := `<a class="utrecht-link utrecht-link--html-a" href="` + pagina + `">Beslagvrije voet bekijken of invullen</a>`
	if r := planRegel(); !strings.Contains(r, "Het plan houdt rekening met de beslagvrije voet (Wgs artikel 4a lid 5). Beslagvrije voet: nog niet ingevuld.") ||
		!strings.Contains(r, link) || strings.Contains(r, "€") {
		t.Errorf("niet ingevuld: %s", r)
	}
	if a := o.post(pagina, "consulent", url.Values{"versie": {"1"}, "bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"35000"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("opslaan: %d %s", a.Status, a.Body)
	}
	if r := planRegel(); !strings.Contains(r, "Beslagvrije voet (indicatie voor vandaag): € 1.669,16 per maand.") || !strings.Contains(r, link) {
		t.Errorf("ingevuld: %s", r)
	}

	// the plan letter of that day names the same amount
	if a := o.post(zaak+"/eerste-gesprek", "consulent", url.Values{"versie": {"2"}, "gesprek-datum": {"2026-10-01"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("gesprek: %d %s", a.Status, a.Body)
	}
	if a := o.post(zaak+"/besluit", "consulent", url.Values{"versie": {"3"}, "besluit-soort": {"plan"}, "besluit-datum": {"2026-10-01"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("besluit: %d %s", a.Status, a.Body)
	}
	brief := eerste(t, regexp.MustCompile(`href="(`+regexp.QuoteMeta(zaak)+`/brief/\d+)"`), o.get(zaak, "consulent").Body)
	webtest.Bevat(t, o.get(brief, "consulent"), "Bij dit plan houden wij rekening met uw beslagvrije voet.",
		"Volgens onze berekening is dat nu ongeveer € 1.669,16 per maand (artikel 475da Wetboek van Burgerlijke Rechtsvordering).")

	o.mu.Lock()
	*o.nu = time.Date(2027, 1, 15, 9, 0, 0, 0, time.UTC)
	o.mu.Unlock()
	if r := planRegel(); !strings.Contains(r, "Zeker kan de beslagvrije voet voor vr 15 jan 2027 niet berekenen: ") || strings.Contains(r, "€") || !strings.Contains(r, link) {
		t.Errorf("2027: %s", r)
	}
}

// TestLeesBVVFormulier: the parser of the form, on its own.
func TestLeesBVVFormulier(t *testing.T) {
	var fe web.FieldErrors
	f := leesBVVFormulier(url.Values{"versie": {"3"}, "bvv-leefsituatie": {" gehuwden "}, "bvv-jaarinkomen": {"41.250,50"}, "bvv-maandinkomen": {""},
		"bvv-geen-woonadres": {"1"}}, &fe)
	if len(fe.Fouten) != 0 || f.Versie != 3 || f.Gegevens.Leefsituatie.Code() != "gehuwden" || f.Gegevens.Jaarinkomen != geld.Bedrag(4_125_050) ||
		f.Gegevens.Maandinkomen != 0 || !f.Gegevens.GeenWoonadres {
		t.Errorf("%+v %v", f, fe.Fouten)
	}
	fe = web.FieldErrors{}
	f = leesBVVFormulier(url.Values{"versie": {"x"}, "bvv-jaarinkomen": {"1.500"}, "bvv-maandinkomen": {"-3"}}, &fe)
	if f.Versie != -1 || fe.FoutBij["bvv-jaarinkomen"] == "" || fe.FoutBij["bvv-maandinkomen"] == "" {
		t.Errorf("%+v %v", f, fe.FoutBij)
	}
}

// FuzzBVVFormulier reads arbitrary forms of the beslagvrije voet: never a panic; what is read without
// a field error is a leefsituatie (or none, for internal/zaken to refuse), a jaarinkomen (its range is
// internal/zaken's) and a monthly income that is 0 (not given) or more, and a versie of -1 or more.
//
//	go test -run '^$' -fuzz FuzzBVVFormulier -fuzztime 30s ./internal/web/zakenweb
func FuzzBVVFormulier(f *testing.F) {
	f.Add("1", "alleenstaande", "35000", "", "1")
	f.Add("", "", "", "", "")
	f.Add("-4", "gehuwden_kinderen", "1.500", "0", "ja")
	f.Add("x", "weduwe", "€ 41.250,50", "-1200", "")
	f.Fuzz(func(t *testing.T, versie, leef, jaar, maand, geen string) {
		var fe web.FieldErrors
		r := leesBVVFormulier(url.Values{"versie": {versie}, "bvv-leefsituatie": {leef}, "bvv-jaarinkomen": {jaar}, "bvv-maandinkomen": {maand},
			"bvv-geen-woonadres": {geen}}, &fe)
		if r.Versie < -1 {
			t.Errorf("versie %d", r.Versie)
		}
		if _, ok := fe.FoutBij["bvv-jaarinkomen"]; ok && r.Gegevens.Jaarinkomen != 0 {
			t.Errorf("jaarinkomen %s met een fout", r.Gegevens.Jaarinkomen)
		}
		if _, ok := fe.FoutBij["bvv-maandinkomen"]; !ok && r.Gegevens.Maandinkomen < 0 {
			t.Errorf("maandinkomen %s uit %q zonder fout", r.Gegevens.Maandinkomen, maand)
		}
		if _, ok := fe.FoutBij["bvv-maandinkomen"]; ok && r.Gegevens.Maandinkomen != 0 {
			t.Errorf("maandinkomen %s met een fout", r.Gegevens.Maandinkomen)
		}
		if l := r.Gegevens.Leefsituatie; l != 0 && l.Code() != strings.TrimSpace(leef) {
			t.Errorf("leefsituatie %q uit %q", l.Code(), leef)
		}
		if r.Gegevens.GeenWoonadres != (geen != "") {
			t.Errorf("geen woonadres %v uit %q", r.Gegevens.GeenWoonadres, geen)
		}
	})
}

// TestBVVVerouderdNaFout: a stale form with a field error is shown again (422) with the versie it was
// loaded with, not the newest: otherwise correcting the field and sending it again would silently
// overwrite what someone else stored in between. The second send is refused (409) and the other's
// inputs stay.
func TestBVVVerouderdNaFout(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d.String(), func(t *testing.T) {
			o := nieuweOmgeving(t, storetest.Open(t, d), time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC))
			a := o.post(basis(gm)+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-09-30"}, "tijd": {"09:00"}})
			if a.Status != http.StatusSeeOther {
				t.Fatalf("nieuw: %d %s", a.Status, a.Body)
			}
			pagina := strings.Split(a.Loc, "?")[0] + "/beslagvrije-voet"
			webtest.Bevat(t, o.get(pagina, "consulent"), `name="versie" value="1"`)
			// someone else stores inputs (versie 1 → 2)
			if a := o.post(pagina, "schuldhulpverlener", url.Values{"versie": {"1"}, "bvv-leefsituatie": {"gehuwden"}, "bvv-jaarinkomen": {"40000"}}); a.Status != http.StatusSeeOther {
				t.Fatalf("ander: %d %s", a.Status, a.Body)
			}
			// the first form, still on versie 1, with a typo
			a = o.post(pagina, "consulent", url.Values{"versie": {"1"}, "bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"35.000,0x"}})
			if a.Status != http.StatusUnprocessableEntity {
				t.Fatalf("fout: %d", a.Status)
			}
			m := regexp.MustCompile(`name="versie" value="(-?\d+)"`).FindStringSubmatch(a.Body)
			if m == nil {
				t.Fatal("geen versie op de pagina")
			}
			if m[1] != "1" {
				t.Errorf("versie op de pagina na de fout: %s, want 1 (die van het formulier)", m[1])
			}
			// corrected and sent again with the versie of that page: stale
			a = o.post(pagina, "consulent", url.Values{"versie": {m[1]}, "bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"35000"}})
			if a.Status != http.StatusConflict {
				t.Fatalf("verbeterd formulier op een oude versie: %d, want 409", a.Status)
			}
			webtest.Bevat(t, a, `value="gehuwden" checked`, `value="40.000,00"`)
		})
	}
}

// TestBVVAlleFouten: a form with more than one wrong field names every one of them in the error summary
// and at its field, not only the first found (a missing leefsituatie beside an unreadable amount; two
// amounts out of range).
func TestBVVAlleFouten(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC))
	a := o.post(basis(gm)+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-09-30"}, "tijd": {"09:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d %s", a.Status, a.Body)
	}
	pagina := strings.Split(a.Loc, "?")[0] + "/beslagvrije-voet"
	for _, c := range []struct {
		form   url.Values
		velden []string
	}{
		{url.Values{"bvv-jaarinkomen": {"veel"}}, []string{"bvv-leefsituatie", "bvv-jaarinkomen"}},
		{url.Values{"bvv-leefsituatie": {"weduwe"}, "bvv-maandinkomen": {"0"}, "bvv-jaarinkomen": {"1"}}, []string{"bvv-leefsituatie", "bvv-maandinkomen"}},
		{url.Values{"bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"10000000,01"}, "bvv-maandinkomen": {"1000000,01"}}, []string{"bvv-jaarinkomen", "bvv-maandinkomen"}},
	} {
		c.form.Set("versie", "1")
		a := o.post(pagina, "consulent", c.form)
		if a.Status != http.StatusUnprocessableEntity {
			t.Errorf("%v: %d, want 422", c.form, a.Status)
			continue
		}
		for _, v := range c.velden {
			if !strings.Contains(a.Body, `href="#`+v+`"`) || !strings.Contains(a.Body, `id="`+v+`-fout"`) {
				t.Errorf("%v: no error at %s", c.form, v)
			}
		}
	}
}

// TestBVVGeslotenZaak: storing the inputs of a closed zaak (a form sent with its current versie) is
// refused with 409 and a sentence that says the zaak is closed, on the page with the newest state; not
// the generic "Dit bestaat al." of an unknown conflict.
func TestBVVGeslotenZaak(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC))
	a := o.post(basis(gm)+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-09-30"}, "tijd": {"09:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d %s", a.Status, a.Body)
	}
	zaak := strings.Split(a.Loc, "?")[0]
	a = o.post(zaak+"/beeindigen", "consulent", url.Values{"versie": {eerste(t, versieRe, o.get(zaak, "consulent").Body)}, "reden": {"Verhuisd"}, "einde-datum": {"2026-10-01"},
		"einde-toelichting": {"Verhuisd naar een andere gemeente."}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("beëindigen: %d %s", a.Status, a.Body)
	}
	v := eerste(t, versieRe, o.get(zaak, "consulent").Body)
	a = o.post(zaak+"/beslagvrije-voet", "consulent", url.Values{"versie": {v}, "bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"35000"}})
	if a.Status != http.StatusConflict {
		t.Fatalf("gesloten zaak: %d, want 409", a.Status)
	}
	webtest.Bevat(t, a, "Beslagvrije voet van zaak", `href="#bvv-gesloten">De zaak is gesloten`, `id="bvv-gesloten"`)
	if strings.Contains(a.Body, "Dit bestaat al.") {
		t.Error("de algemene melding bij een gesloten zaak")
	}
}

// TestBVVVerouderdGesloten: a form loaded while the zaak was open and sent after it was closed is stale
// (409); the page no longer has the form, so the error summary links to the sentence that the zaak is
// closed, not to a radio button that is not there.
func TestBVVVerouderdGesloten(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC))
	a := o.post(basis(gm)+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-09-30"}, "tijd": {"09:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d %s", a.Status, a.Body)
	}
	zaak := strings.Split(a.Loc, "?")[0]
	v := eerste(t, versieRe, o.get(zaak+"/beslagvrije-voet", "consulent").Body)
	a = o.post(zaak+"/beeindigen", "consulent", url.Values{"versie": {v}, "reden": {"Verhuisd"}, "einde-datum": {"2026-10-01"},
		"einde-toelichting": {"Verhuisd naar een andere gemeente."}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("beëindigen: %d %s", a.Status, a.Body)
	}
	a = o.post(zaak+"/beslagvrije-voet", "consulent", url.Values{"versie": {v}, "bvv-leefsituatie": {"alleenstaande"}, "bvv-jaarinkomen": {"35000"}})
	if a.Status != http.StatusConflict {
		t.Fatalf("verouderd en gesloten: %d, want 409", a.Status)
	}
	webtest.Bevat(t, a, "Iemand anders heeft de zaak intussen gewijzigd", `href="#bvv-gesloten"`, `id="bvv-gesloten"`)
	if strings.Contains(a.Body, `href="#bvv-leefsituatie"`) {
		t.Error("the error summary links to the form's radio button, which the closed zaak's page does not have")
	}
}
