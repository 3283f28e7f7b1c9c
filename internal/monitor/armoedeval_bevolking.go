package monitor

import (
	"context"
	"fmt"

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
	kort := make([]regels.Kort, len(pk.Regelingen))
	for i := range pop.Feiten {
		if i%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		f := pop.Feiten[i] // a copy: the income is moved to the limit below
		pk.EvalueerFeiten(&f, kort)
		if kort[idx].Oordeel != regels.GeenRecht {
			continue
		}
		if !f.InkomenBekend || !f.NormBekend {
			continue // no income: the limit cannot be what stands in the way
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
			continue
		}
		f.Inkomen = grens
		pk.EvalueerFeiten(&f, kort)
		k := kort[idx]
		switch {
		case k.Oordeel == regels.GeenRecht:
			continue // something else than the income stands in the way
		case k.Oordeel == regels.Onzeker || !k.BedragBekend:
			uit.Onbekend++
			continue
		}
		jaar := rg.Periode.Jaarbedrag(k.Bedrag)
		uit.Kosten += geld.Bedrag(int64(jaar) * int64(breed-boven) / int64(breed))
		uit.Erbij++
	}
	return uit, nil
}
