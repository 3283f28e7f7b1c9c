package aanvragen

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/zeker-platform/zeker/internal/datum"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// Processing activity in the audit log.
const activiteit = "aanvragen.behandelen"

// Config configures a Service.
type Config struct {
	DB        *store.DB
	Audit     *audit.Log
	Catalogus *regels.Catalogus
	// Klok gives the current time; tests move it. Default time.Now.
	Klok func() time.Time
	// Scanner scans every uploaded file before it is stored (nil: no virus scanner; files are accepted
	// after the check of their type).
	Scanner Scanner
	// Opslag keeps the content of documents (nil: DatabaseOpslag; MapOpslag for a directory).
	Opslag Opslag
	// BasisURL is where residents reach Zeker (mail.ParseBasisURL), for the link to the status page in
	// mail; "": the mail names the page without a link.
	BasisURL string
}

// Service stores and runs the applications of every gemeente.
type Service struct {
	sdb  *store.DB
	db   *sql.DB
	log  *audit.Log
	cat  *regels.Catalogus
	klok func() time.Time
	zone *time.Location
	// scanner scans uploads; nil when the installation runs none.
	scanner Scanner
	// opslag keeps the content of documents.
	opslag Opslag
	// basisURL is the base of links in mail ("" none).
	basisURL string
}

// New checks cfg and returns a Service.
func New(cfg Config) (*Service, error) {
	if cfg.DB == nil || cfg.Audit == nil || cfg.Catalogus == nil {
		return nil, errors.New("aanvragen: database, audit-log en regelcatalogus zijn nodig")
	}
	zone, err := termijn.Zone()
	if err != nil {
		return nil, err
	}
	s := &Service{sdb: cfg.DB, db: cfg.DB.SQL(), log: cfg.Audit, cat: cfg.Catalogus, klok: cfg.Klok, zone: zone, scanner: cfg.Scanner}
	if s.klok == nil {
		s.klok = time.Now
	}
	s.opslag, s.basisURL = cfg.Opslag, cfg.BasisURL
	if s.opslag == nil {
		s.opslag = DatabaseOpslag{}
	}
	return s, nil
}

// Nu is the current moment.
func (s *Service) Nu() time.Time { return s.klok() }

// Vandaag is the current date in Europe/Amsterdam.
func (s *Service) Vandaag() datum.Datum { return datum.Van(s.klok(), s.zone) }

// Catalogus is the rule catalogue the service evaluates with.
func (s *Service) Catalogus() *regels.Catalogus { return s.cat }

// Errors with their own message on the pages.
var (
	// ErrCode: the reference and code do not match (or the reference is unknown): one message for both.
	ErrCode = fmt.Errorf("aanvragen: %w: referentie of code klopt niet", errs.Forbidden)
	// ErrTeVaak: too many wrong codes for this reference; wait PogingVenster.
	ErrTeVaak = fmt.Errorf("aanvragen: %w: te vaak een verkeerde code", errs.Busy)
	// ErrVerlopen: the code is past its validity (the bezwaar term after the last decision and a margin).
	ErrVerlopen = fmt.Errorf("aanvragen: %w: de code is niet meer geldig", errs.Forbidden)
	// ErrVerouderd: the form was made for an older state of the application.
	ErrVerouderd = fmt.Errorf("aanvragen: %w: iemand anders heeft deze aanvraag intussen gewijzigd", errs.Conflict)
	// ErrNietGekoppeld: no decision before the applicant is linked to a household of the register.
	ErrNietGekoppeld = fmt.Errorf("aanvragen: %w: koppel de aanvrager eerst aan een huishouden van het register", errs.Invalid)
)

// Ongeldig is invalid input, with the field it is about.
type Ongeldig struct {
	Veld, Bericht string
}

func (e *Ongeldig) Error() string { return "aanvragen: " + e.Veld + ": " + e.Bericht }
func (e *Ongeldig) Unwrap() error { return errs.Invalid }

func ongeldig(veld, bericht string) error { return &Ongeldig{Veld: veld, Bericht: bericht} }

// Rate limit of the code.
const (
	MaxPogingen   = 5
	PogingVenster = 15 * time.Minute
	// CodeMarge is how long a code stays valid after the bezwaar term of the last decision.
	CodeMarge = 30 * 24 * time.Hour
)

func (s *Service) schrijf(ctx context.Context, tx *sql.Tx, v audit.Verwerking) error {
	v.Verwerkingsactiviteit = activiteit
	if v.Resultaat == "" {
		v.Resultaat = audit.OK
	}
	var err error
	if tx != nil {
		err = s.log.SchrijfTx(ctx, tx, v)
	} else {
		err = s.log.Schrijf(ctx, v)
	}
	if err != nil {
		return fmt.Errorf("aanvragen: audit: %w", err)
	}
	return nil
}

func leesDatum(v string) datum.Datum {
	d, err := datum.Parse(v)
	if err != nil {
		return datum.Datum{}
	}
	return d
}
