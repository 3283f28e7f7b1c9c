package monitor

import (
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/synth"
)

var peildatum = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func ommen(t testing.TB, aantal int) (*register.Populatie, *regels.Pakket) {
	t.Helper()
	params := nl.MustLoad()
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := cat.Pakket("GM0175", peildatum)
	if err != nil {
		t.Fatal(err)
	}
	prof, _ := synth.ProfielVan("GM0175")
	pop := register.NieuwePopulatie("GM0175", peildatum, aantal)
	err = synth.Genereer(t.Context(), synth.PopulatieOpties{Profiel: prof, Seed: 1, Aantal: aantal, Datum: peildatum, Params: params, Pakket: pk},
		func(r *register.Record) error { return pop.Voeg(r, params) })
	if err != nil {
		t.Fatal(err)
	}
	return pop, pk
}

func regeling(t *testing.T, w *WatAls, id string) *RegelingVerschil {
	t.Helper()
	for i := range w.Regelingen {
		if w.Regelingen[i].ID == id {
			return &w.Regelingen[i]
		}
	}
	t.Fatalf("regeling %s not in the what-if", id)
	return nil
}

func TestBedragOmlaag(t *testing.T) {
	pop, pk := ommen(t, 0)
	// Back to the old amount of € 100: the same households, € 250 less each.
	w, err := Simuleer(t.Context(), pop, pk, regels.Wijziging{Pad: "regelingen.participatie_volwassenen.bedrag.bedrag", Waarde: "100"})
	if err != nil {
		t.Fatal(err)
	}
	r := regeling(t, w, "participatie_volwassenen")
	if r.Totaal.Nieuw != 0 || r.Totaal.Vervalt != 0 || r.Totaal.RechtVoor != r.Totaal.RechtNa || r.Recht == 0 {
		t.Errorf("amount change moved entitlements: %+v", r.Totaal)
	}
	if got, want := r.Totaal.KostenPerJaar, geld.Euro(-250)*geld.Bedrag(r.Recht); got != want {
		t.Errorf("kosten = %v, want %v (−€ 250 × %d)", got, want, r.Recht)
	}
	if got, want := r.KostenBijBereik, (r.Totaal.KostenPerJaar * geld.Bedrag(r.Ontvangt)).DeelHalfOmhoog(int64(r.Recht)); got != want || r.Ontvangt == 0 {
		t.Errorf("kosten bij bereik = %v, want %v (%d of %d)", got, want, r.Ontvangt, r.Recht)
	}
	if w.Na.PakketHash == w.Voor.PakketHash {
		t.Error("the changed pack has the stored pack's hash")
	}
	for _, o := range w.Regelingen {
		if o.ID != "participatie_volwassenen" && (o.Totaal.Nieuw != 0 || o.Totaal.KostenPerJaar != 0) {
			t.Errorf("%s changed: %+v", o.ID, o.Totaal)
		}
	}
}

func TestGrensOmlaag(t *testing.T) {
	pop, pk := ommen(t, 0)
	// 130% back to 110%: households lose their right, none gain one; checked against a plain loop.
	na, err := pk.Wijzig(regels.Wijziging{Pad: "open_termen.inkomensgrens.percentage", Waarde: "110%"})
	if err != nil {
		t.Fatal(err)
	}
	w, err := Vergelijk(t.Context(), pop, pk, na, nil)
	if err != nil {
		t.Fatal(err)
	}
	var vervalt, nieuw int
	a := make([]regels.Kort, len(pk.Regelingen))
	b := make([]regels.Kort, len(pk.Regelingen))
	ri := 0
	for i, r := range pk.Regelingen {
		if r.ID == "participatie_volwassenen" {
			ri = i
		}
	}
	for i := range pop.Feiten {
		pk.EvalueerFeiten(&pop.Feiten[i], a)
		na.EvalueerFeiten(&pop.Feiten[i], b)
		if a[ri].Oordeel == regels.Recht && b[ri].Oordeel != regels.Recht {
			vervalt++
		}
		if a[ri].Oordeel != regels.Recht && b[ri].Oordeel == regels.Recht {
			nieuw++
		}
	}
	r := regeling(t, w, "participatie_volwassenen")
	if r.Totaal.Vervalt != vervalt || r.Totaal.Nieuw != nieuw || vervalt == 0 {
		t.Errorf("vervalt %d nieuw %d, want %d and %d (> 0)", r.Totaal.Vervalt, r.Totaal.Nieuw, vervalt, nieuw)
	}
	if r.Totaal.KostenPerJaar != geld.Euro(-350)*geld.Bedrag(vervalt-nieuw) {
		t.Errorf("kosten = %v, want −€ 350 × %d", r.Totaal.KostenPerJaar, vervalt-nieuw)
	}
	som := 0
	for _, g := range r.Groepen[register.DimDorp] {
		som += g.Verschil.Vervalt
	}
	if som != vervalt {
		t.Errorf("vervalt per woonplaats adds up to %d, want %d", som, vervalt)
	}
	svg, err := w.Grafiek("participatie_volwassenen", register.DimDorp)
	if err != nil || !strings.Contains(string(svg), "Ommen") || !strings.Contains(string(svg), "<desc") {
		t.Errorf("chart: %v\n%s", err, svg)
	}
	var csvOut strings.Builder
	if err := w.SchrijfCSV(&csvOut); err != nil || !strings.Contains(csvOut.String(), "participatie_volwassenen,woonplaats,Ommen,") {
		t.Errorf("CSV: %v\n%.500s", err, csvOut.String())
	}
}
