package netwerkweb_test

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// vulKaart puts three services of two partners on eigen's kaart, one of them stale and one defunct.
func (o *omgeving) vulKaart(t *testing.T) {
	t.Helper()
	c := ctx(t)
	p := o.Partner("Voedselbank Voorbeeld", eigen)
	q := o.Partner("Geldmaatje Voorbeeld", eigen)
	l, err := o.net.MaakLocatie(c, eigen, netwerk.Locatie{PartnerID: p, Naam: "Uitgifte", Adres: partner.Adres{Straat: "Voorbeeldweg",
		Huisnummer: "4", Postcode: "9999 ZX", Plaats: "Exloo"}, Toegankelijkheid: "Ingang zonder drempel", Bron: "x"})
	if err != nil {
		t.Fatal(err)
	}
	open, _ := netwerk.ParseOpeningstijden("vr 13:00-15:00")
	vandaag := partner.Vandaag(webtest.Nu)
	for _, d := range []netwerk.Dienst{
		{PartnerID: p, Naam: "Voedselpakket", Behoeften: []netwerk.Behoefte{netwerk.Voedsel}, VoorWie: "Huishoudens met weinig geld.",
			MinLeeftijd: leeftijd(18), Kosten: "Gratis", Bron: "Website van de voedselbank", GecontroleerdOp: vandaag.AddDate(0, -1, 0),
			Locaties: []netwerk.DienstLocatie{{LocatieID: l.ID, Openingstijden: open}}},
		{PartnerID: q, Naam: "Thuisadministratie", Behoeften: []netwerk.Behoefte{netwerk.Budgetcoaching, netwerk.Schuldhulp},
			Aanmelden: "Bel of mail.", Email: "hulp@geldmaatje.voorbeeld.example", Website: "https://geldmaatje.voorbeeld.example",
			Regelingen: []netwerk.RegelingRol{{Gemeente: eigen, Regeling: "maatwerkbudget_noodfonds", Rol: netwerk.Aanvragen}},
			Bron:       "Jaarverslag", GecontroleerdOp: vandaag.AddDate(-2, 0, 0)},
		{PartnerID: q, Naam: "Oude dienst", Behoeften: []netwerk.Behoefte{netwerk.Taal}, Status: netwerk.Opgeheven, Bron: "x", GecontroleerdOp: vandaag},
	} {
		d.Gemeenten = []string{eigen}
		if _, err := o.net.MaakDienst(c, d); err != nil {
			t.Fatal(err)
		}
	}
}

func leeftijd(n int) *int { return &n }

func TestSocialeKaart(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		pad := web.SocialeKaartURL(eigen, "")
		webtest.Bevat(t, o.get(t, pad, "", 200), "Er staan nog geen organisaties op de kaart van Borger-Odoorn")
		o.vulKaart(t)

		a := o.get(t, pad, "", 200)
		webtest.Bevat(t, a, "<h1 class=\"utrecht-heading-1\">Hulp in de buurt in Borger-Odoorn</h1>", "2 diensten gevonden", "Voedselpakket",
			"Door Voedselbank Voorbeeld", "Voorbeeldweg 4, 9999 ZX Exloo", "vrijdag: 13:00–15:00", "Vanaf 18 jaar.", "Ingang zonder drempel",
			"Maatwerkbudget en noodfonds: deze organisatie helpt u die aan te vragen.", "Misschien verouderd: deze gegevens zijn gecontroleerd op 15 januari 2024",
			`href="mailto:hulp@geldmaatje.voorbeeld.example"`, "Geen vaste plek", `<option value="Exloo">Exloo</option>`, "Eten (1)",
			"Bron: Website van de voedselbank. Gecontroleerd op 15 december 2025.", `lang="nl"`, "Contact met de gemeente Borger-Odoorn")
		if strings.Contains(a.Body, "Oude dienst") {
			t.Error("a defunct service is on the public kaart")
		}
		// Filters: need, village (a service without a building is found everywhere), words; in English.
		webtest.Bevat(t, o.get(t, pad+"?behoefte=voedsel", "", 200), "1 dienst gevonden", "Voedselpakket", "Alles tonen")
		a = o.get(t, pad+"?dorp=Borger", "", 200)
		webtest.Bevat(t, a, "1 dienst gevonden", "Thuisadministratie", `<option value="Borger" selected>Borger</option>`)
		webtest.Bevat(t, o.get(t, pad+"?zoek=fiets", "", 200), "Niets gevonden.")
		a = o.get(t, web.SocialeKaartURL(eigen, "en")+"&behoefte=schuldhulp", "", 200)
		webtest.Bevat(t, a, `lang="en"`, "Help nearby in Borger-Odoorn", "1 service found", "Debts", "this organisation helps you apply for it",
			"Perhaps out of date: this information was checked on 15 January 2024", `<input type="hidden" name="lang" value="en">`)
		// Bad input: a clear error, never a silent filter.
		a = o.get(t, pad+"?behoefte=geld", "", http.StatusBadRequest)
		webtest.Bevat(t, a, "Kies een onderwerp uit de lijst.", `href="#behoefte"`, "<title>Fout:")
		webtest.Bevat(t, o.get(t, pad+"?zoek="+strings.Repeat("a", 101), "", http.StatusBadRequest), "Gebruik hoogstens 100 tekens.")
		for _, p := range []string{"/sociale-kaart/GM9999", "/sociale-kaart/onzin", "/sociale-kaart/GM9999/open-data.json"} {
			o.get(t, p, "", http.StatusNotFound)
		}
		webtest.Bevat(t, o.get(t, "/sociale-kaart/", "", 200), `href="/sociale-kaart/GM0175"`, "Ommen", "Kies uw gemeente.")
		webtest.Bevat(t, o.get(t, "/sociale-kaart/?lang=en", "", 200), `href="/sociale-kaart/GM0147?lang=en"`)

		// Open data: HSDS-shaped JSON with snake_case keys, and the CSV of the import.
		a = o.get(t, "/sociale-kaart/"+eigen+"/open-data.json", "", 200)
		if ct := a.Hdr.Get("Content-Type"); ct != "application/json; charset=utf-8" || a.Hdr.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("JSON headers %v", a.Hdr)
		}
		var doc netwerk.HSDSDocument
		if err := json.Unmarshal([]byte(a.Body), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.HSDSVersie != "3.0" || doc.Gemeente.Code != eigen || len(doc.Services) != 2 || doc.Services[1].Organization.Name != "Voedselbank Voorbeeld" ||
			doc.Services[1].ServiceAtLocations[0].Schedules[0].Byday != "FR" || !*doc.Services[0].Verouderd {
			t.Errorf("JSON export %+v", doc)
		}
		var ruw any
		json.Unmarshal([]byte(a.Body), &ruw)
		snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
		var loop func(v any, pad string)
		loop = func(v any, pad string) {
			switch x := v.(type) {
			case map[string]any:
				for k, w := range x {
					if !snake.MatchString(k) {
						t.Errorf("key %s.%s is not lower snake_case", pad, k)
					}
					loop(w, pad+"."+k)
				}
			case []any:
				for _, w := range x {
					loop(w, pad+"[]")
				}
			}
		}
		loop(ruw, "")
		a = o.get(t, "/sociale-kaart/"+eigen+"/open-data.csv", "", 200)
		rijen, err := csv.NewReader(strings.NewReader(a.Body)).ReadAll()
		if err != nil || len(rijen) != 3 || strings.Join(rijen[0], ",") != strings.Join(netwerk.CSVKolommen, ",") {
			t.Errorf("CSV export %v %v", rijen, err)
		}
	})
}

// TestKaartTeksten: every catalogue key the part's templates and Go code use exists in Dutch and in
// English (the kit's TestBerichtenCompleet keeps the two files equal).
func TestKaartTeksten(t *testing.T) {
	b, err := web.LaadBerichten()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	re := regexp.MustCompile(`\.T "([a-z0-9_.]+)"|\bT\("([a-z0-9_.]+)"`)
	files, _ := filepath.Glob("templates/inwoner/*.html")
	gos, _ := filepath.Glob("*.go")
	for _, f := range append(files, gos...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			for _, g := range m[1:] {
				if g != "" && !strings.HasSuffix(g, ".") {
					used[g] = true
				}
			}
		}
	}
	for _, x := range netwerk.Behoeften {
		used["behoefte."+string(x)] = true
	}
	for i := 1; i <= 12; i++ {
		used["maand."+itoa(i)] = true
		if i <= 7 {
			used["dag."+itoa(i)] = true
		}
	}
	used["kaart.link"] = true // for the check's result page
	if len(used) < 60 {
		t.Fatalf("only %d keys found; the scan is broken", len(used))
	}
	for k := range used {
		for _, lang := range []string{"nl", "en"} {
			if _, ok := b.Tekst(lang, k); !ok {
				t.Errorf("%s.json lacks %q", lang, k)
			}
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
