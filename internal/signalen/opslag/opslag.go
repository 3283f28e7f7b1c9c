// Package opslag stores vroegsignalering in the database (SQLite or PostgreSQL through database/sql):
// intake of a batch in one transaction, the worklist, the zaak workflow, retention and the data for
// the indicators and the DDAS export. Tables are created by the migrations
// internal/store/migrations/{sqlite,postgres}/0200_signalen.sql.
//
// Tenancy: every row carries its gemeente and every query filters on it; a function never reads or
// writes another gemeente's rows, whatever ID it is given.
//
// Privacy: every processing of personal data is written to the audit log (internal/audit): intake (one
// row per delivery with its count), opening a zaak (one row per view, with the BSNs of the residents on
// the page shown, hashed), workflow changes (one row with the zaak's residents),
// feedback reads, retention and DDAS export. Log lines and errors carry IDs and counts, never a BSN or name.
package opslag

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the municipality's zone must load on hosts without zoneinfo

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/store"
)

// Errors.
var (
	ErrNietGevonden = store.ErrNotFound
	ErrTeGroot      = fmt.Errorf("te veel signalen in één levering (maximaal %d)", signalen.MaxBatch)
)

// Processing activities in the audit log (docs/platform.md).
const (
	activiteitOntvangen   = "signalen.ontvangen"
	activiteitBehandelen  = "signalen.behandelen"
	activiteitTerugmelden = "signalen.terugmelden"
	activiteitOpschonen   = "bewaartermijn.opschonen"
)

// Config configures a Service.
type Config struct {
	DB *store.DB
	// Audit receives a row for every processing of personal data. Required.
	Audit *audit.Log
	// Klok gives the current time; tests move it. Default time.Now.
	Klok func() time.Time
	// Zone is the municipality's time zone for "today". Default Europe/Amsterdam.
	Zone *time.Location
}

// Service is the vroegsignalering storage (the domain's storage service; docs/architecture.md, Naming).
type Service struct {
	sdb     *store.DB
	db      *sql.DB
	dialect store.Dialect
	klok    func() time.Time
	zone    *time.Location
	log     *audit.Log
}

// New checks cfg and returns a Service.
func New(cfg Config) (*Service, error) {
	if cfg.DB == nil {
		return nil, errors.New("opslag: geen database")
	}
	if cfg.Audit == nil {
		return nil, errors.New("opslag: geen audit-log: elke verwerking van persoonsgegevens moet worden vastgelegd")
	}
	s := &Service{sdb: cfg.DB, db: cfg.DB.SQL(), dialect: cfg.DB.Dialect(), klok: cfg.Klok, zone: cfg.Zone, log: cfg.Audit}
	if s.klok == nil {
		s.klok = time.Now
	}
	if s.zone == nil {
		z, err := time.LoadLocation("Europe/Amsterdam")
		if err != nil {
			return nil, fmt.Errorf("opslag: tijdzone: %w", err)
		}
		s.zone = z
	}
	return s, nil
}

// Vandaag is the municipality's current date.
func (s *Service) Vandaag() datum.Datum { return datum.Van(s.klok(), s.zone) }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func leesDatum(s string) datum.Datum {
	d, err := datum.Parse(s)
	if err != nil {
		return datum.Datum{}
	}
	return d
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Instellingen returns the gemeente's settings, or the documented defaults when none are stored.
func (s *Service) Instellingen(ctx context.Context, gemeente string) (signalen.Instellingen, int, error) {
	return s.instellingen(ctx, s.db, gemeente)
}

func (s *Service) instellingen(ctx context.Context, q queryer, gemeente string) (signalen.Instellingen, int, error) {
	inst := signalen.StandaardInstellingen()
	inst.Zone = s.zone
	var drempel int64
	var periode, perResultaat string
	var inwoners int
	err := q.QueryRowContext(ctx, `SELECT drempel_cent, min_dagen, max_dagen, periode, herhaal_dagen,
		bewaar_standaard_maanden, bewaar_per_resultaat, inwoners, max_inwoners_adres FROM signalen_instellingen WHERE gemeente = $1`, gemeente).
		Scan(&drempel, &inst.MinDagen, &inst.MaxDagen, &periode, &inst.HerhaalDagen, &inst.Bewaartermijnen.Standaard, &perResultaat, &inwoners,
			&inst.MaxInwonersPerAdres)
	if errors.Is(err, sql.ErrNoRows) {
		return inst, 0, nil
	}
	if err != nil {
		return inst, 0, fmt.Errorf("opslag: lees instellingen %s: %w", gemeente, err)
	}
	inst.Drempelbedrag = geld.Bedrag(drempel)
	inst.Periode = signalen.Periode(periode)
	m := map[signalen.Eindresultaat]int{}
	if err := json.Unmarshal([]byte(perResultaat), &m); err != nil {
		return inst, 0, fmt.Errorf("opslag: bewaartermijnen %s: %w", gemeente, err)
	}
	inst.Bewaartermijnen.PerResultaat = m
	return inst, inwoners, nil
}

// ZetInstellingen stores the gemeente's settings and its number of residents (for per-1,000 figures).
func (s *Service) ZetInstellingen(ctx context.Context, gemeente string, inst signalen.Instellingen, inwoners int) error {
	if err := inst.Controleer(); err != nil {
		return err
	}
	if inwoners < 0 {
		return errors.New("opslag: aantal inwoners mag niet negatief zijn")
	}
	pr, err := json.Marshal(inst.Bewaartermijnen.PerResultaat)
	if err != nil {
		return fmt.Errorf("opslag: bewaartermijnen: %w", err)
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO signalen_instellingen (gemeente, drempel_cent, min_dagen, max_dagen,
		periode, herhaal_dagen, bewaar_standaard_maanden, bewaar_per_resultaat, inwoners, max_inwoners_adres)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
		ON CONFLICT (gemeente) DO UPDATE SET drempel_cent = excluded.drempel_cent, min_dagen = excluded.min_dagen,
		max_dagen = excluded.max_dagen, periode = excluded.periode, herhaal_dagen = excluded.herhaal_dagen,
		bewaar_standaard_maanden = excluded.bewaar_standaard_maanden, bewaar_per_resultaat = excluded.bewaar_per_resultaat,
		inwoners = excluded.inwoners, max_inwoners_adres = excluded.max_inwoners_adres`,
		gemeente, int64(inst.Drempelbedrag), inst.MinDagen, inst.MaxDagen, string(inst.Periode), inst.HerhaalDagen,
		inst.Bewaartermijnen.Standaard, string(pr), inwoners, inst.MaxInwonersPerAdres)
	if err != nil {
		return fmt.Errorf("opslag: schrijf instellingen %s: %w", gemeente, err)
	}
	return nil
}

// zaakKolommen is the column list scanZaak reads, in order.
const zaakKolommen = `id, gemeente, huishoudsleutel, adressleutel, huishouden_id, wijk, woonplaats, geboortedatum,
	kinderen, bekend, periode_start, periode_einde, matchingsdatum, eerste_ontvangst, aantal, aantal_totaal,
	bedrag_cent, partnertypes, crisis, crisis_deadline, opeenvolgend, status, automatisch, resultaat, datum_opgepakt, afgesloten,
	behandelaar, beoordelen, beoordeling`

type scanner interface{ Scan(dest ...any) error }

func scanZaak(r scanner, z *signalen.Zaak) error {
	var geb, ps, pe, md, eo, cd, dop, af, status, res string
	var bedrag int64
	var bekend, crisis, opeenv, auto, beoordelen int
	if err := r.Scan(&z.ID, &z.Gemeente, &z.Huishoudsleutel, &z.Adressleutel, &z.HuishoudenID, &z.Wijk, &z.Woonplaats,
		&geb, &z.MinderjarigeKinderen, &bekend, &ps, &pe, &md, &eo, &z.Aantal, &z.AantalTotaal, &bedrag, &z.PartnerBits, &crisis, &cd,
		&opeenv, &status, &auto, &res, &dop, &af, &z.Behandelaar, &beoordelen, &z.Beoordeling); err != nil {
		return err
	}
	z.Beoordelen = beoordelen == 1
	z.Geboortedatum, z.PeriodeStart, z.PeriodeEinde, z.Matchingsdatum = leesDatum(geb), leesDatum(ps), leesDatum(pe), leesDatum(md)
	z.EersteOntvangst, z.CrisisDeadline, z.DatumOpgepakt, z.Afgesloten = leesDatum(eo), leesDatum(cd), leesDatum(dop), leesDatum(af)
	z.Bedrag, z.Bekend, z.Crisis, z.Opeenvolgend, z.AutomatischGesloten = geld.Bedrag(bedrag), bekend == 1, crisis == 1, opeenv == 1, auto == 1
	z.Status, z.Resultaat = signalen.ZaakStatus(status), signalen.Eindresultaat(res)
	return nil
}

// Placeholders. Long statements use "?" on SQLite: the driver binds "$N" parameters by searching
// their names, which is quadratic in the number of parameters (measured: 6 s for 50,000 rows), while
// "?" binds by position. PostgreSQL needs "$N".

// blok returns how many rows of kolommen columns go in one multi-row statement. The SQLite driver
// matches each parameter against every argument (quadratic in parameters per statement), so SQLite gets
// about 240 parameters per statement (measured best of 60–500); PostgreSQL 500 rows (under its 65,535 parameters).
func (s *Service) blok(kolommen int) int {
	if s.dialect == store.SQLite {
		return max(1, 240/kolommen)
	}
	return 500
}

// ph returns the placeholder for parameter n (1-based).
func (s *Service) ph(n int) string {
	if s.dialect == store.SQLite {
		return "?"
	}
	return "$" + strconv.Itoa(n)
}

// plaatshouders writes "(p, p, ...), (...)" groups for a multi-row statement whose parameters start after start.
func (s *Service) plaatshouders(sb *strings.Builder, rijen, kolommen, start int) {
	n := start
	for r := 0; r < rijen; r++ {
		if r > 0 {
			sb.WriteString(", ")
		}
		sb.WriteByte('(')
		for c := 0; c < kolommen; c++ {
			if c > 0 {
				sb.WriteString(", ")
			}
			n++
			sb.WriteString(s.ph(n))
		}
		sb.WriteByte(')')
	}
}

// inLijst returns the placeholders n parameters after start: "p, p, ...".
func (s *Service) inLijst(n, start int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(s.ph(start + i + 1))
	}
	return sb.String()
}
