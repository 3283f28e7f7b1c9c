// Package huishouden is the household model of Zeker: who lives together, their birth dates, incomes,
// assets, housing and the schemes they already receive, as residents, case workers and imports describe
// them. It parses and validates the household JSON (documented in docs/huishouden.md) and reports every
// problem with its JSON path and a plain reason. It does no evaluation: that is package regels.
package huishouden

import (
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
)

// Huishouden is one household at one address.
type Huishouden struct {
	Gemeente   string       `json:"gemeente"`             // CBS code, e.g. "GM0175"
	Postcode   string       `json:"postcode,omitempty"`   // "7731AB"
	Woonplaats string       `json:"woonplaats,omitempty"` // village or wijk, for reach per village
	Personen   []Persoon    `json:"personen"`
	Vermogen   *geld.Bedrag `json:"vermogen"` // household assets (bank, savings, …) minus debts; nil = unknown
	Wonen      Wonen        `json:"wonen"`
	Ontvangt   []Ontvangst  `json:"ontvangt,omitempty"` // schemes and benefits already received
	// LaagInkomenSinds is since when the household has had a low income (for the individuele
	// inkomenstoeslag: "langdurig laag inkomen"); nil = unknown. Bijstand since a date implies it.
	LaagInkomenSinds *datum.Datum `json:"laag_inkomen_sinds,omitempty"`
	// ZorgpremiePerMaand is the nominal premium of the household's basic health insurance per month,
	// for everyone together (kwijtschelding deducts what is above the normpremie); nil = unknown. The
	// resident check asks it only when it can settle that test; `zeker check` and the scenarios may give it.
	ZorgpremiePerMaand *geld.Bedrag `json:"zorgpremie_per_maand,omitempty"`
}

// Rol is a person's place in the household.
type Rol string

// The roles a person can have.
const (
	Aanvrager   Rol = "aanvrager"
	Partner     Rol = "partner"
	Kind        Rol = "kind"        // a child of the aanvrager or partner living at home
	Medebewoner Rol = "medebewoner" // another adult sharing the home (possible kostendeler)
)

// Persoon is one member of the household.
type Persoon struct {
	Rol             Rol          `json:"rol"`
	Geboortedatum   *datum.Datum `json:"geboortedatum"` // nil = unknown
	Student         *bool        `json:"student,omitempty"`
	Schuldsanering  *bool        `json:"schuldsanering,omitempty"` // in a debt-restructuring scheme (WSNP or minnelijk)
	Inkomens        []Inkomen    `json:"inkomens,omitempty"`
	InkomenOnbekend bool         `json:"inkomen_onbekend,omitempty"` // the resident does not know this person's income
	// HuurBetaalt marks a medebewoner who pays a commercial rent (then not a kostendeler, art. 19a Pw).
	HuurBetaalt bool `json:"commerciele_huur,omitempty"`
	// NietVerzekerd marks a person who is not insured under the Zorgverzekeringswet (a conscientious
	// objector, or insured abroad): a partner's halves the zorgtoeslag (Wzt art. 2 lid 4). Everyone
	// living in the Netherlands must be insured, so false is the rule.
	NietVerzekerd bool `json:"niet_zvw_verzekerd,omitempty"`
}

// InkomenSoort is the kind of an income.
type InkomenSoort string

// The kinds of income.
const (
	Loon               InkomenSoort = "loon"
	Bijstand           InkomenSoort = "bijstand"
	AOW                InkomenSoort = "aow"
	Pensioen           InkomenSoort = "pensioen"
	Uitkering          InkomenSoort = "uitkering" // WW, WIA, Wajong, ZW, …
	Alimentatie        InkomenSoort = "alimentatie"
	Studiefinanciering InkomenSoort = "studiefinanciering"
	EigenOnderneming   InkomenSoort = "eigen_onderneming"
	Overig             InkomenSoort = "overig"
)

// InkomenSoorten lists every kind, in the order forms show them.
var InkomenSoorten = [...]InkomenSoort{Loon, Bijstand, AOW, Pensioen, Uitkering, Alimentatie, Studiefinanciering, EigenOnderneming, Overig}

// Inkomen is one net monthly income of a person.
type Inkomen struct {
	Soort          InkomenSoort `json:"soort"`
	BedragPerMaand geld.Bedrag  `json:"bedrag_per_maand"` // net per month
}

// WoonSoort is how the household lives.
type WoonSoort string

// The kinds of housing.
const (
	Huur     WoonSoort = "huur"
	Koop     WoonSoort = "koop"
	Inwonend WoonSoort = "inwonend"
)

// Wonen is the housing situation.
type Wonen struct {
	Soort        WoonSoort    `json:"soort,omitempty"` // "" = unknown
	HuurPerMaand *geld.Bedrag `json:"huur_per_maand,omitempty"`
}

// Ontvangst is a scheme or benefit the household already receives.
type Ontvangst struct {
	Regeling string       `json:"regeling"`        // "bijstand", or a regeling id of the rule pack ("iit", "czm", …)
	Sinds    *datum.Datum `json:"sinds,omitempty"` // nil = unknown since when
}

// Aanvrager returns the applicant, or nil.
func (h *Huishouden) Aanvrager() *Persoon { return h.eerste(Aanvrager) }

// Partner returns the partner, or nil.
func (h *Huishouden) Partner() *Persoon { return h.eerste(Partner) }

func (h *Huishouden) eerste(r Rol) *Persoon {
	for i := range h.Personen {
		if h.Personen[i].Rol == r {
			return &h.Personen[i]
		}
	}
	return nil
}

// Ontvangt returns the record of regeling, if the household receives it.
func (h *Huishouden) OntvangtRegeling(regeling string) (Ontvangst, bool) {
	for _, o := range h.Ontvangt {
		if o.Regeling == regeling {
			return o, true
		}
	}
	return Ontvangst{}, false
}
