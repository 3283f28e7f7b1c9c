package regels

import (
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"

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
	peil := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	h := htHuishouden(false, 0, huishouden.Koop, "", "0")
	for _, g := range cat.Gemeenten() {
		pk, err := cat.Pakket(g.Code, peil)
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
		f, err := Afleiden(h, peil, cat.Params())
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
		res, err := cat.Evalueer(h, peil)
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

// TestLandelijkeBedragen: the four national regelingen through the engine for a single parent with
// a child of 8, at a toetsingsinkomen of 30,000 (the kindgebonden-budget brochure example: 497 a
// month) and a rent of 700, 2026, with every amount worked out:
//
//	zorgtoeslag:  2,119 − (568.55 + 13.73% × 264 = 36.25) = 1,514.20 a year → 126 a month
//	kgb:          2,580 + 3,416 − 7.6% × 264 (20.06) = 5,975.94 a year → 497 a month
//	huurtoeslag:  2 persons: A = 498.20 − 200.71 = 297.49; B = 65% × (700 − 498.20) = 131.17;
//	              afbouw 22% × (30,000 − 31,500) < 0 → 0; 428.66 → 428 a month
//	kinderbijslag: age 8 on 1 April 2026 → 358.30 a quarter
func TestLandelijkeBedragen(t *testing.T) {
	cat, err := LaadStandaard(nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	peil := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	geb, kind := datum.Moet("1990-01-01"), datum.Moet("2017-09-01")
	huur := geld.Euro(700)
	h := &huishouden.Huishouden{Gemeente: "GM1969", Vermogen: new(geld.Bedrag), Wonen: huishouden.Wonen{Soort: huishouden.Huur, HuurPerMaand: &huur},
		Personen: []huishouden.Persoon{{Rol: huishouden.Aanvrager, Geboortedatum: &geb}, {Rol: huishouden.Kind, Geboortedatum: &kind}}}
	pk, err := cat.Pakket(h.Gemeente, peil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Afleiden(h, peil, cat.Params())
	if err != nil {
		t.Fatal(err)
	}
	f.ZetInkomen(geld.Euro(2000), geld.Euro(30000), 0)
	uit := make([]Kort, len(pk.Regelingen))
	pk.EvalueerFeiten(&f, uit)
	want := map[string]geld.Bedrag{ZorgtoeslagID: geld.Euro(126), KGBID: geld.Euro(497), HuurtoeslagID: geld.Euro(428), KinderbijslagID: geld.MustParse("358.30")}
	for i, r := range pk.Regelingen {
		w, ok := want[r.ID]
		if !ok {
			continue
		}
		if k := uit[i]; k.Oordeel != Recht || !k.BedragBekend || k.Bedrag != w {
			t.Errorf("%s: %+v, want recht %s", r.ID, k, w)
		}
		delete(want, r.ID)
	}
	if len(want) > 0 {
		t.Errorf("not evaluated: %v", want)
	}
	// The explained outcomes say the same, and the income sentence is not an estimate here.
	for _, u := range pk.Verklaar(&f, Weergave{Taal: "nl"}) {
		if u.ID == KGBID && (u.Bedrag == nil || *u.Bedrag != geld.Euro(497) || !strings.Contains(u.BedragUitleg, "€ 5.975,94 per jaar") || strings.Contains(u.BedragUitleg, "schatting")) {
			t.Errorf("kgb explained: %v %q", u.Bedrag, u.BedragUitleg)
		}
	}
	// At 60,000 the zorgtoeslag and the kgb are nil because of the income: geen recht, and the income
	// criterion says so.
	f.ZetInkomen(geld.Euro(4000), geld.Euro(60000), 0)
	for _, u := range pk.Verklaar(&f, Weergave{Taal: "nl"}) {
		if u.ID != ZorgtoeslagID {
			continue
		}
		if u.Oordeel != GeenRecht || !strings.Contains(u.Criteria[len(u.Criteria)-1].Tekst, "het inkomen is te hoog") {
			t.Errorf("zorgtoeslag at 60,000: %s %+v", u.Oordeel, u.Criteria)
		}
	}
}
