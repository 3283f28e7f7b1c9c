package regels

import (
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

func TestWijzig(t *testing.T) {
	p, err := Compileer("test.yaml", []byte(testPakket))
	if err != nil {
		t.Fatal(err)
	}
	bron := string(p.Bron())
	q, err := p.Wijzig(
		Wijziging{Pad: "open_termen.inkomensgrens.percentage", Waarde: "150%"},
		Wijziging{Pad: "regelingen.meedoen.bedrag.bedrag", Waarde: "500"},
	)
	if err != nil {
		t.Fatal(err)
	}
	if string(p.Bron()) != bron {
		t.Error("Wijzig changed the source of the original pack")
	}
	if q.Hash == p.Hash {
		t.Error("the changed pack has the hash of the original")
	}
	if got := q.Regeling("meedoen").Inkomensgrenzen()[0].Percentage; got != 15000 {
		t.Errorf("changed limit = %v, want 150%%", got)
	}
	if got := p.Regeling("meedoen").Inkomensgrenzen()[0].Percentage; got != 12000 {
		t.Errorf("original limit = %v, want 120%%", got)
	}
	// A household at 140% of the norm: no right before, a right of € 500 after.
	geb := datum.Moet("1980-01-01")
	var vermogen geld.Bedrag
	h := &huishouden.Huishouden{Gemeente: "GM9999", Vermogen: &vermogen, Personen: []huishouden.Persoon{{Rol: huishouden.Aanvrager, Geboortedatum: &geb}}}
	f, err := Afleiden(h, opDatum("2026-01-01"), nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	f.Inkomen, f.InkomenBekend = f.NormExclVT.VanHalfOmhoog(14000), true
	uit := make([]Kort, len(p.Regelingen))
	p.EvalueerFeiten(&f, uit)
	if uit[0].Oordeel != GeenRecht {
		t.Errorf("before: %v, want geen recht", uit[0].Oordeel)
	}
	q.EvalueerFeiten(&f, uit)
	if uit[0].Oordeel != Recht || uit[0].Bedrag != 50000 {
		t.Errorf("after: %v %v, want recht € 500", uit[0].Oordeel, uit[0].Bedrag)
	}

	// An unknown term becomes known; the source is marked as what-if.
	r, err := p.Wijzig(Wijziging{Pad: "open_termen.referteperiode.maanden", Waarde: "12"})
	if err != nil {
		t.Fatal(err)
	}
	for _, ot := range r.OpenTermen {
		if ot.Naam == "referteperiode" && ot.Waarde != "12 maanden" {
			t.Errorf("referteperiode = %q, want 12 maanden", ot.Waarde)
		}
	}
	// A term without a source gets the what-if source.
	s, err := p.Wijzig(Wijziging{Pad: "open_termen.nieuw.percentage", Waarde: "50%"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(s.Bron()), "wat-als-wijziging") {
		t.Errorf("new term without the what-if source:\n%s", s.Bron())
	}

	for _, tc := range []struct{ pad, waarde, fout string }{
		{"open_termen.inkomensgrens.percentage", "veel", "geen percentage"},
		{"regelingen.bestaatniet.bedrag.bedrag", "1", "bestaat niet"},
		{"regelingen.meedoen.voorwaarden", "1", "geen enkele waarde"},
		{"regelingen.meedoen.voorwaarden.9.grens", "1", "onderdelen"},
	} {
		_, err := p.Wijzig(Wijziging{Pad: tc.pad, Waarde: tc.waarde})
		if err == nil || !strings.Contains(err.Error(), tc.fout) {
			t.Errorf("Wijzig(%s=%s) = %v, want error with %q", tc.pad, tc.waarde, err, tc.fout)
		}
	}
}
