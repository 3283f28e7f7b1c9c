package nl

import "github.com/zeker-platform/zeker/internal/geld"

// The formulas of the toeslagen and the kinderbijslag on the parameters of one year
// (data/toeslagen.yaml), from toeslagen-2025-2026.yaml. Incomes are the yearly toetsingsinkomen (or,
// for the huurtoeslag, the rekeninkomen); amounts are computed in cents, every product rounded half
// away from zero (Tarief.Van); the monthly amount paid is then rounded down to whole euros, as the
// Dienst Toeslagen does, and a toeslag under the AWIR minimum per year is not paid.

// Maandbedrag is the monthly amount of a yearly toeslag as paid: a twelfth, rounded down to whole
// euros; nothing below the minimum per year.
func (t *Toeslagjaar) Maandbedrag(jaar geld.Bedrag) geld.Bedrag {
	if jaar < t.MinimumPerJaar || jaar <= 0 {
		return 0
	}
	return jaar / 12 / 100 * 100
}

// Zorgtoeslag is one zorgtoeslag computation.
type Zorgtoeslag struct {
	Standaardpremie geld.Bedrag // for the household: twice for partners
	Normpremie      geld.Bedrag
	Jaar            geld.Bedrag // standaardpremie minus normpremie, not below zero
	Maand           geld.Bedrag // as paid
	// Half: the partner is not verzekerd (Wet op de zorgtoeslag art. 2 lid 4): 50% of Heel, the
	// amount for partners who are both verzekerd.
	Half bool
	Heel geld.Bedrag
}

// Zorgtoeslag computes the zorgtoeslag at a (joint) toetsingsinkomen.
func (t *Toeslagjaar) Zorgtoeslag(inkomen geld.Bedrag, partner bool) Zorgtoeslag {
	z := &t.ZT
	var r Zorgtoeslag
	norm := z.NormAlleenstaande
	r.Standaardpremie = z.Standaardpremie
	if partner {
		norm, r.Standaardpremie = z.NormPartner, 2*z.Standaardpremie
	}
	r.Normpremie = norm.Van(t.Drempelinkomen) + z.Afbouw.Van(max(0, inkomen-t.Drempelinkomen))
	r.Jaar = max(0, r.Standaardpremie-r.Normpremie)
	r.Maand = t.Maandbedrag(r.Jaar)
	return r
}

// ZorgtoeslagOnverzekerdePartner computes the zorgtoeslag of a verzekerde whose partner is not
// verzekerd: 50% of the amount for partners (toeslagen-2025-2026.yaml zorgtoeslag.formula, "partner not
// verzekerd (art. 2 lid 4): 50% of the amount above"), the half cent rounded up, then per month as
// always.
func (t *Toeslagjaar) ZorgtoeslagOnverzekerdePartner(inkomen geld.Bedrag) Zorgtoeslag {
	r := t.Zorgtoeslag(inkomen, true)
	r.Half, r.Heel = true, r.Jaar
	r.Jaar = (r.Heel + 1) / 2
	r.Maand = t.Maandbedrag(r.Jaar)
	return r
}

// KGB is one kindgebonden-budget computation.
type KGB struct {
	Kinderen, Kinderen12, Kinderen16 int
	Maximum                          geld.Bedrag // per year, with the alleenstaande-ouderkop
	Drempel                          geld.Bedrag // the drempelinkomen, raised for partners
	Afbouw                           geld.Bedrag
	Jaar, Maand                      geld.Bedrag
}

// KindgebondenBudget computes the kindgebonden budget for children of the given ages (under 18
// count; 12–15 and 16–17 get their extra) at a (joint) toetsingsinkomen.
func (t *Toeslagjaar) KindgebondenBudget(inkomen geld.Bedrag, partner bool, leeftijden []int8) KGB {
	k := &t.KGB
	var r KGB
	for _, a := range leeftijden {
		if a < 0 || a >= 18 {
			continue
		}
		r.Kinderen++
		switch {
		case a >= 16:
			r.Kinderen16++
		case a >= 12:
			r.Kinderen12++
		}
	}
	if r.Kinderen == 0 {
		return r
	}
	r.Maximum = k.PerKind*geld.Bedrag(r.Kinderen) + k.Extra12*geld.Bedrag(r.Kinderen12) + k.Extra16*geld.Bedrag(r.Kinderen16)
	r.Drempel = t.Drempelinkomen
	if partner {
		r.Drempel += k.ExtraDrempelPartner
	} else {
		r.Maximum += k.ALO
	}
	r.Afbouw = k.Afbouw.Van(max(0, inkomen-r.Drempel))
	r.Jaar = max(0, r.Maximum-r.Afbouw)
	r.Maand = t.Maandbedrag(r.Jaar)
	return r
}

// HTHuishouden is what the huurtoeslag needs of a household.
type HTHuishouden struct {
	Huur         geld.Bedrag // kale huur per maand
	Personen     int
	Jongeren     bool        // everyone under the jongeren age, no child, no handicap: the lower maximum
	Rekeninkomen geld.Bedrag // per year
}

// Huurtoeslag is one huurtoeslag computation (art. 21 Wet op de huurtoeslag, 2026).
type Huurtoeslag struct {
	Rekenhuur, Basishuur geld.Bedrag // the rent counted (up to the maximum huurgrens) and the part everyone pays
	A, B, C              geld.Bedrag // 100% up to the kwaliteitskortingsgrens, 65% to the aftoppingsgrens, 40% above
	Afbouw               geld.Bedrag // per month, for the income above the minimum-inkomensijkpunt
	Exact                geld.Bedrag // A + B + C − afbouw, not below zero
	Maand                geld.Bedrag // as paid
}

// Huurtoeslag computes the huurtoeslag per month; it needs Huurtoeslag.Bekend.
func (t *Toeslagjaar) Huurtoeslag(h HTHuishouden) Huurtoeslag {
	p := &t.HT
	var r Huurtoeslag
	mhg := p.MaximaleHuurgrens
	if h.Jongeren {
		mhg = p.MaximaleHuurgrensJongeren
	}
	ag, bh, ijk, afb := p.Aftopping12, p.BasishuurEen, p.IjkpuntEen, p.AfbouwEen
	if h.Personen >= 3 {
		ag = p.Aftopping3
	}
	if h.Personen >= 2 {
		bh, ijk, afb = p.BasishuurMeer, p.IjkpuntMeer, p.AfbouwMeer
	}
	r.Rekenhuur, r.Basishuur = min(h.Huur, mhg), bh
	r.A = max(0, min(r.Rekenhuur, p.Kwaliteitskortingsgrens)-bh)
	r.B = p.DeelTotAftopping.Van(max(0, min(r.Rekenhuur, ag)-max(p.Kwaliteitskortingsgrens, bh)))
	r.C = p.DeelBovenAftopping.Van(max(0, min(r.Rekenhuur, mhg)-max(ag, bh)))
	if h.Rekeninkomen > ijk {
		r.Afbouw = afb.Van(h.Rekeninkomen - ijk).DeelHalfOmhoog(12)
	}
	r.Exact = max(0, r.A+r.B+r.C-r.Afbouw)
	r.Maand = 0
	if r.Exact*12 >= t.MinimumPerJaar {
		r.Maand = r.Exact / 100 * 100
	}
	return r
}

// KinderbijslagKwartaal is the kinderbijslag per quarter for a child of the given age on the first day
// of the quarter (0 from 18).
func (k *Kinderbijslagperiode) KinderbijslagKwartaal(leeftijd int) geld.Bedrag {
	switch {
	case leeftijd < 0 || leeftijd >= 18:
		return 0
	case leeftijd < 6:
		return k.Tot6
	case leeftijd < 12:
		return k.Tot12
	}
	return k.Tot18
}
