package netwerk

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
)

// MaakLocatie stores a new location of partner l.PartnerID; l.ID empty gets a new UUID.
func (s *Service) MaakLocatie(ctx context.Context, gemeente string, l Locatie) (Locatie, error) {
	var uit Locatie
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		uit, err = s.maakLocatieTx(ctx, tx, gemeente, l)
		return err
	})
	return uit, err
}

func (s *Service) maakLocatieTx(ctx context.Context, tx *sql.Tx, gemeente string, l Locatie) (Locatie, error) {
	l = l.Normaliseer()
	if l.ID == "" {
		l.ID = partner.NieuwID()
	} else if !partner.GeldigID(l.ID) {
		return Locatie{}, ongeldig(errs.Fields{{Path: "id", Reason: "Een id is een UUID in kleine letters; laat het leeg voor een nieuwe locatie."}})
	}
	f := l.Valideer()
	if f == nil {
		f = errs.Fields{}
	}
	if o, err := s.partners.Haal(ctx, l.PartnerID); err != nil || o.SamengevoegdIn != "" {
		if err != nil && !errors.Is(err, errs.NotFound) {
			return Locatie{}, err
		}
		f.Set("partner", "Deze partner bestaat niet (meer).")
	}
	if len(f) > 0 {
		return Locatie{}, ongeldig(f)
	}
	return l, s.schrijfNieuweLocatie(ctx, tx, gemeente, l)
}

// schrijfNieuweLocatie inserts a checked location with its audit row.
func (s *Service) schrijfNieuweLocatie(ctx context.Context, tx *sql.Tx, gemeente string, l Locatie) error {
	nu := s.nu()
	a := l.Adres
	if _, err := tx.ExecContext(ctx, `INSERT INTO netwerk_locatie (`+locatieKolommen+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`, l.ID, l.PartnerID, l.Naam, string(l.Soort),
		a.Straat, a.Huisnummer, a.Postcode, a.Plaats, l.URL, l.Toegankelijkheid, l.Bron, nu); err != nil {
		if errors.Is(store.MapError(err), errs.Conflict) {
			return ongeldig(errs.Fields{{Path: "id", Reason: "Er is al een locatie met dit id."}})
		}
		return fmt.Errorf("netwerk: locatie maken: %w", err)
	}
	return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: Activiteit,
		Operatie: "locatie.maken", Actie: audit.Aanmaken, Object: "locatie/" + l.ID})
}

// WijzigLocatie replaces location l.ID (not its partner). Every gemeente of the services offered
// there gets an audit row (and gemeente, where the change was made).
func (s *Service) WijzigLocatie(ctx context.Context, gemeente string, l Locatie) (Locatie, error) {
	var uit Locatie
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		uit, err = s.wijzigLocatieTx(ctx, tx, gemeente, l)
		return err
	})
	return uit, err
}

func (s *Service) wijzigLocatieTx(ctx context.Context, tx *sql.Tx, gemeente string, l Locatie) (Locatie, error) {
	oud, err := s.locaties(ctx, tx, `id = $1`, l.ID)
	if err != nil {
		return Locatie{}, err
	}
	if len(oud) == 0 {
		return Locatie{}, fmt.Errorf("netwerk: locatie %s: %w", l.ID, errs.NotFound)
	}
	l = l.Normaliseer()
	l.PartnerID, l.Aangemaakt = oud[0].PartnerID, oud[0].Aangemaakt
	if f := l.Valideer(); f != nil {
		return Locatie{}, ongeldig(f)
	}
	return l, s.schrijfGewijzigdeLocatie(ctx, tx, gemeente, l)
}

// schrijfGewijzigdeLocatie updates a checked location with its audit rows.
func (s *Service) schrijfGewijzigdeLocatie(ctx context.Context, tx *sql.Tx, gemeente string, l Locatie) error {
	a := l.Adres
	if _, err := tx.ExecContext(ctx, `UPDATE netwerk_locatie SET naam = $2, soort = $3, straat = $4, huisnummer = $5, postcode = $6,
		plaats = $7, url = $8, toegankelijkheid = $9, bron = $10, gewijzigd = $11 WHERE id = $1`, l.ID, l.Naam, string(l.Soort),
		a.Straat, a.Huisnummer, a.Postcode, a.Plaats, l.URL, l.Toegankelijkheid, l.Bron, s.nu()); err != nil {
		return fmt.Errorf("netwerk: locatie wijzigen: %w", err)
	}
	return s.logLocatie(ctx, tx, "locatie.wijzigen", audit.Wijzigen, l.ID, gemeente)
}

func (s *Service) logLocatie(ctx context.Context, tx *sql.Tx, op string, actie audit.Actie, id, gemeente string) error {
	gms := []string{gemeente}
	err := eachRow(ctx, tx, `SELECT DISTINCT g.gemeente FROM netwerk_dienst_gemeente g JOIN netwerk_dienst_locatie dl
		ON dl.dienst_id = g.dienst_id WHERE dl.locatie_id = $1`, []any{id}, func(r *sql.Rows) error {
		var g string
		err := r.Scan(&g)
		gms = append(gms, g)
		return err
	})
	if err != nil {
		return err
	}
	slices.Sort(gms)
	for _, gm := range slices.Compact(gms) {
		if err := s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: Activiteit, Operatie: op,
			Actie: actie, Object: "locatie/" + id}); err != nil {
			return err
		}
	}
	return nil
}

// VerwijderLocatie removes location id; the services offered there lose it.
func (s *Service) VerwijderLocatie(ctx context.Context, gemeente, id string) error {
	if _, err := s.Locatie(ctx, id); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.logLocatie(ctx, tx, "locatie.verwijderen", audit.Verwijderen, id, gemeente); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM netwerk_dienst_locatie WHERE locatie_id = $1`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM netwerk_locatie WHERE id = $1`, id); err != nil {
			return fmt.Errorf("netwerk: locatie verwijderen: %w", err)
		}
		return nil
	})
}
