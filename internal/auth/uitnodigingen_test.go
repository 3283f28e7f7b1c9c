package auth_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

func TestUitnodigingen(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s, k := opzet(t, db)
		beheer, err := s.MaakGebruiker(ctx, auth.NieuweGebruiker{Email: "beheer@example.org", Naam: "Beheer Test", Wachtwoord: pw})
		must(t, err)
		dirk, err := s.MaakGebruiker(ctx, auth.NieuweGebruiker{Email: "dirk@example.org", Naam: "Dirk Test", Wachtwoord: pw})
		must(t, err)
		must(t, s.ZetRol(ctx, dirk.ID, "GM0175", auth.Consulent))

		if _, _, err := s.NodigUit(ctx, auth.NieuweUitnodiging{Gemeente: "GM1681", Email: "geen adres", Naam: "X", Rol: auth.Consulent, Door: beheer.ID}); err == nil {
			t.Error("an invitation for a bad address was made")
		}
		code, u, err := s.NodigUit(ctx, auth.NieuweUitnodiging{Gemeente: "GM1681", Email: "Nieuw@Example.org", Naam: "Nieuwe Test", Rol: auth.Intermediair, Door: beheer.ID})
		must(t, err)
		if len(code) != 34 || u.Email != "nieuw@example.org" || !u.Verloopt.Equal(u.Aangemaakt.Add(auth.UitnodigingGeldig)) {
			t.Fatalf("invitation %q %+v", code, u)
		}
		var opgeslagen string
		must(t, db.SQL().QueryRowContext(ctx, `SELECT code_hash FROM invitations WHERE id = $1`, u.ID).Scan(&opgeslagen))
		if strings.Contains(opgeslagen, strings.ReplaceAll(code, "-", "")) || len(opgeslagen) != 64 {
			t.Errorf("stored code %q: want only a SHA-256", opgeslagen)
		}
		open, err := s.OpenUitnodigingen(ctx, "GM1681")
		if err != nil || len(open) != 1 || open[0].ID != u.ID || open[0].DoorID != beheer.ID {
			t.Fatalf("open invitations: %+v %v", open, err)
		}

		// The password policy first, for everyone; then only the invited address with its code.
		if _, _, _, err := s.Aanvaard(ctx, auth.Aanvaarden{Email: "nieuw@example.org", Code: code, Wachtwoord: "kort"}); !errors.Is(err, auth.ErrWachtwoordTeKort) {
			t.Errorf("short password: %v", err)
		}
		for _, in := range []auth.Aanvaarden{
			{Email: "ander@example.org", Code: code, Wachtwoord: "een nieuw lang wachtwoord"},
			{Email: "nieuw@example.org", Code: "0000-0000-0000-0000-0000-0000-0000", Wachtwoord: "een nieuw lang wachtwoord"},
			{Email: "nieuw@example.org", Code: "onzin", Wachtwoord: "een nieuw lang wachtwoord"},
			{Email: "nieuw\x00@example.org", Code: code, Wachtwoord: "een nieuw lang wachtwoord"},
		} {
			if _, _, _, err := s.Aanvaard(ctx, in); !errors.Is(err, auth.ErrOngeldig) {
				t.Errorf("Aanvaard(%q, %q): %v, want ErrOngeldig", in.Email, in.Code, err)
			}
		}
		// Case, spaces and O/I/L read as 0/1/1.
		typed := strings.ToLower(strings.NewReplacer("-", " ", "0", "o", "1", "l").Replace(code))
		g, u2, nieuw, err := s.Aanvaard(ctx, auth.Aanvaarden{Email: " Nieuw@Example.org ", Code: typed, Wachtwoord: "een nieuw lang wachtwoord"})
		if err != nil || !nieuw || g.Naam != "Nieuwe Test" || g.Rollen["GM1681"] != auth.Intermediair || g.MoetWachtwoordWijzigen || u2.Gebruikt == nil {
			t.Fatalf("redeem for a new account: %+v %+v %v %v", g, u2, nieuw, err)
		}
		if _, _, _, err := s.Login(ctx, auth.Inloggen{Email: "nieuw@example.org", Wachtwoord: "een nieuw lang wachtwoord"}); err != nil {
			t.Errorf("login with the chosen password: %v", err)
		}
		if _, _, _, err := s.Aanvaard(ctx, auth.Aanvaarden{Email: "nieuw@example.org", Code: code, Wachtwoord: "een nieuw lang wachtwoord"}); !errors.Is(err, auth.ErrUitnodigingGebruikt) {
			t.Errorf("second use: %v", err)
		}
		if open, _ := s.OpenUitnodigingen(ctx, "GM1681"); len(open) != 0 {
			t.Errorf("open after use: %+v", open)
		}

		// An existing account: only its own password; it keeps that password.
		code, _, err = s.NodigUit(ctx, auth.NieuweUitnodiging{Gemeente: "GM1681", Email: "dirk@example.org", Naam: "Iets Anders", Rol: auth.Beleidsmedewerker, Door: beheer.ID})
		must(t, err)
		if _, _, _, err := s.Aanvaard(ctx, auth.Aanvaarden{Email: "dirk@example.org", Code: code, Wachtwoord: "een nieuw lang wachtwoord"}); !errors.Is(err, auth.ErrOngeldig) {
			t.Errorf("existing account with another password: %v", err)
		}
		if d, _ := s.Gebruiker(ctx, dirk.ID); len(d.Rollen) != 1 {
			t.Errorf("existing account after a refused redemption: %v", d.Rollen)
		}
		g, _, nieuw, err = s.Aanvaard(ctx, auth.Aanvaarden{Email: "dirk@example.org", Code: code, Wachtwoord: pw})
		if err != nil || nieuw || g.ID != dirk.ID || g.Naam != "Dirk Test" || g.Rollen["GM1681"] != auth.Beleidsmedewerker || g.Rollen["GM0175"] != auth.Consulent {
			t.Fatalf("redeem for an existing account: %+v %v %v", g, nieuw, err)
		}
		if _, _, _, err := s.Login(ctx, auth.Inloggen{Email: "dirk@example.org", Wachtwoord: pw}); err != nil {
			t.Errorf("existing account's own password after redeeming: %v", err)
		}

		// A blocked account cannot redeem.
		code, _, err = s.NodigUit(ctx, auth.NieuweUitnodiging{Gemeente: "GM0175", Email: "beheer@example.org", Naam: "B", Rol: auth.Consulent, Door: beheer.ID})
		must(t, err)
		must(t, s.ZetActief(ctx, beheer.ID, false))
		if _, _, _, err := s.Aanvaard(ctx, auth.Aanvaarden{Email: "beheer@example.org", Code: code, Wachtwoord: pw}); !errors.Is(err, auth.ErrOngeldig) {
			t.Errorf("blocked account: %v", err)
		}

		// Expiry.
		code, _, err = s.NodigUit(ctx, auth.NieuweUitnodiging{Gemeente: "GM1681", Email: "laat@example.org", Naam: "Laat", Rol: auth.Consulent, Door: dirk.ID})
		must(t, err)
		k.Verzet(auth.UitnodigingGeldig)
		if _, _, _, err := s.Aanvaard(ctx, auth.Aanvaarden{Email: "laat@example.org", Code: code, Wachtwoord: "een nieuw lang wachtwoord"}); !errors.Is(err, auth.ErrUitnodigingVerlopen) {
			t.Errorf("expired: %v", err)
		}
		if _, err := s.GebruikerOpEmail(ctx, "laat@example.org"); err == nil {
			t.Error("an expired invitation made an account")
		}
	})
}

// TestUitnodigingLimiet: redeeming counts like a login, per address and per client.
func TestUitnodigingLimiet(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s, k := opzet(t, db)
		code, _, err := s.NodigUit(ctx, auth.NieuweUitnodiging{Gemeente: "GM1681", Email: "nieuw@example.org", Naam: "N", Rol: auth.Consulent})
		must(t, err)
		for range 5 {
			s.Aanvaard(ctx, auth.Aanvaarden{Email: "nieuw@example.org", Code: "0000-0000-0000-0000-0000-0000-0000", Wachtwoord: "een nieuw lang wachtwoord", IP: "192.0.2.9"})
		}
		if _, _, _, err := s.Aanvaard(ctx, auth.Aanvaarden{Email: "nieuw@example.org", Code: code, Wachtwoord: "een nieuw lang wachtwoord", IP: "192.0.2.10"}); !errors.Is(err, auth.ErrTeVaak) {
			t.Errorf("6th attempt for the address: %v, want ErrTeVaak", err)
		}
		k.Verzet(15 * time.Minute)
		if _, _, _, err := s.Aanvaard(ctx, auth.Aanvaarden{Email: "nieuw@example.org", Code: code, Wachtwoord: "een nieuw lang wachtwoord", IP: "192.0.2.10"}); err != nil {
			t.Errorf("after the wait: %v", err)
		}
	})
}

// TestUitnodigingSchuldhulpRollen: an invitation can carry each debt-help role on both dialects (the
// role CHECK of invitations was widened by migration 0006; on SQLite the table is rebuilt).
func TestUitnodigingSchuldhulpRollen(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s, _ := opzet(t, db)
		for i, rol := range []auth.Rol{auth.Schuldhulpverlener, auth.Regisseur, auth.Teamleider} {
			email := string(rol) + "@example.org"
			code, _, err := s.NodigUit(ctx, auth.NieuweUitnodiging{Gemeente: "GM1681", Email: email, Naam: "Rol Test", Rol: rol})
			if err != nil {
				t.Fatalf("invitation as %s: %v", rol, err)
			}
			g, _, _, err := s.Aanvaard(ctx, auth.Aanvaarden{Email: email, Code: code, Wachtwoord: "een nieuw lang wachtwoord", IP: "192.0.2." + string(rune('1'+i))})
			if err != nil {
				t.Fatalf("redeem as %s: %v", rol, err)
			}
			if g.Rollen["GM1681"] != rol {
				t.Errorf("role after redeeming: %v, want %s", g.Rollen, rol)
			}
		}
	})
}
