package scan

import (
	"bytes"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

func TestScanOpgeslagen(t *testing.T) {
	var buf bytes.Buffer
	w, err := register.NieuweSchrijver(&buf, "csv")
	if err != nil {
		t.Fatal(err)
	}
	genereer(t, "GM0175", 1, 3000, func(r *register.Record) {
		if err := w.Schrijf(r); err != nil {
			t.Fatal(err)
		}
	})
	if err := w.Sluit(); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	params, pk := testPakket(t, "GM0175")
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		if _, err := register.Importeer(t.Context(), db, bytes.NewReader(data), register.ImportOpties{Gemeente: "GM0175", Formaat: "csv", Datum: peildatum}); err != nil {
			t.Fatal(err)
		}
		pop, err := register.LaadPopulatie(t.Context(), db, "GM0175", peildatum, params)
		if err != nil {
			t.Fatal(err)
		}
		if pop.Len() != 3000 || pop.Fouten != 0 {
			t.Fatalf("population of %d (%d errors), want 3000", pop.Len(), pop.Fouten)
		}
		u, err := Scan(t.Context(), pop, pk)
		if err != nil {
			t.Fatal(err)
		}
		// Check against a plain loop over the generated records.
		want := map[string]*Telling{}
		uit := make([]regels.Kort, len(pk.Regelingen))
		genereer(t, "GM0175", 1, 3000, func(r *register.Record) {
			f, err := regels.Afleiden(&r.H, peildatum, params)
			if err != nil {
				t.Fatal(err)
			}
			pk.EvalueerFeiten(&f, uit)
			for i, reg := range pk.Regelingen {
				w := want[reg.ID]
				if w == nil {
					w = &Telling{}
					want[reg.ID] = w
				}
				w.Huishoudens++
				_, krijgt := r.H.OntvangtRegeling(reg.ID)
				switch uit[i].Oordeel {
				case regels.Recht:
					w.Recht++
					if krijgt {
						w.Ontvangt++
					}
				case regels.GeenRecht:
					w.GeenRecht++
				default:
					w.Onzeker++
				}
			}
		})
		for _, ru := range u.Regelingen {
			w := want[ru.ID]
			got := ru.Totaal
			if got.Huishoudens != w.Huishoudens || got.Recht != w.Recht || got.GeenRecht != w.GeenRecht || got.Onzeker != w.Onzeker || got.Ontvangt != w.Ontvangt {
				t.Errorf("%s: got %+v, want %+v", ru.ID, got, *w)
			}
			if len(ru.NietGebruik) != got.NietGebruik() {
				t.Errorf("%s: %d on the list, want %d", ru.ID, len(ru.NietGebruik), got.NietGebruik())
			}
			som := 0
			for _, g := range ru.Groepen[register.DimDorp] {
				som += g.Telling.Recht
			}
			if som != got.Recht {
				t.Errorf("%s: recht per woonplaats adds up to %d, want %d", ru.ID, som, got.Recht)
			}
		}
		var lijst bytes.Buffer
		n, err := u.SchrijfBereiklijstCSV(&lijst, "participatie_volwassenen")
		if err != nil || n == 0 {
			t.Fatalf("outreach list: %d rows, %v", n, err)
		}
		eerste := strings.Split(lijst.String(), "\n")[1]
		if !strings.Contains(eerste, "participatie_volwassenen") || !strings.Contains(eerste, "inkomen") {
			t.Errorf("first outreach row has no regeling or B1 reason: %s", eerste)
		}
	})
}
