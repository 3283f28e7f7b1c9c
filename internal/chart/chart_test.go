package chart

import (
	"encoding/xml"
	"math"
	"strings"
	"testing"
)

func TestStaven(t *testing.T) {
	svg := Staven([]Staaf{
		{Label: "Nieuw-Buinen", Waarde: 41, Tekst: "+41"},
		{Label: "Borger <dorp>", Waarde: 12},
		{Label: "Exloo", Waarde: -3, Tekst: "−3"},
	}, Opties{Titel: "Nieuw recht per dorp", Eenheid: "huishoudens"})
	s := string(svg)
	// Well-formed XML.
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v\n%s", err, s)
			}
			break
		}
	}
	for _, want := range []string{
		`role="img"`, `<title id="grafiek-nieuw-recht-per-dorp-titel">Nieuw recht per dorp</title>`,
		`<desc id="grafiek-nieuw-recht-per-dorp-desc">3 staven. De hoogste is Nieuw-Buinen met +41.</desc>`,
		`Borger &lt;dorp&gt;`, `>12<`, `>−3<`, `fill="#b3261e"`, `41 huishoudens`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if strings.Contains(s, "<script") {
		t.Error("SVG contains a script")
	}
}

func TestGetal(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1.000"}, {1234567, "1.234.567"}, {-2500, "−2.500"}, {12.5, "12,5"}} {
		if got := getal(tc.in); got != tc.want {
			t.Errorf("getal(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestVerloop(t *testing.T) {
	x := []float64{0, 10, 20, 30}
	svg := string(Verloop(VerloopOpties{
		Titel: "Besteedbaar inkomen", Omschrijving: "Het inkomen stijgt.", XAs: "bruto loon per maand", YAs: "euro per maand",
		X:           x,
		Stapel:      []Reeks{{Naam: "Netto <loon>", Waarden: []float64{0, 10, 20, 30}}, {Naam: "Bijstand", Waarden: []float64{30, 20, 10, -5}}},
		Lijnen:      []Reeks{{Naam: "Na wat als", Waarden: []float64{31, math.NaN(), 32, 33}}},
		Markeringen: []Markering{{X: 20, Tekst: "klif 1"}, {X: 99, Tekst: "buiten"}},
		XTekst:      Euro, YTekst: Euro,
	}))
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		if _, err := d.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v\n%s", err, svg)
			}
			break
		}
	}
	for _, want := range []string{
		`role="img"`, `<title id="grafiek-besteedbaar-inkomen-titel">Besteedbaar inkomen</title>`,
		`<desc id="grafiek-besteedbaar-inkomen-desc">Het inkomen stijgt.</desc>`,
		`>bruto loon per maand<`, `>euro per maand<`, `>€ 30<`,
		`Netto &lt;loon&gt;`, `>Bijstand<`, `Na wat als (lijn, doorgetrokken)`, `>klif 1<`,
		`fill="url(#grafiek-besteedbaar-inkomen-p0)"`, `fill="url(#grafiek-besteedbaar-inkomen-p1)"`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if strings.Contains(svg, "buiten") {
		t.Error("a marking outside the x range is drawn")
	}
	// The NaN breaks the line: two move-tos in its path.
	i := strings.Index(svg, `stroke="#111111"`)
	j := strings.Index(svg[i:], `"><title>Na wat als`)
	if pad := svg[i : i+j]; strings.Count(pad, "M") != 2 {
		t.Errorf("line path %q: want a break at the NaN", pad)
	}
	// The two areas have different patterns, so colour is not the only difference.
	if p0, p1 := patroonVan(svg, 0), patroonVan(svg, 1); p0 == p1 {
		t.Errorf("areas share a pattern: %q", p0)
	}
	if strings.Contains(svg, "<script") {
		t.Error("SVG contains a script")
	}
	if leeg := string(Verloop(VerloopOpties{Titel: "Leeg"})); !strings.Contains(leeg, "Geen gegevens.") {
		t.Errorf("empty chart: %s", leeg)
	}
}

func patroonVan(svg string, k int) string {
	s := svg[strings.Index(svg, `<pattern id="grafiek-besteedbaar-inkomen-p`+string(rune('0'+k))):]
	return s[strings.Index(s, "/>")+2 : strings.Index(s, "</pattern>")]
}

func TestMooieStap(t *testing.T) {
	for _, tc := range []struct{ in, want float64 }{{0, 1}, {0.7, 1}, {130, 200}, {900, 1000}, {2400, 2500}, {4100, 5000}} {
		if got := mooieStap(tc.in); got != tc.want {
			t.Errorf("mooieStap(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
