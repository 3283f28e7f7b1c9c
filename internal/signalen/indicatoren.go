package signalen

import (
	"slices"
	"strconv"

	"github.com/zeker-platform/zeker/internal/datum"
)

// Telling is one anonymous count for the indicators: per month (of receipt), a kind of count and a key.
// Live data and the counts kept after retention deleted the personal data have the same form, so the
// indicators are the same before and after deletion.
type Telling struct {
	Maand    string // YYYY-MM
	Soort    string // one of the Telling* kinds
	Sleutel  string // partner type or outcome, "" otherwise
	Aantal   int64
	DagenSom int64 // for TellingEersteContact: total days from receipt to first contact attempt
}

// Kinds of Telling.
const (
	TellingSignalen        = "signalen"         // Sleutel = partner type
	TellingZaken           = "zaken"            // zaken by month of first receipt
	TellingBereikt         = "bereikt"          // zaken with at least one reached contact attempt
	TellingEersteContact   = "eerste_contact"   // zaken with a contact attempt; DagenSom = days to the first
	TellingCrisis          = "crisis"           // crisis zaken
	TellingCrisisOpTijd    = "crisis_op_tijd"   // crisis zaken reached within 3 working days
	TellingResultaat       = "resultaat"        // closed zaken; Sleutel = outcome
	TellingWarmeOverdracht = "warme_overdracht" // signals with warme overdracht
)

// Maandcijfers are the indicators of one month.
type Maandcijfers struct {
	Maand              string
	Signalen           int64
	PerPartnerType     map[PartnerType]int64
	PerDuizendInwoners float64 // signals per 1,000 residents this month (0 when residents unknown)
	Zaken              int64
	Bereikt            int64
	AandeelBereikt     float64 // reached zaken / zaken
	MetContactpoging   int64
	GemDagenTotContact float64 // mean days from first receipt to the first contact attempt
	Crisis             int64
	CrisisOpTijd       int64
	WarmeOverdracht    int64
	Resultaten         map[Eindresultaat]int64
}

// Indicatoren are the monthly indicators of a gemeente, oldest month first.
type Indicatoren struct {
	Inwoners int
	Maanden  []Maandcijfers
}

// BerekenIndicatoren sums tellingen (several rows with the same key are added up) into monthly figures.
// inwoners is the gemeente's population for the per-1,000 figure (0 if unknown).
func BerekenIndicatoren(tellingen []Telling, inwoners int) Indicatoren {
	per := map[string]*Maandcijfers{}
	for _, t := range tellingen {
		m := per[t.Maand]
		if m == nil {
			m = &Maandcijfers{Maand: t.Maand, PerPartnerType: map[PartnerType]int64{}, Resultaten: map[Eindresultaat]int64{}}
			per[t.Maand] = m
		}
		switch t.Soort {
		case TellingSignalen:
			m.Signalen += t.Aantal
			m.PerPartnerType[PartnerType(t.Sleutel)] += t.Aantal
		case TellingZaken:
			m.Zaken += t.Aantal
		case TellingBereikt:
			m.Bereikt += t.Aantal
		case TellingEersteContact:
			m.MetContactpoging += t.Aantal
			m.GemDagenTotContact += float64(t.DagenSom) // mean taken below
		case TellingCrisis:
			m.Crisis += t.Aantal
		case TellingCrisisOpTijd:
			m.CrisisOpTijd += t.Aantal
		case TellingWarmeOverdracht:
			m.WarmeOverdracht += t.Aantal
		case TellingResultaat:
			m.Resultaten[Eindresultaat(t.Sleutel)] += t.Aantal
		}
	}
	out := Indicatoren{Inwoners: inwoners}
	for _, m := range per {
		if m.MetContactpoging > 0 {
			m.GemDagenTotContact /= float64(m.MetContactpoging)
		}
		if m.Zaken > 0 {
			m.AandeelBereikt = float64(m.Bereikt) / float64(m.Zaken)
		}
		if inwoners > 0 {
			m.PerDuizendInwoners = float64(m.Signalen) * 1000 / float64(inwoners)
		}
		out.Maanden = append(out.Maanden, *m)
	}
	slices.SortFunc(out.Maanden, func(a, b Maandcijfers) int {
		switch {
		case a.Maand < b.Maand:
			return -1
		case a.Maand > b.Maand:
			return 1
		}
		return 0
	})
	return out
}

// TelZaak returns the tellingen of one zaak and its signals. It is the rule the store's SQL follows
// for live data, and what retention keeps when it deletes the zaak.
func TelZaak(z *Zaak, signalenVanZaak []Ontvangen, eersteContact datum.Datum, bereikt, crisisOpTijd bool) []Telling {
	maand := z.EersteOntvangst.MaandSleutel()
	out := []Telling{{Maand: maand, Soort: TellingZaken, Aantal: 1}}
	if bereikt {
		out = append(out, Telling{Maand: maand, Soort: TellingBereikt, Aantal: 1})
	}
	if !eersteContact.IsZero() {
		out = append(out, Telling{Maand: maand, Soort: TellingEersteContact, Aantal: 1, DagenSom: int64(z.EersteOntvangst.DagenTot(eersteContact))})
	}
	if z.Crisis {
		out = append(out, Telling{Maand: maand, Soort: TellingCrisis, Aantal: 1})
		if crisisOpTijd {
			out = append(out, Telling{Maand: maand, Soort: TellingCrisisOpTijd, Aantal: 1})
		}
	}
	if z.Status == ZaakGesloten {
		out = append(out, Telling{Maand: maand, Soort: TellingResultaat, Sleutel: string(z.Resultaat), Aantal: 1})
	}
	for i := range signalenVanZaak {
		s := &signalenVanZaak[i]
		sm := s.Ontvangen.MaandSleutel()
		out = append(out, Telling{Maand: sm, Soort: TellingSignalen, Sleutel: string(s.PartnerType), Aantal: 1})
		if s.WarmeOverdracht {
			out = append(out, Telling{Maand: sm, Soort: TellingWarmeOverdracht, Aantal: 1})
		}
	}
	return out
}

// Samenvoegen adds up tellingen with the same month, kind and key.
func Samenvoegen(ts []Telling) []Telling {
	idx := map[[3]string]int{}
	var out []Telling
	for _, t := range ts {
		k := [3]string{t.Maand, t.Soort, t.Sleutel}
		if i, ok := idx[k]; ok {
			out[i].Aantal += t.Aantal
			out[i].DagenSom += t.DagenSom
			continue
		}
		idx[k] = len(out)
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b Telling) int {
		for _, p := range [][2]string{{a.Maand, b.Maand}, {a.Soort, b.Soort}, {a.Sleutel, b.Sleutel}} {
			if p[0] != p[1] {
				if p[0] < p[1] {
					return -1
				}
				return 1
			}
		}
		return 0
	})
	return out
}

// String shows a telling for test output.
func (t Telling) String() string {
	return t.Maand + " " + t.Soort + " " + t.Sleutel + " " + strconv.FormatInt(t.Aantal, 10) + "/" + strconv.FormatInt(t.DagenSom, 10)
}
