package checkweb

// Browser tests of the resident check (webtest.StartBrowser: chromedp, Debian chromium, axe-core).
//
// They run only when ZEKER_BROWSER_TESTS=1 (CI sets it):
//
//	ZEKER_BROWSER_TESTS=1 go test ./internal/web/checkweb -run Browser -v
//
// Chromium is looked up as ZEKER_CHROMIUM, else "chromium" or "chromium-browser" on PATH. Without it
// the tests skip with a message, unless CI=true: then they fail. axe-core comes from
// node_modules/axe-core/axe.min.js (npm ci); it is missing → skip, or fail under CI.
// ZEKER_SCREENSHOTS=<dir> saves screenshots of the pages (mobile and desktop).

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestBrowserAxeWerkt shows that the axe check can fail: an input without a label is a violation.
func TestBrowserAxeWerkt(t *testing.T) {
	b := startBrowser(t)
	ctx := b.Tab(t)
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+"/"), chromedp.WaitReady(chromedp.CSS("footer")))
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('main').appendChild(document.createElement('input'))`)); err != nil {
		t.Fatal(err)
	}
	v := b.AxeRun(t, ctx, "start+onbenoemd-veld")
	if !slices.ContainsFunc(v, func(x webtest.AxeViolation) bool { return x.ID == "label" }) {
		t.Errorf("axe found %v, want the violation \"label\"", v)
	}
}

// TestBrowserConsoleWerkt shows that a tab fails its test on console errors: a console.error call, an
// uncaught exception and a stylesheet that does not load are each reported.
func TestBrowserConsoleWerkt(t *testing.T) {
	b := startBrowser(t)
	rec := &opnemer{TB: t}
	ctx := b.Tab(rec)
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+"/"), chromedp.WaitReady(chromedp.CSS("footer")))
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`console.error("kapot"); setTimeout(() => { throw new Error("onverwacht") }, 0);
		const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = '/static/css/bestaat-niet.css'; document.head.appendChild(l);`)); err != nil {
		t.Fatal(err)
	}
	webtest.Do(t, ctx, chromedp.Sleep(500*time.Millisecond))
	for i := len(rec.cleanup) - 1; i >= 0; i-- {
		rec.cleanup[i]()
	}
	alle := strings.Join(rec.fouten, "\n")
	for _, want := range []string{"kapot", "onverwacht", "bestaat-niet.css"} {
		if !strings.Contains(alle, want) {
			t.Errorf("console errors %q lack %q", alle, want)
		}
	}
}

// opnemer is a test that records its errors and cleanups instead of failing.
type opnemer struct {
	testing.TB
	fouten  []string
	cleanup []func()
}

func (o *opnemer) Errorf(format string, args ...any) {
	o.fouten = append(o.fouten, fmt.Sprintf(format, args...))
}
func (o *opnemer) Cleanup(f func()) { o.cleanup = append(o.cleanup, f) }

// huishoudenScenario is one household as a resident would answer, with the outcome the result page
// must show per regeling: the gemeente's and the national ones (zorgtoeslag, huurtoeslag,
// kindgebonden budget, kinderbijslag).
type huishoudenScenario struct {
	naam            string
	partner         bool
	kinderen        []string
	gebA, gebP      [3]string
	soortA, bedragA string
	soortP, bedragP string
	vermogen        string // "" = "ik weet het niet"
	ontvangt        []string
	laagJaren       string
	want            map[string]map[string]string // gemeente → regeling → oordeel
}

var browserScenarios = []huishoudenScenario{
	{
		naam: "alleenstaande-bijstand", gebA: [3]string{"5", "5", "1980"}, soortA: "bijstand", bedragA: "1300",
		vermogen: "200", ontvangt: []string{"bijstand"}, laagJaren: "5",
		want: map[string]map[string]string{
			"GM0147": {"bijzondere_bijstand": "recht", "individuele_inkomenstoeslag": "recht", "collectieve_zorgverzekering": "recht", "kindpakket": "geen recht", "jeugdfonds_sport_cultuur": "geen recht", "sociaal_fonds": "recht", "kwijtschelding": "recht", "studietoeslag": "geen recht", "mini_maatwerkbudget": "onzeker", "huurtoeslag": "recht", "alleenverdieners": "geen recht", "jongeren_perspectief_fonds": "onzeker", "duurzame_gebruiksgoederen": "recht", "zorgtoeslag": "recht", "kindgebonden_budget": "geen recht", "kinderbijslag": "geen recht"},
			"GM0175": {"bijzondere_bijstand": "recht", "individuele_inkomenstoeslag": "onzeker", "collectieve_zorgverzekering": "recht", "kindregelingen": "geen recht", "participatie_volwassenen": "recht", "kwijtschelding": "onzeker", "huurtoeslag": "recht", "zorgtoeslag": "recht", "kindgebonden_budget": "geen recht", "kinderbijslag": "geen recht"},
			"GM1681": {"bijzondere_bijstand": "onzeker", "individuele_inkomenstoeslag": "onzeker", "maatwerkbudget_noodfonds": "onzeker", "huurtoeslag": "recht", "meedoen_webwinkel": "onzeker", "tegemoetkoming_chronisch_ziek": "onzeker", "kwijtschelding": "onzeker", "zorgtoeslag": "recht", "kindgebonden_budget": "geen recht", "kinderbijslag": "geen recht"},
			"GM1969": {"bijzondere_bijstand": "recht", "collectieve_zorgverzekering": "recht", "individuele_inkomenstoeslag": "onzeker", "kindpakket": "geen recht", "huurtoeslag": "recht", "tegemoetkoming_belastingen": "recht", "proeftuin_digitale_inclusie": "onzeker", "participatiefonds": "recht", "zonnecarport": "recht", "maatwerk": "onzeker", "zorgtoeslag": "recht", "kindgebonden_budget": "geen recht", "kinderbijslag": "geen recht"},
		},
	},
	{
		naam: "gezin-laag-inkomen", partner: true, kinderen: []string{"6", "12"}, gebA: [3]string{"1", "3", "1985"}, gebP: [3]string{"2", "4", "1987"},
		soortA: "loon", bedragA: "1800", soortP: "geen", vermogen: "500", laagJaren: "1",
		want: map[string]map[string]string{
			"GM0147": {"bijzondere_bijstand": "recht", "individuele_inkomenstoeslag": "geen recht", "collectieve_zorgverzekering": "recht", "kindpakket": "recht", "jeugdfonds_sport_cultuur": "recht", "sociaal_fonds": "recht", "kwijtschelding": "recht", "studietoeslag": "geen recht", "mini_maatwerkbudget": "onzeker", "huurtoeslag": "recht", "duurzame_gebruiksgoederen": "recht", "jongeren_perspectief_fonds": "onzeker", "alleenverdieners": "onzeker", "zorgtoeslag": "recht", "kindgebonden_budget": "recht", "kinderbijslag": "recht"},
			"GM0175": {"bijzondere_bijstand": "recht", "individuele_inkomenstoeslag": "onzeker", "collectieve_zorgverzekering": "recht", "kindregelingen": "recht", "participatie_volwassenen": "recht", "kwijtschelding": "onzeker", "huurtoeslag": "recht", "zorgtoeslag": "recht", "kindgebonden_budget": "recht", "kinderbijslag": "recht"},
			"GM1681": {"bijzondere_bijstand": "onzeker", "individuele_inkomenstoeslag": "onzeker", "maatwerkbudget_noodfonds": "onzeker", "huurtoeslag": "recht", "tegemoetkoming_chronisch_ziek": "onzeker", "kwijtschelding": "onzeker", "meedoen_webwinkel": "onzeker", "zorgtoeslag": "recht", "kindgebonden_budget": "recht", "kinderbijslag": "recht"},
			"GM1969": {"bijzondere_bijstand": "recht", "collectieve_zorgverzekering": "recht", "individuele_inkomenstoeslag": "onzeker", "kindpakket": "recht", "huurtoeslag": "recht", "participatiefonds": "recht", "tegemoetkoming_belastingen": "recht", "maatwerk": "onzeker", "zonnecarport": "recht", "proeftuin_digitale_inclusie": "onzeker", "zorgtoeslag": "recht", "kindgebonden_budget": "recht", "kinderbijslag": "recht"},
		},
	},
	{
		naam: "hoog-inkomen", partner: true, kinderen: []string{"10"}, gebA: [3]string{"1", "3", "1975"}, gebP: [3]string{"2", "4", "1976"},
		soortA: "loon", bedragA: "5000", soortP: "loon", bedragP: "3000", vermogen: "50000", laagJaren: "0",
		want: map[string]map[string]string{
			"GM0147": {"bijzondere_bijstand": "onzeker", "individuele_inkomenstoeslag": "geen recht", "collectieve_zorgverzekering": "geen recht", "kindpakket": "geen recht", "jeugdfonds_sport_cultuur": "geen recht", "sociaal_fonds": "geen recht", "kwijtschelding": "onzeker", "studietoeslag": "geen recht", "mini_maatwerkbudget": "onzeker", "huurtoeslag": "geen recht", "alleenverdieners": "geen recht", "duurzame_gebruiksgoederen": "onzeker", "jongeren_perspectief_fonds": "onzeker", "zorgtoeslag": "geen recht", "kindgebonden_budget": "geen recht", "kinderbijslag": "recht"},
			"GM0175": {"bijzondere_bijstand": "geen recht", "individuele_inkomenstoeslag": "geen recht", "collectieve_zorgverzekering": "geen recht", "kindregelingen": "geen recht", "participatie_volwassenen": "geen recht", "kwijtschelding": "onzeker", "huurtoeslag": "geen recht", "zorgtoeslag": "geen recht", "kindgebonden_budget": "geen recht", "kinderbijslag": "recht"},
			"GM1681": {"bijzondere_bijstand": "onzeker", "individuele_inkomenstoeslag": "geen recht", "maatwerkbudget_noodfonds": "onzeker", "huurtoeslag": "geen recht", "meedoen_webwinkel": "onzeker", "kwijtschelding": "onzeker", "tegemoetkoming_chronisch_ziek": "geen recht", "zorgtoeslag": "geen recht", "kindgebonden_budget": "geen recht", "kinderbijslag": "recht"},
			"GM1969": {"bijzondere_bijstand": "onzeker", "collectieve_zorgverzekering": "geen recht", "individuele_inkomenstoeslag": "geen recht", "kindpakket": "geen recht", "huurtoeslag": "geen recht", "zonnecarport": "onzeker", "proeftuin_digitale_inclusie": "onzeker", "maatwerk": "onzeker", "tegemoetkoming_belastingen": "geen recht", "participatiefonds": "geen recht", "zorgtoeslag": "geen recht", "kindgebonden_budget": "geen recht", "kinderbijslag": "recht"},
		},
	},
}

type runOpts struct {
	gemeente, voor string
	axe            bool
	noJS           bool
	breedte        int64
	shot           string // screenshot name prefix
}

// doeCheck completes the check in the browser with the mouse and form filling, and returns the
// outcome per regeling read from the result page.
func doeCheck(b *webtest.Browser, t *testing.T, sc huishoudenScenario, o runOpts) (context.Context, map[string]string) {
	t.Helper()
	ctx := b.Tab(t)
	if o.noJS {
		webtest.Do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}))
	}
	if o.breedte > 0 {
		webtest.Do(t, ctx, chromedp.EmulateViewport(o.breedte, 812))
	}
	pagina := 0
	check := func(naam string) {
		t.Helper()
		pagina++
		if o.axe {
			b.CheckAxe(t, ctx, naam)
		}
		if o.breedte > 0 {
			w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if int64(w) > o.breedte {
				t.Errorf("%s: page is %d px wide at a %d px viewport (horizontal scrolling)", naam, w, o.breedte)
			}
		}
		if o.shot != "" {
			b.Screenshot(t, ctx, fmt.Sprintf("%s-%02d-%s", o.shot, pagina, naam))
		}
	}
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+"/"), chromedp.WaitReady(chromedp.CSS("footer")))
	check("start")
	webtest.Do(t, ctx, chromedp.Click(chromedp.CSS("#gemeente-"+o.gemeente)), chromedp.Click(chromedp.CSS("#voor-"+o.voor)))
	webtest.Submit(t, ctx, "#start")
	for i := 0; i < 8; i++ {
		if webtest.Has(t, ctx, "#totaal") {
			break
		}
		var stap string
		for _, s := range stappen {
			if webtest.Has(t, ctx, "#stap-"+s) {
				stap = s
			}
		}
		if stap == "" {
			body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
			t.Fatalf("neither a step nor the result: %s", body)
		}
		check(stap)
		switch stap {
		case stapHuishouden:
			p := "#partner-nee"
			if sc.partner {
				p = "#partner-ja"
			}
			webtest.Do(t, ctx, chromedp.Click(chromedp.CSS(p)), chromedp.SetValue(chromedp.CSS("#kinderen"), fmt.Sprint(len(sc.kinderen))), chromedp.SetValue(chromedp.CSS("#medebewoners"), "0"))
		case stapLeeftijd:
			for i, d := range []string{"dag", "maand", "jaar"} {
				webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#a-"+d), sc.gebA[i]))
				if sc.partner {
					webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#p-"+d), sc.gebP[i]))
				}
			}
			for i, k := range sc.kinderen {
				webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS(fmt.Sprintf("#kind-%d", i+1)), k))
			}
		case stapInkomen:
			webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#a-soort-1"), sc.soortA), chromedp.SetValue(chromedp.CSS("#a-bedrag-1"), sc.bedragA))
			if sc.partner {
				webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#p-soort-1"), sc.soortP))
				if sc.bedragP != "" {
					webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#p-bedrag-1"), sc.bedragP))
				}
			}
		case stapVermogen:
			if sc.vermogen == "" {
				webtest.Do(t, ctx, chromedp.Click(chromedp.CSS("#vermogen-weet-niet")))
			} else {
				webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#vermogen"), sc.vermogen))
			}
		case stapWonen:
			webtest.Do(t, ctx, chromedp.Click(chromedp.CSS("#wonen-huur")), chromedp.SetValue(chromedp.CSS("#huur"), "650"))
		case stapZorgpremie:
			// The scenarios give no health premium (asked when savings are high, for kwijtschelding).
			webtest.Do(t, ctx, chromedp.Click(chromedp.CSS("#zorgpremie-weet-niet")))
		case stapOntvangt:
			for _, r := range sc.ontvangt {
				// Bijstand is ticked already when the income is bijstand.
				if webtest.Has(t, ctx, "#ontvangt-"+r) && !webtest.Has(t, ctx, "#ontvangt-"+r+"[checked]") {
					webtest.Do(t, ctx, chromedp.Click(chromedp.CSS("#ontvangt-"+r)))
				}
			}
			if webtest.Has(t, ctx, "#laag-jaren") {
				webtest.Do(t, ctx, chromedp.SetValue(chromedp.CSS("#laag-jaren"), sc.laagJaren))
			}
		case stapSituatie:
			for _, id := range []string{"#student-nee", "#schuld-nee"} {
				if webtest.Has(t, ctx, id) {
					webtest.Do(t, ctx, chromedp.Click(chromedp.CSS(id)))
				}
			}
		}
		webtest.Submit(t, ctx, "#volgende")
		if webtest.Has(t, ctx, "#foutsamenvatting") {
			body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#foutsamenvatting")))
			t.Fatalf("form error on %s: %s", stap, body)
		}
	}
	if !webtest.Has(t, ctx, "#totaal") {
		t.Fatal("no result page")
	}
	check("resultaat")
	nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll("article[data-oordeel]"), chromedp.AtLeast(0)))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, n := range nodes {
		got[strings.TrimPrefix(n.AttributeValue("id"), "regeling-")] = n.AttributeValue("data-oordeel")
	}
	return ctx, got
}

func vergelijk(t *testing.T, got, want map[string]string) {
	t.Helper()
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: page shows %q, want %q", id, got[id], w)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("unexpected regeling %s on the page (%q)", id, got[id])
		}
	}
}

// TestBrowserCheck completes the check for three households in each of the four gemeenten and runs
// axe-core on every page of the flow.
func TestBrowserCheck(t *testing.T) {
	b := startBrowser(t)
	for _, sc := range browserScenarios {
		gemeenten := make([]string, 0, len(sc.want))
		for g := range sc.want {
			gemeenten = append(gemeenten, g)
		}
		slices.Sort(gemeenten)
		for _, g := range gemeenten {
			t.Run(sc.naam+"/"+g, func(t *testing.T) {
				shot := ""
				if g == "GM0175" {
					shot = "desktop-" + sc.naam
				}
				ctx, got := doeCheck(b, t, sc, runOpts{gemeente: g, voor: "zelf", axe: true, shot: shot})
				vergelijk(t, got, sc.want[g])
				txt, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
				if err != nil {
					t.Fatal(err)
				}
				for _, want := range []string{"geen aanvraag", "Weet u het niet zeker?", "Uw antwoorden"} {
					if !strings.Contains(txt, want) {
						t.Errorf("result page misses %q", want)
					}
				}
			})
		}
	}
}

// TestBrowserZonderJavaScript completes the check with script execution disabled.
func TestBrowserZonderJavaScript(t *testing.T) {
	b := startBrowser(t)
	sc := browserScenarios[1]
	_, got := doeCheck(b, t, sc, runOpts{gemeente: "GM0147", voor: "zelf", noJS: true})
	vergelijk(t, got, sc.want["GM0147"])
}

// TestBrowserMobiel completes the check at 375 px width: no horizontal scrolling, axe on every page.
func TestBrowserMobiel(t *testing.T) {
	b := startBrowser(t)
	sc := browserScenarios[0]
	_, got := doeCheck(b, t, sc, runOpts{gemeente: "GM1969", voor: "zelf", axe: true, breedte: 375, shot: "mobiel"})
	vergelijk(t, got, sc.want["GM1969"])
}

// TestBrowserIntermediair fills in the check for a client: the wording and the hand-over summary.
func TestBrowserIntermediair(t *testing.T) {
	b := startBrowser(t)
	sc := browserScenarios[1]
	ctx, got := doeCheck(b, t, sc, runOpts{gemeente: "GM0147", voor: "ander", axe: true, shot: "intermediair"})
	vergelijk(t, got, sc.want["GM0147"])
	// The client's first name goes on the printout through a field of the page only.
	webtest.Do(t, ctx, chromedp.SendKeys(chromedp.CSS("#clientnaam"), "Sam"))
	txt, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Samenvatting voor de overdracht", "uw cliënt", "Antwoorden over uw cliënt", "Overdracht: wat aanvragen, met welke papieren, waar"} {
		if !strings.Contains(txt, want) {
			t.Errorf("hand-over page misses %q", want)
		}
	}
}

// TestBrowserOverigePaginas runs axe on the pages outside the main flow: a form with errors, the
// resume pages, the English start page, the 404 page and the accessibility and privacy statements.
func TestBrowserOverigePaginas(t *testing.T) {
	b := startBrowser(t)
	ctx := b.Tab(t)
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+"/"), chromedp.WaitReady(chromedp.CSS("footer")))
	webtest.Submit(t, ctx, "#start") // nothing chosen: errors
	if !webtest.Has(t, ctx, "#foutsamenvatting") {
		t.Fatal("no error summary on the start page")
	}
	b.CheckAxe(t, ctx, "start-fouten")
	webtest.Do(t, ctx, chromedp.Click(chromedp.CSS("#gemeente-GM0175")))
	webtest.Submit(t, ctx, "#start")
	webtest.Do(t, ctx, chromedp.Click(chromedp.CSS("#partner-nee")), chromedp.SetValue(chromedp.CSS("#kinderen"), "40"))
	webtest.Submit(t, ctx, "#volgende")
	if !webtest.Has(t, ctx, "#foutsamenvatting") || !webtest.Has(t, ctx, `#kinderen[aria-invalid="true"]`) {
		t.Fatal("40 children: no error")
	}
	b.CheckAxe(t, ctx, "stap-fouten")
	b.Screenshot(t, ctx, "desktop-stap-fouten")
	webtest.NaarVolgende(t, ctx, chromedp.Click(chromedp.CSS(".zeker-bewaar a")))
	b.CheckAxe(t, ctx, "bewaar")
	link, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#code")))
	if err != nil {
		t.Fatal(err)
	}
	webtest.NaarVolgende(t, ctx, chromedp.Click(chromedp.CSS("#bewaar-link")))
	if !webtest.Has(t, ctx, "#stap-huishouden") {
		t.Error("the resume link did not return to the step")
	}
	// The whole saved link pasted into the resume field works as the bare code does.
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+"/check/verder"), chromedp.WaitReady(chromedp.CSS("#code")))
	webtest.Do(t, ctx, chromedp.SendKeys(chromedp.CSS("#code"), link))
	webtest.Submit(t, ctx, "main form button[type=submit]")
	if !webtest.Has(t, ctx, "#stap-huishouden") {
		t.Error("the whole link pasted into the resume field did not return to the step")
	}
	for _, p := range []string{"/check/verder", "/check/verder?code=kapot", "/?lang=en", "/bestaat-niet",
		"/toegankelijkheid", "/toegankelijkheid?lang=en&voor=ander", "/privacy", "/privacy?lang=en", "/privacy?voor=ander"} {
		webtest.Do(t, ctx, chromedp.Navigate(b.Base+p), chromedp.WaitReady(chromedp.CSS("footer")))
		b.CheckAxe(t, ctx, p)
	}
}

// TestBrowserToetsenbord completes the check with the keyboard only: Tab, arrows, space, typing, Enter.
func TestBrowserToetsenbord(t *testing.T) {
	b := startBrowser(t)
	ctx := b.Tab(t)
	webtest.Do(t, ctx, chromedp.Navigate(b.Base+"/"), chromedp.WaitReady(chromedp.CSS("footer")))
	actief := func() string {
		id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.activeElement && (document.activeElement.id || document.activeElement.className)) || ''`))
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	webtest.Do(t, ctx, chromedp.KeyEvent("\t"))
	if a := actief(); !strings.Contains(a, "utrecht-skip-link") {
		t.Errorf("first Tab stop is %q, want the skip link", a)
	}
	tabNaar := func(id string) {
		t.Helper()
		for range 80 {
			if actief() == id {
				return
			}
			webtest.Do(t, ctx, chromedp.KeyEvent("\t"))
		}
		t.Fatalf("Tab never reached #%s", id)
	}
	typ := func(id, s string) {
		t.Helper()
		tabNaar(id)
		webtest.Do(t, ctx, chromedp.KeyEvent("\b\b\b\b\b"+s))
	}
	verstuur := func() {
		t.Helper()
		tabNaar("volgende")
		webtest.NaarVolgende(t, ctx, chromedp.KeyEvent("\r"))
		if webtest.Has(t, ctx, "#foutsamenvatting") {
			body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#foutsamenvatting")))
			t.Fatalf("form error: %s", body)
		}
	}
	// Start: the first gemeente radio (Borger-Odoorn), space selects it; "voor mezelf" is preselected.
	tabNaar("gemeente-GM1681")
	webtest.Do(t, ctx, chromedp.KeyEvent(" "))
	tabNaar("start")
	webtest.NaarVolgende(t, ctx, chromedp.KeyEvent("\r"))
	tabNaar("partner-ja")
	webtest.Do(t, ctx, chromedp.KeyEvent(" "))
	typ("kinderen", "1")
	verstuur()
	typ("a-dag", "5")
	typ("a-maand", "5")
	typ("a-jaar", "1980")
	typ("p-dag", "6")
	typ("p-maand", "6")
	typ("p-jaar", "1982")
	typ("kind-1", "8")
	verstuur()
	// Income: a select changes with the arrow keys: "Kies…", "Geen inkomen", "Loon uit werk", "Bijstandsuitkering".
	tabNaar("a-soort-1")
	webtest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown+kb.ArrowDown+kb.ArrowDown))
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#a-soort-1"))); v != "bijstand" {
		t.Fatalf("income kind by keyboard = %q, want bijstand", v)
	}
	typ("a-bedrag-1", "1700")
	tabNaar("p-soort-1")
	webtest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
	verstuur()
	for range 5 {
		if webtest.Has(t, ctx, "#totaal") {
			break
		}
		switch {
		case webtest.Has(t, ctx, "#stap-vermogen"):
			typ("vermogen", "100")
		case webtest.Has(t, ctx, "#stap-wonen"):
			tabNaar("wonen-huur")
			webtest.Do(t, ctx, chromedp.KeyEvent(" "))
			typ("huur", "650")
		case webtest.Has(t, ctx, "#stap-ontvangt"):
			if webtest.Has(t, ctx, "#ontvangt-bijstand") && !webtest.Has(t, ctx, "#ontvangt-bijstand[checked]") {
				tabNaar("ontvangt-bijstand")
				webtest.Do(t, ctx, chromedp.KeyEvent(" "))
			}
			if webtest.Has(t, ctx, "#laag-jaren") {
				typ("laag-jaren", "3")
			}
		case webtest.Has(t, ctx, "#stap-situatie"):
			for _, id := range []string{"student-ja", "schuld-ja"} {
				if webtest.Has(t, ctx, "#"+id) {
					tabNaar(id)
					webtest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown)) // arrow moves to and checks "nee"
				}
			}
		}
		verstuur()
	}
	if !webtest.Has(t, ctx, "#totaal") {
		t.Fatal("keyboard run did not reach the result")
	}
	if !webtest.Has(t, ctx, `article[data-oordeel]`) {
		t.Error("no outcomes on the result page")
	}
}

// startBrowser starts Chromium with the check alone on a test server.
func startBrowser(t *testing.T) *webtest.Browser {
	t.Helper()
	webtest.BrowserAan(t)
	return webtest.StartBrowser(t, testServer(t, testConfig{}).Handler())
}
