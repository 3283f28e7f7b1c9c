package regels

import (
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// The facts the national regelingen need beyond a pack's: the yearly toetsingsinkomen of the
// toeslagen, the huurtoeslag's rekeninkomen, the children's ages at the start of the quarter (the
// kinderbijslag), and the national data of the date.
//
// A household states net income per month (what a payslip or a benefit letter shows). The toeslagen
// use the gross yearly income. Zeker derives it by inverting the payslip (nl.BrutoVoorNetto) per
// income: a wage with 8% vakantiegeld and the arbeidskorting; a benefit (bijstand, WW, …) without
// them; AOW and pension with the ouderenkorting and the eigen bijdrage Zvw withheld. The payer of the
// largest income applies the loonheffingskorting; the others withhold without it, as payers do.
// Alimony counts as stated (no tax is withheld on it, so net is gross; child alimony does not count,
// which the resident's answer does not tell apart), study finance not at all. Income from an own
// business and "other" income have no payslip to invert: the toetsingsinkomen is then unknown. The
// outcome says the toetsingsinkomen is an estimate (ToetsingsinkomenGeschat).

// landelijkeFeiten fills the national facts of f from the validated household.
func (f *Feiten) landelijkeFeiten(h *huishouden.Huishouden, aanvrager, partner *huishouden.Persoon, datum time.Time, params *nl.Parameters) {
	f.landelijk = params.Landelijk(datum)
	b := f.landelijk.Belasting

	// Ages at the first day of the quarter (kinderbijslag, art. 11 and 12 AKW).
	kwartaal := time.Date(datum.Year(), (datum.Month()-1)/3*3+1, 1, 0, 0, 0, 0, time.UTC)
	k := 0
	jongeren := Ja
	for i := range h.Personen {
		p := &h.Personen[i]
		jaren, ok := p.Leeftijd(datum)
		switch {
		case p.Rol == huishouden.Kind:
			jongeren = Nee // a child at home: the higher maximum rent
		case !ok:
			if jongeren == Ja {
				jongeren = Onbekend
			}
		case f.landelijk.Toeslagen == nil || jaren >= f.landelijk.Toeslagen.HT.JongerenTot:
			jongeren = Nee
		}
		if p.Rol != huishouden.Kind || k >= maxKinderen {
			continue
		}
		if j, ok := p.Leeftijd(kwartaal); ok {
			f.KindLeeftijdenKwartaal[k] = int8(max(min(j, 127), -1))
		} else {
			f.KindLeeftijdenKwartaal[k] = -1
		}
		k++
	}
	f.Jongeren = jongeren

	if b == nil {
		return // no tax data for the date: the toetsingsinkomen stays unknown
	}
	alleen := partner == nil
	f.ToetsingsinkomenBekend, f.RekeninkomenBekend = true, true
	for i := range h.Personen {
		p := &h.Personen[i]
		aow := false
		if p.Geboortedatum != nil {
			aow, _ = params.AOWBereikt(p.Geboortedatum.Tijd(), datum)
		}
		bruto, geschat, ok := brutoJaar(b, p, aow, alleen)
		switch p {
		case aanvrager, partner:
			if !ok {
				f.ToetsingsinkomenBekend, f.RekeninkomenBekend = false, false
				if p == aanvrager {
					f.ToetsingsinkomenVragen |= bitInkAanvrager
				} else {
					f.ToetsingsinkomenVragen |= bitInkPartner
				}
				continue
			}
			f.Toetsingsinkomen += bruto
			f.ToetsingsinkomenGeschat = f.ToetsingsinkomenGeschat || geschat
		default:
			// A medebewoner's or a child's income counts in the huurtoeslag's rekeninkomen; a child
			// under 23 has a part free (art. 7 lid 3 AWIR).
			if !ok {
				if p.InkomenOnbekend || len(p.Inkomens) > 0 {
					f.RekeninkomenBekend = false
				}
				continue
			}
			if j, ok := p.Leeftijd(datum); p.Rol == huishouden.Kind && ok && j < 23 && f.landelijk.Toeslagen != nil {
				bruto = max(0, bruto-f.landelijk.Toeslagen.HT.VrijstellingKind)
			}
			f.Rekeninkomen += bruto
		}
	}
	if !f.ToetsingsinkomenBekend {
		f.Toetsingsinkomen = 0
	}
	f.Rekeninkomen += f.Toetsingsinkomen
}

// brutoJaar derives a person's gross yearly income from the net monthly incomes (see above); geschat
// reports whether a payslip was inverted, ok whether every income could be counted.
func brutoJaar(b *nl.Belastingjaar, p *huishouden.Persoon, aow, alleen bool) (bruto geld.Bedrag, geschat, ok bool) {
	if p.InkomenOnbekend {
		return 0, false, false
	}
	grootste := -1
	for i, in := range p.Inkomens {
		switch in.Soort {
		case huishouden.Loon, huishouden.Bijstand, huishouden.Uitkering, huishouden.AOW, huishouden.Pensioen:
			if grootste < 0 || in.BedragPerMaand > p.Inkomens[grootste].BedragPerMaand {
				grootste = i
			}
		}
	}
	for i, in := range p.Inkomens {
		var l nl.Loon
		switch in.Soort {
		case huishouden.Loon:
			l = nl.Loon{Vakantiegeld: true, Arbeid: true, AOW: aow}
		case huishouden.Bijstand, huishouden.Uitkering:
			l = nl.Loon{AOW: aow}
		case huishouden.AOW, huishouden.Pensioen:
			l = nl.Loon{AOW: aow, ZvwInhouding: true, Alleenstaand: alleen}
		case huishouden.Alimentatie:
			bruto += in.BedragPerMaand * 12
			continue
		case huishouden.Studiefinanciering:
			continue
		default:
			return 0, false, false
		}
		if in.BedragPerMaand <= 0 {
			continue
		}
		l.Korting = i == grootste
		l.BrutoMaand = b.BrutoVoorNetto(in.BedragPerMaand, l)
		bruto += b.Loonstrook(l).Jaarloon
		geschat = true
	}
	return bruto, geschat, true
}

// ZetInkomen sets the income of the facts directly, for a household whose income is computed rather
// than stated (the armoedeval): net per month (what the packs compare with the bijstandsnorm) and the
// gross yearly toetsingsinkomen of aanvrager and partner (the toeslagen). extra is added to the
// huurtoeslag's rekeninkomen (medebewoners). The toetsingsinkomen is then not an estimate.
func (f *Feiten) ZetInkomen(nettoPerMaand, toetsingsinkomen, extra geld.Bedrag) {
	f.Inkomen, f.InkomenBekend, f.InkomenVragen = nettoPerMaand, true, 0
	f.Toetsingsinkomen, f.ToetsingsinkomenBekend, f.ToetsingsinkomenVragen, f.ToetsingsinkomenGeschat = toetsingsinkomen, true, 0, false
	f.Rekeninkomen, f.RekeninkomenBekend = toetsingsinkomen+extra, true
}

// Landelijk returns the national data of the facts' date (nil parts where the data has none).
func (f *Feiten) Landelijk() nl.Landelijk { return f.landelijk }
