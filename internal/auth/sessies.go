package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/text"
)

// ErrOngeldig is returned for a wrong e-mail/password, an unknown or ended session, or an unknown,
// expired or revoked API token. Its text is safe to show.
var ErrOngeldig = errors.New("e-mailadres of wachtwoord klopt niet")

// ErrSessieVerlopen is returned (wrapping ErrOngeldig) for a session that has ended.
var ErrSessieVerlopen = fmt.Errorf("je sessie is verlopen, log opnieuw in: %w", ErrOngeldig)

// Sessie is a logged-in browser session. The token is only in the cookie; the database holds its hash.
type Sessie struct {
	GebruikerID int64
	Aangemaakt  time.Time
	Verloopt    time.Time
}

// Inloggen is the input of Login.
type Inloggen struct {
	Email      string
	Wachtwoord string
	IP         string // client address, for rate limiting
	UserAgent  string
	OudeToken  string // the session token the browser had, if any: it is ended (renewal on login)
}

// Login checks the rate limits, the e-mail address and the password, and starts a new session. It
// returns the new session token for the cookie, the session and the user. Errors: *TeVaakError (too
// many attempts; errors.Is ErrTeVaak), ErrOngeldig. A successful login always gets a fresh token and
// ends OudeToken, so a session id planted before login is worthless afterwards.
func (s *Service) Login(ctx context.Context, in Inloggen) (string, Sessie, Gebruiker, error) {
	email := strings.ToLower(strings.TrimSpace(in.Email))
	if text.Check(email) != nil {
		// No account has such an address, and PostgreSQL refuses a NUL in a query: refused as an unknown
		// address, counted against the client address only.
		if _, err := s.registreerPoging(ctx, "", in.IP); err != nil {
			return "", Sessie{}, Gebruiker{}, err
		}
		_, _ = VergelijkWachtwoord(dummyHash, in.Wachtwoord)
		return "", Sessie{}, Gebruiker{}, ErrOngeldig
	}
	poging, err := s.registreerPoging(ctx, email, in.IP)
	if err != nil {
		return "", Sessie{}, Gebruiker{}, err
	}
	g, hash, err := s.gebruikerMetHash(ctx, email)
	if errors.Is(err, store.ErrNotFound) {
		// Same work as a real check, so timing does not tell whether an account exists.
		_, _ = VergelijkWachtwoord(dummyHash, in.Wachtwoord)
		return "", Sessie{}, Gebruiker{}, ErrOngeldig
	}
	if err != nil {
		return "", Sessie{}, Gebruiker{}, err
	}
	ok, err := VergelijkWachtwoord(hash, in.Wachtwoord)
	if err != nil {
		return "", Sessie{}, Gebruiker{}, fmt.Errorf("auth: gebruiker %d: %w", g.ID, err)
	}
	if !ok || !g.Actief {
		return "", Sessie{}, Gebruiker{}, ErrOngeldig
	}
	if err := s.wisPogingen(ctx, email, poging); err != nil {
		return "", Sessie{}, Gebruiker{}, err
	}
	if MoetOpnieuwHashen(hash, s.cfg.Hash) {
		if nieuw, err := HashWachtwoord(in.Wachtwoord, s.cfg.Hash); err == nil {
			_, _ = s.db.Exec(ctx, `UPDATE users SET password_hash = $2 WHERE id = $1 AND password_hash = $3`, g.ID, nieuw, hash)
		}
	}
	token, sessie, err := s.nieuweSessie(ctx, g.ID, in)
	if err != nil {
		return "", Sessie{}, Gebruiker{}, err
	}
	return token, sessie, g, nil
}

// dummyHash is a valid hash of a random password with the default parameters.
const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$TD1XTQq47E2OTNOhEzZKuA$dC0+YKx3JpEXL7vkVjdFRxo+N9kxIgICfm/Igk/vfxY"

func (s *Service) gebruikerMetHash(ctx context.Context, email string) (Gebruiker, string, error) {
	var id int64
	var hash string
	if err := s.db.SQL().QueryRowContext(ctx, `SELECT id, password_hash FROM users WHERE email = $1`, email).Scan(&id, &hash); err != nil {
		return Gebruiker{}, "", store.MapError(err)
	}
	g, err := s.Gebruiker(ctx, id)
	return g, hash, err
}

func (s *Service) nieuweSessie(ctx context.Context, userID int64, in Inloggen) (string, Sessie, error) {
	token := nieuwToken("")
	now := s.now()
	sessie := Sessie{GebruikerID: userID, Aangemaakt: now, Verloopt: now.Add(min(s.cfg.SessieInactief, s.cfg.SessieMax))}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if in.OudeToken != "" {
			if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash(in.OudeToken)); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent)
			VALUES ($1, $2, $3, $3, $4, $5, $6)`, tokenHash(token), userID, now, sessie.Verloopt, in.IP, truncate(in.UserAgent, 200))
		return err
	})
	if err != nil {
		return "", Sessie{}, fmt.Errorf("auth: sessie: %w", err)
	}
	return token, sessie, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}

// Sessie checks a session token and returns the session and its user. A session ends after
// SessieInactief without use and at the latest SessieMax after login; each use (at most once a
// minute in the database) moves the inactivity deadline forward. Errors: ErrSessieVerlopen, ErrOngeldig.
func (s *Service) Sessie(ctx context.Context, token string) (Sessie, Gebruiker, error) {
	if token == "" {
		return Sessie{}, Gebruiker{}, ErrOngeldig
	}
	h := tokenHash(token)
	var sessie Sessie
	var lastSeen time.Time
	err := s.db.SQL().QueryRowContext(ctx, `SELECT user_id, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1`, h).
		Scan(&sessie.GebruikerID, &sessie.Aangemaakt, &lastSeen, &sessie.Verloopt)
	if errors.Is(err, sql.ErrNoRows) {
		return Sessie{}, Gebruiker{}, ErrOngeldig
	}
	if err != nil {
		return Sessie{}, Gebruiker{}, fmt.Errorf("auth: sessie: %w", err)
	}
	now := s.now()
	if !now.Before(sessie.Verloopt) {
		_, _ = s.db.Exec(ctx, `DELETE FROM sessions WHERE token_hash = $1`, h)
		return Sessie{}, Gebruiker{}, ErrSessieVerlopen
	}
	g, err := s.Gebruiker(ctx, sessie.GebruikerID)
	if err != nil {
		return Sessie{}, Gebruiker{}, err
	}
	if !g.Actief {
		return Sessie{}, Gebruiker{}, ErrOngeldig
	}
	if now.Sub(lastSeen) >= time.Minute {
		verloopt := now.Add(s.cfg.SessieInactief)
		if eind := sessie.Aangemaakt.Add(s.cfg.SessieMax); eind.Before(verloopt) {
			verloopt = eind
		}
		if _, err := s.db.Exec(ctx, `UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1`, h, now, verloopt); err != nil {
			return Sessie{}, Gebruiker{}, fmt.Errorf("auth: sessie verlengen: %w", err)
		}
		sessie.Verloopt = verloopt
	}
	return sessie, g, nil
}

// Logout ends the session of token. Ending an unknown session is not an error.
func (s *Service) Logout(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	_, err := s.db.Exec(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash(token))
	return err
}

// LogoutOveral ends every session of user id.
func (s *Service) LogoutOveral(ctx context.Context, id int64) error {
	_, err := s.db.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, id)
	return err
}

// Opruimen deletes ended sessions and login attempts older than the counting window. Run it now and
// then (a periodic job).
func (s *Service) Opruimen(ctx context.Context) (sessies, pogingen int64, err error) {
	now := s.now()
	res, err := s.db.Exec(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, now)
	if err != nil {
		return 0, 0, err
	}
	sessies, _ = res.RowsAffected()
	res, err = s.db.Exec(ctx, `DELETE FROM login_failures WHERE at <= $1`, now.Add(-s.cfg.Venster))
	if err != nil {
		return sessies, 0, err
	}
	pogingen, _ = res.RowsAffected()
	return sessies, pogingen, nil
}
