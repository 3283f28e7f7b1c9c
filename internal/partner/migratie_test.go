package partner_test

import (
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// migreerTot applies the migrations below version tot, as a database that existed before the partner
// entity would have them.
func migreerTot(t *testing.T, db *store.DB, tot int) {
	t.Helper()
	ms, err := store.Migrations(db.Dialect())
	if err != nil {
		t.Fatal(err)
	}
	ts := "TIMESTAMP"
	if db.Dialect() == store.Postgres {
		ts = "TIMESTAMPTZ"
	}
	ctx := t.Context()
	if _, err := db.SQL().ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at `+ts+` NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Version >= tot {
			break
		}
		if _, err := db.SQL().ExecContext(ctx, m.SQL); err != nil {
			t.Fatalf("migration %04d: %v", m.Version, err)
		}
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`, m.Version, m.Name, nu); err != nil {
			t.Fatal(err)
		}
	}
}

// TestMigratieSleutelsEnSignalen runs migrations 0800 and 0801 over data as it was before: keys that
// share an organisation name, a key without one, signals stored under names, and the processing log of
// earlier deliveries; and checks each rule of docs/partner.md ("Migratie").
func TestMigratieSleutelsEnSignalen(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d.String(), func(t *testing.T) {
			db := storetest.Empty(t, d)
			migreerTot(t, db, 800)
			ctx := t.Context()
			exec := func(q string, args ...any) {
				t.Helper()
				if _, err := db.SQL().ExecContext(ctx, q, args...); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			for _, gm := range []string{"GM1681", "GM0175", "GM0147"} {
				exec(`INSERT INTO tenants (code, name, created_at, updated_at) VALUES ($1, $1, $2, $2)`, gm, nu)
			}
			sleutel := func(id int64, naam, org string, gms ...string) {
				exec(`INSERT INTO api_credentials (id, name, organisation, token_prefix, token_hash, permissions, created_at)
					VALUES ($1, $2, $3, 'zk_x', $4, 'signalen.aanleveren', $5)`, id, naam, org, "hash"+naam, nu.AddDate(0, -2, 0))
				for _, gm := range gms {
					exec(`INSERT INTO api_credential_tenants (credential_id, gemeente) VALUES ($1, $2)`, id, gm)
				}
			}
			sleutel(1, "Koppeling A", "Demo woningcorporatie", "GM1681")
			sleutel(2, "Koppeling B", " Demo woningcorporatie ", "GM1681")
			sleutel(3, "Energie API", "", "GM1681")
			sleutel(4, "Water", "Waterbedrijf Voorbeeld", "GM1681", "GM0175")
			sleutel(5, "Dubbel 1", "Dubbel BV", "GM0147")
			sleutel(6, "Dubbel 2", "Dubbel BV", "GM0147")
			levering := func(gm, sleutelID, naam string) {
				exec(`INSERT INTO audit_log (at, gemeente, actor_type, actor_id, actor_name, processing_activity, operation, action, object, result)
					VALUES ($1, $2, 'credential', $3, 'x', 'signalen.ontvangen', 'vroegsignalen.ontvangen', 'create', $4, 'ok')`, nu, gm, sleutelID, "partner/"+naam)
			}
			levering("GM1681", "2", "Demo woningcorporatie")
			levering("GM0147", "5", "Dubbel BV")
			levering("GM0147", "6", "Dubbel BV")
			zaak := map[string]int64{}
			signaal := func(gm, naam, ref, ontvangen string) {
				if zaak[gm] == 0 {
					zaak[gm] = int64(len(zaak) + 1)
					exec(`INSERT INTO signalen_zaak (id, gemeente, uid, huishoudsleutel, periode_start, periode_einde, matchingsdatum,
						eerste_ontvangst, status) VALUES ($1, $2, $3, 'h', '2026-01-01', '2026-01-31', '2026-01-01', '2026-01-01', 'open')`,
						zaak[gm], gm, "z"+gm)
				}
				exec(`INSERT INTO signalen_signaal (gemeente, zaak_id, partner, referentie, partnertype, bedrag_cent, ontstaansdatum,
					signaaldatum, ontvangen, status, methode, huishoudsleutel) VALUES ($1, $2, $3, $4, 'Woningcorporatie', 100, '2026-01-01',
					'2026-01-02', $5, 'nieuw', 'bsn', 'h')`, gm, zaak[gm], naam, ref, ontvangen)
			}
			signaal("GM1681", "Demo woningcorporatie", "R1", "2026-01-05")  // audit: only key 2 delivered this name here
			signaal("GM1681", "sleutel-3", "R2", "2026-01-05")              // key 3 has no organisation
			signaal("GM1681", "Waterbedrijf Voorbeeld", "R3", "2026-01-05") // one key of GM1681 has this name
			signaal("GM1681", "Stichting Handmatig", "R4", "2026-01-07")    // typed at a CSV upload: no key
			signaal("GM0175", "Stichting Handmatig", "R9", "2026-01-03")
			signaal("GM0175", "Demo woningcorporatie", "R1", "2026-01-04") // no key of GM0175 has this name
			signaal("GM0147", "Dubbel BV", "R1", "2026-01-06")             // two keys delivered it, both with this name

			if err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}

			partnerVan := map[int64]string{}
			rows, err := db.SQL().QueryContext(ctx, `SELECT k.id, k.partner_id, p.naam FROM api_credentials k JOIN partner_organisatie p ON p.id = k.partner_id ORDER BY k.id`)
			if err != nil {
				t.Fatal(err)
			}
			namen := map[int64]string{}
			for rows.Next() {
				var id int64
				var pid, naam string
				if err := rows.Scan(&id, &pid, &naam); err != nil {
					t.Fatal(err)
				}
				partnerVan[id], namen[id] = pid, naam
			}
			rows.Close()
			if len(partnerVan) != 6 {
				t.Fatalf("%d keys with a partner, want 6", len(partnerVan))
			}
			gezien := map[string]bool{}
			for _, p := range partnerVan {
				gezien[p] = true
			}
			if len(gezien) != 6 {
				t.Errorf("%d partners for 6 keys, want one per key (two keys sharing a name stay apart)", len(gezien))
			}
			for id, want := range map[int64]string{1: "Demo woningcorporatie", 2: "Demo woningcorporatie", 3: "Energie API", 4: "Waterbedrijf Voorbeeld"} {
				if namen[id] != want {
					t.Errorf("partner of key %d is named %q, want %q", id, namen[id], want)
				}
			}

			al, err := audit.New(db, make([]byte, 32), func() time.Time { return nu })
			if err != nil {
				t.Fatal(err)
			}
			s, _ := nieuweServiceZonderZaaien(t, db, al)
			lidVan := func(pid, gm string) (string, bool) {
				o, err := s.Haal(ctx, pid)
				if err != nil {
					t.Fatalf("Haal %s: %v", pid, err)
				}
				l, ok := o.Lid(gm)
				return partnerDag(l.Van), ok
			}
			if van, ok := lidVan(partnerVan[4], "GM0175"); !ok || van != nu.AddDate(0, -2, 0).Format(time.DateOnly) {
				t.Errorf("key 4's partner: member of GM0175 %v from %s, want from the key's creation", ok, van)
			}

			signaalPartner := func(gm, ref string) string {
				var p string
				if err := db.SQL().QueryRowContext(ctx, `SELECT partner FROM signalen_signaal WHERE gemeente = $1 AND referentie = $2`, gm, ref).Scan(&p); err != nil {
					t.Fatalf("%s %s: %v", gm, ref, err)
				}
				return p
			}
			if got := signaalPartner("GM1681", "R1"); got != partnerVan[2] {
				t.Errorf("rule audit: GM1681 R1 has partner %s, want key 2's %s (key 1's is %s)", got, partnerVan[2], partnerVan[1])
			}
			if got := signaalPartner("GM1681", "R2"); got != partnerVan[3] {
				t.Errorf("rule sleutel: GM1681 R2 has partner %s, want key 3's %s", got, partnerVan[3])
			}
			if got := signaalPartner("GM1681", "R3"); got != partnerVan[4] {
				t.Errorf("rule naam: GM1681 R3 has partner %s, want key 4's %s", got, partnerVan[4])
			}
			hand1, hand2 := signaalPartner("GM1681", "R4"), signaalPartner("GM0175", "R9")
			if hand1 != hand2 || gezien[hand1] {
				t.Errorf("rule nieuw: Stichting Handmatig is %s in GM1681 and %s in GM0175, want one new partner", hand1, hand2)
			}
			if o, _ := s.Haal(ctx, hand1); o.Naam != "Stichting Handmatig" {
				t.Errorf("new partner named %q", o.Naam)
			}
			if van, ok := lidVan(hand1, "GM0175"); !ok || van != "2026-01-03" {
				t.Errorf("new partner: member of GM0175 %v from %s, want from its first signal 2026-01-03", ok, van)
			}
			if van, ok := lidVan(hand1, "GM1681"); !ok || van != "2026-01-07" {
				t.Errorf("new partner: member of GM1681 %v from %s, want 2026-01-07", ok, van)
			}
			demo0175 := signaalPartner("GM0175", "R1")
			if gezien[demo0175] || demo0175 == hand1 {
				t.Errorf("GM0175 Demo woningcorporatie went to %s, want a new partner (no key of GM0175 has the name)", demo0175)
			}
			dubbel := signaalPartner("GM0147", "R1")
			if dubbel == partnerVan[5] || dubbel == partnerVan[6] {
				t.Errorf("two keys delivered Dubbel BV: the signal must not go to either (%s)", dubbel)
			}
			if o, _ := s.Haal(ctx, dubbel); o.Naam != "Dubbel BV" {
				t.Errorf("new partner for Dubbel BV named %q", o.Naam)
			}
			var rest int
			if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM signalen_signaal WHERE partner NOT IN (SELECT id FROM partner_organisatie)`).Scan(&rest); err != nil || rest != 0 {
				t.Errorf("%d signals without a partner (%v)", rest, err)
			}
		})
	}
}

func partnerDag(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}
