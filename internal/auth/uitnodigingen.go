package auth

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/text"
)

// Invitations. A beheerder may manage the accounts of their own gemeente, not those of another: adding
// an address that already has an account elsewhere must not attach that account (nor tell the beheerder
// that it exists). So a beheerder who is not a system administrator adds a colleague by invitation: a
// one-time code for one address, one role in one gemeente, handed over in person. The colleague redeems
// it (Aanvaard): without an account they choose a password and the account is made; with an account
// they confirm with their own password and get the role. Nobody else's account can be changed.
//
// Someone who holds a code can learn whether the invited address has an account by redeeming it (a new
// account succeeds without anyone's password, an existing one needs its own): the code is for that one
// address, works once, and every attempt is rate-limited like a login and each invitation is in the
// gemeente's processing log.

// Uitnodiging is an invitation to a role in a gemeente.
type Uitnodiging struct {
	ID         int64
	Gemeente   string
	Email      string // lower-case
	Naam       string // the name a new account gets
	Rol        Rol
	DoorID     int64 // the beheerder who made it (0 when that account is gone)
	Aangemaakt time.Time
	Verloopt   time.Time
	Gebruikt   *time.Time
}

// NieuweUitnodiging is the input of NodigUit.
type NieuweUitnodiging struct {
	Gemeente string
	Email    string
	Naam     string
	Rol      Rol
	Door     int64 // user id of the beheerder; 0: none (a system task)
}

// UitnodigingGeldig is how long an invitation can be redeemed.
const UitnodigingGeldig = 7 * 24 * time.Hour

// The errors of Aanvaard besides ErrOngeldig and *TeVaakError. They are returned only when the code and
// the address match, so they tell nothing to someone who guesses.
var (
	ErrUitnodigingVerlopen = errors.New("auth: uitnodiging verlopen")
	ErrUitnodigingGebruikt = errors.New("auth: uitnodiging al gebruikt")
)

// codeAlfabet is Crockford's base32: no I, L, O or U, so a code read aloud or typed over is not misread.
const codeAlfabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

var codeEncoding = base32.NewEncoding(codeAlfabet).WithPadding(base32.NoPadding)

// codeLengte is the number of characters of a code: 17 random bytes (136 bits) in base32.
const codeLengte = 28

// nieuweCode returns a fresh code in groups of four: ABCD-EFGH-… (7 groups).
func nieuweCode() string {
	var b [17]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	s := codeEncoding.EncodeToString(b[:])
	var sb strings.Builder
	for i := 0; i < len(s); i += 4 {
		if i > 0 {
			sb.WriteByte('-')
		}
		sb.WriteString(s[i : i+4])
	}
	return sb.String()
}

// normaliseerCode reads a code as typed: case, spaces and dashes do not matter, and O, I and L are read
// as 0, 1 and 1. It returns "" for anything that cannot be a code.
func normaliseerCode(c string) string {
	var sb strings.Builder
	for _, r := range strings.ToUpper(c) {
		switch {
		case r == ' ' || r == '-' || r == '\t':
			continue
		case r == 'O':
			r = '0'
		case r == 'I' || r == 'L':
			r = '1'
		}
		if !strings.ContainsRune(codeAlfabet, r) {
			return ""
		}
		sb.WriteRune(r)
	}
	if sb.Len() != codeLengte {
		return ""
	}
	return sb.String()
}

// NodigUit makes an invitation and returns its code, to be shown once (only its hash is stored).
func (s *Service) NodigUit(ctx context.Context, n NieuweUitnodiging) (string, Uitnodiging, error) {
	email, err := NormaliseerEmail(n.Email)
	if err != nil {
		return "", Uitnodiging{}, err
	}
	naam := strings.TrimSpace(n.Naam)
	if naam == "" {
		return "", Uitnodiging{}, errors.New("auth: naam ontbreekt")
	}
	if !n.Rol.Geldig() {
		return "", Uitnodiging{}, fmt.Errorf("auth: onbekende rol %q (kies uit %v)", n.Rol, Rollen)
	}
	code := nieuweCode()
	now := s.now()
	u := Uitnodiging{Gemeente: n.Gemeente, Email: email, Naam: naam, Rol: n.Rol, DoorID: n.Door, Aangemaakt: now, Verloopt: now.Add(UitnodigingGeldig)}
	err = s.db.SQL().QueryRowContext(ctx, `INSERT INTO invitations (gemeente, email, name, role, code_hash, created_by, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		u.Gemeente, u.Email, u.Naam, string(u.Rol), tokenHash(normaliseerCode(code)), sql.NullInt64{Int64: n.Door, Valid: n.Door > 0}, u.Aangemaakt, u.Verloopt).Scan(&u.ID)
	if err != nil {
		return "", Uitnodiging{}, fmt.Errorf("auth: uitnodiging maken: %w", store.MapError(err))
	}
	return code, u, nil
}

// OpenUitnodigingen returns the invitations of gemeente that can still be redeemed, newest first.
func (s *Service) OpenUitnodigingen(ctx context.Context, gemeente string) ([]Uitnodiging, error) {
	rows, err := s.db.SQL().QueryContext(ctx, `SELECT `+uitnodigingKolommen+` FROM invitations
		WHERE gemeente = $1 AND used_at IS NULL AND expires_at > $2 ORDER BY id DESC`, gemeente, s.now())
	if err != nil {
		return nil, fmt.Errorf("auth: uitnodigingen %s: %w", gemeente, store.MapError(err))
	}
	defer rows.Close()
	var out []Uitnodiging
	for rows.Next() {
		u, err := scanUitnodiging(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

const uitnodigingKolommen = `id, gemeente, email, name, role, COALESCE(created_by, 0), created_at, expires_at, used_at`

func scanUitnodiging(row interface{ Scan(...any) error }) (Uitnodiging, error) {
	var u Uitnodiging
	var gebruikt sql.NullTime
	err := row.Scan(&u.ID, &u.Gemeente, &u.Email, &u.Naam, &u.Rol, &u.DoorID, &u.Aangemaakt, &u.Verloopt, &gebruikt)
	u.Aangemaakt, u.Verloopt = u.Aangemaakt.UTC(), u.Verloopt.UTC()
	if gebruikt.Valid {
		t := gebruikt.Time.UTC()
		u.Gebruikt = &t
	}
	return u, err
}

// Aanvaarden is the input of Aanvaard.
type Aanvaarden struct {
	Email      string
	Code       string
	Wachtwoord string // a new account's chosen password, or an existing account's own password
	IP         string // client address, for rate limiting
}

// Aanvaard redeems an invitation. The address must be the invited one. When it has no account, one is
// made with the invitation's name and Wachtwoord (which must meet ControleerWachtwoordEisen); when it
// has one, Wachtwoord must be that account's password, and the account gets the role. It returns the
// account, the invitation and whether the account is new.
//
// Errors: a password-policy error (ErrWachtwoordTeKort, ErrWachtwoordTeLang), checked first for
// everyone; *TeVaakError (the login limits: attempts count per address and per client); ErrOngeldig for
// an unknown code, another address, or a wrong password or blocked account; ErrUitnodigingVerlopen and
// ErrUitnodigingGebruikt when code and address match.
func (s *Service) Aanvaard(ctx context.Context, in Aanvaarden) (Gebruiker, Uitnodiging, bool, error) {
	if err := ControleerWachtwoordEisen(in.Wachtwoord); err != nil {
		return Gebruiker{}, Uitnodiging{}, false, err
	}
	email := strings.ToLower(strings.TrimSpace(in.Email))
	if text.Check(email) != nil {
		email = "" // no account has it; counted against the client only (as Login)
	}
	poging, err := s.registreerPoging(ctx, email, in.IP)
	if err != nil {
		return Gebruiker{}, Uitnodiging{}, false, err
	}
	weiger := func() (Gebruiker, Uitnodiging, bool, error) {
		_, _ = VergelijkWachtwoord(dummyHash, in.Wachtwoord) // the same work as a real check
		return Gebruiker{}, Uitnodiging{}, false, ErrOngeldig
	}
	code := normaliseerCode(in.Code)
	if email == "" || code == "" {
		return weiger()
	}
	u, err := scanUitnodiging(s.db.SQL().QueryRowContext(ctx, `SELECT `+uitnodigingKolommen+` FROM invitations WHERE code_hash = $1`, tokenHash(code)))
	if errors.Is(store.MapError(err), store.ErrNotFound) || (err == nil && u.Email != email) {
		return weiger()
	}
	if err != nil {
		return Gebruiker{}, Uitnodiging{}, false, fmt.Errorf("auth: uitnodiging: %w", store.MapError(err))
	}
	switch {
	case u.Gebruikt != nil:
		return Gebruiker{}, u, false, ErrUitnodigingGebruikt
	case !s.now().Before(u.Verloopt):
		return Gebruiker{}, u, false, ErrUitnodigingVerlopen
	}

	g, hash, err := s.gebruikerMetHash(ctx, email)
	nieuw := errors.Is(err, store.ErrNotFound)
	switch {
	case nieuw:
		if hash, err = HashWachtwoord(in.Wachtwoord, s.cfg.Hash); err != nil {
			return Gebruiker{}, Uitnodiging{}, false, err
		}
	case err != nil:
		return Gebruiker{}, Uitnodiging{}, false, err
	default:
		ok, err := VergelijkWachtwoord(hash, in.Wachtwoord)
		if err != nil {
			return Gebruiker{}, Uitnodiging{}, false, fmt.Errorf("auth: gebruiker %d: %w", g.ID, err)
		}
		if !ok || !g.Actief {
			return Gebruiker{}, Uitnodiging{}, false, ErrOngeldig
		}
	}

	now := s.now()
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if nieuw {
			if err := tx.QueryRowContext(ctx, `INSERT INTO users (email, name, password_hash, system_admin, active, must_change_password, created_at, updated_at)
				VALUES ($1, $2, $3, FALSE, TRUE, FALSE, $4, $4) RETURNING id`, email, u.Naam, hash, now).Scan(&g.ID); err != nil {
				return fmt.Errorf("auth: gebruiker toevoegen: %w", store.MapError(err))
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE invitations SET used_at = $2, used_by = $3 WHERE id = $1 AND used_at IS NULL`, u.ID, now, g.ID)
		if err != nil {
			return fmt.Errorf("auth: uitnodiging gebruiken: %w", store.MapError(err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrUitnodigingGebruikt // redeemed meanwhile
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO user_roles (user_id, gemeente, role) VALUES ($1, $2, $3)
			ON CONFLICT (user_id, gemeente) DO UPDATE SET role = excluded.role`, g.ID, u.Gemeente, string(u.Rol)); err != nil {
			return fmt.Errorf("auth: rol %s in %s: %w", u.Rol, u.Gemeente, store.MapError(err))
		}
		_, err = tx.ExecContext(ctx, `UPDATE users SET updated_at = $2 WHERE id = $1`, g.ID, now)
		return err
	})
	if errors.Is(err, store.ErrConflict) {
		return Gebruiker{}, Uitnodiging{}, false, ErrOngeldig // the address got an account meanwhile: try again
	}
	if err != nil {
		return Gebruiker{}, Uitnodiging{}, false, err
	}
	if err := s.wisPogingen(ctx, email, poging); err != nil {
		return Gebruiker{}, Uitnodiging{}, false, err
	}
	u.Gebruikt = &now
	g, err = s.Gebruiker(ctx, g.ID)
	return g, u, nieuw, err
}
