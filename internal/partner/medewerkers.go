package partner

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/store"
)

// Partner users (medewerkers van een partner). A gemeente's beheerder invites a person of a partner
// with the ordinary invitation of internal/auth (role intermediair in that gemeente) and links the
// invitation to the partner here (KoppelUitnodiging). Whoever redeems that invitation is a user of that
// partner in that gemeente: MedewerkerVan finds the partner through the redeemed invitation, so the
// link exists exactly when the account does, without a step after redeeming that could fail. The
// partner's pages (internal/netwerk, netwerkweb) show such a user only what concerns its own partner.
//
// A user is a partner user in a gemeente only while (a) its role there is intermediair (the caller
// checks the role: a beheerder who makes the user a consulent ends the link's effect), (b) the partner's
// membership of the gemeente is valid today, and (c) the partner is not merged away (a merge moves the
// link with VerhuisMedewerkers).

// Medewerker is an invitation of a partner user and, once redeemed, the user.
type Medewerker struct {
	UitnodigingID int64
	Email, Naam   string
	Gebruiker     int64 // 0 until redeemed
	Aangemaakt    time.Time
	Verloopt      time.Time
	Gebruikt      *time.Time
}

// KoppelUitnodiging links invitation id (made by auth.NodigUit for gemeente) to partner id. The partner
// must be a member of gemeente today.
func (s *Service) KoppelUitnodiging(ctx context.Context, invitation int64, id, gemeente string) error {
	lid, err := s.IsLidOp(ctx, id, gemeente, s.Vandaag())
	if err != nil {
		return err
	}
	if !lid {
		return errs.FieldError("partner", "Deze partner is vandaag geen lid van de gemeente; nodig pas uit als het lidmaatschap loopt.")
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO partner_uitnodiging (invitation_id, partner_id, gemeente) VALUES ($1, $2, $3)`,
			invitation, id, gemeente); err != nil {
			return fmt.Errorf("partner: uitnodiging koppelen: %w", store.MapError(err))
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: "gebruikers.beheren",
			Operatie: "partner.medewerker.uitnodigen", Actie: audit.Aanmaken, Object: "partner/" + id,
			Detail: fmt.Sprintf("uitnodiging %d", invitation)})
	})
}

// MedewerkerVan returns the partner whose user gebruiker is in gemeente: the partner of the invitation
// to gemeente that gebruiker redeemed last, when its membership is valid today. ok is false for a user
// who is no partner's user there.
func (s *Service) MedewerkerVan(ctx context.Context, gebruiker int64, gemeente string) (id string, ok bool, err error) {
	err = s.db.SQL().QueryRowContext(ctx, `SELECT pu.partner_id FROM partner_uitnodiging pu
		JOIN invitations i ON i.id = pu.invitation_id
		WHERE i.used_by = $1 AND pu.gemeente = $2 AND i.gemeente = $2 ORDER BY i.used_at DESC, i.id DESC LIMIT 1`,
		gebruiker, gemeente).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("partner: medewerker %d in %s: %w", gebruiker, gemeente, store.MapError(err))
	}
	lid, err := s.IsLidOp(ctx, id, gemeente, s.Vandaag())
	if err != nil || !lid {
		return "", false, err
	}
	return id, true, nil
}

// Medewerkers returns the invitations of partner id in gemeente, redeemed or not, newest first.
func (s *Service) Medewerkers(ctx context.Context, id, gemeente string) ([]Medewerker, error) {
	rows, err := s.db.SQL().QueryContext(ctx, `SELECT i.id, i.email, i.name, COALESCE(i.used_by, 0), i.created_at, i.expires_at, i.used_at
		FROM partner_uitnodiging pu JOIN invitations i ON i.id = pu.invitation_id
		WHERE pu.partner_id = $1 AND pu.gemeente = $2 ORDER BY i.id DESC`, id, gemeente)
	if err != nil {
		return nil, fmt.Errorf("partner: medewerkers: %w", store.MapError(err))
	}
	defer rows.Close()
	var uit []Medewerker
	for rows.Next() {
		var m Medewerker
		var gebruikt sql.NullTime
		if err := rows.Scan(&m.UitnodigingID, &m.Email, &m.Naam, &m.Gebruiker, &m.Aangemaakt, &m.Verloopt, &gebruikt); err != nil {
			return nil, err
		}
		m.Aangemaakt, m.Verloopt = m.Aangemaakt.UTC(), m.Verloopt.UTC()
		if gebruikt.Valid {
			t := gebruikt.Time.UTC()
			m.Gebruikt = &t
		}
		uit = append(uit, m)
	}
	return uit, rows.Err()
}

// VerhuisMedewerkers is the Verhuizer of partner users: the users of van become users of naar.
func VerhuisMedewerkers(ctx context.Context, tx *sql.Tx, van, naar string) (int64, error) {
	res, err := tx.ExecContext(ctx, `UPDATE partner_uitnodiging SET partner_id = $2 WHERE partner_id = $1`, van, naar)
	if err != nil {
		return 0, fmt.Errorf("partner: medewerkers verhuizen: %w", store.MapError(err))
	}
	return res.RowsAffected()
}

// Aangenomen is when the invitation was redeemed; zero when not (yet).
func (m Medewerker) Aangenomen() time.Time {
	if m.Gebruikt == nil {
		return time.Time{}
	}
	return *m.Gebruikt
}

// Querier is what MedewerkerAdressen reads through: a transaction or the database.
type Querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// MedewerkerAdressen returns the e-mail addresses of the active users of partner id in gemeente (as
// MedewerkerVan decides: the last invitation a user redeemed there is this partner's, and the user's
// role there is intermediair), sorted; read through q so that a caller can mail them in its own
// transaction. The membership is the caller's to check.
func MedewerkerAdressen(ctx context.Context, q Querier, id, gemeente string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT u.email FROM partner_uitnodiging pu
		JOIN invitations i ON i.id = pu.invitation_id AND i.gemeente = pu.gemeente
		JOIN users u ON u.id = i.used_by
		JOIN user_roles r ON r.user_id = u.id AND r.gemeente = pu.gemeente AND r.role = 'intermediair'
		WHERE pu.partner_id = $1 AND pu.gemeente = $2 AND u.active = TRUE
		AND NOT EXISTS (SELECT 1 FROM partner_uitnodiging pu2 JOIN invitations i2 ON i2.id = pu2.invitation_id
			WHERE i2.used_by = u.id AND pu2.gemeente = $2 AND i2.gemeente = $2 AND pu2.partner_id <> $1
			AND (i2.used_at > i.used_at OR (i2.used_at = i.used_at AND i2.id > i.id)))
		ORDER BY u.email`, id, gemeente)
	if err != nil {
		return nil, fmt.Errorf("partner: adressen van medewerkers van %s: %w", id, store.MapError(err))
	}
	defer rows.Close()
	var uit []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		uit = append(uit, a)
	}
	return uit, rows.Err()
}
