package auth_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/tenant"
)

// klok is a clock the test moves by hand.
type klok struct {
	mu sync.Mutex
	t  time.Time
}

func (k *klok) Now() time.Time { k.mu.Lock(); defer k.mu.Unlock(); return k.t }
func (k *klok) Verzet(d time.Duration) {
	k.mu.Lock()
	k.t = k.t.Add(d)
	k.mu.Unlock()
}

// cheap argon2 parameters keep the tests fast; the real ones are tested in TestHashWachtwoord.
var snel = auth.HashParams{Geheugen: 1024, Passes: 1, Lanes: 1}

func opzet(t *testing.T, db *store.DB) (*auth.Service, *klok) {
	t.Helper()
	k := &klok{t: time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)}
	if _, err := tenant.ZaaiStandaard(t.Context(), db, k.Now()); err != nil {
		t.Fatal(err)
	}
	return auth.New(db, auth.Config{Klok: k.Now, Hash: snel}), k
}

const pw = "correct paard batterij niet"

func TestHashWachtwoord(t *testing.T) {
	h, err := auth.HashWachtwoord(pw, auth.DefaultHashParams)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") || strings.Count(h, "$") != 5 {
		t.Errorf("hash %q is not a PHC argon2id string with the default parameters", h)
	}
	h2, _ := auth.HashWachtwoord(pw, auth.DefaultHashParams)
	if h == h2 {
		t.Error("two hashes of one password are equal: salt missing")
	}
	for _, tt := range []struct {
		pw   string
		want bool
	}{{pw, true}, {pw + " ", false}, {"", false}, {strings.ToUpper(pw), false}} {
		got, err := auth.VergelijkWachtwoord(h, tt.pw)
		if err != nil || got != tt.want {
			t.Errorf("VergelijkWachtwoord(%q) = %v, %v; want %v", tt.pw, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "plain", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
		"$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "$argon2id$v=19$m=19456,t=2,p=1$!!$aGFzaA"} {
		if _, err := auth.VergelijkWachtwoord(bad, pw); !errors.Is(err, auth.ErrHashFormaat) {
			t.Errorf("VergelijkWachtwoord(%q) error = %v, want ErrHashFormaat", bad, err)
		}
	}
	if auth.MoetOpnieuwHashen(h, auth.DefaultHashParams) {
		t.Error("fresh hash needs rehash")
	}
	if !auth.MoetOpnieuwHashen(h, snel) {
		t.Error("hash with other parameters does not need rehash")
	}
	if err := auth.ControleerWachtwoordEisen("kort"); !errors.Is(err, auth.ErrWachtwoordTeKort) {
		t.Errorf("short password: %v", err)
	}
	g := auth.GenereerWachtwoord()
	if len(g) != 23 || auth.ControleerWachtwoordEisen(g) != nil || g == auth.GenereerWachtwoord() {
		t.Errorf("generated password %q", g)
	}
}

func TestMag(t *testing.T) {
	consulentA := auth.Gebruiker{ID: 1, Actief: true, Rollen: map[string]auth.Rol{"GM1681": auth.Consulent}}.Actor()
	beheerderA := auth.Gebruiker{ID: 2, Actief: true, Rollen: map[string]auth.Rol{"GM1681": auth.Beheerder, "GM0175": auth.Intermediair}}.Actor()
	sysadmin := auth.Gebruiker{ID: 3, Actief: true, Systeembeheerder: true}.Actor()
	geblokkeerd := auth.Gebruiker{ID: 4, Actief: false, Rollen: map[string]auth.Rol{"GM1681": auth.Consulent}}.Actor()
	sleutel := auth.Sleutel{ID: 5, Gemeenten: []string{"GM1681"}, Permissies: []auth.Permissie{auth.SignalenAanleveren}}.Actor()
	// A credential row edited by hand to hold a forbidden permission still may not use it.
	sleutelTeVeel := auth.Sleutel{ID: 6, Gemeenten: []string{"GM1681"}, Permissies: []auth.Permissie{auth.GebruikersBeheren}}.Actor()
	tests := []struct {
		naam     string
		a        auth.Actor
		gemeente string
		p        auth.Permissie
		want     bool
	}{
		{"consulent eigen gemeente signalen", consulentA, "GM1681", auth.SignalenLezen, true},
		{"consulent andere gemeente", consulentA, "GM1969", auth.SignalenLezen, false},
		{"consulent geen gebruikersbeheer", consulentA, "GM1681", auth.GebruikersBeheren, false},
		{"beheerder gebruikers", beheerderA, "GM1681", auth.GebruikersBeheren, true},
		{"beheerder geen persoonsgegevens", beheerderA, "GM1681", auth.SignalenLezen, false},
		{"rol per gemeente", beheerderA, "GM0175", auth.GebruikersBeheren, false},
		{"intermediair elders", beheerderA, "GM0175", auth.FondsenAanvragen, true},
		{"systeembeheerder gemeenten", sysadmin, "GM1969", auth.GemeentenBeheren, true},
		{"systeembeheerder zonder gemeente", sysadmin, "", auth.GemeentenBeheren, true},
		{"systeembeheerder geen persoonsgegevens", sysadmin, "GM1969", auth.ZakenLezen, false},
		{"beheerder geen gemeenten", beheerderA, "GM1681", auth.GemeentenBeheren, false},
		{"geblokkeerd", geblokkeerd, "GM1681", auth.SignalenLezen, false},
		{"sleutel eigen scope", sleutel, "GM1681", auth.SignalenAanleveren, true},
		{"sleutel andere gemeente", sleutel, "GM1969", auth.SignalenAanleveren, false},
		{"sleutel andere permissie", sleutel, "GM1681", auth.SignalenLezen, false},
		{"sleutel verboden permissie", sleutelTeVeel, "GM1681", auth.GebruikersBeheren, false},
		{"lege gemeente", consulentA, "", auth.SignalenLezen, false},
		{"nul-actor", auth.Actor{}, "GM1681", auth.RegelsLezen, false},
	}
	for _, tt := range tests {
		if got := auth.Mag(tt.a, tt.gemeente, tt.p); got != tt.want {
			t.Errorf("%s: Mag(%s, %s) = %v, want %v", tt.naam, tt.gemeente, tt.p, got, tt.want)
		}
	}
	if got := auth.GemeentenMet(beheerderA, []string{"GM0147", "GM0175", "GM1681"}, auth.RegelsLezen); !slices.Equal(got, []string{"GM0175", "GM1681"}) {
		t.Errorf("GemeentenMet = %v", got)
	}
	// Every permission in the role table is a declared permission.
	for _, r := range auth.Rollen {
		for _, p := range auth.Permissies(r) {
			if !p.Geldig() {
				t.Errorf("role %s has undeclared permission %s", r, p)
			}
		}
	}
}

func TestGebruikersEnTenantIsolatie(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s, _ := opzet(t, db)
		a, err := s.MaakGebruiker(ctx, auth.NieuweGebruiker{Email: " Anna@Example.org ", Naam: "Anna Test", Wachtwoord: pw})
		if err != nil {
			t.Fatal(err)
		}
		if a.Email != "anna@example.org" {
			t.Errorf("email = %q, want lower-case", a.Email)
		}
		b, err := s.MaakGebruiker(ctx, auth.NieuweGebruiker{Email: "bert@example.org", Naam: "Bert Test", Wachtwoord: pw})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.MaakGebruiker(ctx, auth.NieuweGebruiker{Email: "ANNA@example.org", Naam: "X", Wachtwoord: pw}); !errors.Is(err, store.ErrConflict) {
			t.Errorf("duplicate e-mail: %v, want ErrConflict", err)
		}
		if _, err := s.MaakGebruiker(ctx, auth.NieuweGebruiker{Email: "geen-adres", Naam: "X", Wachtwoord: pw}); err == nil {
			t.Error("invalid e-mail accepted")
		}
		must(t, s.ZetRol(ctx, a.ID, "GM1681", auth.Beheerder))
		must(t, s.ZetRol(ctx, a.ID, "GM1681", auth.Consulent)) // replaces
		must(t, s.ZetRol(ctx, b.ID, "GM1969", auth.Consulent))
		if err := s.ZetRol(ctx, a.ID, "GM0001", auth.Consulent); !errors.Is(err, store.ErrConstraint) {
			t.Errorf("role in unknown gemeente: %v, want ErrConstraint", err)
		}
		if err := s.ZetRol(ctx, a.ID, "GM1681", "baas"); err == nil {
			t.Error("unknown role accepted")
		}
		if err := s.ZetRol(ctx, 9999, "GM1681", auth.Consulent); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("role for unknown user: %v, want ErrNotFound", err)
		}

		inA, err := s.Gebruikers(ctx, "GM1681")
		if err != nil {
			t.Fatal(err)
		}
		if len(inA) != 1 || inA[0].ID != a.ID || inA[0].Rollen["GM1681"] != auth.Consulent {
			t.Errorf("users of GM1681 = %+v, want only Anna as consulent", inA)
		}
		inB, _ := s.Gebruikers(ctx, "GM1969")
		if len(inB) != 1 || inB[0].ID != b.ID {
			t.Errorf("users of GM1969 = %+v, want only Bert", inB)
		}
		alle, _ := s.AlleGebruikers(ctx)
		if len(alle) != 2 || alle[0].Rollen["GM1681"] != auth.Consulent || alle[1].Rollen["GM1969"] != auth.Consulent {
			t.Errorf("all users = %+v", alle)
		}
		must(t, s.VerwijderRol(ctx, a.ID, "GM1681"))
		if err := s.VerwijderRol(ctx, a.ID, "GM1681"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("second VerwijderRol: %v, want ErrNotFound", err)
		}
		g, err := s.GebruikerOpEmail(ctx, "ANNA@example.org")
		if err != nil || len(g.Rollen) != 0 {
			t.Errorf("GebruikerOpEmail = %+v, %v", g, err)
		}
		if _, err := s.Gebruiker(ctx, 424242); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown user: %v", err)
		}
	})
}

func TestSessies(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s, k := opzet(t, db)
		g, err := s.MaakGebruiker(ctx, auth.NieuweGebruiker{Email: "carla@example.org", Naam: "Carla Test", Wachtwoord: pw})
		if err != nil {
			t.Fatal(err)
		}
		token, sessie, ingelogd, err := s.Login(ctx, auth.Inloggen{Email: "Carla@example.org", Wachtwoord: pw, IP: "192.0.2.1"})
		if err != nil {
			t.Fatal(err)
		}
		if ingelogd.ID != g.ID || len(token) != 43 || !sessie.Verloopt.Equal(k.Now().Add(2*time.Hour)) {
			t.Errorf("login = %q %+v %+v", token, sessie, ingelogd)
		}
		var n int
		db.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM sessions WHERE token_hash = $1", token).Scan(&n)
		if n != 0 {
			t.Error("the plain token is stored in the database")
		}

		// Renewal on use: 90 minutes later the session is used and lives on for 2 hours from then.
		k.Verzet(90 * time.Minute)
		s2, _, err := s.Sessie(ctx, token)
		if err != nil {
			t.Fatal(err)
		}
		if want := k.Now().Add(2 * time.Hour); !s2.Verloopt.Equal(want) {
			t.Errorf("after use expires %v, want %v", s2.Verloopt, want)
		}
		// Idle expiry: 2 hours without use ends it.
		k.Verzet(2*time.Hour + time.Second)
		if _, _, err := s.Sessie(ctx, token); !errors.Is(err, auth.ErrSessieVerlopen) || !errors.Is(err, auth.ErrOngeldig) {
			t.Errorf("idle session: %v, want ErrSessieVerlopen", err)
		}

		// Absolute expiry: used every hour, the session still ends 12 hours after login.
		token, _, _, err = s.Login(ctx, auth.Inloggen{Email: "carla@example.org", Wachtwoord: pw})
		if err != nil {
			t.Fatal(err)
		}
		for range 11 {
			k.Verzet(time.Hour)
			if _, _, err := s.Sessie(ctx, token); err != nil {
				t.Fatalf("session in use ended early: %v", err)
			}
		}
		k.Verzet(time.Hour)
		if _, _, err := s.Sessie(ctx, token); !errors.Is(err, auth.ErrSessieVerlopen) {
			t.Errorf("session after 12h: %v, want ErrSessieVerlopen", err)
		}

		// Renewal on login: the old token is ended.
		oud, _, _, err := s.Login(ctx, auth.Inloggen{Email: "carla@example.org", Wachtwoord: pw})
		if err != nil {
			t.Fatal(err)
		}
		nieuw, _, _, err := s.Login(ctx, auth.Inloggen{Email: "carla@example.org", Wachtwoord: pw, OudeToken: oud})
		if err != nil {
			t.Fatal(err)
		}
		if nieuw == oud {
			t.Error("login kept the old token")
		}
		if _, _, err := s.Sessie(ctx, oud); !errors.Is(err, auth.ErrOngeldig) {
			t.Errorf("old token after login: %v, want ErrOngeldig", err)
		}
		if _, _, err := s.Sessie(ctx, nieuw); err != nil {
			t.Errorf("new token: %v", err)
		}
		// Password reset ends all sessions; so does blocking.
		must(t, s.ZetWachtwoord(ctx, g.ID, "een heel nieuw wachtwoord", true))
		if _, _, err := s.Sessie(ctx, nieuw); !errors.Is(err, auth.ErrOngeldig) {
			t.Errorf("session after password reset: %v", err)
		}
		if _, _, _, err := s.Login(ctx, auth.Inloggen{Email: "carla@example.org", Wachtwoord: pw}); !errors.Is(err, auth.ErrOngeldig) {
			t.Errorf("old password after reset: %v", err)
		}
		token, _, ingelogd, err = s.Login(ctx, auth.Inloggen{Email: "carla@example.org", Wachtwoord: "een heel nieuw wachtwoord"})
		if err != nil || !ingelogd.MoetWachtwoordWijzigen {
			t.Fatalf("login with new password: %v, must change %v", err, ingelogd.MoetWachtwoordWijzigen)
		}
		must(t, s.ZetActief(ctx, g.ID, false))
		if _, _, err := s.Sessie(ctx, token); !errors.Is(err, auth.ErrOngeldig) {
			t.Errorf("session of blocked user: %v", err)
		}
		if _, _, _, err := s.Login(ctx, auth.Inloggen{Email: "carla@example.org", Wachtwoord: "een heel nieuw wachtwoord"}); !errors.Is(err, auth.ErrOngeldig) {
			t.Errorf("login of blocked user: %v", err)
		}
		must(t, s.Logout(ctx, "onbekend"))
		k.Verzet(24 * time.Hour)
		if _, _, err := s.Opruimen(ctx); err != nil {
			t.Fatal(err)
		}
		db.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM sessions").Scan(&n)
		if n != 0 {
			t.Errorf("%d sessions left after Opruimen", n)
		}
	})
}

func TestLoginLimiet(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s, k := opzet(t, db)
		if _, err := s.MaakGebruiker(ctx, auth.NieuweGebruiker{Email: "dirk@example.org", Naam: "Dirk Test", Wachtwoord: pw}); err != nil {
			t.Fatal(err)
		}
		fout := auth.Inloggen{Email: "dirk@example.org", Wachtwoord: "fout fout fout", IP: "192.0.2.7"}
		for i := range 5 {
			if _, _, _, err := s.Login(ctx, fout); !errors.Is(err, auth.ErrOngeldig) {
				t.Fatalf("attempt %d: %v, want ErrOngeldig", i+1, err)
			}
			k.Verzet(time.Minute)
		}
		// Sixth attempt, even with the right password: blocked until the first attempt is 15 minutes old.
		_, _, _, err := s.Login(ctx, auth.Inloggen{Email: "dirk@example.org", Wachtwoord: pw, IP: "192.0.2.8"})
		var te *auth.TeVaakError
		if !errors.As(err, &te) || !errors.Is(err, auth.ErrTeVaak) {
			t.Fatalf("6th attempt: %v, want TeVaakError", err)
		}
		if te.Wacht != 10*time.Minute {
			t.Errorf("wait = %v, want 10m", te.Wacht)
		}
		if want := "Te veel mislukte pogingen om in te loggen. Wacht 10 minuten en probeer het dan opnieuw."; err.Error() != want {
			t.Errorf("message = %q, want %q", err.Error(), want)
		}
		// Refused attempts do not extend the block.
		k.Verzet(9*time.Minute + 30*time.Second)
		_, _, _, err = s.Login(ctx, fout)
		if !errors.As(err, &te) || te.Wacht != 30*time.Second || !strings.Contains(err.Error(), "Wacht 30 seconden") {
			t.Fatalf("after 9.5 min: %v, want wait 30s", err)
		}
		k.Verzet(30 * time.Second)
		if _, _, _, err := s.Login(ctx, auth.Inloggen{Email: "dirk@example.org", Wachtwoord: pw, IP: "192.0.2.8"}); err != nil {
			t.Fatalf("login after the wait: %v", err)
		}
		// A success clears the account's counter.
		for range 4 {
			s.Login(ctx, fout)
		}
		if _, _, _, err := s.Login(ctx, auth.Inloggen{Email: "dirk@example.org", Wachtwoord: pw}); err != nil {
			t.Errorf("5th attempt after success: %v", err)
		}

		// Per IP: 20 attempts on different (also unknown) accounts from one address block that address.
		for i := range 20 {
			_, _, _, err := s.Login(ctx, auth.Inloggen{Email: "x" + string(rune('a'+i)) + "@example.org", Wachtwoord: "fout fout fout", IP: "198.51.100.9"})
			if !errors.Is(err, auth.ErrOngeldig) {
				t.Fatalf("ip attempt %d: %v", i+1, err)
			}
		}
		if _, _, _, err := s.Login(ctx, auth.Inloggen{Email: "dirk@example.org", Wachtwoord: pw, IP: "198.51.100.9"}); !errors.Is(err, auth.ErrTeVaak) {
			t.Errorf("21st attempt from one IP: %v, want ErrTeVaak", err)
		}
		if _, _, _, err := s.Login(ctx, auth.Inloggen{Email: "dirk@example.org", Wachtwoord: pw, IP: "198.51.100.10"}); err != nil {
			t.Errorf("other IP: %v", err)
		}
	})
}

// TestLoginOngeldigeTekst: an address with a NUL, a control character or invalid UTF-8 is refused as an
// unknown one (PostgreSQL gave a driver error before) and counts against the client address.
func TestLoginOngeldigeTekst(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s, _ := opzet(t, db)
		if _, err := s.MaakGebruiker(ctx, auth.NieuweGebruiker{Email: "dirk@example.org", Naam: "Dirk Test", Wachtwoord: pw}); err != nil {
			t.Fatal(err)
		}
		slecht := []string{"dirk@example.org\x00", "di\x00rk@example.org", "dirk@example.org\xff", "dirk\x1b@example.org", "dirk\u0085@example.org"}
		for i := range 20 {
			e := slecht[i%len(slecht)]
			if _, _, _, err := s.Login(ctx, auth.Inloggen{Email: e, Wachtwoord: pw, IP: "203.0.113.5"}); !errors.Is(err, auth.ErrOngeldig) || errors.Is(err, auth.ErrTeVaak) {
				t.Fatalf("attempt %d with %q: %v, want ErrOngeldig", i+1, e, err)
			}
		}
		if _, _, _, err := s.Login(ctx, auth.Inloggen{Email: "dirk@example.org", Wachtwoord: pw, IP: "203.0.113.5"}); !errors.Is(err, auth.ErrTeVaak) {
			t.Errorf("after 20 attempts with bad addresses from one client: %v, want ErrTeVaak", err)
		}
		// The account itself was not touched: it logs in from another address.
		if _, _, _, err := s.Login(ctx, auth.Inloggen{Email: "dirk@example.org", Wachtwoord: pw, IP: "203.0.113.6"}); err != nil {
			t.Errorf("the account from another address: %v", err)
		}
	})
}

// TestLoginLimietParallel fires many wrong attempts at once: no more than the limit may get through
// to the password check.
func TestLoginLimietParallel(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s, _ := opzet(t, db)
		if _, err := s.MaakGebruiker(ctx, auth.NieuweGebruiker{Email: "eva@example.org", Naam: "Eva Test", Wachtwoord: pw}); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		ongeldig, teVaak := 0, 0
		for range 30 {
			wg.Go(func() {
				_, _, _, err := s.Login(ctx, auth.Inloggen{Email: "eva@example.org", Wachtwoord: "fout fout fout"})
				mu.Lock()
				defer mu.Unlock()
				switch {
				case errors.Is(err, auth.ErrTeVaak):
					teVaak++
				case errors.Is(err, auth.ErrOngeldig):
					ongeldig++
				default:
					t.Errorf("unexpected: %v", err)
				}
			})
		}
		wg.Wait()
		if ongeldig != 5 || teVaak != 25 {
			t.Errorf("checked %d, refused %d; want 5 and 25", ongeldig, teVaak)
		}
	})
}

func TestSleutels(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s, k := opzet(t, db)
		ps := partners(t, db, k.Now)
		p := maakPartner(t, ps, "Voorbeeldwonen", "GM1681", "GM0175")
		token, sl, err := s.MaakSleutel(ctx, auth.NieuweSleutel{Naam: "Woningcorporatie test", PartnerID: p,
			Gemeenten: []string{"GM1681", "GM0175"}, Permissies: []auth.Permissie{auth.SignalenAanleveren}, VerlooptOp: k.Now().Add(30 * 24 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(token, "zk_") || !strings.HasPrefix(token, sl.Prefix) || len(sl.Prefix) != 9 {
			t.Errorf("token %q prefix %q", token, sl.Prefix)
		}
		if sl.PartnerID != p || sl.Organisatie != "Voorbeeldwonen" {
			t.Errorf("credential's partner %q %q", sl.PartnerID, sl.Organisatie)
		}
		if _, _, err := s.MaakSleutel(ctx, auth.NieuweSleutel{Naam: "x", PartnerID: p, Gemeenten: []string{"GM1681"}, Permissies: []auth.Permissie{auth.GebruikersBeheren}}); err == nil {
			t.Error("credential with gebruikers.beheren accepted")
		}
		for _, gm := range []string{"GM0001", "GM0147"} {
			if _, _, err := s.MaakSleutel(ctx, auth.NieuweSleutel{Naam: "x", PartnerID: p, Gemeenten: []string{gm}, Permissies: []auth.Permissie{auth.RegelsLezen}}); !errors.Is(err, errs.Invalid) || !strings.Contains(err.Error(), gm) {
				t.Errorf("credential for %s, where the partner is no member: %v, want Invalid naming it", gm, err)
			}
		}
		if _, _, err := s.MaakSleutel(ctx, auth.NieuweSleutel{Naam: "x", Gemeenten: []string{"GM1681"}, Permissies: []auth.Permissie{auth.RegelsLezen}}); !errors.Is(err, errs.Invalid) {
			t.Errorf("credential without partner: %v, want Invalid", err)
		}

		got, err := s.ControleerSleutel(ctx, token)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Gemeenten, []string{"GM0175", "GM1681"}) || !got.LaatstGebruikt.Equal(k.Now()) {
			t.Errorf("credential = %+v", got)
		}
		if !auth.Mag(got.Actor(), "GM1681", auth.SignalenAanleveren) || auth.Mag(got.Actor(), "GM1969", auth.SignalenAanleveren) {
			t.Error("credential scope wrong")
		}
		for _, bad := range []string{"", "zk_", token + "x", strings.TrimPrefix(token, "zk_")} {
			if _, err := s.ControleerSleutel(ctx, bad); !errors.Is(err, auth.ErrOngeldig) {
				t.Errorf("ControleerSleutel(%q) = %v, want ErrOngeldig", bad, err)
			}
		}
		// Tenant isolation: Borne's beheerder neither sees nor revokes it.
		if ks, _ := s.Sleutels(ctx, "GM0147"); len(ks) != 0 {
			t.Errorf("GM0147 sees %d credentials", len(ks))
		}
		if err := s.TrekSleutelIn(ctx, "GM0147", sl.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("revoke from other gemeente: %v, want ErrNotFound", err)
		}
		if _, err := s.ControleerSleutel(ctx, token); err != nil {
			t.Errorf("still valid after refused revoke: %v", err)
		}
		ks, _ := s.Sleutels(ctx, "GM0175")
		if len(ks) != 1 || ks[0].ID != sl.ID || ks[0].Naam != "Woningcorporatie test" {
			t.Errorf("GM0175 credentials = %+v", ks)
		}
		k.Verzet(time.Hour)
		must(t, s.TrekSleutelIn(ctx, "GM0175", sl.ID))
		if _, err := s.ControleerSleutel(ctx, token); !errors.Is(err, auth.ErrOngeldig) {
			t.Errorf("revoked token: %v, want ErrOngeldig", err)
		}
		ks, _ = s.Sleutels(ctx, "GM1681")
		if len(ks) != 1 || !ks[0].IngetrokkenOp.Equal(k.Now()) {
			t.Errorf("after revoke: %+v", ks)
		}

		// Expiry.
		token2, _, err := s.MaakSleutel(ctx, auth.NieuweSleutel{Naam: "kort", PartnerID: p, Gemeenten: []string{"GM1681"}, Permissies: []auth.Permissie{auth.RegelsLezen}, VerlooptOp: k.Now().Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ControleerSleutel(ctx, token2); err != nil {
			t.Fatal(err)
		}
		k.Verzet(time.Hour)
		if _, err := s.ControleerSleutel(ctx, token2); !errors.Is(err, auth.ErrOngeldig) {
			t.Errorf("expired token: %v, want ErrOngeldig", err)
		}
	})
}

// A key acts only where its partner's membership is valid today: ending the membership in one gemeente
// takes that gemeente from the key the next day, without touching the key.
func TestSleutelAlleenWaarPartnerLidIs(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		s, k := opzet(t, db)
		ps := partners(t, db, k.Now)
		p := maakPartner(t, ps, "Voorbeeldwonen", "GM1681", "GM0175")
		token, _, err := s.MaakSleutel(ctx, auth.NieuweSleutel{Naam: "koppeling", PartnerID: p,
			Gemeenten: []string{"GM1681", "GM0175"}, Permissies: []auth.Permissie{auth.SignalenAanleveren}})
		if err != nil {
			t.Fatal(err)
		}
		vandaag := partner.Vandaag(k.Now())
		ctxB := audit.WithActor(ctx, audit.Actor{Soort: audit.ActorGebruiker, ID: "1", Naam: "Beheerder"})
		must(t, ps.MaakLid(ctxB, p, "GM0175", vandaag.AddDate(-1, 0, 0), vandaag, 0)) // last day today
		got, err := s.ControleerSleutel(ctx, token)
		if err != nil || !slices.Equal(got.Gemeenten, []string{"GM0175", "GM1681"}) {
			t.Fatalf("on the last day: %v, %v", got.Gemeenten, err)
		}
		k.Verzet(24 * time.Hour)
		got, err = s.ControleerSleutel(ctx, token)
		if err != nil || !slices.Equal(got.Gemeenten, []string{"GM1681"}) {
			t.Fatalf("after the end: %v, %v", got.Gemeenten, err)
		}
		if auth.Mag(got.Actor(), "GM0175", auth.SignalenAanleveren) {
			t.Error("the key still acts in GM0175 after its partner's membership ended")
		}
		if ks, _ := s.Sleutels(ctx, "GM0175"); len(ks) != 1 || !slices.Equal(ks[0].Gemeenten, []string{"GM0175", "GM1681"}) {
			t.Errorf("the beheerder's list shows the key's own gemeenten: %+v", ks)
		}
		// A membership that starts tomorrow does not count today.
		must(t, ps.MaakLid(ctxB, p, "GM1681", partner.Vandaag(k.Now()).AddDate(0, 0, 1), time.Time{}, 0))
		if got, _ := s.ControleerSleutel(ctx, token); len(got.Gemeenten) != 0 {
			t.Errorf("before the membership starts: %v", got.Gemeenten)
		}
	})
}

func partners(t *testing.T, db *store.DB, klok func() time.Time) *partner.Service {
	t.Helper()
	al, err := audit.New(db, make([]byte, 32), klok)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := partner.New(partner.Config{DB: db, Audit: al, Klok: klok})
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// maakPartner makes a partner that is a member of the gemeenten from a year ago, open-ended.
func maakPartner(t *testing.T, ps *partner.Service, naam string, gemeenten ...string) string {
	t.Helper()
	ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorGebruiker, ID: "1", Naam: "Beheerder"})
	van := ps.Vandaag().AddDate(-1, 0, 0)
	o, err := ps.Maak(ctx, partner.Nieuw{Naam: naam, Gemeente: gemeenten[0], Van: van})
	if err != nil {
		t.Fatal(err)
	}
	for _, gm := range gemeenten[1:] {
		must(t, ps.MaakLid(ctx, o.ID, gm, van, time.Time{}, 0))
	}
	return o.ID
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestPermissieTabelInDocs keeps docs/platform.md equal to the permission table in the code.
func TestPermissieTabelInDocs(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "platform.md"))
	if err != nil {
		t.Fatal(err)
	}
	if want := auth.PermissieTabel(); !strings.Contains(string(b), want) {
		t.Errorf("docs/platform.md does not contain the current permission table; paste this:\n%s", want)
	}
}

func TestMagGebruikerBeheren(t *testing.T) {
	beheerderA := auth.Gebruiker{ID: 1, Actief: true, Rollen: map[string]auth.Rol{"GM1681": auth.Beheerder}}
	sysadmin := auth.Gebruiker{ID: 2, Actief: true, Systeembeheerder: true}
	tests := []struct {
		naam string
		a    auth.Actor
		doel auth.Gebruiker
		want bool
	}{
		{"eigen consulent", beheerderA.Actor(), auth.Gebruiker{ID: 3, Rollen: map[string]auth.Rol{"GM1681": auth.Consulent}}, true},
		{"ook rol elders", beheerderA.Actor(), auth.Gebruiker{ID: 4, Rollen: map[string]auth.Rol{"GM1681": auth.Consulent, "GM1969": auth.Consulent}}, false},
		{"andere gemeente", beheerderA.Actor(), auth.Gebruiker{ID: 5, Rollen: map[string]auth.Rol{"GM1969": auth.Consulent}}, false},
		{"systeembeheerder", beheerderA.Actor(), auth.Gebruiker{ID: 6, Systeembeheerder: true, Rollen: map[string]auth.Rol{"GM1681": auth.Consulent}}, false},
		{"zonder rol", beheerderA.Actor(), auth.Gebruiker{ID: 7}, false},
		{"zichzelf", beheerderA.Actor(), beheerderA, false},
		{"systeembeheerder mag alles", sysadmin.Actor(), auth.Gebruiker{ID: 8, Rollen: map[string]auth.Rol{"GM1969": auth.Consulent}}, true},
		{"consulent mag niet", auth.Gebruiker{ID: 9, Actief: true, Rollen: map[string]auth.Rol{"GM1681": auth.Consulent}}.Actor(), auth.Gebruiker{ID: 3, Rollen: map[string]auth.Rol{"GM1681": auth.Consulent}}, false},
		{"sleutel mag niet", auth.Sleutel{ID: 1, Gemeenten: []string{"GM1681"}, Permissies: []auth.Permissie{auth.GebruikersBeheren}}.Actor(), auth.Gebruiker{ID: 3, Rollen: map[string]auth.Rol{"GM1681": auth.Consulent}}, false},
	}
	for _, tt := range tests {
		if got := auth.MagGebruikerBeheren(tt.a, tt.doel); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.naam, got, tt.want)
		}
	}
}

func TestDemoAccounts(t *testing.T) {
	db := storetest.OpenTest(t)
	s, _ := opzet(t, db)
	ctx := t.Context()
	for ronde := range 2 { // twice: the second run resets the passwords
		accs, err := s.MaakDemoAccounts(ctx, []string{"GM1681", "GM0147"})
		if err != nil {
			t.Fatal(err)
		}
		if len(accs) != 1+2*len(auth.Rollen) || accs[0].Email != "systeembeheerder@demo.zeker.test" || accs[1].Email != "beheerder.gm1681@demo.zeker.test" {
			t.Fatalf("round %d: accounts = %+v", ronde, accs)
		}
		for _, a := range accs {
			_, _, g, err := s.Login(ctx, auth.Inloggen{Email: a.Email, Wachtwoord: a.Wachtwoord})
			if err != nil {
				t.Fatalf("round %d: login %s: %v", ronde, a.Email, err)
			}
			if a.Rol != "" && g.Rollen[a.Gemeente] != a.Rol {
				t.Errorf("%s has roles %v, want %s in %s", a.Email, g.Rollen, a.Rol, a.Gemeente)
			}
		}
	}
}
