package signalenweb

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserSignalen runs axe-core (WCAG 2.1 A and AA) in Chromium on every vroegsignalering page, in
// its normal state and with form errors, at desktop width and at 375 px (no horizontal scrolling of
// the page: wide tables scroll inside their own container). Pages are fetched as the right role and
// written into a document of the test server, so styles load as in a real visit. Gated like the other
// browser tests (ZEKER_BROWSER_TESTS=1, or CI=true).
func TestBrowserSignalen(t *testing.T) {
	webtest.BrowserAan(t)
	db := storetest.Open(t, storetest.Dialects(t)[0])
	o := nieuweSigOmgeving(t, db)
	crisis := sigSignaal("C1", signalen.PartnerEnergie, 50, 4)
	crisis.Crisis, crisis.CrisisSoort = true, signalen.CrisisAfsluitingEnergie
	o.lever(sigGM, "woonco", sigSignaal("R0", signalen.PartnerHuur, 900, 0), sigSignaal("R1", signalen.PartnerHuur, 100, 1), crisis)
	o.lever(sigGM, "zorgverzekeraar", sigSignaal("Z1", signalen.PartnerZorg, 300, 1))
	ids := o.zaken(sigGM)
	zaak := zaakURL(sigGM, ids[0])
	if a := o.post(zaak+"/contact", "consulent", url.Values{"soort": {"Telefoon"}, "bereikt": {"ja"}, "datum": {"2026-03-02"}, "dagdeel": {"Ochtend"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("contact: %d", a.Status)
	}
	if a := o.post(zaak+"/notitie", "consulent", url.Values{"notitie": {"Gebeld, afspraak gemaakt."}}); a.Status != http.StatusSeeOther {
		t.Fatalf("notitie: %d", a.Status)
	}
	if a := o.post(zaakURL(sigGM, ids[2])+"/afsluiten", "consulent", url.Values{"resultaat": {string(signalen.ResultaatGeenContact)}}); a.Status != http.StatusSeeOther {
		t.Fatalf("afsluiten: %d", a.Status)
	}
	// A zaak of 60 signals about one resident (two pages of signals), and 12 residents at one address
	// (above the maximum of 10: zaken ter beoordeling).
	veel := adresSignalen("V", 100, 60)
	for i := range veel {
		veel[i].Inwoner = veel[0].Inwoner
	}
	o.lever(sigGM, "woonco", veel...)
	adres := adresSignalen("A", 200, 12)
	for i := range adres {
		adres[i].Inwoner.Adres.Postcode = "8011ZY"
	}
	o.lever(sigGM, "woonco", adres...)
	// A listed briefadres with a signal there: the list on the settings page and the mark on the zaak.
	if a := o.post("/beheer/"+sigGM+"/signalen/briefadressen", "beheerder", url.Values{"brief-postcode": {"8011AA"}, "brief-huisnummer": {"20"},
		"brief-naam": {"Opvang De Haven"}, "brief-bron": {"opvanginstelling"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("briefadres: %d", a.Status)
	}
	if _, err := register.Importeer(t.Context(), db, strings.NewReader("huishouden_id,gemeente,postcode,aanvrager_geboortedatum,huisnummer,briefadres\n"+
		"B1,"+sigGM+",9999ZZ,1980-01-01,1,ja\n"), register.ImportOpties{Gemeente: sigGM, Formaat: "csv", Datum: sigNu}); err != nil {
		t.Fatal(err)
	}
	brief := sigSignaal("BR1", signalen.PartnerHuur, 300, 0)
	brief.Inwoner.BSN, brief.Inwoner.Adres.Huisnummer = "", 20
	if res := o.lever(sigGM, "woonco", brief); res.NieuweZaken != 1 {
		t.Fatalf("briefadres signal: %+v", res)
	}
	groot, _, err := o.st.Werklijst(t.Context(), sigGM, opslag.Filter{Sortering: opslag.SorteerNieuwste, Limiet: 500})
	if err != nil {
		t.Fatal(err)
	}
	var gepagineerd, beoordelen, briefZaak string
	for _, z := range groot {
		if signalen.IsBriefadresSleutel(z.Huishoudsleutel) {
			briefZaak = zaakURL(sigGM, z.ID)
		}
		switch {
		case z.AantalTotaal == 60:
			gepagineerd = zaakURL(sigGM, z.ID) + "?beoordelen=1&signalen-vanaf=50"
		case z.Beoordelen && beoordelen == "":
			beoordelen = zaakURL(sigGM, z.ID) + "?beoordelen=1"
		}
	}
	if gepagineerd == "" || beoordelen == "" {
		t.Fatalf("no zaak of 60 signals (%q) or ter beoordeling (%q)", gepagineerd, beoordelen)
	}
	basis := "/beheer/" + sigGM + "/signalen"
	bestand := "referentie;partnertype;bedrag;ontstaansdatum;signaaldatum;postcode;huisnummer\nX1;Huur;10;2026-01-01;2026-02-01;8011AA;9\nX2;Bank;10;2026-01-01;2026-02-01;8011AA;9\n"
	paginas := []webtest.Pagina{
		{Naam: "werklijst", Status: 200, Haal: func() antwoord { return o.get(basis, "consulent") }},
		{Naam: "werklijst-fout", Status: 200, Haal: func() antwoord { return o.get(basis+"?status=x&per=7", "consulent") }},
		{Naam: "zaak", Status: 200, Haal: func() antwoord { return o.get(zaak+"?klaar=contact", "consulent") }},
		{Naam: "zaak-afsluiten-zonder-resultaat", Status: 422, Haal: func() antwoord { return o.post(zaak+"/afsluiten", "consulent", url.Values{}) }},
		{Naam: "zaak-contact-fout", Status: 422, Haal: func() antwoord { return o.post(zaak+"/contact", "consulent", url.Values{"datum": {"morgen"}}) }},
		{Naam: "werklijst-ter-beoordeling", Status: 200, Haal: func() antwoord { return o.get(basis+"?beoordelen=1", "consulent") }},
		{Naam: "zaak-gepagineerd", Status: 200, Haal: func() antwoord { return o.get(gepagineerd, "consulent") }},
		{Naam: "zaak-ter-beoordeling", Status: 200, Haal: func() antwoord { return o.get(beoordelen, "consulent") }},
		{Naam: "zaak-gesloten", Status: 200, Haal: func() antwoord { return o.get(zaakURL(sigGM, ids[2]), "consulent") }},
		{Naam: "bestand", Status: 200, Haal: func() antwoord { return o.get(basis+"/bestand", "consulent") }},
		{Naam: "bestand-resultaat", Status: 200, Haal: func() antwoord {
			return o.upload(basis+"/bestand", "consulent", map[string]string{"partner": o.pid["Woonco"]}, bestand)
		}},
		{Naam: "bestand-fout", Status: 422, Haal: func() antwoord { return o.upload(basis+"/bestand", "consulent", map[string]string{}, "") }},
		{Naam: "instellingen", Status: 200, Haal: func() antwoord { return o.get(basis+"/instellingen", "beheerder") }},
		{Naam: "instellingen-fout", Status: 422, Haal: func() antwoord {
			return o.post(basis+"/instellingen", "beheerder", url.Values{"drempel": {"x"}, "periode": {"jaar"}, "bewaar-3": {"0"}})
		}},
		{Naam: "instellingen-briefadres-fout", Status: 422, Haal: func() antwoord {
			return o.post(basis+"/briefadressen", "beheerder", url.Values{"brief-postcode": {"12"}, "brief-huisnummer": {"0"}})
		}},
		{Naam: "zaak-briefadres", Status: 200, Haal: func() antwoord { return o.get(briefZaak, "consulent") }},
		{Naam: "indicatoren", Status: 200, Haal: func() antwoord { return o.get(basis+"/indicatoren?van=2026-01&tot=2026-03", "consulent") }},
	}
	webtest.StartBrowser(t, o.H).AxePaginas(t, "signalen", paginas)
}
