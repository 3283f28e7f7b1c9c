package nl

import (
	_ "embed"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
)

// The national data of the tax (data/belasting.yaml) and of the toeslagen and kinderbijslag
// (data/toeslagen.yaml): per period one typed block, resolved for a date once (Parameters.Landelijk)
// so that the formulas (belasting.go, toeslagen.go) read plain fields and allocate nothing.

//go:embed data/belasting.yaml
var belastingYAML []byte

//go:embed data/toeslagen.yaml
var toeslagenYAML []byte

// Herkomst is where a value comes from: its source, the reference's confidence ("hoog", "midden",
// "laag") and the value's path in the data file (e.g. "toeslagen 2026 huurtoeslag.basishuur_eenpersoons").
type Herkomst struct {
	Bron            Bron
	Betrouwbaarheid string
	ID              string
}

// Schijf is one bracket of box 1: the rate up to Tot (0: no upper bound).
type Schijf struct {
	Tot    geld.Bedrag
	Tarief Tarief
}

// Segment is one piece of the arbeidskorting: Basis + Tarief × (arbeidsinkomen − Vanaf).
type Segment struct {
	Vanaf, Basis geld.Bedrag
	Tarief       Tarief
}

// Belastingjaar holds the box-1 tax, the heffingskortingen and the Zvw contribution of one year.
type Belastingjaar struct {
	periode
	Schijven, SchijvenAOW []Schijf // under and from the AOW age
	Box1Bron              Herkomst

	PremieAOW, PremieAnw, PremieWlz Tarief // volksverzekeringen, inside the first bracket's rate
	Volksverzekeringen              Herkomst

	AHKMax, AHKAfbouwVanaf, AHKMaxAOW geld.Bedrag
	AHKAfbouw, AHKAfbouwAOW           Tarief
	AHK                               Herkomst

	AKSegmenten, AKSegmentenAOW []Segment
	AKBron                      Herkomst

	IACKVanaf, IACKMax geld.Bedrag
	IACKTarief         Tarief
	IACK               Herkomst

	OKMax, OKAfbouwVanaf, AOK geld.Bedrag // ouderenkorting; AOK: alleenstaande-ouderenkorting
	OKAfbouw                  Tarief
	OK                        Herkomst

	JGK     geld.Bedrag // jonggehandicaptenkorting (Wet IB 2001 art. 8.17): for who has a right to Wajong
	JGKBron Herkomst

	ZvwWerkgever, ZvwEigen Tarief
	ZvwMaximum             geld.Bedrag
	Zvw                    Herkomst

	Vakantiegeld     Tarief
	VakantiegeldBron Herkomst
}

// Zorgtoeslagjaar holds the zorgtoeslag parameters of one year.
type Zorgtoeslagjaar struct {
	Standaardpremie                        geld.Bedrag
	NormAlleenstaande, NormPartner         Tarief // normpremie as part of the drempelinkomen
	Afbouw                                 Tarief // of the toetsingsinkomen above the drempelinkomen
	VermogenAlleenstaande, VermogenPartner geld.Bedrag
	Bron, Premie, Afronding                Herkomst
}

// KGBjaar holds the kindgebonden-budget parameters of one year.
type KGBjaar struct {
	PerKind, Extra12, Extra16, ALO         geld.Bedrag
	Afbouw                                 Tarief
	ExtraDrempelPartner                    geld.Bedrag
	VermogenAlleenstaande, VermogenPartner geld.Bedrag
	Bron, Afronding                        Herkomst
}

// Huurtoeslagjaar holds the huurtoeslag parameters of one year. Bekend is false when the reference
// did not find the formula's parameters for the year (NietGevonden says which); the asset limits are
// known even then.
type Huurtoeslagjaar struct {
	Bekend       bool
	NietGevonden string
	NietBron     Herkomst

	VermogenPerPersoon, VermogenPartners geld.Bedrag
	Vermogen                             Herkomst

	MaximaleHuurgrens, MaximaleHuurgrensJongeren, Kwaliteitskortingsgrens geld.Bedrag
	Aftopping12, Aftopping3, BasishuurEen, BasishuurMeer                  geld.Bedrag
	DeelTotAftopping, DeelBovenAftopping, AfbouwEen, AfbouwMeer           Tarief
	IjkpuntEen, IjkpuntMeer, VrijstellingKind                             geld.Bedrag
	JongerenTot                                                           int
	Bron, Ijkpunt, Afronding                                              Herkomst
	// BasishuurEenBron, BasishuurMeerBron: Bron with the basishuur's place in the data (ID
	// "….basishuur_eenpersoons"), made once at loading so that a trace need not build the string.
	BasishuurEenBron, BasishuurMeerBron Herkomst
}

// Toeslagjaar holds the toeslagen of one year.
type Toeslagjaar struct {
	periode
	Drempelinkomen geld.Bedrag // of zorgtoeslag and kindgebonden budget
	Drempel        Herkomst
	MinimumPerJaar geld.Bedrag // a toeslag below this per year is not paid (AWIR)
	Minimum        Herkomst
	ZT             Zorgtoeslagjaar
	KGB            KGBjaar
	HT             Huurtoeslagjaar
}

// Kinderbijslagperiode holds the kinderbijslag per child per quarter by age (under 6, 6–11, 12–17).
type Kinderbijslagperiode struct {
	periode
	Tot6, Tot12, Tot18 geld.Bedrag
	Bron               Herkomst
}

// Landelijk is the national data of one date: nil where the data has no period for it.
type Landelijk struct {
	Belasting     *Belastingjaar
	Toeslagen     *Toeslagjaar
	Kinderbijslag *Kinderbijslagperiode
}

// landelijkeData holds every period, sorted and not overlapping.
type landelijkeData struct {
	belasting     []Belastingjaar
	toeslagen     []Toeslagjaar
	kinderbijslag []Kinderbijslagperiode
}

// Landelijk returns the national tax and toeslagen data of datum. A part the data has no period for
// is nil; Fout says which and why (a date outside every period).
func (p *Parameters) Landelijk(datum time.Time) Landelijk {
	d := dag(datum)
	var l Landelijk
	if p.landelijk == nil {
		return l
	}
	for i := range p.landelijk.belasting {
		if p.landelijk.belasting[i].bevat(d) {
			l.Belasting = &p.landelijk.belasting[i]
		}
	}
	for i := range p.landelijk.toeslagen {
		if p.landelijk.toeslagen[i].bevat(d) {
			l.Toeslagen = &p.landelijk.toeslagen[i]
		}
	}
	for i := range p.landelijk.kinderbijslag {
		if p.landelijk.kinderbijslag[i].bevat(d) {
			l.Kinderbijslag = &p.landelijk.kinderbijslag[i]
		}
	}
	return l
}

// LandelijkePeriode returns the periods the national data covers, for error messages.
func (p *Parameters) LandelijkePeriode() string {
	if p.landelijk == nil || len(p.landelijk.toeslagen) == 0 {
		return "geen"
	}
	t := p.landelijk.toeslagen
	return periode{vanaf: t[0].vanaf, tot: t[len(t)-1].tot}.String()
}
