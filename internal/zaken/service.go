package zaken

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// Processing activities in the audit log (docs/platform.md).
const (
	activiteit          = "zaken.behandelen"
	activiteitOpschonen = "bewaartermijn.opschonen"
	activiteitInstellen = "gemeente.instellen"
)

// geenDeadline sorts zaken without an open deadline after all others.
const geenDeadline = "9999-12-31"

// Config configures a Service.
type Config struct {
	DB *store.DB
	// Audit receives a row for every read and change of a zaak. Required.
	Audit *audit.Log
	// Klok gives the current time; tests move it. Default time.Now.
	Klok func() time.Time
	// Partners is the partner register: nazorg and plan actions by a partner check that the partner is
	// a member of the gemeente. Nil: those steps are refused.
	Partners *partner.Service
	// Afzender gives the gemeente as the sender of its decision letters. Nil: the tenant's name and
	// contact block from the tenants table.
	Afzender func(ctx context.Context, gemeente string) (brief.Afzender, error)
	// Params are the national values the beslagvrije voet is computed with for the letter of the plan
	// van aanpak (Wgs art. 4a lid 5). Nil: that letter has no paragraph on the beslagvrije voet.
	Params *nl.Parameters
}

// Service stores and runs the zaken of every gemeente.
type Service struct {
	sdb  *store.DB
	db   *sql.DB
	klok func() time.Time
	zone *time.Location
	log  *audit.Log
	prt  *partner.Service
	ind  *indCache
	afz  brief.AfzenderBron // nil: the tenant
	prm  *nl.Parameters     // nil: no beslagvrije voet in the plan letter
}

// New checks cfg and returns a Service.
func New(cfg Config) (*Service, error) {
	if cfg.DB == nil {
		return nil, errors.New("zaken: geen database")
	}
	if cfg.Audit == nil {
		return nil, errors.New("zaken: geen audit-log: elke verwerking van persoonsgegevens moet worden vastgelegd")
	}
	zone, err := termijn.Zone()
	if err != nil {
		return nil, err
	}
	s := &Service{sdb: cfg.DB, db: cfg.DB.SQL(), klok: cfg.Klok, zone: zone, log: cfg.Audit, prt: cfg.Partners, ind: &indCache{}, afz: brief.AfzenderBron(cfg.Afzender), prm: cfg.Params}
	if s.klok == nil {
		s.klok = time.Now
	}
	return s, nil
}

// Nu is the current moment.
func (s *Service) Nu() time.Time { return s.klok() }

// Vandaag is the current date in Europe/Amsterdam.
func (s *Service) Vandaag() datum.Datum { return datum.Van(s.klok(), s.zone) }

// Zone is Europe/Amsterdam.
func (s *Service) Zone() *time.Location { return s.zone }

func leesDatum(v string) datum.Datum {
	d, err := datum.Parse(v)
	if err != nil {
		return datum.Datum{}
	}
	return d
}

func lokaal(aantal int, eenheid, bron string) LokaleTermijn {
	if eenheid == "" || aantal == 0 {
		return LokaleTermijn{}
	}
	return LokaleTermijn{Termijn: termijn.Termijn{Aantal: aantal, Eenheid: termijn.Eenheid(eenheid)}, Bron: bron}
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Instellingen returns the gemeente's settings, or StandaardInstellingen when none are stored.
func (s *Service) Instellingen(ctx context.Context, gemeente string) (Instellingen, error) {
	return s.instellingen(ctx, s.db, gemeente)
}

func (s *Service) instellingen(ctx context.Context, q queryer, gemeente string) (Instellingen, error) {
	var ea, ca, ba, bg, baf, bbe, bar, versie, cap, vk, tm, jpf int
	var ee, eb, ce, cb, be, bb, gronden, vb, tb, jb string
	err := q.QueryRowContext(ctx, `SELECT eerste_gesprek_aantal, eerste_gesprek_eenheid, eerste_gesprek_bron, crisis_aantal,
		crisis_eenheid, crisis_bron, beslis_aantal, beslis_eenheid, beslis_bron, weigeringsgronden, bewaar_geweigerd,
		bewaar_afgezien, bewaar_beeindigd, bewaar_afgerond, versie, intake_capaciteit, voorrang_kinderen, voorrang_bron,
		terugval_maanden, terugval_bron, jongerenfonds, jongerenfonds_bron FROM zaken_instellingen WHERE gemeente = $1`, gemeente).
		Scan(&ea, &ee, &eb, &ca, &ce, &cb, &ba, &be, &bb, &gronden, &bg, &baf, &bbe, &bar, &versie, &cap, &vk, &vb, &tm, &tb, &jpf, &jb)
	if errors.Is(err, sql.ErrNoRows) {
		return StandaardInstellingen(gemeente), nil
	}
	if err != nil {
		return Instellingen{}, fmt.Errorf("zaken: instellingen %s: %w", gemeente, store.MapError(err))
	}
	in := Instellingen{EersteGesprek: lokaal(ea, ee, eb), Crisis: lokaal(ca, ce, cb), Besluit: lokaal(ba, be, bb), Versie: versie,
		Bewaren:    map[Status]int{Geweigerd: bg, Afgezien: baf, Beeindigd: bbe, Afgerond: bar},
		Wachtlijst: Wachtlijstregel{IntakeCapaciteit: cap, VoorrangKinderen: vk == 1, VoorrangBron: vb},
		Terugval:   Terugvalregel{Maanden: tm, Bron: tb}, Jongerenfonds: Jongerenregel{Aan: jpf == 1, Bron: jb}}
	for _, g := range strings.Split(gronden, ",") {
		if g != "" {
			in.Weigeringsgronden = append(in.Weigeringsgronden, Weigeringsgrond(g))
		}
	}
	return in, nil
}

// ZetInstellingen stores the gemeente's settings and recomputes the stored deadlines of its open zaken
// in the same transaction. in.Versie is the version the form was loaded with (0: the defaults, nothing
// stored yet); a newer stored version is ErrVerouderd.
func (s *Service) ZetInstellingen(ctx context.Context, gemeente string, in Instellingen) error {
	if err := in.Controleer(); err != nil {
		return err
	}
	var gronden []string
	for _, g := range Weigeringsgronden() {
		if slices.Contains(in.Weigeringsgronden, g) || g.Verplicht() {
			gronden = append(gronden, string(g))
		}
	}
	t := func(l LokaleTermijn) (int, string, string) {
		if l.Termijn.IsNul() {
			return 0, "", ""
		}
		return l.Termijn.Aantal, string(l.Termijn.Eenheid), strings.TrimSpace(l.Bron)
	}
	ea, ee, eb := t(in.EersteGesprek)
	ca, ce, cb := t(in.Crisis)
	ba, be, bb := t(in.Besluit)
	defer s.ind.vergeet(gemeente)
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		var huidig int
		err := tx.QueryRowContext(ctx, `SELECT versie FROM zaken_instellingen WHERE gemeente = $1`, gemeente).Scan(&huidig)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("zaken: instellingen: %w", err)
		}
		if huidig != in.Versie {
			return ErrVerouderd
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO zaken_instellingen (gemeente, eerste_gesprek_aantal, eerste_gesprek_eenheid,
			eerste_gesprek_bron, crisis_aantal, crisis_eenheid, crisis_bron, beslis_aantal, beslis_eenheid, beslis_bron,
			weigeringsgronden, bewaar_geweigerd, bewaar_afgezien, bewaar_beeindigd, bewaar_afgerond, versie,
			intake_capaciteit, voorrang_kinderen, voorrang_bron, terugval_maanden, terugval_bron, jongerenfonds, jongerenfonds_bron)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16, $17, $18, $19, $20, $21, $22)
			ON CONFLICT (gemeente) DO UPDATE SET eerste_gesprek_aantal = excluded.eerste_gesprek_aantal,
			eerste_gesprek_eenheid = excluded.eerste_gesprek_eenheid, eerste_gesprek_bron = excluded.eerste_gesprek_bron,
			crisis_aantal = excluded.crisis_aantal, crisis_eenheid = excluded.crisis_eenheid, crisis_bron = excluded.crisis_bron,
			beslis_aantal = excluded.beslis_aantal, beslis_eenheid = excluded.beslis_eenheid, beslis_bron = excluded.beslis_bron,
			weigeringsgronden = excluded.weigeringsgronden, bewaar_geweigerd = excluded.bewaar_geweigerd,
			bewaar_afgezien = excluded.bewaar_afgezien, bewaar_beeindigd = excluded.bewaar_beeindigd,
			bewaar_afgerond = excluded.bewaar_afgerond, versie = zaken_instellingen.versie + 1,
			intake_capaciteit = excluded.intake_capaciteit, voorrang_kinderen = excluded.voorrang_kinderen,
			voorrang_bron = excluded.voorrang_bron, terugval_maanden = excluded.terugval_maanden,
			terugval_bron = excluded.terugval_bron, jongerenfonds = excluded.jongerenfonds,
			jongerenfonds_bron = excluded.jongerenfonds_bron`,
			gemeente, ea, ee, eb, ca, ce, cb, ba, be, bb, strings.Join(gronden, ","),
			in.Bewaren[Geweigerd], in.Bewaren[Afgezien], in.Bewaren[Beeindigd], in.Bewaren[Afgerond],
			in.Wachtlijst.IntakeCapaciteit, b2i(in.Wachtlijst.VoorrangKinderen), strings.TrimSpace(in.Wachtlijst.VoorrangBron),
			in.Terugval.Maanden, strings.TrimSpace(in.Terugval.Bron), b2i(in.Jongerenfonds.Aan), strings.TrimSpace(in.Jongerenfonds.Bron))
		if err != nil {
			return fmt.Errorf("zaken: instellingen opslaan: %w", err)
		}
		nieuw, err := s.instellingen(ctx, tx, gemeente)
		if err != nil {
			return err
		}
		n, err := s.herbereken(ctx, tx, gemeente, nieuw)
		if err != nil {
			return err
		}
		// The settings change the deadlines of the open zaken, the refusal grounds and the retention:
		// one row in the processing log (no data subject; the count only).
		detail := fmt.Sprintf("termijnen van %d open zaken herberekend", n)
		if n == 1 {
			detail = "termijnen van 1 open zaak herberekend"
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteitInstellen,
			Operatie: "zaken.instellen", Actie: audit.Wijzigen, Resultaat: audit.OK, Object: "zaken-instellingen/" + gemeente,
			Detail: detail})
	})
}

// Herbereken recomputes the stored deadlines of the gemeente's open zaken from its settings and the
// calendar (the daily job runs it, so a new decree of equated days reaches stored deadlines). It returns
// the number of zaken whose deadlines were written.
func (s *Service) Herbereken(ctx context.Context, gemeente string) (int, error) {
	var n int
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		in, err := s.instellingen(ctx, tx, gemeente)
		if err != nil {
			return err
		}
		n, err = s.herbereken(ctx, tx, gemeente, in)
		return err
	})
	return n, err
}

// herbereken writes the deadlines per distinct start day (and crisis flag) and per distinct day of the
// first conversation: they depend on nothing else, so 100,000 open zaken cost a few hundred updates.
func (s *Service) herbereken(ctx context.Context, tx *sql.Tx, gemeente string, in Instellingen) (int, error) {
	s.ind.vergeet(gemeente)
	type sleutel struct {
		dag    string
		crisis int
	}
	var starts []sleutel
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT startdatum, crisis FROM zaken_zaak WHERE gemeente = $1 AND status = $2`,
		gemeente, string(Aangemeld))
	if err != nil {
		return 0, fmt.Errorf("zaken: herbereken: %w", err)
	}
	for rows.Next() {
		var k sleutel
		if err := rows.Scan(&k.dag, &k.crisis); err != nil {
			rows.Close()
			return 0, fmt.Errorf("zaken: herbereken: %w", err)
		}
		starts = append(starts, k)
	}
	rows.Close()
	var gesprekken []string
	rows, err = tx.QueryContext(ctx, `SELECT DISTINCT eerste_gesprek FROM zaken_zaak WHERE gemeente = $1 AND status = $2`,
		gemeente, string(Intake))
	if err != nil {
		return 0, fmt.Errorf("zaken: herbereken: %w", err)
	}
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			rows.Close()
			return 0, fmt.Errorf("zaken: herbereken: %w", err)
		}
		gesprekken = append(gesprekken, g)
	}
	rows.Close()
	var n int
	for _, k := range starts {
		dl, err := in.EersteGesprekTermijn(leesDatum(k.dag), k.crisis == 1)
		if err != nil {
			return 0, fmt.Errorf("zaken: herbereken start %s: %w", k.dag, err)
		}
		r, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET eerste_gesprek_deadline = $1, eerste_gesprek_wettelijk = $2,
			eerste_gesprek_uitleg = $3, volgende_deadline = $1
			WHERE gemeente = $4 AND status = $5 AND startdatum = $6 AND crisis = $7`,
			dl.Datum.String(), dl.Wettelijk.String(), dl.Uitleg, gemeente, string(Aangemeld), k.dag, k.crisis)
		if err != nil {
			return 0, fmt.Errorf("zaken: herbereken: %w", err)
		}
		m, _ := r.RowsAffected()
		n += int(m)
	}
	for _, g := range gesprekken {
		dl, err := in.BesluitTermijn(leesDatum(g))
		if err != nil {
			return 0, fmt.Errorf("zaken: herbereken gesprek %s: %w", g, err)
		}
		r, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET besluit_deadline = $1, besluit_wettelijk = $2, besluit_uitleg = $3,
			volgende_deadline = $1 WHERE gemeente = $4 AND status = $5 AND eerste_gesprek = $6`,
			dl.Datum.String(), dl.Wettelijk.String(), dl.Uitleg, gemeente, string(Intake), g)
		if err != nil {
			return 0, fmt.Errorf("zaken: herbereken: %w", err)
		}
		m, _ := r.RowsAffected()
		n += int(m)
	}
	return n, nil
}

// logZaak writes one audit row for one processing of a zaak, with the BSNs of its persons (hashed by
// the audit log), or the household's id when none has one. tx may be nil.
func (s *Service) logZaak(ctx context.Context, tx *sql.Tx, gemeente string, id int64, huishouden string, bsns []string, operatie string, actie audit.Actie) error {
	v := audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteit, Operatie: operatie, Actie: actie,
		Resultaat: audit.OK, Object: "zaak/" + strconv.FormatInt(id, 10)}
	var uniek []string
	for _, b := range slices.Sorted(slices.Values(bsns)) {
		if b != "" && (len(uniek) == 0 || uniek[len(uniek)-1] != b) {
			uniek = append(uniek, b)
		}
	}
	switch len(uniek) {
	case 0:
		v.SubjectSoort, v.SubjectID = "huishouden", huishouden
		if huishouden == "" { // an online request without a household yet
			v.SubjectSoort, v.SubjectID = "aanvraag", strconv.FormatInt(id, 10)
		}
	case 1:
		v.BSN = uniek[0]
	default:
		v.BSNs = uniek
	}
	var err error
	if tx != nil {
		err = s.log.SchrijfTx(ctx, tx, v)
	} else {
		err = s.log.Schrijf(ctx, v)
	}
	if err != nil {
		return fmt.Errorf("zaken: audit: %w", err)
	}
	return nil
}

// bsnsVan reads the BSNs of a zaak's persons.
func bsnsVan(ctx context.Context, q queryer, gemeente string, id int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT bsn FROM zaken_persoon WHERE gemeente = $1 AND zaak_id = $2 ORDER BY id`, gemeente, id)
	if err != nil {
		return nil, fmt.Errorf("zaken: personen: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var b string
		if err := rows.Scan(&b); err != nil {
			return nil, fmt.Errorf("zaken: personen: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// gebeurtenis adds a line to the household's timeline. Every change of a zaak writes one, so it also
// drops the gemeente's cached indicators.
func (s *Service) gebeurtenis(ctx context.Context, tx *sql.Tx, gemeente, huishouden string, zaak int64, soort, tekst, door string) error {
	s.ind.vergeet(gemeente)
	_, err := tx.ExecContext(ctx, `INSERT INTO zaken_gebeurtenis (gemeente, huishouden_id, zaak_id, tijd, soort, tekst, door)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, gemeente, huishouden, zaak, s.klok().UTC(), soort, tekst, door)
	if err != nil {
		return fmt.Errorf("zaken: tijdlijn: %w", err)
	}
	return nil
}

// logLijst writes one audit row for a list of zaken (no data subject).
func (s *Service) logLijst(ctx context.Context, gemeente, operatie string, n int) error {
	if err := s.log.Schrijf(ctx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteit, Operatie: operatie,
		Actie: audit.Lezen, Resultaat: audit.OK, Object: "werklijst", Aantal: n}); err != nil {
		return fmt.Errorf("zaken: audit: %w", err)
	}
	return nil
}
