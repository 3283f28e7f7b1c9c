package netwerk

import (
	"context"
	"database/sql"

	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
)

// Network agreements (afspraken): what a gemeente agreed with its partners — an armoedepact
// (Westerkwartier's, with the gemeente as director), a covenant with a housing corporation or insurer,
// the gemeente's network (Borger-Odoorn's meets twice a year), a joint project — with its period, its
// partners and its indicators. An indicator's target is written as the source words it ("100
// huishoudens") with that source; no target is a valid answer (none was agreed) and is shown as such.
// The monitor will show them (AfsprakenOp); the beheerder keeps them on the sociale-kaart pages.

// AfspraakSoort is the kind of an agreement.
type AfspraakSoort string

// The kinds.
const (
	Armoedepact  AfspraakSoort = "armoedepact"
	Convenant    AfspraakSoort = "convenant"
	Netwerk      AfspraakSoort = "netwerk"
	Samenwerking AfspraakSoort = "samenwerking"
)

// AfspraakSoorten lists the kinds in the order of forms.
var AfspraakSoorten = []AfspraakSoort{Armoedepact, Convenant, Netwerk, Samenwerking}

var soortNamen = map[AfspraakSoort]string{Armoedepact: "Armoedepact", Convenant: "Convenant (bijvoorbeeld met een corporatie of zorgverzekeraar)",
	Netwerk: "Netwerk van organisaties", Samenwerking: "Samenwerking of project"}

// AfspraakSoortNaam is the Dutch name of a kind.
func AfspraakSoortNaam(s AfspraakSoort) string { return soortNamen[s] }

// Indicator is something an agreement is measured by.
type Indicator struct {
	Naam, Streef, Bron string
}

// Afspraak is a network agreement of a gemeente.
type Afspraak struct {
	ID           int64
	Gemeente     string
	Naam         string
	Soort        AfspraakSoort
	Van, Tot     time.Time // days; zero: unknown start, open end
	Omschrijving string
	Bron         string
	Partners     []string // partner ids, sorted
	Indicatoren  []Indicator
	Aangemaakt   time.Time
	Gewijzigd    time.Time
}

// LooptOp reports whether the agreement runs on day dag (an unknown start counts as begun).
func (a Afspraak) LooptOp(dag time.Time) bool {
	return (a.Van.IsZero() || !dag.Before(a.Van)) && (a.Tot.IsZero() || !dag.After(a.Tot))
}

// MaxIndicatoren is the most indicators of one agreement.
const MaxIndicatoren = 20

func (a *Afspraak) valideer() errs.Fields {
	f := errs.Fields{}
	a.Naam, a.Omschrijving, a.Bron = strings.TrimSpace(a.Naam), strings.TrimSpace(a.Omschrijving), strings.TrimSpace(a.Bron)
	if a.Naam == "" {
		f.Set("naam", "Vul de naam van de afspraak in, bijvoorbeeld ‘Armoedepact Westerkwartier’.")
	}
	f.Set("naam", tekstFout(a.Naam, MaxNaam, false))
	if AfspraakSoortNaam(a.Soort) == "" {
		f.Set("soort", "Kies wat voor afspraak het is.")
	}
	if !a.Van.IsZero() && !a.Tot.IsZero() && a.Tot.Before(a.Van) {
		f.Set("tot", "De einddatum ligt voor de begindatum.")
	}
	f.Set("omschrijving", tekstFout(a.Omschrijving, MaxTekst, true))
	if a.Bron == "" {
		f.Set("bron", "Vul de bron in: waar de afspraak staat, bijvoorbeeld het beleidsplan en de paragraaf.")
	}
	f.Set("bron", tekstFout(a.Bron, MaxKort, false))
	a.Partners = slices.Clone(a.Partners) // the caller's slice stays as it was
	slices.Sort(a.Partners)
	a.Partners = slices.Compact(a.Partners)
	var ind []Indicator
	for i, x := range a.Indicatoren {
		x.Naam, x.Streef, x.Bron = strings.TrimSpace(x.Naam), strings.TrimSpace(x.Streef), strings.TrimSpace(x.Bron)
		veld := "indicator." + strconv.Itoa(i)
		if x.Naam == "" {
			if x.Streef != "" || x.Bron != "" {
				f.Set(veld+".naam", "Vul de naam van de indicator in, of maak de regel leeg.")
			}
			continue
		}
		f.Set(veld+".naam", tekstFout(x.Naam, MaxKort, false))
		f.Set(veld+".streef", tekstFout(x.Streef, MaxKort, false))
		f.Set(veld+".bron", tekstFout(x.Bron, MaxKort, false))
		if x.Streef != "" && x.Bron == "" {
			f.Set(veld+".bron", "Een streefwaarde heeft een bron: waar is hij afgesproken?")
		}
		ind = append(ind, x)
	}
	if len(ind) > MaxIndicatoren {
		f.Set("indicator.0.naam", fmt.Sprintf("Een afspraak heeft hoogstens %d indicatoren.", MaxIndicatoren))
	}
	a.Indicatoren = ind
	if len(f) == 0 {
		return nil
	}
	return f
}

// BewaarAfspraak stores a new agreement (a.ID 0) or replaces agreement a.ID of a.Gemeente. Its partners
// must be members of the gemeente (now, before or later); problems are Fouten per form field.
func (s *Service) BewaarAfspraak(ctx context.Context, a Afspraak) (Afspraak, error) {
	f := a.valideer()
	if f == nil {
		leden, err := s.partners.VanGemeente(ctx, a.Gemeente)
		if err != nil {
			return a, err
		}
		for _, p := range a.Partners {
			if !slices.ContainsFunc(leden, func(o partner.Organisatie) bool { return o.ID == p }) {
				f = errs.Fields{{Path: "partners", Reason: "Een gekozen partner is geen partner van de gemeente."}}
			}
		}
	}
	if f != nil {
		return a, f
	}
	nu := s.nu()
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		op := "afspraak.wijzigen"
		if a.ID == 0 {
			op = "afspraak.maken"
			a.Aangemaakt = nu
			if err := tx.QueryRowContext(ctx, `INSERT INTO netwerk_afspraak (gemeente, naam, soort, van, tot, omschrijving, bron, aangemaakt, gewijzigd)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`, a.Gemeente, a.Naam, string(a.Soort), dagOfLeeg(a.Van), dagOfLeeg(a.Tot),
				a.Omschrijving, a.Bron, nu).Scan(&a.ID); err != nil {
				return fmt.Errorf("netwerk: afspraak opslaan: %w", store.MapError(err))
			}
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE netwerk_afspraak SET naam = $3, soort = $4, van = $5, tot = $6, omschrijving = $7, bron = $8, gewijzigd = $9
				WHERE gemeente = $1 AND id = $2`, a.Gemeente, a.ID, a.Naam, string(a.Soort), dagOfLeeg(a.Van), dagOfLeeg(a.Tot), a.Omschrijving, a.Bron, nu)
			if err != nil {
				return fmt.Errorf("netwerk: afspraak %d: %w", a.ID, store.MapError(err))
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return fmt.Errorf("netwerk: afspraak %d: %w", a.ID, errs.NotFound)
			}
			for _, q := range []string{`DELETE FROM netwerk_afspraak_partner WHERE afspraak_id = $1`, `DELETE FROM netwerk_afspraak_indicator WHERE afspraak_id = $1`} {
				if _, err := tx.ExecContext(ctx, q, a.ID); err != nil {
					return fmt.Errorf("netwerk: afspraak %d: %w", a.ID, store.MapError(err))
				}
			}
		}
		a.Gewijzigd = nu
		for _, p := range a.Partners {
			if _, err := tx.ExecContext(ctx, `INSERT INTO netwerk_afspraak_partner (afspraak_id, partner_id) VALUES ($1, $2)`, a.ID, p); err != nil {
				return fmt.Errorf("netwerk: afspraak %d: %w", a.ID, store.MapError(err))
			}
		}
		for i, x := range a.Indicatoren {
			if _, err := tx.ExecContext(ctx, `INSERT INTO netwerk_afspraak_indicator (afspraak_id, volgorde, naam, streef, bron) VALUES ($1, $2, $3, $4, $5)`,
				a.ID, i, x.Naam, x.Streef, x.Bron); err != nil {
				return fmt.Errorf("netwerk: afspraak %d: %w", a.ID, store.MapError(err))
			}
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: a.Gemeente, Verwerkingsactiviteit: Activiteit, Operatie: op,
			Actie: audit.Wijzigen, Object: "afspraak/" + strconv.FormatInt(a.ID, 10)})
	})
	return a, err
}

// VerwijderAfspraak removes agreement id of gemeente.
func (s *Service) VerwijderAfspraak(ctx context.Context, gemeente string, id int64) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM netwerk_afspraak WHERE gemeente = $1 AND id = $2`, gemeente, id)
		if err != nil {
			return fmt.Errorf("netwerk: afspraak %d: %w", id, store.MapError(err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("netwerk: afspraak %d: %w", id, errs.NotFound)
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: Activiteit, Operatie: "afspraak.verwijderen",
			Actie: audit.Verwijderen, Object: "afspraak/" + strconv.FormatInt(id, 10)})
	})
}

// Afspraken returns the agreements of gemeente by name, with partners and indicators.
func (s *Service) Afspraken(ctx context.Context, gemeente string) ([]Afspraak, error) {
	return s.afspraken(ctx, `a.gemeente = $1`, gemeente)
}

// AfsprakenOp returns the agreements of gemeente that run on day dag (what the monitor shows).
func (s *Service) AfsprakenOp(ctx context.Context, gemeente string, dag time.Time) ([]Afspraak, error) {
	as, err := s.Afspraken(ctx, gemeente)
	return slices.DeleteFunc(as, func(a Afspraak) bool { return !a.LooptOp(dag) }), err
}

// Afspraak returns agreement id of gemeente (errs.NotFound when it is not the gemeente's).
func (s *Service) Afspraak(ctx context.Context, gemeente string, id int64) (Afspraak, error) {
	as, err := s.afspraken(ctx, `a.gemeente = $1 AND a.id = $2`, gemeente, id)
	if err != nil {
		return Afspraak{}, err
	}
	if len(as) == 0 {
		return Afspraak{}, fmt.Errorf("netwerk: afspraak %d: %w", id, errs.NotFound)
	}
	return as[0], nil
}

func (s *Service) afspraken(ctx context.Context, waar string, args ...any) ([]Afspraak, error) {
	var uit []Afspraak
	idx := map[int64]int{}
	err := eachRow(ctx, s.db.SQL(), `SELECT a.id, a.gemeente, a.naam, a.soort, a.van, a.tot, a.omschrijving, a.bron, a.aangemaakt, a.gewijzigd
		FROM netwerk_afspraak a WHERE `+waar+` ORDER BY a.naam, a.id`, args, func(r *sql.Rows) error {
		var a Afspraak
		var van, tot string
		if err := r.Scan(&a.ID, &a.Gemeente, &a.Naam, &a.Soort, &van, &tot, &a.Omschrijving, &a.Bron, &a.Aangemaakt, &a.Gewijzigd); err != nil {
			return err
		}
		a.Van, _ = leesDagOfLeeg(van)
		a.Tot, _ = leesDagOfLeeg(tot)
		a.Aangemaakt, a.Gewijzigd = a.Aangemaakt.UTC(), a.Gewijzigd.UTC()
		idx[a.ID] = len(uit)
		uit = append(uit, a)
		return nil
	})
	if err != nil || len(uit) == 0 {
		return uit, err
	}
	err = eachRow(ctx, s.db.SQL(), `SELECT p.afspraak_id, p.partner_id FROM netwerk_afspraak_partner p JOIN netwerk_afspraak a ON a.id = p.afspraak_id
		WHERE `+waar+` ORDER BY p.partner_id`, args, func(r *sql.Rows) error {
		var id int64
		var p string
		if err := r.Scan(&id, &p); err != nil {
			return err
		}
		uit[idx[id]].Partners = append(uit[idx[id]].Partners, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, s.db.SQL(), `SELECT i.afspraak_id, i.naam, i.streef, i.bron FROM netwerk_afspraak_indicator i JOIN netwerk_afspraak a ON a.id = i.afspraak_id
		WHERE `+waar+` ORDER BY i.afspraak_id, i.volgorde`, args, func(r *sql.Rows) error {
		var id int64
		var x Indicator
		if err := r.Scan(&id, &x.Naam, &x.Streef, &x.Bron); err != nil {
			return err
		}
		uit[idx[id]].Indicatoren = append(uit[idx[id]].Indicatoren, x)
		return nil
	})
	return uit, err
}

func leesDagOfLeeg(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return partner.ParseDag(s)
}

// VerhuisAfspraken is the partner.Verhuizer of agreements: van's places become naar's; where both are
// partners of one agreement, van's place goes.
func VerhuisAfspraken(ctx context.Context, tx *sql.Tx, van, naar string) (int64, error) {
	res, err := tx.ExecContext(ctx, `UPDATE netwerk_afspraak_partner SET partner_id = $2 WHERE partner_id = $1
		AND afspraak_id NOT IN (SELECT afspraak_id FROM netwerk_afspraak_partner WHERE partner_id = $2)`, van, naar)
	if err != nil {
		return 0, fmt.Errorf("netwerk: afspraken verhuizen: %w", store.MapError(err))
	}
	n, _ := res.RowsAffected()
	if _, err := tx.ExecContext(ctx, `DELETE FROM netwerk_afspraak_partner WHERE partner_id = $1`, van); err != nil {
		return 0, fmt.Errorf("netwerk: afspraken verhuizen: %w", store.MapError(err))
	}
	return n, nil
}
