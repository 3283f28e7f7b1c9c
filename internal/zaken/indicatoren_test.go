package zaken_test

import (
	"testing"

	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestIndicatoren computes the Wgs indicators from stored dates: the share of first conversations within
// the term (4 lid 1 and 2; a passed deadline without a conversation counts against it, one still ahead
// does not count yet), the decisions within term (4a lid 3) and the weeks from the first conversation to
// the result (4 lid 3).
func TestIndicatoren(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-04-01 12:00"), 4, "GM1969") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			start := func(i int, dag string, crisis bool) int64 {
				t.Helper()
				h := zaken.Hulpvraag{HuishoudenID: o.recs["GM1969"][i].ID, Kanaal: zaken.Telefoon, Route: zaken.Schuldhulp, Gestart: op(dag + " 09:00")}
				if crisis {
					h.Crisis, h.CrisisSoort = true, zaken.CrisisEnergie
				}
				id, err := o.svc.Start(ctx, "GM1969", h, consulent)
				if err != nil {
					t.Fatal(err)
				}
				return id
			}
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			a := start(0, "2026-01-05", false)
			must(o.svc.EersteGesprek(ctx, "GM1969", a, 1, d("2026-01-20"), false, "", consulent))
			must(o.svc.Besluit(ctx, "GM1969", a, 2, zaken.Beschikking{Soort: zaken.BesluitPlan, Datum: d("2026-01-27")}, consulent))
			must(o.svc.RondAf(ctx, "GM1969", a, 3, d("2026-03-31"), "", consulent)) // 70 days after the conversation
			b := start(1, "2026-01-05", false)
			must(o.svc.EersteGesprek(ctx, "GM1969", b, 1, d("2026-02-10"), true, "", consulent)) // late, and forgoes help
			start(2, "2026-01-05", true)                                                         // crisis, never seen: deadline 8 January passed
			start(3, "2026-03-30", false)                                                        // deadline ahead: not counted yet
			ind, err := o.svc.IndicatorenPerJaar(ctx, "GM1969")
			if err != nil {
				t.Fatal(err)
			}
			if len(ind) != 2 || ind[0].Jaar != 2026 || ind[1].Jaar != 0 {
				t.Fatalf("jaren: %+v", ind)
			}
			j := ind[0]
			if g := j.Gesprekken; g != (zaken.Termijnmaat{Beoordeeld: 3, OpTijd: 1, TeLaat: 1, NogNiet: 1}) {
				t.Errorf("gesprekken %+v", g)
			}
			if p, ok := j.Gesprekken.Aandeel(); !ok || p != 33.3 {
				t.Errorf("aandeel %v %v", p, ok)
			}
			if c := j.Crisis; c != (zaken.Termijnmaat{Beoordeeld: 1, NogNiet: 1}) {
				t.Errorf("crisis %+v", c)
			}
			if b := j.Besluiten; b != (zaken.Termijnmaat{Beoordeeld: 1, OpTijd: 1}) {
				t.Errorf("besluiten %+v", b)
			}
			if r := j.Resultaat; r != (zaken.Weken{Aantal: 1, Mediaan: 10, Gemiddelde: 10}) {
				t.Errorf("weken tot resultaat %+v", r)
			}
			if e := j.Einde; e != (zaken.Weken{Aantal: 2, Mediaan: 5, Gemiddelde: 5}) {
				t.Errorf("weken tot einde %+v", e)
			}
			if ind[1].Gesprekken != j.Gesprekken || ind[1].Resultaat != j.Resultaat {
				t.Errorf("alle jaren %+v", ind[1])
			}
		})
	}
}
