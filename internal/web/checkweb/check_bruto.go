package checkweb

import (
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// The inkomen step asks the amounts net or gross per month: the resident chooses (a payslip has both).
// The engine takes net income per month (huishouden.Inkomen) and derives the gross yearly income the
// toeslagen need itself (regels/landelijk_feiten.go). A gross answer is therefore turned into net here,
// with the national payslip of the date (nl.Belastingjaar.Loonstrook), per income the way the engine
// inverts it: a wage with 8% vakantiegeld and the arbeidskorting, a benefit without them, AOW and
// pension with the ouderenkorting and the eigen bijdrage Zvw withheld; the largest payslip gets the
// loonheffingskorting. Alimony and study finance have no tax withheld: net is gross. Income from an own
// business or "other" income has no payslip: the form asks its net amount (leesInkomen).

// brutoMag reports whether an income of kind soort can be given gross.
func brutoMag(soort string) bool {
	return soort != string(huishouden.EigenOnderneming) && soort != string(huishouden.Overig)
}

// loonVoor is the payslip of an income of kind soort; false when no tax is withheld on it.
func loonVoor(soort string, aow, alleen bool) (nl.Loon, bool) {
	switch huishouden.InkomenSoort(soort) {
	case huishouden.Loon:
		return nl.Loon{Vakantiegeld: true, Arbeid: true, AOW: aow}, true
	case huishouden.Bijstand, huishouden.Uitkering:
		return nl.Loon{AOW: aow}, true
	case huishouden.AOW, huishouden.Pensioen:
		return nl.Loon{AOW: aow, ZvwInhouding: true, Alleenstaand: alleen}, true
	}
	return nl.Loon{}, false
}

// nettoVanBruto returns the net monthly amounts of one person's gross monthly incomes; false when
// there is no tax data for the date.
func nettoVanBruto(b *nl.Belastingjaar, rs []InkRegel, aow, alleen bool) ([]InkRegel, bool) {
	if b == nil {
		return nil, false
	}
	grootste := -1
	for i, r := range rs {
		if _, ok := loonVoor(r.Soort, aow, alleen); ok && (grootste < 0 || r.Cent > rs[grootste].Cent) {
			grootste = i
		}
	}
	out := make([]InkRegel, len(rs))
	for i, r := range rs {
		out[i] = r
		l, ok := loonVoor(r.Soort, aow, alleen)
		if !ok || r.Cent <= 0 {
			continue
		}
		l.BrutoMaand, l.Korting = geld.Bedrag(r.Cent), i == grootste
		out[i].Cent = int64(b.Loonstrook(l).NettoMaand)
	}
	return out, true
}

// nettoInkomen is one person's income as net per month: as answered, or derived from the gross
// answer. geb is the person's birth date ("" unknown: not yet at the AOW age).
func (s *server) nettoInkomen(a *Antwoorden, ink Ink, geb string, peil time.Time) (Ink, bool) {
	if !a.Bruto || ink.Onbekend {
		return ink, true
	}
	aow := false
	if d, err := datum.Parse(geb); err == nil {
		aow, _ = s.cat.Params().AOWBereikt(d.Tijd(), peil)
	}
	rs, ok := nettoVanBruto(s.cat.Params().Landelijk(peil).Belasting, ink.Regels, aow, !a.Partner)
	if !ok {
		return Ink{Onbekend: true}, false
	}
	return Ink{Regels: rs}, true
}
