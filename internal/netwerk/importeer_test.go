package netwerk_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

const kaartCSV = `organisatie;kvk;dienst;behoeften;voor_wie;min_leeftijd;aanmelden;kosten;website;regelingen;status;bron;gecontroleerd_op;locatie;straat;huisnummer;postcode;plaats;openingstijden
Stichting Leergeld Voorbeeld;;Meedoen voor kinderen;kinderen/meedoen|cursus;Gezinnen met een laag inkomen;4;Bel of mail;Gratis;https://leergeld.voorbeeld.example;kindpakket=uitvoeren;actief;Website, bekeken 2 januari 2026;2026-01-02;Dorpshuis;Voorbeeldstraat;1;9999 ZZ;Leek;di 09:00-12:00
Stichting Leergeld Voorbeeld;;Meedoen voor kinderen;;;;;;;;;;;Bibliotheek;Voorbeeldlaan;2;9999 ZY;Zuidhorn;do 13:00-16:00
Humanitas Voorbeeld;;Thuisadministratie;budgetcoaching|nazorg;;;Aanmelden via de website;Gratis;;;;Jaarverslag 2025;2025-11-01;;;;;;
`

func importeer(t *testing.T, o *omgeving, gm, formaat, data string, mag func(string) bool) (netwerk.ImportResultaat, error) {
	t.Helper()
	ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	return o.net.Importeer(ctx, strings.NewReader(data), netwerk.ImportOpties{Gemeente: gm, Formaat: formaat, MagBeheren: mag})
}

func TestImportCSV(t *testing.T) {
	cat := catalogus(t)
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db, cat)
		ctx := t.Context()
		bestaand := o.partner(t, "Humanitas Voorbeeld", "GM1969")
		res, err := importeer(t, o, "GM1969", "csv", kaartCSV, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res != (netwerk.ImportResultaat{Diensten: 2, NieuweDiensten: 2, NieuwePartners: 1, Locaties: 2, NieuweLocaties: 2}) {
			t.Errorf("result %+v", res)
		}
		k, err := o.net.Kaart(ctx, "GM1969")
		if err != nil {
			t.Fatal(err)
		}
		if len(k.Items) != 2 || k.Items[0].Partner.ID != bestaand || k.Items[0].Dienst.Naam != "Thuisadministratie" {
			t.Fatalf("kaart after import: %+v", k.Items)
		}
		lg := k.Items[1]
		if !slices.Equal(lg.Dienst.Behoeften, []netwerk.Behoefte{netwerk.Kinderen, netwerk.Cursus}) || len(lg.Locaties) != 2 ||
			lg.Locaties[0].Dorp() != "Zuidhorn" || lg.Locaties[0].Openingstijden.String() != "do 13:00-16:00" || *lg.Dienst.MinLeeftijd != 4 ||
			len(lg.Dienst.Regelingen) != 1 || lg.Dienst.Regelingen[0].Regeling != "kindpakket" || lg.Locaties[1].Bron != "Website, bekeken 2 januari 2026" {
			t.Errorf("Leergeld after import: %+v", lg)
		}
		if !slices.Equal(k.Dorpen(), []string{"Leek", "Zuidhorn"}) {
			t.Errorf("villages %v", k.Dorpen())
		}

		// The same file again changes nothing and duplicates nothing.
		res, err = importeer(t, o, "GM1969", "csv", kaartCSV, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.NieuweDiensten != 0 || res.NieuweLocaties != 0 || res.NieuwePartners != 0 || res.Diensten != 2 {
			t.Errorf("second import %+v", res)
		}
		if k, _ = o.net.Kaart(ctx, "GM1969"); len(k.Items) != 2 || len(k.Items[1].Locaties) != 2 {
			t.Errorf("after the second import: %d items", len(k.Items))
		}

		// The export reads back as the same kaart (CSV round trip).
		var buf bytes.Buffer
		if err := netwerk.SchrijfCSV(csv.NewWriter(&buf), k); err != nil {
			t.Fatal(err)
		}
		if res, err = importeer(t, o, "GM1969", "csv", buf.String(), nil); err != nil || res.NieuweDiensten+res.NieuweLocaties+res.NieuwePartners != 0 {
			t.Errorf("export re-imported: %+v %v\n%s", res, err, buf.String())
		}
	})
}

func TestImportFouten(t *testing.T) {
	cat := catalogus(t)
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db, cat)
		slecht := `organisatie,dienst,behoeften,min_leeftijd,regelingen,status,bron,gecontroleerd_op,plaats,openingstijden,email
Goed,Een goede dienst,voedsel,,,,bron,2026-01-02,,,
,Zonder organisatie,voedsel,,,,bron,2026-01-02,,,
Fout,Slecht,geld,achttien,bestaat_niet=uitvoeren,misschien,,2-1-2026,Leek,ma 12:00-09:00,geen-mail
`
		_, err := importeer(t, o, "GM1969", "csv", slecht, nil)
		var f netwerk.ImportFouten
		if !errors.As(err, &f) || !errors.Is(err, errs.Invalid) {
			t.Fatalf("bad file: %v", err)
		}
		tekst := err.Error()
		for _, want := range []string{"regel 3, kolom organisatie: Vul de naam van de organisatie in.", "regel 4, kolom behoeften: ‘geld’ is geen onderwerp",
			"regel 4, kolom min_leeftijd", "regel 4, kolom status", "regel 4, kolom gecontroleerd_op", "regel 4, kolom openingstijden",
			"regel 4, kolom straat", "regel 4, kolom email", "regel 4, kolom regelingen: ‘bestaat_niet’ is geen regeling van GM1969", "niets opgeslagen"} {
			if !strings.Contains(tekst, want) {
				t.Errorf("error lacks %q:\n%s", want, tekst)
			}
		}
		// All or nothing: the good row was not written either.
		if k, _ := o.net.Kaart(t.Context(), "GM1969"); len(k.Items) != 0 {
			t.Errorf("a refused import wrote %d services", len(k.Items))
		}
		if ps, _ := o.ps.VanGemeente(t.Context(), "GM1969"); len(ps) != 0 {
			t.Errorf("a refused import made %d partners", len(ps))
		}
		for _, tt := range []struct{ formaat, data, want string }{
			{"csv", "", "geen kopregel"},
			{"csv", "organisatie,dienst,kleur\n", "Onbekende kolom ‘kleur’"},
			{"csv", "organisatie\nX\n", "De kolom ‘dienst’ ontbreekt"},
			{"csv", "organisatie,dienst\n", "geen diensten"},
			{"csv", "organisatie,dienst\n\"a,b\n", "geen geldige CSV"},
			{"csv", "organisatie,dienst,behoeften,bron,gecontroleerd_op\nA,B,voedsel,x,2026-01-01\nA,B,voedsel,y,2026-01-01\n", "regel 3, kolom dienst: Deze dienst staat ook op regel 2"},
			{"json", "{", "houdt te vroeg op"},
			{"json", `{"services": [{"name": 3}]}`, "De sleutel ‘services.name’ heeft de verkeerde soort waarde (regel 1)"},
			{"json", `{"services": [], "kleur": 1}`, "Onbekende sleutel \"kleur\""},
			{"json", `{"hsds_versie": "3.0"}`, "geen lijst ‘services’"},
			{"json", `{"services": [{"name": "A", "status": "active", "assured_date": "2026-01-01", "bron": "x", "organization": {"name": "O", "description": "",
				"contacts": [{"name": "Een Persoon"}]}, "attributes": [{"taxonomy_term": {"code": "voedsel", "name": "", "taxonomy": "zeker-behoeften"}},
				{"value": "uitvoeren", "taxonomy_term": {"code": "GM0175/kindregelingen", "name": "", "taxonomy": "zeker-regelingen"}}]}]}`,
				"services[0], organization.contacts: Contactpersonen zijn persoonsgegevens"},
			{"json", `{"services": [{"name": "A", "status": "active", "assured_date": "2026-01-01", "bron": "x", "organization": {"name": "O", "description": ""},
				"attributes": [{"value": "uitvoeren", "taxonomy_term": {"code": "GM0175/kindregelingen", "name": "", "taxonomy": "zeker-regelingen"}}]}]}`,
				"de regeling ‘kindregelingen’ is van GM0175"},
			{"json", "{\n  \"services\": [\n    {\"name\": \"A\", \"status\": \"active\", \"assured_date\": \"2026-01-01\", \"bron\": \"x\",\n     \"organization\": {\"name\": \"O\", \"description\": \"\"}},\n" +
				"    {\"name\": \"B\", \"status\": \"active\", \"assured_date\": \"2026-13-01\", \"bron\": \"x\",\n     \"organization\": {\"name\": \"O\", \"description\": \"\"}}\n  ]\n}",
				"regel 5, services[1], assured_date"},
			{"xml", "<x/>", "kies csv of json"},
		} {
			_, err := importeer(t, o, "GM1969", tt.formaat, tt.data, nil)
			if err == nil || !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(tt.want)) || !errors.Is(err, errs.Invalid) {
				t.Errorf("%s %q: %v, want %q", tt.formaat, kortTekst(tt.data), err, tt.want)
			}
		}

		// A service offered where the importer may not manage partners is not changed.
		if _, err := importeer(t, o, "GM1969", "csv", kaartCSV, nil); err != nil {
			t.Fatal(err)
		}
		d := eersteDienst(t, o, "GM1969", "Thuisadministratie")
		p, _ := o.ps.Haal(t.Context(), d.PartnerID)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		if err := o.ps.MaakLid(ctx, p.ID, "GM0175", partnerDag(-30), partnerDag(0).AddDate(1, 0, 0), 0); err != nil {
			t.Fatal(err)
		}
		d.Gemeenten = append(d.Gemeenten, "GM0175")
		if _, err := o.net.WijzigDienst(ctx, d); err != nil {
			t.Fatal(err)
		}
		_, err = importeer(t, o, "GM1969", "csv", kaartCSV, func(gm string) bool { return gm == "GM1969" })
		if err == nil || !strings.Contains(err.Error(), "regel 4, kolom dienst: Deze dienst wordt ook aangeboden in GM0175") {
			t.Errorf("a service of another gemeente changed by an import: %v", err)
		}
	})
}

func kortTekst(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func eersteDienst(t *testing.T, o *omgeving, gm, naam string) netwerk.Dienst {
	t.Helper()
	ds, err := o.net.DienstenIn(t.Context(), gm)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.Naam == naam {
			return d
		}
	}
	t.Fatalf("no service %q in %s", naam, gm)
	return netwerk.Dienst{}
}

// TestImportJSONRondje exports a kaart as HSDS JSON and imports it into an empty database: the same
// partners, services, locations, opening hours and regelingen, with the same ids.
func TestImportJSONRondje(t *testing.T) {
	cat := catalogus(t)
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		bron := nieuw(t, db, cat)
		if _, err := importeer(t, bron, "GM1969", "csv", kaartCSV, nil); err != nil {
			t.Fatal(err)
		}
		k, err := bron.net.Kaart(t.Context(), "GM1969")
		if err != nil {
			t.Fatal(err)
		}
		data, err := json.Marshal(bron.net.HSDS(k, "Westerkwartier", "2026-01-15T10:00:00Z"))
		if err != nil {
			t.Fatal(err)
		}
		doel := nieuw(t, storetest.Open(t, db.Dialect()), cat)
		res, err := importeer(t, doel, "GM1969", "json", string(data), nil)
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		if res.NieuwePartners != 2 || res.NieuweDiensten != 2 || res.NieuweLocaties != 2 {
			t.Errorf("result %+v", res)
		}
		k2, err := doel.net.Kaart(t.Context(), "GM1969")
		if err != nil {
			t.Fatal(err)
		}
		again, _ := json.Marshal(doel.net.HSDS(k2, "Westerkwartier", "2026-01-15T10:00:00Z"))
		if !bytes.Equal(data, again) {
			t.Errorf("the imported kaart exports differently:\n%s\n%s", data, again)
		}
	})
}

func partnerDag(dagen int) time.Time { return partner.Vandaag(nu).AddDate(0, 0, dagen) }
