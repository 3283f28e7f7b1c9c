package netwerk

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
)

// VerhuisAanbod is the partner.Verhuizer of the sociale kaart: when partner van is merged into naar,
// van's services, locations and proposals become naar's. Nothing can collide (names need not be unique).
func VerhuisAanbod(ctx context.Context, tx *sql.Tx, van, naar string) (int64, error) {
	var n int64
	for _, q := range []string{`UPDATE netwerk_dienst SET partner_id = $2 WHERE partner_id = $1`,
		`UPDATE netwerk_locatie SET partner_id = $2 WHERE partner_id = $1`,
		`UPDATE netwerk_voorstel SET partner_id = $2 WHERE partner_id = $1`} {
		res, err := tx.ExecContext(ctx, q, van, naar)
		if err != nil {
			return 0, fmt.Errorf("netwerk: verhuizen: %w", err)
		}
		k, _ := res.RowsAffected()
		n += k
	}
	return n, nil
}

// VerouderdNaMaanden is gemeente's setting: after how many months without a check an entry is stale
// (StandaardVerouderdNaMaanden when the gemeente did not choose).
func (s *Service) VerouderdNaMaanden(ctx context.Context, gemeente string) (int, error) {
	var n int
	err := s.db.SQL().QueryRowContext(ctx, `SELECT verouderd_na_maanden FROM netwerk_instellingen WHERE gemeente = $1`, gemeente).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return StandaardVerouderdNaMaanden, nil
	}
	if err != nil {
		return 0, fmt.Errorf("netwerk: instellingen %s: %w", gemeente, err)
	}
	return n, nil
}

// ZetVerouderdNaMaanden stores gemeente's setting (1 to MaxVerouderdNaMaanden months).
func (s *Service) ZetVerouderdNaMaanden(ctx context.Context, gemeente string, n int) error {
	if n < 1 || n > MaxVerouderdNaMaanden {
		return ongeldig(errs.Fields{{Path: "maanden", Reason: fmt.Sprintf("Kies een aantal maanden van 1 tot en met %d.", MaxVerouderdNaMaanden)}})
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO netwerk_instellingen (gemeente, verouderd_na_maanden, gewijzigd) VALUES ($1, $2, $3)
			ON CONFLICT (gemeente) DO UPDATE SET verouderd_na_maanden = excluded.verouderd_na_maanden, gewijzigd = excluded.gewijzigd`,
			gemeente, n, s.nu()); err != nil {
			return fmt.Errorf("netwerk: instellingen %s: %w", gemeente, err)
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: Activiteit,
			Operatie: "sociale_kaart.instellen", Actie: audit.Wijzigen, Object: "sociale_kaart/" + gemeente,
			Detail: fmt.Sprintf("verouderd na %d maanden", n)})
	})
}
