package zaken_test

import (
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestWerklijst: nearest deadline first, zaken without an open deadline last; filters by status,
// village and route; paging.
func TestWerklijst(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-10 09:00"), 6, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			recs := o.recs["GM1681"]
			start := func(i int, gestart string, crisis bool, route zaken.Route) int64 {
				h := zaken.Hulpvraag{HuishoudenID: recs[i].ID, Kanaal: zaken.Balie, Route: route, Gestart: op(gestart), Crisis: crisis}
				if crisis {
					h.CrisisSoort = zaken.CrisisOntruiming
				}
				id, err := o.svc.Start(ctx, "GM1681", h, consulent)
				if err != nil {
					t.Fatal(err)
				}
				return id
			}
			a := start(0, "2026-03-02 09:00", false, zaken.Schuldhulp)                                              // 30 March
			b := start(1, "2026-03-09 09:00", true, zaken.Schuldhulp)                                               // 12 March
			c := start(2, "2026-02-23 09:00", false, zaken.Ondernemers)                                             // 23 March
			e := start(3, "2026-03-10 08:00", false, zaken.Schuldhulp)                                              // 7 April
			if err := o.svc.EersteGesprek(ctx, "GM1681", e, 1, d("2026-03-10"), false, "", consulent); err != nil { // decision by 5 May (Bevrijdingsdag) → 6 May
				t.Fatal(err)
			}
			f := start(4, "2026-03-10 08:00", false, zaken.Schuldhulp)
			if err := o.svc.Beeindig(ctx, "GM1681", f, 1, zaken.RedenZelf, d("2026-03-10"), "Zelf opgelost.", consulent); err != nil {
				t.Fatal(err)
			}
			ids := func(rs []zaken.Rij) []int64 {
				var out []int64
				for _, r := range rs {
					out = append(out, r.ID)
				}
				return out
			}
			for _, tc := range []struct {
				naam   string
				f      zaken.Filter
				want   []int64
				totaal int
			}{
				{"open", zaken.Filter{}, []int64{b, c, a, e}, 4},
				{"alle", zaken.Filter{Status: zaken.StatusAlle}, []int64{b, c, a, e, f}, 5},
				{"intake", zaken.Filter{Status: zaken.Intake}, []int64{e}, 1},
				{"beëindigd", zaken.Filter{Status: zaken.Beeindigd}, []int64{f}, 1},
				{"route", zaken.Filter{Route: zaken.Ondernemers}, []int64{c}, 1},
				{"pagina 2", zaken.Filter{Limiet: 2, Vanaf: 2}, []int64{a, e}, 4},
				// A capped count: below the cap exact, at the cap exact, above it cap+1 ("more than"); the
				// rows are the same whatever the cap.
				{"tel tot 10", zaken.Filter{TelTot: 10}, []int64{b, c, a, e}, 4},
				{"tel tot 4", zaken.Filter{TelTot: 4}, []int64{b, c, a, e}, 4},
				{"tel tot 3", zaken.Filter{TelTot: 3}, []int64{b, c, a, e}, 4},
				{"tel tot 2", zaken.Filter{TelTot: 2}, []int64{b, c, a, e}, 3},
				{"tel tot 1, pagina 2", zaken.Filter{TelTot: 1, Limiet: 2, Vanaf: 2}, []int64{a, e}, 2},
				{"alle, tel tot 4", zaken.Filter{Status: zaken.StatusAlle, TelTot: 4}, []int64{b, c, a, e, f}, 5},
				{"alle, tel tot 5", zaken.Filter{Status: zaken.StatusAlle, TelTot: 5}, []int64{b, c, a, e, f}, 5},
				{"route, tel tot 1", zaken.Filter{Route: zaken.Ondernemers, TelTot: 1}, []int64{c}, 1},
				{"intake, tel tot 1", zaken.Filter{Status: zaken.Intake, TelTot: 1}, []int64{e}, 1},
				{"dorp", zaken.Filter{Woonplaats: recs[1].H.Woonplaats, Status: zaken.StatusAlle}, nil, -1},
			} {
				rs, n, err := o.svc.Werklijst(ctx, "GM1681", tc.f)
				if err != nil {
					t.Fatal(err)
				}
				if tc.totaal < 0 { // the village filter: every row is of that village, and the count matches
					for _, r := range rs {
						if r.Woonplaats != tc.f.Woonplaats {
							t.Errorf("%s: %s", tc.naam, r.Woonplaats)
						}
					}
					if n != len(rs) || n == 0 {
						t.Errorf("%s: %d rijen, totaal %d", tc.naam, len(rs), n)
					}
					continue
				}
				if got := ids(rs); n != tc.totaal || len(got) != len(tc.want) || (len(got) > 0 && got[0] != tc.want[0]) || !gelijk(got, tc.want) {
					t.Errorf("%s: %v (totaal %d), want %v (%d)", tc.naam, got, n, tc.want, tc.totaal)
				}
			}
			rs, _, _ := o.svc.Werklijst(ctx, "GM1681", zaken.Filter{Status: zaken.Intake})
			if rs[0].VolgendeDeadline != d("2026-05-06") || rs[0].RegisseurNaam != consulent.Naam {
				t.Errorf("intake: %+v", rs[0])
			}
			if _, _, err := o.svc.Werklijst(ctx, "GM1681", zaken.Filter{Status: "kwijt"}); err == nil {
				t.Error("onbekende status geaccepteerd")
			}
			if _, _, err := o.svc.Werklijst(ctx, "GM1681", zaken.Filter{Route: "crisis"}); err == nil {
				t.Error("onbekende route geaccepteerd")
			}
			if _, _, err := o.svc.Werklijst(ctx, "GM1681", zaken.Filter{TelTot: -1}); err == nil {
				t.Error("negatieve tel-tot geaccepteerd")
			}
			// The filters with their own SQL (a step, a team, statushouder) inside the capped count.
			for _, f := range []zaken.Filter{{Stap: zaken.AlleStappen()[0], TelTot: 1}, {Team: zaken.GeenTeam, TelTot: 2}, {Team: 7, TelTot: 2}, {Statushouder: true, TelTot: 2}} {
				rs, n, err := o.svc.Werklijst(ctx, "GM1681", f)
				wantN, wantRijen := 0, 0
				if f.Team == zaken.GeenTeam {
					wantN, wantRijen = 3, 4 // all 4 open zaken are without a team: counted up to the cap of 2, plus one
				}
				if err != nil || n != wantN || len(rs) != wantRijen {
					t.Errorf("%+v: %d rijen, totaal %d: %v", f, len(rs), n, err)
				}
			}
		})
	}
}

func gelijk(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestBewaartermijn: the daily job deletes closed zaken whose term passed (per end status), keeps
// statuses without a term and open zaken, and removes the plan of a household without zaken.
func TestBewaartermijn(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 3, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			recs := o.recs["GM1681"]
			var ids []int64
			for i := range 3 {
				id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: recs[i].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:00")}, consulent)
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, id)
			}
			det, _ := o.svc.Zaak(ctx, "GM1681", ids[0])
			if err := o.svc.VoegDoelToe(ctx, "GM1681", ids[0], det.Regie.Versie, zaken.NieuwDoel{Domein: zaken.DomeinGeld, Omschrijving: "Rust"}, consulent); err != nil {
				t.Fatal(err)
			}
			if err := o.svc.Beeindig(ctx, "GM1681", ids[0], 1, zaken.RedenVerhuisd, d("2026-03-02"), "Verhuisd naar elders.", consulent); err != nil {
				t.Fatal(err)
			}
			if err := o.svc.EersteGesprek(ctx, "GM1681", ids[1], 1, d("2026-03-02"), true, "", consulent); err != nil {
				t.Fatal(err)
			}
			in, _ := o.svc.Instellingen(ctx, "GM1681")
			in.Bewaren = map[zaken.Status]int{zaken.Beeindigd: 12} // afgezien: not set
			if err := o.svc.ZetInstellingen(ctx, "GM1681", in); err != nil {
				t.Fatal(err)
			}
			o.zet(op("2027-03-02 12:00")) // exactly 12 months: not yet
			res, err := o.svc.Bewaar(ctx, "GM1681")
			if err != nil || res.Zaken != 0 || len(res.NietIngesteld) != 3 {
				t.Fatalf("na 12 maanden: %+v %v", res, err)
			}
			o.zet(op("2027-03-03 12:00"))
			res, err = o.svc.Bewaar(ctx, "GM1681")
			if err != nil || res.Zaken != 1 {
				t.Fatalf("na 12 maanden en een dag: %+v %v", res, err)
			}
			if _, err := o.svc.Zaak(ctx, "GM1681", ids[0]); err == nil {
				t.Error("beëindigde zaak bestaat nog")
			}
			for _, id := range ids[1:] { // afgezien without a term, and the open zaak
				if _, err := o.svc.Zaak(ctx, "GM1681", id); err != nil {
					t.Errorf("zaak %d: %v", id, err)
				}
			}
			var n int
			if err := o.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM zaken_doel WHERE gemeente = 'GM1681'`).Scan(&n); err != nil || n != 0 {
				t.Errorf("doelen over: %d %v", n, err)
			}
			if rs := o.auditRijen(t, "GM1681", audit.Filter{Operatie: "zaken.bewaartermijn"}); len(rs) != 1 || rs[0].Aantal != 1 {
				t.Errorf("audit: %+v", rs)
			}
		})
	}
}
