package nl

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/zeker-platform/zeker/internal/geld"
)

// htRefEntry is refEntry with the unit, which tells the text entries from the numbers.
type htRefEntry struct {
	refEntry `yaml:",inline"`
	Unit     string `yaml:"unit"`
}

func laadHuurtoeslagReferentie(t *testing.T) []htRefEntry {
	t.Helper()
	src, err := os.ReadFile(referentiePad)
	if err != nil {
		t.Fatalf("referentiebestand: %v", err)
	}
	var r struct {
		Huurtoeslag []htRefEntry `yaml:"4b_huurtoeslag"`
	}
	if err := yaml.Unmarshal(src, &r); err != nil {
		t.Fatalf("referentie: %v", err)
	}
	if len(r.Huurtoeslag) < 20 {
		t.Fatalf("referentie 4b_huurtoeslag lijkt onvolledig: %d waarden", len(r.Huurtoeslag))
	}
	return r.Huurtoeslag
}

// TestHuurtoeslagTegenReferentie compares every value we carry with section 4b_huurtoeslag of the
// reference (amount to the cent, period, source, confidence), and checks that every numeric entry of
// the reference is carried: only the text entries are left out, on purpose.
func TestHuurtoeslagTegenReferentie(t *testing.T) {
	ref := laadHuurtoeslagReferentie(t)
	h, err := LaadHuurtoeslag()
	if err != nil {
		t.Fatal(err)
	}
	type sleutel struct{ id, vanaf string }
	idx := map[sleutel]htRefEntry{}
	for _, e := range ref {
		idx[sleutel{e.ID, e.ValidFrom}] = e
	}
	gedragen := map[sleutel]bool{}
	for id, r := range h.reeksen {
		for _, w := range r {
			vanaf := w.vanaf.Format(time.DateOnly)
			k := sleutel{id, vanaf}
			gedragen[k] = true
			e, ok := idx[k]
			if !ok {
				t.Errorf("%s vanaf %s staat niet in de referentie", id, vanaf)
				continue
			}
			s, _ := huurtoeslagSoort(id)
			switch s {
			case soortBedrag:
				want, err := geld.Parse(e.Value.Value)
				if err != nil {
					t.Fatalf("referentie %s %s: %v", id, vanaf, err)
				}
				if w.bedrag != want {
					t.Errorf("%s vanaf %s: got %s, want %s", id, vanaf, w.bedrag.Decimal(), want.Decimal())
				}
			case soortGetal:
				if got, want := w.tekst, e.Value.Value; got != want {
					t.Errorf("%s vanaf %s: got %q, want %q", id, vanaf, got, want)
				}
			}
			tot := w.tot.Format(time.DateOnly)
			if tot != e.ValidTo && !(e.ValidTo == "" && tot == afsluiting) {
				t.Errorf("%s vanaf %s: geldig_tot %q, referentie %q", id, vanaf, tot, e.ValidTo)
			}
			// The reference writes "same as above" or "same third-party sources"; then our source must
			// carry the same words as the entry it refers to. Otherwise it must name the reference's first source.
			bronEerste := strings.Fields(e.Source)[0]
			if !strings.HasPrefix(e.Source, "same") && !strings.Contains(w.bron.Tekst, bronEerste) {
				t.Errorf("%s vanaf %s: bron %q noemt de bron van de referentie niet (%q)", id, vanaf, w.bron.Tekst, e.Source)
			}
			if !strings.Contains(w.bron.Tekst, "confidence "+e.Confidence) || !strings.Contains(w.bron.Tekst, "source_type "+e.SourceType) {
				t.Errorf("%s vanaf %s: bron %q noemt niet [source_type %s, confidence %s]", id, vanaf, w.bron.Tekst, e.SourceType, e.Confidence)
			}
			if (e.Confidence == "low") != w.ongeverifieerd {
				t.Errorf("%s vanaf %s: referentie confidence %s, ongeverifieerd %v", id, vanaf, e.Confidence, w.ongeverifieerd)
			}
		}
	}
	nietGedragen := map[string]bool{
		"huurtoeslag.systeemwijziging_2025":  true, // text
		"huurtoeslag.vergoedingspercentages": true, // text
		"huurtoeslag.formule_2026":           true, // text; confidence low, "verify before use"
	}
	for _, e := range ref {
		if nietGedragen[e.ID] {
			if e.Unit != "text" && e.Unit != "formula" {
				t.Errorf("%s: bewust niet overgenomen als tekst, maar de referentie zegt unit %q", e.ID, e.Unit)
			}
			continue
		}
		if !gedragen[sleutel{e.ID, e.ValidFrom}] {
			t.Errorf("%s vanaf %s uit de referentie ontbreekt in data/huurtoeslag.yaml", e.ID, e.ValidFrom)
		}
	}
}

func TestHuurtoeslagGrenzen(t *testing.T) {
	h, err := LaadHuurtoeslag()
	if err != nil {
		t.Fatal(err)
	}
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	tests := []struct {
		naam                string
		personen            int
		partner             bool
		datum               string
		vermogen            string
		basishuur           string // "" = unknown
		maxHuur             string // "" = no condition
		basisOngeverifieerd bool
	}{
		{"alleen 2026", 1, false, "2026-12-04", "38479.00", "202.52", "", true},
		{"partners 2026", 2, true, "2026-01-01", "76958.00", "200.71", "", true},
		{"alleen met kind 2026", 2, false, "2026-06-30", "38479.00", "200.71", "", true},
		{"alleen 2025", 1, false, "2025-03-01", "37395.00", "", "900.07", false},
		{"partners 2025", 3, true, "2025-12-31", "74790.00", "", "900.07", false},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			g, err := h.Grenzen(tt.personen, tt.partner, d(tt.datum))
			if err != nil {
				t.Fatal(err)
			}
			if got := g.Vermogensgrens.Bedrag.Decimal(); got != tt.vermogen {
				t.Errorf("vermogensgrens got %s, want %s", got, tt.vermogen)
			}
			if g.Vermogensgrens.Bron.URL == "" {
				t.Error("vermogensgrens zonder URL van de bron")
			}
			if tt.basishuur == "" {
				if g.BasishuurBekend {
					t.Errorf("basishuur %s, maar de referentie geeft er geen", g.Basishuur.Bedrag.Decimal())
				}
			} else if !g.BasishuurBekend || g.Basishuur.Bedrag.Decimal() != tt.basishuur || g.Basishuur.Ongeverifieerd != tt.basisOngeverifieerd {
				t.Errorf("basishuur got %v %s (ongeverifieerd %v), want %s", g.BasishuurBekend, g.Basishuur.Bedrag.Decimal(), g.Basishuur.Ongeverifieerd, tt.basishuur)
			}
			if tt.maxHuur == "" && g.MaximaleHuurgrensBekend {
				t.Errorf("maximale huurgrens %s in een jaar zonder die voorwaarde", g.MaximaleHuurgrens.Bedrag.Decimal())
			}
			if tt.maxHuur != "" && (!g.MaximaleHuurgrensBekend || g.MaximaleHuurgrens.Bedrag.Decimal() != tt.maxHuur) {
				t.Errorf("maximale huurgrens got %s, want %s", g.MaximaleHuurgrens.Bedrag.Decimal(), tt.maxHuur)
			}
		})
	}
	for _, datum := range []string{"2024-12-31", "2027-01-01"} {
		for _, partner := range []bool{false, true} {
			if _, err := h.Grenzen(1+btoi(partner), partner, d(datum)); !errors.Is(err, ErrBuitenPeriode) {
				t.Errorf("%s partner=%v: got %v, want ErrBuitenPeriode", datum, partner, err)
			}
		}
	}
	if _, err := h.Grenzen(0, false, d("2026-01-01")); err == nil {
		t.Error("0 personen: geen fout")
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestHuurtoeslagParseFouten(t *testing.T) {
	eerste := `{id: huurtoeslag.maximale_huurgrens, waarde: "900.07", geldig_vanaf: "2025-01-01", geldig_tot: "2025-12-31", bron: rijksoverheid-2024-11-18`
	vervangHT := func(oud, nieuw string) []byte {
		t.Helper()
		s := string(huurtoeslagYAML)
		if !strings.Contains(s, oud) {
			t.Fatalf("data/huurtoeslag.yaml bevat %q niet", oud)
		}
		return []byte(strings.Replace(s, oud, nieuw, 1))
	}
	tests := []struct {
		naam string
		src  []byte
		want []string
	}{
		{"bedrag", vervangHT(`waarde: "900.07"`, `waarde: "9x0.07"`), []string{"huurtoeslag.maximale_huurgrens", "bedrag"}},
		{"onbekende id", vervangHT("id: huurtoeslag.maximale_huurgrens,", "id: huurtoeslag.max,"), []string{"huurtoeslag.max", "onbekende id"}},
		{"bron onbekend", vervangHT(eerste, strings.Replace(eerste, "rijksoverheid-2024-11-18", "nergens", 1)), []string{`bron "nergens"`}},
		{"geen einde", vervangHT(eerste, strings.Replace(eerste, `, geldig_tot: "2025-12-31"`, "", 1)), []string{"geldig_tot"}},
		{"overlap", vervangHT(`{id: huurtoeslag.kwaliteitskortingsgrens, waarde: "477.20", geldig_vanaf: "2025-01-01", geldig_tot: "2025-12-31"`, `{id: huurtoeslag.kwaliteitskortingsgrens, waarde: "477.20", geldig_vanaf: "2025-01-01", geldig_tot: "2026-01-01"`), []string{"overlappen"}},
		{"percentage", vervangHT(`waarde: "27"`, `waarde: "270"`), []string{"afbouw_pct_eenpersoons", "percentage"}},
		{"versie", vervangHT("versie: 1", "versie: 2"), []string{"versie 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			_, err := parseHuurtoeslag(tt.src)
			if err == nil {
				t.Fatal("geen fout")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("fout %q noemt %q niet", err, w)
				}
			}
		})
	}
}

func FuzzParseHuurtoeslag(f *testing.F) {
	f.Add(huurtoeslagYAML)
	f.Add([]byte("versie: 1\nwaarden: [{id: huurtoeslag.basishuur_eenpersoons}]"))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, _ = parseHuurtoeslag(src)
	})
}
