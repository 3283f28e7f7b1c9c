package chart

import (
	"encoding/xml"
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
