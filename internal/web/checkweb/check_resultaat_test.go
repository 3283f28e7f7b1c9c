package checkweb

import (
	"bytes"
	"html"
	"html/template"
	"net/url"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

func TestEsc(t *testing.T) {
	for _, s := range []string{"", "gewoon", `<script>alert("x") & 'y'</script>`, "€ 1.250,00 <", "&&&", "ü ë ✔"} {
		var b bytes.Buffer
		web.Esc(&b, s)
		if got, want := b.String(), html.EscapeString(s); got != want {
			t.Errorf("web.Esc(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestEscURL compares escURL with what html/template writes for a URL in a quoted href.
func TestEscURL(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<a href="{{.}}">`))
	for _, s := range []string{"/check/bewaar?lang=nl&t=AbC-_09", "https://www.borne.nl/a b?x=1&y='2'", `/"><script>`, "0591 12 34 56", "mailto:info@example.org", "/ü/€", "50%"} {
		var want strings.Builder
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.WriteString(`<a href="`)
		web.EscURL(&b, s)
		b.WriteString(`">`)
		if b.String() != want.String() {
			t.Errorf("web.EscURL(%q) = %s, html/template writes %s", s, b.String(), want.String())
		}
	}
}

func TestArtikelEscapet(t *testing.T) {
	l := testServer(t, testConfig{}).kit.Talen().Taal("nl", false)
	lb := nieuweResultaatLabels(l)
	bedrag := geld.Bedrag(12345)
	u := &regels.Uitkomst{ID: `x"><script>`, Naam: "<b>naam</b>", Oordeel: regels.Recht, Bedrag: &bedrag, Periode: regels.PerJaar,
		Aanvragen: regels.Aanvragen{Link: "javascript:alert(1)", Documenten: []string{"<u>loonstrook</u>"}},
		Criteria:  []regels.Criterium{{Uitkomst: "ja", Tekst: "<i>t</i>", Bron: regels.Bron{Tekst: "a & b", URL: "https://example.org/?a=1&b=<2>"}}},
		Grondslag: regels.Bron{Tekst: "art. 1 <x>"}}
	var b bytes.Buffer
	p := &resultaatPagina{l: l, lb: lb, a: &Antwoorden{}, stapURL: func(string) string { return "" }}
	p.artikel(&b, u, lb)
	got := b.String()
	for _, bad := range []string{"<script>", "<b>", "<i>", "<u>", "<x>", "<2>", "javascript:"} {
		if strings.Contains(got, bad) {
			t.Errorf("article contains %q unescaped", bad)
		}
	}
	for _, want := range []string{"&lt;b&gt;naam&lt;/b&gt;", "&lt;i&gt;t&lt;/i&gt;", "€ 123,45", "per jaar",
		`data-oordeel="recht"`, "&lt;u&gt;loonstrook&lt;/u&gt;", "art. 1 &lt;x&gt;", "✔", "<details"} {
		if !strings.Contains(got, want) {
			t.Errorf("article misses %q:\n%s", want, got)
		}
	}
}

// TestResultaatHuurtoeslag checks the national section of the result page: the huurtoeslag indication
// apart from the gemeente's regelingen, and the wonen answers in the overview.
func TestResultaatHuurtoeslag(t *testing.T) {
	s := testServer(t, testConfig{})
	for _, c := range []struct {
		wonen   url.Values
		oordeel string
		woont   string
	}{
		{url.Values{"wonen": {"huur"}, "huur": {"650"}}, "recht", "Kale huur per maand"},
		{url.Values{"wonen": {"koop"}}, "geen recht", "koopwoning"},
	} {
		f := naarWonen(t, s, "zelf", "200")
		if f.Stap() != "wonen" {
			t.Fatalf("stap %q, want wonen", f.Stap())
		}
		f.Antwoord(c.wonen)
		for i := 0; f.Stap() != "" && i < 5; i++ {
			f.Antwoord(url.Values{"laag-jaren": {"4"}, "student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}})
		}
		if f.Resultaat == "" {
			t.Fatalf("%v: no result page", c.wonen)
		}
		f.Get(f.Resultaat)
		body := html.UnescapeString(f.Body)
		rijk := strings.Index(body, `id="kop-landelijk"`)
		art := strings.Index(body, `id="regeling-huurtoeslag" data-oordeel="`+c.oordeel+`"`)
		if rijk < 0 || art < rijk {
			t.Errorf("%v: huurtoeslag (%s) not in the national section after the gemeente's regelingen", c.wonen, c.oordeel)
		}
		if strings.Index(body, `id="kop-geenrecht"`) > rijk {
			t.Errorf("%v: the national section stands between the gemeente's groups", c.wonen)
		}
		for _, want := range []string{"Van het Rijk", "Dienst Toeslagen", c.woont} {
			if !strings.Contains(body, want) {
				t.Errorf("%v: result page misses %q", c.wonen, want)
			}
		}
		// The national article does not send the resident to the gemeente for its amount or papers.
		landelijk := body[rijk:]
		landelijk = landelijk[:strings.Index(landelijk, "</article>")]
		for _, niet := range []string{"Vraag de gemeente", "De gemeente heeft de gegevens"} {
			if strings.Contains(landelijk, niet) {
				t.Errorf("%v: huurtoeslag says %q", c.wonen, niet)
			}
		}
		if c.oordeel == "onzeker" && !strings.Contains(landelijk, "Het Rijk rekent het uit") {
			t.Errorf("%v: huurtoeslag does not say who works out the amount", c.wonen)
		}
	}
}

// TestResultaatLinktSocialeKaart: the result page links the gemeente's sociale kaart ("hulp bij uw
// geldzaken in uw buurt"), in the page's language.
func TestResultaatLinktSocialeKaart(t *testing.T) {
	s := testServer(t, testConfig{})
	for _, lang := range []string{"nl", "en"} {
		f := &webtest.Check{T: t, H: s.Handler(), Taal: lang}
		f.NaarResultaat("GM0175")
		want := map[string]string{"nl": `href="/sociale-kaart/GM0175"`, "en": `href="/sociale-kaart/GM0175?lang=en"`}[lang]
		if strings.Count(f.Body, want) != 1 {
			t.Errorf("%s: the result page does not link the sociale kaart (%s)", lang, want)
		}
	}
}
