package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/signalen"
)

// Inwoner is one synthetic resident.
type Inwoner struct {
	BSN   string // empty for residents beyond the synthetic BSN range
	Match signalen.Match
}

var woonplaatsen = []string{"Zandhoven", "Veldwijk", "Beekdorp", "Heidestein"}
var wijken = []string{"Centrum", "Noord", "Oost", "Buitengebied"}

// Adres returns the synthetic address of household h: postcode 9NNNLL from h, huisnummer 1-50,
// toevoeging "A" for every seventh household, street "Teststraat". Genereer gives household number h
// of a gemeente this postcode (the register holds the postcode, not the huisnummer), and Bewoners and
// Signalen give its residents this whole address, so a signal about a resident carries the address of
// the resident's household. The woonplaats is one of four invented names here; Bewoners replaces it by
// the household's own village.
func Adres(h int) signalen.Adres {
	blok := h / 50
	pc := fmt.Sprintf("9%03d%c%c", 100+blok%900, 'A'+rune(blok/900%26), 'A'+rune(blok/(900*26)%26))
	a := signalen.Adres{Postcode: pc, Huisnummer: h%50 + 1, Straat: "Teststraat", Woonplaats: woonplaatsen[h%len(woonplaatsen)]}
	if h%7 == 3 {
		a.Toevoeging = "A"
	}
	return a
}

// Populatie returns n residents, one per household, without a household record: the fast form for
// tests and benchmarks of vroegsignalering that need many residents and no rule pack. The first ~9,090
// have a BSN (the same list as Genereer's, BSNs), the addresses follow Adres. For residents of real
// synthetic households (the demo), use Bewoners on what Genereer made.
func Populatie(n int) []Inwoner {
	bsns := BSNs()
	out := make([]Inwoner, n)
	for h := range n {
		in := Inwoner{Match: signalen.Match{
			InwonerID:            fmt.Sprintf("I%07d", h),
			HuishoudenID:         fmt.Sprintf("H%07d", h),
			Adres:                Adres(h),
			Wijk:                 wijken[h/3%len(wijken)],
			Geboortedatum:        datum.Nieuw(1950+h%55, time.Month(1+h%12), 1+h%28),
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

// Signalen returns n signals about adult residents of pop (BSN when the resident has one, three times
// in four; always the resident's address), with references "ref-<prefix>-<i>", dated up to
// and including vandaag. About 1 in 25 is a crisis signal; amounts €20-€2,500; a fixed seed makes the
// output reproducible.
func Signalen(pop []Inwoner, n int, prefix string, vandaag datum.Datum, seed uint64) []signalen.Signaal {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	types := signalen.PartnerTypes()
	out := make([]signalen.Signaal, n)
	for i := range n {
		k := r.IntN(len(pop))
		// Arrears are an adult's: a minor (from Bewoners) passes the draw to the next resident.
		for j := 0; j < len(pop) && minderjarig(pop[k], vandaag); j++ {
			k = (k + 1) % len(pop)
		}
		in := pop[k]
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

// Bewoners returns the residents of households made by Genereer, for matching signals and for
// Signalen: every person with the household's id, its address (Adres of the household's number, in
// the household's own woonplaats, which is also its wijk), birth date and number of minor children at
// vandaag; a household with its own huisnummer (BriefadresHuishoudens) keeps its register address and
// its briefadres mark. A BSN that an earlier person already has (a population larger than the test range reuses
// BSNs) is left out, so a BSN names one resident; such a resident is found by address only.
func Bewoners(recs []*register.Record, vandaag datum.Datum) []Inwoner {
	var out []Inwoner
	gezien := map[string]bool{}
	for k, rec := range recs {
		adres := Adres(huishoudenNummer(rec, k))
		if rec.Huisnummer > 0 { // the register's own address (BriefadresHuishoudens)
			adres = signalen.Adres{Postcode: rec.H.Postcode, Huisnummer: rec.Huisnummer, Toevoeging: rec.Toevoeging, Straat: "Teststraat"}
		}
		adres.Woonplaats = rec.H.Woonplaats
		kinderen := 0
		for _, p := range rec.H.Personen {
			if p.Rol == huishouden.Kind && p.Geboortedatum != nil && p.Geboortedatum.LeeftijdOp(vandaag) < 18 {
				kinderen++
			}
		}
		for i, p := range rec.H.Personen {
			in := Inwoner{Match: signalen.Match{
				InwonerID:            fmt.Sprintf("%s/%d", rec.ID, i),
				HuishoudenID:         rec.ID,
				Adres:                adres,
				Wijk:                 rec.H.Woonplaats,
				MinderjarigeKinderen: kinderen,
				Briefadres:           rec.Briefadres,
			}}
			if p.Geboortedatum != nil {
				in.Match.Geboortedatum = (*p.Geboortedatum)
			}
			if i < len(rec.BSN) && rec.BSN[i] != "" && !gezien[rec.BSN[i]] {
				gezien[rec.BSN[i]] = true
				in.BSN = rec.BSN[i]
			}
			out = append(out, in)
		}
	}
	return out
}

// huishoudenNummer is the sequence number in a household id "<gemeente>-<nnnnnnn>" of Genereer, or k.
func huishoudenNummer(rec *register.Record, k int) int {
	if i := strings.LastIndexByte(rec.ID, '-'); i >= 0 {
		if n, err := strconv.Atoi(rec.ID[i+1:]); err == nil {
			return n
		}
	}
	return k
}

func minderjarig(in Inwoner, vandaag datum.Datum) bool {
	g := in.Match.Geboortedatum
	return !g.IsZero() && g.LeeftijdOp(vandaag) < 18
}
