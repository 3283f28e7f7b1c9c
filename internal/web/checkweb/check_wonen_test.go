package checkweb

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/web"
)

// naarWonen answers the fixed steps (single, 40, the given income) and vermogen when asked.
func naarWonen(t *testing.T, s *testSrv, voor, vermogen string) *flow {
	t.Helper()
	return naarWonenIn(t, s, "GM0175", voor, vermogen)
}

// naarWonenIn is naarWonen in gemeente gm.
func naarWonenIn(t *testing.T, s *testSrv, gm, voor, vermogen string) *flow {
	t.Helper()
	f := &flow{T: t, H: s.Handler()}
	f.Post("/check/start", url.Values{"gemeente": {gm}, "voor": {voor}})
	f.Antwoord(url.Values{"partner": {"nee"}, "kinderen": {"0"}, "medebewoners": {"0"}})
	f.Antwoord(url.Values{"a-dag": {"1"}, "a-maand": {"3"}, "a-jaar": {"1985"}})
	f.Antwoord(url.Values{"a-soort-1": {"bijstand"}, "a-bedrag-1": {"1300"}})
	if f.Stap() == "vermogen" {
		f.Antwoord(url.Values{"vermogen": {vermogen}})
	}
	return f
}

func TestWonenGevraagd(t *testing.T) {
	s := testServer(t, testConfig{})
	f := naarWonen(t, s, "zelf", "200")
	if f.Stap() != "wonen" {
		t.Fatalf("stap %q, want wonen", f.Stap())
	}
	body := html.UnescapeString(f.Body)
	for _, want := range []string{"Hoe woont u?", "Huurt u uw woning?", "Ja, ik huur mijn woning", "Nee, ik heb een koopwoning", "Ik woon in bij iemand anders", "Ik weet het niet",
		"Hoeveel kale huur betaalt u per maand?", "Kale huur is de huur zonder servicekosten, energie en water.", `name="huur-weet-niet"`} {
		if !strings.Contains(body, want) {
			t.Errorf("wonen step misses %q", want)
		}
	}
	// Assets above the huurtoeslag limit settle the indication: no wonen step (in Westerkwartier, which
	// has no kwijtschelding regeling: elsewhere rent and premium can settle kwijtschelding's asset test,
	// TestZorgpremieStap).
	f = naarWonenIn(t, s, "GM1969", "zelf", "50000")
	if f.Stap() == "wonen" {
		t.Error("wonen asked although assets above the huurtoeslag limit settle it")
	}
	for f.Stap() != "" && f.Resultaat == "" {
		if f.Stap() == "wonen" {
			t.Fatal("wonen asked later")
		}
		f.Antwoord(url.Values{"laag-jaren": {"4"}, "student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}})
	}
}

func TestWonenIntermediair(t *testing.T) {
	s := testServer(t, testConfig{})
	f := naarWonen(t, s, "ander", "200")
	if f.Stap() != "wonen" {
		t.Fatalf("stap %q", f.Stap())
	}
	body := html.UnescapeString(f.Body)
	for _, want := range []string{"Hoe woont uw cliënt?", "Huurt uw cliënt de woning?", "Ja, mijn cliënt huurt de woning", "Hoeveel kale huur betaalt uw cliënt per maand?"} {
		if !strings.Contains(body, want) {
			t.Errorf("intermediary wonen step misses %q", want)
		}
	}
}

func TestWonenFouten(t *testing.T) {
	s := testServer(t, testConfig{})
	tests := []struct {
		naam string
		form url.Values
		veld string
		want string
	}{
		{"niets gekozen", url.Values{}, "wonen-huur", "Kies of u huurt, een koopwoning hebt of inwoont."},
		{"onzin", url.Values{"wonen": {"kasteel"}}, "wonen-huur", "Kies of u huurt"},
		{"huur leeg", url.Values{"wonen": {"huur"}, "huur": {"  "}}, "huur", "Vul de kale huur per maand in"},
		{"letters", url.Values{"wonen": {"huur"}, "huur": {"zeshonderd"}}, "huur", "Vul een bedrag in met alleen cijfers"},
		{"negatief", url.Values{"wonen": {"huur"}, "huur": {"-650"}}, "huur", "zonder min-teken"},
		{"absurd", url.Values{"wonen": {"huur"}, "huur": {"99999999999999999999"}}, "huur", "Vul een bedrag in"},
		{"komma's", url.Values{"wonen": {"huur"}, "huur": {"6,5,0"}}, "huur", "Vul een bedrag in met alleen cijfers"},
		{"te hoog", url.Values{"wonen": {"huur"}, "huur": {"20000,01"}}, "huur", "Vul een bedrag in tot € 20.000"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			f := naarWonen(t, s, "zelf", "200")
			f.Antwoord(tt.form)
			if f.Status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", f.Status)
			}
			body := html.UnescapeString(f.Body)
			if !strings.Contains(body, tt.want) {
				t.Errorf("page misses %q", tt.want)
			}
			if !strings.Contains(body, `href="#`+tt.veld+`"`) {
				t.Errorf("error summary does not link to #%s", tt.veld)
			}
			if !strings.Contains(body, `id="`+tt.veld+`"`) || !strings.Contains(body, "utrecht-form-field-error-message") {
				t.Errorf("no error at field %s", tt.veld)
			}
			if f.Stap() != "wonen" {
				t.Errorf("stap %q, want wonen again", f.Stap())
			}
		})
	}
	// Choosing "koop" ignores a rent typed in the same form (without JavaScript both are shown).
	f := naarWonen(t, s, "zelf", "200")
	f.Antwoord(url.Values{"wonen": {"koop"}, "huur": {"abc"}})
	if f.Status == http.StatusUnprocessableEntity {
		t.Errorf("koop with nonsense rent: %d", f.Status)
	}
}

// TestWonenTerugEnToken: the answer survives the token (resume link) and the back button.
func TestWonenTerugEnToken(t *testing.T) {
	s := testServer(t, testConfig{})
	f := naarWonen(t, s, "zelf", "200")
	if f.Stap() != "wonen" {
		t.Fatalf("stap %q, want wonen", f.Stap())
	}
	f.Antwoord(url.Values{"wonen": {"huur"}, "huur": {"650,50"}})
	if f.Resultaat == "" {
		t.Fatalf("no result after wonen (stap %q)", f.Stap())
	}
	u, _ := url.Parse(f.Resultaat)
	a, err := s.leesToken(t.Context(), u.Query().Get("t"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Wonen != "huur" || a.Huur == nil || *a.Huur != 65050 || !a.beantwoord(stapWonen) {
		t.Fatalf("token: wonen %q huur %v klaar %v", a.Wonen, a.Huur, a.Klaar)
	}
	// Back from a later step: the wonen step shows the answers again.
	a.Huidig = stapOntvangt
	tok, err := s.token.seal(a)
	if err != nil {
		t.Fatal(err)
	}
	f.Post("/check/stap", url.Values{"t": {tok}, "actie": {"terug"}})
	if f.Stap() != "wonen" {
		t.Fatalf("back: stap %q", f.Stap())
	}
	for _, want := range []string{`value="huur" checked`, `name="huur" value="650,50"`} {
		if !strings.Contains(f.Body, want) {
			t.Errorf("back: page misses %q", want)
		}
	}
	// Resume link of the wonen step.
	f.Get("/check/stap?" + url.Values{"t": {f.Token()}}.Encode())
	if !strings.Contains(f.Body, `name="huur" value="650,50"`) {
		t.Error("resume: rent not filled in")
	}
	// "Ik weet het niet" for the rent comes back ticked.
	f.Antwoord(url.Values{"wonen": {"huur"}, "huur-weet-niet": {"ja"}})
	u, _ = url.Parse(f.Resultaat)
	a, err = s.leesToken(t.Context(), u.Query().Get("t"))
	if err != nil || a.Wonen != "huur" || a.Huur != nil {
		t.Fatalf("weet niet: %v %+v", err, a)
	}
	a.Huidig = stapOntvangt
	tok, _ = s.token.seal(a)
	f.Post("/check/stap", url.Values{"t": {tok}, "actie": {"terug"}})
	if !strings.Contains(f.Body, `id="huur-weet-niet" name="huur-weet-niet" value="ja" checked`) {
		t.Error("back: huur-weet-niet not ticked")
	}
}

func TestLandelijkeUitkomsten(t *testing.T) {
	s := testServer(t, testConfig{})
	nl := s.kit.Talen().Taal("nl", false)
	en := s.kit.Talen().Taal("en", true)
	huur := int64(65000)
	nul := int64(0)
	basis := Antwoorden{Gemeente: "GM0175", GebAanvrager: "1985-03-01", InkAanvrager: Ink{Regels: []InkRegel{{"bijstand", 130000}}}, Vermogen: &nul}
	basis.Klaar = []string{stapHuishouden, stapLeeftijd, stapInkomen, stapVermogen, stapWonen}
	tests := []struct {
		naam    string
		wonen   string
		huur    *int64
		l       *web.Taal
		oordeel regels.Oordeel
		regels  []antwoordRegel
	}{
		{"huurder", "huur", &huur, nl, regels.Recht, []antwoordRegel{{"Wonen", "Huurwoning"}, {"Kale huur per maand", "€ 650"}}},
		{"koop", "koop", nil, nl, regels.GeenRecht, []antwoordRegel{{"Wonen", "Koopwoning"}}},
		{"inwonend", "inwonend", nil, nl, regels.GeenRecht, []antwoordRegel{{"Wonen", "Woont in bij iemand anders"}}},
		{"weet niet", "weet_niet", nil, nl, regels.Onzeker, []antwoordRegel{{"Wonen", "Ik weet het niet"}}},
		{"huur onbekend, engels", "huur", nil, en, regels.Onzeker, []antwoordRegel{{"Housing", "Rented home"}, {"Basic rent a month", "I don't know"}}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			a := basis
			a.Wonen, a.Huur, a.Ander = tt.wonen, tt.huur, tt.l.Ander
			us := huurtoeslagVan(s.landelijkeUitkomsten(&a, tt.l))
			if len(us) != 1 {
				t.Fatalf("no huurtoeslag among the national regelingen")
			}
			if us[0].Oordeel != tt.oordeel {
				t.Errorf("oordeel %s, want %s", us[0].Oordeel, tt.oordeel)
			}
			if tt.l.Code == "en" && !strings.Contains(us[0].Criteria[0].Tekst, "Your client") {
				t.Errorf("english intermediary text: %q", us[0].Criteria[0].Tekst)
			}
			got := woonAntwoorden(&a, tt.l)
			if len(got) != len(tt.regels) {
				t.Fatalf("woonAntwoorden %v, want %v", got, tt.regels)
			}
			for i := range got {
				if got[i] != tt.regels[i] {
					t.Errorf("regel %d: %v, want %v", i, got[i], tt.regels[i])
				}
			}
		})
	}
	// Not answered: no lines; the indication then asks for wonen.
	a := basis
	a.Klaar = a.Klaar[:4]
	if got := woonAntwoorden(&a, nl); got != nil {
		t.Errorf("unanswered: %v", got)
	}
	if us := huurtoeslagVan(s.landelijkeUitkomsten(&a, nl)); len(us) != 1 || len(us[0].Vragen) == 0 || us[0].Vragen[0] != regels.VraagWonen {
		t.Errorf("unanswered: huurtoeslag %+v", us)
	}
}

// huurtoeslagVan picks the huurtoeslag out of the national regelingen.
func huurtoeslagVan(us []regels.Uitkomst) []regels.Uitkomst {
	for _, u := range us {
		if u.ID == "huurtoeslag" {
			return []regels.Uitkomst{u}
		}
	}
	return nil
}
