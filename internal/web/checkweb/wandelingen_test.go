package checkweb

import (
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/regels"
)

// The 16 walks of issue 15 (docs/wandelingen.md): four households in each of the four gemeenten, on
// 1 December 2026, answered through the pages the way a resident without JavaScript does. Each
// household answers only the steps the check asks, with what the walk says; a step the walk says it
// must not be asked fails the test.

// wandelingDatum is the walks' reference date (the scenario files' datum).
var wandelingDatum = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

var wandelingGemeenten = []string{"GM1681", "GM1969", "GM0175", "GM0147"}

type wandeling struct {
	naam string
	// antwoorden per step; a step without answers must not be asked.
	antwoorden map[string]url.Values
	// nietGevraagd are form fields that must not be on any page of the walk (questions that cannot
	// matter for this household).
	nietGevraagd []string
	// anders are outcomes (gemeente → regeling → oordeel) where the check differs from the scenario
	// file because it asked a question the scenario leaves unanswered.
	anders map[string]map[string]string
}

var wandelingen = []wandeling{
	{naam: "1 alleenstaande op bijstand", antwoorden: map[string]url.Values{
		stapHuishouden: {"partner": {"nee"}, "kinderen": {"0"}, "medebewoners": {"0"}},
		stapLeeftijd:   {"a-dag": {"15"}, "a-maand": {"6"}, "a-jaar": {"1979"}},
		stapInkomen:    {"basis": {"netto"}, "a-soort-1": {"bijstand"}, "a-bedrag-1": {"1348"}},
		stapVermogen:   {"vermogen": {"300"}},
		stapWonen:      {"wonen": {"huur"}, "huur": {"600"}},
		stapOntvangt:   {"ontvangt": {"bijstand"}, "laag-jaren": {"6"}},
		stapSituatie:   {"student-vraag": {"1"}, "student": {"nee"}, "schuld-vraag": {"1"}, "schuld": {"nee"}},
	}, nietGevraagd: []string{`name="kind-1"`, `id="ontvangt-kindpakket"`, `id="ontvangt-jeugdfonds_sport_cultuur"`, `id="ontvangt-kindregelingen"`}},
	{naam: "2 werkend gezin", antwoorden: map[string]url.Values{
		stapHuishouden: {"partner": {"ja"}, "kinderen": {"2"}, "medebewoners": {"0"}},
		stapLeeftijd:   {"a-dag": {"10"}, "a-maand": {"3"}, "a-jaar": {"1988"}, "p-dag": {"22"}, "p-maand": {"9"}, "p-jaar": {"1990"}, "kind-1": {"8"}, "kind-2": {"14"}},
		stapInkomen:    {"basis": {"netto"}, "a-soort-1": {"loon"}, "a-bedrag-1": {"1600"}, "p-soort-1": {"loon"}, "p-bedrag-1": {"730"}},
		stapVermogen:   {"vermogen": {"1500"}},
		stapWonen:      {"wonen": {"huur"}, "huur": {"780"}},
		stapOntvangt:   {"laag-weet-niet": {"ja"}},
		stapSituatie:   {"student-vraag": {"1"}, "student": {"nee"}, "schuld-vraag": {"1"}, "schuld": {"nee"}},
	}},
	{naam: "3 AOW-paar", antwoorden: map[string]url.Values{
		stapHuishouden: {"partner": {"ja"}, "kinderen": {"0"}, "medebewoners": {"0"}},
		stapLeeftijd:   {"a-dag": {"1"}, "a-maand": {"8"}, "a-jaar": {"1950"}, "p-dag": {"1"}, "p-maand": {"10"}, "p-jaar": {"1952"}},
		stapInkomen:    {"basis": {"netto"}, "a-soort-1": {"aow"}, "a-bedrag-1": {"1050"}, "a-soort-2": {"pensioen"}, "a-bedrag-2": {"150"}, "p-soort-1": {"aow"}, "p-bedrag-1": {"1050"}},
		stapVermogen:   {"vermogen": {"15000"}},
		stapWonen:      {"wonen": {"huur"}, "huur": {"700"}},
		// The household does not give its health premium: "Ik weet het niet".
		stapZorgpremie: {"zorgpremie-weet-niet": {"ja"}},
		stapOntvangt:   {"laag-weet-niet": {"ja"}},
		stapSituatie:   {"student-vraag": {"1"}, "student": {"nee"}, "schuld-vraag": {"1"}, "schuld": {"nee"}},
	}, nietGevraagd: []string{`name="kind-1"`, `id="ontvangt-kindpakket"`, `id="ontvangt-kindregelingen"`, `name="student"`}},
	// Borne's studietoeslag ends at the AOW age (art. 36b Pw), so this couple is not asked whether they study.
	{naam: "4 weet het niet", antwoorden: map[string]url.Values{
		stapHuishouden: {"partner": {"nee"}, "kinderen": {"1"}, "medebewoners": {"0"}},
		stapLeeftijd:   {"a-dag": {"14"}, "a-maand": {"2"}, "a-jaar": {"1995"}, "kind-1": {"5"}},
		stapInkomen:    {"basis": {"netto"}, "a-soort-1": {"weet_niet"}},
		stapVermogen:   {"vermogen-weet-niet": {"ja"}},
		stapWonen:      {"wonen": {"weet_niet"}},
		stapOntvangt:   {"laag-weet-niet": {"ja"}},
		stapSituatie:   {"student-vraag": {"1"}, "student": {"nee"}, "schuld-vraag": {"1"}, "schuld": {"weet_niet"}},
	}},
}

// loop walks w in gemeente gm in language taal (voor: "zelf" or "ander") up to the result page; it
// returns the flow on the result page and the steps asked, in order.
func (w wandeling) loop(t *testing.T, s *testSrv, gm, taal, voor string) (*flow, []string) {
	f, gevraagd, _, _ := w.loopMetVoortgang(t, s, gm, taal, voor)
	return f, gevraagd
}

var voortgangRe = regexp.MustCompile(`id="voortgang">([^<]*)`)

// loopMetVoortgang is loop that also returns the progress line of every step page and the fields
// sent (only those on the pages, as a browser does).
func (w wandeling) loopMetVoortgang(t *testing.T, s *testSrv, gm, taal, voor string) (*flow, []string, []string, url.Values) {
	t.Helper()
	*s.klok = wandelingDatum
	f := &flow{T: t, H: s.Handler(), Taal: taal}
	f.Post("/check/start", url.Values{"gemeente": {gm}, "voor": {voor}, "lang": {taal}})
	var gevraagd, voortgang []string
	verstuurd := url.Values{}
	for i := 0; f.Stap() != "" && i < 12; i++ {
		st := f.Stap()
		if m := voortgangRe.FindStringSubmatch(f.Body); m != nil {
			voortgang = append(voortgang, html.UnescapeString(m[1]))
		}
		for _, niet := range w.nietGevraagd {
			if strings.Contains(f.Body, niet) {
				t.Errorf("%s %s: step %s asks %s, which cannot matter for this household", gm, w.naam, st, niet)
			}
		}
		v, ok := w.antwoorden[st]
		if !ok {
			t.Fatalf("%s %s: step %s asked, the walk has no answer for it", gm, w.naam, st)
		}
		gevraagd = append(gevraagd, st)
		// As a browser does: only the fields on the page are sent.
		op := url.Values{}
		for k, vs := range v {
			if strings.Contains(f.Body, `name="`+k+`"`) {
				op[k] = append([]string(nil), vs...)
				verstuurd[k] = op[k]
			}
		}
		f.Antwoord(op)
		if f.Status == 422 {
			t.Fatalf("%s %s: step %s refused the answers", gm, w.naam, st)
		}
	}
	if f.Resultaat == "" {
		t.Fatalf("%s %s: no result page", gm, w.naam)
	}
	if dir := os.Getenv("ZEKER_WANDELINGEN"); dir != "" {
		naam := gm + "-" + strings.Fields(w.naam)[0] + "-" + taal + "-" + voor + ".html"
		os.WriteFile(filepath.Join(dir, naam), []byte(f.Body), 0o644)
	}
	return f, gevraagd, voortgang, verstuurd
}

var (
	tagRe       = regexp.MustCompile(`<[^>]*>`)
	overzichtRe = regexp.MustCompile(`(?s)<section[^>]*id="overzicht"[^>]*>.*?</section>`)
)

// woorden counts the whitespace-separated words of the text of an HTML fragment.
func woorden(fragment string) int {
	return len(strings.Fields(html.UnescapeString(tagRe.ReplaceAllString(fragment, " "))))
}

// TestWandelingen walks the four households in the four gemeenten, in Dutch and English, for the
// resident and for an intermediary, and checks the result page: the overview is one element of at
// most 150 words; every unknown fact links to its step; no fact the resident answered is called
// unknown; no known contradicting pair stands in one regeling.
func TestWandelingen(t *testing.T) {
	s := testServer(t, testConfig{})
	for _, gm := range wandelingGemeenten {
		for _, w := range wandelingen {
			for _, taal := range []string{"nl", "en"} {
				for _, voor := range []string{"zelf", "ander"} {
					f, gevraagd, _, verstuurd := w.loopMetVoortgang(t, s, gm, taal, voor)
					naam := gm + " " + w.naam + " " + taal + " " + voor
					m := overzichtRe.FindAllString(f.Body, -1)
					if len(m) != 1 {
						t.Errorf("%s: %d elements #overzicht, want 1", naam, len(m))
						continue
					}
					if n := woorden(m[0]); n > 150 {
						t.Errorf("%s: overview has %d words, want at most 150:\n%s", naam, n, html.UnescapeString(tagRe.ReplaceAllString(m[0], " ")))
					}
					controleerOnbekend(t, naam, f.Body, gevraagd, verstuurd)
					controleerTegenspraak(t, naam, f.Body)
					if taal == "nl" && voor == "zelf" {
						vergelijkWandeling(t, naam, uitkomstenOpPagina(f.Body), verwachteUitkomsten(t, gm, w))
					}
				}
			}
		}
	}
}

var (
	onbekendRe = regexp.MustCompile(`(?s)<span class="zeker-onbekend" data-stap="([a-z]+)">(.*?)</span>`)
	artikelRe  = regexp.MustCompile(`(?s)<article .*?</article>`)
)

// onbekendeFeiten are the engine's sentences that call a fact of the resident unknown (the keys
// *.onbekend of internal/regels/teksten, nl and en, resident and intermediary), per fact: the step that
// asks it and the form field that carries its answer.
var onbekendeFeiten = []struct {
	stap, veld string
	zinnen     []string
}{
	{stapLeeftijd, "a-jaar", []string{"Wij weten uw leeftijd niet", "Wij weten de leeftijd van uw cliënt niet", "We do not know your age", "We do not know your client's age"}},
	{stapInkomen, "a-soort-1", []string{"Wij weten uw inkomen per jaar vóór belasting niet", "Wij weten het inkomen van uw cliënt per jaar vóór belasting niet", "We do not know your yearly income before tax", "We do not know your client's yearly income before tax"}},
	{stapVermogen, "vermogen", []string{"Wij weten niet hoeveel spaargeld en bezit", "We do not know your savings and assets", "We do not know your client's savings and assets"}},
	{stapWonen, "wonen", []string{"Wij weten niet of u uw woning huurt", "Wij weten niet of uw cliënt de woning huurt", "We do not know whether you rent your home", "We do not know whether your client rents the home"}},
	{stapWonen, "huur", []string{"Wij weten niet hoeveel kale huur", "We do not know how much basic rent"}},
	{stapZorgpremie, "zorgpremie", []string{"hangt ook af van de zorgpremie per maand. Die weten we niet", "depends on the health insurance premium per month. We do not know it"}},
	{stapOntvangt, "laag-jaren", []string{"Wij weten niet hoe lang u al een laag inkomen", "Wij weten niet hoe lang uw cliënt al een laag inkomen", "how long you have had a low income", "how long your client has had a low income"}},
	{stapSituatie, "student", []string{"Wij weten niet of u studeert", "Wij weten niet of uw cliënt studeert", "whether you are a student", "whether your client is a student"}},
	{stapSituatie, "schuld", []string{"Wij weten niet of iemand in uw huishouden in de schuldsanering", "Wij weten niet of iemand in het huishouden van uw cliënt in de schuldsanering", "We do not know whether someone in your household is in debt", "We do not know whether someone in your client's household is in debt"}},
}

// controleerOnbekend: every sentence about an unknown fact of the resident links to the step that
// asks it; a fact is called unknown only when its step was asked, and never after the resident answered
// its question with a value (verstuurd: the fields sent in the walk).
func controleerOnbekend(t *testing.T, naam, body string, gevraagd []string, verstuurd url.Values) {
	t.Helper()
	for _, m := range onbekendRe.FindAllStringSubmatch(body, -1) {
		if !strings.Contains(m[2], `href="/check/stap?`) {
			t.Errorf("%s: unknown fact without a link to its step: %s", naam, m[2])
		}
	}
	tekst := html.UnescapeString(body)
	for _, f := range onbekendeFeiten {
		v := verstuurd.Get(f.veld)
		beantwoord := v != "" && v != "weet_niet" && v != "geen"
		for _, z := range f.zinnen {
			if !strings.Contains(tekst, z) {
				continue
			}
			// Said only when the resident answered "Ik weet het niet" (then with a link to change it).
			if !slices.Contains(gevraagd, f.stap) {
				t.Errorf("%s: the result says %q, but step %s was never asked", naam, z, f.stap)
			}
			if beantwoord {
				t.Errorf("%s: the result says %q, but the resident answered %s = %q", naam, z, f.veld, v)
			}
		}
	}
}

// tegenspraak are pairs of phrases that must not stand in one regeling's block.
var tegenspraak = [][2]*regexp.Regexp{
	{regexp.MustCompile(`hoeft geen papieren`), regexp.MustCompile(`papieren[^.]*(niet gepubliceerd|staat niet in)`)},
	{regexp.MustCompile(`(?i)no papers? (are )?needed|do not need to send any papers`), regexp.MustCompile(`(?i)papers[^.]*not published`)},
	// Savings: none allowed beside "a small amount is allowed".
	{regexp.MustCompile(`De grens is € 0\.`), regexp.MustCompile(`Zoveel spaargeld mag altijd`)},
}

var grensRe = regexp.MustCompile(`De grens is (€ [0-9.,]+)\.`)

// controleerTegenspraak: no regeling says both halves of a known contradicting pair, and no regeling
// names one limit with two values.
func controleerTegenspraak(t *testing.T, naam, body string) {
	t.Helper()
	for _, a := range artikelRe.FindAllString(html.UnescapeString(body), -1) {
		for _, p := range tegenspraak {
			if p[0].MatchString(a) && p[1].MatchString(a) {
				t.Errorf("%s: a regeling says both %q and %q", naam, p[0].FindString(a), p[1].FindString(a))
			}
		}
		// One limit, one value: "De grens is € …" (a limit of savings or income) with two amounts in
		// one regeling is the same parameter shown twice with different values.
		if gs := grensRe.FindAllStringSubmatch(a, -1); len(gs) > 1 {
			for _, g := range gs[1:] {
				if g[1] != gs[0][1] {
					t.Errorf("%s: a regeling names its limit as %s and as %s", naam, gs[0][1], g[1])
				}
			}
		}
	}
}

// TestWandelingenVragen: the check asks what settles the outcome and nothing else — the steps asked in
// each walk (docs/wandelingen.md), the progress line tells how many questions are left, and a
// household without children is asked nothing about children.
func TestWandelingenVragen(t *testing.T) {
	s := testServer(t, testConfig{})
	vast := "huishouden,leeftijd,inkomen,"
	want := map[string][4]string{
		// The ontvangt step (benefits, years of low income) is asked where it settles an outcome: Borne's
		// individuele inkomenstoeslag asks 36 months of low income; the other packs have not published
		// their reference period, so the answer cannot settle anything there.
		// The zorgpremie step only for the AOW couple (€ 15.000 in the bank) where kwijtschelding is a
		// regeling: above one month's costs of living, rent and extra balance, a low premium settles it.
		"GM1681": {"vermogen,wonen", "vermogen,wonen", "vermogen,wonen,zorgpremie", "vermogen,wonen"},
		"GM1969": {"vermogen,wonen,situatie", "vermogen,wonen,situatie", "vermogen,wonen", "vermogen,wonen,situatie"},
		"GM0175": {"vermogen,wonen", "vermogen,wonen", "vermogen,wonen,zorgpremie", "vermogen,wonen"},
		"GM0147": {"vermogen,situatie,wonen,ontvangt", "vermogen,situatie,wonen", "vermogen,wonen,zorgpremie", "vermogen,situatie,wonen,ontvangt"},
	}
	for _, gm := range wandelingGemeenten {
		for i, w := range wandelingen {
			_, gevraagd, voortgang, _ := w.loopMetVoortgang(t, s, gm, "nl", "zelf")
			if got := strings.Join(gevraagd, ","); got != vast+want[gm][i] {
				t.Errorf("%s %s: steps %s, want %s", gm, w.naam, got, vast+want[gm][i])
			}
			// The progress line: "Vraag n · nog ongeveer k vragen", k the steps still asked after it.
			for j, v := range voortgang {
				rest := len(gevraagd) - j - 1
				var wantV string
				switch rest {
				case 0:
					wantV = "Vraag " + strconv.Itoa(j+1) + " · waarschijnlijk de laatste vraag"
				case 1:
					wantV = "Vraag " + strconv.Itoa(j+1) + " · nog ongeveer 1 vraag"
				default:
					wantV = "Vraag " + strconv.Itoa(j+1) + " · nog ongeveer " + strconv.Itoa(rest) + " vragen"
				}
				// Up to the income step the line is an estimate (what the income settles is not known
				// yet); from then on it is exact in every walk — except that whether the premium can
				// settle kwijtschelding shows only after the savings (the vermogen step, the fourth).
				exact := 3
				if slices.Contains(gevraagd, stapZorgpremie) {
					exact = 4
				}
				if j >= exact && !strings.HasPrefix(v, wantV) {
					t.Errorf("%s %s step %d: progress %q, want %q", gm, w.naam, j+1, v, wantV)
				}
			}
		}
	}
}

// TestOnbekendNaarStap: the link beside an unknown fact opens its step with the earlier answer; after
// answering it, the result no longer calls the fact unknown.
func TestOnbekendNaarStap(t *testing.T) {
	s := testServer(t, testConfig{})
	f, _ := wandelingen[3].loop(t, s, "GM0175", "nl", "zelf")
	if !strings.Contains(html.UnescapeString(f.Body), "Wij weten niet hoeveel spaargeld en bezit u hebt.") {
		t.Fatal("walk 4 does not call the savings unknown")
	}
	m := regexp.MustCompile(`<span class="zeker-onbekend" data-stap="vermogen">[^<]*<a [^>]*href="([^"]+)"`).FindStringSubmatch(f.Body)
	if m == nil {
		t.Fatal("no link to the vermogen step beside the unknown savings")
	}
	f.Resultaat = ""
	f.Get(html.UnescapeString(m[1]))
	if f.Stap() != stapVermogen || !strings.Contains(f.Body, `name="vermogen-weet-niet" value="ja" checked`) {
		t.Fatalf("the link opens step %q, want vermogen with the earlier answer", f.Stap())
	}
	f.Antwoord(url.Values{"vermogen": {"200"}})
	for i := 0; f.Resultaat == "" && f.Stap() != "" && i < 6; i++ {
		f.Antwoord(url.Values{"wonen": {"weet_niet"}, "laag-weet-niet": {"ja"}, "schuld-vraag": {"1"}, "schuld": {"weet_niet"}})
	}
	body := html.UnescapeString(f.Body)
	if f.Resultaat == "" || strings.Contains(body, "Wij weten niet hoeveel spaargeld") || !strings.Contains(body, "Uw spaargeld en bezit is samen € 200.") {
		i := strings.Index(body, "spaargeld")
		t.Errorf("after answering the savings the result still calls them unknown (or no result: %q): %s", f.Resultaat, body[max(0, i-100):min(len(body), i+200)])
	}
}

var oordeelRe = regexp.MustCompile(`<article [^>]*id="regeling-([a-z0-9_]+)" data-oordeel="([a-z ]+)"`)

// uitkomstenOpPagina reads ✔ / ? / ✖ per regeling from a result page.
func uitkomstenOpPagina(body string) map[string]string {
	out := map[string]string{}
	for _, m := range oordeelRe.FindAllStringSubmatch(body, -1) {
		out[m[1]] = m[2]
	}
	return out
}

// verwachteUitkomsten reads the outcomes of walk w in gemeente gm from its scenario file beside the pack
// (regelpakketten/<gm>/scenarios/wandeling-<n>-*.yaml, the table of docs/wandelingen.md).
func verwachteUitkomsten(t testing.TB, gm string, w wandeling) map[string]string {
	t.Helper()
	nr := strings.Fields(w.naam)[0]
	pad, _ := filepath.Glob(filepath.Join("..", "..", "..", "regelpakketten", gm, "scenarios", "wandeling-"+nr+"-*.yaml"))
	if len(pad) != 1 {
		t.Fatalf("%s walk %s: %d scenario files", gm, nr, len(pad))
	}
	src, err := os.ReadFile(pad[0])
	if err != nil {
		t.Fatal(err)
	}
	sc, err := regels.LeesScenario(pad[0], src)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for id, v := range sc.Verwacht {
		out[id] = v.Oordeel
	}
	for id, o := range w.anders[gm] {
		out[id] = o
	}
	return out
}

// vergelijkWandeling compares the outcomes on the page with the scenario's: every regeling of the pack
// as the scenario says; the national regelingen are on the page beside them.
func vergelijkWandeling(t testing.TB, naam string, got, want map[string]string) {
	t.Helper()
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %s shows %q, the scenario says %q", naam, id, got[id], w)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok && !regels.LandelijkeRegeling(id) {
			t.Errorf("%s: %s on the page is not in the scenario", naam, id)
		}
	}
}
