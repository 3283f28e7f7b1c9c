package monitorweb

import (
	"context"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/synth"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// testPopulaties is the household register of the tests: Ommen's synthetic snapshot (synth, seed 1),
// built on the date asked; other gemeenten have none. It counts the loads.
type testPopulaties struct {
	t       testing.TB
	cat     *regels.Catalogus
	geladen int
}

func (p *testPopulaties) LaadPopulatie(ctx context.Context, gm string, datum time.Time) (*register.Populatie, error) {
	p.geladen++
	pop := register.NieuwePopulatie(gm, datum, 0)
	if gm != ommen {
		return pop, nil
	}
	pk, err := p.cat.Pakket(gm, datum)
	if err != nil {
		return nil, err
	}
	prof, _ := synth.ProfielVan(gm)
	err = synth.Genereer(ctx, synth.PopulatieOpties{Profiel: prof, Seed: 1, Datum: datum, Params: p.cat.Params(), Pakket: pk},
		func(r *register.Record) error { return pop.Voeg(r, p.cat.Params()) })
	return pop, err
}

func nieuweTestPopulaties(t testing.TB) *testPopulaties {
	return &testPopulaties{t: t, cat: webtest.Catalogus(t)}
}
