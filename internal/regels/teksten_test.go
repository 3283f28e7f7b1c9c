package regels

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

func TestStandaardTeksten(t *testing.T) {
	tk, err := StandaardTeksten()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tk.Talen(), []string{"en", "nl"}; !slices.Equal(got, want) {
		t.Errorf("talen: got %v, want %v", got, want)
	}
}

func TestSleutelDefinities(t *testing.T) {
	namen := map[string]bool{}
	for s, d := range sleutels {
		if len(d.plekken) > maxWaarden {
			t.Errorf("%s: %d plekken, meer dan %d", d.naam, len(d.plekken), maxWaarden)
		}
		if n := tekstPlek(Sleutel(s), len(d.plekken)); n > 2 {
			t.Errorf("%s: %d teksten, meer dan 2", d.naam, n)
		}
		if d.naam == "" && Sleutel(s) != sPakket && Sleutel(s) != sBedragReden {
			t.Errorf("sleutel %d heeft geen naam", s)
		}
		if namen[d.naam] && d.naam != "" {
			t.Errorf("%s staat er twee keer", d.naam)
		}
		namen[d.naam] = true
	}
}

// tekstBestanden reads the shipped catalogue into a map file → key → text, to break in tests.
func tekstBestanden(t *testing.T) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for _, taal := range []string{"nl", "en"} {
		data, err := tekstenFS.ReadFile("teksten/" + taal + ".json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		out[taal] = m
	}
	return out
}

func alsFS(t *testing.T, bestanden map[string]map[string]string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for taal, m := range bestanden {
		data, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		fsys["t/"+taal+".json"] = &fstest.MapFile{Data: data}
	}
	return fsys
}

func TestLaadTekstenFouten(t *testing.T) {
	cases := []struct {
		naam  string
		breek func(b map[string]map[string]string)
		want  []string // every part must be in the error
	}{
		{"sleutel ontbreekt", func(b map[string]map[string]string) { delete(b["en"], "inkomen.grens") },
			[]string{"t/en.json", `"inkomen.grens"`, "ontbreekt"}},
		{"onbekende plek", func(b map[string]map[string]string) { b["nl"]["leeftijd.feit"] = "U bent {jaren} jaar." },
			[]string{"t/nl.json", `"leeftijd.feit"`, "onbekende plek {jaren}", "{leeftijd}"}},
		{"onbekende sleutel", func(b map[string]map[string]string) { b["en"]["leeftijd.fiet"] = "x" },
			[]string{"t/en.json", `"leeftijd.fiet"`, "onbekende sleutel"}},
		{"meervoud van een bedrag", func(b map[string]map[string]string) { b["nl"]["bedrag.vast"] = "{bedrag|euro|euro's}" },
			[]string{"t/nl.json", `"bedrag.vast"`, "geen aantal"}},
		{"open accolade", func(b map[string]map[string]string) { b["nl"]["bedrag.vast"] = "Een vast bedrag van {bedrag." },
			[]string{"t/nl.json", `"bedrag.vast"`, "{ zonder }"}},
		{"stem ontbreekt", func(b map[string]map[string]string) { delete(b["en"], "aow.ja@ander") },
			[]string{"t/en.json", `"aow.ja@ander"`, "nl.json heeft een tekst voor de intermediair"}},
		{"stem zonder basis", func(b map[string]map[string]string) {
			delete(b["nl"], "lijst.of")
			b["nl"]["lijst.of@ander"] = "of"
			b["en"]["lijst.of@ander"] = "or"
		}, []string{"t/nl.json", `"lijst.of@ander"`, `zonder "lijst.of"`}},
		{"opmaak", func(b map[string]map[string]string) { b["en"]["opmaak.bedrag"] = "EUR 1234.56" },
			[]string{"t/en.json", `"opmaak.bedrag"`, "1234,56"}},
		{"centen", func(b map[string]map[string]string) { b["en"]["opmaak.centen"] = "soms" },
			[]string{"t/en.json", `"opmaak.centen"`, "altijd of als-nodig"}},
		{"standaardtaal ontbreekt", func(b map[string]map[string]string) { delete(b, "nl") },
			[]string{"t/nl.json ontbreekt"}},
	}
	for _, c := range cases {
		t.Run(c.naam, func(t *testing.T) {
			b := tekstBestanden(t)
			c.breek(b)
			_, err := LaadTeksten(alsFS(t, b), "t")
			if err == nil {
				t.Fatal("geen fout")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("fout mist %q:\n%v", w, err)
				}
			}
		})
	}
	t.Run("dubbele sleutel en geen tekst", func(t *testing.T) {
		fsys := alsFS(t, tekstBestanden(t))
		fsys["t/de.json"] = &fstest.MapFile{Data: []byte(`{"lijst.of": "oder", "lijst.of": "oder"}`)}
		fsys["t/fr.json"] = &fstest.MapFile{Data: []byte(`{"lijst.of": 3}`)}
		_, err := LaadTeksten(fsys, "t")
		for _, w := range []string{`t/de.json: sleutel "lijst.of": staat er twee keer in`, `t/fr.json: sleutel "lijst.of": de waarde is geen tekst`} {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("fout mist %q: %v", w, err)
			}
		}
	})
}

// testTeksten is the shipped catalogue plus the test-only language "xx" (testdata/teksten/xx.json),
// which wraps every Dutch sentence in ⟦ ⟧ and writes money as EUR 1'234.56.
func testTeksten(t *testing.T) *Teksten {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, p := range []string{"teksten/nl.json", "teksten/en.json", "testdata/teksten/xx.json"} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fsys["t/"+filepath.Base(p)] = &fstest.MapFile{Data: data}
	}
	tk, err := LaadTeksten(fsys, "t")
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

// voorbeelden calls fn for every example household in every gemeente at two dates.
func voorbeelden(t *testing.T, fn func(t *testing.T, h *huishouden.Huishouden, datum time.Time)) {
	t.Helper()
	files, err := filepath.Glob("../huishouden/voorbeelden/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("geen voorbeelden: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []string{"2026-01-01", "2026-07-01"} {
			peildatum, _ := time.Parse(time.DateOnly, d)
			for _, gm := range []string{"GM0147", "GM0175", "GM1681", "GM1969"} {
				h, err := huishouden.Parse(data, peildatum)
				if err != nil {
					t.Fatal(err)
				}
				h.Gemeente = gm
				t.Run(filepath.Base(f)+"/"+gm+"/"+d, func(t *testing.T) { fn(t, h, peildatum) })
			}
		}
	}
}

// TestTestTaal shows that a third language is a catalogue file: every example household, evaluated
// in every gemeente, is worded in "xx" with every engine sentence taken from xx.json.
func TestTestTaal(t *testing.T) {
	tk := testTeksten(t)
	cat, err := LaadStandaard(nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	// uitXX checks that every catalogue sentence of zs is worded from xx: as many ⟦ as sentences.
	uitXX := func(t *testing.T, wat, tekst string, zs []Zin, sub []Criterium) {
		t.Helper()
		want := 0
		for _, z := range zs {
			if z.Sleutel != sPakket && z.Sleutel != sBedragReden {
				want++
			}
		}
		for _, s := range sub {
			for _, z := range s.Zinnen {
				if z.Sleutel != sPakket {
					want++
				}
			}
		}
		if tekst == "" || want == 0 && len(zs) == 0 {
			t.Errorf("%s: geen tekst", wat)
		}
		// Sentences of the xx catalogue start with ⟦; a leefvorm or regeling inside one adds its own.
		if got := strings.Count(tekst, "⟦"); got < want {
			t.Errorf("%s: %d zinnen uit de catalogus, maar %d keer ⟦: %q", wat, want, got, tekst)
		}
		if strings.Contains(tekst, "€") {
			t.Errorf("%s: bedrag niet in de opmaak van xx: %q", wat, tekst)
		}
	}
	voorbeelden(t, func(t *testing.T, h *huishouden.Huishouden, peildatum time.Time) {
		for _, ander := range []bool{false, true} {
			w := Weergave{Taal: "xx", Intermediair: ander, Teksten: tk}
			res, err := cat.EvalueerMet(h, peildatum, w)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(res.Leefvorm, "⟦") {
				t.Errorf("leefvorm %q", res.Leefvorm)
			}
			for _, u := range res.Regelingen {
				for i := range u.Criteria {
					c := &u.Criteria[i]
					uitXX(t, u.ID+"/"+c.Soort, c.Tekst, c.Zinnen, c.Sub)
				}
				uitXX(t, u.ID+"/bedrag", u.BedragUitleg, u.BedragZinnen, nil)
			}
			h2 := *h
			h2.Wonen.Soort = huishouden.Huur
			u, err := Huurtoeslag(&h2, peildatum, w)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{u.Naam, u.Omschrijving, u.Uitleg, u.Aanvragen.Toelichting, u.BedragUitleg} {
				if !strings.HasPrefix(s, "⟦") {
					t.Errorf("huurtoeslag: %q niet uit xx", s)
				}
			}
			for i := range u.Criteria {
				uitXX(t, "huurtoeslag/"+u.Criteria[i].Soort, u.Criteria[i].Tekst, u.Criteria[i].Zinnen, nil)
			}
		}
	})
}

// TestZelfdeDataAndereTaal: the data of a trace is enough to word it in another language and voice;
// wording a Dutch trace in English gives what Verklaar gives in English.
func TestZelfdeDataAndereTaal(t *testing.T) {
	tk, err := StandaardTeksten()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := LaadStandaard(nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	voorbeelden(t, func(t *testing.T, h *huishouden.Huishouden, peildatum time.Time) {
		res, err := cat.EvalueerMet(h, peildatum, Weergave{Taal: "nl"})
		if err != nil {
			t.Fatal(err)
		}
		en := Weergave{Taal: "en", Intermediair: true}
		want, err := cat.EvalueerMet(h, peildatum, en)
		if err != nil {
			t.Fatal(err)
		}
		for i, u := range res.Regelingen {
			for j := range u.Criteria {
				if got, w := tk.Criterium(&u.Criteria[j], en), want.Regelingen[i].Criteria[j].Tekst; got != w {
					t.Errorf("%s criterium %d:\ngot  %q\nwant %q", u.ID, j, got, w)
				}
			}
			if got, w := tk.Zinnen(u.BedragZinnen, en), want.Regelingen[i].BedragUitleg; got != w {
				t.Errorf("%s bedrag:\ngot  %q\nwant %q", u.ID, got, w)
			}
		}
	})
}

// TestTraceAlsData: a criterion carries its kind, its numbers in cents and its question.
func TestTraceAlsData(t *testing.T) {
	d := opDatum("2026-01-01")
	p := compileTest(t)
	h := alleenstaande("1990-01-01", "900")
	if err := h.Valideer(d); err != nil {
		t.Fatal(err)
	}
	f, err := Afleiden(h, d, nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	var ink *Criterium
	for _, u := range p.Verklaar(&f, Weergave{}) {
		for i := range u.Criteria {
			if u.ID == "meedoen" && u.Criteria[i].Soort == "inkomen" {
				ink = &u.Criteria[i]
			}
		}
	}
	if ink == nil {
		t.Fatal("meedoen heeft geen criterium inkomen")
	}
	var sleutels []string
	for _, z := range ink.Zinnen {
		sleutels = append(sleutels, z.Sleutel.String())
	}
	if want := []string{"inkomen.feit", "inkomen.percentage.zonder_vakantiegeld", "inkomen.grens"}; !slices.Equal(sleutels, want) {
		t.Fatalf("zinnen: got %v, want %v", sleutels, want)
	}
	if v, ok := ink.Zinnen[0].Waarde("inkomen"); !ok || v.Getal != 90000 {
		t.Errorf("inkomen: got %v %v, want 90000 cent", v, ok)
	}
	grens, _ := ink.Zinnen[2].Waarde("grens")
	bedrag, _ := ink.Zinnen[2].Waarde("bedrag")
	if grens.Getal != 12000 || bedrag.Getal != int64(f.NormExclVT.VanHalfOmhoog(12000)) {
		t.Errorf("grens: got %d (1/100 %%) and %d cent, want 12000 and %d", grens.Getal, bedrag.Getal, f.NormExclVT.VanHalfOmhoog(12000))
	}
	if !strings.Contains(ink.Tekst, "De grens is 120%: ") {
		t.Errorf("tekst: %q", ink.Tekst)
	}
}

func FuzzTekstBestand(f *testing.F) {
	f.Add([]byte(`{"leeftijd.feit": "U bent {leeftijd} jaar.", "kinderen.feit": "{aantal|kind|kinderen}"}`))
	f.Add([]byte(`{"opmaak.bedrag": "€ 1.234,56", "x@ander": "{"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := leesTekstBestand(data)
		if err != nil {
			return
		}
		tl, _ := compileerTaal("zz", m)
		wd := &woorder{tl: tl}
		wd.zinnen([]Zin{maakZin(sLeeftijdFeit, getal(3)), maakZin(sKinderenFeit, getal(1)), maakZin(sLeefvormFeit, leefvormW(nl.Gehuwden), leefvormenW([4]bool{false, true, true, true}))})
	})
}
