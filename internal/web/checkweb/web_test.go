package checkweb

import (
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

var testNu = webtest.Nu

func testCatalogus(t testing.TB) *regels.Catalogus { return webtest.Catalogus(t) }

// testConfig is the configuration of a test server: the kit's and the check's.
type testConfig struct {
	CheckSleutel []byte
	BehindTLS    bool
	MaxBody      int64
	CodeGeldig   time.Duration
	Partners     PartnerGids
}

// testSrv is the check with its kit, mounted alone.
type testSrv struct {
	*server
	h    http.Handler
	klok *time.Time // the kit's "now"; tests may move it
}

func (s *testSrv) Handler() http.Handler { return s.h }

func testServer(t testing.TB, cfg testConfig) *testSrv {
	t.Helper()
	if cfg.CheckSleutel == nil {
		cfg.CheckSleutel = webtest.CheckSleutel
	}
	klok := testNu
	k, err := web.New(web.Config{BehindTLS: cfg.BehindTLS, MaxBody: cfg.MaxBody}, web.Deps{Nu: func() time.Time { return klok }})
	if err != nil {
		t.Fatal(err)
	}
	s, err := nieuw(k, Config{Sleutel: cfg.CheckSleutel, CodeGeldig: cfg.CodeGeldig}, Deps{Catalogus: testCatalogus(t), Gemeenten: tenant.NewVast(tenant.Standaard()), Partners: cfg.Partners})
	if err != nil {
		t.Fatal(err)
	}
	return &testSrv{server: s, h: webtest.Handler(t, k, s.part()), klok: &klok}
}

// flow drives the check through the handler the way a browser without JavaScript does (webtest.Check).
type flow = webtest.Check

func TestSecurityHeaders(t *testing.T) {
	for _, tls := range []bool{false, true} {
		s := testServer(t, testConfig{BehindTLS: tls})
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		h := rec.Header()
		for k, want := range map[string]string{
			"Content-Security-Policy": web.ContentSecurityPolicy,
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "no-referrer",
			"X-Frame-Options":         "DENY",
		} {
			if got := h.Get(k); got != want {
				t.Errorf("tls=%v %s = %q, want %q", tls, k, got, want)
			}
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") || strings.Contains(h.Get("Content-Security-Policy"), "unsafe-inline") {
			t.Errorf("CSP %q", h.Get("Content-Security-Policy"))
		}
		if got := h.Get("Strict-Transport-Security") != ""; got != tls {
			t.Errorf("HSTS sent = %v, want %v", got, tls)
		}
	}
}

func TestGeenInlineScriptOfStijl(t *testing.T) {
	s := testServer(t, testConfig{})
	f := &flow{T: t, H: s.Handler()}
	f.Get("/")
	for _, bad := range []string{"<style", " style=", "<script>", "onclick=", "javascript:"} {
		if strings.Contains(f.Body, bad) {
			t.Errorf("start page contains %q", bad)
		}
	}
}

func TestCrossOriginPostGeweigerd(t *testing.T) {
	s := testServer(t, testConfig{})
	req := httptest.NewRequest(http.MethodPost, "/check/start", strings.NewReader("gemeente=GM0175&voor=zelf"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Fatalf("status %d, want 403", rec.Code)
	}
	if !strings.Contains(rec.Body.String(), "Dit formulier kwam niet van deze website") {
		t.Errorf("no friendly message")
	}
}

func TestHealth(t *testing.T) {
	s := testServer(t, testConfig{})
	for _, p := range []string{"/healthz", "/readyz"} {
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != 200 || rec.Body.String() != "ok\n" {
			t.Errorf("%s: %d %q", p, rec.Code, rec.Body.String())
		}
	}
}

func TestNietGevondenEnStatic(t *testing.T) {
	s := testServer(t, testConfig{})
	f := &flow{T: t, H: s.Handler()}
	f.Get("/bestaat-niet")
	if f.Status != 404 || !strings.Contains(f.Body, "Deze pagina bestaat niet") {
		t.Errorf("404 page: %d", f.Status)
	}
	f.Get("/static/vendor/nlds-inwoner.min.css")
	if f.Status != 200 || !strings.Contains(f.Body, ".utrecht-button") {
		t.Errorf("css: %d", f.Status)
	}
	f.Get("/static/")
	if f.Status != 404 {
		t.Errorf("directory listing: %d", f.Status)
	}
}

func TestTeGrootFormulier(t *testing.T) {
	s := testServer(t, testConfig{MaxBody: 1024})
	f := &flow{T: t, H: s.Handler()}
	f.Post("/check/start", url.Values{"gemeente": {strings.Repeat("x", 5000)}})
	if f.Status != http.StatusBadRequest {
		t.Fatalf("status %d, want 400", f.Status)
	}
}

func TestTokenGeknoeid(t *testing.T) {
	s := testServer(t, testConfig{})
	f := &flow{T: t, H: s.Handler()}
	f.Post("/check/start", url.Values{"gemeente": {"GM0175"}, "voor": {"zelf"}})
	tok := f.Token()
	// Flip one character in the middle: GCM must refuse it.
	b := []byte(tok)
	if b[40] == 'A' {
		b[40] = 'B'
	} else {
		b[40] = 'A'
	}
	cases := map[string]string{"gewijzigd": string(b), "afgekapt": tok[:len(tok)-5], "leeg": "", "onzin": "<script>", "lang": strings.Repeat("A", 20000)}
	for name, bad := range cases {
		t.Run(name, func(t *testing.T) {
			f.Post("/check/stap", url.Values{"t": {bad}, "actie": {"verder"}, "partner": {"nee"}, "kinderen": {"0"}, "medebewoners": {"0"}})
			if f.Status != http.StatusBadRequest || !strings.Contains(f.Body, "De code of link klopt niet") {
				t.Errorf("stap: status %d", f.Status)
			}
			f.Get("/check/resultaat?t=" + url.QueryEscape(bad))
			if f.Status != http.StatusBadRequest {
				t.Errorf("resultaat: status %d", f.Status)
			}
			f.Get("/check/verder?code=" + url.QueryEscape(bad))
			if f.Status != http.StatusUnprocessableEntity || !strings.Contains(f.Body, `href="#code"`) {
				t.Errorf("verder: status %d", f.Status)
			}
		})
	}
	// Another server's key: the same refusal.
	other := testServer(t, testConfig{CheckSleutel: []byte("fedcba9876543210fedcba9876543210")})
	g := &flow{T: t, H: other.Handler()}
	g.Get("/check/stap?t=" + url.QueryEscape(tok))
	if g.Status != http.StatusBadRequest {
		t.Errorf("other key: status %d", g.Status)
	}
}

func TestTokenVerlopen(t *testing.T) {
	s := testServer(t, testConfig{})
	f := &flow{T: t, H: s.Handler()}
	f.Post("/check/start", url.Values{"gemeente": {"GM0175"}, "voor": {"zelf"}})
	tok := f.Token()
	*s.klok = testNu.Add(31 * 24 * time.Hour)
	f.Get("/check/stap?t=" + url.QueryEscape(tok))
	if f.Status != http.StatusBadRequest || !strings.Contains(f.Body, "Deze code is te oud") {
		t.Errorf("status %d", f.Status)
	}
}

func TestStartFouten(t *testing.T) {
	s := testServer(t, testConfig{})
	f := &flow{T: t, H: s.Handler()}
	f.Post("/check/start", url.Values{"gemeente": {"GM9999"}, "voor": {"iedereen"}})
	if f.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", f.Status)
	}
	for _, want := range []string{`href="#gemeente-`, "Kies uw gemeente.", `href="#voor-zelf"`, "<title>Fout:"} {
		if !strings.Contains(f.Body, want) {
			t.Errorf("missing %q", want)
		}
	}
}

// naarStap starts a check and answers the steps before the wanted one.
func naarStap(t *testing.T, s *testSrv, stap string) *flow {
	f := &flow{T: t, H: s.Handler()}
	f.Post("/check/start", url.Values{"gemeente": {"GM0175"}, "voor": {"zelf"}})
	antwoorden := []url.Values{
		{"partner": {"ja"}, "kinderen": {"1"}, "medebewoners": {"0"}},
		{"a-dag": {"1"}, "a-maand": {"3"}, "a-jaar": {"1985"}, "p-dag": {"2"}, "p-maand": {"4"}, "p-jaar": {"1987"}, "kind-1": {"7"}},
		{"a-soort-1": {"loon"}, "a-bedrag-1": {"1200"}, "p-soort-1": {"geen"}},
	}
	for _, v := range antwoorden {
		if f.Stap() == stap {
			return f
		}
		f.Antwoord(v)
	}
	if f.Stap() != stap {
		t.Fatalf("did not reach step %s (at %q)", stap, f.Stap())
	}
	return f
}

func TestFormulierFouten(t *testing.T) {
	s := testServer(t, testConfig{})
	cases := []struct {
		name, stap string
		v          url.Values
		veld, msg  string
	}{
		{"geen partnerkeuze", "huishouden", url.Values{"kinderen": {"0"}, "medebewoners": {"0"}}, "partner-ja", "Kies ja of nee."},
		{"40 kinderen", "huishouden", url.Values{"partner": {"nee"}, "kinderen": {"40"}, "medebewoners": {"0"}}, "kinderen", "Vul een aantal in van 0 tot 20"},
		{"letters kinderen", "huishouden", url.Values{"partner": {"nee"}, "kinderen": {"twee"}, "medebewoners": {"0"}}, "kinderen", "Vul een aantal in"},
		{"negatief kinderen", "huishouden", url.Values{"partner": {"nee"}, "kinderen": {"-1"}, "medebewoners": {"0"}}, "kinderen", "Vul een aantal in"},
		{"toekomst", "leeftijd", url.Values{"a-dag": {"1"}, "a-maand": {"1"}, "a-jaar": {"2030"}, "p-dag": {"1"}, "p-maand": {"1"}, "p-jaar": {"1980"}, "kind-1": {"3"}}, "a-dag", "in de toekomst"},
		{"31 februari", "leeftijd", url.Values{"a-dag": {"31"}, "a-maand": {"2"}, "a-jaar": {"1980"}, "p-dag": {"1"}, "p-maand": {"1"}, "p-jaar": {"1980"}, "kind-1": {"3"}}, "a-dag", "Deze datum bestaat niet"},
		{"geen datum partner", "leeftijd", url.Values{"a-dag": {"1"}, "a-maand": {"1"}, "a-jaar": {"1980"}, "kind-1": {"3"}}, "p-dag", "Vul de geboortedatum in"},
		{"kind 99", "leeftijd", url.Values{"a-dag": {"1"}, "a-maand": {"1"}, "a-jaar": {"1980"}, "p-dag": {"1"}, "p-maand": {"1"}, "p-jaar": {"1980"}, "kind-1": {"99"}}, "kind-1", "Vul de leeftijd van kind 1 in"},
		{"letters bedrag", "inkomen", url.Values{"a-soort-1": {"loon"}, "a-bedrag-1": {"veel"}, "p-soort-1": {"geen"}}, "a-bedrag-1", "Vul een bedrag in met alleen cijfers"},
		{"negatief bedrag", "inkomen", url.Values{"a-soort-1": {"loon"}, "a-bedrag-1": {"-250"}, "p-soort-1": {"geen"}}, "a-bedrag-1", "zonder min-teken"},
		{"leeg bedrag", "inkomen", url.Values{"a-soort-1": {"loon"}, "a-bedrag-1": {""}, "p-soort-1": {"geen"}}, "a-bedrag-1", "Vul een bedrag in, bijvoorbeeld 1250."},
		{"enorm bedrag", "inkomen", url.Values{"a-soort-1": {"loon"}, "a-bedrag-1": {"99999999999"}, "p-soort-1": {"geen"}}, "a-bedrag-1", "te hoog"},
		{"onbekende soort", "inkomen", url.Values{"a-soort-1": {"loterij"}, "a-bedrag-1": {"10"}, "p-soort-1": {"geen"}}, "a-soort-1", "Kies waar het inkomen vandaan komt."},
		{"geen soort", "inkomen", url.Values{"p-soort-1": {"geen"}}, "a-soort-1", "Kies waar het inkomen vandaan komt."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := naarStap(t, s, c.stap)
			f.Antwoord(c.v)
			if f.Status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", f.Status)
			}
			if !strings.Contains(f.Body, `id="foutsamenvatting"`) || !strings.Contains(f.Body, `href="#`+c.veld+`"`) {
				t.Errorf("error summary does not link to #%s", c.veld)
			}
			if n := strings.Count(html.UnescapeString(f.Body), c.msg); n < 2 {
				t.Errorf("message %q shown %d times, want in summary and at the field", c.msg, n)
			}
			if !strings.Contains(f.Body, "<title>Fout:") {
				t.Errorf("title does not start with Fout:")
			}
			if f.Stap() != c.stap {
				t.Errorf("step %q, want the same step %q", f.Stap(), c.stap)
			}
		})
	}
}

func TestTerugKnop(t *testing.T) {
	s := testServer(t, testConfig{})
	f := naarStap(t, s, "inkomen")
	v := url.Values{"t": {f.Token()}, "actie": {"terug"}}
	f.Post("/check/stap", v)
	if f.Stap() != "leeftijd" {
		t.Fatalf("back went to %q, want leeftijd", f.Stap())
	}
	// The earlier answers are kept.
	if !strings.Contains(f.Body, `name="a-jaar" value="1985"`) {
		t.Errorf("birth year not kept")
	}
	f.Post("/check/stap", url.Values{"t": {f.Token()}, "actie": {"terug"}})
	f.Post("/check/stap", url.Values{"t": {f.Token()}, "actie": {"terug"}})
	if f.Status != http.StatusSeeOther || !strings.HasPrefix(f.Loc, "/?lang=nl") {
		t.Errorf("back from the first step: %d %q", f.Status, f.Loc)
	}
}

func TestTaalWissel(t *testing.T) {
	s := testServer(t, testConfig{})
	f := naarStap(t, s, "leeftijd")
	m := regexp.MustCompile(`href="([^"]+)" lang="en"`).FindStringSubmatch(f.Body)
	if m == nil {
		t.Fatal("no English link")
	}
	f.Get(html.UnescapeString(m[1]))
	if f.Status != 200 || f.H1() != "How old are you?" || !strings.Contains(f.Body, `<html lang="en"`) {
		t.Errorf("English step: %d %q", f.Status, f.H1())
	}
}

func TestIntermediairWoorden(t *testing.T) {
	s := testServer(t, testConfig{})
	f := &flow{T: t, H: s.Handler()}
	f.Post("/check/start", url.Values{"gemeente": {"GM1681"}, "voor": {"ander"}})
	if f.H1() != "Wie wonen er bij uw cliënt?" {
		t.Errorf("h1 %q", f.H1())
	}
}

// TestVolledigeCheck walks the check to the result and checks the outcomes shown.
func TestVolledigeCheck(t *testing.T) {
	s := testServer(t, testConfig{})
	f := naarStap(t, s, "inkomen")
	f.Antwoord(url.Values{"a-soort-1": {"bijstand"}, "a-bedrag-1": {"1500"}, "p-soort-1": {"geen"}})
	for i := 0; i < 6 && f.Stap() != ""; i++ {
		switch f.Stap() {
		case "vermogen":
			f.Antwoord(url.Values{"vermogen": {"200"}})
		case "wonen":
			f.Antwoord(url.Values{"wonen": {"huur"}, "huur": {"650"}})
		case "ontvangt":
			f.Antwoord(url.Values{"ontvangt": {"bijstand"}, "laag-jaren": {"4"}})
		case "situatie":
			f.Antwoord(url.Values{"student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}})
		}
	}
	if f.Status != 200 || !strings.Contains(f.Body, "Dit kunt u misschien krijgen") {
		t.Fatalf("no result page: %d %q", f.Status, f.H1())
	}
	for _, want := range []string{`id="regeling-kindregelingen"`, `data-oordeel="recht"`, "Weet u het niet zeker?", "geen aanvraag", "Uw antwoorden", "Bijstandsuitkering: € 1.500"} {
		if !strings.Contains(html.UnescapeString(f.Body), want) {
			t.Errorf("result page misses %q", want)
		}
	}
}

func TestNooit500BijOnzin(t *testing.T) {
	s := testServer(t, testConfig{})
	onzin := []string{"", "-1", "abc", "1e9", "999999999999999999999", "１２", "<b>", "0x10", "\x00", strings.Repeat("9", 300), "12,345,67", "€ -5", " 3 "}
	for _, stap := range []string{"huishouden", "leeftijd", "inkomen"} {
		for _, o := range onzin {
			f := naarStap(t, s, stap)
			v := url.Values{}
			for _, k := range []string{"partner", "kinderen", "medebewoners", "a-dag", "a-maand", "a-jaar", "p-dag", "p-maand", "p-jaar", "kind-1", "a-soort-1", "a-bedrag-1", "a-soort-2", "a-bedrag-2", "p-soort-1", "p-bedrag-1"} {
				v.Set(k, o)
			}
			f.Antwoord(v) // fails the test on any 5xx
		}
	}
}

func FuzzStapPost(f *testing.F) {
	s := testServer(f, testConfig{})
	h := s.Handler()
	fl := &flow{T: f, H: h}
	fl.Post("/check/start", url.Values{"gemeente": {"GM0175"}, "voor": {"zelf"}})
	tok := fl.Token()
	f.Add("partner=ja&kinderen=3&medebewoners=1")
	f.Add("partner=nee&kinderen=40")
	f.Fuzz(func(t *testing.T, form string) {
		req := httptest.NewRequest(http.MethodPost, "/check/stap", strings.NewReader(form+"&t="+tok))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("status %d for %q", rec.Code, form)
		}
		io.Copy(io.Discard, rec.Body)
	})
}

// TestResultaatParallel renders result pages from many goroutines at once (run with -race): the
// server shares templates, labels and buffers between requests.
func TestResultaatParallel(t *testing.T) {
	s := testServer(t, testConfig{})
	h := s.Handler()
	var urls []string
	for _, lang := range []string{"nl", "en"} {
		for _, voor := range []string{"zelf", "ander"} {
			f := &flow{T: t, H: h}
			f.Post("/check/start", url.Values{"gemeente": {"GM0147"}, "voor": {voor}, "lang": {lang}})
			f.Antwoord(url.Values{"partner": {"nee"}, "kinderen": {"1"}, "medebewoners": {"0"}, "lang": {lang}})
			f.Antwoord(url.Values{"a-dag": {"1"}, "a-maand": {"1"}, "a-jaar": {"1990"}, "kind-1": {"9"}, "lang": {lang}})
			f.Antwoord(url.Values{"a-soort-1": {"bijstand"}, "a-bedrag-1": {"1400"}, "lang": {lang}})
			for f.Resultaat == "" && f.Stap() != "" {
				f.Antwoord(url.Values{"vermogen": {"0"}, "laag-jaren": {"4"}, "student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}, "wonen": {"huur"}, "huur": {"650"}, "lang": {lang}})
			}
			if f.Resultaat == "" {
				t.Fatal("no result")
			}
			urls = append(urls, f.Resultaat)
		}
	}
	// The "change an answer" link carries a fresh token (a new nonce) on every rendering.
	zonderToken := func(s string) string { return regexp.MustCompile(`t=[A-Za-z0-9_-]+`).ReplaceAllString(s, "t=…") }
	want := make([]string, len(urls))
	for i, u := range urls {
		f := &flow{T: t, H: h}
		f.Get(u)
		want[i] = zonderToken(f.Body)
	}
	if !strings.Contains(want[1], "uw cliënt") || !strings.Contains(want[2], "your result") && !strings.Contains(want[2], "Your result") {
		t.Errorf("language or voice not applied")
	}
	errs := make(chan string, 64)
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				k := (g + i) % len(urls)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, urls[k], nil))
				if zonderToken(rec.Body.String()) != want[k] {
					errs <- fmt.Sprintf("page %d differs under concurrency", k)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// FuzzToken feeds arbitrary codes to the token reader: it must refuse them without panicking.
func FuzzToken(f *testing.F) {
	s := testServer(f, testConfig{})
	good, err := s.token.seal(&Antwoorden{Versie: antwoordenVersie, Gemaakt: testNu.Unix(), Gemeente: "GM0175", Huidig: stapHuishouden})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add("")
	f.Add(good[:len(good)-1])
	f.Fuzz(func(t *testing.T, code string) {
		// Only codes this key sealed open; the seed's content is the only one there is.
		a, err := s.leesToken(context.Background(), code)
		if err == nil && (a.Gemeente != "GM0175" || a.Huidig != stapHuishouden || len(a.Klaar) != 0) {
			t.Fatalf("accepted a forged code %q: %+v", code, a)
		}
	})
}
