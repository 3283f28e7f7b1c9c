package netwerk_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// kolommen are the columns Beantwoord keeps on a referral for the monitor's counts (migration 0907).
type kolommen struct {
	Eerste    string
	Werkdagen int
	Hulp      int
}

// TestVerwijzingCijferKolommen: the columns Beantwoord keeps on the referral (first answer, working days
// to it, help started) equal what the status history gives — also for an answer across Easter (Goede
// Vrijdag, the weekend and Tweede Paasdag do not count) and for a referral sent and answered late in the
// evening (the day is the one in Europe/Amsterdam, not in UTC). Migration 0907's fill of existing
// referrals (SQL, then the working days in Go at the first count) gives the same columns and counts.
func TestVerwijzingCijferKolommen(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		klok := nu
		o := metKlok(t, db, &klok)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		hum := o.partner(t, "Humanitas", "GM0175")
		humK := netwerk.Kijker{Gebruiker: 2, Partner: hum}
		stuur := func(op time.Time) int64 {
			klok = op
			v, err := o.net.Verwijs(ctx, nieuweVerwijzing("GM0175", hum))
			if err != nil {
				t.Fatal(err)
			}
			return v.ID
		}
		antwoord := func(op time.Time, id int64, st netwerk.VStatus) {
			klok = op
			if err := o.net.Beantwoord(ctx, "GM0175", id, humK, st, "reden"); err != nil {
				t.Fatal(id, st, err)
			}
		}
		utc := func(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, time.UTC) }
		// 22:30 UTC on Wednesday 1 April is Thursday 2 April in Amsterdam; 22:30 UTC on Monday 6 April is
		// Tuesday 7 April: Goede Vrijdag, Saturday, Sunday and Tweede Paasdag in between, 1 working day.
		a := stuur(utc(time.April, 1, 22, 30))
		b := stuur(utc(time.April, 2, 9, 0))  // Thursday 2 April
		c := stuur(utc(time.April, 2, 10, 0)) // never answered
		d := stuur(utc(time.April, 10, 9, 0)) // Friday 10 April
		antwoord(utc(time.April, 6, 22, 30), a, netwerk.Geaccepteerd)
		antwoord(utc(time.April, 8, 9, 0), b, netwerk.Afgewezen) // Wednesday 8 April: 2 working days
		antwoord(utc(time.April, 9, 9, 0), a, netwerk.ContactGelegd)
		antwoord(utc(time.April, 10, 9, 0), a, netwerk.HulpGestart)
		antwoord(utc(time.April, 13, 9, 0), d, netwerk.Geaccepteerd) // Monday 13 April: 1 working day
		antwoord(utc(time.April, 14, 9, 0), d, netwerk.Afgerond)     // straight to afgerond: no help started
		antwoord(utc(time.April, 15, 9, 0), a, netwerk.Afgerond)

		lees := func() map[int64]kolommen {
			t.Helper()
			uit := map[int64]kolommen{}
			rows, err := db.SQL().QueryContext(ctx, `SELECT id, eerste_antwoord, werkdagen_tot_antwoord, hulp_gestart FROM netwerk_verwijzing WHERE gemeente = 'GM0175'`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				var id int64
				var k kolommen
				if err := rows.Scan(&id, &k.Eerste, &k.Werkdagen, &k.Hulp); err != nil {
					t.Fatal(err)
				}
				uit[id] = k
			}
			return uit
		}
		// What the history gives, computed the way the counts did before the columns existed.
		zone, err := termijn.Zone()
		if err != nil {
			t.Fatal(err)
		}
		uitHistorie := func() map[int64]kolommen {
			t.Helper()
			uit := map[int64]kolommen{}
			for _, id := range []int64{a, b, c, d} {
				_, hist, err := o.net.Verwijzing(ctx, "GM0175", id, netwerk.Kijker{Gebruiker: 1, Gemeente: true})
				if err != nil {
					t.Fatal(err)
				}
				k := kolommen{Werkdagen: -1}
				var verstuurd time.Time
				for _, r := range hist {
					switch r.Status {
					case netwerk.Verstuurd:
						verstuurd = r.Op
					case netwerk.Geaccepteerd, netwerk.Afgewezen:
						if k.Eerste == "" {
							k.Eerste, k.Werkdagen = string(r.Status), termijn.WerkdagenTussen(datum.Van(verstuurd, zone), datum.Van(r.Op, zone))
						}
					case netwerk.HulpGestart:
						k.Hulp = 1
					}
				}
				uit[id] = k
			}
			return uit
		}
		want := map[int64]kolommen{a: {"geaccepteerd", 1, 1}, b: {"afgewezen", 2, 0}, c: {"", -1, 0}, d: {"geaccepteerd", 1, 0}}
		vergelijk := func(waar string) {
			t.Helper()
			got, hist := lees(), uitHistorie()
			for id, w := range want {
				if got[id] != w || hist[id] != w {
					t.Errorf("%s: referral %d: columns %+v, history %+v, want %+v", waar, id, got[id], hist[id], w)
				}
			}
		}
		vergelijk("Beantwoord")
		tel := func() netwerk.Telling {
			t.Helper()
			c, err := o.net.VerwijzingCijfersVan(ctx, "GM0175", netwerk.NaarPartner, netwerk.Periode{Jaar: 2026, Kwartaal: 2})
			if err != nil {
				t.Fatal(err)
			}
			return c.Totaal
		}
		voor := tel()
		if voor.Verstuurd != 4 || voor.Geaccepteerd != 2 || voor.Afgewezen != 1 || voor.GeenAntwoord != 1 || voor.HulpGestart != 1 ||
			len(voor.Werkdagen) != 3 || voor.Werkdagen[0] != 1 || voor.Werkdagen[1] != 1 || voor.Werkdagen[2] != 2 {
			t.Errorf("telling %+v", voor)
		}

		// Referrals that existed before migration 0907: the columns at their defaults, then the
		// migration's UPDATE statements, then the working days in Go at the first count.
		if _, err := db.SQL().ExecContext(ctx, `UPDATE netwerk_verwijzing SET eerste_antwoord = '', werkdagen_tot_antwoord = -1, hulp_gestart = 0`); err != nil {
			t.Fatal(err)
		}
		ms, err := store.Migrations(db.Dialect())
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range ms {
			if m.Version != 907 {
				continue
			}
			for _, stmt := range strings.Split(m.SQL, ";") {
				var regels []string
				for _, r := range strings.Split(stmt, "\n") {
					if !strings.HasPrefix(strings.TrimSpace(r), "--") {
						regels = append(regels, r)
					}
				}
				if stmt = strings.TrimSpace(strings.Join(regels, "\n")); strings.HasPrefix(stmt, "UPDATE") {
					if _, err := db.SQL().ExecContext(ctx, stmt); err != nil {
						t.Fatal(stmt, err)
					}
					n++
				}
			}
		}
		if n != 3 {
			t.Fatalf("%d UPDATE statements in migration 0907, want 3", n)
		}
		if got := lees(); got[a] != (kolommen{"geaccepteerd", -2, 1}) || got[c] != (kolommen{"", -1, 0}) {
			t.Errorf("after the migration's SQL: %+v", got)
		}
		na := tel()
		vergelijk("migratie")
		if na.Verstuurd != voor.Verstuurd || na.Geaccepteerd != voor.Geaccepteerd || na.Afgewezen != voor.Afgewezen ||
			na.HulpGestart != voor.HulpGestart || !slices.Equal(na.Werkdagen, voor.Werkdagen) {
			t.Errorf("after the fill %+v, before %+v", na, voor)
		}
	})
}
