package monitor

import (
	"errors"
	"testing"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
)

// TestKostenGlijdend: the sliding scale over Ommen's synthetic snapshot. Each household that gets part
// of the amount is checked on its own against the rule (no right now, income above the limit by less
// than the band, a right at the limit, amount × (band − above) / band); a wider band reaches more
// households and costs more; a regeling the gemeente does not have is an error.
func TestKostenGlijdend(t *testing.T) {
	pop, pk := ommen(t, 0)
	const id = "participatie_volwassenen"
	g, err := KostenGlijdend(t.Context(), pop, pk, id, geld.Procent(20))
	if err != nil {
		t.Fatal(err)
	}
	if g.Huishoudens != pop.Len() || g.Erbij == 0 || g.Kosten <= 0 {
		t.Fatalf("%+v", g)
	}
	// By hand, household by household.
	idx := -1
	for i, r := range pk.Regelingen {
		if r.ID == id {
			idx = i
		}
	}
	grens := pk.Regelingen[idx].Inkomensgrenzen()[0]
	kort := make([]regels.Kort, len(pk.Regelingen))
	var n int
	var som geld.Bedrag
	for i := range pop.Feiten {
		f := pop.Feiten[i]
		pk.EvalueerFeiten(&f, kort)
		if kort[idx].Oordeel != regels.GeenRecht || !f.InkomenBekend || !f.NormBekend {
			continue
		}
		norm := f.NormInclVT
		if grens.Basis == "excl_vt" {
			norm = f.NormExclVT
		}
		l := norm.VanHalfOmhoog(grens.Percentage)
		band := f.NormInclVT.VanHalfOmhoog(geld.Procent(20))
		if f.Inkomen <= l || f.Inkomen-l >= band {
			continue
		}
		f.Inkomen = l
		pk.EvalueerFeiten(&f, kort)
		if kort[idx].Oordeel == regels.Recht && kort[idx].BedragBekend {
			n++
			jaar := pk.Regelingen[idx].Periode.Jaarbedrag(kort[idx].Bedrag)
			deel := geld.Bedrag(int64(jaar) * int64(band-(pop.Feiten[i].Inkomen-l)) / int64(band))
			if deel <= 0 || deel > jaar {
				t.Fatalf("household %d: part %s of %s", i, deel, jaar)
			}
			som += deel
		}
	}
	if n != g.Erbij || som != g.Kosten {
		t.Errorf("by hand %d households, %s; KostenGlijdend %d, %s", n, som, g.Erbij, g.Kosten)
	}
	breder, err := KostenGlijdend(t.Context(), pop, pk, id, geld.Procent(40))
	if err != nil {
		t.Fatal(err)
	}
	if breder.Erbij < g.Erbij || breder.Kosten <= g.Kosten {
		t.Errorf("band 40%%: %d households %s; band 20%%: %d %s", breder.Erbij, breder.Kosten, g.Erbij, g.Kosten)
	}
	if _, err := KostenGlijdend(t.Context(), pop, pk, regels.KGBID, geld.Procent(20)); !errors.Is(err, ErrArmoedeval) {
		t.Errorf("a national regeling: %v", err)
	}
}
