package budget

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// Activiteit is the processing activity of requests in the audit log (docs/platform.md).
const Activiteit = "budget.behandelen"

// The error kinds of this package.
var (
	ErrNietGevonden = errs.NotFound
	// ErrVerouderd: the budget, request or settings changed since the form was loaded.
	ErrVerouderd = errors.Join(errs.Conflict, errors.New("budget: intussen door iemand anders gewijzigd"))
	// ErrTekort: the award would take the budget below zero.
	ErrTekort = errors.Join(errs.Constraint, errors.New("budget: het budget is niet toereikend"))
	// ErrZelfdePersoon: the second decision of four-eyes by the person who made the first.
	ErrZelfdePersoon = errors.Join(errs.Forbidden, errors.New("budget: het tweede akkoord moet van een ander komen"))
)

// Medewerker is who submits or decides: the user's id and name (staff, not a resident).
type Medewerker struct {
	ID   int64
	Naam string
}

// Config configures a Service.
type Config struct {
	DB *store.DB
	// Audit receives a row for every read and change of a request. Required.
	Audit *audit.Log
	// Klok gives the current time; tests move it. Default time.Now.
	Klok func() time.Time
	// Afzender gives the gemeente as the sender of decision letters. Nil: the tenant's name and
	// contact block from the tenants table (as internal/zaken).
	Afzender func(ctx context.Context, gemeente string) (brief.Afzender, error)
}

// Service stores the budgets, requests and settings of every gemeente.
type Service struct {
	sdb  *store.DB
	db   *sql.DB
	log  *audit.Log
	klok func() time.Time
	zone *time.Location
	afz  brief.AfzenderBron // nil: the tenant
}

// New checks cfg and returns a Service.
func New(cfg Config) (*Service, error) {
	if cfg.DB == nil {
		return nil, errors.New("budget: geen database")
	}
	if cfg.Audit == nil {
		return nil, errors.New("budget: geen audit-log: elke verwerking van persoonsgegevens moet worden vastgelegd")
	}
	zone, err := termijn.Zone()
	if err != nil {
		return nil, err
	}
	s := &Service{sdb: cfg.DB, db: cfg.DB.SQL(), log: cfg.Audit, klok: cfg.Klok, zone: zone, afz: brief.AfzenderBron(cfg.Afzender)}
	if s.klok == nil {
		s.klok = time.Now
	}
	return s, nil
}

// Vandaag is the current date in Europe/Amsterdam.
func (s *Service) Vandaag() datum.Datum { return datum.Van(s.klok(), s.zone) }

// Instellingen are a gemeente's settings: the four-eyes amount and its source.
type Instellingen struct {
	// VierOgenVanaf: an award above this amount needs a second person; 0 means not set (no four-eyes).
	VierOgenVanaf geld.Bedrag
	Bron          string
	// Versie is the stored version (0: nothing stored yet).
	Versie int
}

// VierOgen reports whether an award of bedrag needs a second person.
func (in Instellingen) VierOgen(bedrag geld.Bedrag) bool {
	return in.VierOgenVanaf > 0 && bedrag > in.VierOgenVanaf
}

// Instellingen returns the gemeente's settings (zero when none are stored).
func (s *Service) Instellingen(ctx context.Context, gemeente string) (Instellingen, error) {
	return instellingen(ctx, s.db, gemeente)
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func instellingen(ctx context.Context, q queryer, gemeente string) (Instellingen, error) {
	var in Instellingen
	var v int64
	err := q.QueryRowContext(ctx, `SELECT vierogen_vanaf, vierogen_bron, versie FROM budget_instellingen WHERE gemeente = $1`,
		gemeente).Scan(&v, &in.Bron, &in.Versie)
	if errors.Is(err, sql.ErrNoRows) {
		return Instellingen{}, nil
	}
	if err != nil {
		return Instellingen{}, fmt.Errorf("budget: instellingen: %w", store.MapError(err))
	}
	in.VierOgenVanaf = geld.Bedrag(v)
	return in, nil
}

// ZetInstellingen stores the settings; in.Versie is the version the form was loaded with.
func (s *Service) ZetInstellingen(ctx context.Context, gemeente string, in Instellingen) error {
	var fs errs.Fields
	in.Bron = strings.TrimSpace(in.Bron)
	switch {
	case in.VierOgenVanaf < 0:
		fs.Add("vierogen", "Het bedrag kan niet negatief zijn.")
	case in.VierOgenVanaf > 0 && in.Bron == "":
		fs.Add("bron", "Noem de bron van het bedrag (mandaatregeling, beleidsregel of besluit).")
	}
	if len([]rune(in.Bron)) > 1000 {
		fs.Add("bron", "De bron is te lang (hoogstens 1.000 tekens).")
	}
	if err := fs.Err(); err != nil {
		return err
	}
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		huidig, err := instellingen(ctx, tx, gemeente)
		if err != nil {
			return err
		}
		if huidig.Versie != in.Versie {
			return ErrVerouderd
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO budget_instellingen (gemeente, vierogen_vanaf, vierogen_bron, versie)
			VALUES ($1, $2, $3, 1) ON CONFLICT (gemeente) DO UPDATE SET vierogen_vanaf = excluded.vierogen_vanaf,
			vierogen_bron = excluded.vierogen_bron, versie = budget_instellingen.versie + 1`,
			gemeente, int64(in.VierOgenVanaf), in.Bron)
		if err != nil {
			return fmt.Errorf("budget: instellingen opslaan: %w", store.MapError(err))
		}
		return nil
	})
}

// logAanvraag writes one audit row for one processing of request id: the household as subject when
// there is one. tx may be nil.
func (s *Service) logAanvraag(ctx context.Context, tx *sql.Tx, gemeente string, id int64, huishouden, operatie string, actie audit.Actie) error {
	v := audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: Activiteit, Operatie: operatie, Actie: actie,
		Resultaat: audit.OK, Object: "budgetaanvraag/" + strconv.FormatInt(id, 10)}
	if huishouden != "" {
		v.SubjectSoort, v.SubjectID = "huishouden", huishouden
	}
	return s.schrijf(ctx, tx, v)
}

func (s *Service) schrijf(ctx context.Context, tx *sql.Tx, v audit.Verwerking) error {
	var err error
	if tx != nil {
		err = s.log.SchrijfTx(ctx, tx, v)
	} else {
		err = s.log.Schrijf(ctx, v)
	}
	if err != nil {
		return fmt.Errorf("budget: audit: %w", err)
	}
	return nil
}
