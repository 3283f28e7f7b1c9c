package checkweb

import (
	"bytes"
	"encoding/csv"
	"github.com/zeker-platform/zeker/internal/datum"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/monitor"
)

var armoedevalLinkRe = regexp.MustCompile(`id="armoedeval-link" href="([^"]+)"`)

// naarArmoedeval completes the check (webtest.Check.NaarResultaat: a single adult born 1 March 1985 on
// bijstand, € 200 savings, renting at € 650) and follows the result page's link to the armoedeval.
func naarArmoedeval(t *testing.T, s *testSrv, lang string) *flow {
	t.Helper()
	f := &flow{T: t, H: s.Handler(), Taal: lang}
	f.NaarResultaat("GM0175")
	f.Get(f.Resultaat)
	m := armoedevalLinkRe.FindStringSubmatch(f.Body)
	if m == nil {
		t.Fatalf("%s: the result page has no link to the armoedeval", lang)
	}
	f.Get(html.UnescapeString(m[1]))
	if f.Status != http.StatusOK {
		t.Fatalf("%s: armoedeval status %d", lang, f.Status)
	}
	return f
}

// inwonerCurve is the curve of the household of naarArmoedeval, built by hand and computed by
// monitor.Armoedeval: what the page must show (one code path with the CLI and the policy page).
func inwonerCurve(t *testing.T, s *testSrv) *monitor.Curve {
	t.Helper()
	peil := truncDag(testNu)
	geb, _ := datum.Parse("1985-03-01")
	verm, huur := geld.Euro(200), geld.Euro(650)
	sinds := datum.Van(peil.AddDate(-4, 0, 0), nil)
	h := &huishouden.Huishouden{Gemeente: "GM0175", Vermogen: &verm, Wonen: huishouden.Wonen{Soort: huishouden.Huur, HuurPerMaand: &huur},
		Ontvangt: []huishouden.Ontvangst{{Regeling: "bijstand", Sinds: &sinds}}, LaagInkomenSinds: &sinds,
		Personen: []huishouden.Persoon{{Rol: huishouden.Aanvrager, Geboortedatum: &geb, Student: new(bool), Schuldsanering: new(bool),
			Inkomens: []huishouden.Inkomen{{Soort: huishouden.Bijstand, BedragPerMaand: geld.Euro(1300)}}}}}
	typ, tekort := monitor.TypeVan(h, peil, s.cat.Params())
	if len(tekort) > 0 {
		t.Fatalf("tekort %v", tekort)
	}
	pk, err := s.cat.Pakket("GM0175", peil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := monitor.Armoedeval(pk, s.cat.Params(), monitor.ArmoedevalOpties{Type: typ, Datum: peil})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestArmoedevalInwoner: the result page links the resident's armoedeval; the page shows this
// household's curve (the same as monitor.Armoedeval on the same facts), as an SVG with a data table,
// each cliff in a plain sentence with the loss and the hours to earn it back, what is not counted, and
// a CSV with every point.
func TestArmoedevalInwoner(t *testing.T) {
	s := testServer(t, testConfig{})
	want := inwonerCurve(t, s)
	if len(want.Kliffen) == 0 {
		t.Fatal("the test household has no cliff: choose another")
	}
	f := naarArmoedeval(t, s, "")
	body := html.UnescapeString(f.Body)
	if f.H1() != "Wat houdt u over als u meer gaat verdienen?" {
		t.Errorf("h1 %q", f.H1())
	}
	k := want.Kliffen[0]
	zin := "Klif 1: als u " + k.Bruto.Kort() + " bruto per maand of meer verdient, stopt " + k.Naam + ". U verliest dan " + k.Verlies.Kort() + " per maand."
	for _, w := range []string{zin, "Om weer evenveel te hebben, moet u " + k.TerugBruto.Kort() + " bruto per maand meer verdienen.",
		`role="img"`, "<title", "<desc", `id="curve-tabel"`, "<caption", "Loon na belasting", "Bijstand (tot de norm)",
		"Niet meegeteld", "Wij rekenen met het minimumloon van € 14,71 per uur.", "/check/armoedeval.csv?t=", `id="terug-resultaat"`} {
		if !strings.Contains(body, w) {
			t.Errorf("page misses %q", w)
		}
	}
	// The table's first and last rows are the curve's.
	for _, p := range []monitor.Punt{want.Punten[0], want.Punten[len(want.Punten)-1]} {
		if !strings.Contains(body, `<th scope="row" class="utrecht-table__header-cell">`+p.Bruto.Kort()+"</th>") || !strings.Contains(body, p.Besteedbaar.Kort()) {
			t.Errorf("table misses the point %s → %s", p.Bruto, p.Besteedbaar)
		}
	}
	if strings.Contains(body, "[armoedeval.") {
		t.Error("a catalogue key is missing")
	}

	// The CSV is the whole curve, as `zeker armoedeval --csv` writes it.
	m := regexp.MustCompile(`href="(/check/armoedeval\.csv\?[^"]+)"`).FindStringSubmatch(f.Body)
	if m == nil {
		t.Fatal("no CSV link")
	}
	f.Get(html.UnescapeString(m[1]))
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	if err := monitor.SchrijfCSV(cw, want); err != nil {
		t.Fatal(err)
	}
	cw.Flush()
	if f.Status != http.StatusOK || f.Body != buf.String() {
		t.Errorf("CSV (status %d) differs from monitor.SchrijfCSV: %.200q", f.Status, f.Body)
	}
}

// TestArmoedevalInwonerEngels: the page in English, from the catalogue, English amounts.
func TestArmoedevalInwonerEngels(t *testing.T) {
	s := testServer(t, testConfig{})
	f := naarArmoedeval(t, s, "en")
	body := html.UnescapeString(f.Body)
	for _, w := range []string{"How much do you keep if you earn more?", "Cliff 1: if you earn €", "You then lose €", "Wage after tax", "hours a week of extra work"} {
		if !strings.Contains(body, w) {
			t.Errorf("English page misses %q", w)
		}
	}
	for _, niet := range []string{"Klif 1", "Loon na belasting", "[armoedeval."} {
		if strings.Contains(body, niet) {
			t.Errorf("English page has %q", niet)
		}
	}
}

// TestArmoedevalInwonerTekort: without the rent ("ik weet het niet") there is no curve: the page says
// which answer is missing and links to the step that asks it; a partner with a wage is named as not
// modelled, without a link.
func TestArmoedevalInwonerTekort(t *testing.T) {
	s := testServer(t, testConfig{})
	f := naarWonen(t, s, "zelf", "200")
	if f.Stap() != "wonen" {
		t.Fatalf("stap %q", f.Stap())
	}
	f.Antwoord(url.Values{"wonen": {"huur"}, "huur-weet-niet": {"ja"}})
	for i := 0; f.Stap() != "" && i < 5; i++ {
		f.Antwoord(url.Values{"laag-jaren": {"4"}, "student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}})
	}
	m := armoedevalLinkRe.FindStringSubmatch(f.Body)
	if m == nil {
		t.Fatal("no armoedeval link")
	}
	f.Get(html.UnescapeString(m[1]))
	body := html.UnescapeString(f.Body)
	if !strings.Contains(body, "Hoeveel kale huur er per maand betaald wordt.") || strings.Contains(body, "<svg") || strings.Contains(body, "armoedeval.csv") {
		t.Fatalf("missing rent: page without the reason, or with a curve")
	}
	l := regexp.MustCompile(`id="armoedeval-tekort"[\s\S]*?href="(/check/stap\?[^"]+)"`).FindStringSubmatch(f.Body)
	if l == nil {
		t.Fatal("no link to the step")
	}
	f.Get(html.UnescapeString(l[1]))
	if f.Stap() != "wonen" {
		t.Errorf("the link opens step %q, want wonen", f.Stap())
	}
	// The CSV of a household without a curve sends the resident to the page.
	a := &Antwoorden{Versie: antwoordenVersie, Gemaakt: testNu.Unix(), Gemeente: "GM0175", Partner: true, Klaar: []string{stapHuishouden, stapLeeftijd, stapInkomen, stapVermogen, stapWonen},
		GebAanvrager: "1985-03-01", GebPartner: "1985-03-01", InkPartner: Ink{Regels: []InkRegel{{Soort: "loon", Cent: 90000}}}, Vermogen: new(int64), Wonen: "koop"}
	tk, err := s.token.seal(a)
	if err != nil {
		t.Fatal(err)
	}
	f.Get("/check/armoedeval?t=" + url.QueryEscape(tk))
	body = html.UnescapeString(f.Body)
	if !strings.Contains(body, "De partner heeft ook een inkomen.") || strings.Contains(body, "<svg") || strings.Contains(body, "Deze vraag beantwoorden") {
		t.Errorf("partner with a wage: %v / %v", strings.Contains(body, "De partner heeft ook een inkomen."), strings.Contains(body, "<svg"))
	}
	f.Get("/check/armoedeval.csv?t=" + url.QueryEscape(tk))
	if f.Status != http.StatusSeeOther || !strings.HasPrefix(f.Loc, "/check/armoedeval?") {
		t.Errorf("CSV without a curve: %d %q", f.Status, f.Loc)
	}
	// A damaged code is the check's "De code klopt niet", never a 500.
	f.Get("/check/armoedeval?t=kapot")
	if f.Status != http.StatusBadRequest {
		t.Errorf("damaged code: %d", f.Status)
	}
}

// TestUurloonVoor: after 1 July 2026 the reference has no verified hourly wage; the resident's curve
// uses the one of 1 January 2026 and says so.
func TestUurloonVoor(t *testing.T) {
	s := testServer(t, testConfig{})
	d := truncDag(testNu).AddDate(0, 9, 0) // 2026-10-15
	uur, vanaf := uurloonVoor(s.cat.Params(), d)
	if uur != geld.MustParse("14.71") || vanaf.Format("2006-01-02") != "2026-01-01" {
		t.Errorf("%s from %s", uur, vanaf)
	}
	*s.klok = d
	f := naarArmoedeval(t, s, "")
	if !strings.Contains(html.UnescapeString(f.Body), "Daarom rekenen wij met het minimumloon van 1-1-2026: € 14,71 per uur.") {
		t.Error("the page does not say which hourly wage it used")
	}
}

// TestArmoedevalInwonerElkeGemeente: the resident's armoedeval works in every gemeente of the check.
func TestArmoedevalInwonerElkeGemeente(t *testing.T) {
	s := testServer(t, testConfig{})
	for _, gm := range []string{"GM0147", "GM0175", "GM1681", "GM1969"} {
		f := &flow{T: t, H: s.Handler()}
		f.NaarResultaat(gm)
		f.Get(f.Resultaat)
		m := armoedevalLinkRe.FindStringSubmatch(f.Body)
		if m == nil {
			t.Fatalf("%s: no link", gm)
		}
		f.Get(html.UnescapeString(m[1]))
		if f.Status != http.StatusOK || !strings.Contains(f.Body, `id="curve-tabel"`) || !strings.Contains(f.Body, `role="img"`) {
			t.Errorf("%s: status %d, no curve", gm, f.Status)
		}
	}
}

// TestArmoedevalIntermediair: in intermediary mode the page speaks of "uw cliënt".
func TestArmoedevalIntermediair(t *testing.T) {
	s := testServer(t, testConfig{})
	f := &flow{T: t, H: s.Handler()}
	f.Post("/check/start", url.Values{"gemeente": {"GM0175"}, "voor": {"ander"}})
	for i := 0; i < 10 && f.Stap() != ""; i++ {
		f.Antwoord(url.Values{"partner": {"nee"}, "kinderen": {"0"}, "medebewoners": {"0"}, "a-dag": {"1"}, "a-maand": {"3"}, "a-jaar": {"1985"},
			"a-soort-1": {"bijstand"}, "a-bedrag-1": {"1300"}, "vermogen": {"200"}, "wonen": {"huur"}, "huur": {"650"},
			"ontvangt": {"bijstand"}, "laag-jaren": {"4"}, "student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}})
	}
	m := armoedevalLinkRe.FindStringSubmatch(f.Body)
	if m == nil {
		t.Fatal("no link")
	}
	f.Get(html.UnescapeString(m[1]))
	body := html.UnescapeString(f.Body)
	for _, w := range []string{"Wat houdt uw cliënt over", "Klif 1: als uw cliënt", "Uw cliënt verliest dan"} {
		if !strings.Contains(body, w) {
			t.Errorf("intermediary page misses %q", w)
		}
	}
}
