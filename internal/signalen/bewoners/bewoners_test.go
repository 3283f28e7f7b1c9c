package bewoners_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/signalen/bewoners"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
	"github.com/zeker-platform/zeker/internal/tenant"
)

func TestUitHuishoudens(t *testing.T) {
	ctx := t.Context()
	db := storetest.OpenTest(t)
	peil := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	if _, err := tenant.ZaaiStandaard(ctx, db, peil); err != nil {
		t.Fatal(err)
	}
	profiel, err := synth.ProfielVan("GM0175")
	if err != nil {
		t.Fatal(err)
	}
	params, err := nl.Load()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := register.NieuweSchrijver(&buf, "csv")
	if err != nil {
		t.Fatal(err)
	}
	var recs []*register.Record
	if err := synth.Genereer(ctx, synth.PopulatieOpties{Profiel: profiel, Seed: 1, Aantal: 300, Datum: peil, Params: params}, func(r *register.Record) error {
		recs = append(recs, r)
		return w.Schrijf(r)
	}); err != nil {
		t.Fatal(err)
	}
	if err := w.Sluit(); err != nil {
		t.Fatal(err)
	}
	if _, err := register.Importeer(ctx, db, &buf, register.ImportOpties{Gemeente: "GM0175", Formaat: "csv", Datum: peil}); err != nil {
		t.Fatal(err)
	}
	vandaag := datum.Nieuw(2026, time.March, 1)
	x, err := bewoners.UitHuishoudens(ctx, db, "GM0175", vandaag)
	if err != nil {
		t.Fatal(err)
	}
	personen, metKind := 0, 0
	for _, r := range recs {
		kinderen := 0
		for _, p := range r.H.Personen {
			if p.Rol == huishouden.Kind && p.Geboortedatum != nil && p.Geboortedatum.LeeftijdOp(vandaag) < 18 {
				kinderen++
			}
		}
		for _, b := range r.BSN {
			if b == "" {
				continue
			}
			personen++
			m, ok, _ := x.ZoekBSN(ctx, b)
			if !ok || m.HuishoudenID != r.ID || m.MinderjarigeKinderen != kinderen || m.Wijk != r.H.Woonplaats {
				t.Fatalf("BSN of household %s: got %+v (found %v), want kinderen %d", r.ID, m, ok, kinderen)
			}
			if kinderen > 0 {
				metKind++
			}
		}
	}
	if personen == 0 || x.Len() != personen || metKind == 0 {
		t.Errorf("index holds %d BSNs, want %d; persons in households with children: %d", x.Len(), personen, metKind)
	}
}
