package netwerk_test

import (
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// TestVerwijzingCijfersJaargrens: a year begins at midnight in Europe/Amsterdam, 23:00 UTC on
// 31 December — also where SQLite reads the year through index netwerk_verwijzing_cijfers (its
// expression on the stored UTC text), and a quarter starting in summer time begins at 22:00 UTC.
func TestVerwijzingCijfersJaargrens(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		klok := nu
		o := metKlok(t, db, &klok)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		hum := o.partner(t, "Humanitas", "GM0175")
		for _, op := range []time.Time{
			time.Date(2026, 6, 30, 22, 30, 0, 0, time.UTC),           // 1 July 00:30 in Amsterdam: K3
			time.Date(2026, 12, 31, 22, 59, 59, 999999000, time.UTC), // 23:59:59 in Amsterdam: 2026
			time.Date(2026, 12, 31, 23, 0, 0, 0, time.UTC),           // midnight: 2027
			time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC),          // 2027
		} {
			klok = op
			if _, err := o.net.Verwijs(ctx, nieuweVerwijzing("GM0175", hum)); err != nil {
				t.Fatal(err)
			}
		}
		for p, want := range map[netwerk.Periode]int{{Jaar: 2026}: 2, {Jaar: 2026, Kwartaal: 2}: 0, {Jaar: 2026, Kwartaal: 3}: 1,
			{Jaar: 2026, Kwartaal: 4}: 1, {Jaar: 2027}: 2, {Jaar: 2027, Kwartaal: 1}: 2, {Jaar: 2025}: 0} {
			c, err := o.net.VerwijzingCijfersVan(ctx, "GM0175", netwerk.NaarPartner, p)
			if err != nil || c.Totaal.Verstuurd != want {
				t.Errorf("%s: %d sent, want %d (%v)", p, c.Totaal.Verstuurd, want, err)
			}
		}
	})
}
