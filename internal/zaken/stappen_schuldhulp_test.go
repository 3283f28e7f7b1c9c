package zaken_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestSchuldhulpStappen: the route schuldhulp of issue 17 names stabilisatie, schuldregeling,
// budgetbeheer and a referral to beschermingsbewind. Each is a step on every open zaak (also an
// ondernemer can be stabilised or go into a schuldregeling), with its timeline line and the worklist
// filter; they have no outcome of their own.
func TestSchuldhulpStappen(t *testing.T) {
	nieuw := []zaken.Stap{zaken.StapStabilisatie, zaken.StapSchuldregeling, zaken.StapBudgetbeheer, zaken.StapBeschermingsbewind}
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 2, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			recs := o.recs["GM1681"]
			start := func(i int, r zaken.Route) int64 {
				id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: recs[i].ID, Kanaal: zaken.Balie, Route: r, Gestart: op("2026-03-02 08:45")}, consulent)
				if err != nil {
					t.Fatal(err)
				}
				return id
			}
			shv, ond := start(0, zaken.Schuldhulp), start(1, zaken.Ondernemers)
			for _, id := range []int64{shv, ond} {
				z := mustZaak(t, o, "GM1681", id)
				for _, st := range nieuw {
					if !st.Geldig() || !slices.Contains(zaken.AlleStappen(), st) || !slices.Contains(zaken.StappenVoor(z), st) {
						t.Errorf("%s on route %s: geldig %v, in AlleStappen/StappenVoor %v", st, z.Route, st.Geldig(), zaken.StappenVoor(z))
					}
					if zaken.UitkomstenVoor(st) != nil {
						t.Errorf("%s has outcomes %v", st, zaken.UitkomstenVoor(st))
					}
				}
			}
			if n := zaken.StapBeschermingsbewind.Naam(); !strings.Contains(n, "beschermingsbewind") || !strings.Contains(n, "kantonrechter") {
				t.Errorf("naam %q: the referral and who decides", n)
			}
			for i, st := range nieuw {
				if err := o.svc.LegStapVast(ctx, "GM1681", shv, 1+i, st, d("2026-03-02"), "", consulent); err != nil {
					t.Fatalf("%s: %v", st, err)
				}
			}
			if err := o.svc.LegStapVast(ctx, "GM1681", ond, 1, zaken.StapBudgetbeheer, d("2026-03-02"), "Via ROZ.", consulent); err != nil {
				t.Fatal(err)
			}
			det, err := o.svc.Zaak(ctx, "GM1681", shv)
			if err != nil {
				t.Fatal(err)
			}
			if len(det.Stappen) != 4 || det.Stappen[2].Stap != zaken.StapBudgetbeheer {
				t.Errorf("stappen %+v", det.Stappen)
			}
			var lijn bool
			for _, g := range det.Tijdlijn {
				lijn = lijn || strings.HasPrefix(g.Tekst, zaken.StapBeschermingsbewind.Naam()+" op 2026-03-02")
			}
			if !lijn {
				t.Errorf("no timeline line for the referral: %+v", det.Tijdlijn)
			}
			for _, tc := range []struct {
				st   zaken.Stap
				want int
			}{{zaken.StapBudgetbeheer, 2}, {zaken.StapBeschermingsbewind, 1}, {zaken.StapSchuldregeling, 1}, {zaken.StapStabilisatie, 1}} {
				if _, n, err := o.svc.Werklijst(ctx, "GM1681", zaken.Filter{Stap: tc.st}); err != nil || n != tc.want {
					t.Errorf("filter %s: %d (%v), want %d", tc.st, n, err, tc.want)
				}
			}
		})
	}
}
