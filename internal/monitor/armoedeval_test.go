package monitor

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

func curveVoor(t testing.TB, gm, typ string, huur string, datum string) (*Curve, *regels.Pakket, *nl.Parameters) {
	t.Helper()
	params := nl.MustLoad()
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := time.Parse(time.DateOnly, datum)
	pk, err := cat.Pakket(gm, d)
	if err != nil {
		t.Fatal(err)
	}
	ht, ok := StandaardType(typ)
	if !ok {
		t.Fatalf("no type %s", typ)
	}
	if huur != "" {
		h := geld.MustParse(huur)
		ht.Huur = &h
	}
	c, err := Armoedeval(pk, params, ArmoedevalOpties{Type: ht, Datum: d})
	if err != nil {
		t.Fatal(err)
	}
	return c, pk, params
}

// TestMaandloon36: the factor 156.6 hours reproduces the reference's monthly wages for 36 hours
// (nl-parameters.yaml wml.maandloon_36u: 2201.80 at 14.06, 2255.04 at 14.40).
func TestMaandloon36(t *testing.T) {
	for uur, want := range map[string]string{"14.06": "2201.80", "14.40": "2255.04", "14.71": "2303.59"} {
		if got := Maandloon36(geld.MustParse(uur)); got != geld.MustParse(want) {
			t.Errorf("%s an hour: got %s, want %s", uur, got, want)
		}
	}
}

func TestArmoedevalCurve(t *testing.T) {
	c, pk, _ := curveVoor(t, "GM1969", "alleenstaande_ouder_2", "700", "2026-03-01")
	// 0 to 200% of 2,303.59 in steps of € 10: 461 points.
	if len(c.Punten) != 461 || c.Punten[460].Bruto != geld.Euro(4600) || c.Minimumloon36 != geld.MustParse("2303.59") {
		t.Fatalf("%d points, last %s, minimum wage %s", len(c.Punten), c.Punten[len(c.Punten)-1].Bruto, c.Minimumloon36)
	}
	p0 := c.Punten[0]
	if p0.NettoLoon != 0 || p0.Bijstand != c.Norm {
		t.Errorf("at 0: net wage %s, bijstand %s, norm %s", p0.NettoLoon, p0.Bijstand, c.Norm)
	}
	// In the bijstand region every euro earned is lost: marginal pressure 100%.
	if p := c.Punten[10]; p.Bijstand == 0 || p.Marginaal < geld.Procent(99) {
		t.Errorf("at %s: bijstand %s, marginal %s", p.Bruto, p.Bijstand, p.Marginaal)
	}
	// Every point adds up.
	for _, p := range c.Punten {
		som := p.NettoLoon + p.Bijstand
		for _, b := range p.Regelingen {
			som += b
		}
		if som != p.Besteedbaar {
			t.Fatalf("at %s: components %s, besteedbaar %s", p.Bruto, som, p.Besteedbaar)
		}
	}
	// The national toeslagen are in it: at 0 the kgb is its maximum, 2 × 2,580 + 3,416 = 8,576 a
	// year → 714 a month.
	for i, r := range c.Regelingen {
		if r.ID == regels.KGBID && p0.Regelingen[i] != geld.Euro(714) {
			t.Errorf("kgb at 0: %s", p0.Regelingen[i])
		}
	}
	for _, k := range c.Kliffen {
		t.Logf("klif %s at %s: -%s, terug %v uren %v", k.Regeling, k.Bruto, k.Verlies, k.TerugBruto, k.UrenPerWeek)
	}
	t.Logf("niet meegeteld: %v; regelingen %d", c.NietMeegeteld, len(pk.Regelingen))
}

// TestArmoedevalOnbekendMinimumloon: after 1 July 2026 the reference has no verified minimum wage; the
// curve needs it given.
func TestArmoedevalOnbekendMinimumloon(t *testing.T) {
	params := nl.MustLoad()
	cat, _ := regels.LaadStandaard(params)
	d := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	pk, _ := cat.Pakket("GM0175", d)
	ht, _ := StandaardType("alleenstaande")
	if _, err := Armoedeval(pk, params, ArmoedevalOpties{Type: ht, Datum: d}); !errors.Is(err, ErrArmoedeval) {
		t.Errorf("got %v, want ErrArmoedeval", err)
	}
	c, err := Armoedeval(pk, params, ArmoedevalOpties{Type: ht, Datum: d, Uurloon: geld.MustParse("14.71")})
	if err != nil || c.Uurloon != geld.MustParse("14.71") {
		t.Errorf("with the hourly wage given: %v", err)
	}
}

// TestArmoedevalVarianten: Ommen's participation contribution (€ 350 a year, 29.16 a month) ends in
// one step for a single parent with 2 children and a rent of 700; the variants change exactly that.
func TestArmoedevalVarianten(t *testing.T) {
	c, _, _ := curveVoor(t, "GM0175", "alleenstaande_ouder_2", "700", "2026-03-01")
	if len(c.Kliffen) != 1 || c.Kliffen[0].Regeling != "participatie_volwassenen" || c.Kliffen[0].Verlies != geld.MustParse("29.16") {
		t.Fatalf("kliffen: %+v", c.Kliffen)
	}
	k := c.Kliffen[0]
	if k.TerugBruto == nil || *k.TerugBruto <= 0 || k.UrenPerWeek == nil {
		t.Errorf("not earned back: %+v", k)
	}
	zl, err := c.Pas(Variant{Soort: "zachte_landing", Regeling: "participatie_volwassenen", Maanden: 6})
	if err != nil {
		t.Fatal(err)
	}
	if len(zl.Kliffen) != 0 {
		t.Errorf("zachte landing keeps a cliff: %+v", zl.Kliffen)
	}
	for i := range c.Punten {
		d := zl.Punten[i].Besteedbaar - c.Punten[i].Besteedbaar
		if c.Punten[i].Bruto >= k.Bruto && d != geld.MustParse("14.58") || c.Punten[i].Bruto < k.Bruto && d != 0 {
			t.Fatalf("zachte landing at %s: difference %s", c.Punten[i].Bruto, d)
		}
	}
	gl, err := c.Pas(Variant{Soort: "glijdend", Regeling: "participatie_volwassenen", Band: geld.Procent(20)})
	if err != nil || len(gl.Kliffen) != 0 {
		t.Fatalf("glijdend: %v %+v", err, gl)
	}
	bp, err := c.Pas(Variant{Soort: "bijverdienpremie", Bedrag: geld.Euro(50), Tot: geld.Procent(130)})
	if err != nil || bp.Punten[0].Besteedbaar != c.Punten[0].Besteedbaar || bp.Punten[1].Besteedbaar != c.Punten[1].Besteedbaar+geld.Euro(50) {
		t.Fatalf("bijverdienpremie: %v", err)
	}
	if _, err := c.Pas(Variant{Soort: "glijdend", Regeling: "zorgtoeslag", Band: geld.Procent(20)}); !errors.Is(err, ErrArmoedeval) {
		t.Errorf("a regeling without a cliff: %v", err)
	}
	// Costs: unknown without the share and its source, never 0.
	v := Variant{Soort: "zachte_landing", Regeling: "participatie_volwassenen", Maanden: 6}
	if kst := KostenVan(c, v, KostenInvoer{Huishoudens: 400, Aandeel: geld.Procent(5)}); kst.Bekend || kst.Bedrag != nil || !strings.Contains(kst.Reden, "onbekend") {
		t.Errorf("cost without source: %+v", kst)
	}
	// 400 × 5% = 20 households × 6 × 29.16 = 3,499.20
	if kst := KostenVan(c, v, KostenInvoer{Huishoudens: 400, Aandeel: geld.Procent(5), Bron: "telling"}); !kst.Bekend || *kst.Bedrag != geld.MustParse("3499.20") {
		t.Errorf("cost: %+v", kst)
	}
}

// FuzzParseVariant: the CLI's --variant never panics, and what it accepts writes back to itself.
func FuzzParseVariant(f *testing.F) {
	for _, s := range []string{"glijdend:kindpakket=20%", "bijverdienpremie:50=130%", "zachte_landing:x=6", "x", "glijdend:=", "zachte_landing:a=99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseVariant(s)
		if err == nil && v.Soort != "glijdend" && v.Soort != "bijverdienpremie" && v.Soort != "zachte_landing" {
			t.Fatalf("%q accepted as %+v", s, v)
		}
	})
}

// BenchmarkArmoedeval: one curve of 461 points (0 to 200% of the minimum wage in € 10 steps) with
// every national and local regeling of Ommen, for a single parent with 2 children renting.
// Target (issue 16): ≤ 2 ms.
func BenchmarkArmoedeval(b *testing.B) {
	params := nl.MustLoad()
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		b.Fatal(err)
	}
	d := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	pk, _ := cat.Pakket("GM0175", d)
	ht, _ := StandaardType("alleenstaande_ouder_2")
	h := geld.Euro(700)
	ht.Huur = &h
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Armoedeval(pk, params, ArmoedevalOpties{Type: ht, Datum: d}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestArmoedevalElkeGemeente: the curve works for every gemeente of the catalogue and every standard
// household type (issue 16, "the armoedeval page and CLI work for every gemeente"): 461 points, every
// point adds up, and the four national regelingen are components of every curve.
func TestArmoedevalElkeGemeente(t *testing.T) {
	params := nl.MustLoad()
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		t.Fatal(err)
	}
	d := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	huur := geld.Euro(650)
	gs := cat.Gemeenten()
	if len(gs) < 4 {
		t.Fatalf("%d gemeenten", len(gs))
	}
	for _, g := range gs {
		pk, err := cat.Pakket(g.Code, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, typ := range StandaardTypen() {
			typ.Huur = &huur
			c, err := Armoedeval(pk, params, ArmoedevalOpties{Type: typ, Datum: d})
			if err != nil {
				t.Errorf("%s %s: %v", g.Code, typ.ID, err)
				continue
			}
			if len(c.Punten) != 461 {
				t.Errorf("%s %s: %d points", g.Code, typ.ID, len(c.Punten))
			}
			landelijk := 0
			for _, r := range c.Regelingen {
				if r.Landelijk {
					landelijk++
				}
			}
			if landelijk != 4 {
				t.Errorf("%s %s: %d national regelingen in the curve", g.Code, typ.ID, landelijk)
			}
			for _, p := range c.Punten {
				som := p.NettoLoon + p.Bijstand
				for _, b := range p.Regelingen {
					som += b
				}
				if som != p.Besteedbaar {
					t.Fatalf("%s %s at %s: parts %s, besteedbaar %s", g.Code, typ.ID, p.Bruto, som, p.Besteedbaar)
				}
			}
		}
	}
}
