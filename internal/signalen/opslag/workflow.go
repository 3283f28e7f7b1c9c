package opslag

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/store"
)

// wijzig loads zaak id of gemeente inside a transaction, lets f change it, and saves the workflow fields.
func (s *Service) wijzig(ctx context.Context, gemeente string, id int64, operatie string, f func(tx *sql.Tx, z *signalen.Zaak) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("opslag: begin: %w", err)
	}
	defer tx.Rollback()
	q := `SELECT ` + zaakKolommen + ` FROM signalen_zaak WHERE gemeente = $1 AND id = $2`
	if s.dialect == store.Postgres {
		q += ` FOR UPDATE`
	}
	var z signalen.Zaak
	if err := scanZaak(tx.QueryRowContext(ctx, q, gemeente, id), &z); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("opslag: zaak %d: %w", id, ErrNietGevonden)
		}
		return fmt.Errorf("opslag: zaak %d: %w", id, err)
	}
	if err := f(tx, &z); err != nil {
		return err
	}
	// One audit row with the residents of the zaak (its distinct BSNs), not one per signal.
	var bsns []string
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT bsn FROM signalen_signaal WHERE gemeente = $1 AND zaak_id = $2 AND bsn <> ''`, gemeente, id)
	if err != nil {
		return fmt.Errorf("opslag: inwoners van zaak %d: %w", id, err)
	}
	for rows.Next() {
		var b string
		if err := rows.Scan(&b); err != nil {
			rows.Close()
			return fmt.Errorf("opslag: inwoners van zaak %d: %w", id, err)
		}
		bsns = append(bsns, b)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("opslag: inwoners van zaak %d: %w", id, err)
	}
	if err := s.logZaak(ctx, tx, &z, bsns, operatie, audit.Wijzigen); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE signalen_zaak SET status = $3, automatisch = $4, resultaat = $5,
		datum_opgepakt = $6, afgesloten = $7, behandelaar = $8 WHERE gemeente = $1 AND id = $2`,
		gemeente, id, string(z.Status), b2i(z.AutomatischGesloten), string(z.Resultaat), z.DatumOpgepakt.String(),
		z.Afgesloten.String(), z.Behandelaar); err != nil {
		return fmt.Errorf("opslag: zaak %d bijwerken: %w", id, err)
	}
	if !z.DatumOpgepakt.IsZero() && z.Status == signalen.ZaakOpen {
		if _, err := tx.ExecContext(ctx, `UPDATE signalen_signaal SET status = $3 WHERE gemeente = $1 AND zaak_id = $2 AND status = $4`,
			gemeente, id, string(signalen.StatusOpgepakt), string(signalen.StatusNogNietOpgepakt)); err != nil {
			return fmt.Errorf("opslag: signalen van zaak %d: %w", id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("opslag: commit zaak %d: %w", id, err)
	}
	return nil
}

// Oppakken records that behandelaar took up the zaak today (DDAS datumOpgepakt); its waiting signals
// become "Opgepakt".
func (s *Service) Oppakken(ctx context.Context, gemeente string, id int64, behandelaar string) error {
	vandaag := s.Vandaag()
	return s.wijzig(ctx, gemeente, id, "vroegsignaalzaak.oppakken", func(_ *sql.Tx, z *signalen.Zaak) error { return z.Oppakken(vandaag, behandelaar) })
}

// RegistreerContact adds a contact attempt (by door) and keeps the indicator fields of the zaak up to
// date: first attempt, days to it, reached, and for a crisis whether it was reached within 3 working days.
func (s *Service) RegistreerContact(ctx context.Context, gemeente string, id int64, c signalen.Contactpoging, door string) (int64, error) {
	vandaag := s.Vandaag()
	var nieuw int64
	err := s.wijzig(ctx, gemeente, id, "vroegsignaalzaak.contactpoging", func(tx *sql.Tx, z *signalen.Zaak) error {
		if err := z.RegistreerContact(c, vandaag); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO signalen_contactpoging (gemeente, zaak_id, soort, bereikt, datum, dagdeel, toelichting, door)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, gemeente, id, string(c.Soort), b2i(c.Bereikt), c.Datum.String(),
			string(c.Dagdeel), c.Toelichting, door).Scan(&nieuw); err != nil {
			return fmt.Errorf("opslag: contactpoging: %w", err)
		}
		var eerste string
		var bereikt, opTijd int
		if err := tx.QueryRowContext(ctx, `SELECT eerste_contact, bereikt, crisis_op_tijd FROM signalen_zaak WHERE gemeente = $1 AND id = $2`,
			gemeente, id).Scan(&eerste, &bereikt, &opTijd); err != nil {
			return fmt.Errorf("opslag: zaak %d: %w", id, err)
		}
		e := leesDatum(eerste)
		if e.IsZero() || c.Datum.Voor(e) {
			e = c.Datum
		}
		if c.Bereikt {
			bereikt = 1
			if z.Crisis && !c.Datum.Na(z.CrisisDeadline) {
				opTijd = 1
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE signalen_zaak SET eerste_contact = $3, dagen_tot_contact = $4, bereikt = $5,
			crisis_op_tijd = $6 WHERE gemeente = $1 AND id = $2`, gemeente, id, e.String(), z.EersteOntvangst.DagenTot(e), bereikt, opTijd); err != nil {
			return fmt.Errorf("opslag: zaak %d: %w", id, err)
		}
		return nil
	})
	return nieuw, err
}

// Notitie adds a case worker's note to a zaak.
func (s *Service) Notitie(ctx context.Context, gemeente string, id int64, tekst, door string) error {
	if tekst == "" || len(tekst) > 10000 {
		return fmt.Errorf("%w: een notitie heeft 1 tot 10.000 tekens", signalen.ErrOngeldigeInvoer)
	}
	tijd := s.klok().UTC().Format(time.RFC3339)
	return s.wijzig(ctx, gemeente, id, "vroegsignaalzaak.notitie", func(tx *sql.Tx, _ *signalen.Zaak) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO signalen_notitie (gemeente, zaak_id, tekst, door, tijd) VALUES ($1, $2, $3, $4, $5)`,
			gemeente, id, tekst, door, tijd); err != nil {
			return fmt.Errorf("opslag: notitie: %w", err)
		}
		return nil
	})
}

// Sluit closes a zaak with a DDAS outcome (required). Its signals that were waiting or picked up get
// the status that goes with the outcome.
func (s *Service) Sluit(ctx context.Context, gemeente string, id int64, r signalen.Eindresultaat) error {
	vandaag := s.Vandaag()
	return s.wijzig(ctx, gemeente, id, "vroegsignaalzaak.afsluiten", func(tx *sql.Tx, z *signalen.Zaak) error {
		if err := z.Sluit(r, vandaag); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE signalen_signaal SET status = $3 WHERE gemeente = $1 AND zaak_id = $2
			AND status IN ($4, $5)`, gemeente, id, string(signalen.StatusNaResultaat(r)),
			string(signalen.StatusNogNietOpgepakt), string(signalen.StatusOpgepakt)); err != nil {
			return fmt.Errorf("opslag: signalen van zaak %d: %w", id, err)
		}
		return nil
	})
}
