package regels

import (
	"fmt"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// Oordeel is the outcome for one regeling.
type Oordeel int8

// The three outcomes. The zero value is Onzeker: nothing decided is not "no".
const (
	Onzeker Oordeel = iota
	GeenRecht
	Recht
)

func (o Oordeel) String() string {
	switch o {
	case Recht:
		return "recht"
	case GeenRecht:
		return "geen recht"
	}
	return "onzeker"
}

// MarshalText writes "recht", "geen recht" or "onzeker".
func (o Oordeel) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText reads what MarshalText writes.
func (o *Oordeel) UnmarshalText(p []byte) error {
	switch string(p) {
	case "recht":
		*o = Recht
	case "geen recht":
		*o = GeenRecht
	case "onzeker":
		*o = Onzeker
	default:
		return fmt.Errorf("regels: %q is geen oordeel (recht, geen recht of onzeker)", p)
	}
	return nil
}

// Kort is the outcome of one regeling without a trace: what the scan needs for a million households.
type Kort struct {
	Oordeel      Oordeel
	Bedrag       geld.Bedrag // per Periode of the regeling; for a loan the monthly repayment
	BedragBekend bool
	Vragen       VraagSet // questions that would settle an Onzeker outcome
}

// EvalueerFeiten evaluates every regeling of the pack against f into uit, which must have room for
// len(p.Regelingen) outcomes. It does not allocate.
func (p *Pakket) EvalueerFeiten(f *Feiten, uit []Kort) {
	for i, r := range p.Regelingen {
		uit[i] = r.evalueer(f)
	}
}

func (r *Regeling) evalueer(f *Feiten) Kort {
	t, vragen := allemaal(r.voorwaarden, f)
	var k Kort
	switch t {
	case Nee:
		k.Oordeel = GeenRecht
		return k
	case Ja:
		k.Oordeel = Recht
	default:
		k.Oordeel = Onzeker
		k.Vragen = vragen
	}
	k.Bedrag, k.BedragBekend = r.bedrag.bereken(f)
	if r.landelijk != nil && k.BedragBekend && k.Bedrag <= 0 {
		// A national regeling that pays nothing (below the AWIR minimum, a rent a cent above the
		// basishuur) is no right, whatever its conditions say.
		return Kort{Oordeel: GeenRecht}
	}
	return k
}

// Ambtshalve reports whether the regeling may be granted without an application to this household:
// the pack marks it ambtshalve, the household is entitled, and the extra ambtshalve conditions hold.
func (r *Regeling) Ambtshalve(f *Feiten) bool {
	if !r.Aanvragen.Ambtshalve {
		return false
	}
	if t, _ := allemaal(r.voorwaarden, f); t != Ja {
		return false
	}
	t, _ := allemaal(r.ambtshalveAls, f)
	return t == Ja
}

// allemaal is three-valued AND: any no is no; else any unknown is unknown; else yes.
func allemaal(vs []voorwaarde, f *Feiten) (Tri, VraagSet) {
	res := Ja
	var vragen VraagSet
	for i := range vs {
		t, q := vs[i].evalueer(f)
		switch t {
		case Nee:
			return Nee, 0
		case Onbekend:
			res = Onbekend
			vragen |= q
		}
	}
	return res, vragen
}

func (v *voorwaarde) evalueer(f *Feiten) (Tri, VraagSet) {
	switch v.soort {
	case vwLeeftijd:
		if !f.LeeftijdBekend {
			return Onbekend, bitGebAanvrager
		}
		return triVan(f.LeeftijdAanvrager >= v.min && f.LeeftijdAanvrager <= v.max), 0
	case vwAOW:
		if f.AOWAanvrager == Onbekend {
			return Onbekend, bitGebAanvrager
		}
		return triVan((f.AOWAanvrager == Ja) == v.waarde), 0
	case vwLeefvorm:
		return triVan(v.leefvormen[f.Leefvorm]), 0
	case vwKinderen:
		n, onb := f.kinderenInLeeftijd(v.lmin, v.lmax)
		switch {
		case n >= v.min:
			return Ja, 0
		case n+onb >= v.min:
			return Onbekend, bitGebKinderen
		}
		return Nee, 0
	case vwInkomen:
		return v.inkomen(f)
	case vwVermogen:
		if v.vermogen == vermogenOnbekend {
			if f.VermogenBekend && f.Vermogen <= 0 {
				return Ja, 0 // no assets are within any limit
			}
			if !f.VermogenBekend {
				return Onbekend, bitVermogen | bitGemeente
			}
			return Onbekend, bitGemeente
		}
		if !f.VermogenBekend {
			return Onbekend, bitVermogen
		}
		if v.vermogen == vermogenNorm {
			return v.vermogenNorm(f)
		}
		return triVan(f.Vermogen <= v.vermogenGrens(f)), 0
	case vwOntvangt:
		o, ok := f.ontvangt(v.regeling)
		switch {
		case !ok && !f.OntvangtBekend:
			return Onbekend, bitOntvangt
		case !ok:
			return Nee, 0
		case !v.maandenBekend:
			return Onbekend, bitGemeente
		case v.maanden == 0:
			return Ja, 0
		case o.Maanden < 0:
			return Onbekend, bitOntvangtSinds
		}
		return triVan(o.Maanden >= v.maanden), 0
	case vwNietOntvangt:
		_, ok := f.ontvangt(v.regeling)
		switch {
		case ok:
			return Nee, 0
		case !f.OntvangtBekend:
			return Onbekend, bitOntvangt
		}
		return Ja, 0
	case vwLaagInkomen:
		if !v.maandenBekend {
			return Onbekend, bitGemeente
		}
		if f.LaagInkomenMaanden < 0 {
			return Onbekend, bitLaagInkomen
		}
		if f.LaagInkomenMaanden >= v.maanden {
			return Ja, 0
		}
		return Nee, 0
	case vwSchuldsanering:
		if f.Schuldsanering == Onbekend {
			return Onbekend, bitSchuld
		}
		return triVan((f.Schuldsanering == Ja) == v.waarde), 0
	case vwStudent:
		if f.Student == Onbekend {
			return Onbekend, bitStudent
		}
		return triVan((f.Student == Ja) == v.waarde), 0
	case vwEenVerdiener:
		return eenVerdiener(f)
	case vwKwijtVermogen:
		t, q, _ := v.kwijtVermogen(f)
		return t, q
	case vwLandelijk:
		return v.landelijk(f)
	case vwBeoordeling:
		// A judgement only the gemeente can make (a disability, "no prospect of a better income"):
		// never decided by the engine.
		return Onbekend, bitGemeente
	case vwEenVan:
		res := Nee
		var vragen VraagSet
		for i := range v.sub {
			t, q := v.sub[i].evalueer(f)
			switch t {
			case Ja:
				return Ja, 0
			case Onbekend:
				res = Onbekend
				vragen |= q
			}
		}
		return res, vragen
	}
	return Onbekend, bitGemeente
}

// vermogenNorm compares known assets with a share of the applicable norm (basis known by compile).
func (v *voorwaarde) vermogenNorm(f *Feiten) (Tri, VraagSet) {
	switch {
	case f.Vermogen <= 0:
		return Ja, 0
	case !v.grens.bekend:
		return Onbekend, bitGemeente
	case !f.NormBekend:
		return Onbekend, f.NormVragen
	}
	g, _ := inkomenGrenzen(f, v.grens.p, v.basis)
	return triVan(f.Vermogen <= g), 0
}

// eenVerdiener: a couple of whom exactly one partner has an income (alleenverdieners).
func eenVerdiener(f *Feiten) (Tri, VraagSet) {
	switch {
	case f.Leefvorm != nl.Gehuwden:
		return Nee, 0
	case !f.InkomenBekend:
		return Onbekend, f.InkomenVragen
	}
	return triVan(f.Verdieners == 1), 0
}

func (v *voorwaarde) vermogenGrens(f *Feiten) geld.Bedrag {
	if v.vermogen == vermogenBijstand {
		return f.Vermogensgrens
	}
	return v.vermogenMax
}

// grensVoor returns the percentage that applies to the household (families may have their own).
func (v *voorwaarde) grensVoor(f *Feiten) procent {
	if v.grensKind.bekend && f.MinderjarigeKinderen > 0 {
		return v.grensKind
	}
	return v.grens
}

// inkomenGrenzen gives the income limit in cents under the condition's basis. With an unknown basis
// it gives the limit without (laag) and with (hoog) vakantietoeslag.
func inkomenGrenzen(f *Feiten, p geld.Percentage, b basis) (laag, hoog geld.Bedrag) {
	excl := f.NormExclVT.VanHalfOmhoog(p)
	incl := f.NormInclVT.VanHalfOmhoog(p)
	switch b {
	case basisExclVT:
		return excl, excl
	case basisInclVT:
		return incl, incl
	}
	return excl, incl
}

func (v *voorwaarde) inkomen(f *Feiten) (Tri, VraagSet) {
	var vragen VraagSet
	g := v.grensVoor(f)
	if f.InkomenBekend && f.Inkomen <= 0 {
		return Ja, 0 // no income is within any limit, whatever the gemeente chose
	}
	if !g.bekend {
		vragen |= bitGemeente
	}
	if !f.NormBekend {
		vragen |= f.NormVragen
	}
	if !f.InkomenBekend {
		vragen |= f.InkomenVragen
	}
	if vragen != 0 {
		return Onbekend, vragen
	}
	laag, hoog := inkomenGrenzen(f, g.p, v.basis)
	switch {
	case f.Inkomen <= laag:
		return Ja, 0
	case f.Inkomen > hoog:
		return Nee, 0
	}
	return Onbekend, bitGemeente
}

// bereken computes the amount; ok is false when it cannot be known.
func (b *bedragRegel) bereken(f *Feiten) (geld.Bedrag, bool) {
	switch b.soort {
	case bedragVast:
		if len(b.perDatum) > 0 {
			db, ok := b.opDatum(f.Datum)
			return db.bedrag, ok
		}
		return b.bedrag, true
	case bedragPerKind:
		n, onb := f.kinderenInLeeftijd(b.lmin, b.lmax)
		if onb > 0 {
			return 0, false
		}
		return b.bedrag * geld.Bedrag(n), true
	case bedragPerPersoon:
		if b.volwassenen {
			return b.bedrag * geld.Bedrag(f.Volwassenen), true
		}
		return b.bedrag * geld.Bedrag(f.Personen), true
	case bedragPerLeefvorm:
		return b.perLeefvorm[f.Leefvorm], true
	case bedragFormule:
		return b.basis + b.perKind*geld.Bedrag(f.Kinderen) + b.perVolwassene*geld.Bedrag(f.Volwassenen), true
	case bedragGlijdend:
		if !f.NormBekend || !f.InkomenBekend {
			return 0, false
		}
		for _, t := range b.treden {
			laag, hoog := inkomenGrenzen(f, t.tot, b.trapBasis)
			if f.Inkomen <= laag {
				return b.bedrag.VanNaarBeneden(t.deel), true
			}
			if f.Inkomen <= hoog {
				return 0, false // the step depends on the unpublished basis
			}
		}
		return 0, true
	case bedragLening:
		// The loan follows the costs; what the pack fixes is the repayment (see Uitkomst.Lening).
		return b.bedrag, b.bedragBekend
	case bedragKwijtschelding:
		// What is remitted is the tax bill, which Zeker does not know; what is left to pay is in
		// Uitkomst.Kwijtschelding.
		return 0, false
	case bedragLandelijk:
		return b.landelijk(f)
	}
	return 0, false
}

// kwijtscheldingUitkomst is the national calculation of what is still to be paid per year:
// 12 × (net income − costs of living), where rent above the normhuur and the health premium above the
// normpremie are still deducted (not known here). So at or below the costs of living nothing is left
// to pay; above them, 12 × the difference is an upper bound. kosten is the costs of living per month,
// kvb the share of the norm it was computed with, zeker whether kvb is the gemeente's own share (false:
// the lowest share the law allows, so "nothing to pay" is only certain at or below it).
func (b *bedragRegel) kwijtscheldingUitkomst(f *Feiten) (k *Kwijtschelding, kosten geld.Bedrag, kvb geld.Percentage, zeker bool) {
	if !f.InkomenBekend || !f.NormBekend {
		return nil, 0, 0, false
	}
	kvb, zeker = b.kvb.p, b.kvb.bekend
	if !zeker {
		kvb = b.kvbOndergrens
	}
	kosten, _ = inkomenGrenzen(f, kvb, b.normBasis)
	k = &Kwijtschelding{KostenVanBestaan: kosten, Percentage: kvb}
	if f.Inkomen <= kosten {
		nul := geld.Bedrag(0)
		k.TeBetalenPerJaar = &nul
		return k, kosten, kvb, zeker
	}
	h := (f.Inkomen - kosten) * 12
	k.HooguitPerJaar = &h
	return k, kosten, kvb, zeker
}
