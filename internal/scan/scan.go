package scan

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
)

// Telling counts the outcomes for one regeling in one group.
type Telling struct {
	Huishoudens int `json:"huishoudens"`
	Recht       int `json:"recht"`
	GeenRecht   int `json:"geen_recht"`
	Onzeker     int `json:"onzeker"`
	Ontvangt    int `json:"ontvangt"` // entitled and already receiving it
	// OntvangtZonderRecht: receives it, but the pack says geen recht or onzeker today (worth a look).
	OntvangtZonderRecht int `json:"ontvangt_zonder_recht"`
	Ambtshalve          int `json:"ambtshalve"` // entitled, not receiving, and grantable without application
}

// NietGebruik is the number of entitled households that do not receive the regeling.
func (t Telling) NietGebruik() int { return t.Recht - t.Ontvangt }

// Bereik is the share of the entitled that receive the regeling, in percent (0 when nobody is entitled).
func (t Telling) Bereik() float64 {
	if t.Recht == 0 {
		return 0
	}
	return 100 * float64(t.Ontvangt) / float64(t.Recht)
}

func (t *Telling) add(o Telling) {
	t.Huishoudens += o.Huishoudens
	t.Recht += o.Recht
	t.GeenRecht += o.GeenRecht
	t.Onzeker += o.Onzeker
	t.Ontvangt += o.Ontvangt
	t.OntvangtZonderRecht += o.OntvangtZonderRecht
	t.Ambtshalve += o.Ambtshalve
}

// Groep is one value of a dimension with its count.
type Groep struct {
	Naam    string  `json:"naam"`
	Telling Telling `json:"telling"`
}

// RegelingUitslag is the scan result for one regeling.
type RegelingUitslag struct {
	ID         string         `json:"id"`
	Naam       string         `json:"naam"`
	Periode    regels.Periode `json:"periode"`
	Ambtshalve bool           `json:"ambtshalve"` // the pack marks it grantable ambtshalve
	Totaal     Telling        `json:"totaal"`
	// Groepen per dimension (register.DimLeefvorm, register.DimBron, register.DimLeeftijd, register.DimDorp), in that order.
	Groepen [register.AantalDimensies][]Groep `json:"groepen"`
	// NietGebruik are the indexes (in the Populatie) of entitled households that do not receive it.
	NietGebruik []int32 `json:"-"`
	// BedragPerJaar is the yearly amount for the entitled non-users whose amount is known, and
	// BedragOnbekend how many of them have an unknown amount.
	BedragPerJaar  geld.Bedrag `json:"bedrag_per_jaar_niet_gebruik"`
	BedragOnbekend int         `json:"bedrag_onbekend"`
}

// Uitslag is the result of scanning a population against a pack.
type Uitslag struct {
	Gemeente    string
	Peildatum   time.Time
	Bewijs      regels.Ontvangstbewijs
	Huishoudens int
	Regelingen  []RegelingUitslag
	Duur        time.Duration

	pop *register.Populatie
	pk  *regels.Pakket
}

// groepIndex gives, per dimension, the offset of its first value in a flat array of groups.
func groepIndex(namen [register.AantalDimensies][]string) ([register.AantalDimensies]int, int) {
	var off [register.AantalDimensies]int
	n := 0
	for d := range namen {
		off[d] = n
		n += len(namen[d])
	}
	return off, n
}

const blokGrootte = 4096

// Scan evaluates every household of the population against the pack in parallel over all cores:
// per regeling recht / geen recht / onzeker against whether the household already receives it,
// in total and per target group, with the list of entitled non-users. It allocates per block, not
// per household, and builds no trace; see Verklaar for the B1 reasons of listed households.
func Scan(ctx context.Context, pop *register.Populatie, pk *regels.Pakket) (*Uitslag, error) {
	start := time.Now()
	R := len(pk.Regelingen)
	namen := pop.GroepNamen()
	off, G := groepIndex(namen)
	bits := make([]uint64, R)
	loonPeriode := make([]regels.Periode, R)
	for i, r := range pk.Regelingen {
		bits[i] = pop.Bit(r.ID)
		loonPeriode[i] = r.Periode
	}
	n := pop.Len()
	blokken := (n + blokGrootte - 1) / blokGrootte
	type blokUit struct {
		niet [][]int32
	}
	perBlok := make([]blokUit, blokken)
	type werkerUit struct {
		tel      []Telling // R × (1 + G): [r][0] total, [r][1+g] group g
		bedrag   []geld.Bedrag
		onbekend []int
	}
	workers := min(runtime.GOMAXPROCS(0), max(blokken, 1))
	uitW := make([]werkerUit, workers)
	var volgende atomic.Int64
	var wg sync.WaitGroup
	stride := 1 + G
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			tel := make([]Telling, R*stride)
			bedrag := make([]geld.Bedrag, R)
			onbekend := make([]int, R)
			uit := make([]regels.Kort, R)
			for {
				b := int(volgende.Add(1) - 1)
				if b >= blokken || ctx.Err() != nil {
					break
				}
				niet := make([][]int32, R)
				lo, hi := b*blokGrootte, min((b+1)*blokGrootte, n)
				for i := lo; i < hi; i++ {
					f := &pop.Feiten[i]
					pk.EvalueerFeiten(f, uit)
					ontv := pop.Ontvangt[i]
					lv := int(f.Leefvorm)
					if lv < 0 || lv >= len(namen[register.DimLeefvorm]) {
						lv = 0
					}
					gs := [register.AantalDimensies]int{
						1 + off[register.DimLeefvorm] + lv,
						1 + off[register.DimInkomensbron] + int(pop.Inkomensbron[i]),
						1 + off[register.DimLeeftijd] + int(pop.Leeftijd[i]),
						1 + off[register.DimDorp] + int(pop.Dorp[i]),
					}
					for r := 0; r < R; r++ {
						var d Telling
						d.Huishoudens = 1
						krijgt := ontv&bits[r] != 0
						switch uit[r].Oordeel {
						case regels.Recht:
							d.Recht = 1
							if krijgt {
								d.Ontvangt = 1
							} else {
								niet[r] = append(niet[r], int32(i))
								if uit[r].BedragBekend {
									bedrag[r] += loonPeriode[r].Jaarbedrag(uit[r].Bedrag)
								} else {
									onbekend[r]++
								}
								if pk.Regelingen[r].Aanvragen.Ambtshalve && pk.Regelingen[r].Ambtshalve(f) {
									d.Ambtshalve = 1
								}
							}
						case regels.GeenRecht:
							d.GeenRecht = 1
						default:
							d.Onzeker = 1
						}
						if krijgt && uit[r].Oordeel != regels.Recht {
							d.OntvangtZonderRecht = 1
						}
						base := r * stride
						tel[base].add(d)
						for _, g := range gs {
							tel[base+g].add(d)
						}
					}
				}
				perBlok[b] = blokUit{niet: niet}
			}
			uitW[w] = werkerUit{tel: tel, bedrag: bedrag, onbekend: onbekend}
		}(w)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	u := &Uitslag{Gemeente: pop.Gemeente, Peildatum: pop.Datum, Bewijs: pk.Bewijs(pop.Datum), Huishoudens: n, pop: pop, pk: pk}
	for r, reg := range pk.Regelingen {
		ru := RegelingUitslag{ID: reg.ID, Naam: reg.Naam, Periode: reg.Periode, Ambtshalve: reg.Aanvragen.Ambtshalve}
		tel := make([]Telling, stride)
		for _, w := range uitW {
			if w.tel == nil {
				continue
			}
			for g := 0; g < stride; g++ {
				tel[g].add(w.tel[r*stride+g])
			}
			ru.BedragPerJaar += w.bedrag[r]
			ru.BedragOnbekend += w.onbekend[r]
		}
		ru.Totaal = tel[0]
		for d := register.Dimensie(0); d < register.Dimensie(register.AantalDimensies); d++ {
			for v, naam := range namen[d] {
				t := tel[1+off[d]+v]
				if t.Huishoudens == 0 {
					continue
				}
				ru.Groepen[d] = append(ru.Groepen[d], Groep{Naam: naam, Telling: t})
			}
		}
		totaal := 0
		for _, b := range perBlok {
			totaal += len(b.niet[r])
		}
		ru.NietGebruik = make([]int32, 0, totaal)
		for _, b := range perBlok {
			ru.NietGebruik = append(ru.NietGebruik, b.niet[r]...)
		}
		u.Regelingen = append(u.Regelingen, ru)
	}
	u.Duur = time.Since(start)
	return u, nil
}

// Regeling returns the result of one regeling, or nil.
func (u *Uitslag) Regeling(id string) *RegelingUitslag {
	for i := range u.Regelingen {
		if u.Regelingen[i].ID == id {
			return &u.Regelingen[i]
		}
	}
	return nil
}

// Reden is the B1 reason why a household is on the outreach list of a regeling: the criteria it
// meets, in the words of the trace (for an intermediary: "uw cliënt").
func (u *Uitslag) Reden(regeling string, index int32) (regels.Uitkomst, string) {
	f := u.pop.Feiten[index]
	for _, uk := range u.pk.Verklaar(&f, regels.Weergave{Taal: "nl", Intermediair: true}) {
		if uk.ID != regeling {
			continue
		}
		var delen []string
		for _, c := range uk.Criteria {
			if c.Oordeel == regels.Ja {
				delen = append(delen, strings.TrimSpace(c.Tekst))
			}
		}
		return uk, strings.Join(delen, " ")
	}
	return regels.Uitkomst{}, ""
}

// Bereiklijst is the outreach list: one row per entitled household that does not receive a
// regeling, with the reason in B1. Only these households get a trace.
type Bereikregel struct {
	HuishoudenID string
	Woonplaats   string
	Leefvorm     string
	Regeling     string
	Bedrag       string // "€ 350,00 per jaar" or "onbekend"
	Reden        string
}

// Bereiklijst returns the outreach list of one regeling ("" = all), at most max rows (0 = all).
func (u *Uitslag) Bereiklijst(regeling string, maxRegels int) []Bereikregel {
	var out []Bereikregel
	for _, ru := range u.Regelingen {
		if regeling != "" && ru.ID != regeling {
			continue
		}
		for _, idx := range ru.NietGebruik {
			if maxRegels > 0 && len(out) >= maxRegels {
				return out
			}
			uk, reden := u.Reden(ru.ID, idx)
			bedrag := "onbekend"
			if uk.Bedrag != nil {
				bedrag = uk.Bedrag.String()
				switch ru.Periode {
				case regels.PerJaar:
					bedrag += " per jaar"
				case regels.PerMaand:
					bedrag += " per maand"
				}
			}
			f := &u.pop.Feiten[idx]
			out = append(out, Bereikregel{
				HuishoudenID: u.pop.IDs[idx], Woonplaats: u.pop.Dorpen[u.pop.Dorp[idx]], Leefvorm: f.Leefvorm.String(),
				Regeling: ru.ID, Bedrag: bedrag, Reden: reden,
			})
		}
	}
	return out
}

// SchrijfBereiklijstCSV writes the outreach list (docs/scan.md) for letters or calls. It returns the
// number of rows. The list holds the gemeente's household id, not the BSN: the gemeente links the id
// to an address in its own administration.
func (u *Uitslag) SchrijfBereiklijstCSV(w io.Writer, regeling string) (int, error) {
	cw := csv.NewWriter(w)
	cw.Write([]string{"huishouden_id", "woonplaats", "leefvorm", "regeling", "bedrag", "reden", "peildatum", "pakket_hash"})
	n := 0
	for _, r := range u.Bereiklijst(regeling, 0) {
		if err := cw.Write([]string{r.HuishoudenID, veilig(r.Woonplaats), r.Leefvorm, r.Regeling, r.Bedrag, veilig(r.Reden), u.Bewijs.Peildatum, u.Bewijs.PakketHash}); err != nil {
			return n, err
		}
		n++
	}
	cw.Flush()
	return n, cw.Error()
}

// SchrijfBereikCSV writes reach per regeling and target group.
func (u *Uitslag) SchrijfBereikCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"regeling", "dimensie", "groep", "huishoudens", "recht", "geen_recht", "onzeker", "ontvangt", "niet_gebruik", "bereik_procent", "ambtshalve"})
	rij := func(id, dim, groep string, t Telling) {
		cw.Write([]string{id, dim, veilig(groep), itoa(t.Huishoudens), itoa(t.Recht), itoa(t.GeenRecht), itoa(t.Onzeker), itoa(t.Ontvangt), itoa(t.NietGebruik()), fmt.Sprintf("%.1f", t.Bereik()), itoa(t.Ambtshalve)})
	}
	for _, ru := range u.Regelingen {
		rij(ru.ID, "totaal", "", ru.Totaal)
		for d := register.Dimensie(0); d < register.Dimensie(register.AantalDimensies); d++ {
			for _, g := range ru.Groepen[d] {
				rij(ru.ID, d.String(), g.Naam, g.Telling)
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func itoa(i int) string { return fmt.Sprint(i) }

// veilig keeps a cell from being read as a formula by a spreadsheet.
func veilig(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// SchrijfTekst prints the scan result as a table.
func (u *Uitslag) SchrijfTekst(w io.Writer) {
	fmt.Fprintf(w, "Scan %s op %s: %d huishoudens, pakket %s (%.12s), %s\n\n", u.Gemeente, u.Bewijs.Peildatum, u.Huishoudens, u.Bewijs.Pakket, u.Bewijs.PakketHash, u.Duur.Round(time.Millisecond))
	fmt.Fprintf(w, "%-32s %8s %8s %8s %8s %8s %7s %10s\n", "regeling", "recht", "onzeker", "ontvangt", "niet", "ambtsh.", "bereik", "€/jaar niet")
	for _, ru := range u.Regelingen {
		t := ru.Totaal
		bedrag := ru.BedragPerJaar.Kort()
		if ru.BedragOnbekend > 0 {
			bedrag += fmt.Sprintf(" (+%d onbekend)", ru.BedragOnbekend)
		}
		fmt.Fprintf(w, "%-32s %8d %8d %8d %8d %8d %6.1f%% %s\n", ru.ID, t.Recht, t.Onzeker, t.Ontvangt, t.NietGebruik(), t.Ambtshalve, t.Bereik(), bedrag)
	}
}
