package monitor

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
)

// The cost of the armoedeval's sliding scale over a gemeente's households: the same rule as the
// variant "glijdend" of the curve (Curve.Pas), applied to every household of the register's snapshot.
// A household that has no right to the regeling today, whose net income lies above the regeling's
// income limit by less than the band (a percentage of its own bijstandsnorm), and that would have the
// right with its income at the limit, gets the amount × (band − above) / band. A snapshot suffices:
// who is above the limit now is what the scale changes, unlike a zachte landing, which depends on who
// crosses the limit in a year.

// GlijdendBevolking is the yearly cost of a sliding scale over the population.
type GlijdendBevolking struct {
	Regeling    string      `json:"regeling"`
	Huishoudens int         `json:"huishoudens"`  // in the snapshot
	Erbij       int         `json:"erbij"`        // households that get part of the amount
	Kosten      geld.Bedrag `json:"kosten"`       // per year, if every one of them takes it up
	Onbekend    int         `json:"onbekend"`     // households in the band whose income, norm or amount is unknown: not counted
	Peildatum   string      `json:"peildatum"`    // of the snapshot
	Fouten      int         `json:"niet_gelezen"` // households of the register whose facts could not be derived
}

// KostenGlijdend computes the cost of a sliding scale of band (of the bijstandsnorm) for regeling over
// the population. The regeling must have one known income limit.
func KostenGlijdend(ctx context.Context, pop *register.Populatie, pk *regels.Pakket, regeling string, band geld.Percentage) (*GlijdendBevolking, error) {
	idx := -1
	for i, r := range pk.Regelingen {
		if r.ID == regeling && !r.Landelijk() {
			idx = i
		}
	}
	if idx < 0 {
		return nil, fmt.Errorf("%w: regeling %q staat niet in het pakket van de gemeente", ErrArmoedeval, regeling)
	}
	rg := pk.Regelingen[idx]
	gs := rg.Inkomensgrenzen()
	if len(gs) != 1 || !gs[0].Bekend || gs[0].Basis == "onbekend" {
		return nil, fmt.Errorf("%w: %s heeft niet één bekende inkomensgrens (percentage en basis), dus geen grens om een glijdende schaal achter te zetten", ErrArmoedeval, rg.Naam)
	}
	g := gs[0]
	uit := &GlijdendBevolking{Regeling: regeling, Huishoudens: pop.Len(), Peildatum: pop.Datum.Format("2006-01-02"), Fouten: pop.Fouten}
	// In blocks over all cores, as the what-if (Vergelijk); each worker adds up its own part.
	n := pop.Len()
	blokken := (n + blok - 1) / blok
	workers := min(runtime.GOMAXPROCS(0), max(blokken, 1))
	delen := make([]GlijdendBevolking, workers)
	var volgende atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			kort := make([]regels.Kort, len(pk.Regelingen))
			d := &delen[w]
			for {
				k := int(volgende.Add(1) - 1)
				if k >= blokken || ctx.Err() != nil {
					return
				}
				for i := k * blok; i < min((k+1)*blok, n); i++ {
					glijdendHuishouden(pop.Feiten[i], pk, rg, idx, g, band, kort, d)
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, d := range delen {
		uit.Erbij += d.Erbij
		uit.Kosten += d.Kosten
		uit.Onbekend += d.Onbekend
	}
	return uit, nil
}

// glijdendHuishouden adds one household (a copy of its facts: the income is moved to the limit) to d.
func glijdendHuishouden(f regels.Feiten, pk *regels.Pakket, rg *regels.Regeling, idx int, g regels.Inkomensgrens, band geld.Percentage, kort []regels.Kort, d *GlijdendBevolking) {
	pk.EvalueerFeiten(&f, kort)
	if kort[idx].Oordeel != regels.GeenRecht || !f.InkomenBekend || !f.NormBekend {
		return // a right already, or unknown; without income or norm the limit cannot be what stands in the way
	}
	norm, pct := f.NormInclVT, g.Percentage
	if g.Basis == "excl_vt" {
		norm = f.NormExclVT
	}
	if g.PercentageMetKinderen > 0 && f.MinderjarigeKinderen > 0 { // as the engine's grensVoor
		pct = g.PercentageMetKinderen
	}
	grens, breed := norm.VanHalfOmhoog(pct), f.NormInclVT.VanHalfOmhoog(band)
	boven := f.Inkomen - grens
	if boven <= 0 || boven >= breed || breed <= 0 {
		return
	}
	f.Inkomen = grens
	pk.EvalueerFeiten(&f, kort)
	k := kort[idx]
	switch {
	case k.Oordeel == regels.GeenRecht:
		return // something else than the income stands in the way
	case k.Oordeel == regels.Onzeker || !k.BedragBekend:
		d.Onbekend++
		return
	}
	jaar := rg.Periode.Jaarbedrag(k.Bedrag)
	d.Kosten += geld.Bedrag(int64(jaar) * int64(breed-boven) / int64(breed))
	d.Erbij++
}
