package nl

import (
	_ "embed"
	"errors"
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
)

// The beslagvrije voet: the part of a debtor's monthly income a creditor may not take by beslag
// (Wetboek van Burgerlijke Rechtsvordering, BWBR0001827, art. 475c–475e). The Wgs (art. 4a lid 5)
// asks that a plan van aanpak respects it, so the debt-help worker needs an indication of it.
//
// BeslagvrijeVoet computes art. 475da lid 1–3 and 475dc lid 1 from the text in force (harvested from
// wetten.overheid.nl, see data/beslagvrijevoet.yaml) with the national values Zeker already carries:
// the bijstandsnormen of art. 21 Pw (data/parameters.yaml) and the parameters of the zorgtoeslag, the
// huurtoeslag and the kindgebonden budget (data/toeslagen.yaml). The maxima of lid 1 and the amounts of
// art. 23 lid 2 Pw come from data/beslagvrijevoet.yaml. Lid 8 says the maxima equal the formula at the
// income where the huurtoeslag term reaches the maximale huurgrens; TestBeslagvrijeVoetLid8 checks that
// to the cent, which ties every value used here to the law's own amounts.
//
// What the indication leaves out is listed in BVV.NietMeegenomen: the increases a debtor must ask for
// (lid 5 housing costs, lid 7 owner or non-qualifying rent), the reductions of art. 475db (income not
// under beslag), and art. 475e (no registered address but known, or living in an institution).

//go:embed data/beslagvrijevoet.yaml
var beslagvrijevoetYAML []byte

// BVVLeefsituatie is one of the four situations of art. 475da lid 1 and 2 Rv.
type BVVLeefsituatie int

// The situations of art. 475da lid 1 onder a–d.
const (
	BVVAlleenstaande BVVLeefsituatie = iota + 1
	BVVAlleenstaandeOuder
	BVVGehuwden
	BVVGehuwdenMetKinderen
)

// BVVLeefsituaties lists them in the law's order.
func BVVLeefsituaties() []BVVLeefsituatie {
	return []BVVLeefsituatie{BVVAlleenstaande, BVVAlleenstaandeOuder, BVVGehuwden, BVVGehuwdenMetKinderen}
}

var bvvCodes = map[BVVLeefsituatie]string{BVVAlleenstaande: "alleenstaande", BVVAlleenstaandeOuder: "alleenstaande_ouder",
	BVVGehuwden: "gehuwden", BVVGehuwdenMetKinderen: "gehuwden_kinderen"}

var bvvNamen = map[BVVLeefsituatie]string{BVVAlleenstaande: "Alleenstaande", BVVAlleenstaandeOuder: "Alleenstaande ouder",
	BVVGehuwden: "Gehuwden of samenwonenden zonder kinderen", BVVGehuwdenMetKinderen: "Gehuwden of samenwonenden met een of meer kinderen"}

// Code is the stored form ("alleenstaande", "alleenstaande_ouder", "gehuwden", "gehuwden_kinderen").
func (l BVVLeefsituatie) Code() string { return bvvCodes[l] }

// Naam is the B1 label.
func (l BVVLeefsituatie) Naam() string { return bvvNamen[l] }

// onder is the letter of the lid in art. 475da ("a" to "d").
func (l BVVLeefsituatie) onder() string { return string(rune('a' + int(l) - 1)) }

func (l BVVLeefsituatie) gehuwd() bool { return l == BVVGehuwden || l == BVVGehuwdenMetKinderen }

// ParseBVVLeefsituatie reads a Code; ok is false for anything else.
func ParseBVVLeefsituatie(s string) (BVVLeefsituatie, bool) {
	for l, c := range bvvCodes {
		if c == s {
			return l, true
		}
	}
	return 0, false
}

// BVVVraag is what the indication needs to know.
type BVVVraag struct {
	Leefsituatie BVVLeefsituatie
	// Jaarinkomen is C of art. 475da lid 2: the belastbaar inkomen per year of the debtor and, when
	// married or living together, the partner.
	Jaarinkomen geld.Bedrag
	// Maandinkomen is the net monthly income including vakantiebijslag of art. 475dc lid 1; zero
	// when not given (the 95% bound is then not applied, and the indication says so).
	Maandinkomen geld.Bedrag
	// GeenWoonadres: no woonadres in the basisregistratie personen (art. 475da lid 4), for example
	// only a briefadres.
	GeenWoonadres bool
}

// BVVStap is one line of the computation, in B1 words, with the article and the sources of its values.
type BVVStap struct {
	Omschrijving string
	Bedrag       geld.Bedrag
	Artikel      string
	Bronnen      []Bron
}

// BVV is the indication of the beslagvrije voet per month.
type BVV struct {
	Bedrag  geld.Bedrag
	Stappen []BVVStap // the terms, then the bounds that applied
	Datum   time.Time
	// Begrensd names the bound that set the amount, if any: the maximum of lid 1 or 95% of the
	// income of art. 475dc.
	Begrensd string
	// NietMeegenomen lists, in B1, what the indication does not take into account.
	NietMeegenomen []string
}

// ErrBVVVraag is returned (wrapped, with the field) for a question that cannot be computed.
var ErrBVVVraag = errors.New("beslagvrije voet: vraag onvolledig")

// MaxBVVInkomen bounds Jaarinkomen and Maandinkomen (€ 1 billion): the terms multiply an income by a
// rate in millionths (tariefDeel) or hundredths of a percent, and above this int64 could overflow into
// a negative or zero amount. Far above every maximum of lid 1, so the bound changes no real answer.
const MaxBVVInkomen = geld.Bedrag(100_000_000_000)

const (
	bvvArtikel  = "art. 475da Rv"
	bvvMaxBron  = "rv475da.maximum."
	bvvPw23Bron = "pw23.lid2."
)

// bvvSoort tells which ids data/beslagvrijevoet.yaml may hold.
func bvvSoort(id string) (soort, bool) {
	for _, l := range BVVLeefsituaties() {
		if id == bvvMaxBron+l.Code() {
			return soortBedrag, true
		}
	}
	if id == bvvPw23Bron+"alleenstaande" || id == bvvPw23Bron+"gehuwden" {
		return soortBedrag, true
	}
	return 0, false
}

// BeslagvrijeVoet computes the indication for v on datum. A date outside the data, or a year whose
// toeslag parameters the reference did not find, is an error wrapping ErrBuitenPeriode or ErrOnbekend
// that names what is missing: Zeker then shows no amount.
//
// The formula of art. 475da lid 2, per month, with A and B the norms of art. 21 onder a and b Pw
// (including vakantietoeslag, as the law states them):
//
//	zorg = ((C − D) / 12) × E, at most the standaardpremie per month (twice for gehuwden) minus the
//	       amount of art. 23 lid 2 Pw (lid 3); D is C when C is lower than the drempelinkomen
//	huur = I × (F or G) / 12, or H − J when that is less; I = C − minimum-inkomensijkpunt
//	kgb  = ((C − D) / 12) × K for an alleenstaande ouder, ((C − (D + L)) / 12) × K for gehuwden
//	       with children
//	BVV  = 95% × A (or B) + zorg + huur (+ kgb), at most the maximum of lid 1
//
// Two readings the text leaves open, both following the toeslag each term makes up for: a term is
// never negative (the huurtoeslag is only reduced for income above the minimum-inkomensijkpunt, Wet op
// de huurtoeslag art. 21 lid 2; the kindgebonden budget only above its drempel, art. 2 lid 7–8 WKB),
// and the alleenstaande ouder, a meerpersoonshuishouden, is measured against the minimum-inkomensijkpunt
// for meerpersoonshuishoudens (the formula gives that household G, the afbouwpercentage for
// meerpersoonshuishoudens). TestBeslagvrijeVoetLid8 shows both reproduce the maxima of lid 1.
//
// Every term is rounded half up to whole cents. Art. 475dc lid 1 then bounds the result to 95% of the
// net monthly income including vakantiebijslag, when given. Lid 4 (no woonadres) replaces all of it by
// 47.5% of B.
func (p *Parameters) BeslagvrijeVoet(v BVVVraag, datum time.Time) (BVV, error) {
	d := dag(datum)
	r := BVV{Datum: d}
	if _, ok := bvvCodes[v.Leefsituatie]; !ok {
		return r, fmt.Errorf("%w: leefsituatie: kies een van de vier situaties van art. 475da", ErrBVVVraag)
	}
	if v.Jaarinkomen < 0 || v.Maandinkomen < 0 {
		return r, fmt.Errorf("%w: inkomen: een inkomen is niet negatief", ErrBVVVraag)
	}
	if v.Jaarinkomen > MaxBVVInkomen || v.Maandinkomen > MaxBVVInkomen {
		return r, fmt.Errorf("%w: inkomen: hoger dan %s kan Zeker niet rekenen", ErrBVVVraag, MaxBVVInkomen)
	}
	normA, err := p.zoek("pw.norm.alleenstaande_21_aow.incl_vt", d)
	if err != nil {
		return r, err
	}
	normB, err := p.zoek("pw.norm.gehuwden_21_aow.incl_vt", d)
	if err != nil {
		return r, err
	}
	if v.GeenWoonadres {
		bedrag := normB.bedrag.VanHalfOmhoog(4750)
		r.Stappen = append(r.Stappen, BVVStap{Omschrijving: "Geen woonadres in de basisregistratie personen: 47,5% van de bijstandsnorm voor gehuwden (" + normB.bedrag.String() + ")",
			Bedrag: bedrag, Artikel: bvvArtikel + " lid 4", Bronnen: []Bron{normB.bron}})
		r.Bedrag = bedrag
		r.Begrensd = "lid 4: geen woonadres"
		r.NietMeegenomen = []string{"Woont iemand wel vast ergens zonder dat adres in de basisregistratie, en laat hij de deurwaarder zijn situatie en inkomsten zien, dan geldt lid 4 niet (art. 475e lid 1 Rv)."}
		return r.metInkomensgrens(v), nil
	}
	if p.bvv == nil {
		return r, fmt.Errorf("%w: gegevens van de beslagvrije voet niet geladen", ErrOnbekend)
	}
	maxW, err := zoekIn(p.bvv, bvvMaxBron+v.Leefsituatie.Code(), d)
	if err != nil {
		return r, err
	}
	pw23ID := bvvPw23Bron + "alleenstaande"
	if v.Leefsituatie.gehuwd() {
		pw23ID = bvvPw23Bron + "gehuwden"
	}
	pw23, err := zoekIn(p.bvv, pw23ID, d)
	if err != nil {
		return r, err
	}
	t := p.Landelijk(d).Toeslagen
	if t == nil {
		return r, fmt.Errorf("%w: toeslagen: geen gegevens voor %s (bekend: %s)", ErrBuitenPeriode, d.Format(time.DateOnly), p.LandelijkePeriode())
	}
	if !t.HT.Bekend {
		return r, fmt.Errorf("%w: huurtoeslag %s: %s", ErrOnbekend, t.periode, t.HT.NietGevonden)
	}
	r.Stappen = bvvTermen(v, t, normA, normB, pw23)
	var som geld.Bedrag
	for _, s := range r.Stappen {
		som += s.Bedrag
	}
	r.Bedrag = som
	if som > maxW.bedrag {
		r.Bedrag, r.Begrensd = maxW.bedrag, "lid 1: het maximum"
		r.Stappen = append(r.Stappen, BVVStap{Omschrijving: "Hoger dan het maximum voor deze situatie; de beslagvrije voet is ten hoogste " + maxW.bedrag.String(),
			Bedrag: maxW.bedrag, Artikel: bvvArtikel + " lid 1 onder " + v.Leefsituatie.onder(), Bronnen: []Bron{maxW.bron}})
	}
	r.NietMeegenomen = []string{
		"Hogere woonkosten: wie minstens 10% meer woonkosten heeft dan de maximale huurgrens, kan de deurwaarder om een hogere beslagvrije voet vragen (art. 475da lid 5 en 6 Rv).",
		"Een eigen woning of een huurwoning die niet aan art. 11 van de Wet op de huurtoeslag voldoet: op verzoek een verhoging (art. 475da lid 7 Rv).",
		"Inkomen waar geen beslag op ligt, van de schuldenaar of de partner, gaat er nog af (art. 475db Rv).",
		"Wie in een instelling voor zorg of verpleging woont, heeft een andere beslagvrije voet (art. 475e lid 2 Rv).",
	}
	return r.metInkomensgrens(v), nil
}

// metInkomensgrens applies art. 475dc lid 1: never more than 95% of the net monthly income including
// vakantiebijslag, when that income is given.
func (r BVV) metInkomensgrens(v BVVVraag) BVV {
	if v.Maandinkomen == 0 {
		r.NietMeegenomen = append(r.NietMeegenomen, "Het netto maandinkomen is niet ingevuld: is 95% daarvan lager, dan is dat de beslagvrije voet (art. 475dc lid 1 Rv).")
		return r
	}
	grens := v.Maandinkomen.VanHalfOmhoog(9500)
	if grens < r.Bedrag {
		r.Bedrag, r.Begrensd = grens, "art. 475dc: 95% van het inkomen"
		r.Stappen = append(r.Stappen, BVVStap{Omschrijving: "Lager: 95% van het netto maandinkomen met vakantiegeld (" + v.Maandinkomen.String() + ")",
			Bedrag: grens, Artikel: "art. 475dc lid 1 Rv"})
	}
	return r
}

// bvvTermen computes the terms of art. 475da lid 2 (with the bound of lid 3 on the zorg term).
func bvvTermen(v BVVVraag, t *Toeslagjaar, normA, normB, pw23 waarde) []BVVStap {
	l := v.Leefsituatie
	lid2 := bvvArtikel + " lid 2 onder " + l.onder()
	c := v.Jaarinkomen
	drempel := min(t.Drempelinkomen, c) // D: the drempelinkomen, or C when C is lower
	var out []BVVStap

	norm, normNaam := normA, "alleenstaande"
	if l.gehuwd() {
		norm, normNaam = normB, "gehuwden"
	}
	out = append(out, BVVStap{Omschrijving: "95% van de bijstandsnorm voor " + normNaam + " (" + norm.bedrag.String() + ", met vakantietoeslag)",
		Bedrag: norm.bedrag.VanHalfOmhoog(9500), Artikel: lid2, Bronnen: []Bron{norm.bron}})

	premie, premieTekst := t.ZT.Standaardpremie, "de standaardpremie"
	if l.gehuwd() {
		premie, premieTekst = 2*premie, "twee keer de standaardpremie"
	}
	plafond := max(0, premie.DeelHalfOmhoog(12)-pw23.bedrag)
	zorg := tariefDeel(c-drempel, t.ZT.Afbouw, 12)
	zorgTekst := fmt.Sprintf("Voor de zorgverzekering: %s van het inkomen boven het drempelinkomen (%s), per maand", t.ZT.Afbouw, t.Drempelinkomen)
	if zorg > plafond {
		zorg = plafond
		zorgTekst += fmt.Sprintf("; ten hoogste %s per maand min %s (art. 23 lid 2 Pw)", premieTekst, pw23.bedrag)
	}
	out = append(out, BVVStap{Omschrijving: zorgTekst, Bedrag: zorg, Artikel: lid2 + " en lid 3",
		Bronnen: []Bron{t.ZT.Bron.Bron, t.Drempel.Bron, t.ZT.Premie.Bron, pw23.bron}})

	afbouw, ijkpunt, basishuur, soort := t.HT.AfbouwEen, t.HT.IjkpuntEen, t.HT.BasishuurEen, "eenpersoonshuishouden"
	if l != BVVAlleenstaande {
		afbouw, ijkpunt, basishuur, soort = t.HT.AfbouwMeer, t.HT.IjkpuntMeer, t.HT.BasishuurMeer, "meerpersoonshuishouden"
	}
	huur := tariefDeel(max(0, c-ijkpunt), afbouw, 12)
	ruimte := max(0, t.HT.MaximaleHuurgrens-basishuur)
	huurTekst := fmt.Sprintf("Voor de huur: %s van het inkomen boven het minimum-inkomensijkpunt (%s, %s), per maand", afbouw, ijkpunt, soort)
	if huur > ruimte {
		huur = ruimte
		huurTekst += fmt.Sprintf("; ten hoogste de maximale huurgrens (%s) min de basishuur (%s)", t.HT.MaximaleHuurgrens, basishuur)
	}
	out = append(out, BVVStap{Omschrijving: huurTekst, Bedrag: huur, Artikel: lid2, Bronnen: []Bron{t.HT.Bron.Bron, t.HT.Ijkpunt.Bron}})

	switch l {
	case BVVAlleenstaandeOuder:
		out = append(out, BVVStap{Omschrijving: fmt.Sprintf("Voor de kinderen: %s van het inkomen boven het drempelinkomen (%s), per maand", t.KGB.Afbouw, t.Drempelinkomen),
			Bedrag: tariefDeel(c-drempel, t.KGB.Afbouw, 12), Artikel: lid2, Bronnen: []Bron{t.KGB.Bron.Bron, t.Drempel.Bron}})
	case BVVGehuwdenMetKinderen:
		grens := drempel + t.KGB.ExtraDrempelPartner
		out = append(out, BVVStap{Omschrijving: fmt.Sprintf("Voor de kinderen: %s van het inkomen boven het drempelinkomen met %s verhoogd (%s), per maand", t.KGB.Afbouw, t.KGB.ExtraDrempelPartner, t.Drempelinkomen+t.KGB.ExtraDrempelPartner),
			Bedrag: tariefDeel(max(0, c-grens), t.KGB.Afbouw, 12), Artikel: lid2, Bronnen: []Bron{t.KGB.Bron.Bron, t.Drempel.Bron}})
	}
	return out
}

// tariefDeel returns b × t / n rounded half up to whole cents, in one rounding.
func tariefDeel(b geld.Bedrag, t Tarief, n int64) geld.Bedrag {
	if b <= 0 {
		return 0
	}
	return geld.Bedrag(deelHalfOmhoogInt(int64(b)*int64(t), int64(tariefEen)*n))
}

func deelHalfOmhoogInt(a, d int64) int64 { return (a + d/2) / d }
