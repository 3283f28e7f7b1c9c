package zaken_test

import (
	"testing"

	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestStatushoudersPerJaar: per year of the start the zaken started and those marked statushouder or
// inburgeraar, years without zaken in between, all years last, another gemeente apart.
func TestStatushoudersPerJaar(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 4, "GM1681", "GM1969") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			recs := o.recs["GM1681"]
			leeg, err := o.svc.StatushoudersPerJaar(ctx, "GM1681")
			if err != nil || len(leeg) != 1 || leeg[0] != (zaken.Doelgroepjaar{}) {
				t.Fatalf("zonder zaken: %+v %v", leeg, err)
			}
			start := func(i int, wanneer string) int64 {
				id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: recs[i].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op(wanneer)}, consulent)
				if err != nil {
					t.Fatal(err)
				}
				return id
			}
			oud := start(0, "2024-11-04 10:00")
			if err := o.svc.Beeindig(ctx, "GM1681", oud, 1, zaken.RedenVerhuisd, d("2024-11-05"), "Verhuisd.", consulent); err != nil {
				t.Fatal(err)
			}
			a, b := start(1, "2026-03-02 08:00"), start(2, "2026-03-02 08:30")
			start(3, "2026-03-02 08:45")
			for _, id := range []int64{oud, a, b} {
				det, _ := o.svc.Zaak(ctx, "GM1681", id)
				if err := o.svc.ZetStatushouder(ctx, "GM1681", id, det.Zaak.Versie, true, consulent); err != nil {
					t.Fatal(err)
				}
			}
			got, err := o.svc.StatushoudersPerJaar(ctx, "GM1681")
			if err != nil {
				t.Fatal(err)
			}
			want := []zaken.Doelgroepjaar{{2024, 1, 1}, {2025, 0, 0}, {2026, 3, 2}, {0, 4, 3}}
			if len(got) != len(want) {
				t.Fatalf("jaren: %+v", got)
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("jaar %d: %+v, want %+v", i, got[i], want[i])
				}
			}
			// the same counts ride with the indicators of the zaken page (kept in memory with them)
			ind, err := o.svc.IndicatorenPerJaar(ctx, "GM1681")
			if err != nil || len(ind) != 4 || ind[0].Doelgroep != want[0] || ind[2].Doelgroep != want[2] || ind[3].Doelgroep != want[3] {
				t.Errorf("indicatoren: %+v %v", ind, err)
			}
			if ander, _ := o.svc.StatushoudersPerJaar(ctx, "GM1969"); len(ander) != 1 || ander[0].Gestart != 0 {
				t.Errorf("andere gemeente: %+v", ander)
			}
		})
	}
}

// TestPubliceer: the small-number rule of zaken-netwerk-monitor.md §4.5 as the zaken page applies it.
func TestPubliceer(t *testing.T) {
	for n, want := range map[int]string{0: "0", 1: "<5", 4: "<5", 5: "5", 7: "5", 8: "10", 12: "10", 13: "15", 149: "150", 1234: "1235"} {
		if got := zaken.PubliceerTelling(n); got != want {
			t.Errorf("PubliceerTelling(%d) = %q, want %q", n, got, want)
		}
	}
	if _, ok := zaken.PubliceerAandeel(3, 99); ok {
		t.Error("aandeel met noemer 99 getoond")
	}
	if p, ok := zaken.PubliceerAandeel(7, 140); !ok || p != 5.0 {
		t.Errorf("aandeel 7/140 = %v %v", p, ok)
	}
}
