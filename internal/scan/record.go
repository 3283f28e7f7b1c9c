package scan

import (
	"github.com/zeker-platform/zeker/internal/huishouden"
)

// Record is one household as the gemeente knows it: its own id (the key of an import), the
// household in the model of package huishouden, and the BSN of each person (parallel to
// H.Personen; "" when the source has none).
type Record struct {
	ID  string
	BSN []string
	H   huishouden.Huishouden
}

// Bron is the main source of income of a household, a target group of the scan.
type Bron uint8

// The income sources, from the incomes of aanvrager and partner: the kind with the largest amount,
// with AOW and pensioen taken together.
const (
	BronOnbekend Bron = iota
	BronGeen
	BronWerk
	BronOnderneming
	BronBijstand
	BronAOW // AOW and/or pensioen
	BronUitkering
	BronOverig
	aantalBronnen
)

var bronNamen = [aantalBronnen]string{"onbekend", "geen inkomen", "werk", "eigen onderneming", "bijstand", "AOW/pensioen", "andere uitkering", "overig"}

func (b Bron) String() string {
	if b < aantalBronnen {
		return bronNamen[b]
	}
	return "onbekend"
}

// HoofdBron classifies the household's main income source.
func HoofdBron(h *huishouden.Huishouden) Bron {
	var per [aantalBronnen]int64
	iets := false
	for i := range h.Personen {
		p := &h.Personen[i]
		if p.Rol != huishouden.Aanvrager && p.Rol != huishouden.Partner {
			continue
		}
		if p.InkomenOnbekend {
			return BronOnbekend
		}
		for _, ink := range p.Inkomens {
			iets = true
			per[bronVan(ink.Soort)] += int64(ink.BedragPerMaand)
		}
	}
	if !iets {
		return BronGeen
	}
	best, bestB := int64(-1), BronGeen
	for b := BronWerk; b < aantalBronnen; b++ {
		if per[b] > best {
			best, bestB = per[b], b
		}
	}
	return bestB
}

func bronVan(s huishouden.InkomenSoort) Bron {
	switch s {
	case huishouden.Loon:
		return BronWerk
	case huishouden.EigenOnderneming:
		return BronOnderneming
	case huishouden.Bijstand:
		return BronBijstand
	case huishouden.AOW, huishouden.Pensioen:
		return BronAOW
	case huishouden.Uitkering:
		return BronUitkering
	}
	return BronOverig
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
