package checkweb

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestTestTaalZonderCode: a third language is two catalogue files — one for the pages
// (internal/web/i18n) and one for the engine (internal/regels/teksten) — not a code change. The test
// language "xx" wraps every Dutch page text in ⟦ ⟧ (made here from nl.json) and uses the engine's
// test catalogue (internal/regels/testdata/teksten/xx.json, which wraps its texts the same way). A full
// check in xx must show only wrapped texts: every sentence of the page and of the explanation came from
// the xx files, and nothing is missing.
func TestTestTaalZonderCode(t *testing.T) {
	pagina := fstest.MapFS{}
	for _, lang := range []string{"nl", "en"} {
		data, err := os.ReadFile(filepath.Join("..", "i18n", lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		pagina["i18n/"+lang+".json"] = &fstest.MapFile{Data: data}
	}
	var nlm map[string]string
	if err := json.Unmarshal(pagina["i18n/nl.json"].Data, &nlm); err != nil {
		t.Fatal(err)
	}
	xx := map[string]string{}
	for k, v := range nlm {
		xx[k] = "⟦" + v + "⟧"
	}
	xx["taal.naam"] = "⟦Testtaal⟧"
	data, _ := json.Marshal(xx)
	pagina["i18n/xx.json"] = &fstest.MapFile{Data: data}
	berichten, err := web.LaadBerichtenUit(pagina, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	engine := fstest.MapFS{}
	for naam, pad := range map[string]string{"nl.json": "teksten/nl.json", "en.json": "teksten/en.json", "xx.json": "testdata/teksten/xx.json"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "regels", pad))
		if err != nil {
			t.Fatal(err)
		}
		engine["teksten/"+naam] = &fstest.MapFile{Data: data}
	}
	teksten, err := regels.LaadTeksten(engine, "teksten")
	if err != nil {
		t.Fatal(err)
	}
	k, err := web.New(web.Config{}, web.Deps{Nu: func() time.Time { return webtest.Nu }, Berichten: berichten})
	if err != nil {
		t.Fatal(err)
	}
	s, err := nieuw(k, Config{Sleutel: webtest.CheckSleutel}, Deps{Catalogus: webtest.Catalogus(t), Gemeenten: tenant.NewVast(tenant.Standaard()), Teksten: teksten})
	if err != nil {
		t.Fatal(err)
	}
	h := webtest.Handler(t, k, s.part())
	for _, gm := range []string{"GM0147", "GM0175", "GM1681", "GM1969"} {
		f := &webtest.Check{T: t, H: h, Taal: "xx"}
		f.Get("/?lang=xx")
		if !strings.Contains(f.Body, `<html lang="xx"`) {
			t.Fatalf("start page not in xx")
		}
		f.NaarResultaat(gm)
		if !strings.Contains(f.Resultaat, "lang=xx") {
			t.Fatalf("%s: result %q is not in xx", gm, f.Resultaat)
		}
		if m := regexp.MustCompile(`\[[a-z]+\.[a-z_.]+\]`).FindString(f.Body); m != "" {
			t.Errorf("%s: a missing key on the result page: %s", gm, m)
		}
		// Every sentence of the explanation comes from the engine's xx catalogue.
		// A criterion is <li class="… zeker-criterium--ja">text, with the links to a step inside</li>.
		crit := regexp.MustCompile(`(?s)<li class="[^"]*zeker-criterium--[a-z]+">(.*?)</li>\n`).FindAllStringSubmatch(f.Body, -1)
		if len(crit) < 3 {
			t.Fatalf("%s: found %d criteria on the result page", gm, len(crit))
		}
		for _, c := range crit {
			if tekst := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(c[1], "")); !strings.HasPrefix(strings.TrimSpace(tekst), "⟦") {
				t.Errorf("%s: criterion not from the xx catalogue: %q", gm, tekst)
			}
		}
		// The page's own texts come from the page catalogue's xx file.
		for _, sleutel := range []string{"resultaat.contact.kop", "layout.naarinhoud"} {
			if want := html.EscapeString(xx[sleutel]); !strings.Contains(f.Body, want) {
				t.Errorf("%s: page lacks %s in xx (%q)", gm, sleutel, want)
			}
		}
	}
}
