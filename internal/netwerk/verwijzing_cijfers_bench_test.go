package netwerk_test

import (
	"database/sql"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// BenchmarkVerwijzingCijfers is the monitor page's query over 100,000 referrals of one gemeente in
// 2026 (20 partners, 16 needs; every referral has its 'verstuurd' row, 80% an answer, 30% hulp_gestart:
// about 250,000 history rows), for the year and for one quarter. SQLite always; PostgreSQL when
// TEST_DATABASE_URL is set. The rows are written directly (Verwijs would take minutes), with the columns
// Beantwoord keeps for the counts (migration 0907); the year's totals are checked. On SQLite it also
// reports the process's CPU time per count (cpu-ms/op), which a shared machine's load does not inflate.
func BenchmarkVerwijzingCijfers(b *testing.B) {
	dialecten := []store.Dialect{store.SQLite}
	if os.Getenv("TEST_DATABASE_URL") != "" {
		dialecten = append(dialecten, store.Postgres)
	}
	for _, d := range dialecten {
		b.Run(d.String(), func(b *testing.B) {
			db := storetest.Open(b, d)
			o := nieuwB(b, db)
			ctx := audit.WithActor(b.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "bench", Naam: "bench"})
			var ps []string
			for p := range 20 {
				pr, err := o.ps.Maak(ctx, partner.Nieuw{Naam: fmt.Sprintf("Partner %d", p), Gemeente: "GM0175", Van: partner.Vandaag(nu).AddDate(-1, 0, 0)})
				if err != nil {
					b.Fatal(err)
				}
				ps = append(ps, pr.ID)
			}
			zone, err := termijn.Zone()
			if err != nil {
				b.Fatal(err)
			}
			begin := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
			err = db.Tx(ctx, func(tx *sql.Tx) error {
				vw, err := tx.PrepareContext(ctx, `INSERT INTO netwerk_verwijzing (id, gemeente, richting, partner_id, bron, bron_id, door, aangemaakt,
					inwoner_naam, behoefte, vraag, grondslag, artikel, status, status_op, eerste_antwoord, werkdagen_tot_antwoord, hulp_gestart)
					VALUES ($1, 'GM0175', 'naar_partner', $2, 'zaak', $1, 1, $3, 'Inwoner', $4, 'Vraag', 'wettelijke_taak', 'wgs-3a', $5, $6, $7, $8, $9)`)
				if err != nil {
					return err
				}
				st, err := tx.PrepareContext(ctx, `INSERT INTO netwerk_verwijzing_status (gemeente, verwijzing_id, status, op, door) VALUES ('GM0175', $1, $2, $3, 1)`)
				if err != nil {
					return err
				}
				for i := range 100000 {
					id := int64(i + 1)
					op := begin.Add(time.Duration(i) * 5 * time.Minute) // 100,000 × 5 min ≈ 347 days
					hist := []netwerk.VStatus{netwerk.Verstuurd}
					switch {
					case i%10 < 2:
					case i%10 == 2:
						hist = append(hist, netwerk.Afgewezen)
					case i%10 < 6:
						hist = append(hist, netwerk.Geaccepteerd, netwerk.ContactGelegd, netwerk.HulpGestart)
					default:
						hist = append(hist, netwerk.Geaccepteerd)
					}
					laatste := hist[len(hist)-1]
					// What Beantwoord keeps on the row (the test TestVerwijzingCijferKolommen checks it against the history).
					eerste, wd, hulp := "", -1, 0
					if len(hist) > 1 {
						eerste = string(hist[1])
						wd = termijn.WerkdagenTussen(datum.Van(op, zone), datum.Van(op.Add(time.Duration(i%5+1)*24*time.Hour), zone))
					}
					if len(hist) > 3 {
						hulp = 1
					}
					if _, err := vw.ExecContext(ctx, id, ps[i%20], op, string(netwerk.Behoeften[i%len(netwerk.Behoeften)]), string(laatste), op,
						eerste, wd, hulp); err != nil {
						return err
					}
					for j, s := range hist {
						if _, err := st.ExecContext(ctx, id, string(s), op.Add(time.Duration(j*(i%5+1))*24*time.Hour)); err != nil {
							return err
						}
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			if d == store.Postgres {
				// What autovacuum does after this many inserts: statistics (without them the planner
				// expects one row and sorts 100,000 on disk instead of hashing them) and the visibility map.
				if _, err := db.SQL().ExecContext(ctx, `VACUUM ANALYZE netwerk_verwijzing`); err != nil {
					b.Fatal(err)
				}
			}
			for _, p := range []netwerk.Periode{{Jaar: 2026}, {Jaar: 2026, Kwartaal: 2}} {
				b.Run(p.String(), func(b *testing.B) {
					cpu := procesCPU()
					for b.Loop() {
						c, err := o.net.VerwijzingCijfersVan(ctx, "GM0175", netwerk.NaarPartner, p)
						if err != nil || c.Totaal.Verstuurd == 0 || len(c.PerPartner) != 20 || len(c.PerBehoefte) != len(netwerk.Behoeften) {
							b.Fatalf("%+v %v", c.Totaal.Verstuurd, err)
						}
						// 20% without, 10% declined, 70% accepted (30% of all with help started): per 10 referrals.
						if t := c.Totaal; p.Kwartaal == 0 && (t.Verstuurd != 100000 || t.GeenAntwoord != 20000 || t.Afgewezen != 10000 ||
							t.Geaccepteerd != 70000 || t.HulpGestart != 30000 || len(t.Werkdagen) != 80000) {
							b.Fatalf("%+v", t)
						}
					}
					if d == store.SQLite { // PostgreSQL's work is in the server's process
						b.ReportMetric(float64(procesCPU()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
					}
				})
			}
		})
	}
}
