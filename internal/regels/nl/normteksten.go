package nl

import "strconv"

// The rows of the national normenoverzicht as data: each row's id in data/parameters.yaml, its B1
// description, its short label for a table and its article of the Participatiewet, and the
// descriptions of the kostendelersnormen.

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
