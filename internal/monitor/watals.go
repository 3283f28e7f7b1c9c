// Package monitor holds the policy officer's what-if over a gemeente's population: simulation of rule
// changes. A what-if takes a rule pack, compiles a changed copy (regels.Pakket.Wijzig: an open term or
// an amount set to a new value, the stored pack untouched), and evaluates both over the population of
// the household register (register.Populatie), in parallel over all cores: which households become
// entitled, which lose their right, and what it costs per year at full take-up and at the reach
// observed today — in total, per target group and per village (WatAls, with CSV and an SVG chart).
//
// The armoedeval (armoedeval.go) is here too: per household type the net disposable income as the
// gross wage rises, with every national and local regeling from one evaluation of the pack, the
// marginal pressure, the cliffs and what-if variants (armoedeval_varianten.go). Indicators over time
// are not here yet; the register keeps the counts of each deleted snapshot (register.Tijdreeks) for
// the time series they will need.
package monitor

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/zeker-platform/zeker/internal/chart"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
)

// Verschil counts the effect of a change for one regeling in one group.
type Verschil struct {
	Huishoudens int `json:"huishoudens"`
	RechtVoor   int `json:"recht_voor"`
	RechtNa     int `json:"recht_na"`
	Nieuw       int `json:"nieuw"`   // no right before (geen recht or onzeker), a right after
	Vervalt     int `json:"vervalt"` // a right before, none after
	// KostenPerJaar is the change in yearly spending if every entitled household took it up:
	// Σ (amount after if entitled after) − (amount before if entitled before), per year.
	KostenPerJaar geld.Bedrag `json:"kosten_per_jaar"`
	// BedragOnbekend counts entitled households (before or after) whose amount is unknown and
	// therefore not in KostenPerJaar.
	BedragOnbekend int `json:"bedrag_onbekend"`
}

func (v *Verschil) add(o Verschil) {
	v.Huishoudens += o.Huishoudens
	v.RechtVoor += o.RechtVoor
	v.RechtNa += o.RechtNa
	v.Nieuw += o.Nieuw
	v.Vervalt += o.Vervalt
	v.KostenPerJaar += o.KostenPerJaar
	v.BedragOnbekend += o.BedragOnbekend
}

// Groep is the effect in one target group.
type Groep struct {
	Naam     string   `json:"naam"`
	Verschil Verschil `json:"verschil"`
}

// RegelingVerschil is the effect of a change on one regeling.
type RegelingVerschil struct {
	ID      string         `json:"id"`
	Naam    string         `json:"naam"`
	Periode regels.Periode `json:"periode"`
	Totaal  Verschil       `json:"totaal"`
	// Bereik is the observed reach before the change: the share of the entitled that receive it,
	// as a fraction Ontvangt/Recht (counts, to keep money exact).
	Ontvangt, Recht int
	// KostenBijBereik is KostenPerJaar at the observed reach (rounded half up to cents); with no
	// entitled households before, full take-up is assumed.
	KostenBijBereik geld.Bedrag                       `json:"kosten_bij_bereik"`
	Groepen         [register.AantalDimensies][]Groep `json:"groepen"`
}

// BereikProcent is the observed reach in percent.
func (r *RegelingVerschil) BereikProcent() float64 {
	if r.Recht == 0 {
		return 100
	}
	return 100 * float64(r.Ontvangt) / float64(r.Recht)
}

// WatAls is the result of a what-if over a population.
type WatAls struct {
	Gemeente    string                 `json:"gemeente"`
	Peildatum   string                 `json:"peildatum"`
	Wijzigingen []regels.Wijziging     `json:"wijzigingen"`
	Voor        regels.Ontvangstbewijs `json:"voor"`
	Na          regels.Ontvangstbewijs `json:"na"`
	Huishoudens int                    `json:"huishoudens"`
	Regelingen  []RegelingVerschil     `json:"regelingen"`
	Dimensies   []string               `json:"dimensies"`
	Duur        time.Duration          `json:"-"`
}

// Simuleer applies the changes to a copy of pk and evaluates both packs over the population.
func Simuleer(ctx context.Context, pop *register.Populatie, pk *regels.Pakket, ws ...regels.Wijziging) (*WatAls, error) {
	na, err := pk.Wijzig(ws...)
	if err != nil {
		return nil, err
	}
	return Vergelijk(ctx, pop, pk, na, ws)
}

const blok = 4096

// Vergelijk evaluates two versions of a pack over the population and counts the differences.
func Vergelijk(ctx context.Context, pop *register.Populatie, voor, na *regels.Pakket, ws []regels.Wijziging) (*WatAls, error) {
	start := time.Now()
	R := len(voor.Regelingen)
	if len(na.Regelingen) != R {
		return nil, fmt.Errorf("monitor: de gewijzigde versie heeft %d regelingen, het pakket %d", len(na.Regelingen), R)
	}
	namen := pop.GroepNamen()
	var off [register.AantalDimensies]int
	G := 0
	for d := range namen {
		off[d] = G
		G += len(namen[d])
	}
	stride := 1 + G
	bits := make([]uint64, R)
	for i, r := range voor.Regelingen {
		if na.Regelingen[i].ID != r.ID {
			return nil, fmt.Errorf("monitor: regeling %d is %s voor en %s na de wijziging", i, r.ID, na.Regelingen[i].ID)
		}
		bits[i] = pop.Bit(r.ID)
	}
	n := pop.Len()
	blokken := (n + blok - 1) / blok
	workers := min(runtime.GOMAXPROCS(0), max(blokken, 1))
	type werkUit struct {
		v        []Verschil
		ontvangt []int
	}
	uit := make([]werkUit, workers)
	var volgende atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			v := make([]Verschil, R*stride)
			ontvangt := make([]int, R)
			a := make([]regels.Kort, R)
			b := make([]regels.Kort, R)
			for {
				k := int(volgende.Add(1) - 1)
				if k >= blokken || ctx.Err() != nil {
					break
				}
				for i := k * blok; i < min((k+1)*blok, n); i++ {
					f := &pop.Feiten[i]
					voor.EvalueerFeiten(f, a)
					na.EvalueerFeiten(f, b)
					g := pop.GroepVan(i)
					for r := 0; r < R; r++ {
						var d Verschil
						d.Huishoudens = 1
						rv, rn := a[r].Oordeel == regels.Recht, b[r].Oordeel == regels.Recht
						if rv {
							d.RechtVoor = 1
							if pop.Ontvangt[i]&bits[r] != 0 {
								ontvangt[r]++
							}
						}
						if rn {
							d.RechtNa = 1
						}
						switch {
						case rn && !rv:
							d.Nieuw = 1
						case rv && !rn:
							d.Vervalt = 1
						}
						per := voor.Regelingen[r].Periode
						if rv {
							if a[r].BedragBekend {
								d.KostenPerJaar -= per.Jaarbedrag(a[r].Bedrag)
							} else {
								d.BedragOnbekend = 1
							}
						}
						if rn {
							if b[r].BedragBekend {
								d.KostenPerJaar += na.Regelingen[r].Periode.Jaarbedrag(b[r].Bedrag)
							} else {
								d.BedragOnbekend = 1
							}
						}
						base := r * stride
						v[base].add(d)
						for dim, gi := range g {
							v[base+1+off[dim]+gi].add(d)
						}
					}
				}
			}
			uit[w] = werkUit{v: v, ontvangt: ontvangt}
		}(w)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	wa := &WatAls{Gemeente: pop.Gemeente, Peildatum: pop.Datum.Format(time.DateOnly), Wijzigingen: ws,
		Voor: voor.Bewijs(pop.Datum), Na: na.Bewijs(pop.Datum), Huishoudens: n}
	for d := 0; d < register.AantalDimensies; d++ {
		wa.Dimensies = append(wa.Dimensies, register.Dimensie(d).String())
	}
	for r, reg := range voor.Regelingen {
		rv := RegelingVerschil{ID: reg.ID, Naam: reg.Naam, Periode: na.Regelingen[r].Periode}
		tel := make([]Verschil, stride)
		for _, w := range uit {
			if w.v == nil {
				continue
			}
			for g := 0; g < stride; g++ {
				tel[g].add(w.v[r*stride+g])
			}
			rv.Ontvangt += w.ontvangt[r]
		}
		rv.Totaal = tel[0]
		rv.Recht = rv.Totaal.RechtVoor
		if rv.Recht > 0 {
			rv.KostenBijBereik = (rv.Totaal.KostenPerJaar * geld.Bedrag(rv.Ontvangt)).DeelHalfOmhoog(int64(rv.Recht))
		} else {
			rv.KostenBijBereik = rv.Totaal.KostenPerJaar
		}
		for d := 0; d < register.AantalDimensies; d++ {
			for gi, naam := range namen[d] {
				t := tel[1+off[d]+gi]
				if t.Huishoudens == 0 {
					continue
				}
				rv.Groepen[d] = append(rv.Groepen[d], Groep{Naam: naam, Verschil: t})
			}
		}
		wa.Regelingen = append(wa.Regelingen, rv)
	}
	wa.Duur = time.Since(start)
	return wa, nil
}

// Totaal adds up the effect over all regelingen: households newly entitled to at least one regeling
// are not counted here (a household can appear per regeling); costs add up.
func (w *WatAls) Totaal() (kosten, kostenBereik geld.Bedrag, onbekend int) {
	for _, r := range w.Regelingen {
		kosten += r.Totaal.KostenPerJaar
		kostenBereik += r.KostenBijBereik
		onbekend += r.Totaal.BedragOnbekend
	}
	return
}

// Gewijzigd lists the regelingen whose outcome or cost changed.
func (w *WatAls) Gewijzigd() []RegelingVerschil {
	var out []RegelingVerschil
	for _, r := range w.Regelingen {
		if r.Totaal.Nieuw != 0 || r.Totaal.Vervalt != 0 || r.Totaal.KostenPerJaar != 0 {
			out = append(out, r)
		}
	}
	return out
}

// SchrijfTekst prints the what-if as a table.
func (w *WatAls) SchrijfTekst(o io.Writer) {
	fmt.Fprintf(o, "Wat als in %s op %s (%d huishoudens, %s):\n", w.Gemeente, w.Peildatum, w.Huishoudens, w.Duur.Round(time.Millisecond))
	for _, ws := range w.Wijzigingen {
		fmt.Fprintf(o, "  %s\n", ws)
	}
	fmt.Fprintf(o, "pakket %.12s → %.12s\n\n", w.Voor.PakketHash, w.Na.PakketHash)
	fmt.Fprintf(o, "%-30s %8s %8s %8s %8s %7s %16s %16s\n", "regeling", "recht nu", "recht na", "nieuw", "vervalt", "bereik", "€/jaar volledig", "€/jaar bij bereik")
	for _, r := range w.Regelingen {
		t := r.Totaal
		extra := ""
		if t.BedragOnbekend > 0 {
			extra = fmt.Sprintf("  (%d met onbekend bedrag)", t.BedragOnbekend)
		}
		bereik := "      -"
		if r.Recht > 0 {
			bereik = fmt.Sprintf("%6.1f%%", r.BereikProcent())
		}
		fmt.Fprintf(o, "%-30s %8d %8d %8d %8d %s %16s %16s%s\n", r.ID, t.RechtVoor, t.RechtNa, t.Nieuw, t.Vervalt, bereik, t.KostenPerJaar.Kort(), r.KostenBijBereik.Kort(), extra)
	}
	k, kb, _ := w.Totaal()
	fmt.Fprintf(o, "%-30s %62s %16s\n", "totaal", k.Kort(), kb.Kort())
}

// SchrijfCSV writes the effect per regeling, in total and per target group.
func (w *WatAls) SchrijfCSV(o io.Writer) error {
	cw := csv.NewWriter(o)
	cw.Write([]string{"regeling", "dimensie", "groep", "huishoudens", "recht_voor", "recht_na", "nieuw", "vervalt", "kosten_per_jaar_volledig", "kosten_per_jaar_bij_bereik", "bedrag_onbekend", "pakket_voor", "pakket_na"})
	rij := func(r *RegelingVerschil, dim, groep string, v Verschil, bijBereik string) {
		if groep != "" && (groep[0] == '=' || groep[0] == '+' || groep[0] == '-' || groep[0] == '@') {
			groep = "'" + groep
		}
		cw.Write([]string{r.ID, dim, groep, fmt.Sprint(v.Huishoudens), fmt.Sprint(v.RechtVoor), fmt.Sprint(v.RechtNa), fmt.Sprint(v.Nieuw), fmt.Sprint(v.Vervalt),
			v.KostenPerJaar.Decimal(), bijBereik, fmt.Sprint(v.BedragOnbekend), w.Voor.PakketHash, w.Na.PakketHash})
	}
	for i := range w.Regelingen {
		r := &w.Regelingen[i]
		rij(r, "totaal", "", r.Totaal, r.KostenBijBereik.Decimal())
		for d, gs := range r.Groepen {
			for _, g := range gs {
				kb := g.Verschil.KostenPerJaar
				if r.Recht > 0 {
					kb = (kb * geld.Bedrag(r.Ontvangt)).DeelHalfOmhoog(int64(r.Recht))
				}
				rij(r, w.Dimensies[d], g.Naam, g.Verschil, kb.Decimal())
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// Grafiek draws, for one regeling, the households newly entitled (and, as negative bars, those
// losing their right) per group of a dimension, as an accessible SVG.
func (w *WatAls) Grafiek(regeling string, dim register.Dimensie) ([]byte, error) {
	var r *RegelingVerschil
	for i := range w.Regelingen {
		if w.Regelingen[i].ID == regeling {
			r = &w.Regelingen[i]
		}
	}
	if r == nil {
		return nil, fmt.Errorf("monitor: regeling %q niet in de uitslag", regeling)
	}
	var staven []chart.Staaf
	for _, g := range r.Groepen[dim] {
		netto := g.Verschil.Nieuw - g.Verschil.Vervalt
		tekst := fmt.Sprintf("+%d", g.Verschil.Nieuw)
		if g.Verschil.Vervalt > 0 {
			tekst += fmt.Sprintf(" / −%d", g.Verschil.Vervalt)
		}
		staven = append(staven, chart.Staaf{Label: g.Naam, Waarde: float64(netto), Tekst: tekst})
	}
	titel := fmt.Sprintf("%s: verschil in huishoudens met recht per %s", r.Naam, dim)
	desc := fmt.Sprintf("Na de wijziging krijgen %d huishoudens recht op %s en verliezen %d huishoudens hun recht. Extra kosten per jaar: %s als iedereen het aanvraagt, %s bij het huidige bereik van %.0f%%.",
		r.Totaal.Nieuw, r.Naam, r.Totaal.Vervalt, r.Totaal.KostenPerJaar.Kort(), r.KostenBijBereik.Kort(), r.BereikProcent())
	return chart.Staven(staven, chart.Opties{Titel: titel, Omschrijving: desc, Eenheid: "huishoudens"}), nil
}
