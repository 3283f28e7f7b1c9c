package auth

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// ErrTeVaak is the kind of *TeVaakError.
var ErrTeVaak = errors.New("te veel inlogpogingen")

// TeVaakError says that login is blocked for a while, and how long. Its message is Dutch and meant
// for the login page.
type TeVaakError struct {
	Wacht time.Duration
}

func (e *TeVaakError) Error() string {
	return "Te veel mislukte pogingen om in te loggen. Wacht " + wachttijd(e.Wacht) + " en probeer het dan opnieuw."
}

// Is makes errors.Is(err, ErrTeVaak) true.
func (e *TeVaakError) Is(target error) bool { return target == ErrTeVaak }

// wachttijd writes a wait in plain Dutch, rounded up to whole minutes (seconds under a minute).
func wachttijd(d time.Duration) string {
	if d < time.Minute {
		s := int((d + time.Second - 1) / time.Second)
		if s <= 1 {
			return "1 seconde"
		}
		return fmt.Sprintf("%d seconden", s)
	}
	m := int((d + time.Minute - 1) / time.Minute)
	if m == 1 {
		return "1 minuut"
	}
	return fmt.Sprintf("%d minuten", m)
}

// poging identifies the rows of one login attempt, so a successful login can remove them.
type poging struct{ account, ip int64 }

// sleutelHash is the hex SHA-256 of s, for lock keys that must not carry the address itself.
func sleutelHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// registreerPoging counts the attempts of the last window for the account and the IP address and
// records this one (email "": the client address only), in one transaction so that parallel attempts
// cannot slip past the limit. A refused attempt is not recorded, so waiting the stated time always helps.
func (s *Service) registreerPoging(ctx context.Context, email, ip string) (poging, error) {
	now := s.now()
	van := now.Add(-s.cfg.Venster)
	var p poging
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		// PostgreSQL: serialise attempts on one account and one address (SQLite: the write lock does it).
		// Always account before address, so two attempts cannot wait for each other.
		if email != "" {
			// The lock key is a hash: a failed lock names its key in the error, and the error may be
			// logged; users are logged by id, never by address.
			if err := s.db.LockTx(ctx, tx, "login:account:"+sleutelHash(email)); err != nil {
				return err
			}
		}
		if ip != "" {
			if err := s.db.LockTx(ctx, tx, "login:ip:"+ip); err != nil {
				return err
			}
		}
		wacht := time.Duration(0)
		for _, c := range []struct {
			scope, subject string
			max            int
		}{{"account", email, s.cfg.MaxPerAccount}, {"ip", ip, s.cfg.MaxPerIP}} {
			if c.subject == "" {
				continue
			}
			// The max-th most recent attempt in the window decides when a new one is allowed.
			var oudste time.Time
			err := tx.QueryRowContext(ctx, `SELECT at FROM login_failures WHERE scope = $1 AND subject = $2 AND at > $3
				ORDER BY at DESC LIMIT 1 OFFSET $4`, c.scope, c.subject, van, c.max-1).Scan(&oudste)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return err
			}
			wacht = max(wacht, oudste.Add(s.cfg.Venster).Sub(now))
		}
		if wacht > 0 {
			return &TeVaakError{Wacht: wacht}
		}
		if email != "" {
			if err := tx.QueryRowContext(ctx, `INSERT INTO login_failures (scope, subject, at) VALUES ('account', $1, $2) RETURNING id`, email, now).Scan(&p.account); err != nil {
				return err
			}
		}
		if ip != "" {
			if err := tx.QueryRowContext(ctx, `INSERT INTO login_failures (scope, subject, at) VALUES ('ip', $1, $2) RETURNING id`, ip, now).Scan(&p.ip); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		var te *TeVaakError
		if errors.As(err, &te) {
			return p, te
		}
		return p, fmt.Errorf("auth: inlogpoging: %w", err)
	}
	return p, nil
}

// wisPogingen forgets the account's attempts after a successful login, and this attempt's IP row.
func (s *Service) wisPogingen(ctx context.Context, email string, p poging) error {
	_, err := s.db.Exec(ctx, `DELETE FROM login_failures WHERE (scope = 'account' AND subject = $1) OR id = $2`, email, p.ip)
	if err != nil {
		return fmt.Errorf("auth: inlogpogingen wissen: %w", err)
	}
	return nil
}
