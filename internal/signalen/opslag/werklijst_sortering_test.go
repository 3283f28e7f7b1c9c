package opslag_test

import (
	"cmp"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/synth"
)

// TestWerklijstSortering checks every order of the worklist on both dialects: the exact order of zaken
// with distinct and with equal values (the id breaks ties), over open and all statuses, and paging
// (each page continues the previous one, without overlap or gap).
func TestWerklijstSortering(t *testing.T) {
	bsns := synth.BSNs()
	dag := func(d int) time.Time { return time.Date(2026, time.March, d, 9, 0, 0, 0, time.UTC) }
	crisis := func(s signalen.Signaal) signalen.Signaal {
		s.Crisis, s.CrisisSoort = true, signalen.CrisisAfsluitingEnergie
		return s
	}
	// Deliveries on three days; resident i of testIndex is household Hi. Crisis deadline = receipt + 3
	// working days: Mon 2 Mar → Thu 5 Mar, Tue 3 Mar → Fri 6 Mar, Wed 4 Mar → Mon 9 Mar.
	leveringen := []struct {
		dag  int
		sigs []signalen.Signaal
	}{
		{2, []signalen.Signaal{
			signaal("S0", signalen.PartnerHuur, 500, bsns[0], "", 0),
			signaal("S1", signalen.PartnerHuur, 300, bsns[1], "", 0),
			crisis(signaal("S6", signalen.PartnerEnergie, 700, bsns[6], "", 0)),
		}},
		{3, []signalen.Signaal{
			signaal("S2", signalen.PartnerHuur, 300, bsns[2], "", 0),
			crisis(signaal("S3", signalen.PartnerEnergie, 100, bsns[3], "", 0)),
			crisis(signaal("S7", signalen.PartnerEnergie, 20, bsns[7], "", 0)),
		}},
		{4, []signalen.Signaal{
			crisis(signaal("S4", signalen.PartnerEnergie, 200, bsns[4], "", 0)),
			signaal("S5", signalen.PartnerZorg, 50, bsns[5], "", 0),
		}},
	}
	for _, db := range databases(t, maart) {
		t.Run(db.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			for i, l := range leveringen {
				db.zet(dag(l.dag))
				if _, err := db.store.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: fmt.Sprint("p", i), Signalen: l.sigs}, testIndex()); err != nil {
					t.Fatal(err)
				}
			}
			db.zet(dag(4))
			alle, n, err := db.store.Werklijst(ctx, "GM0175", opslag.Filter{})
			if err != nil || n != 8 {
				t.Fatalf("%d zaken (%v), want 8", n, err)
			}
			id := map[string]int64{}
			for _, z := range alle {
				id[z.HuishoudenID] = z.ID
			}
			// verwacht writes groups of households with equal sort values in order, each group by id
			// (descending for nieuwste eerst).
			verwacht := func(desc bool, groepen ...[]string) []int64 {
				var out []int64
				for _, g := range groepen {
					var ids []int64
					for _, h := range g {
						ids = append(ids, id[h])
					}
					slices.SortFunc(ids, func(a, b int64) int {
						if desc {
							return cmp.Compare(b, a)
						}
						return cmp.Compare(a, b)
					})
					out = append(out, ids...)
				}
				return out
			}
			// Priority order as the domain defines it (signalen.VergelijkPrioriteit).
			prio := make([]*signalen.Zaak, len(alle))
			for i := range alle {
				prio[i] = &alle[i]
			}
			signalen.SorteerWerklijst(prio)
			var prioIDs []int64
			for _, z := range prio {
				prioIDs = append(prioIDs, z.ID)
			}
			for _, tc := range []struct {
				s    opslag.Sortering
				want []int64
			}{
				{"", prioIDs},
				{opslag.SorteerPrioriteit, prioIDs},
				// H6 crisis 5 Mar; H3 and H7 crisis 6 Mar, H7 first (minor children); H4 crisis 9 Mar; then the rest.
				{opslag.SorteerPrioriteit, verwacht(false, []string{"H6"}, []string{"H7"}, []string{"H3"}, []string{"H4"})},
				{opslag.SorteerNieuwste, verwacht(true, []string{"H4", "H5"}, []string{"H2", "H3", "H7"}, []string{"H0", "H1", "H6"})},
				{opslag.SorteerOudste, verwacht(false, []string{"H0", "H1", "H6"}, []string{"H2", "H3", "H7"}, []string{"H4", "H5"})},
				// €700, €500, €300 twice, €200, €100, €50, €20.
				{opslag.SorteerBedrag, verwacht(false, []string{"H6"}, []string{"H0"}, []string{"H1", "H2"}, []string{"H4"},
					[]string{"H3"}, []string{"H5"}, []string{"H7"})},
				// Deadlines first, earliest first; zaken without one after them, by id.
				{opslag.SorteerDeadline, verwacht(false, []string{"H6"}, []string{"H3", "H7"}, []string{"H4"},
					[]string{"H0", "H1", "H2", "H5"})},
			} {
				for _, status := range []signalen.ZaakStatus{"", opslag.StatusAlle} {
					naam := fmt.Sprintf("%q/%q", tc.s, status)
					got, _, err := db.store.Werklijst(ctx, "GM0175", opslag.Filter{Sortering: tc.s, Status: status})
					if err != nil {
						t.Fatalf("%s: %v", naam, err)
					}
					if ids := zaakIDsVan(got)[:len(tc.want)]; !slices.Equal(ids, tc.want) {
						t.Errorf("%s: order %v, want %v", naam, ids, tc.want)
					}
					// Paging in threes continues each page without overlap or gap.
					var gepaged []int64
					for vanaf := 0; vanaf < 12; vanaf += 3 {
						p, n, err := db.store.Werklijst(ctx, "GM0175", opslag.Filter{Sortering: tc.s, Status: status, Limiet: 3, Vanaf: vanaf})
						if err != nil || n != 8 {
							t.Fatalf("%s vanaf %d: %d (%v)", naam, vanaf, n, err)
						}
						gepaged = append(gepaged, zaakIDsVan(p)...)
					}
					if full := zaakIDsVan(got); !slices.Equal(gepaged, full) {
						t.Errorf("%s: pages %v, want %v", naam, gepaged, full)
					}
				}
			}
			// An order only from the list: no SQL from outside.
			for _, s := range []opslag.Sortering{"z.id", "bedrag; DROP TABLE signalen_zaak", "Nieuwste"} {
				if s.Geldig() {
					t.Errorf("%q valid", s)
				}
				if _, _, err := db.store.Werklijst(ctx, "GM0175", opslag.Filter{Sortering: s}); err == nil {
					t.Errorf("sortering %q: no error", s)
				}
			}
		})
	}
}

func zaakIDsVan(zs []signalen.Zaak) []int64 {
	out := make([]int64, len(zs))
	for i, z := range zs {
		out[i] = z.ID
	}
	return out
}
