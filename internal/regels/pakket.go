package regels

import (
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
)

// The compiled model of a rule pack: the types the engine evaluates (Pakket, Regeling, the compiled
// conditions and amount rules). Compileer (compileer.go) builds them from the YAML shape in pakket_yaml.go.

// Pakket is a compiled rule pack: the minimaregelingen of one gemeente from one date.
type Pakket struct {
	Gemeente    string
	Naam        string
	GeldigVanaf time.Time
	GeldigTot   time.Time // zero: open-ended
	Bestand     string
	Hash        string // SHA-256 of the pack's bytes, hex
	OpenTermen  []OpenTerm
	Regelingen  []*Regeling

	src []byte
}

// OpenTerm is a choice the law leaves to the gemeente, with its value as the pack states it.
type OpenTerm struct {
	Naam   string
	Waarde string // as written: "130%", "excl_vt", "36 maanden", "onbekend"
	Bron   Bron
}

// Periode says how often an amount is paid.
type Periode string

// The periods of a regeling.
const (
	Eenmalig Periode = "eenmalig"
	PerJaar  Periode = "per_jaar"
	PerMaand Periode = "per_maand"
	// PerKwartaal is the kinderbijslag's period; a pack cannot choose it.
	PerKwartaal Periode = "per_kwartaal"
)

// Regeling is one compiled scheme.
type Regeling struct {
	ID             string
	Naam, NaamEN   string
	Omschrijving   string
	OmschrijvingEN string
	Uitleg         string
	UitlegEN       string
	Grondslag      Bron
	Uitvoerder     string
	Periode        Periode
	Aanvragen      Aanvragen
	InNatura       *InNatura // goods or a voucher instead of money; nil: money
	Plaatsen       *Plaatsen // a limited number of places; nil: no limit published

	voorwaarden   []voorwaarde
	ambtshalveAls []voorwaarde
	partnerRegel  int // the line of aanvragen.partner, for ControleerPartners
	bedrag        bedragRegel
	landelijk     *landelijkeRegel // set for a national regeling (landelijk.go), nil for a pack's own
}

// InNatura says that a regeling gives goods or a voucher, with the value where it is published.
type InNatura struct {
	Wat    string       `json:"wat"`
	WatEN  string       `json:"-"`
	Waarde *geld.Bedrag `json:"waarde"` // nil: the value is not published
	Bron   Bron         `json:"bron"`
}

// Plaatsen is a limited number of places: who comes first gets it, "zolang er plek is".
type Plaatsen struct {
	Aantal int  `json:"aantal"`
	Bron   Bron `json:"bron"`
}

// EerderBedrag is an amount the gemeente published for an earlier year. It is shown beside an
// unknown amount ("in 2023 was dit € 210"), never as today's amount.
type EerderBedrag struct {
	Jaar     int         `json:"jaar"`
	Leefvorm string      `json:"leefvorm,omitempty"` // only for this leefvorm; "" for every household
	Bedrag   geld.Bedrag `json:"bedrag"`
	Uitleg   string      `json:"uitleg,omitempty"`
	UitlegEN string      `json:"-"`
	Bron     Bron        `json:"bron"`
}

// Landelijk reports whether the regeling is a national one (a toeslag of the Rijk) rather than one of
// the gemeente's pack: the catalogue adds the national regelingen to every pack (landelijk.go).
func (r *Regeling) Landelijk() bool { return r.landelijk != nil }

// Aanvragen is how a resident applies for a regeling: the page to apply (Link, with where that address
// was published) or the partner that runs the scheme (Partner, a key of the partner entity: its name and
// contact come from there, never from the pack). The gemeente's own contact is the tenant's.
type Aanvragen struct {
	Link                  string   `json:"link,omitempty"`
	LinkBron              *Bron    `json:"link_bron,omitempty"`
	Partner               string   `json:"partner,omitempty"`
	Documenten            []string `json:"documenten"`
	DocumentenEN          []string `json:"documenten_en,omitempty"`
	AlleenViaIntermediair bool     `json:"alleen_via_intermediair"`
	Beslistermijn         string   `json:"beslistermijn,omitempty"`
	Ambtshalve            bool     `json:"ambtshalve"`
	Toelichting           string   `json:"toelichting,omitempty"`
	ToelichtingEN         string   `json:"toelichting_en,omitempty"`
}

type soortVW uint8

const (
	vwLeeftijd soortVW = iota + 1
	vwAOW
	vwLeefvorm
	vwKinderen
	vwInkomen
	vwVermogen
	vwOntvangt
	vwNietOntvangt
	vwLaagInkomen
	vwSchuldsanering
	vwStudent
	vwEenVan
	vwBeoordeling
	vwEenVerdiener
	vwKwijtVermogen // kwijtschelding's asset test (kwijtschelding.go)
	vwLandelijk     // a condition of a national regeling (landelijk.go); never written in a pack
)

var vwNamen = map[string]soortVW{
	"leeftijd": vwLeeftijd, "aow_leeftijd": vwAOW, "leefvorm": vwLeefvorm, "kinderen": vwKinderen,
	"inkomen": vwInkomen, "vermogen": vwVermogen, "ontvangt": vwOntvangt, "niet_ontvangt": vwNietOntvangt,
	"laag_inkomen": vwLaagInkomen, "schuldsanering": vwSchuldsanering, "student": vwStudent, "een_van": vwEenVan,
	"beoordeling": vwBeoordeling, "een_verdiener": vwEenVerdiener, "kwijtschelding_vermogen": vwKwijtVermogen,
}

// String gives the kind as a pack writes it: "leeftijd", "aow_leeftijd", "een_van", …
func (s soortVW) String() string {
	if int(s) < len(vwNaamVan) {
		return vwNaamVan[s]
	}
	return ""
}

// vwNaamVan is vwNamen turned around, indexed by kind: the trace names every criterion's kind, and a
// walk over the map cost 4% of an explained evaluation.
var vwNaamVan = func() []string {
	out := make([]string, vwLandelijk+1)
	for naam, v := range vwNamen {
		out[v] = naam
	}
	return out
}()

// procent is a percentage that may be unknown.
type procent struct {
	p      geld.Percentage
	bekend bool
	term   string // the open term it came from, for what-if and the trace
	bron   Bron
}

// parameter is p as a trace parameter: the open term's id, or eigen for a value written in the
// condition.
func (p procent) parameter(eigen string) Parameter {
	id := eigen
	if p.term != "" {
		id = "$" + p.term
	}
	w := "onbekend"
	if p.bekend {
		w = p.p.String()
	}
	return Parameter{ID: id, Waarde: w}
}

type basis uint8

const (
	basisOnbekend basis = iota
	basisInclVT
	basisExclVT
)

type vermogenModus uint8

const (
	vermogenOnbekend vermogenModus = iota
	vermogenBijstand
	vermogenBedrag
	vermogenNorm // a percentage of the applicable bijstandsnorm (kwijtschelding: one month's costs of living)
)

// voorwaarde is one compiled condition.
type voorwaarde struct {
	soort         soortVW
	min, max      int // leeftijd bounds; kinderen: min count
	lmin, lmax    int // kinderen age range
	waarde        bool
	leefvormen    [4]bool
	grens         procent
	grensKind     procent
	basis         basis
	basisBron     Bron
	vermogen      vermogenModus
	vermogenMax   geld.Bedrag
	regeling      string
	maanden       int
	maandenBekend bool
	sub           []voorwaarde
	kvbOndergrens geld.Percentage // kwijtschelding_vermogen: the lowest share while grens is unknown
	extra         Tri             // kwijtschelding_vermogen: whether the gemeente allows the extra balance
	nl            landelijkeVW    // vwLandelijk: which national condition
	uitleg        string
	uitlegEN      string
	bron          Bron
	// params are the pack's values the condition uses with their ids (Criterium.Parameters);
	// paramsKind the same with the limit for households with children (inkomen's grens_kind).
	params, paramsKind [2]Parameter
	nParams            uint8
}

type soortBedrag uint8

const (
	bedragOnbekend soortBedrag = iota
	bedragVast
	bedragPerKind
	bedragPerPersoon
	bedragPerLeefvorm
	bedragFormule
	bedragGlijdend
	bedragLening
	bedragKwijtschelding
	bedragLandelijk // the amount of a national regeling (landelijk.go); never written in a pack
)

type trede struct {
	tot, deel geld.Percentage
}

type bedragRegel struct {
	soort          soortBedrag
	bedrag         geld.Bedrag
	lmin, lmax     int
	volwassenen    bool
	perLeefvorm    [4]geld.Bedrag
	basis          geld.Bedrag
	perKind        geld.Bedrag
	perVolwassene  geld.Bedrag
	treden         []trede
	trapBasis      basis
	aflossing      geld.Percentage
	bedragBekend   bool            // for lening: whether a loan amount is given
	kvb            procent         // kwijtschelding: costs of living as a share of the norm (may be unknown)
	kvbOndergrens  geld.Percentage // kwijtschelding: the lowest share the law allows, used while kvb is unknown
	normBasis      basis           // kwijtschelding: the norm with or without vakantiegeld
	eerder         []EerderBedrag
	perDatum       []datumBedrag   // vast: amounts that change on a date inside the pack, by vanaf
	nl             landelijkeSoort // bedragLandelijk: which national formula
	reden, redenEN string
	bron           Bron
}

// datumBedrag is one amount of a dated series: it applies from vanaf until the next one's vanaf.
type datumBedrag struct {
	vanaf  time.Time
	bedrag geld.Bedrag
	bron   Bron
}

// opDatum returns the amount of the dated series that applies on d; ok is false before the first.
func (b *bedragRegel) opDatum(d time.Time) (datumBedrag, bool) {
	for i := len(b.perDatum) - 1; i >= 0; i-- {
		if !d.Before(b.perDatum[i].vanaf) {
			return b.perDatum[i], true
		}
	}
	return datumBedrag{}, false
}

// bronOp is the source of the amount that applies on d: the dated entry's own, or the amount's.
func (b *bedragRegel) bronOp(d time.Time) Bron {
	if len(b.perDatum) > 0 {
		if db, ok := b.opDatum(d); ok {
			return db.bron
		}
	}
	return b.bron
}

// Regeling returns the regeling with id, or nil.
func (p *Pakket) Regeling(id string) *Regeling {
	for _, r := range p.Regelingen {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Geldt reports whether the pack applies at datum.
func (p *Pakket) Geldt(datum time.Time) bool {
	return !datum.Before(p.GeldigVanaf) && (p.GeldigTot.IsZero() || !datum.After(p.GeldigTot))
}

// Bron returns the source bytes of the pack.
func (p *Pakket) Bron() []byte { return p.src }

// Inkomensgrens describes an income condition of a regeling, as municipalities publish it.
type Inkomensgrens struct {
	Percentage            geld.Percentage // 0 when unknown
	Bekend                bool
	PercentageMetKinderen geld.Percentage // 0 when families have no limit of their own
	Basis                 string          // "incl_vt", "excl_vt" or "onbekend"
	Bron                  Bron
}

// Inkomensgrenzen lists the income conditions of the regeling (top level and inside een_van).
func (r *Regeling) Inkomensgrenzen() []Inkomensgrens {
	var out []Inkomensgrens
	var walk func(vs []voorwaarde)
	walk = func(vs []voorwaarde) {
		for i := range vs {
			v := &vs[i]
			if v.soort == vwEenVan {
				walk(v.sub)
				continue
			}
			if v.soort != vwInkomen {
				continue
			}
			g := Inkomensgrens{Percentage: v.grens.p, Bekend: v.grens.bekend, Bron: v.grens.bron, Basis: "onbekend"}
			if v.grensKind.bekend {
				g.PercentageMetKinderen = v.grensKind.p
			}
			switch v.basis {
			case basisInclVT:
				g.Basis = "incl_vt"
			case basisExclVT:
				g.Basis = "excl_vt"
			}
			out = append(out, g)
		}
	}
	walk(r.voorwaarden)
	return out
}
