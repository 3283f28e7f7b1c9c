package apiv1_test

import (
	"fmt"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
)

// Issue 14, defect 1: partner identity was the free-text organisation name of a key, so a second key
// made with the same name read the first partner's signal status. Now it is the partner id.
func TestZelfdeNaamAnderePartner(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := opzet(t, db)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorGebruiker, ID: "1", Naam: "Beheerder test"})
		beide := []auth.Permissie{auth.SignalenAanleveren, auth.SignalenTerugmelden}
		maak := func() (string, string) {
			p, err := o.partners.Maak(ctx, partner.Nieuw{Naam: "Demo woningcorporatie", Gemeente: "GM0175", Van: o.partners.Vandaag().AddDate(0, -1, 0)})
			if err != nil {
				t.Fatal(err)
			}
			tok, k, err := o.auth.MaakSleutel(ctx, auth.NieuweSleutel{Naam: "koppeling", PartnerID: p.ID, Gemeenten: []string{"GM0175"}, Permissies: beide})
			if err != nil {
				t.Fatal(err)
			}
			if k.Organisatie != "Demo woningcorporatie" {
				t.Fatalf("key's organisation %q", k.Organisatie)
			}
			return p.ID, tok
		}
		pa, a := maak()
		pb, b := maak()
		if pa == pb {
			t.Fatal("two partners got one id")
		}
		lever := func(tok string) map[string]any {
			t.Helper()
			got, m := o.doe(t, "POST", "/api/v1/signalen", tok, `{"gemeente":"GM0175","signalen":[`+fmt.Sprintf(goed, "HUUR-2026-001", synth.BSNs()[0])+`]}`)
			if got != 200 {
				t.Fatalf("delivery: %d %v", got, m)
			}
			return m
		}
		if m := lever(a); m["opgeslagen"] != 1.0 {
			t.Fatalf("A's delivery: %v", m)
		}
		if got, m := o.doe(t, "GET", "/api/v1/signalen/HUUR-2026-001", a, ""); got != 200 {
			t.Errorf("A reads its own signal: %d %v", got, m)
		}
		if got, m := o.doe(t, "GET", "/api/v1/signalen/HUUR-2026-001", b, ""); got != 404 {
			t.Errorf("B (same name, other partner) reads A's signal: %d %v, want 404", got, m)
		}
		// B delivers the same reference: its own signal, not "already received".
		if m := lever(b); m["opgeslagen"] != 1.0 || m["alOntvangen"] != 0.0 {
			t.Errorf("B's delivery of A's reference: %v, want stored, not already received", m)
		}
		if m := lever(a); m["opgeslagen"] != 0.0 || m["alOntvangen"] != 1.0 {
			t.Errorf("A's re-delivery: %v, want already received", m)
		}
		if got, _ := o.doe(t, "GET", "/api/v1/signalen/HUUR-2026-001", b, ""); got != 200 {
			t.Errorf("B reads its own signal: %d", got)
		}

		// A's membership of GM0175 ended yesterday: its key acts there no more.
		gisteren := o.partners.Vandaag().AddDate(0, 0, -1)
		if err := o.partners.MaakLid(ctx, pa, "GM0175", gisteren.AddDate(0, -1, 0), gisteren, 0); err != nil {
			t.Fatal(err)
		}
		if got, m := o.doe(t, "POST", "/api/v1/signalen", a, `{"gemeente":"GM0175","signalen":[`+fmt.Sprintf(goed, "HUUR-2026-002", synth.BSNs()[0])+`]}`); got != 403 {
			t.Errorf("delivery after the membership ended: %d %v, want 403", got, m)
		}
		for _, pad := range []string{"/api/v1/signalen/HUUR-2026-001", "/api/v1/signalen/HUUR-2026-001?gemeente=GM0175"} {
			if got, m := o.doe(t, "GET", pad, a, ""); got != 403 {
				t.Errorf("%s after the membership ended: %d %v, want 403", pad, got, m)
			}
		}
		if got, _ := o.doe(t, "GET", "/api/v1/signalen/HUUR-2026-001", b, ""); got != 200 {
			t.Errorf("B is still a member: %d", got)
		}
	})
}
