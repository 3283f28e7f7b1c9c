package monitor

import (
	"errors"
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// The armoedeval (poverty trap): what a household keeps of what it earns more. For one household type
// in one gemeente on one date, Armoedeval computes the net disposable income per month as the gross
// monthly wage (without vakantiegeld) rises from 0 to 200% of the monthly minimum wage for 36 hours, in
// steps of € 10, with every component stacked: the net wage after the assessment (docs/toeslagen.md),
// the bijstand that tops the household up to its bijstandsnorm, each national toeslag and each of the
// gemeente's regelingen with a known amount — all from one evaluation of the gemeente's pack
// (regels.Pakket.EvalueerFeiten, which holds the national regelingen too), so the curve is what the
// check and the scan say, point by point. Per point the marginal pressure (how much of the next € 100
// gross is lost); over the curve the cliffs (where a regeling ends, what is lost there, and how many
// hours of extra work at the minimum hourly wage earn it back).
//
// A regeling whose outcome is onzeker or whose amount is unknown at a point is not in the curve: it is
// named in NietMeegeteld, never counted as € 0 or as its maximum.

// Huishoudtype is a standard household of the armoedeval, laid out as Nibud's minima-effectrapportage
// does: who lives together, how old the children are, and the rent (nil: not given, so the huurtoeslag
// cannot be computed and is named as not counted).
type Huishoudtype struct {
	ID       string       `json:"id"`
	Naam     string       `json:"naam"`
	Partner  bool         `json:"partner"`
	AOW      bool         `json:"aow"`      // aanvrager (and partner) of AOW age
	Kinderen []int        `json:"kinderen"` // ages
	Huur     *geld.Bedrag `json:"huur_per_maand"`
	Leeftijd int          `json:"leeftijd"` // of the adults
	Vermogen geld.Bedrag  `json:"vermogen"`

	// eigen is the resident's own household (TypeVan): its birth dates and the schemes it receives
	// instead of the preset's ages. Nil for a standard type.
	eigen *huishouden.Huishouden
}

// StandaardTypen are the ready-made household types. The ages are Zeker's choice for the presets
// (adults 35, AOW-age adults 70, children 5 and 10: one under 12 for the combinatiekorting, both
// under 12 so no age extra of the kindgebonden budget hides the cliffs); the rent is the user's.
func StandaardTypen() []Huishoudtype {
	return []Huishoudtype{
		{ID: "alleenstaande", Naam: "Alleenstaande", Leeftijd: 35},
		{ID: "alleenstaande_ouder_1", Naam: "Alleenstaande ouder, 1 kind", Leeftijd: 35, Kinderen: []int{5}},
		{ID: "alleenstaande_ouder_2", Naam: "Alleenstaande ouder, 2 kinderen", Leeftijd: 35, Kinderen: []int{5, 10}},
		{ID: "paar", Naam: "Paar zonder kinderen", Leeftijd: 35, Partner: true},
		{ID: "paar_2", Naam: "Paar met 2 kinderen", Leeftijd: 35, Partner: true, Kinderen: []int{5, 10}},
		{ID: "aow_alleenstaande", Naam: "Alleenstaande met AOW", Leeftijd: 70, AOW: true},
		{ID: "aow_paar", Naam: "Paar met AOW", Leeftijd: 70, AOW: true, Partner: true},
	}
}

// StandaardType returns the preset with id.
func StandaardType(id string) (Huishoudtype, bool) {
	for _, t := range StandaardTypen() {
		if t.ID == id {
			return t, true
		}
	}
	return Huishoudtype{}, false
}

// UrenPerMaandBij36 is the number of hours a month at 36 hours a week: 7.2 hours × 261 working days /
// 12 = 156.6. Source: nl-parameters.yaml, wml.maandloon_36u, note "= 14.06 x 7.2 h x 261 werkdagen / 12";
// it reproduces the reference's monthly wages 2201.80 (14.06) and 2255.04 (14.40) to the cent.
const UrenPerMaandBij36 = 1566 // tenths of an hour

// Maandloon36 is the minimum monthly wage for 36 hours at an hourly wage, rounded half up to cents.
func Maandloon36(uurloon geld.Bedrag) geld.Bedrag {
	return geld.Bedrag((int64(uurloon)*UrenPerMaandBij36 + 5) / 10)
}

// ArmoedevalOpties chooses the curve.
type ArmoedevalOpties struct {
	Type    Huishoudtype
	Datum   time.Time
	Stap    geld.Bedrag // the step of the gross monthly wage; 0 is € 10
	MaxPct  int         // the end as a percentage of the minimum monthly wage for 36 hours; 0 is 200
	Uurloon geld.Bedrag // the minimum hourly wage; 0 is the statutory one on Datum (an error when it is not known)
}

// Punt is one point of the curve: all amounts per month.
type Punt struct {
	Bruto            geld.Bedrag     `json:"bruto_loon"`     // gross wage per month, without vakantiegeld
	NettoLoon        geld.Bedrag     `json:"netto_loon"`     // net wage after the assessment, per month (vakantiegeld included)
	Bijstand         geld.Bedrag     `json:"bijstand"`       // the top-up to the bijstandsnorm (AIO from the AOW age)
	Regelingen       []geld.Bedrag   `json:"regelingen"`     // per Curve.Regelingen: the monthly equivalent
	Besteedbaar      geld.Bedrag     `json:"besteedbaar"`    // net disposable income per month
	Marginaal        geld.Percentage `json:"marginale_druk"` // of the next € 100 gross, the part lost; 100% = all
	MarginaalBekend  bool            `json:"-"`
	Toetsingsinkomen geld.Bedrag     `json:"toetsingsinkomen"` // per year
}

// Component is a regeling in the curve.
type Component struct {
	ID        string `json:"id"`
	Naam      string `json:"naam"`
	NaamEN    string `json:"naam_en,omitempty"`
	Landelijk bool   `json:"landelijk"`
}

// Klif is a point where a regeling ends: the household loses Verlies a month by earning € Stap more.
type Klif struct {
	Bruto    geld.Bedrag `json:"bruto_loon"` // the first gross wage without the regeling
	Regeling string      `json:"regeling"`
	Naam     string      `json:"naam"`
	Verlies  geld.Bedrag `json:"verlies_per_maand"`
	// TerugBruto is the extra gross per month after the cliff needed to be as well off as just before
	// it; UrenPerWeek the extra hours a week that takes at the minimum hourly wage. Nil when the curve
	// does not get back within its range.
	TerugBruto  *geld.Bedrag `json:"terug_bruto_per_maand"`
	UrenPerWeek *float64     `json:"uren_per_week"`
}

// Curve is one armoedeval curve.
type Curve struct {
	Type          Huishoudtype `json:"type"`
	Gemeente      string       `json:"gemeente"`
	Peildatum     string       `json:"peildatum"`
	Uurloon       geld.Bedrag  `json:"uurloon"`
	Minimumloon36 geld.Bedrag  `json:"minimumloon_36_uur"`
	Norm          geld.Bedrag  `json:"bijstandsnorm"` // per month, with vakantietoeslag
	Regelingen    []Component  `json:"regelingen"`
	Punten        []Punt       `json:"punten"`
	Kliffen       []Klif       `json:"kliffen"`
	// NietMeegeteld names the regelingen that were onzeker or had an unknown amount at some point, and
	// are therefore not in the curve there.
	NietMeegeteld []string               `json:"niet_meegeteld"`
	Bewijs        regels.Ontvangstbewijs `json:"ontvangstbewijs"`
	Bronnen       []string               `json:"bronnen"`

	vakantiegeld nl.Tarief // on top of the gross wage: part of the raise the marginal pressure counts
}

// ErrArmoedeval wraps every problem that is the caller's to solve (a date without data, an unknown
// minimum wage).
var ErrArmoedeval = errors.New("armoedeval")

// huishoudenVan builds the household of a type at a date in a gemeente.
func huishoudenVan(t Huishoudtype, gemeente string, peil time.Time) *huishouden.Huishouden {
	if t.eigen != nil {
		return eigenHuishouden(t)
	}
	geb := func(jaren int) *datum.Datum {
		d := datum.Van(peil.AddDate(-jaren, 0, -1), nil)
		return &d
	}
	h := &huishouden.Huishouden{Gemeente: gemeente, Vermogen: &t.Vermogen, Ontvangt: []huishouden.Ontvangst{}}
	h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Aanvrager, Geboortedatum: geb(t.Leeftijd)})
	if t.Partner {
		h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Partner, Geboortedatum: geb(t.Leeftijd)})
	}
	for _, k := range t.Kinderen {
		h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Kind, Geboortedatum: geb(k)})
	}
	if t.Huur != nil {
		h.Wonen = huishouden.Wonen{Soort: huishouden.Huur, HuurPerMaand: t.Huur}
	}
	return h
}

// rekenaar holds what every point of a curve shares.
type rekenaar struct {
	f      regels.Feiten
	pk     *regels.Pakket
	b      *nl.Belastingjaar
	typ    Huishoudtype
	kind12 bool
	uit    []regels.Kort
	norm   geld.Bedrag
}

// Armoedeval computes the curve for one household type against a gemeente's pack.
func Armoedeval(pk *regels.Pakket, params *nl.Parameters, o ArmoedevalOpties) (*Curve, error) {
	if o.Stap <= 0 {
		o.Stap = geld.Euro(10)
	}
	if o.MaxPct <= 0 {
		o.MaxPct = 200
	}
	if o.MaxPct > 400 || o.Stap < 100 {
		return nil, fmt.Errorf("%w: kies een stap van minstens € 1 en een bereik tot hoogstens 400%% van het minimumloon", ErrArmoedeval)
	}
	peil := o.Datum
	if o.Uurloon <= 0 {
		_, uur, _, err := params.Minimumloon(peil)
		if err != nil || uur <= 0 {
			return nil, fmt.Errorf("%w: het minimumuurloon op %s is niet bekend (%v); geef het uurloon zelf op", ErrArmoedeval, peil.Format(time.DateOnly), err)
		}
		o.Uurloon = uur
	}
	l := params.Landelijk(peil)
	if l.Belasting == nil || l.Toeslagen == nil {
		return nil, fmt.Errorf("%w: voor %s zijn er geen landelijke bedragen (belasting en toeslagen: %s)", ErrArmoedeval, peil.Format(time.DateOnly), params.LandelijkePeriode())
	}
	h := huishoudenVan(o.Type, pk.Gemeente, peil)
	if err := h.Valideer(peil); err != nil {
		return nil, fmt.Errorf("%w: huishoudtype %s: %v", ErrArmoedeval, o.Type.ID, err)
	}
	f, err := regels.Afleiden(h, peil, params)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrArmoedeval, err)
	}
	if !f.NormBekend {
		return nil, fmt.Errorf("%w: de bijstandsnorm van het huishoudtype %s is niet bekend", ErrArmoedeval, o.Type.ID)
	}
	r := &rekenaar{f: f, pk: pk, b: l.Belasting, typ: o.Type, uit: make([]regels.Kort, len(pk.Regelingen)), norm: f.NormInclVT}
	for _, k := range o.Type.Kinderen {
		r.kind12 = r.kind12 || k < 12
	}
	c := &Curve{Type: o.Type, Gemeente: pk.Gemeente, Peildatum: peil.Format(time.DateOnly), Uurloon: o.Uurloon,
		Minimumloon36: Maandloon36(o.Uurloon), Norm: f.NormInclVT, Bewijs: pk.Bewijs(peil), vakantiegeld: l.Belasting.Vakantiegeld}
	for _, rg := range pk.Regelingen {
		c.Regelingen = append(c.Regelingen, Component{ID: rg.ID, Naam: rg.Naam, NaamEN: rg.NaamEN, Landelijk: rg.Landelijk()})
	}
	eind := c.Minimumloon36.VanHalfOmhoog(geld.Procent(int64(o.MaxPct)))
	n := int(eind/o.Stap) + 1
	c.Punten = make([]Punt, n)
	bedragen := make([]geld.Bedrag, n*len(pk.Regelingen))
	onzeker := make([]bool, len(pk.Regelingen))
	for i := range c.Punten {
		p := &c.Punten[i]
		p.Regelingen = bedragen[i*len(pk.Regelingen) : (i+1)*len(pk.Regelingen) : (i+1)*len(pk.Regelingen)]
		r.punt(geld.Bedrag(i)*o.Stap, p, onzeker)
	}
	for i, o := range onzeker {
		if o {
			c.NietMeegeteld = append(c.NietMeegeteld, pk.Regelingen[i].Naam)
		}
	}
	c.marginaal(o.Stap)
	c.kliffen(o.Stap)
	c.Bronnen = []string{
		"netto loon: " + l.Belasting.Box1Bron.Bron.Tekst,
		"toeslagen: zie de bron per regeling in zeker check en docs/toeslagen.md",
		fmt.Sprintf("minimumloon voor 36 uur: uurloon %s × 156,6 uur (nl-parameters.yaml wml.maandloon_36u)", o.Uurloon),
	}
	return c, nil
}

// punt computes one point: the household earns bruto a month.
func (r *rekenaar) punt(bruto geld.Bedrag, p *Punt, onzeker []bool) {
	arbeid := bruto * 12
	arbeid += r.b.Vakantiegeld.Van(arbeid)
	aanslag := func(uitkering geld.Bedrag) nl.Aanslag {
		bp := nl.Belastingplichtige{AOW: r.typ.AOW, Arbeid: arbeid, Alleenstaand: !r.typ.Partner, KindOnder12: r.kind12}
		if r.typ.AOW {
			bp.ZonderWerkgever = uitkering
		} else {
			bp.MetWerkgeversheffing = uitkering
		}
		return r.b.Aanslag(bp)
	}
	a := aanslag(0)
	p.Bruto = bruto
	p.NettoLoon = a.NettoJaar / 12
	bruto12 := a.Belastbaar
	if tekort := r.norm - p.NettoLoon; tekort > 0 {
		// Bijstand (AIO from the AOW age) tops the household up to its norm. Its gross is what makes
		// the year's net after the assessment reach the norm: the smallest gross in cents (bisection).
		doel := r.norm * 12
		lo, hi := geld.Bedrag(0), 3*tekort*12+geld.Euro(1000)
		for lo < hi {
			m := lo + (hi-lo)/2
			if aanslag(m).NettoJaar >= doel {
				hi = m
			} else {
				lo = m + 1
			}
		}
		p.Bijstand = tekort
		bruto12 = arbeid + lo
	}
	p.Toetsingsinkomen = bruto12
	r.f.ZetInkomen(p.NettoLoon+p.Bijstand, bruto12, 0)
	r.pk.EvalueerFeiten(&r.f, r.uit)
	p.Besteedbaar = p.NettoLoon + p.Bijstand
	for i, k := range r.uit {
		switch {
		case k.Oordeel == regels.GeenRecht:
		case k.Oordeel == regels.Onzeker || !k.BedragBekend:
			onzeker[i] = true
		default:
			m := r.pk.Regelingen[i].Periode.Jaarbedrag(k.Bedrag) / 12
			p.Regelingen[i] = m
			p.Besteedbaar += m
		}
	}
}

// marginaal fills the marginal pressure: of the next € 100 gross (or the steps that make it up), with
// the vakantiegeld it brings, the part that does not reach the disposable income.
func (c *Curve) marginaal(stap geld.Bedrag) {
	k := int(geld.Euro(100) / stap)
	if k < 1 {
		k = 1
	}
	for i := range c.Punten {
		j := i + k
		if j >= len(c.Punten) {
			break
		}
		dBruto := c.Punten[j].Bruto - c.Punten[i].Bruto
		dBruto += c.vakantiegeld.Van(dBruto)
		dNetto := c.Punten[j].Besteedbaar - c.Punten[i].Besteedbaar
		c.Punten[i].Marginaal = (dBruto - dNetto).AlsPercentageVan(dBruto)
		if dNetto > dBruto { // a gain larger than the raise: negative pressure
			c.Punten[i].Marginaal = -((dNetto - dBruto).AlsPercentageVan(dBruto))
		}
		c.Punten[i].MarginaalBekend = true
	}
}

// kliffen finds where a regeling with an amount ends from one step to the next, what is lost, and
// how much more gross it takes to be as well off again.
func (c *Curve) kliffen(stap geld.Bedrag) {
	for i := 1; i < len(c.Punten); i++ {
		vorig, nu := &c.Punten[i-1], &c.Punten[i]
		for ri := range c.Regelingen {
			if vorig.Regelingen[ri] <= 0 || nu.Regelingen[ri] > 0 {
				continue
			}
			// A toeslag that tapers to nil is no cliff; an amount that falls away at once is.
			if vorig.Regelingen[ri] <= stap {
				continue
			}
			k := Klif{Bruto: nu.Bruto, Regeling: c.Regelingen[ri].ID, Naam: c.Regelingen[ri].Naam, Verlies: vorig.Regelingen[ri]}
			for j := i; j < len(c.Punten); j++ {
				if c.Punten[j].Besteedbaar >= vorig.Besteedbaar {
					terug := c.Punten[j].Bruto - vorig.Bruto
					uren := float64(terug) / float64(c.Uurloon) * 12 / 52
					k.TerugBruto, k.UrenPerWeek = &terug, &uren
					break
				}
			}
			c.Kliffen = append(c.Kliffen, k)
		}
	}
}
