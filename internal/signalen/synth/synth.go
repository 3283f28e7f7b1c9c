// Package synth generates synthetic residents and arrears signals for tests, benchmarks and the demo.
// Every BSN is 9999xxxxx (the range the BRP reserves for test persons) and passes the 11-proef, which
// leaves about 9,090 numbers; larger populations get residents without a BSN, matched by address.
// Names and addresses are invented; postcodes are 9990AA-9999ZZ-like codes from a fixed pattern.
package synth

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
)

// BSNs returns every synthetic BSN 9999abcdc in increasing order (c the 11-proef check digit).
func BSNs() []string {
	out := make([]string, 0, 9100)
	for k := 0; k < 10000; k++ {
		p := fmt.Sprintf("9999%04d", k)
		som := 0
		for j := 0; j < 8; j++ {
			som += (9 - j) * int(p[j]-'0')
		}
		// 9..2 on the first eight digits and -1 on the check digit: som - c ≡ 0 (mod 11).
		if c := som % 11; c < 10 {
			out = append(out, p+string(rune('0'+c)))
		}
	}
	return out
}

// Inwoner is one synthetic resident.
type Inwoner struct {
	BSN   string // empty for residents beyond the synthetic BSN range
	Match signalen.Match
}

var woonplaatsen = []string{"Zandhoven", "Veldwijk", "Beekdorp", "Heidestein"}
var wijken = []string{"Centrum", "Noord", "Oost", "Buitengebied"}

// Adres returns the synthetic address of household h: postcode 9NNNLL from h, huisnummer 1-50,
// toevoeging "A" for every seventh household.
func Adres(h int) signalen.Adres {
	blok := h / 50
	pc := fmt.Sprintf("9%03d%c%c", 100+blok%900, 'A'+rune(blok/900%26), 'A'+rune(blok/(900*26)%26))
	a := signalen.Adres{Postcode: pc, Huisnummer: h%50 + 1, Straat: "Teststraat", Woonplaats: woonplaatsen[h%len(woonplaatsen)]}
	if h%7 == 3 {
		a.Toevoeging = "A"
	}
	return a
}

// Populatie returns n households with one resident each; the first ~9,090 have a BSN.
func Populatie(n int) []Inwoner {
	bsns := BSNs()
	out := make([]Inwoner, n)
	for h := range n {
		in := Inwoner{Match: signalen.Match{
			InwonerID:            fmt.Sprintf("I%07d", h),
			HuishoudenID:         fmt.Sprintf("H%07d", h),
			Adres:                Adres(h),
			Wijk:                 wijken[h/3%len(wijken)],
			Geboortedatum:        signalen.NieuweDatum(1950+h%55, time.Month(1+h%12), 1+h%28),
			MinderjarigeKinderen: []int{0, 0, 1, 2, 0, 3}[h%6],
		}}
		in.Match.Adres.Woonplaats = woonplaatsen[h%len(woonplaatsen)]
		if h < len(bsns) {
			in.BSN = bsns[h]
		}
		out[h] = in
	}
	return out
}

// Index builds an in-memory Zoeker over a population.
func Index(pop []Inwoner) *signalen.Index {
	x := signalen.NieuweIndex()
	for _, in := range pop {
		x.VoegToe(in.BSN, in.Match)
	}
	return x
}

// Signalen returns n signals about residents of pop, with references "ref-<prefix>-<i>", dated up to
// and including vandaag. About 1 in 25 is a crisis signal; amounts €20-€2,500; a fixed seed makes the
// output reproducible.
func Signalen(pop []Inwoner, n int, prefix string, vandaag signalen.Datum, seed uint64) []signalen.Signaal {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	types := signalen.PartnerTypes()
	out := make([]signalen.Signaal, n)
	for i := range n {
		in := pop[r.IntN(len(pop))]
		sd := vandaag.PlusDagen(-r.IntN(20))
		s := signalen.Signaal{
			Referentie:     fmt.Sprintf("ref-%s-%d", prefix, i),
			PartnerType:    types[r.IntN(len(types))],
			Bedrag:         geld.Bedrag(2000 + r.IntN(250000)),
			Ontstaansdatum: sd.PlusDagen(-30 - r.IntN(70)),
			Signaaldatum:   sd,
			Inwoner: signalen.Inwoner{
				Voorletters: "T.", Achternaam: fmt.Sprintf("Testpersoon%d", i%1000),
				Adres:    in.Match.Adres,
				Telefoon: "0600000000",
			},
		}
		if in.BSN != "" && r.IntN(4) != 0 {
			s.Inwoner.BSN = in.BSN
		}
		if r.IntN(25) == 0 {
			s.Crisis = true
			s.CrisisSoort = signalen.CrisisSoorten()[r.IntN(4)]
		}
		out[i] = s
	}
	return out
}
