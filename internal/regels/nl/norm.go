package nl

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
)

// The lookup of a bijstandsnorm: Norm finds the norm for a household (leefvorm, ages, AOW-leeftijd,
// kostendelers) on a date in the normenoverzichten of normperioden.go, and Normtabel lists one
// overzicht. The rows and their wording are in normteksten.go.

// NormVraag describes the household for which a bijstandsnorm is asked.
type NormVraag struct {
	Leefvorm          Leefvorm
	LeeftijdAanvrager int  // age in whole years at the date
	LeeftijdPartner   int  // only for Gehuwden
	AOWAanvrager      bool // reached the AOW-leeftijd at the date
	AOWPartner        bool
	MetKinderen       bool // minor children in the household (matters for the jongeren norms)
	// Kostendelers is A of art. 22a Pw: the number of kostendelers in the home INCLUDING the
	// applicant (and the partner). For a single person 0 or 1, for a couple 0, 1 or 2 means no
	// kostendelersnorm.
	Kostendelers int
}

// Norm is an applicable bijstandsnorm per calendar month, net.
type Norm struct {
	InclVT          geld.Bedrag // the norm including vakantietoeslag, as the law states it
	ExclVT          geld.Bedrag // what is paid per month; InclVT − Vakantietoeslag
	Vakantietoeslag geld.Bedrag // reserved per month, paid once a year (art. 19 lid 3 Pw)
	Omschrijving    string      // B1 Dutch
	Artikel         string
	Bron            Bron
	GeldigVanaf     time.Time
	GeldigTot       time.Time // last day; zero when no end is known
}

// Grens returns p percent of the norm, as municipal income-limit tables do: the norm (without
// vakantietoeslag when zonderVT, else with) is taken in whole cents first — the published amount —
// and p percent of it is then rounded half up to whole cents. Example: 1 January 2025, alleenstaande,
// 110% of 1.278,18 = 1.405,998 → € 1.406,00.
func (n Norm) Grens(p geld.Percentage, zonderVT bool) geld.Bedrag {
	if zonderVT {
		return n.ExclVT.VanHalfOmhoog(p)
	}
	return n.InclVT.VanHalfOmhoog(p)
}

// Normregel is one row of the normenoverzicht.
type Normregel struct {
	Code         string // the row id in the data file, or kostendelersnorm_<A>
	Omschrijving string // short label for a table; Norm.Omschrijving has the full B1 sentence
	Norm         Norm
}

func (p *Parameters) normPeriode(d time.Time) (*normPeriode, error) {
	for i := range p.normPerioden {
		if p.normPerioden[i].bevat(d) {
			return &p.normPerioden[i], nil
		}
	}
	van, tot := p.normPerioden[0].vanaf, p.normPerioden[len(p.normPerioden)-1].periode
	return nil, fmt.Errorf("%w: bijstandsnormen zijn bekend van %s t/m %s, niet voor %s", ErrBuitenPeriode,
		van.Format(time.DateOnly), eindeTekst(tot), d.Format(time.DateOnly))
}

func eindeTekst(p periode) string {
	if p.tot.IsZero() {
		return "(geen einde bekend)"
	}
	return p.tot.Format(time.DateOnly)
}

// Perioden returns the first days of the normenoverzichten in the data, sorted.
func (p *Parameters) Perioden() []time.Time {
	out := make([]time.Time, len(p.normPerioden))
	for i, np := range p.normPerioden {
		out[i] = np.vanaf
	}
	return out
}

// errOnder18 is the reason given for an age under 18: the Participatiewet has no norm for minors.
var errOnder18 = errors.New("de Participatiewet kent geen bijstandsnorm onder 18 jaar")

// Norm returns the bijstandsnorm for the household on datum.
//
// The rules, from the Participatiewet:
//   - Under 18 (aanvrager or partner): an error.
//   - A partner of 18, 19 or 20 makes it a jongerennorm (art. 20), chosen by MetKinderen; when both
//     are under 21 the kostendelersnorm does not apply.
//   - AOW-leeftijd reached (aanvrager, or for a couple one or both): art. 22. The reference gives one
//     amount for couples of whom one or both reached the AOW-leeftijd; we use it for both cases.
//   - Otherwise art. 21.
//   - Kostendelersnorm (art. 22a) when Kostendelers counts others than the aanvrager (and partner):
//     per person ((40 + A×30)/A)% of B, where B is the gehuwdennorm of art. 21 onder b, or of art. 22
//     when the aanvrager or the partner reached the AOW-leeftijd (the reference's B for art. 22 onder b
//     and c). For a couple the norm is the sum for both partners (lid 2); when one partner is 18, 19
//     or 20, the norm is the kostendelersnorm of the older partner plus the fixed amount of lid 3,
//     where A counts the older partner but not the young one (the reference: A = medebewoners +
//     belanghebbende + echtgenoot van 21 of ouder). With one kostendeler that sum equals the norm of
//     art. 20 lid 1/2 onder c to the cent, which the tests use as a check.
//     Persons under 21 who are alone get their jongerennorm; the kostendelersnorm does not apply to them.
//   - A couple of whom one is 18, 19 or 20 and the other has reached the AOW-leeftijd gets art. 20
//     (the rule for a young partner goes first); the reference has no row for it.
//
// Rounding of the kostendelersnorm (the law names none): per person the amount including
// vakantietoeslag is rounded half up to whole cents; a couple gets twice that amount. Vakantietoeslag
// is then 5% of that amount rounded half up, and the amount without vakantietoeslag is the rest —
// the same derivation the reference uses for every published row, which the tests check to the cent.
//
// A datum outside the periods in the data is an error wrapping ErrBuitenPeriode; a combination the
// reference gives no amount for (art. 22a lid 3 before 1 July 2025) wraps ErrOnbekend.
func (p *Parameters) Norm(q NormVraag, datum time.Time) (Norm, error) {
	d := dag(datum)
	np, err := p.normPeriode(d)
	if err != nil {
		return Norm{}, fmt.Errorf("bijstandsnorm: %w", err)
	}
	if !q.Leefvorm.geldig() {
		return Norm{}, fmt.Errorf("bijstandsnorm: onbekende leefvorm %d", int(q.Leefvorm))
	}
	if q.LeeftijdAanvrager < 18 {
		return Norm{}, fmt.Errorf("bijstandsnorm: aanvrager is %d jaar: %w", q.LeeftijdAanvrager, errOnder18)
	}
	personen := 1
	if q.Leefvorm == Gehuwden {
		personen = 2
		if q.LeeftijdPartner < 18 {
			return Norm{}, fmt.Errorf("bijstandsnorm: partner is %d jaar: %w", q.LeeftijdPartner, errOnder18)
		}
	}
	medebewoners := q.Kostendelers - personen
	if q.Kostendelers < 0 {
		return Norm{}, fmt.Errorf("bijstandsnorm: aantal kostendelers %d is negatief", q.Kostendelers)
	}

	if q.Leefvorm != Gehuwden {
		jong := q.LeeftijdAanvrager < 21 && !q.AOWAanvrager
		var s normSoort
		switch {
		case q.AOWAanvrager && q.Leefvorm == Alleenstaande:
			s = nAlleenstaandeAOW
		case q.AOWAanvrager:
			s = nAlleenstaandeOuderAOW
		case jong && q.Leefvorm == Alleenstaande:
			s = nJongAlleenstaande
		case jong:
			s = nJongAlleenstaandeOuder
		case q.Leefvorm == Alleenstaande:
			s = nAlleenstaande21
		default:
			s = nAlleenstaandeOuder21
		}
		if medebewoners <= 0 || jong {
			return np.vast(s)
		}
		b := nGehuwden21
		if q.AOWAanvrager {
			b = nGehuwdenAOW
		}
		a := medebewoners + 1
		incl, err := np.kdnPerPersoon(b, a)
		if err != nil {
			return Norm{}, err
		}
		t := kdnAlleenstaande
		if q.AOWAanvrager {
			t = kdnAlleenstaandeAOW
		}
		return np.maak(incl, np.kdnTekst(t, a), "art. 22a lid 1 Participatiewet", np.kdnBron[b]), nil
	}

	jongA := q.LeeftijdAanvrager < 21 && !q.AOWAanvrager
	jongP := q.LeeftijdPartner < 21 && !q.AOWPartner
	aow := q.AOWAanvrager || q.AOWPartner
	switch {
	case jongA && jongP:
		if q.MetKinderen {
			return np.vast(nJongGehuwdenBeideMet)
		}
		return np.vast(nJongGehuwdenBeideZonder)
	case jongA || jongP:
		if medebewoners <= 0 {
			if q.MetKinderen {
				return np.vast(nJongGehuwdenEenMet)
			}
			return np.vast(nJongGehuwdenEenZonder)
		}
		// Art. 22a lid 3: kostendelersnorm of the partner of 21 or older (A counts him or her but not
		// the young partner) plus a fixed amount for the young partner.
		b := nGehuwden21
		if aow {
			b = nGehuwdenAOW
		}
		a := medebewoners + 1
		oud, err := np.kdnPerPersoon(b, a)
		if err != nil {
			return Norm{}, err
		}
		l3, t := nLid3Zonder, kdnJongZonder
		if q.MetKinderen {
			l3, t = nLid3Met, kdnJongMet
		}
		if !np.n[l3].bekend {
			return Norm{}, fmt.Errorf("bijstandsnorm: %w: het bedrag van %s (pw.norm.%s) voor %s", ErrOnbekend, l3.artikel(), l3.id(), np.periode)
		}
		art := "art. 22a lid 1 en lid 3 onder b Participatiewet"
		if q.MetKinderen {
			art = "art. 22a lid 1 en lid 3 onder a Participatiewet"
		}
		return np.maak(oud+np.n[l3].incl, np.kdnTekst(t, a), art, np.kdnBron[l3]), nil
	}
	s, b, t := nGehuwden21, nGehuwden21, kdnGehuwden
	if aow {
		s, b, t = nGehuwdenAOW, nGehuwdenAOW, kdnGehuwdenAOW
	}
	if medebewoners <= 0 {
		n, err := np.vast(s)
		if err == nil && aow && !(q.AOWAanvrager && q.AOWPartner) {
			n.Artikel = "art. 22 onder c Participatiewet"
		}
		return n, err
	}
	a := medebewoners + 2
	per, err := np.kdnPerPersoon(b, a)
	if err != nil {
		return Norm{}, err
	}
	return np.maak(2*per, np.kdnTekst(t, a), "art. 22a lid 1 en 2 Participatiewet", np.kdnBron[b]), nil
}

// vast returns a published row as the data file carries it.
func (np *normPeriode) vast(s normSoort) (Norm, error) {
	w := np.n[s]
	if !w.bekend {
		return Norm{}, fmt.Errorf("bijstandsnorm: %w: pw.norm.%s voor %s", ErrOnbekend, s.id(), np.periode)
	}
	return Norm{InclVT: w.incl, ExclVT: w.excl, Vakantietoeslag: w.vt, Omschrijving: s.omschrijving(),
		Artikel: s.artikel(), Bron: w.bron, GeldigVanaf: np.vanaf, GeldigTot: np.tot}, nil
}

// maak derives vakantietoeslag and the amount without it from a computed norm incl. VT.
func (np *normPeriode) maak(incl geld.Bedrag, omschrijving, artikel string, bron Bron) Norm {
	vt := incl.VanHalfOmhoog(np.vtPct)
	return Norm{InclVT: incl, ExclVT: incl - vt, Vakantietoeslag: vt, Omschrijving: omschrijving,
		Artikel: artikel, Bron: bron, GeldigVanaf: np.vanaf, GeldigTot: np.tot}
}

// kdnPerPersoon is ((vast + A×per)/A)% of the norm incl. VT of row b, rounded half up to whole cents.
func (np *normPeriode) kdnPerPersoon(b normSoort, a int) (geld.Bedrag, error) {
	if !np.n[b].bekend {
		return 0, fmt.Errorf("bijstandsnorm: %w: pw.norm.%s voor %s", ErrOnbekend, b.id(), np.periode)
	}
	if a < 2 || a > 1000 {
		return 0, fmt.Errorf("bijstandsnorm: %d kostendelers kan niet", a)
	}
	return kostendelersnorm(np.n[b].incl, np.kdnVast, np.kdnPer, int64(a)), nil
}

// kostendelersnorm computes B × (vast + per×A) / (100×A) in cents, rounded half up.
func kostendelersnorm(b geld.Bedrag, vast, per, a int64) geld.Bedrag {
	teller := int64(b) * (vast + per*a)
	noemer := 100 * a
	return geld.Bedrag((2*teller + noemer) / (2 * noemer))
}

func (np *normPeriode) kdnTekst(t kdnTekstSoort, a int) string {
	if a >= 2 && a <= maxKdnTekst {
		return np.kdnOmschrijving[t][a]
	}
	return kdnTekst(t, a)
}

// Normtabel returns the normenoverzicht on datum as municipalities publish it each January and July:
// the rows of art. 20, 21 and 22 Pw, followed by the kostendelersnorm per person for 2 to 5
// kostendelers (21 jaar tot AOW-leeftijd).
func (p *Parameters) Normtabel(datum time.Time) ([]Normregel, error) {
	d := dag(datum)
	np, err := p.normPeriode(d)
	if err != nil {
		return nil, fmt.Errorf("normenoverzicht: %w", err)
	}
	volgorde := []normSoort{
		nAlleenstaande21, nAlleenstaandeOuder21, nGehuwden21,
		nAlleenstaandeAOW, nAlleenstaandeOuderAOW, nGehuwdenAOW,
		nJongAlleenstaande, nJongAlleenstaandeOuder,
		nJongGehuwdenBeideZonder, nJongGehuwdenBeideMet, nJongGehuwdenEenZonder, nJongGehuwdenEenMet,
	}
	out := make([]Normregel, 0, len(volgorde)+4)
	for _, s := range volgorde {
		n, err := np.vast(s)
		if err != nil {
			return nil, fmt.Errorf("normenoverzicht: %w", err)
		}
		out = append(out, Normregel{Code: s.id(), Omschrijving: s.label(), Norm: n})
	}
	for a := 2; a <= 5; a++ {
		n, err := p.Norm(NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 30, Kostendelers: a}, d)
		if err != nil {
			return nil, fmt.Errorf("normenoverzicht: %w", err)
		}
		out = append(out, Normregel{Code: "kostendelersnorm_" + strconv.Itoa(a),
			Omschrijving: "kostendelersnorm, " + strconv.Itoa(a) + " kostendelers, per persoon", Norm: n})
	}
	return out, nil
}
