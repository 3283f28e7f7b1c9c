package netwerkweb_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/netwerkweb"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

const eigen, ander = webtest.Eigen, webtest.Ander

type omgeving struct {
	*webtest.Omgeving
	net  *netwerk.Service
	part web.Part
}

var catalogus *regels.Catalogus

func nieuweOmgeving(t *testing.T, db *store.DB) *omgeving {
	t.Helper()
	return nieuweOmgevingMet(t, db, netwerkweb.Bronnen{})
}

// nieuweOmgevingMet is nieuweOmgeving with the composition root's links to zaken (b).
func nieuweOmgevingMet(t *testing.T, db *store.DB, b netwerkweb.Bronnen) *omgeving {
	t.Helper()
	if catalogus == nil {
		catalogus = webtest.Catalogus(t)
	}
	o := &omgeving{Omgeving: webtest.NieuweOmgeving(t, db, webtest.Opties{Klok: func() time.Time { return webtest.Nu }})}
	ns, err := netwerk.New(netwerk.Config{DB: db, Audit: o.Audit, Partners: o.Partners, Catalogus: catalogus, Klok: func() time.Time { return webtest.Nu }})
	if err != nil {
		t.Fatal(err)
	}
	o.net = ns
	if o.part, err = netwerkweb.New(o.Kit, netwerkweb.Deps{Netwerk: ns, Bronnen: b}); err != nil {
		t.Fatal(err)
	}
	o.Mount(o.part)
	return o
}

func ctx(t *testing.T) context.Context {
	return audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
}

func (o *omgeving) post(t *testing.T, pad, c string, v url.Values, status int) webtest.Antwoord {
	t.Helper()
	a := o.Doe("POST", pad, c, v, nil)
	if a.Status != status {
		t.Fatalf("POST %s: status %d, want %d\n%s", pad, a.Status, status, a.Body)
	}
	return a
}

func (o *omgeving) get(t *testing.T, pad, c string, status int) webtest.Antwoord {
	t.Helper()
	a := o.Doe("GET", pad, c, nil, nil)
	if a.Status != status {
		t.Fatalf("GET %s: status %d, want %d\n%s", pad, a.Status, status, a.Body)
	}
	return a
}

func TestAanbodBeheren(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		c := o.SessieAls("beheerder")
		p := o.Partner("Stichting Voorbeeld", eigen)
		basis := "/beheer/" + eigen

		webtest.Bevat(t, o.get(t, basis+"/partners/"+p+"/aanbod", c, 200), "Aanbod van Stichting Voorbeeld", "nog geen diensten")

		// A location: errors named per field, then stored.
		a := o.post(t, basis+"/partners/"+p+"/locaties/nieuw", c, url.Values{"naam": {""}, "soort": {"physical"}, "postcode": {"12"}}, 422)
		webtest.Bevat(t, a, "Vul de naam van de locatie in", "Vul de straat in", "Vul de bron in", `href="#naam"`)
		o.post(t, basis+"/partners/"+p+"/locaties/nieuw", c, url.Values{"naam": {"Dorpshuis De Voorbeeld"}, "soort": {"physical"},
			"straat": {"Voorbeeldstraat"}, "huisnummer": {"3"}, "postcode": {"9999 zz"}, "plaats": {"Exloo"}, "bron": {"eigen website"}}, 303)
		ls, _ := o.net.LocatiesVan(ctx(t), p)
		if len(ls) != 1 || ls[0].Adres.Postcode != "9999 ZZ" {
			t.Fatalf("locations %+v", ls)
		}
		loc := ls[0].ID

		// A service: every problem at its field, what was typed kept.
		nieuw := basis + "/partners/" + p + "/diensten/nieuw"
		webtest.Bevat(t, o.get(t, nieuw, c, 200), "Maatwerkbudget", "Waar helpt de dienst bij?", "Dorpshuis De Voorbeeld", `value="2026-01-15"`)
		a = o.post(t, nieuw, c, url.Values{"naam": {"Spreekuur"}, "minleeftijd": {"achttien"}, "openingstijden": {"maandag"},
			"locatie": {loc}, "open." + loc: {"di 12:00-09:00"}, "gemeente": {eigen}, "gecontroleerd": {"gisteren"}, "status": {"active"}}, 422)
		webtest.Bevat(t, a, "Vul een leeftijd in met cijfers", "Begin met de dag", "einde niet na het begin",
			"Vul de datum in als jaar-maand-dag", `value="Spreekuur"`, "<title>Fout:")
		a = o.post(t, nieuw, c, url.Values{"naam": {"Spreekuur"}, "gemeente": {eigen}, "gecontroleerd": {"2026-01-10"}, "status": {"active"}}, 422)
		webtest.Bevat(t, a, "Kies ten minste één onderwerp", "Vul de bron in")
		a = o.post(t, nieuw, c, url.Values{"naam": {"Spreekuur geldzaken"}, "behoefte": {"schuldhulp", "budgetcoaching"},
			"voorwie": {"Iedereen met geldzorgen"}, "locatie": {loc}, "open." + loc: {"di 09:00-12:00"}, "regeling.maatwerkbudget_noodfonds": {"aanvragen"},
			"gemeente": {eigen}, "bron": {"Website, bekeken 10 januari 2026"}, "gecontroleerd": {"2026-01-10"}, "status": {"active"}}, 303)
		id := strings.TrimSuffix(strings.TrimPrefix(a.Loc, basis+"/diensten/"), "?klaar=dienst")
		d, err := o.net.Dienst(ctx(t), id)
		if err != nil {
			t.Fatalf("redirect %q: %v", a.Loc, err)
		}
		if len(d.Regelingen) != 1 || d.Regelingen[0].Rol != netwerk.Aanvragen || len(d.Locaties) != 1 || d.Locaties[0].Openingstijden.String() != "di 09:00-12:00" {
			t.Errorf("stored %+v", d)
		}
		webtest.Bevat(t, o.get(t, basis+"/diensten/"+id+"?klaar=dienst", c, 200), "De dienst is opgeslagen.", "Spreekuur geldzaken", "10 januari 2026")

		// A regeling of another gemeente's pack, or a gemeente the partner is not a member of: refused.
		a = o.post(t, basis+"/diensten/"+id, c, url.Values{"naam": {"Spreekuur geldzaken"}, "behoefte": {"schuldhulp"}, "gemeente": {eigen, ander},
			"bron": {"x"}, "gecontroleerd": {"2026-01-10"}, "status": {"active"}}, 422)
		webtest.Bevat(t, a, "Je mag geen partners beheren in "+ander)

		// Stale after the gemeente's setting; checking it clears that.
		o.post(t, basis+"/sociale-kaart/instellingen", c, url.Values{"maanden": {"0"}}, 422)
		o.post(t, basis+"/sociale-kaart/instellingen", c, url.Values{"maanden": {"veel"}}, 422)
		d.GecontroleerdOp = partner.Vandaag(webtest.Nu).AddDate(-2, 0, 0)
		if _, err := o.net.WijzigDienst(ctx(t), d); err != nil {
			t.Fatal(err)
		}
		webtest.Bevat(t, o.get(t, basis+"/sociale-kaart", c, 200), "1 dienst is langer dan 12 maanden niet gecontroleerd", "verouderd")
		o.post(t, basis+"/diensten/"+id+"/gecontroleerd", c, url.Values{}, 303)
		if a := o.get(t, basis+"/sociale-kaart", c, 200); strings.Contains(a.Body, "niet gecontroleerd") {
			t.Error("still stale after the check")
		}
		o.post(t, basis+"/sociale-kaart/instellingen", c, url.Values{"maanden": {"6"}}, 303)
		if n, _ := o.net.VerouderdNaMaanden(ctx(t), eigen); n != 6 {
			t.Errorf("setting %d, want 6", n)
		}

		// Removing needs a confirmation.
		o.post(t, basis+"/diensten/"+id+"/verwijderen", c, url.Values{}, 422)
		o.post(t, basis+"/locaties/"+loc+"/verwijderen", c, url.Values{}, 422)
		o.post(t, basis+"/locaties/"+loc+"/verwijderen", c, url.Values{"bevestig": {"ja"}}, 303)
		o.post(t, basis+"/diensten/"+id+"/verwijderen", c, url.Values{"bevestig": {"ja"}}, 303)
		if _, err := o.net.Dienst(ctx(t), id); err == nil {
			t.Error("service not removed")
		}
	})
}

// TestAnderMaarNiet: a service or partner of another gemeente does not exist here (404); a service
// offered in two gemeenten is read-only for a beheerder of one (403 on every change).
func TestAnderMaarNiet(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		c := o.SessieAls("beheerder")
		basis := "/beheer/" + eigen
		vreemd := o.Partner("Elders", ander)
		gedeeld := o.Partner("Regionaal", eigen, ander)
		maak := func(pid string, gms ...string) string {
			d, err := o.net.MaakDienst(ctx(t), netwerk.Dienst{PartnerID: pid, Naam: "Dienst", Behoeften: []netwerk.Behoefte{netwerk.Voedsel},
				Bron: "x", GecontroleerdOp: partner.Vandaag(webtest.Nu), Gemeenten: gms})
			if err != nil {
				t.Fatal(err)
			}
			return d.ID
		}
		daar, beide := maak(vreemd, ander), maak(gedeeld, eigen, ander)
		l, err := o.net.MaakLocatie(ctx(t), eigen, netwerk.Locatie{PartnerID: gedeeld, Naam: "Online", Soort: netwerk.Virtueel,
			URL: "https://regionaal.voorbeeld.example", Bron: "x"})
		if err != nil {
			t.Fatal(err)
		}
		d, _ := o.net.Dienst(ctx(t), beide)
		d.Locaties = []netwerk.DienstLocatie{{LocatieID: l.ID}}
		if _, err := o.net.WijzigDienst(ctx(t), d); err != nil {
			t.Fatal(err)
		}
		for _, pad := range []string{basis + "/diensten/" + daar, basis + "/partners/" + vreemd + "/aanbod", basis + "/partners/" + vreemd + "/diensten/nieuw",
			basis + "/diensten/niet-een-id", basis + "/locaties/" + partner.NieuwID()} {
			o.get(t, pad, c, http.StatusNotFound)
		}
		webtest.Bevat(t, o.get(t, basis+"/diensten/"+beide, c, 200), "Alleen een systeembeheerder of een beheerder van al die gemeenten")
		for _, pad := range []string{"/diensten/" + beide, "/diensten/" + beide + "/gecontroleerd", "/diensten/" + beide + "/verwijderen",
			"/locaties/" + l.ID, "/locaties/" + l.ID + "/verwijderen"} {
			o.post(t, basis+pad, c, url.Values{"naam": {"Gekaapt"}, "bevestig": {"ja"}}, http.StatusForbidden)
		}
		// The system administrator may.
		sys := o.SessieAls("systeembeheerder")
		o.post(t, basis+"/diensten/"+beide+"/gecontroleerd", sys, url.Values{}, http.StatusSeeOther)
	})
}

// TestMatrix checks the guard of every route of the part against its own rule.
func TestMatrix(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t))
	if n := o.Matrix(t, o.part.Routes); n == 0 {
		t.Fatal("no requests")
	}
}

func (o *omgeving) upload(t *testing.T, pad, c, naam, inhoud string, status int) webtest.Antwoord {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("bestand", naam)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write([]byte(inhoud))
	mw.Close()
	a := o.DoeBody("POST", pad, c, &body, map[string]string{"Content-Type": mw.FormDataContentType()})
	if a.Status != status {
		t.Fatalf("upload %s: status %d, want %d\n%s", naam, a.Status, status, a.Body)
	}
	return a
}

func TestImportPagina(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t))
	c := o.SessieAls("beheerder")
	pad := "/beheer/" + eigen + "/sociale-kaart/import"
	a := o.upload(t, pad, c, "kaart.csv", "organisatie;dienst;behoeften;bron;gecontroleerd_op\nA;B;geld;x;2026-01-01\n;C;voedsel;x;2026-01-01\n", 422)
	webtest.Bevat(t, a, "kaart.csv is niet geïmporteerd: er is niets opgeslagen", "regel 2, kolom behoeften: ‘geld’ is geen onderwerp",
		"regel 3, kolom organisatie: Vul de naam van de organisatie in.", "<title>Fout:")
	a = o.upload(t, pad, c, "kaart.json", `{"services":[{"name":"Voedselpakket","status":"active","assured_date":"2026-01-10","bron":"Website",`+
		`"organization":{"name":"Voedselbank Voorbeeld","description":""},"attributes":[{"taxonomy_term":{"code":"voedsel","name":"Voedsel","taxonomy":"zeker-behoeften"}}],`+
		`"service_at_locations":[{"id":"x","location":{"id":"","location_type":"physical","name":"Uitgifte","bron":"Website",`+
		`"addresses":[{"address_1":"Voorbeeldweg 4","city":"Exloo","postal_code":"9999 ZX","country":"NL","address_type":"physical"}]},`+
		`"schedules":[{"freq":"WEEKLY","byday":"FR","opens_at":"13:00","closes_at":"15:00"}]}]}]}`, 200)
	webtest.Bevat(t, a, "kaart.json is geïmporteerd: 1 diensten (1 nieuw), 1 locaties (1 nieuw), 1 nieuwe partners", "Voedselpakket")
	k, err := o.net.Kaart(ctx(t), eigen)
	if err != nil || len(k.Items) != 1 || k.Items[0].Locaties[0].Openingstijden.String() != "vr 13:00-15:00" {
		t.Errorf("kaart after the upload: %+v %v", k.Items, err)
	}
	o.upload(t, pad, c, "kaart.txt", "", 422)
	a = o.Doe("POST", pad, c, url.Values{}, nil)
	if a.Status != 422 || !strings.Contains(a.Body, "We konden het bestand niet lezen") {
		t.Errorf("a form without a file: %d", a.Status)
	}
}
