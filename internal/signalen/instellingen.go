package signalen

import (
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
)

// Periode is the matching period: the interval over which a household's signals form one
// vroegsignaalzaak. Monthly is the national practice (Inforing, Divosa count per month).
type Periode string

// Matching periods.
const (
	PeriodeWeek     Periode = "week"
	PeriodeMaand    Periode = "maand"
	PeriodeKwartaal Periode = "kwartaal"
)

// Vak returns the first and last day of the period that holds d. Weeks start on Monday.
func (p Periode) Vak(d datum.Datum) (start, einde datum.Datum) {
	switch p {
	case PeriodeWeek:
		terug := (int(d.Weekdag()) + 6) % 7
		start = d.PlusDagen(-terug)
		return start, start.PlusDagen(6)
	case PeriodeKwartaal:
		m := ((d.Maand()-1)/3)*3 + 1
		start = datum.Nieuw(d.Jaar(), m, 1)
		return start, start.PlusMaanden(3).PlusDagen(-1)
	default:
		start = datum.Nieuw(d.Jaar(), d.Maand(), 1)
		return start, start.PlusMaanden(1).PlusDagen(-1)
	}
}

// Geldig reports whether p is a known period.
func (p Periode) Geldig() bool { return p == PeriodeWeek || p == PeriodeMaand || p == PeriodeKwartaal }

// OpeenvolgendMaanden is the look-back for "opeenvolgend": another signal at the same address in the
// previous 6 months (Divosa monitor definition).
const OpeenvolgendMaanden = 6

// CrisisWerkdagen is the Wgs art. 4 lid 2 term for a first conversation in a crisis.
const CrisisWerkdagen = 3

// Instellingen are a gemeente's choices for vroegsignalering. The law fixes none of these numbers;
// StandaardInstellingen documents what Zeker uses until the gemeente sets its own.
type Instellingen struct {
	// Drempelbedrag: signals below it are closed as "Niet opgepakt: onterecht signaal". 64% of
	// gemeenten use one, median €75 (Divosa 2024); the default is €0 (no threshold).
	Drempelbedrag geld.Bedrag
	// MinDagen and MaxDagen bound the arrears window: days from ontstaansdatum to signaaldatum.
	// Outside the window a signal is "onterecht". 0 means no bound. The LCV speaks of 30 to 100 days;
	// the default has no bounds, so no signal is dropped before the gemeente chooses.
	MinDagen, MaxDagen int
	// Periode is the matching period (default monthly).
	Periode Periode
	// HerhaalDagen: a signal from the same partner for the same household within this many days
	// after an earlier one that was taken into a case is closed as "Niet opgepakt: herhaalde
	// melding". 0 switches the rule off. Default 90 days (our choice; Nijmegen looks at three months).
	HerhaalDagen int
	// MaxInwonersPerAdres is the most residents the signals of one household (one address) in one
	// matching period may be about before the grouping counts as implausible. A signal about one more
	// resident is not merged into that zaak: it gets a zaak of its own resident, and both zaken are marked
	// for review (Zaak.Beoordelen) with the reason, so a person decides. Default
	// StandaardMaxInwonersPerAdres; see there for why.
	MaxInwonersPerAdres int
	// Bewaartermijnen is the retention per outcome.
	Bewaartermijnen Bewaartermijnen
	// Zone is the municipality's time zone for "today" and dagdeel.
	Zone *time.Location
}

// StandaardMaxInwonersPerAdres is the default of Instellingen.MaxInwonersPerAdres: 10, Zeker's own
// choice, not a national norm (none was found; the BRP's address-quality profile "Bewoningsgraad"
// compares registrations with floor area and publishes no number). Arrears signals are about the adult
// who holds a contract (rent, energy, water, health insurance), so the signals of one household in one
// period are about one to a few adults; 10 leaves room for large families and kostendelers, while an
// address with more is a student house, an institution without house letters, or a partner that put
// one address on many signals — each of which needs a person's eye, not one zaak. MaxInwonersPerAdresGrens
// bounds what a gemeente may set.
const StandaardMaxInwonersPerAdres = 10

// MaxInwonersPerAdresGrens is the highest MaxInwonersPerAdres a gemeente may choose: above it the
// zaak page would again show an unbounded number of residents to read through.
const MaxInwonersPerAdresGrens = 1000

// StandaardInstellingen returns the documented defaults.
func StandaardInstellingen() Instellingen {
	return Instellingen{
		Periode:             PeriodeMaand,
		HerhaalDagen:        90,
		MaxInwonersPerAdres: StandaardMaxInwonersPerAdres,
		Bewaartermijnen:     StandaardBewaartermijnen(),
	}
}

// Controleer reports the first setting that makes no sense.
func (i Instellingen) Controleer() error {
	switch {
	case i.Drempelbedrag < 0:
		return fmt.Errorf("signalen: drempelbedrag mag niet negatief zijn")
	case i.MinDagen < 0 || i.MaxDagen < 0:
		return fmt.Errorf("signalen: dagen mogen niet negatief zijn")
	case i.MaxDagen > 0 && i.MinDagen > i.MaxDagen:
		return fmt.Errorf("signalen: minimum dagen (%d) is groter dan maximum (%d)", i.MinDagen, i.MaxDagen)
	case !i.Periode.Geldig():
		return fmt.Errorf("signalen: onbekende matchingperiode %q", i.Periode)
	case i.HerhaalDagen < 0:
		return fmt.Errorf("signalen: herhaaldagen mag niet negatief zijn")
	case i.MaxInwonersPerAdres < 1 || i.MaxInwonersPerAdres > MaxInwonersPerAdresGrens:
		return fmt.Errorf("signalen: maximum aantal inwoners op één adres moet 1 tot en met %d zijn, niet %d", MaxInwonersPerAdresGrens, i.MaxInwonersPerAdres)
	}
	return i.Bewaartermijnen.Controleer()
}

// Bewaartermijnen is the retention of personal data per outcome, in months after the zaak was closed.
//
// No legal retention term was found: the Wgs has no retention article, and the Besluit gemeentelijke
// schuldhulpverlening (beyond art. 2) and the AP Handreiking §7.6 could not be read (see
// shared/reference/vroegsignalering.md §1.4). The defaults below are Zeker's placeholder, chosen for data
// minimisation, and the gemeente must replace them with the term from its selectielijst or DPIA:
//   - 12 months for every outcome without follow-up help ("Niet opgepakt: …", no contact, resolved
//     by the resident, not a resident, deceased, already known): long enough to see a herhaalde or
//     opeenvolgende melding (6 months look-back) and to deliver the quarterly DDAS export;
//   - 24 months for outcomes that led to help or a referral.
//
// Open zaken are never deleted: they are still being handled.
type Bewaartermijnen struct {
	Standaard    int                   // months, for outcomes not in PerResultaat
	PerResultaat map[Eindresultaat]int // months
}

// StandaardBewaartermijnen returns the documented default (see Bewaartermijnen).
func StandaardBewaartermijnen() Bewaartermijnen {
	return Bewaartermijnen{
		Standaard: 12,
		PerResultaat: map[Eindresultaat]int{
			ResultaatBudgetadvies:              24,
			ResultaatVervolghulp:               24,
			ResultaatVervolghulpFinancieel:     24,
			ResultaatVervolghulpNietFinancieel: 24,
			ResultaatVerwijzingZonderInwoner:   24,
		},
	}
}

// Maanden returns the retention in months for outcome r.
func (b Bewaartermijnen) Maanden(r Eindresultaat) int {
	if m, ok := b.PerResultaat[r]; ok {
		return m
	}
	return b.Standaard
}

// Controleer checks that every term is positive and every key a DDAS outcome.
func (b Bewaartermijnen) Controleer() error {
	if b.Standaard <= 0 {
		return fmt.Errorf("signalen: standaard bewaartermijn moet minstens 1 maand zijn")
	}
	for r, m := range b.PerResultaat {
		if !r.Geldig() {
			return fmt.Errorf("signalen: bewaartermijn voor onbekend resultaat %q", r)
		}
		if m <= 0 {
			return fmt.Errorf("signalen: bewaartermijn voor %q moet minstens 1 maand zijn", r)
		}
	}
	return nil
}

// VernietigVanaf returns the first date on which the personal data of a zaak closed on afgesloten
// with outcome r may no longer be kept.
func (b Bewaartermijnen) VernietigVanaf(r Eindresultaat, afgesloten datum.Datum) datum.Datum {
	return afgesloten.PlusMaanden(b.Maanden(r))
}
