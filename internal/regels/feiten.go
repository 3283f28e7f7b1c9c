package regels

import (
	"errors"
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// Tri is a three-valued truth: unknown, no, yes. The zero value is unknown, so a fact nobody filled
// in is unknown rather than false.
type Tri int8

// The three truth values.
const (
	Onbekend Tri = iota
	Nee
	Ja
)

func triVan(b bool) Tri {
	if b {
		return Ja
	}
	return Nee
}

func triPtr(b *bool) Tri {
	if b == nil {
		return Onbekend
	}
	return triVan(*b)
}

// Vraag names a question whose answer is missing. The check uses it to ask only what can change an
// outcome. VraagGemeente is not for the resident: the gemeente has not published the rule.
type Vraag string

// The questions the engine can name.
const (
	VraagGeboortedatumAanvrager    Vraag = "geboortedatum.aanvrager"
	VraagGeboortedatumPartner      Vraag = "geboortedatum.partner"
	VraagGeboortedatumKinderen     Vraag = "geboortedatum.kinderen"
	VraagGeboortedatumMedebewoners Vraag = "geboortedatum.medebewoners"
	VraagInkomenAanvrager          Vraag = "inkomen.aanvrager"
	VraagInkomenPartner            Vraag = "inkomen.partner"
	VraagVermogen                  Vraag = "vermogen"
	VraagOntvangt                  Vraag = "ontvangt"
	VraagOntvangtSinds             Vraag = "ontvangt.sinds"
	VraagLaagInkomenSinds          Vraag = "laag_inkomen_sinds"
	VraagSchuldsanering            Vraag = "schuldsanering"
	VraagStudent                   Vraag = "student"
	VraagGemeente                  Vraag = "gemeente"
	// VraagWonen is the question whether the household rents, and for how much (the check's wonen
	// step). Only the national huurtoeslag names it.
	VraagWonen Vraag = "wonen"
	// VraagZorgpremie is the household's health insurance premium per month (the check's zorgpremie
	// step). Only kwijtschelding's asset test names it, when the premium can settle it.
	VraagZorgpremie Vraag = "zorgpremie"
)

// alleVragen fixes the bit of each question in a VraagSet.
var alleVragen = [...]Vraag{
	VraagGeboortedatumAanvrager, VraagGeboortedatumPartner, VraagGeboortedatumKinderen,
	VraagGeboortedatumMedebewoners, VraagInkomenAanvrager, VraagInkomenPartner, VraagVermogen,
	VraagOntvangt, VraagOntvangtSinds, VraagLaagInkomenSinds, VraagSchuldsanering, VraagStudent,
	VraagGemeente, VraagWonen, VraagZorgpremie,
}

// VraagSet is a set of questions as a bit set, so the hot path does not allocate.
type VraagSet uint32

func vraagBit(v Vraag) VraagSet {
	for i, w := range alleVragen {
		if w == v {
			return 1 << i
		}
	}
	panic("regels: onbekende vraag " + string(v))
}

// Set bits, fixed at compile time of this package.
var (
	bitGebAanvrager  = vraagBit(VraagGeboortedatumAanvrager)
	bitGebPartner    = vraagBit(VraagGeboortedatumPartner)
	bitGebKinderen   = vraagBit(VraagGeboortedatumKinderen)
	bitGebMedebew    = vraagBit(VraagGeboortedatumMedebewoners)
	bitInkAanvrager  = vraagBit(VraagInkomenAanvrager)
	bitInkPartner    = vraagBit(VraagInkomenPartner)
	bitVermogen      = vraagBit(VraagVermogen)
	bitOntvangt      = vraagBit(VraagOntvangt)
	bitOntvangtSinds = vraagBit(VraagOntvangtSinds)
	bitLaagInkomen   = vraagBit(VraagLaagInkomenSinds)
	bitSchuld        = vraagBit(VraagSchuldsanering)
	bitStudent       = vraagBit(VraagStudent)
	bitGemeente      = vraagBit(VraagGemeente)
	bitWonen         = vraagBit(VraagWonen)
	bitZorgpremie    = vraagBit(VraagZorgpremie)
)

// Lijst returns the questions in the set in a fixed order.
func (s VraagSet) Lijst() []Vraag {
	if s == 0 {
		return nil // the usual case in a trace: nothing is asked
	}
	var out []Vraag
	for i, v := range alleVragen {
		if s&(1<<i) != 0 {
			out = append(out, v)
		}
	}
	return out
}

// Heeft reports whether v is in the set.
func (s VraagSet) Heeft(v Vraag) bool {
	for i, w := range alleVragen {
		if w == v {
			return s&(1<<i) != 0
		}
	}
	return false
}

// Limits of the fixed-size parts of Feiten.
const (
	maxKinderen    = huishouden.MaxKinderen
	maxOntvangsten = 8
)

// Ontvangen is one scheme the household receives, with for how many whole months (-1: unknown).
type Ontvangen struct {
	Regeling string
	Maanden  int
}

// Feiten are the facts about one household at one date, derived once and then evaluated against any
// number of packs. It is a plain value with fixed-size arrays so that evaluation does not allocate
// and a population can be held as a slice of Feiten.
type Feiten struct {
	Datum    time.Time
	Gemeente string

	Leefvorm    nl.Leefvorm
	Personen    int
	Volwassenen int // persons 18 or older (unknown birth dates of non-children count as adults)

	LeeftijdAanvrager int
	LeeftijdBekend    bool
	AOWAanvrager      Tri

	Kinderen             int               // persons with rol kind
	KindLeeftijden       [maxKinderen]int8 // age per child; -1 unknown
	MinderjarigeKinderen int               // children under 18 (children of unknown age count as minor)

	NormInclVT, NormExclVT geld.Bedrag
	NormBekend             bool
	NormVragen             VraagSet // why the norm is unknown
	NormOmschrijving       string

	Inkomen       geld.Bedrag // net per month, aanvrager and partner together
	InkomenBekend bool
	InkomenVragen VraagSet
	Verdieners    int // how many of aanvrager and partner have an income above 0 (valid when InkomenBekend)

	Vermogen       geld.Bedrag
	VermogenBekend bool
	Vermogensgrens geld.Bedrag // national asset limit (Pw art. 34) for the leefvorm at the date

	// Kwijtschelding's asset test (kwijtschelding.go): the household's health premium, the normpremie
	// the bijstandsnorm holds and the extra balance a gemeente may allow, for the leefvorm at the date.
	Zorgpremie            geld.Bedrag
	ZorgpremieBekend      bool
	KwijtNormpremie       geld.Bedrag
	KwijtNormpremieBekend bool
	KwijtExtra            geld.Bedrag
	KwijtExtraBekend      bool

	Ontvangt       [maxOntvangsten]Ontvangen
	AantalOntvangt int
	OntvangtBekend bool // false when the household did not say which schemes it receives

	LaagInkomenMaanden int // -1 unknown
	Schuldsanering     Tri
	Student            Tri

	// Facts of the national regelingen (landelijk*.go).
	Partner bool
	// PartnerNietVerzekerd: the partner is not insured under the Zvw (the zorgtoeslag is halved).
	PartnerNietVerzekerd bool
	Wonen                Woonsoort
	Huur                 geld.Bedrag // kale huur per maand
	HuurBekend           bool

	Toetsingsinkomen        geld.Bedrag // gross per year, aanvrager and partner (the toeslagen)
	ToetsingsinkomenBekend  bool
	ToetsingsinkomenGeschat bool        // derived from net incomes (landelijk_feiten.go)
	ToetsingsinkomenVragen  VraagSet    // why it is unknown
	Rekeninkomen            geld.Bedrag // the huurtoeslag's: with medebewoners and children
	RekeninkomenBekend      bool
	Jongeren                Tri               // everyone under the huurtoeslag's jongeren age, no child
	KindLeeftijdenKwartaal  [maxKinderen]int8 // age per child on the first day of the quarter; -1 unknown

	landelijk nl.Landelijk // the national data of Datum
}

// Woonsoort is how the household lives, as the national huurtoeslag needs it.
type Woonsoort uint8

// The housing situations.
const (
	WonenOnbekend Woonsoort = iota
	WonenHuur
	WonenKoop
	WonenInwonend
)

// ErrFeiten wraps problems deriving facts that are not the household's fault (for example a date
// outside the national data).
var ErrFeiten = errors.New("regels: feiten afleiden")

// Afleiden derives the facts of a validated household at a reference date.
func Afleiden(h *huishouden.Huishouden, datum time.Time, params *nl.Parameters) (Feiten, error) {
	var f Feiten
	f.Datum = datum
	f.Gemeente = h.Gemeente
	f.Personen = len(h.Personen)
	f.LaagInkomenMaanden = -1

	kdLeeftijd, _, err := params.KostendelerMinimumleeftijd(datum)
	if err != nil {
		return f, fmt.Errorf("%w: kostendelers: %w", ErrFeiten, err)
	}
	var aanvrager, partner *huishouden.Persoon
	kostendelers := 0
	var kostendelerVragen VraagSet
	for i := range h.Personen {
		p := &h.Personen[i]
		jaren, bekend := p.Leeftijd(datum)
		switch p.Rol {
		case huishouden.Aanvrager:
			aanvrager = p
			f.Volwassenen++
		case huishouden.Partner:
			partner = p
			f.Volwassenen++
		case huishouden.Kind:
			if f.Kinderen < maxKinderen {
				if bekend {
					f.KindLeeftijden[f.Kinderen] = int8(min(jaren, 127))
				} else {
					f.KindLeeftijden[f.Kinderen] = -1
				}
			}
			f.Kinderen++
			if !bekend || jaren < 18 {
				f.MinderjarigeKinderen++
			} else {
				f.Volwassenen++
			}
			// An adult child of kostendeler age (27) is a kostendeler (art. 22a Pw), unless a student.
			if bekend && jaren >= kdLeeftijd && !(p.Student != nil && *p.Student) {
				kostendelers++
			}
		case huishouden.Medebewoner:
			f.Volwassenen++
			switch {
			case p.HuurBetaalt, p.Student != nil && *p.Student:
			case !bekend:
				kostendelerVragen |= bitGebMedebew
			case jaren >= kdLeeftijd:
				kostendelers++
			}
		}
	}
	if aanvrager == nil {
		return f, fmt.Errorf("%w: geen aanvrager", ErrFeiten)
	}

	switch {
	case partner != nil:
		f.Leefvorm = nl.Gehuwden
	case f.MinderjarigeKinderen > 0:
		f.Leefvorm = nl.AlleenstaandeOuder
	default:
		f.Leefvorm = nl.Alleenstaande
	}

	// Age and AOW of the aanvrager.
	if j, ok := aanvrager.Leeftijd(datum); ok {
		f.LeeftijdAanvrager, f.LeeftijdBekend = j, true
		aow, err := params.AOWBereikt(aanvrager.Geboortedatum.Tijd(), datum)
		if err != nil {
			return f, fmt.Errorf("%w: %w", ErrFeiten, err)
		}
		f.AOWAanvrager = triVan(aow)
	}

	// The applicable bijstandsnorm.
	q := nl.NormVraag{Leefvorm: f.Leefvorm, MetKinderen: f.MinderjarigeKinderen > 0}
	if f.LeeftijdBekend {
		q.LeeftijdAanvrager = f.LeeftijdAanvrager
		q.AOWAanvrager = f.AOWAanvrager == Ja
	} else {
		f.NormVragen |= bitGebAanvrager
	}
	if partner != nil {
		if j, ok := partner.Leeftijd(datum); ok {
			q.LeeftijdPartner = j
			aow, err := params.AOWBereikt(partner.Geboortedatum.Tijd(), datum)
			if err != nil {
				return f, fmt.Errorf("%w: %w", ErrFeiten, err)
			}
			q.AOWPartner = aow
		} else {
			f.NormVragen |= bitGebPartner
		}
	}
	f.NormVragen |= kostendelerVragen
	if kostendelers > 0 {
		q.Kostendelers = kostendelers + 1
		if partner != nil {
			q.Kostendelers++
		}
	}
	if f.NormVragen == 0 {
		n, err := params.Norm(q, datum)
		if err != nil {
			return f, fmt.Errorf("%w: bijstandsnorm: %w", ErrFeiten, err)
		}
		f.NormInclVT, f.NormExclVT, f.NormBekend = n.InclVT, n.ExclVT, true
		f.NormOmschrijving = n.Omschrijving
	}

	// Income of aanvrager and partner.
	f.InkomenBekend = true
	for _, p := range []*huishouden.Persoon{aanvrager, partner} {
		if p == nil {
			continue
		}
		bedrag, ok := p.InkomenPerMaand()
		if !ok {
			f.InkomenBekend = false
			if p == aanvrager {
				f.InkomenVragen |= bitInkAanvrager
			} else {
				f.InkomenVragen |= bitInkPartner
			}
			continue
		}
		f.Inkomen += bedrag
		if bedrag > 0 {
			f.Verdieners++
		}
	}

	if h.Vermogen != nil {
		f.Vermogen, f.VermogenBekend = *h.Vermogen, true
	}
	grens, _, err := params.Vermogensgrens(f.Leefvorm, datum)
	if err != nil {
		return f, fmt.Errorf("%w: vermogensgrens: %w", ErrFeiten, err)
	}
	f.Vermogensgrens = grens

	// Schemes received. A nil list means the household did not say; an empty list means none.
	f.OntvangtBekend = h.Ontvangt != nil
	for _, o := range h.Ontvangt {
		if f.AantalOntvangt == maxOntvangsten {
			break
		}
		m := -1
		if o.Sinds != nil {
			m = maandenTussen(o.Sinds.Tijd(), datum)
		}
		f.Ontvangt[f.AantalOntvangt] = Ontvangen{Regeling: o.Regeling, Maanden: m}
		f.AantalOntvangt++
	}

	// Long-term low income: stated, or implied by bijstand since a date (bijstand is a low income).
	if h.LaagInkomenSinds != nil {
		f.LaagInkomenMaanden = maandenTussen(h.LaagInkomenSinds.Tijd(), datum)
	}
	if o, ok := h.OntvangtRegeling("bijstand"); ok && o.Sinds != nil {
		f.LaagInkomenMaanden = max(f.LaagInkomenMaanden, maandenTussen(o.Sinds.Tijd(), datum))
	}

	// Schuldsanering: yes if anyone is in it; no only if every adult said no.
	f.Schuldsanering = Nee
	for i := range h.Personen {
		p := &h.Personen[i]
		if p.Rol == huishouden.Kind {
			continue
		}
		switch triPtr(p.Schuldsanering) {
		case Ja:
			f.Schuldsanering = Ja
		case Onbekend:
			if f.Schuldsanering != Ja {
				f.Schuldsanering = Onbekend
			}
		}
	}
	f.Student = triPtr(aanvrager.Student)

	f.Partner = partner != nil
	f.PartnerNietVerzekerd = partner != nil && partner.NietVerzekerd
	f.landelijkeFeiten(h, aanvrager, partner, datum, params)
	switch h.Wonen.Soort {
	case huishouden.Huur:
		f.Wonen = WonenHuur
		if h.Wonen.HuurPerMaand != nil {
			f.Huur, f.HuurBekend = *h.Wonen.HuurPerMaand, true
		}
	case huishouden.Koop:
		f.Wonen = WonenKoop
	case huishouden.Inwonend:
		f.Wonen = WonenInwonend
	}
	if h.ZorgpremiePerMaand != nil {
		f.Zorgpremie, f.ZorgpremieBekend = *h.ZorgpremiePerMaand, true
	}
	if np, _, err := params.KwijtscheldingNormpremie(f.Leefvorm, datum); err == nil {
		f.KwijtNormpremie, f.KwijtNormpremieBekend = np, true
	}
	if ex, _, err := params.KwijtscheldingExtraVermogen(f.Leefvorm, datum); err == nil {
		f.KwijtExtra, f.KwijtExtraBekend = ex, true
	}
	return f, nil
}

// maandenTussen is the number of whole calendar months from van to tot (0 if tot is before van).
func maandenTussen(van, tot time.Time) int {
	m := (tot.Year()-van.Year())*12 + int(tot.Month()-van.Month())
	if tot.Day() < van.Day() {
		m--
	}
	return max(m, 0)
}

// ontvangt looks up a received scheme.
func (f *Feiten) ontvangt(regeling string) (Ontvangen, bool) {
	for i := 0; i < f.AantalOntvangt; i++ {
		if f.Ontvangt[i].Regeling == regeling {
			return f.Ontvangt[i], true
		}
	}
	return Ontvangen{}, false
}

// kinderenInLeeftijd counts children with an age in [lo, hi]; onbekend reports children of unknown
// age that might be in range.
func (f *Feiten) kinderenInLeeftijd(lo, hi int) (n int, onbekend int) {
	for i := 0; i < min(f.Kinderen, maxKinderen); i++ {
		a := int(f.KindLeeftijden[i])
		switch {
		case a < 0:
			onbekend++
		case a >= lo && a <= hi:
			n++
		}
	}
	return n, onbekend
}
