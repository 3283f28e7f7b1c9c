package opslag

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/store"
)

// MaxBriefadressen bounds a gemeente's list of briefadressen: the settings page shows the whole list, and
// a gemeente has a handful (the gemeentehuis, a few shelters). Zeker's own bound, not a norm.
const MaxBriefadressen = 500

// activiteitInstellen is the processing activity of a gemeente's settings (as the other settings pages).
const activiteitInstellen = "gemeente.instellen"

// Briefadressen returns the gemeente's list of known briefadressen, by postcode and huisnummer.
func (s *Service) Briefadressen(ctx context.Context, gemeente string) ([]signalen.Briefadres, error) {
	return s.briefadressen(ctx, s.db, gemeente)
}

func (s *Service) briefadressen(ctx context.Context, q queryer, gemeente string) ([]signalen.Briefadres, error) {
	rows, err := q.QueryContext(ctx, `SELECT postcode, huisnummer, toevoeging, naam, bron FROM signalen_briefadres
		WHERE gemeente = $1 ORDER BY postcode, huisnummer, toevoeging`, gemeente)
	if err != nil {
		return nil, fmt.Errorf("opslag: briefadressen %s: %w", gemeente, store.MapError(err))
	}
	defer rows.Close()
	var out []signalen.Briefadres
	for rows.Next() {
		var b signalen.Briefadres
		if err := rows.Scan(&b.Postcode, &b.Huisnummer, &b.Toevoeging, &b.Naam, &b.Bron); err != nil {
			return nil, fmt.Errorf("opslag: briefadres: %w", store.MapError(err))
		}
		out = append(out, b)
	}
	return out, store.MapError(rows.Err())
}

// VoegBriefadresToe adds an address to the gemeente's list of briefadressen, with one audit row. Wrong
// input is an errs.Fields (paths postcode, huisnummer, toevoeging, naam, bron); an address already on
// the list is an error at huisnummer. From the next delivery on, signals at this address are matched by
// BSN only and never grouped by the address; signals already stored keep their zaak.
func (s *Service) VoegBriefadresToe(ctx context.Context, gemeente string, b signalen.Briefadres) error {
	b.Normaliseer()
	if err := b.Controleer(); err != nil {
		return err
	}
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM signalen_briefadres WHERE gemeente = $1`, gemeente).Scan(&n); err != nil {
			return fmt.Errorf("opslag: briefadressen tellen: %w", store.MapError(err))
		}
		if n >= MaxBriefadressen {
			return errs.FieldError("postcode", "De lijst heeft al "+strconv.Itoa(MaxBriefadressen)+" briefadressen. Verwijder eerst een adres dat niet meer gebruikt wordt.")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO signalen_briefadres (gemeente, postcode, huisnummer, toevoeging, naam, bron, toegevoegd)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, gemeente, b.Postcode, b.Huisnummer, b.Toevoeging, b.Naam, b.Bron, s.Vandaag().String())
		if err != nil {
			if err = store.MapError(err); errors.Is(err, errs.Conflict) {
				return errs.FieldError("huisnummer", "Dit adres staat al in de lijst met briefadressen.")
			}
			return fmt.Errorf("opslag: briefadres toevoegen: %w", err)
		}
		return s.logBriefadres(ctx, tx, gemeente, b, "vroegsignalering.briefadres.toevoegen", audit.Aanmaken)
	})
}

// VerwijderBriefadres takes an address off the gemeente's list, with one audit row; errs.NotFound when
// it is not on the list.
func (s *Service) VerwijderBriefadres(ctx context.Context, gemeente string, a signalen.Adres) error {
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, `DELETE FROM signalen_briefadres WHERE gemeente = $1 AND postcode = $2 AND huisnummer = $3 AND toevoeging = $4`,
			gemeente, a.Postcode, a.Huisnummer, a.Toevoeging)
		if err != nil {
			return fmt.Errorf("opslag: briefadres verwijderen: %w", store.MapError(err))
		}
		if n, err := r.RowsAffected(); err == nil && n == 0 {
			return fmt.Errorf("opslag: briefadres %s: %w", a.Sleutel(), errs.NotFound)
		}
		return s.logBriefadres(ctx, tx, gemeente, signalen.Briefadres{Postcode: a.Postcode, Huisnummer: a.Huisnummer, Toevoeging: a.Toevoeging},
			"vroegsignalering.briefadres.verwijderen", audit.Verwijderen)
	})
}

// logBriefadres writes the audit row of a change of the list. The object is the address of an
// institution or office, not of a person: no personal data.
func (s *Service) logBriefadres(ctx context.Context, tx *sql.Tx, gemeente string, b signalen.Briefadres, operatie string, actie audit.Actie) error {
	if err := s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteitInstellen,
		Operatie: operatie, Actie: actie, Resultaat: audit.OK, Object: "briefadres/" + b.Adres().Sleutel()}); err != nil {
		return fmt.Errorf("opslag: audit: %w", err)
	}
	return nil
}

// zoekerMetBriefadressen adds the gemeente's list of briefadressen to the Zoeker of a delivery.
func (s *Service) zoekerMetBriefadressen(ctx context.Context, gemeente string, z signalen.Zoeker) (signalen.Zoeker, error) {
	lijst, err := s.Briefadressen(ctx, gemeente)
	if err != nil {
		return nil, err
	}
	return signalen.MetBriefadressen(z, lijst), nil
}

// RegisterBriefadressen returns the briefadressen the gemeente's household register marks (column
// briefadres of the import), with the number of households at each; the settings page shows them beside
// the gemeente's own list. Koppel learns them from the Zoeker (bewoners.UitHuishoudens), not from here.
func (s *Service) RegisterBriefadressen(ctx context.Context, gemeente string) ([]register.Briefadres, error) {
	return register.Briefadressen(ctx, s.sdb, gemeente)
}
