package scan

import (
	"database/sql"
	"errors"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

func TestVoorstellen(t *testing.T) {
	params, pk := testPakket(t, "GM0175")
	// Ommen has not published its reference period, so no IIT is certain; with 36 months (what-if)
	// long-term bijstand clients become ambtshalve candidates.
	pk, err := pk.Wijzig(regels.Wijziging{Pad: "open_termen.referteperiode.maanden", Waarde: "36"})
	if err != nil {
		t.Fatal(err)
	}
	pop := register.NieuwePopulatie("GM0175", peildatum, 2000)
	genereer(t, "GM0175", 1, 2000, func(r *register.Record) {
		if err := pop.Voeg(r, params); err != nil {
			t.Fatal(err)
		}
	})
	u, err := Scan(t.Context(), pop, pk)
	if err != nil {
		t.Fatal(err)
	}
	iit := u.Regeling("individuele_inkomenstoeslag")
	if iit == nil || iit.Totaal.Ambtshalve == 0 {
		t.Fatalf("no ambtshalve IIT candidates: %+v", iit)
	}
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorGebruiker, ID: "7", Naam: "Consulent Test"})
		log, err := audit.New(db, []byte("0123456789abcdef0123456789abcdef"), nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(ctx, `INSERT INTO tenants (code, name, created_at, updated_at) VALUES ('GM0175', 'Ommen', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING`); err != nil {
			t.Fatal(err)
		}
		n, err := MaakVoorstellen(ctx, db, log, u)
		if err != nil {
			t.Fatal(err)
		}
		if n != iit.Totaal.Ambtshalve {
			t.Errorf("MaakVoorstellen = %d, want %d (the ambtshalve count of the scan)", n, iit.Totaal.Ambtshalve)
		}
		if n2, err := MaakVoorstellen(ctx, db, log, u); err != nil || n2 != 0 {
			t.Errorf("second MaakVoorstellen = %d, %v; want 0 new", n2, err)
		}
		open, err := Voorstellen(ctx, db, VoorstelFilter{Gemeente: "GM0175", Status: Open})
		if err != nil || len(open) != min(n, 100) {
			t.Fatalf("open proposals: %d, %v; want %d", len(open), err, min(n, 100))
		}
		v := open[0]
		if v.Regeling != "individuele_inkomenstoeslag" || v.Bewijs.PakketHash != pk.Hash || len(v.Uitleg.Criteria) == 0 || !v.Uitleg.Ambtshalve {
			t.Errorf("proposal without trace or receipt: %+v", v)
		}
		if other, _ := Voorstellen(ctx, db, VoorstelFilter{Gemeente: "GM1969"}); len(other) != 0 {
			t.Errorf("another gemeente sees %d proposals", len(other))
		}
		if _, err := Beslis(ctx, db, log, "GM0175", v.ID, Besluit{Goedkeuren: true, Door: "consulent 7"}); !errors.Is(err, ErrGeenReden) {
			t.Errorf("decision without reason: err = %v, want ErrGeenReden", err)
		}
		if _, err := Beslis(ctx, db, log, "GM1969", v.ID, Besluit{Goedkeuren: true, Reden: "x", Door: "c"}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("decision from another gemeente: err = %v, want ErrNotFound", err)
		}
		got, err := Beslis(ctx, db, log, "GM0175", v.ID, Besluit{Goedkeuren: true, Reden: "Al vier jaar bijstand, geen zicht op werk.", Door: "consulent 7"})
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != Goedgekeurd || got.BesluitDoor != "consulent 7" || got.BesluitOp == nil || got.Bewijs != v.Bewijs {
			t.Errorf("decided proposal = %+v", got)
		}
		if _, err := Beslis(ctx, db, log, "GM0175", v.ID, Besluit{Goedkeuren: false, Reden: "toch niet", Door: "c"}); !errors.Is(err, ErrAlBeslist) {
			t.Errorf("second decision: err = %v, want ErrAlBeslist", err)
		}
		rows, err := log.Zoek(ctx, audit.Filter{Gemeente: "GM0175"})
		if err != nil {
			t.Fatal(err)
		}
		ops := map[string]int{}
		for _, r := range rows {
			ops[r.Operatie]++
		}
		if ops["ambtshalve_voorstel.maken"] != 1 || ops["ambtshalve_voorstel.goedgekeurd"] != 1 {
			t.Errorf("audit operations = %v, want one maken and one goedgekeurd", ops)
		}
		// BeslisTx: the approval is part of the caller's transaction; a rollback leaves the proposal open.
		d := &Service{DB: db, Audit: log}
		mis := errors.New("de aanvraag kon niet worden gemaakt")
		err = db.Tx(ctx, func(tx *sql.Tx) error {
			if err := d.BeslisTx(ctx, tx, "GM0175", open[1].ID, Besluit{Goedkeuren: true, Reden: "ok", Door: "c"}); err != nil {
				return err
			}
			return mis
		})
		if !errors.Is(err, mis) {
			t.Fatalf("tx: %v", err)
		}
		if v, _ := HaalVoorstel(ctx, db, nil, "GM0175", open[1].ID); v.Status != Open {
			t.Errorf("after a rollback the proposal is %s, want open", v.Status)
		}
		if err := db.Tx(ctx, func(tx *sql.Tx) error {
			return d.BeslisTx(ctx, tx, "GM0175", open[1].ID, Besluit{Goedkeuren: true, Reden: "ok", Door: "c"})
		}); err != nil {
			t.Fatal(err)
		}
		if err := db.Tx(ctx, func(tx *sql.Tx) error {
			return d.BeslisTx(ctx, tx, "GM0175", open[1].ID, Besluit{Goedkeuren: true, Reden: "nog eens", Door: "c"})
		}); !errors.Is(err, ErrAlBeslist) {
			t.Errorf("second BeslisTx: %v, want ErrAlBeslist", err)
		}
		if err := db.Tx(ctx, func(tx *sql.Tx) error {
			return d.BeslisTx(ctx, tx, "GM0175", open[2].ID, Besluit{Goedkeuren: true, Door: "c"})
		}); !errors.Is(err, ErrGeenReden) {
			t.Errorf("BeslisTx without reason: %v", err)
		}
		// The inbox's page: open ones oldest first with the village at the scan, filtered by regeling and village.
		rijen, totaal, err := d.VoorstellenInbox(ctx, InboxFilter{Gemeente: "GM0175", Limiet: 2})
		if err != nil {
			t.Fatal(err)
		}
		if totaal != len(open)-2 || len(rijen) != 2 || rijen[0].ID > rijen[1].ID || rijen[0].Woonplaats == "" || rijen[0].Status != Open {
			t.Fatalf("inbox: %d of %d, first %+v", len(rijen), totaal, rijen)
		}
		wp := rijen[0].Woonplaats
		plaatsen, err := d.VoorstelWoonplaatsen(ctx, "GM0175", Open)
		if err != nil || len(plaatsen) == 0 {
			t.Fatalf("woonplaatsen: %v %v", plaatsen, err)
		}
		in, n, err := d.VoorstellenInbox(ctx, InboxFilter{Gemeente: "GM0175", Woonplaats: wp, Regeling: rijen[0].Regeling, Nieuwste: true, Limiet: 500})
		if err != nil || n == 0 || n != len(in) {
			t.Fatalf("filtered: %d of %d, %v", len(in), n, err)
		}
		for i, r := range in {
			if r.Woonplaats != wp || r.Regeling != rijen[0].Regeling || (i > 0 && r.ID > in[i-1].ID) {
				t.Errorf("filtered row %d: %s %s %d", i, r.Woonplaats, r.Regeling, r.ID)
			}
		}
		if _, n, _ := d.VoorstellenInbox(ctx, InboxFilter{Gemeente: "GM0175", Woonplaats: "Nergenshuizen"}); n != 0 {
			t.Errorf("unknown village: %d", n)
		}
		if _, n, _ := d.VoorstellenInbox(ctx, InboxFilter{Gemeente: "GM0175", Status: Goedgekeurd}); n != 2 {
			t.Errorf("approved: %d, want 2", n)
		}
	})
}
