package partner_test

import (
	"errors"
	"github.com/zeker-platform/zeker/internal/errs"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// TestMedewerkers: a user is a partner's user in a gemeente exactly when it redeemed an invitation
// linked to that partner there, while the membership runs; a merge moves the link; an invitation for a
// partner that is no member today is refused.
func TestMedewerkers(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		s, _ := nieuweService(t, db, partner.Verhuizer{Naam: "medewerkers", Verhuizen: partner.VerhuisMedewerkers})
		as := auth.New(db, auth.Config{Hash: auth.HashParams{Geheugen: 1024, Passes: 1, Lanes: 1}, Klok: func() time.Time { return nu }})
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		hum, err := s.Maak(ctx, partner.Nieuw{Naam: "Humanitas", Gemeente: "GM0175", Van: dag("2025-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		later, err := s.Maak(ctx, partner.Nieuw{Naam: "Later", Gemeente: "GM0175", Van: dag("2027-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		code, u, err := as.NodigUit(ctx, auth.NieuweUitnodiging{Gemeente: "GM0175", Email: "v@humanitas.test", Naam: "V", Rol: auth.Intermediair})
		if err != nil {
			t.Fatal(err)
		}
		var f errs.Fields
		if err := s.KoppelUitnodiging(ctx, u.ID, later.ID, "GM0175"); !errors.As(err, &f) {
			t.Errorf("a partner that is no member today: %v", err)
		}
		if err := s.KoppelUitnodiging(ctx, u.ID, hum.ID, "GM0175"); err != nil {
			t.Fatal(err)
		}
		if ms, _ := s.Medewerkers(ctx, hum.ID, "GM0175"); len(ms) != 1 || ms[0].Gebruikt != nil || ms[0].Email != "v@humanitas.test" {
			t.Errorf("open invitation: %+v", ms)
		}
		g, _, _, err := as.Aanvaard(ctx, auth.Aanvaarden{Email: "v@humanitas.test", Code: code, Wachtwoord: "een-lang-wachtwoord-voor-de-test", IP: "192.0.2.1"})
		if err != nil {
			t.Fatal(err)
		}
		if p, ok, err := s.MedewerkerVan(ctx, g.ID, "GM0175"); err != nil || !ok || p != hum.ID {
			t.Errorf("after redeeming: %q %v %v", p, ok, err)
		}
		if _, ok, _ := s.MedewerkerVan(ctx, g.ID, "GM1681"); ok {
			t.Error("a partner user in a gemeente it was not invited for")
		}
		if ms, _ := s.Medewerkers(ctx, hum.ID, "GM0175"); len(ms) != 1 || ms[0].Gebruiker != g.ID || ms[0].Aangenomen().IsZero() {
			t.Errorf("redeemed invitation: %+v", ms)
		}
		// A merge moves the link.
		andere, err := s.Maak(ctx, partner.Nieuw{Naam: "Humanitas afdeling", Gemeente: "GM0175", Van: dag("2025-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.VoegSamen(ctx, andere.ID, hum.ID); err != nil {
			t.Fatal(err)
		}
		if p, ok, _ := s.MedewerkerVan(ctx, g.ID, "GM0175"); !ok || p != andere.ID {
			t.Errorf("after the merge: %q %v", p, ok)
		}
		// Ending the membership ends the link's effect the next day.
		if err := s.MaakLid(ctx, andere.ID, "GM0175", dag("2025-01-01"), dag("2026-03-01"), 0); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := s.MedewerkerVan(ctx, g.ID, "GM0175"); ok || err != nil {
			t.Errorf("after the membership ended: %v %v", ok, err)
		}
	})
}
