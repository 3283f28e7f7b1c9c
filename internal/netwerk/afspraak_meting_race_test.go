package netwerk_test

import (
	"errors"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// TestMetingGelijktijdig: on PostgreSQL two forms opened at the same version race; the one whose UPDATE
// waits for the other's commit finds no row at its version any more and must get ErrMetingVerouderd,
// not a success (with an audit row) for a value that was never stored.
func TestMetingGelijktijdig(t *testing.T) {
	db := storetest.OpenPostgres(t)
	o := nieuw(t, db, nil)
	ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	a, err := o.net.BewaarAfspraak(ctx, netwerk.Afspraak{Gemeente: "GM1969", Naam: "Armoedepact", Soort: netwerk.Armoedepact, Bron: "Plan §1",
		Indicatoren: []netwerk.Indicator{{Naam: "Bereikte huishoudens", Streef: "100 huishoudens", Bron: "Plan §1"}}})
	if err != nil {
		t.Fatal(err)
	}
	m := netwerk.Meting{Gemeente: "GM1969", AfspraakID: a.ID, Indicator: "Bereikte huishoudens", Periode: netwerk.Periode{Jaar: 2025},
		Waarde: "87 huishoudens", Bron: "Jaarrapportage 2025, p. 4", GemetenOp: time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)}
	if _, err := o.net.LegMetingVast(ctx, m, 0); err != nil {
		t.Fatal(err)
	}
	// The other user's change, still uncommitted: it holds the row's lock.
	ander, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ander.Rollback()
	if _, err := ander.ExecContext(ctx, `UPDATE netwerk_afspraak_meting SET waarde = 'van de ander', versie = 2 WHERE afspraak_id = $1`, a.ID); err != nil {
		t.Fatal(err)
	}
	klaar := make(chan error, 1)
	go func() {
		mijn := m
		mijn.Waarde = "91 huishoudens"
		_, err := o.net.LegMetingVast(ctx, mijn, 1)
		klaar <- err
	}()
	// Wait until our UPDATE waits on the other's lock, then commit the other.
	for i := 0; ; i++ {
		var n int
		if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE netwerk_afspraak_meting%'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			break
		}
		if i > 500 {
			t.Fatal("the second UPDATE never waited on the lock")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := ander.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-klaar; !errors.Is(err, netwerk.ErrMetingVerouderd) {
		t.Errorf("the losing form: %v, want ErrMetingVerouderd", err)
	}
	ms, err := o.net.Metingen(ctx, "GM1969", a.ID)
	if err != nil || len(ms) != 1 || ms[0].Waarde != "van de ander" {
		t.Errorf("stored: %+v %v", ms, err)
	}
}

// TestMetingGelijktijdigNieuw: two new forms for the same indicator and period race on PostgreSQL; the
// INSERT that waits on the other's unique key gets ErrMetingVerouderd (the form then shows the stored
// value), not a bare conflict the page words as "this agreement does not exist".
func TestMetingGelijktijdigNieuw(t *testing.T) {
	db := storetest.OpenPostgres(t)
	o := nieuw(t, db, nil)
	ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	a, err := o.net.BewaarAfspraak(ctx, netwerk.Afspraak{Gemeente: "GM1969", Naam: "Armoedepact", Soort: netwerk.Armoedepact, Bron: "Plan §1",
		Indicatoren: []netwerk.Indicator{{Naam: "Bereikte huishoudens", Streef: "100 huishoudens", Bron: "Plan §1"}}})
	if err != nil {
		t.Fatal(err)
	}
	ander, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ander.Rollback()
	if _, err := ander.ExecContext(ctx, `INSERT INTO netwerk_afspraak_meting (gemeente, afspraak_id, indicator, periode, waarde, bron, gemeten_op, versie, gewijzigd)
		VALUES ('GM1969', $1, 'Bereikte huishoudens', '2025', 'van de ander', 'Bron', '2026-01-10', 1, $2)`, a.ID, nu); err != nil {
		t.Fatal(err)
	}
	klaar := make(chan error, 1)
	go func() {
		_, err := o.net.LegMetingVast(ctx, netwerk.Meting{Gemeente: "GM1969", AfspraakID: a.ID, Indicator: "Bereikte huishoudens", Periode: netwerk.Periode{Jaar: 2025},
			Waarde: "87 huishoudens", Bron: "Jaarrapportage 2025, p. 4", GemetenOp: time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)}, 0)
		klaar <- err
	}()
	for i := 0; ; i++ {
		var n int
		if err := db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO netwerk_afspraak_meting%'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			break
		}
		if i > 500 {
			t.Fatal("the second INSERT never waited on the key")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := ander.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-klaar; !errors.Is(err, netwerk.ErrMetingVerouderd) {
		t.Errorf("the losing new form: %v, want ErrMetingVerouderd", err)
	}
}
