package regels

import (
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// landelijkOpzet: a single parent with two children, renting, a toetsingsinkomen of 30,000 (2026),
// and the national regelingen alone.
func landelijkOpzet(b *testing.B) (Feiten, []*Regeling) {
	b.Helper()
	params := nl.MustLoad()
	teksten, err := StandaardTeksten()
	if err != nil {
		b.Fatal(err)
	}
	peil := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	geb, k1, k2 := datum.Moet("1990-01-01"), datum.Moet("2017-09-01"), datum.Moet("2012-02-01")
	huur := geld.Euro(700)
	h := &huishouden.Huishouden{Gemeente: "GM1969", Vermogen: new(geld.Bedrag), Wonen: huishouden.Wonen{Soort: huishouden.Huur, HuurPerMaand: &huur},
		Personen: []huishouden.Persoon{{Rol: huishouden.Aanvrager, Geboortedatum: &geb}, {Rol: huishouden.Kind, Geboortedatum: &k1}, {Rol: huishouden.Kind, Geboortedatum: &k2}}}
	f, err := Afleiden(h, peil, params)
	if err != nil {
		b.Fatal(err)
	}
	f.ZetInkomen(geld.Euro(2100), geld.Euro(30000), 0)
	return f, compileerLandelijk(teksten)
}

// BenchmarkLandelijk: all national regelingen (zorgtoeslag, huurtoeslag, kindgebonden budget,
// kinderbijslag) plus the tax of the household (payslip and assessment), no trace.
// Target (issue 16): ≤ 2 µs and 0 allocations.
func BenchmarkLandelijk(b *testing.B) {
	f, rs := landelijkOpzet(b)
	bj := f.Landelijk().Belasting
	uit := make([]Kort, len(rs))
	b.ReportAllocs()
	for b.Loop() {
		for i, r := range rs {
			uit[i] = r.evalueer(&f)
		}
		l := bj.Loonstrook(nl.Loon{BrutoMaand: geld.Euro(2300), Vakantiegeld: true, Arbeid: true, Korting: true, Alleenstaand: true})
		a := bj.Aanslag(nl.Belastingplichtige{Arbeid: l.Jaarloon, Alleenstaand: true, KindOnder12: true})
		if a.NettoJaar <= 0 || uit[0].Oordeel != Recht {
			b.Fatal("unexpected outcome")
		}
	}
}

// BenchmarkLandelijkVerklaar: the same with the full trace in Dutch. Target (issue 16): ≤ 10 µs.
func BenchmarkLandelijkVerklaar(b *testing.B) {
	f, rs := landelijkOpzet(b)
	w := Weergave{Taal: "nl"}
	bj := f.Landelijk().Belasting
	b.ReportAllocs()
	for b.Loop() {
		wd := w.woorder()
		wd.arena = make([]Zin, 0, zinRuimte(rs)) // as Pakket.Verklaar sizes it
		crit := make([]Criterium, 0, 16)
		for _, r := range rs {
			n := len(crit)
			u := r.verklaar(&f, w, wd, crit[n:n:n+len(r.voorwaarden)])
			crit = crit[:n+len(u.Criteria)]
		}
		l := bj.Loonstrook(nl.Loon{BrutoMaand: geld.Euro(2300), Vakantiegeld: true, Arbeid: true, Korting: true, Alleenstaand: true})
		_ = bj.Aanslag(nl.Belastingplichtige{Arbeid: l.Jaarloon, Alleenstaand: true, KindOnder12: true})
	}
}

// BenchmarkAfleidenLandelijk: deriving the facts of a household with a stated net wage, including the
// toetsingsinkomen estimated by inverting the payslip.
func BenchmarkAfleidenLandelijk(b *testing.B) {
	params := nl.MustLoad()
	peil := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	geb := datum.Moet("1990-01-01")
	h := &huishouden.Huishouden{Gemeente: "GM1969", Personen: []huishouden.Persoon{{Rol: huishouden.Aanvrager, Geboortedatum: &geb,
		Inkomens: []huishouden.Inkomen{{Soort: huishouden.Loon, BedragPerMaand: geld.Euro(1900)}}}}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Afleiden(h, peil, params); err != nil {
			b.Fatal(err)
		}
	}
}
