package register

import (
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// Inkomensbron is the main source of income of a household, a target group of the scan.
type Inkomensbron uint8

// The income sources, from the incomes of aanvrager and partner: the kind with the largest amount,
// with AOW and pensioen taken together.
const (
	InkomenOnbekend Inkomensbron = iota
	InkomenGeen
	InkomenWerk
	InkomenOnderneming
	InkomenBijstand
	InkomenAOW // AOW and/or pensioen
	InkomenUitkering
	InkomenOverig
	aantalInkomensbronnen
)

// AantalBronnen is the number of income sources, BronOnbekend included.
const AantalInkomensbronnen = int(aantalInkomensbronnen)

var inkomensbronNamen = [aantalInkomensbronnen]string{"onbekend", "geen inkomen", "werk", "eigen onderneming", "bijstand", "AOW/pensioen", "andere uitkering", "overig"}

func (b Inkomensbron) String() string {
	if b < aantalInkomensbronnen {
		return inkomensbronNamen[b]
	}
	return "onbekend"
}

// HoofdBron classifies the household's main income source.
func HoofdInkomensbron(h *huishouden.Huishouden) Inkomensbron {
	var per [aantalInkomensbronnen]int64
	iets := false
	for i := range h.Personen {
		p := &h.Personen[i]
		if p.Rol != huishouden.Aanvrager && p.Rol != huishouden.Partner {
			continue
		}
		if p.InkomenOnbekend {
			return InkomenOnbekend
		}
		for _, ink := range p.Inkomens {
			iets = true
			per[bronVan(ink.Soort)] += int64(ink.BedragPerMaand)
		}
	}
	if !iets {
		return InkomenGeen
	}
	best, bestB := int64(-1), InkomenGeen
	for b := InkomenWerk; b < aantalInkomensbronnen; b++ {
		if per[b] > best {
			best, bestB = per[b], b
		}
	}
	return bestB
}

func bronVan(s huishouden.InkomenSoort) Inkomensbron {
	switch s {
	case huishouden.Loon:
		return InkomenWerk
	case huishouden.EigenOnderneming:
		return InkomenOnderneming
	case huishouden.Bijstand:
		return InkomenBijstand
	case huishouden.AOW, huishouden.Pensioen:
		return InkomenAOW
	case huishouden.Uitkering:
		return InkomenUitkering
	}
	return InkomenOverig
}

// Leeftijdsgroep is an age band of the aanvrager, a target group of the scan.
type Leeftijdsgroep uint8

// The age bands.
const (
	LeeftijdOnbekend Leeftijdsgroep = iota
	Leeftijd18tot27
	Leeftijd27tot45
	Leeftijd45tot67
	Leeftijd67plus
	aantalLeeftijden
)

var leeftijdNamen = [aantalLeeftijden]string{"onbekend", "18-26", "27-44", "45-66", "67+"}

func (l Leeftijdsgroep) String() string {
	if l < aantalLeeftijden {
		return leeftijdNamen[l]
	}
	return "onbekend"
}

// LeeftijdsgroepVan puts an age in its band.
func LeeftijdsgroepVan(jaren int, bekend bool) Leeftijdsgroep {
	switch {
	case !bekend:
		return LeeftijdOnbekend
	case jaren < 27:
		return Leeftijd18tot27
	case jaren < 45:
		return Leeftijd27tot45
	case jaren < 67:
		return Leeftijd45tot67
	}
	return Leeftijd67plus
}

// Dimensie is a way to split the population into target groups: the scan counts per group, the
// what-if shows the effect per group, and the register keeps counts per group of a snapshot.
type Dimensie int

// The target-group dimensions.
const (
	DimLeefvorm Dimensie = iota
	DimInkomensbron
	DimLeeftijd
	DimDorp
	aantalDimensies
)

// AantalDimensies is the number of target-group dimensions.
const AantalDimensies = int(aantalDimensies)

var dimensieNamen = [aantalDimensies]string{"leefvorm", "inkomensbron", "leeftijd", "woonplaats"}

func (d Dimensie) String() string { return dimensieNamen[d] }

// groepNamen returns the value names of each dimension for a population.
func groepNamen(p *Populatie) [aantalDimensies][]string {
	var g [aantalDimensies][]string
	g[DimLeefvorm] = []string{"onbekend", nl.Alleenstaande.String(), nl.AlleenstaandeOuder.String(), nl.Gehuwden.String()}
	g[DimInkomensbron] = inkomensbronNamen[:]
	g[DimLeeftijd] = leeftijdNamen[:]
	g[DimDorp] = p.Dorpen
	return g
}

// GroepNamen returns, per dimension, the names of its groups; GroepVan gives the index of a
// household's group in each.
func (p *Populatie) GroepNamen() [AantalDimensies][]string { return groepNamen(p) }

// GroepVan returns the group of household i in each dimension, as an index into GroepNamen.
func (p *Populatie) GroepVan(i int) [AantalDimensies]int {
	lv := int(p.Feiten[i].Leefvorm)
	if lv < 0 || lv > 3 {
		lv = 0
	}
	return [AantalDimensies]int{lv, int(p.Inkomensbron[i]), int(p.Leeftijd[i]), int(p.Dorp[i])}
}
