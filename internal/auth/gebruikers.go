package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"net/mail"
	"slices"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
)

// Gebruiker is a staff account.
type Gebruiker struct {
	ID                     int64
	Email                  string // login name, lower-case
	Naam                   string
	Systeembeheerder       bool
	Actief                 bool
	MoetWachtwoordWijzigen bool
	Rollen                 map[string]Rol // gemeente → role
	Aangemaakt             time.Time
	Gewijzigd              time.Time
}

// Actor returns the user as an actor for Mag. An inactive user may nothing.
func (g Gebruiker) Actor() Actor {
	if !g.Actief {
		return Actor{Soort: ActorGebruiker, ID: g.ID, Naam: g.Naam}
	}
	return Actor{Soort: ActorGebruiker, ID: g.ID, Naam: g.Naam, Systeembeheerder: g.Systeembeheerder, Rollen: maps.Clone(g.Rollen)}
}

// NieuweGebruiker is the input of MaakGebruiker.
type NieuweGebruiker struct {
	Email                  string
	Naam                   string
	Wachtwoord             string
	Systeembeheerder       bool
	MoetWachtwoordWijzigen bool
}

// NormaliseerEmail trims and lower-cases an e-mail address and checks its form.
func NormaliseerEmail(email string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(email))
	a, err := mail.ParseAddress(e)
	if err != nil || a.Address != e || a.Name != "" {
		// Errors of this package never carry an address: they may be logged, and users are logged by id.
		return "", errors.New("auth: geen geldig e-mailadres")
	}
	return e, nil
}

// MaakGebruiker adds a staff account; store.ErrConflict when the e-mail address is taken.
func (s *Service) MaakGebruiker(ctx context.Context, n NieuweGebruiker) (Gebruiker, error) {
	email, err := NormaliseerEmail(n.Email)
	if err != nil {
		return Gebruiker{}, err
	}
	naam := strings.TrimSpace(n.Naam)
	if naam == "" {
		return Gebruiker{}, errors.New("auth: naam ontbreekt")
	}
	if err := ControleerWachtwoordEisen(n.Wachtwoord); err != nil {
		return Gebruiker{}, err
	}
	hash, err := HashWachtwoord(n.Wachtwoord, s.cfg.Hash)
	if err != nil {
		return Gebruiker{}, err
	}
	now := s.now()
	var id int64
	err = s.db.SQL().QueryRowContext(ctx, `INSERT INTO users (email, name, password_hash, system_admin, active, must_change_password, created_at, updated_at)
		VALUES ($1, $2, $3, $4, TRUE, $5, $6, $6) RETURNING id`, email, naam, hash, n.Systeembeheerder, n.MoetWachtwoordWijzigen, now).Scan(&id)
	if err != nil {
		return Gebruiker{}, fmt.Errorf("auth: gebruiker toevoegen: %w", store.MapError(err))
	}
	return Gebruiker{ID: id, Email: email, Naam: naam, Systeembeheerder: n.Systeembeheerder, Actief: true,
		MoetWachtwoordWijzigen: n.MoetWachtwoordWijzigen, Rollen: map[string]Rol{}, Aangemaakt: now, Gewijzigd: now}, nil
}

const gebruikerKolommen = `id, email, name, system_admin, active, must_change_password, created_at, updated_at`

func scanGebruiker(row interface{ Scan(...any) error }) (Gebruiker, error) {
	var g Gebruiker
	err := row.Scan(&g.ID, &g.Email, &g.Naam, &g.Systeembeheerder, &g.Actief, &g.MoetWachtwoordWijzigen, &g.Aangemaakt, &g.Gewijzigd)
	g.Rollen = map[string]Rol{}
	return g, err
}

// rollenVan loads the roles of the users in gs.
func (s *Service) rollenVan(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, gs []Gebruiker) error {
	if len(gs) == 0 {
		return nil
	}
	idx := make(map[int64]int, len(gs))
	args := make([]any, len(gs))
	ph := make([]string, len(gs))
	for i, g := range gs {
		idx[g.ID] = i
		args[i] = g.ID
		ph[i] = fmt.Sprintf("$%d", i+1)
	}
	rows, err := q.QueryContext(ctx, `SELECT user_id, gemeente, role FROM user_roles WHERE user_id IN (`+strings.Join(ph, ",")+`)`, args...)
	if err != nil {
		return fmt.Errorf("auth: rollen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var gem string
		var r Rol
		if err := rows.Scan(&id, &gem, &r); err != nil {
			return err
		}
		gs[idx[id]].Rollen[gem] = r
	}
	return rows.Err()
}

// Gebruiker returns the user with this id; store.ErrNotFound when there is none.
func (s *Service) Gebruiker(ctx context.Context, id int64) (Gebruiker, error) {
	g, err := scanGebruiker(s.db.SQL().QueryRowContext(ctx, `SELECT `+gebruikerKolommen+` FROM users WHERE id = $1`, id))
	if err != nil {
		return Gebruiker{}, fmt.Errorf("auth: gebruiker %d: %w", id, store.MapError(err))
	}
	gs := []Gebruiker{g}
	if err := s.rollenVan(ctx, s.db.SQL(), gs); err != nil {
		return Gebruiker{}, err
	}
	return gs[0], nil
}

// GebruikerOpEmail returns the user with this e-mail address; store.ErrNotFound when there is none.
func (s *Service) GebruikerOpEmail(ctx context.Context, email string) (Gebruiker, error) {
	e := strings.ToLower(strings.TrimSpace(email))
	var id int64
	if err := s.db.SQL().QueryRowContext(ctx, `SELECT id FROM users WHERE email = $1`, e).Scan(&id); err != nil {
		return Gebruiker{}, fmt.Errorf("auth: gebruiker op e-mailadres: %w", store.MapError(err))
	}
	return s.Gebruiker(ctx, id)
}

// Gebruikers returns the users that have a role in gemeente, ordered by name: what a beheerder of that
// gemeente sees. Users of other gemeenten are never included; their roles elsewhere are left out too.
func (s *Service) Gebruikers(ctx context.Context, gemeente string) ([]Gebruiker, error) {
	rows, err := s.db.SQL().QueryContext(ctx, `SELECT u.id, u.email, u.name, u.system_admin, u.active, u.must_change_password, u.created_at, u.updated_at, r.role
		FROM users u JOIN user_roles r ON r.user_id = u.id
		WHERE r.gemeente = $1 ORDER BY u.name, u.id`, gemeente)
	if err != nil {
		return nil, fmt.Errorf("auth: gebruikers %s: %w", gemeente, err)
	}
	defer rows.Close()
	var gs []Gebruiker
	for rows.Next() {
		var g Gebruiker
		var r Rol
		if err := rows.Scan(&g.ID, &g.Email, &g.Naam, &g.Systeembeheerder, &g.Actief, &g.MoetWachtwoordWijzigen, &g.Aangemaakt, &g.Gewijzigd, &r); err != nil {
			return nil, err
		}
		g.Rollen = map[string]Rol{gemeente: r}
		gs = append(gs, g)
	}
	return gs, rows.Err()
}

// AlleGebruikers returns every user with all roles, ordered by e-mail: for system administrators and
// the CLI.
func (s *Service) AlleGebruikers(ctx context.Context) ([]Gebruiker, error) {
	rows, err := s.db.SQL().QueryContext(ctx, `SELECT `+gebruikerKolommen+` FROM users ORDER BY email`)
	if err != nil {
		return nil, fmt.Errorf("auth: gebruikers: %w", err)
	}
	var gs []Gebruiker
	for rows.Next() {
		g, err := scanGebruiker(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		gs = append(gs, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for chunk := range slices.Chunk(gs, 500) {
		if err := s.rollenVan(ctx, s.db.SQL(), chunk); err != nil {
			return nil, err
		}
	}
	return gs, nil
}

// ZetRol gives user id the role r in gemeente (replacing a role there). The gemeente must exist
// (store.ErrConstraint otherwise).
func (s *Service) ZetRol(ctx context.Context, id int64, gemeente string, r Rol) error {
	if !r.Geldig() {
		return fmt.Errorf("auth: onbekende rol %q (kies uit %v)", r, Rollen)
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := bestaatGebruiker(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO user_roles (user_id, gemeente, role) VALUES ($1, $2, $3)
			ON CONFLICT (user_id, gemeente) DO UPDATE SET role = excluded.role`, id, gemeente, string(r)); err != nil {
			return fmt.Errorf("auth: rol %s in %s: %w", r, gemeente, err)
		}
		_, err := tx.ExecContext(ctx, `UPDATE users SET updated_at = $2 WHERE id = $1`, id, s.now())
		return err
	})
}

// VerwijderRol takes away the role of user id in gemeente; store.ErrNotFound when there was none.
func (s *Service) VerwijderRol(ctx context.Context, id int64, gemeente string) error {
	res, err := s.db.Exec(ctx, `DELETE FROM user_roles WHERE user_id = $1 AND gemeente = $2`, id, gemeente)
	if err != nil {
		return fmt.Errorf("auth: verwijder rol: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("auth: gebruiker %d heeft geen rol in %s: %w", id, gemeente, store.ErrNotFound)
	}
	return nil
}

func bestaatGebruiker(ctx context.Context, tx *sql.Tx, id int64) error {
	var x int64
	if err := tx.QueryRowContext(ctx, `SELECT id FROM users WHERE id = $1`, id).Scan(&x); err != nil {
		return fmt.Errorf("auth: gebruiker %d: %w", id, store.MapError(err))
	}
	return nil
}

// ZetWachtwoord sets a new password for user id (a reset by an administrator sets moetWijzigen) and
// ends all the user's sessions.
func (s *Service) ZetWachtwoord(ctx context.Context, id int64, wachtwoord string, moetWijzigen bool) error {
	if err := ControleerWachtwoordEisen(wachtwoord); err != nil {
		return err
	}
	hash, err := HashWachtwoord(wachtwoord, s.cfg.Hash)
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $2, must_change_password = $3, updated_at = $4 WHERE id = $1`,
			id, hash, moetWijzigen, s.now())
		if err != nil {
			return fmt.Errorf("auth: wachtwoord: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("auth: gebruiker %d: %w", id, store.ErrNotFound)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id)
		return err
	})
}

// ZetActief blocks (false) or unblocks a user; blocking ends the user's sessions.
func (s *Service) ZetActief(ctx context.Context, id int64, actief bool) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET active = $2, updated_at = $3 WHERE id = $1`, id, actief, s.now())
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("auth: gebruiker %d: %w", id, store.ErrNotFound)
		}
		if !actief {
			_, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id)
		}
		return err
	})
}

// ZetSysteembeheerder grants or withdraws the system administrator right.
func (s *Service) ZetSysteembeheerder(ctx context.Context, id int64, ja bool) error {
	res, err := s.db.Exec(ctx, `UPDATE users SET system_admin = $2, updated_at = $3 WHERE id = $1`, id, ja, s.now())
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("auth: gebruiker %d: %w", id, store.ErrNotFound)
	}
	return nil
}
