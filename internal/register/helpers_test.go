package register_test

import (
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/synth"
)

var peildatum = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func testPakket(t testing.TB, gemeente string) (*nl.Parameters, *regels.Pakket) {
	t.Helper()
	params := nl.MustLoad()
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := cat.Pakket(gemeente, peildatum)
	if err != nil {
		t.Fatal(err)
	}
	return params, pk
}

// genereer calls fn with the synthetic households of a gemeente (package synth).
func genereer(t testing.TB, gemeente string, seed uint64, aantal int, fn func(*register.Record)) {
	t.Helper()
	params, pk := testPakket(t, gemeente)
	p, err := synth.ProfielVan(gemeente)
	if err != nil {
		t.Fatal(err)
	}
	err = synth.Genereer(t.Context(), synth.PopulatieOpties{Profiel: p, Seed: seed, Aantal: aantal, Datum: peildatum, Params: params, Pakket: pk},
		func(r *register.Record) error { fn(r); return nil })
	if err != nil {
		t.Fatal(err)
	}
}
