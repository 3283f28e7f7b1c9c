package synth

import (
	"fmt"
	"sort"
	"strings"

	"github.com/zeker-platform/zeker/internal/register"
)

// Dorp is a village or wijk of a gemeente in the synthetic population: its name (a public place
// name), its share of the households, and how much more or less often than the gemeente's average
// its households live under 120% of the social minimum (1 = average).
type Dorp struct {
	Naam    string
	Gewicht float64
	Factor  float64
}

// Gebruik is the share of the entitled households that already receive a regeling whose id contains
// Trefwoord (the observed reach the population reproduces).
type Gebruik struct {
	Trefwoord string
	Aandeel   float64
	Bron      string
}

// Profiel holds the figures a synthetic population of one gemeente is calibrated to. Every figure
// names its source in Bronnen; docs/populatie.md lists the choices made where seeds disagree or are
// silent.
type Profiel struct {
	Gemeente    string
	Naam        string
	Huishoudens int     // households in the gemeente
	Laag        float64 // share of households with an income up to 120% of the social minimum

	// The low-income group (up to 120%), as shares of that group.
	LaagAlleen   float64 // single-person households
	LaagKinderen float64 // households with minor children (the rest: couples without children)
	LaagJong     float64 // aanvrager younger than 24
	LaagBron     map[register.Inkomensbron]float64

	Dorpen           []Dorp
	Gebruik          []Gebruik
	GebruikStandaard float64 // reach of a regeling no source gives a figure for
	Bronnen          []string
}

// standaardGebruik is the assumed reach of a regeling without a published figure (an assumption of
// the generator, not a seed figure: see docs/populatie.md).
const standaardGebruik = 0.45

// Profielen returns the calibration profiles of the four first tenants, by gemeentecode.
func Profielen() map[string]*Profiel {
	ommen := &Profiel{
		Gemeente: "GM0175", Naam: "Ommen",
		// 700 households are 9%: 700 / 0.09 ≈ 7,800.
		Huishoudens: 7800, Laag: 700.0 / 7800.0,
		LaagAlleen:   441.0 / 700, // "meer dan de helft bestaat uit eenpersoonshuishoudens (441)"
		LaagKinderen: 105.0 / 700, // "105 huishoudens met minderjarige kinderen" (the summary says 112; see docs)
		LaagJong:     14.0 / 700,  // "circa 14 huishoudens jonger dan 24 jaar"
		LaagBron: map[register.Inkomensbron]float64{
			register.InkomenAOW:         300.0 / 700, // "bijna 300 huishoudens inkomen uit AOW met een (klein) pensioen"
			register.InkomenWerk:        84.0 / 700,  // "84 huishoudens die een inkomen uit arbeid hebben"
			register.InkomenOnderneming: 49.0 / 700,  // "49 huishoudens een inkomen uit een onderneming of is ZZP-er"
			register.InkomenBijstand:    178.0 / 700, // assumption: two thirds of the remaining 267 live on bijstand
			register.InkomenUitkering:   89.0 / 700,  // assumption: one third of the remaining 267 on another benefit
		},
		Dorpen: []Dorp{
			{"Ommen", 0.62, 1.1}, {"Vilsteren", 0.03, 0.7}, {"Lemele", 0.06, 0.9}, {"Beerze", 0.04, 0.9},
			{"Arriën", 0.05, 0.9}, {"Giethmen", 0.04, 0.9}, {"Witharen", 0.04, 0.9}, {"Stegeren", 0.03, 0.8},
			{"Junne", 0.02, 0.8}, {"Beerzerveld", 0.07, 1.0},
		},
		Gebruik: []Gebruik{
			{"participatie", 0.30, "Ommen, beleidsplan 2024-2028, Voorzieningengebruik: participatiefonds voor volwassenen (30%)"},
			{"zorgverzekering", 0.36, "Ommen, beleidsplan 2024-2028, Voorzieningengebruik: collectieve ziektekostenregeling (36%)"},
			{"energie", 0.79, "Ommen, beleidsplan 2024-2028, Voorzieningengebruik: eenmalige energietoeslag 2022 (79%)"},
		},
		GebruikStandaard: standaardGebruik,
		Bronnen:          []string{"shared/seeds/002_2d4d628ee0fd6bf5.txt (Ommen, Beleidsplan Geldzorgen, Armoede en Schulden 2024-2028)"},
	}
	westerkwartier := &Profiel{
		Gemeente: "GM1969", Naam: "Westerkwartier",
		// 9% of households; 66% single = 1,700 households, so the group is about 2,575 households
		// (the seed's "2500 inwoners" must be households) and the gemeente about 28,600.
		Huishoudens: 28600, Laag: 0.09,
		LaagAlleen:   0.66, // "eenpersoonshuishoudens, namelijk 66% oftewel 1700 huishoudens"
		LaagKinderen: 0.15, // assumption: Ommen's share (105/700); Westerkwartier gives none
		LaagJong:     0.02, // assumption: Ommen's share (14/700)
		LaagBron: map[register.Inkomensbron]float64{
			register.InkomenAOW:         0.45, // "AOW-uitkering en/of pensioen, namelijk 45%"
			register.InkomenBijstand:    0.22, // "22% leeft van een bijstandsuitkering"
			register.InkomenUitkering:   0.16, // "16% heeft een overige uitkering"
			register.InkomenWerk:        0.09, // "14% werkt in loondienst of heeft een eigen onderneming", split 84:49 as in Ommen
			register.InkomenOnderneming: 0.05,
			register.InkomenOverig:      0.03, // the rest to 100%
		},
		Dorpen: []Dorp{
			{"Zuidhorn", 0.13, 0.9}, {"Leek", 0.18, 1.2}, {"Grootegast", 0.09, 1.1}, {"Marum", 0.09, 1.1},
			{"Aduard", 0.05, 0.9}, {"Tolbert", 0.07, 1.0}, {"Oldehove", 0.03, 1.0}, {"Grijpskerk", 0.05, 1.0},
			{"Zevenhuizen", 0.04, 1.0}, {"Opende", 0.04, 1.1}, {"Niekerk", 0.03, 1.0}, {"Noordhorn", 0.04, 0.9},
			{"Midwolde", 0.02, 0.8}, {"Lutjegast", 0.02, 1.0}, {"Doezum", 0.02, 1.0}, {"Oldekerk", 0.02, 1.0},
			{"Nuis", 0.02, 1.0}, {"Boerakker", 0.02, 1.0}, {"Enumatil", 0.01, 1.0}, {"Kornhorn", 0.01, 1.0},
			{"Visvliet", 0.02, 1.0},
		},
		GebruikStandaard: standaardGebruik,
		Bronnen:          []string{"shared/seeds/001_c361ad552431a642.txt (Westerkwartier, Solidair en dichtbij, 2023)"},
	}
	borgerOdoorn := &Profiel{
		Gemeente: "GM1681", Naam: "Borger-Odoorn",
		// 26,000 inhabitants; the seed's "3,2% ≈ 822 huishoudens" implies 25,700 households, which is the
		// number of inhabitants, not households. We take 26,000 / 2.2 persons per household ≈ 11,800.
		Huishoudens: 11800, Laag: 0.099, // "9,9% van de huishoudens"
		LaagAlleen:   0.66, // assumption: Westerkwartier's shares (Borger-Odoorn gives none)
		LaagKinderen: 0.15,
		LaagJong:     0.02,
		LaagBron: map[register.Inkomensbron]float64{
			register.InkomenAOW: 0.45, register.InkomenBijstand: 0.22, register.InkomenUitkering: 0.16, register.InkomenWerk: 0.09, register.InkomenOnderneming: 0.05, register.InkomenOverig: 0.03,
		},
		Dorpen: []Dorp{
			// "In plaatsen als Nieuw-Buinen, Valthermond en Borger ligt dit aandeel beduidend hoger dan het
			// gemeentelijk gemiddelde, terwijl het in dorpen als Drouwenermond, Buinerveen en Drouwenerveen
			// juist aanzienlijk lager ligt." The factors are assumptions with that order.
			{"Nieuw-Buinen", 0.14, 1.45}, {"Valthermond", 0.12, 1.4}, {"Borger", 0.18, 1.3},
			{"Drouwenermond", 0.02, 0.4}, {"Buinerveen", 0.02, 0.4}, {"Drouwenerveen", 0.02, 0.4},
			{"Exloo", 0.11, 0.7}, {"Odoorn", 0.08, 0.7}, {"2e Exloërmond", 0.10, 0.9}, {"1e Exloërmond", 0.05, 0.9},
			{"Klijndijk", 0.03, 0.6}, {"Ees", 0.02, 0.6}, {"Buinen", 0.03, 0.7}, {"Drouwen", 0.02, 0.6},
			{"Valthe", 0.02, 0.6}, {"Eesergroen", 0.01, 0.6}, {"Exloërveen", 0.01, 0.8}, {"Bronneger", 0.01, 0.6},
		},
		GebruikStandaard: standaardGebruik,
		Bronnen:          []string{"shared/seeds/000_3e35ba47a4599429.txt (Borger-Odoorn, Samen werken aan bestaanszekerheid, 2025), 6.1 and 6.3"},
	}
	borne := &Profiel{
		Gemeente: "GM0147", Naam: "Borne",
		// The Borne seed gives no population figures. Assumptions: 24,000 inhabitants / 2.3 ≈ 10,400
		// households, 8% under 120% (between the other three gemeenten's 9% and national figures).
		Huishoudens: 10400, Laag: 0.08,
		LaagAlleen:   0.66, // assumption: Westerkwartier's shares
		LaagKinderen: 0.15,
		LaagJong:     0.02,
		LaagBron: map[register.Inkomensbron]float64{
			register.InkomenAOW: 0.45, register.InkomenBijstand: 0.22, register.InkomenUitkering: 0.16, register.InkomenWerk: 0.09, register.InkomenOnderneming: 0.05, register.InkomenOverig: 0.03,
		},
		Dorpen:           []Dorp{{"Borne", 0.90, 1.05}, {"Hertme", 0.05, 0.5}, {"Zenderen", 0.05, 0.5}},
		GebruikStandaard: standaardGebruik,
		Bronnen:          []string{"shared/seeds/003_39c355bb1afa114e.txt (Borne, Blik op morgen): no population figures; all figures are assumptions"},
	}
	out := map[string]*Profiel{}
	for _, p := range []*Profiel{ommen, westerkwartier, borgerOdoorn, borne} {
		out[p.Gemeente] = p
	}
	return out
}

// ProfielVan returns the profile of a gemeente.
func ProfielVan(gemeente string) (*Profiel, error) {
	ps := Profielen()
	if p, ok := ps[gemeente]; ok {
		return p, nil
	}
	codes := make([]string, 0, len(ps))
	for c := range ps {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return nil, fmt.Errorf("synth: geen populatieprofiel voor %q (wel voor %v)", gemeente, codes)
}

// gebruikVoor returns the reach to reproduce for a regeling id.
func (p *Profiel) gebruikVoor(id string) float64 {
	for _, g := range p.Gebruik {
		if strings.Contains(id, g.Trefwoord) {
			return g.Aandeel
		}
	}
	return p.GebruikStandaard
}
