package netwerk

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
)

// Measured values (metingen) of an agreement's indicators: per indicator and period (a year or a
// quarter) the value as it was measured, written as the source gives it ("87 huishoudens"), with that
// source and the day it was measured. Zeker does not compute them: where Zeker's own data could give
// the number (ZekerTelt), the form says where to look, but the gemeente fills in what its agreement
// measures — a definition that differs by a word gives a different number.

// Meting is one measured value.
type Meting struct {
	ID         int64
	Gemeente   string
	AfspraakID int64
	Indicator  string // the indicator's name
	Periode    Periode
	Waarde     string
	Bron       string
	GemetenOp  time.Time // a day
	Versie     int
	Gewijzigd  time.Time
}

// ErrMetingVerouderd: the form was opened before someone else recorded or changed this value.
var ErrMetingVerouderd = fmt.Errorf("netwerk: %w: iemand anders heeft deze meting intussen vastgelegd of gewijzigd", errs.Conflict)

func (m *Meting) valideer(a Afspraak, vandaag time.Time) errs.Fields {
	f := errs.Fields{}
	m.Waarde, m.Bron = strings.TrimSpace(m.Waarde), strings.TrimSpace(m.Bron)
	gevonden := false
	for _, x := range a.Indicatoren {
		gevonden = gevonden || x.Naam == m.Indicator
	}
	if !gevonden {
		f.Set("indicator", "Kies een indicator van deze afspraak.")
	}
	if m.Periode.Jaar == 0 {
		f.Set("periode", "Vul de periode in: een jaar (2026) of een kwartaal (2026-K2).")
	}
	if m.Waarde == "" {
		f.Set("waarde", "Vul de gemeten waarde in zoals de bron hem geeft, bijvoorbeeld ‘87 huishoudens’.")
	}
	f.Set("waarde", tekstFout(m.Waarde, MaxKort, false))
	if m.Bron == "" {
		f.Set("bron", "Vul de bron in: waar de gemeten waarde vandaan komt, bijvoorbeeld de jaarrapportage en de pagina.")
	}
	f.Set("bron", tekstFout(m.Bron, MaxKort, false))
	switch {
	case m.GemetenOp.IsZero():
		f.Set("gemeten_op", "Vul de datum van de meting in, zoals 15-1-2027.")
	case m.GemetenOp.After(vandaag):
		f.Set("gemeten_op", "De datum van de meting ligt in de toekomst.")
	case m.Periode.Jaar != 0 && m.GemetenOp.Year() < m.Periode.Jaar:
		f.Set("gemeten_op", "De meting is van voor het jaar van de periode.")
	}
	if len(f) == 0 {
		return nil
	}
	return f
}

// LegMetingVast records the measured value of m.Indicator of agreement m.AfspraakID in m.Periode, or
// replaces the one recorded. versie is the version the form was opened with (0: there was none); a
// different stored version is ErrMetingVerouderd. Problems of the input are errs.Fields.
func (s *Service) LegMetingVast(ctx context.Context, m Meting, versie int) (Meting, error) {
	a, err := s.Afspraak(ctx, m.Gemeente, m.AfspraakID)
	if err != nil {
		return m, err
	}
	if f := m.valideer(a, s.Vandaag()); f != nil {
		return m, f
	}
	nu := s.nu()
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var id int64
		var huidig int
		err := tx.QueryRowContext(ctx, `SELECT id, versie FROM netwerk_afspraak_meting WHERE gemeente = $1 AND afspraak_id = $2 AND indicator = $3 AND periode = $4`,
			m.Gemeente, m.AfspraakID, m.Indicator, m.Periode.String()).Scan(&id, &huidig)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if versie != 0 {
				return ErrMetingVerouderd
			}
			m.Versie = 1
			if err := tx.QueryRowContext(ctx, `INSERT INTO netwerk_afspraak_meting (gemeente, afspraak_id, indicator, periode, waarde, bron, gemeten_op, versie, gewijzigd)
				VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8) RETURNING id`, m.Gemeente, m.AfspraakID, m.Indicator, m.Periode.String(), m.Waarde, m.Bron,
				partner.DagTekst(m.GemetenOp), nu).Scan(&m.ID); err != nil {
				if err = store.MapError(err); errors.Is(err, store.ErrConflict) {
					return ErrMetingVerouderd // another form recorded it after our SELECT
				}
				return fmt.Errorf("netwerk: meting opslaan: %w", err)
			}
		case err != nil:
			return fmt.Errorf("netwerk: meting: %w", store.MapError(err))
		default:
			if versie != huidig {
				return ErrMetingVerouderd
			}
			m.ID, m.Versie = id, huidig+1
			res, err := tx.ExecContext(ctx, `UPDATE netwerk_afspraak_meting SET waarde = $3, bron = $4, gemeten_op = $5, versie = $6, gewijzigd = $7
				WHERE gemeente = $1 AND id = $2 AND versie = $8`, m.Gemeente, id, m.Waarde, m.Bron, partner.DagTekst(m.GemetenOp), m.Versie, nu, huidig)
			if err != nil {
				return fmt.Errorf("netwerk: meting %d: %w", id, store.MapError(err))
			}
			// On PostgreSQL a concurrent change committed after our SELECT leaves no row at our version:
			// stale, not a silent success.
			if n, err := res.RowsAffected(); err != nil {
				return fmt.Errorf("netwerk: meting %d: %w", id, store.MapError(err))
			} else if n != 1 {
				return ErrMetingVerouderd
			}
		}
		m.Gewijzigd = nu
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: m.Gemeente, Verwerkingsactiviteit: Activiteit, Operatie: "afspraak.meting",
			Actie: audit.Wijzigen, Object: "afspraak/" + strconv.FormatInt(m.AfspraakID, 10),
			Detail: m.Indicator + ", " + m.Periode.String()})
	})
	return m, err
}

// Metingen returns the measured values of gemeente's agreements (all when afspraak is 0), by agreement,
// indicator and period (newest period first).
func (s *Service) Metingen(ctx context.Context, gemeente string, afspraak int64) ([]Meting, error) {
	q := `SELECT id, gemeente, afspraak_id, indicator, periode, waarde, bron, gemeten_op, versie, gewijzigd FROM netwerk_afspraak_meting WHERE gemeente = $1`
	args := []any{gemeente}
	if afspraak != 0 {
		q += ` AND afspraak_id = $2`
		args = append(args, afspraak)
	}
	var uit []Meting
	err := eachRow(ctx, s.db.SQL(), q+` ORDER BY afspraak_id, indicator, periode DESC`, args, func(rows *sql.Rows) error {
		var m Meting
		var periode, dag string
		if err := rows.Scan(&m.ID, &m.Gemeente, &m.AfspraakID, &m.Indicator, &periode, &m.Waarde, &m.Bron, &dag, &m.Versie, &m.Gewijzigd); err != nil {
			return err
		}
		var err error
		if m.Periode, err = ParsePeriode(periode); err != nil {
			return fmt.Errorf("netwerk: meting %d: periode %q: %w", m.ID, periode, err)
		}
		if m.GemetenOp, err = partner.ParseDag(dag); err != nil {
			return fmt.Errorf("netwerk: meting %d: datum %q: %w", m.ID, dag, err)
		}
		m.Gewijzigd = m.Gewijzigd.UTC()
		uit = append(uit, m)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("netwerk: metingen %s: %w", gemeente, err)
	}
	return uit, nil
}

// ZekerTelt says where Zeker's own data count something like the indicator named naam, or "" when
// nothing fits. It is a pointer, never a value: the agreement's definition decides whether the number
// is the same, so the form does not fill it in.
func ZekerTelt(naam string) string {
	n := strings.ToLower(naam)
	switch {
	case strings.Contains(n, "verwijz") || strings.Contains(n, "doorverwez"):
		return "Zeker telt verwijzingen zelf (monitor, Verwijzingscijfers: verstuurd, geaccepteerd, hulp gestart, per partner en behoefte). Neem dat getal alleen over als de afspraak precies zo telt."
	case strings.Contains(n, "schuldhulp") || strings.Contains(n, "eerste gesprek") || strings.Contains(n, "doorlooptijd"):
		return "Zeker houdt schuldhulpzaken bij (monitor, Zaken: indicatoren Wgs). Neem een getal alleen over als de afspraak precies zo telt."
	case strings.Contains(n, "aanvra"):
		return "Zeker houdt aanvragen bij (de aanvragen van de gemeente). Neem een getal alleen over als de afspraak precies zo telt."
	}
	return ""
}
