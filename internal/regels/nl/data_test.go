package nl

import (
	"bytes"
	"strings"
	"testing"
)

// vervang returns the embedded data file with one exact substring replaced; the test fails when the
// substring is not there, so a changed data file cannot make these tests vacuous.
func vervang(t *testing.T, oud, nieuw string) []byte {
	t.Helper()
	if !bytes.Contains(parametersYAML, []byte(oud)) {
		t.Fatalf("data/parameters.yaml bevat %q niet", oud)
	}
	return bytes.Replace(parametersYAML, []byte(oud), []byte(nieuw), 1)
}

func TestParseFouten(t *testing.T) {
	eerste := `{id: pw.norm.alleenstaande_21_aow.incl_vt, waarde: "1345.45", geldig_vanaf: "2025-01-01", geldig_tot: "2025-06-30", bron: normen-2025-01-westland}`
	tests := []struct {
		naam string
		src  []byte
		want []string // all must appear in the error
	}{
		{"bedrag", vervang(t, `waarde: "1345.45"`, `waarde: "13x5.45"`), []string{"pw.norm.alleenstaande_21_aow.incl_vt", "bedrag"}},
		{"bron ontbreekt", vervang(t, eerste, strings.Replace(eerste, "bron: normen-2025-01-westland", `bron: ""`, 1)), []string{"pw.norm.alleenstaande_21_aow.incl_vt", "geen bron"}},
		{"bron onbekend", vervang(t, eerste, strings.Replace(eerste, "normen-2025-01-westland", "nergens", 1)), []string{"pw.norm.alleenstaande_21_aow.incl_vt", `bron "nergens"`}},
		{"onbekende id", vervang(t, "id: pw.norm.alleenstaande_21_aow.incl_vt,", "id: pw.norm.alleenstaande_21.incl_vt,"), []string{"pw.norm.alleenstaande_21.incl_vt", "onbekende id"}},
		{"overlap", vervang(t, `{id: pw.vermogensgrens.gehuwden, waarde: "15540.00", geldig_vanaf: "2025-01-01", geldig_tot: "2025-12-31"`, `{id: pw.vermogensgrens.gehuwden, waarde: "15540.00", geldig_vanaf: "2025-01-01", geldig_tot: "2026-01-01"`), []string{"pw.vermogensgrens.gehuwden", "overlappen"}},
		{"open periode gevolgd door een andere", vervang(t, `{id: wml.uurloon_21plus, waarde: "14.06", geldig_vanaf: "2025-01-01", geldig_tot: "2025-06-30"`, `{id: wml.uurloon_21plus, waarde: "14.06", geldig_vanaf: "2025-01-01"`), []string{"wml.uurloon_21plus", "overlappen"}},
		{"afgeleide vakantietoeslag klopt niet", vervang(t, `waarde: "67.27"`, `waarde: "67.28"`), []string{"pw.norm.alleenstaande_21_aow.vakantietoeslag", "67.27"}},
		{"datum", vervang(t, `geldig_vanaf: "2025-01-01", geldig_tot: "2025-06-30", bron: normen-2025-01-westland}`, `geldig_vanaf: "2025-13-01", geldig_tot: "2025-06-30", bron: normen-2025-01-westland}`), []string{"geldig_vanaf", "2025-13-01"}},
		{"onbekend veld", vervang(t, "versie: 1", "versie: 1\nextra: ja"), []string{"extra"}},
		{"versie", vervang(t, "versie: 1", "versie: 2"), []string{"versie 2"}},
		{"aow-leeftijd", vervang(t, `waarde: "67 jaar en 3 maanden"`, `waarde: "67 jaar en 13 maanden"`), []string{"aow.leeftijd", "13 maanden"}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			_, err := parse(tt.src)
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

func TestParseIngebed(t *testing.T) {
	if _, err := parse(parametersYAML); err != nil {
		t.Fatal(err)
	}
}

// FuzzParse: the data file parser never panics, whatever it is fed. The real file is a seed, so
// minimising new inputs is slow; run with a short minimise time:
//
//	go test -run XXX -fuzz FuzzParse -fuzztime 60s -fuzzminimizetime 2s ./internal/regels/nl
func FuzzParse(f *testing.F) {
	f.Add(parametersYAML)
	f.Add([]byte("versie: 1\nbronnen: {a: {tekst: x}}\nwaarden:\n  - {id: aow.leeftijd, waarde: \"67 jaar\", geldig_vanaf: \"2024-01-01\", bron: a}\n"))
	f.Add([]byte("versie: 1\nwaarden: [{id: pw.norm.gehuwden_aow.incl_vt, waarde: '1', geldig_vanaf: '2025-01-01', bron: b}]"))
	f.Add([]byte("{"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := parse(src)
		if err != nil {
			return
		}
		// What parses must also answer without panicking.
		for _, d := range p.Perioden() {
			_, _ = p.Normtabel(d)
			_, _ = p.Norm(NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 30, LeeftijdPartner: 19, Kostendelers: 4}, d)
		}
	})
}
