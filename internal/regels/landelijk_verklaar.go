package regels

import (
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// The trace of the national regelingen: per condition what is said about it as data (catalogue keys
// with the numbers), and how the amount was found, step by step, each with its source.

// verklaarLandelijk records a national condition's outcome, sentences, questions and source.
func (v *voorwaarde) verklaarLandelijk(f *Feiten, wd *woorder) Criterium {
	t, q := v.evalueer(f)
	c := Criterium{Oordeel: t, Uitkomst: triWoord(t), Vragen: q.Lijst(), Soort: v.nl.soortNaam(), Bron: grondslagVan(v.nl.regel())}
	start := len(wd.arena)
	tj := f.landelijk.Toeslagen
	switch v.nl {
	case lvHTWonen:
		switch f.Wonen {
		case WonenHuur:
			wd.zin(sHuurtoeslagWonenHuur)
		case WonenKoop:
			wd.zin(sHuurtoeslagWonenKoop)
			wd.zin(sHuurtoeslagAlleenHuur)
		case WonenInwonend:
			wd.zin(sHuurtoeslagWonenInwonend)
			wd.zin(sHuurtoeslagAlleenHuur)
		default:
			wd.zin(sHuurtoeslagWonenOnbekend)
			wd.zin(sHuurtoeslagAlleenHuur)
		}
	case lvHTHuur:
		switch {
		case !f.HuurBekend:
			wd.zin(sHuurtoeslagHuurOnbekend)
		case tj == nil || !tj.HT.Bekend:
			wd.zin(sHuurtoeslagHuur, bedragW(f.Huur))
			wd.zin(sHuurtoeslagBasishuurOnbekend)
		default:
			bh := basishuur(f, tj)
			wd.zin(sHuurtoeslagHuur, bedragW(f.Huur))
			if t == Ja {
				wd.zin(sHuurtoeslagBasishuurMeer, bedragW(bh))
			} else {
				wd.zin(sHuurtoeslagBasishuurNietMeer, bedragW(bh))
			}
			h := &tj.HT.BasishuurEenBron // tj.HT.Bron with ".basishuur_eenpersoons"
			if f.Personen >= 2 {
				h = &tj.HT.BasishuurMeerBron
			}
			c.Bron = herkomstBron(*h, "")
		}
	case lvZTVermogen, lvHTVermogen, lvKGBVermogen:
		if !f.VermogenBekend {
			wd.zin(sVermogenOnbekend)
		} else {
			wd.zin(sVermogenFeit, bedragW(f.Vermogen))
		}
		grens, ok := f.vermogensgrens(v.nl.regel())
		if !ok {
			wd.zin(sLandelijkJaarOnbekend)
			break
		}
		if f.Partner {
			wd.zin(sLandelijkVermogenGrensPartner, bedragW(grens))
		} else {
			wd.zin(sVermogenGrens, bedragW(grens))
		}
		if t == Nee {
			wd.zin(sLandelijkVermogenBoven)
		}
		c.Bron = f.vermogensbron(v.nl.regel())
	case lvZTInkomen, lvHTInkomen, lvKGBInkomen:
		c.Bron = v.inkomenZinnenLandelijk(f, t, wd)
	}
	c.Zinnen = wd.neem(start)
	return c
}

// inkomenZinnenLandelijk records the income of a toeslag: the (estimated) toetsingsinkomen and whether
// it leaves an amount; it returns the criterion's source.
func (v *voorwaarde) inkomenZinnenLandelijk(f *Feiten, t Tri, wd *woorder) Bron {
	tj := f.landelijk.Toeslagen
	s := v.nl.regel()
	switch {
	case tj == nil:
		wd.zin(sLandelijkJaarOnbekend)
		return proefberekeningBron
	case s == lsHuurtoeslag && !tj.HT.Bekend:
		wd.zin(sHuurtoeslagNietGevonden)
		return herkomstBron(tj.HT.NietBron, "")
	case !f.ToetsingsinkomenBekend:
		wd.zin(sToetsingsinkomenOnbekend)
		return proefberekeningBron
	}
	switch {
	case f.ToetsingsinkomenGeschat:
		wd.zin(sToetsingsinkomenGeschat, bedragW(f.Toetsingsinkomen))
	default:
		wd.zin(sToetsingsinkomen, bedragW(f.Toetsingsinkomen))
	}
	bron := herkomstBron(tj.Drempel, "")
	if s == lsHuurtoeslag {
		if f.RekeninkomenBekend && f.Rekeninkomen != f.Toetsingsinkomen {
			wd.zin(sRekeninkomen, bedragW(f.Rekeninkomen))
		}
		bron = herkomstBron(tj.HT.Ijkpunt, "")
	}
	switch t {
	case Ja:
		wd.zin(sLandelijkInkomenJa)
	case Nee:
		wd.zin(sLandelijkInkomenNee)
	}
	return bron
}

// landelijkUitleg records how a national amount was found.
func (b *bedragRegel) landelijkUitleg(f *Feiten, k Kort, wd *woorder) {
	tj := f.landelijk.Toeslagen
	if b.nl == lsKinderbijslag {
		if !k.BedragBekend {
			wd.zin(sLandelijkBedragOnbekend)
			return
		}
		n, _ := f.kinderenInLeeftijd(0, 17)
		wd.zin(sKinderbijslagBedrag, getal(n), bedragW(k.Bedrag))
		return
	}
	if tj == nil || !k.BedragBekend {
		if b.nl == lsHuurtoeslag && tj != nil && !tj.HT.Bekend {
			wd.zin(sHuurtoeslagNietGevonden)
			return
		}
		wd.zin(sLandelijkBedragOnbekend)
		return
	}
	switch b.nl {
	case lsZorgtoeslag:
		z := f.zorgtoeslag(tj, f.Toetsingsinkomen)
		if z.Half {
			wd.zin(sZorgtoeslagBedrag, bedragW(z.Standaardpremie), bedragW(z.Normpremie), bedragW(z.Heel), bedragW(tj.Maandbedrag(z.Heel)))
			wd.zin(sZorgtoeslagHalf, bedragW(z.Jaar), bedragW(z.Maand))
			break
		}
		wd.zin(sZorgtoeslagBedrag, bedragW(z.Standaardpremie), bedragW(z.Normpremie), bedragW(z.Jaar), bedragW(z.Maand))
	case lsKGB:
		r := tj.KindgebondenBudget(f.Toetsingsinkomen, f.Partner, f.KindLeeftijden[:min(f.Kinderen, maxKinderen)])
		wd.zin(sKGBBedrag, bedragW(r.Maximum), bedragW(r.Afbouw), bedragW(r.Jaar), bedragW(r.Maand))
		if !f.Partner && r.Kinderen > 0 {
			wd.zin(sKGBALO)
		}
	case lsHuurtoeslag:
		if f.Wonen != WonenHuur {
			wd.zin(sHuurtoeslagAlleenHuur)
			return
		}
		h, _, _ := f.huurtoeslag(tj, f.Rekeninkomen)
		wd.zin(sHuurtoeslagBedragDeel, bedragW(h.Rekenhuur), bedragW(h.Basishuur), bedragW(h.A+h.B+h.C))
		if h.Afbouw > 0 {
			wd.zin(sHuurtoeslagBedragAfbouw, bedragW(h.Afbouw), bedragW(h.Maand))
		} else {
			wd.zin(sHuurtoeslagBedragMaand, bedragW(h.Maand))
		}
	}
	if f.ToetsingsinkomenGeschat {
		wd.zin(sLandelijkSchatting)
	}
}

func grondslagVan(s landelijkeSoort) Bron {
	switch s {
	case lsZorgtoeslag:
		return zorgtoeslagGrondslag
	case lsKGB:
		return kgbGrondslag
	case lsKinderbijslag:
		return kinderbijslagGrondslag
	}
	return huurtoeslagGrondslag
}

// herkomstBron cites a national value: the short name of its source where the data gives one
// (residents' pages), with the whole provenance as Citaat (in JSON and for staff) and the value's
// place in the data as NL.
func herkomstBron(h nl.Herkomst, veld string) Bron {
	id := h.ID
	if veld != "" {
		id += "." + veld
	}
	if h.Bron.Kort != "" {
		return Bron{Tekst: h.Bron.Kort, URL: h.Bron.URL, Citaat: h.Bron.Tekst, NL: id}
	}
	return Bron{Tekst: h.Bron.Tekst, URL: h.Bron.URL, NL: id}
}

// landelijkMaand is a national amount per month (the kinderbijslag's quarter as a third, rounded
// down to cents), for totals per month.
func landelijkMaand(p Periode, b geld.Bedrag) geld.Bedrag {
	if p == PerKwartaal {
		return b / 3
	}
	return b
}
