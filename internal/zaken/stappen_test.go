package zaken_test

import (
	"errors"
	"testing"

	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestStappenEnMarkering: the ondernemers steps only on their route, the moratorium (Wgs art. 5) on
// any open zaak, the statushouder marker, and both filters of the worklist.
func TestStappenEnMarkering(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 3, "GM1681") {
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
			ond, shv := start(0, zaken.Ondernemers), start(1, zaken.Schuldhulp)
			if err := o.svc.LegStapVast(ctx, "GM1681", shv, 1, zaken.StapROZ, d("2026-03-02"), "", consulent); veldVan(err) != "stap" {
				t.Errorf("ROZ op route schuldhulp: %v", err)
			}
			if err := o.svc.LegStapVast(ctx, "GM1681", ond, 1, "kwijt", d("2026-03-02"), "", consulent); veldVan(err) != "stap" {
				t.Errorf("onbekende stap: %v", err)
			}
			if err := o.svc.LegStapVast(ctx, "GM1681", ond, 1, zaken.StapBbz, d("2026-03-03"), "", consulent); veldVan(err) != "stap-datum" {
				t.Errorf("stap in de toekomst: %v", err)
			}
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			must(o.svc.LegStapVast(ctx, "GM1681", ond, 1, zaken.StapROZ, d("2026-03-02"), "Doorverwezen voor het bedrijf.", consulent))
			must(o.svc.LegStapVast(ctx, "GM1681", ond, 2, zaken.StapBbz, d("2026-03-02"), "", consulent))
			must(o.svc.LegStapVast(ctx, "GM1681", shv, 1, zaken.StapMoratorium, d("2026-03-02"), "Ontruiming dreigt.", consulent))
			if err := o.svc.LegStapVast(ctx, "GM1681", shv, 1, zaken.StapMoratorium, d("2026-03-02"), "", consulent); !errors.Is(err, zaken.ErrVerouderd) {
				t.Errorf("verouderd: %v", err)
			}
			must(o.svc.ZetStatushouder(ctx, "GM1681", shv, 2, true, consulent))
			if err := o.svc.ZetStatushouder(ctx, "GM1681", shv, 3, true, consulent); veldVan(err) != "statushouder" {
				t.Errorf("twee keer markeren: %v", err)
			}
			det, err := o.svc.Zaak(ctx, "GM1681", ond)
			if err != nil {
				t.Fatal(err)
			}
			if len(det.Stappen) != 2 || det.Stappen[0].Stap != zaken.StapROZ || det.Stappen[0].Toelichting != "Doorverwezen voor het bedrijf." || det.Stappen[1].Stap != zaken.StapBbz || det.Zaak.Statushouder {
				t.Errorf("stappen %+v, statushouder %v", det.Stappen, det.Zaak.Statushouder)
			}
			if z := mustZaak(t, o, "GM1681", shv); !z.Statushouder {
				t.Error("markering niet opgeslagen")
			}
			for _, tc := range []struct {
				f    zaken.Filter
				want []int64
			}{
				{zaken.Filter{Statushouder: true}, []int64{shv}},
				{zaken.Filter{Stap: zaken.StapMoratorium}, []int64{shv}},
				{zaken.Filter{Stap: zaken.StapBbz}, []int64{ond}},
				{zaken.Filter{Stap: zaken.StapROZ, Statushouder: true}, nil},
				{zaken.Filter{}, []int64{ond, shv}},
			} {
				rs, n, err := o.svc.Werklijst(ctx, "GM1681", tc.f)
				if err != nil {
					t.Fatal(err)
				}
				var got []int64
				for _, r := range rs {
					got = append(got, r.ID)
				}
				if n != len(tc.want) || len(got) != len(tc.want) || (len(got) > 0 && (got[0] != tc.want[0] || got[len(got)-1] != tc.want[len(tc.want)-1])) {
					t.Errorf("filter %+v: %v (%d), want %v", tc.f, got, n, tc.want)
				}
			}
			if _, _, err := o.svc.Werklijst(ctx, "GM1681", zaken.Filter{Stap: "x"}); !errors.Is(err, zaken.ErrOngeldig) {
				t.Errorf("onbekende stap in filter: %v", err)
			}
			// Ended: no steps any more.
			must(o.svc.Beeindig(ctx, "GM1681", ond, 3, zaken.RedenZelf, d("2026-03-02"), "Zelf opgelost.", consulent))
			if err := o.svc.LegStapVast(ctx, "GM1681", ond, 4, zaken.StapBbz, d("2026-03-02"), "", consulent); !errors.Is(err, zaken.ErrStatus) {
				t.Errorf("stap op gesloten zaak: %v", err)
			}
		})
	}
}
