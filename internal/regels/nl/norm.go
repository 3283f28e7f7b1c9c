package nl

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
)

// normSoort is one row of the national normenoverzicht (and the two fixed amounts of art. 22a lid 3).
type normSoort int

const (
	nAlleenstaande21 normSoort = iota
	nAlleenstaandeOuder21
	nGehuwden21
	nAlleenstaandeAOW
	nAlleenstaandeOuderAOW
	nGehuwdenAOW
	nJongAlleenstaande
	nJongAlleenstaandeOuder
	nJongGehuwdenBeideZonder
	nJongGehuwdenBeideMet
	nJongGehuwdenEenZonder
	nJongGehuwdenEenMet
	nLid3Met
	nLid3Zonder
	aantalNormSoorten
	aantalTabelSoorten = nLid3Met // the rows every norm period must have
)

// id is the base id in the data file: pw.norm.<id>.incl_vt and so on.
func (s normSoort) id() string {
	switch s {
	case nAlleenstaande21:
		return "alleenstaande_21_aow"
	case nAlleenstaandeOuder21:
		return "alleenstaande_ouder_21_aow"
	case nGehuwden21:
		return "gehuwden_21_aow"
	case nAlleenstaandeAOW:
		return "alleenstaande_aow"
	case nAlleenstaandeOuderAOW:
		return "alleenstaande_ouder_aow"
	case nGehuwdenAOW:
		return "gehuwden_aow"
	case nJongAlleenstaande:
		return "jongeren_alleenstaande_18_20"
	case nJongAlleenstaandeOuder:
		return "jongeren_alleenstaande_ouder_18_20"
	case nJongGehuwdenBeideZonder:
		return "jongeren_gehuwden_beide_18_20_zonder_kinderen"
	case nJongGehuwdenBeideMet:
		return "jongeren_gehuwden_beide_18_20_met_kinderen"
	case nJongGehuwdenEenZonder:
		return "jongeren_gehuwden_een_18_20_ander_21plus_zonder_kinderen"
	case nJongGehuwdenEenMet:
		return "jongeren_gehuwden_een_18_20_ander_21plus_met_kinderen"
	case nLid3Met:
		return "kostendelersnorm_22a_lid3_jonge_echtgenoot_met_kinderen"
	case nLid3Zonder:
		return "kostendelersnorm_22a_lid3_jonge_echtgenoot_zonder_kinderen"
	}
	return ""
}

func normSoortVan(base string) (normSoort, bool) {
	for s := normSoort(0); s < aantalNormSoorten; s++ {
		if s.id() == base {
			return s, true
		}
	}
	return 0, false
}

// omschrijving is the B1 Dutch description of a row.
func (s normSoort) omschrijving() string {
	switch s {
	case nAlleenstaande21:
		return "alleenstaande, 21 jaar of ouder, jonger dan de AOW-leeftijd"
	case nAlleenstaandeOuder21:
		return "alleenstaande ouder, 21 jaar of ouder, jonger dan de AOW-leeftijd"
	case nGehuwden21:
		return "gehuwden of samenwonenden, beiden 21 jaar of ouder, jonger dan de AOW-leeftijd"
	case nAlleenstaandeAOW:
		return "alleenstaande die de AOW-leeftijd heeft bereikt"
	case nAlleenstaandeOuderAOW:
		return "alleenstaande ouder die de AOW-leeftijd heeft bereikt"
	case nGehuwdenAOW:
		return "gehuwden of samenwonenden, van wie één of beiden de AOW-leeftijd hebben bereikt"
	case nJongAlleenstaande:
		return "alleenstaande van 18, 19 of 20 jaar"
	case nJongAlleenstaandeOuder:
		return "alleenstaande ouder van 18, 19 of 20 jaar"
	case nJongGehuwdenBeideZonder:
		return "gehuwden of samenwonenden, beiden 18, 19 of 20 jaar, zonder kinderen"
	case nJongGehuwdenBeideMet:
		return "gehuwden of samenwonenden, beiden 18, 19 of 20 jaar, met kinderen"
	case nJongGehuwdenEenZonder:
		return "gehuwden of samenwonenden, één 18, 19 of 20 jaar en één 21 jaar of ouder, zonder kinderen"
	case nJongGehuwdenEenMet:
		return "gehuwden of samenwonenden, één 18, 19 of 20 jaar en één 21 jaar of ouder, met kinderen"
	case nLid3Met:
		return "deel voor een partner van 18, 19 of 20 jaar bij de kostendelersnorm, met kinderen"
	case nLid3Zonder:
		return "deel voor een partner van 18, 19 of 20 jaar bij de kostendelersnorm, zonder kinderen"
	}
	return ""
}

// label is the short name of the row in a normenoverzicht table.
func (s normSoort) label() string {
	switch s {
	case nAlleenstaande21:
		return "alleenstaande, 21 jaar tot AOW-leeftijd"
	case nAlleenstaandeOuder21:
		return "alleenstaande ouder, 21 jaar tot AOW-leeftijd"
	case nGehuwden21:
		return "gehuwden/samenwonenden, 21 jaar tot AOW-leeftijd"
	case nAlleenstaandeAOW:
		return "alleenstaande, AOW-leeftijd"
	case nAlleenstaandeOuderAOW:
		return "alleenstaande ouder, AOW-leeftijd"
	case nGehuwdenAOW:
		return "gehuwden/samenwonenden, één of beiden AOW-leeftijd"
	case nJongAlleenstaande:
		return "alleenstaande, 18-20 jaar"
	case nJongAlleenstaandeOuder:
		return "alleenstaande ouder, 18-20 jaar"
	case nJongGehuwdenBeideZonder:
		return "gehuwden, beiden 18-20 jaar, zonder kinderen"
	case nJongGehuwdenBeideMet:
		return "gehuwden, beiden 18-20 jaar, met kinderen"
	case nJongGehuwdenEenZonder:
		return "gehuwden, één 18-20 en één 21+, zonder kinderen"
	case nJongGehuwdenEenMet:
		return "gehuwden, één 18-20 en één 21+, met kinderen"
	}
	return s.omschrijving()
}

// artikel is the article of the Participatiewet that sets the row.
func (s normSoort) artikel() string {
	switch s {
	case nAlleenstaande21, nAlleenstaandeOuder21:
		return "art. 21 onder a Participatiewet"
	case nGehuwden21:
		return "art. 21 onder b Participatiewet"
	case nAlleenstaandeAOW, nAlleenstaandeOuderAOW:
		return "art. 22 onder a Participatiewet"
	case nGehuwdenAOW:
		return "art. 22 onder b Participatiewet"
	case nJongAlleenstaande:
		return "art. 20 lid 1 onder a Participatiewet"
	case nJongAlleenstaandeOuder:
		return "art. 20 lid 2 onder a Participatiewet"
	case nJongGehuwdenBeideZonder:
		return "art. 20 lid 1 onder b Participatiewet"
	case nJongGehuwdenBeideMet:
		return "art. 20 lid 2 onder b Participatiewet"
	case nJongGehuwdenEenZonder:
		return "art. 20 lid 1 onder c Participatiewet"
	case nJongGehuwdenEenMet:
		return "art. 20 lid 2 onder c Participatiewet"
	case nLid3Met:
		return "art. 22a lid 3 onder a Participatiewet"
	case nLid3Zonder:
		return "art. 22a lid 3 onder b Participatiewet"
	}
	return ""
}

// normWaarde is one row in one period: the three amounts as the data file carries them.
type normWaarde struct {
	incl, vt, excl geld.Bedrag
	bron           Bron
	bekend         bool
}

// normPeriode is one published normenoverzicht (1 January or 1 July) with the parameters that the
// kostendelersnorm needs in that period.
type normPeriode struct {
	periode
	n                       [aantalNormSoorten]normWaarde
	vtPct                   geld.Percentage         // vakantietoeslag, share of the norm incl. VT
	kdnVast, kdnPer         int64                   // the 40 and 30 of ((40 + A×30)/A)%
	kdnBron                 [aantalNormSoorten]Bron // per B row: the formula's source with the row's
	kdnOmschrijving         [aantalKdnTeksten][maxKdnTekst + 1]string
	minLeeftijdKostendelers int
}

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

// controleerNormen checks that every norm row has its vakantietoeslag and amount without
// vakantietoeslag in the same period, derived the way the reference derives them:
// vakantietoeslag = 5% of the norm incl. VT rounded half up to cents, excl. VT = incl. VT − vakantietoeslag.
func (p *Parameters) controleerNormen() error {
	for s := normSoort(0); s < aantalNormSoorten; s++ {
		base := "pw.norm." + s.id()
		for _, incl := range p.reeksen[base+".incl_vt"] {
			vt, err := p.zelfdePeriode(base+".vakantietoeslag", incl.periode)
			if err != nil {
				return err
			}
			excl, err := p.zelfdePeriode(base+".excl_vt", incl.periode)
			if err != nil {
				return err
			}
			pct, err := p.zoek(idVTPercentage, incl.vanaf)
			if err != nil {
				return fmt.Errorf("%s.incl_vt %s: vakantietoeslagpercentage: %w", base, incl.periode, err)
			}
			if want := incl.bedrag.VanHalfOmhoog(geld.Procent(int64(pct.getal))); vt.bedrag != want {
				return fmt.Errorf("%s.vakantietoeslag %s: %s, maar %d%% van %s is %s", base, incl.periode, vt.tekst, pct.getal, incl.tekst, want.Decimal())
			}
			if excl.bedrag != incl.bedrag-vt.bedrag {
				return fmt.Errorf("%s.excl_vt %s: %s, maar %s − %s is %s", base, incl.periode, excl.tekst, incl.tekst, vt.tekst, (incl.bedrag - vt.bedrag).Decimal())
			}
		}
		for _, deel := range []string{".vakantietoeslag", ".excl_vt"} {
			for _, w := range p.reeksen[base+deel] {
				if _, err := p.zelfdePeriode(base+".incl_vt", w.periode); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (p *Parameters) zelfdePeriode(id string, per periode) (waarde, error) {
	for _, w := range p.reeksen[id] {
		if w.periode == per {
			return w, nil
		}
	}
	return waarde{}, fmt.Errorf("%s: geen waarde voor precies de periode %s", id, per)
}

// bouwNormPerioden builds the table per normenoverzicht. All rows of the table must have the same
// periods (a published overzicht is complete); the art. 22a lid 3 amounts may be missing in a period
// (the reference has them only from 1 July 2025) but must then fit one of those periods exactly.
func (p *Parameters) bouwNormPerioden() error {
	eerste := "pw.norm." + normSoort(0).id() + ".incl_vt"
	basis := p.reeksen[eerste]
	if len(basis) == 0 {
		return fmt.Errorf("%s: geen waarden", eerste)
	}
	for s := normSoort(1); s < aantalTabelSoorten; s++ {
		id := "pw.norm." + s.id() + ".incl_vt"
		r := p.reeksen[id]
		if len(r) != len(basis) {
			return fmt.Errorf("%s: %d periodes, %s heeft er %d; elk normenoverzicht moet compleet zijn", id, len(r), eerste, len(basis))
		}
		for i := range r {
			if r[i].periode != basis[i].periode {
				return fmt.Errorf("%s: periode %s wijkt af van %s (%s)", id, r[i].periode, eerste, basis[i].periode)
			}
		}
	}
	for s := aantalTabelSoorten; s < aantalNormSoorten; s++ {
		id := "pw.norm." + s.id() + ".incl_vt"
		for _, w := range p.reeksen[id] {
			gevonden := false
			for _, b := range basis {
				gevonden = gevonden || b.periode == w.periode
			}
			if !gevonden {
				return fmt.Errorf("%s: periode %s is niet de periode van een normenoverzicht", id, w.periode)
			}
		}
	}
	for _, b := range basis {
		np := normPeriode{periode: b.periode}
		for s := normSoort(0); s < aantalNormSoorten; s++ {
			base := "pw.norm." + s.id()
			incl, err := p.zelfdePeriode(base+".incl_vt", b.periode)
			if err != nil {
				continue // only the lid 3 amounts can be missing, checked above
			}
			vt, _ := p.zelfdePeriode(base+".vakantietoeslag", b.periode)
			excl, _ := p.zelfdePeriode(base+".excl_vt", b.periode)
			np.n[s] = normWaarde{incl: incl.bedrag, vt: vt.bedrag, excl: excl.bedrag, bron: incl.bron, bekend: true}
		}
		get := func(id string) (waarde, error) {
			w, err := p.dekt(id, b.periode)
			if err != nil {
				return w, fmt.Errorf("normen %s: %w", b.periode, err)
			}
			return w, nil
		}
		vt, err := get(idVTPercentage)
		if err != nil {
			return err
		}
		vast, err := get(idKDNVast)
		if err != nil {
			return err
		}
		per, err := get(idKDNPerKostendeler)
		if err != nil {
			return err
		}
		if per.getal == 0 {
			return fmt.Errorf("%s: mag niet 0 zijn", idKDNPerKostendeler)
		}
		mk, err := get(idKostendelerLeeftijd)
		if err != nil {
			return err
		}
		np.vtPct = geld.Procent(int64(vt.getal))
		np.kdnVast, np.kdnPer = int64(vast.getal), int64(per.getal)
		for s := range aantalNormSoorten {
			if np.n[s].bekend {
				np.kdnBron[s] = Bron{Tekst: "kostendelersnorm: " + vast.bron.Tekst + "; bedrag: " + np.n[s].bron.Tekst, URL: vast.bron.URL}
			}
		}
		np.minLeeftijdKostendelers = mk.getal
		for t := range aantalKdnTeksten {
			for a := 2; a <= maxKdnTekst; a++ {
				np.kdnOmschrijving[t][a] = kdnTekst(kdnTekstSoort(t), a)
			}
		}
		p.normPerioden = append(p.normPerioden, np)
	}
	return nil
}

// dekt returns the value of id that applies during the whole of per.
func (p *Parameters) dekt(id string, per periode) (waarde, error) {
	w, err := p.zoek(id, per.vanaf)
	if err != nil {
		return w, err
	}
	if !w.tot.IsZero() && (per.tot.IsZero() || w.tot.Before(per.tot)) {
		return w, fmt.Errorf("%s: %s dekt niet de hele periode %s", id, w.periode, per)
	}
	return w, nil
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

// The descriptions of kostendelersnormen, built once per period for small A so that Norm does not
// allocate on the usual path.
type kdnTekstSoort int

const (
	kdnAlleenstaande kdnTekstSoort = iota
	kdnAlleenstaandeAOW
	kdnGehuwden
	kdnGehuwdenAOW
	kdnJongZonder
	kdnJongMet
	aantalKdnTeksten
	maxKdnTekst = 12
)

func kdnTekst(t kdnTekstSoort, a int) string {
	n := strconv.Itoa(a)
	switch t {
	case kdnAlleenstaande:
		return "kostendelersnorm, 21 jaar of ouder, jonger dan de AOW-leeftijd: " + n + " kostendelers in de woning (u meegeteld)"
	case kdnAlleenstaandeAOW:
		return "kostendelersnorm, AOW-leeftijd bereikt: " + n + " kostendelers in de woning (u meegeteld)"
	case kdnGehuwden:
		return "kostendelersnorm voor gehuwden of samenwonenden, beiden 21 jaar of ouder, jonger dan de AOW-leeftijd: " + n + " kostendelers in de woning (u en uw partner meegeteld)"
	case kdnGehuwdenAOW:
		return "kostendelersnorm voor gehuwden of samenwonenden, van wie één of beiden de AOW-leeftijd hebben bereikt: " + n + " kostendelers in de woning (u en uw partner meegeteld)"
	case kdnJongZonder:
		return "kostendelersnorm voor gehuwden of samenwonenden, één 18, 19 of 20 jaar, zonder kinderen: " + n + " kostendelers in de woning (de partner van 21 jaar of ouder meegeteld)"
	case kdnJongMet:
		return "kostendelersnorm voor gehuwden of samenwonenden, één 18, 19 of 20 jaar, met kinderen: " + n + " kostendelers in de woning (de partner van 21 jaar of ouder meegeteld)"
	}
	return ""
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
