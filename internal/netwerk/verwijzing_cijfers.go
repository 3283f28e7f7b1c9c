package netwerk

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// The monitor's counts of referrals (docs/netwerk.md, "Referral counts in the monitor"), computed from
// the stored status history (netwerk_verwijzing_status) and the consent column of netwerk_verwijzing.
// This file is pure: TelRij and Antwoord are what the storage reads (counts grouped in SQL, and the first
// answers for the working days; no personal data), and TelVerwijzingen adds them up per partner and per
// need. The numbers are published with small-number
// suppression (shared/reference/zaken-netwerk-monitor.md §4.5): see Aantal, Aandeel and Mediaan.

// Suppression thresholds (§4.5, CBS "Aanvullende onderzoeksbeschrijving Inkomensstatistiek" §5 and the
// reference's own conservative rule for a gemeente's register figures).
const (
	// AfrondenOp: published counts are rounded to a multiple of this ("round published counts, at
	// least to 5"); a count of 1 to AfrondenOp-1 is shown as "< 5", never as 0.
	AfrondenOp = 5
	// MinNoemer: a percentage is shown only when its denominator has at least this many referrals
	// (CBS rule 2: "percentages only if the denominator has ≥100").
	MinNoemer = 100
	// MinWaarnemingen: a median is shown only over at least this many observations (CBS rule 3).
	MinWaarnemingen = 100
)

// TelRij is one group of referrals (a partner and a need, and for the fields after Ingetrokken one
// number of working days to the first answer) as the storage counts it in SQL.
type TelRij struct {
	PartnerID   string
	Behoefte    Behoefte
	Verstuurd   int // referrals sent in the period
	Ingetrokken int // netwerk_verwijzing.ingetrokken set
	// The answered ones among them, from the columns Beantwoord keeps on the referral (migration 0907):
	Geaccepteerd int // first answer geaccepteerd
	Afgewezen    int // first answer afgewezen
	HulpGestart  int // with a hulp_gestart row
	Werkdagen    int // the working days to the first answer of each of Geaccepteerd+Afgewezen
}

// Antwoord is a row of a referral's history that the counts need: its first answer — the geaccepteerd
// or afgewezen row; the closed loop allows only those two after verstuurd (Antwoorden(Verstuurd)), each
// at most once, so a referral has at most one and it is the first answer — or its hulp_gestart row.
type Antwoord struct {
	PartnerID string
	Behoefte  Behoefte
	Status    VStatus
	Verstuurd time.Time // when the referral was sent
	Op        time.Time // when it was answered
}

// Periode is a calendar year or one of its quarters, by the day a referral was sent (Europe/Amsterdam).
type Periode struct {
	Jaar     int
	Kwartaal int // 1–4; 0: the whole year
}

// ParsePeriode reads "2026" or "2026-K2" (also "2026-Q2").
func ParsePeriode(s string) (Periode, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	jaar, kw, heeftKw := strings.Cut(s, "-")
	j, err := strconv.Atoi(jaar)
	if err != nil || len(jaar) != 4 || j < 2000 || j > 2100 {
		return Periode{}, fmt.Errorf("schrijf een jaar (2026) of een kwartaal (2026-K2)")
	}
	p := Periode{Jaar: j}
	if heeftKw {
		if len(kw) != 2 || (kw[0] != 'K' && kw[0] != 'Q') || kw[1] < '1' || kw[1] > '4' {
			return Periode{}, fmt.Errorf("schrijf een jaar (2026) of een kwartaal (2026-K2)")
		}
		p.Kwartaal = int(kw[1] - '0')
	}
	return p, nil
}

// String is "2026" or "2026-K2" (what ParsePeriode reads).
func (p Periode) String() string {
	if p.Kwartaal == 0 {
		return strconv.Itoa(p.Jaar)
	}
	return strconv.Itoa(p.Jaar) + "-K" + strconv.Itoa(p.Kwartaal)
}

// Naam is the period in words: "2026" or "het 2e kwartaal van 2026".
func (p Periode) Naam() string {
	if p.Kwartaal == 0 {
		return strconv.Itoa(p.Jaar)
	}
	return "het " + strconv.Itoa(p.Kwartaal) + "e kwartaal van " + strconv.Itoa(p.Jaar)
}

// Grenzen are the period's first day and the first day after it, as instants in Europe/Amsterdam.
func (p Periode) Grenzen(zone *time.Location) (van, tot time.Time) {
	if p.Kwartaal == 0 {
		return time.Date(p.Jaar, 1, 1, 0, 0, 0, 0, zone), time.Date(p.Jaar+1, 1, 1, 0, 0, 0, 0, zone)
	}
	m := time.Month(3*(p.Kwartaal-1) + 1)
	return time.Date(p.Jaar, m, 1, 0, 0, 0, 0, zone), time.Date(p.Jaar, m+3, 1, 0, 0, 0, 0, zone)
}

// Telling counts the referrals of one group.
type Telling struct {
	Verstuurd    int // referrals sent in the period
	Geaccepteerd int // first answer geaccepteerd
	Afgewezen    int // first answer afgewezen
	GeenAntwoord int // no answer yet
	HulpGestart  int
	Ingetrokken  int
	// Werkdagen are the working days from the day sent to the day of the first answer, one per
	// answered referral, sorted (for the median).
	Werkdagen []int
}

// Groep is a telling of one partner or one need.
type Groep struct {
	Code string // partner id or need code
	Telling
}

// VerwijzingCijfers are the counts of one gemeente, direction and period.
type VerwijzingCijfers struct {
	Periode     Periode
	Richting    Richting
	Totaal      Telling
	PerPartner  []Groep // by partner id; the caller names them
	PerBehoefte []Groep // in the order of Behoeften
}

// TelVerwijzingen adds up the groups and the first answers per partner, per need and in total; zone is
// Europe/Amsterdam (the days of the working-day count of antwoorden). The storage gives everything in
// rijen (grouped in SQL); antwoorden, one history row each, are counted the same way.
func TelVerwijzingen(rijen []TelRij, antwoorden []Antwoord, zone *time.Location) (tot Telling, perPartner, perBehoefte []Groep) {
	pp, pb := map[string]*Telling{}, map[Behoefte]*Telling{}
	for _, r := range rijen {
		for _, t := range []*Telling{&tot, groep(pp, r.PartnerID), groep(pb, r.Behoefte)} {
			t.Verstuurd += r.Verstuurd
			t.Ingetrokken += r.Ingetrokken
			t.Geaccepteerd += r.Geaccepteerd
			t.Afgewezen += r.Afgewezen
			t.HulpGestart += r.HulpGestart
			for range r.Geaccepteerd + r.Afgewezen {
				t.Werkdagen = append(t.Werkdagen, r.Werkdagen)
			}
		}
	}
	for _, a := range antwoorden {
		wd := -1
		if a.Status != HulpGestart {
			wd = termijn.WerkdagenTussen(datum.Van(a.Verstuurd, zone), datum.Van(a.Op, zone))
		}
		for _, t := range []*Telling{&tot, groep(pp, a.PartnerID), groep(pb, a.Behoefte)} {
			switch a.Status {
			case HulpGestart:
				t.HulpGestart++
				continue
			case Afgewezen:
				t.Afgewezen++
			default:
				t.Geaccepteerd++
			}
			t.Werkdagen = append(t.Werkdagen, wd)
		}
	}
	tot.sluit()
	for id, t := range pp {
		t.sluit()
		perPartner = append(perPartner, Groep{Code: id, Telling: *t})
	}
	slices.SortFunc(perPartner, func(a, b Groep) int { return strings.Compare(a.Code, b.Code) })
	for _, b := range Behoeften {
		if t, ok := pb[b]; ok {
			t.sluit()
			perBehoefte = append(perBehoefte, Groep{Code: string(b), Telling: *t})
		}
	}
	return tot, perPartner, perBehoefte
}

func groep[K comparable](m map[K]*Telling, k K) *Telling {
	t, ok := m[k]
	if !ok {
		t = &Telling{}
		m[k] = t
	}
	return t
}

// sluit derives the referrals without an answer and sorts the working days (for the median).
func (t *Telling) sluit() {
	t.GeenAntwoord = max(0, t.Verstuurd-t.Geaccepteerd-t.Afgewezen)
	slices.Sort(t.Werkdagen)
}

// Cel is one published number: its text, or a sign with the reason it is not shown.
type Cel struct {
	Tekst      string
	Onderdrukt bool
	Reden      string
}

// Reasons of suppression, as the page and the CSV say them.
const (
	RedenKlein   = "minder dan 5: niet getoond om herleidbaarheid te voorkomen (§4.5: aantallen afgerond op 5)"
	RedenNoemer  = "minder dan 100 verwijzingen in de noemer: geen percentage (§4.5, CBS-regel 2)"
	RedenMediaan = "minder dan 100 beantwoorde verwijzingen: geen mediaan (§4.5, CBS-regel 3)"
)

// Aantal publishes a count: 0 as 0 (a true zero), 1–4 as "< 5", otherwise rounded to a multiple of 5.
func Aantal(n int) Cel {
	switch {
	case n <= 0:
		return Cel{Tekst: "0"}
	case n < AfrondenOp:
		return Cel{Tekst: "< " + strconv.Itoa(AfrondenOp), Onderdrukt: true, Reden: RedenKlein}
	}
	return Cel{Tekst: strconv.Itoa((n + AfrondenOp/2) / AfrondenOp * AfrondenOp)}
}

// Aandeel publishes k of n as a percentage with one decimal, only when n ≥ MinNoemer.
func Aandeel(k, n int) Cel {
	if n < MinNoemer {
		return Cel{Tekst: "—", Onderdrukt: true, Reden: RedenNoemer}
	}
	return Cel{Tekst: komma(float64(k)*100/float64(n)) + "%"}
}

// Mediaan publishes the median of sorted values (working days) with one decimal, only over at least
// MinWaarnemingen values.
func Mediaan(sorted []int) Cel {
	n := len(sorted)
	if n < MinWaarnemingen {
		return Cel{Tekst: "—", Onderdrukt: true, Reden: RedenMediaan}
	}
	m := float64(sorted[n/2])
	if n%2 == 0 {
		m = float64(sorted[n/2-1]+sorted[n/2]) / 2
	}
	return Cel{Tekst: komma(m)}
}

func komma(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', 1, 64), ".", ",", 1)
}

// Gepubliceerd are a telling's published cells, in the order of VerwijzingKolommen.
func (t Telling) Gepubliceerd() []Cel {
	n := t.Verstuurd
	return []Cel{Aantal(n), Aandeel(t.Geaccepteerd, n), Aandeel(t.Afgewezen, n), Aandeel(t.GeenAntwoord, n),
		Mediaan(t.Werkdagen), Aandeel(t.HulpGestart, n), Aantal(t.Ingetrokken)}
}

// Kolom is one column of the referral counts with its definition and source.
type Kolom struct {
	Code, Naam, Definitie string
}

// VerwijzingKolommen define the published columns (page, CSV, docs).
var VerwijzingKolommen = []Kolom{
	{"verstuurd", "Verstuurd", "Verwijzingen met een regel 'verstuurd' in netwerk_verwijzing_status op een dag in de periode (Europe/Amsterdam)."},
	{"geaccepteerd_pct", "Geaccepteerd", "Deel van de verstuurde verwijzingen waarvan het eerste antwoord in netwerk_verwijzing_status 'geaccepteerd' is (ook als het antwoord na de periode kwam)."},
	{"afgewezen_pct", "Afgewezen", "Deel waarvan het eerste antwoord 'afgewezen' is."},
	{"geen_antwoord_pct", "Geen antwoord", "Deel met na 'verstuurd' nog geen enkele statusregel, op het moment van opvragen."},
	{"mediaan_werkdagen", "Mediaan werkdagen tot eerste antwoord", "Mediaan van de werkdagen (geen weekend of feestdag, internal/termijn) na de dag van 'verstuurd' tot en met de dag van het eerste antwoord, over de beantwoorde verwijzingen."},
	{"hulp_gestart_pct", "Hulp gestart", "Deel met een regel 'hulp_gestart' in netwerk_verwijzing_status. Een verwijzing die van 'geaccepteerd' of 'contact_gelegd' meteen naar 'afgerond' ging, telt hier niet."},
	{"toestemming_ingetrokken", "Toestemming ingetrokken", "Verstuurde verwijzingen waarvan de toestemming is ingetrokken (netwerk_verwijzing.ingetrokken; het intrekken is geen statusregel)."},
}
