package regels

import (
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// TestLandelijkInElkPakket: the catalogue adds the national regelingen to every pack, after the
// gemeente's own, so the fast path (EvalueerFeiten, as the scan and the what-if use it) and the trace
// both give them; a what-if copy keeps them; the explained result lists them apart.
func TestLandelijkInElkPakket(t *testing.T) {
	cat, err := LaadStandaard(nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	datum := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	h := htHuishouden(false, 0, huishouden.Koop, "", "0")
	for _, g := range cat.Gemeenten() {
		pk, err := cat.Pakket(g.Code, datum)
		if err != nil {
			t.Fatal(err)
		}
		eigen, landelijk := 0, 0
		for _, r := range pk.Regelingen {
			if r.Landelijk() {
				landelijk++
			} else if landelijk > 0 {
				t.Errorf("%s: regeling %s of the pack after a national one", g.Code, r.ID)
			} else {
				eigen++
			}
		}
		if landelijk == 0 || pk.Regeling(HuurtoeslagID) == nil {
			t.Fatalf("%s: no national regelingen in the pack", g.Code)
		}
		h.Gemeente = g.Code
		f, err := Afleiden(h, datum, cat.Params())
		if err != nil {
			t.Fatal(err)
		}
		uit := make([]Kort, len(pk.Regelingen))
		pk.EvalueerFeiten(&f, uit)
		for i, r := range pk.Regelingen {
			if r.ID == HuurtoeslagID && uit[i].Oordeel != GeenRecht {
				t.Errorf("%s: huurtoeslag for an owner-occupier: %v", g.Code, uit[i].Oordeel)
			}
		}
		q, err := pk.Wijzig()
		if err != nil {
			t.Fatal(err)
		}
		if len(q.Regelingen) != len(pk.Regelingen) || q.Regeling(HuurtoeslagID) == nil {
			t.Errorf("%s: the what-if copy has %d regelingen, want %d with huurtoeslag", g.Code, len(q.Regelingen), len(pk.Regelingen))
		}
		res, err := cat.Evalueer(h, datum)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Regelingen) != eigen || len(res.Landelijk) != landelijk {
			t.Errorf("%s: result has %d + %d regelingen, want %d + %d", g.Code, len(res.Regelingen), len(res.Landelijk), eigen, landelijk)
		}
	}
}

// TestLandelijkeIDBezet: a pack may not use the id of a national regeling.
func TestLandelijkeIDBezet(t *testing.T) {
	teksten, err := StandaardTeksten()
	if err != nil {
		t.Fatal(err)
	}
	p := &Pakket{Regelingen: []*Regeling{{ID: "iit"}, {ID: HuurtoeslagID}}}
	if got := dubbeleLandelijke(p, compileerLandelijk(teksten)); got != HuurtoeslagID {
		t.Errorf("dubbeleLandelijke = %q, want %q", got, HuurtoeslagID)
	}
}
