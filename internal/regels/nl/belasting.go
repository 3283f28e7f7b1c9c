package nl

import "github.com/zeker-platform/zeker/internal/geld"

// Income tax box 1 with the heffingskortingen and the Zvw contribution, from gross to net, on the
// parameters of one year (data/belasting.yaml).
//
// Rounding: every component (a bracket's tax, a korting, a contribution) is rounded half away from
// zero to whole cents (Tarief.Van), then added. The Belastingdienst rounds the taxable income down to
// whole euros and some kortingen to whole euros; the reference gives no source for those steps, so Zeker
// keeps cents and names the difference: at most a few euros a year.
//
// Two nets:
//   - Loonstrook: the payslip. The payer withholds loonheffing on the year's wage (12 × the monthly
//     wage, vakantiegeld, a 13th month where given) minus the loonheffingskorting it applies: the
//     algemene heffingskorting and, on wages, the arbeidskorting; for AOW and pension also the
//     ouderenkorting (and the alleenstaande-ouderenkorting for someone alone). Each euro of the year's
//     wage bears the same share of that loonheffing, so the net of a month is the monthly wage minus
//     its share (a payroll applies a table per period and a special rate to vakantiegeld; Zeker spreads
//     evenly, which gives the same year).
//   - Aanslag: the year after the assessment: the tax on the year's income minus every korting the
//     person has (the combinatiekorting and the alleenstaande-ouderenkorting only come with the
//     assessment), never below zero, minus the Zvw contribution on income without a werkgeversheffing.
//
// The Zvw income-dependent contribution: for wages and benefits the payer pays the werkgeversheffing,
// which does not reduce the net; on AOW, pension and income without a payer (alimony) the person pays
// the eigen bijdrage (belasting-2025-2026.yaml, zvw.*: "The eigen bijdrage is paid by people with a
// benefit or pension without werkgeversheffing, DGA's and self-employed people").

// Box1 is the tax and premium volksverzekeringen on a year's taxable income in box 1, with the
// brackets from the AOW age when aow is true (for someone born after 1945).
func (b *Belastingjaar) Box1(inkomen geld.Bedrag, aow bool) geld.Bedrag {
	schijven := b.Schijven
	if aow {
		schijven = b.SchijvenAOW
	}
	var heffing, onder geld.Bedrag
	for _, s := range schijven {
		if inkomen <= onder {
			break
		}
		boven := inkomen
		if s.Tot > 0 && s.Tot < inkomen {
			boven = s.Tot
		}
		heffing += s.Tarief.Van(boven - onder)
		if s.Tot == 0 {
			break
		}
		onder = s.Tot
	}
	return heffing
}

// AlgemeneHeffingskorting is the algemene heffingskorting at a year's income.
func (b *Belastingjaar) AlgemeneHeffingskorting(inkomen geld.Bedrag, aow bool) geld.Bedrag {
	maxi, afbouw := b.AHKMax, b.AHKAfbouw
	if aow {
		maxi, afbouw = b.AHKMaxAOW, b.AHKAfbouwAOW
	}
	if inkomen <= b.AHKAfbouwVanaf {
		return maxi
	}
	return max(0, maxi-afbouw.Van(inkomen-b.AHKAfbouwVanaf))
}

// Arbeidskorting is the arbeidskorting at a year's arbeidsinkomen.
func (b *Belastingjaar) Arbeidskorting(arbeidsinkomen geld.Bedrag, aow bool) geld.Bedrag {
	segs := b.AKSegmenten
	if aow {
		segs = b.AKSegmentenAOW
	}
	if arbeidsinkomen <= 0 || len(segs) == 0 {
		return 0
	}
	i := len(segs) - 1
	for i > 0 && arbeidsinkomen < segs[i].Vanaf {
		i--
	}
	s := segs[i]
	return max(0, s.Basis+s.Tarief.Van(arbeidsinkomen-s.Vanaf))
}

// Combinatiekorting is the inkomensafhankelijke combinatiekorting at a year's arbeidsinkomen, for
// someone who qualifies (a child under 12 at home, and no fiscal partner or the lower earner).
func (b *Belastingjaar) Combinatiekorting(arbeidsinkomen geld.Bedrag) geld.Bedrag {
	if arbeidsinkomen <= b.IACKVanaf {
		return 0
	}
	return min(b.IACKMax, b.IACKTarief.Van(arbeidsinkomen-b.IACKVanaf))
}

// Ouderenkorting is the ouderenkorting at a year's (verzamel)inkomen, for someone of AOW age.
func (b *Belastingjaar) Ouderenkorting(inkomen geld.Bedrag) geld.Bedrag {
	if inkomen <= b.OKAfbouwVanaf {
		return b.OKMax
	}
	return max(0, b.OKMax-b.OKAfbouw.Van(inkomen-b.OKAfbouwVanaf))
}

// ZvwEigenBijdrage is the income-dependent Zvw contribution a person pays on income without a
// werkgeversheffing, up to the maximum income.
func (b *Belastingjaar) ZvwEigenBijdrage(grondslag geld.Bedrag) geld.Bedrag {
	if grondslag <= 0 {
		return 0
	}
	return b.ZvwEigen.Van(min(grondslag, b.ZvwMaximum))
}

// Loon describes one payslip: a gross monthly amount and how the payer treats it.
type Loon struct {
	BrutoMaand   geld.Bedrag // gross per month, without vakantiegeld
	Vakantiegeld bool        // 8% vakantiegeld on top (a wage); a benefit stated per month includes it
	Dertiende    bool        // a 13th month
	Arbeid       bool        // a wage: the arbeidskorting applies
	AOW          bool        // the person has reached the AOW age
	Alleenstaand bool        // no partner (the payer applies the alleenstaande-ouderenkorting to AOW)
	ZvwInhouding bool        // the payer withholds the eigen bijdrage Zvw (AOW, pension)
	Korting      bool        // the payer applies the loonheffingskorting (one payer only)
}

// Loonstrook is the outcome of one payslip over a year.
type Loonstrook struct {
	Jaarloon     geld.Bedrag // 12 months, vakantiegeld and 13th month
	Vakantiegeld geld.Bedrag // per year, gross
	Heffing      geld.Bedrag // box 1 on the year's wage
	AHK, AK, OK  geld.Bedrag // the loonheffingskorting, by part (OK includes the alleenstaande-ouderenkorting)
	Loonheffing  geld.Bedrag // per year: heffing minus korting, not below zero
	Zvw          geld.Bedrag // eigen bijdrage withheld per year
	NettoMaand   geld.Bedrag // one month's net, without vakantiegeld
	NettoJaar    geld.Bedrag
}

// Loonstrook computes a payslip over the year.
func (b *Belastingjaar) Loonstrook(l Loon) Loonstrook {
	var s Loonstrook
	basis := l.BrutoMaand * 12
	if l.Vakantiegeld {
		s.Vakantiegeld = b.Vakantiegeld.Van(basis)
	}
	s.Jaarloon = basis + s.Vakantiegeld
	if l.Dertiende {
		s.Jaarloon += l.BrutoMaand
	}
	if s.Jaarloon <= 0 {
		return s
	}
	s.Heffing = b.Box1(s.Jaarloon, l.AOW)
	if l.Korting {
		s.AHK = b.AlgemeneHeffingskorting(s.Jaarloon, l.AOW)
		if l.Arbeid {
			s.AK = b.Arbeidskorting(s.Jaarloon, l.AOW)
		}
		if l.AOW {
			s.OK = b.Ouderenkorting(s.Jaarloon)
			if l.Alleenstaand {
				s.OK += b.AOK
			}
		}
	}
	s.Loonheffing = max(0, s.Heffing-s.AHK-s.AK-s.OK)
	if l.ZvwInhouding {
		s.Zvw = b.ZvwEigenBijdrage(s.Jaarloon)
	}
	af := s.Loonheffing + s.Zvw
	s.NettoJaar = s.Jaarloon - af
	s.NettoMaand = l.BrutoMaand - aandeel(af, l.BrutoMaand, s.Jaarloon)
	return s
}

// aandeel is part/geheel of b, rounded half up to cents, in integers (no float).
func aandeel(b, part, geheel geld.Bedrag) geld.Bedrag {
	if geheel <= 0 {
		return 0
	}
	n := int64(b) * int64(part)
	return geld.Bedrag((n + int64(geheel)/2) / int64(geheel))
}

// BrutoVoorNetto finds the gross monthly amount whose payslip gives the net per month netto, for a
// payslip like l (its BrutoMaand is ignored): the smallest gross in cents whose net is at least
// netto. The payslip's net rises with the gross (no marginal rate reaches 100%), so bisection finds
// it in some 30 steps.
func (b *Belastingjaar) BrutoVoorNetto(netto geld.Bedrag, l Loon) geld.Bedrag {
	if netto <= 0 {
		return 0
	}
	lo, hi := netto, 3*netto+geld.Euro(1000)
	for lo < hi {
		m := lo + (hi-lo)/2
		l.BrutoMaand = m
		if b.Loonstrook(l).NettoMaand >= netto {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// Belastingplichtige is one person's year for the assessment: incomes per year by how the Zvw
// treats them, and what decides the kortingen.
type Belastingplichtige struct {
	AOW                  bool
	Arbeid               geld.Bedrag // wages (with vakantiegeld): arbeidsinkomen, werkgeversheffing Zvw
	MetWerkgeversheffing geld.Bedrag // benefits whose payer pays the werkgeversheffing (bijstand, WW, …)
	ZonderWerkgever      geld.Bedrag // AOW, pension, alimony: eigen bijdrage Zvw
	Alleenstaand         bool        // no fiscal partner
	KindOnder12          bool        // a child under 12 at home, and alone or the lower earner: the combinatiekorting
	Jonggehandicapt      bool        // a right to Wajong: the jonggehandicaptenkorting (assessment only)
}

// Aanslag is the year of one person after the assessment.
type Aanslag struct {
	Belastbaar        geld.Bedrag
	Heffing           geld.Bedrag
	AHK, AK, IACK, OK geld.Bedrag // OK includes the alleenstaande-ouderenkorting
	JGK               geld.Bedrag // jonggehandicaptenkorting
	Kortingen         geld.Bedrag // applied: at most the heffing
	Verschuldigd      geld.Bedrag
	Zvw               geld.Bedrag
	NettoJaar         geld.Bedrag
}

// Aanslag computes a person's year after the assessment.
func (b *Belastingjaar) Aanslag(p Belastingplichtige) Aanslag {
	var a Aanslag
	a.Belastbaar = p.Arbeid + p.MetWerkgeversheffing + p.ZonderWerkgever
	a.Heffing = b.Box1(a.Belastbaar, p.AOW)
	a.AHK = b.AlgemeneHeffingskorting(a.Belastbaar, p.AOW)
	a.AK = b.Arbeidskorting(p.Arbeid, p.AOW)
	if p.KindOnder12 {
		a.IACK = b.Combinatiekorting(p.Arbeid)
	}
	if p.AOW {
		a.OK = b.Ouderenkorting(a.Belastbaar)
		if p.Alleenstaand {
			a.OK += b.AOK
		}
	}
	if p.Jonggehandicapt {
		// A fixed amount (belasting-2025-2026.yaml jonggehandicaptenkorting); who has the right (Wajong)
		// is the caller's fact.
		a.JGK = b.JGK
	}
	a.Kortingen = min(a.Heffing, a.AHK+a.AK+a.IACK+a.OK+a.JGK)
	a.Verschuldigd = a.Heffing - a.Kortingen
	a.Zvw = b.ZvwEigenBijdrage(p.ZonderWerkgever)
	a.NettoJaar = a.Belastbaar - a.Verschuldigd - a.Zvw
	return a
}
