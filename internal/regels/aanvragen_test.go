package regels

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// A pack names the partner that runs a regeling by its key; a key Zeker does not know is an error with
// the pack's file and the line of aanvragen.partner.
func TestPartnerVerwijzing(t *testing.T) {
	src := strings.Replace(testPakket, "    aanvragen: {alleen_via_intermediair: true}",
		"    aanvragen:\n      alleen_via_intermediair: true\n      link: https://leergeld.voorbeeld.example/aanvraag\n      bron: {tekst: \"Testbron\", url: \"https://leergeld.voorbeeld.example/aanvraag\"}\n      partner: leergeld-test", 1)
	c, err := Laad(mapFS(map[string]string{"GM9999/2025-01-01.yaml": src}), nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	vs := c.PartnerVerwijzingen()
	if len(vs) != 1 || vs[0].Partner != "leergeld-test" || vs[0].Regeling != "kindpakket" || vs[0].Bestand != "GM9999/2025-01-01.yaml" {
		t.Fatalf("verwijzingen = %+v", vs)
	}
	regel := 1 + strings.Count(src[:strings.Index(src, "partner: leergeld-test")], "\n")
	if vs[0].Regel != regel {
		t.Errorf("regel = %d, want %d", vs[0].Regel, regel)
	}
	if err := c.ControleerPartners(func(s string) bool { return s == "leergeld-test" }); err != nil {
		t.Errorf("bekende partner: %v", err)
	}
	err = c.ControleerPartners(func(string) bool { return false })
	var pf *PakketFout
	if !errors.As(err, &pf) || pf.Regel != regel || pf.Bestand != "GM9999/2025-01-01.yaml" || !strings.Contains(pf.Reden, `onbekende partner "leergeld-test"`) {
		t.Errorf("onbekende partner: %v", err)
	}
	p, _ := c.Pakket("GM9999", opDatum("2025-06-01"))
	for _, r := range p.Regelingen {
		if r.ID == "kindpakket" && (r.Aanvragen.LinkBron == nil || r.Aanvragen.LinkBron.Tekst != "Testbron" || r.Aanvragen.Partner != "leergeld-test") {
			t.Errorf("aanvragen = %+v", r.Aanvragen)
		}
	}
}

func TestPartnerSleutelVorm(t *testing.T) {
	for _, tc := range []struct{ in, fout string }{
		{"      partner: Leergeld Test", "gebruik kleine letters"},
		{"      link: www.leergeld.nl", "geen webadres"},
		{"      bron: {tekst: \"x\"}", "bron zonder link"},
	} {
		src := strings.Replace(testPakket, "    aanvragen: {alleen_via_intermediair: true}", "    aanvragen:\n"+tc.in, 1)
		if _, err := Compileer("t.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), tc.fout) {
			t.Errorf("%q: fout %v, want %q", tc.in, err, tc.fout)
		}
	}
}
