package netwerk

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/store"
)

// Activiteit is the processing activity under which changes to the sociale kaart are logged: the
// beheerder's partner work (no personal data is processed; the log shows who changed what).
const Activiteit = partner.Activiteit

// Config are the services of a Service.
type Config struct {
	DB       *store.DB
	Audit    *audit.Log
	Partners *partner.Service
	// Catalogus gives the regelingen of each gemeente's rule pack; a service may only name those. Nil
	// accepts any regeling id (tests without packs) and shows the id as its name.
	Catalogus *regels.Catalogus
	// Klok gives the current time; default time.Now.
	Klok func() time.Time
	// BasisURL is where users reach Zeker (mail.ParseBasisURL), for the link in the notices of
	// referrals (verwijzing_mail.go); "" sends them without a link.
	BasisURL string
}

// Service stores the services and locations of partners and builds the sociale kaart.
type Service struct {
	db       *store.DB
	log      *audit.Log
	partners *partner.Service
	cat      *regels.Catalogus
	klok     func() time.Time
	basisURL string
}

// New returns a Service.
func New(cfg Config) (*Service, error) {
	if cfg.DB == nil || cfg.Audit == nil || cfg.Partners == nil {
		return nil, errors.New("netwerk: DB, Audit en Partners zijn nodig")
	}
	if cfg.Klok == nil {
		cfg.Klok = time.Now
	}
	return &Service{db: cfg.DB, log: cfg.Audit, partners: cfg.Partners, cat: cfg.Catalogus, klok: cfg.Klok,
		basisURL: cfg.BasisURL}, nil
}

// Partners is the partner register the service reads memberships from.
func (s *Service) Partners() *partner.Service { return s.partners }

// Vandaag is today in Europe/Amsterdam, as a day.
func (s *Service) Vandaag() time.Time { return partner.Vandaag(s.klok()) }

func (s *Service) nu() time.Time { return s.klok().UTC().Truncate(time.Microsecond) }

// Regeling is a regeling of a gemeente's rule pack as the sociale kaart names it.
type Regeling struct {
	ID, Naam, NaamEN string
}

// Regelingen returns the regelingen of gemeente's pack that applies today (the gemeente's own and the
// national ones), in the pack's order; none without a catalogue or a pack.
func (s *Service) Regelingen(gemeente string) []Regeling {
	if s.cat == nil {
		return nil
	}
	p, err := s.cat.Pakket(gemeente, s.Vandaag())
	if err != nil {
		return nil
	}
	uit := make([]Regeling, 0, len(p.Regelingen))
	for _, r := range p.Regelingen {
		uit = append(uit, Regeling{ID: r.ID, Naam: r.Naam, NaamEN: r.NaamEN})
	}
	return uit
}

// RegelingNaam is the name of regeling id in gemeente's pack (English when en); the id when unknown.
func (s *Service) RegelingNaam(gemeente, id string, en bool) string {
	for _, r := range s.Regelingen(gemeente) {
		if r.ID == id {
			if en && r.NaamEN != "" {
				return r.NaamEN
			}
			return r.Naam
		}
	}
	return id
}

const dienstKolommen = `id, partner_id, naam, beschrijving, behoeften, voor_wie, min_leeftijd, max_leeftijd, aanmelden, kosten,
	website, email, telefoon, openingstijden, status, bron, gecontroleerd_op, aangemaakt, gewijzigd`

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// diensten loads the services matching waar (a condition on netwerk_dienst, whose columns it names
// without prefix) with their gemeenten, regelingen and locations.
func (s *Service) diensten(ctx context.Context, q queryer, waar string, args ...any) ([]Dienst, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+dienstKolommen+` FROM netwerk_dienst WHERE `+waar+` ORDER BY naam, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("netwerk: diensten: %w", err)
	}
	var lijst []Dienst
	index := map[string]int{}
	for rows.Next() {
		var d Dienst
		var behoeften, open, status, gecontroleerd string
		var min, max sql.NullInt64
		if err := rows.Scan(&d.ID, &d.PartnerID, &d.Naam, &d.Beschrijving, &behoeften, &d.VoorWie, &min, &max, &d.Aanmelden,
			&d.Kosten, &d.Website, &d.Email, &d.Telefoon, &open, &status, &d.Bron, &gecontroleerd, &d.Aangemaakt, &d.Gewijzigd); err != nil {
			rows.Close()
			return nil, fmt.Errorf("netwerk: dienst: %w", err)
		}
		for _, b := range strings.Split(behoeften, ",") {
			if b != "" {
				d.Behoeften = append(d.Behoeften, Behoefte(b))
			}
		}
		if min.Valid {
			v := int(min.Int64)
			d.MinLeeftijd = &v
		}
		if max.Valid {
			v := int(max.Int64)
			d.MaxLeeftijd = &v
		}
		d.Status = Status(status)
		if d.Openingstijden, err = ParseOpeningstijden(open); err == nil {
			d.GecontroleerdOp, err = partner.ParseDag(gecontroleerd)
		}
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("netwerk: dienst %s: %w", d.ID, err)
		}
		index[d.ID] = len(lijst)
		lijst = append(lijst, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("netwerk: diensten: %w", err)
	}
	if len(lijst) == 0 {
		return nil, nil
	}
	sub := `dienst_id IN (SELECT id FROM netwerk_dienst WHERE ` + waar + `)`
	err = eachRow(ctx, q, `SELECT dienst_id, gemeente FROM netwerk_dienst_gemeente WHERE `+sub+` ORDER BY dienst_id, gemeente`, args,
		func(r *sql.Rows) error {
			var id, gm string
			if err := r.Scan(&id, &gm); err != nil {
				return err
			}
			if i, ok := index[id]; ok {
				lijst[i].Gemeenten = append(lijst[i].Gemeenten, gm)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, q, `SELECT dienst_id, gemeente, regeling, rol FROM netwerk_dienst_regeling WHERE `+sub+` ORDER BY dienst_id, gemeente, regeling`, args,
		func(r *sql.Rows) error {
			var id string
			var rr RegelingRol
			if err := r.Scan(&id, &rr.Gemeente, &rr.Regeling, &rr.Rol); err != nil {
				return err
			}
			if i, ok := index[id]; ok {
				lijst[i].Regelingen = append(lijst[i].Regelingen, rr)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, q, `SELECT dl.dienst_id, dl.locatie_id, dl.openingstijden FROM netwerk_dienst_locatie dl
		JOIN netwerk_locatie l ON l.id = dl.locatie_id WHERE dl.`+sub+` ORDER BY dl.dienst_id, l.naam, l.id`, args,
		func(r *sql.Rows) error {
			var id, open string
			var dl DienstLocatie
			if err := r.Scan(&id, &dl.LocatieID, &open); err != nil {
				return err
			}
			var err error
			if dl.Openingstijden, err = ParseOpeningstijden(open); err != nil {
				return err
			}
			if i, ok := index[id]; ok {
				lijst[i].Locaties = append(lijst[i].Locaties, dl)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	return lijst, nil
}

func eachRow(ctx context.Context, q queryer, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("netwerk: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return fmt.Errorf("netwerk: %w", err)
		}
	}
	return rows.Err()
}

// DienstenVan returns the services of partner id, by name.
func (s *Service) DienstenVan(ctx context.Context, partnerID string) ([]Dienst, error) {
	return s.diensten(ctx, s.db.SQL(), `partner_id = $1`, partnerID)
}

// DienstenIn returns every service offered in gemeente (any status), by name.
func (s *Service) DienstenIn(ctx context.Context, gemeente string) ([]Dienst, error) {
	return s.diensten(ctx, s.db.SQL(), `id IN (SELECT dienst_id FROM netwerk_dienst_gemeente WHERE gemeente = $1)`, gemeente)
}

// Dienst returns service id; errs.NotFound when there is none.
func (s *Service) Dienst(ctx context.Context, id string) (Dienst, error) {
	if !partner.GeldigID(id) {
		return Dienst{}, fmt.Errorf("netwerk: dienst %q: %w", id, errs.NotFound)
	}
	ds, err := s.diensten(ctx, s.db.SQL(), `id = $1`, id)
	if err != nil {
		return Dienst{}, err
	}
	if len(ds) == 0 {
		return Dienst{}, fmt.Errorf("netwerk: dienst %s: %w", id, errs.NotFound)
	}
	return ds[0], nil
}

const locatieKolommen = `id, partner_id, naam, soort, straat, huisnummer, postcode, plaats, url, toegankelijkheid, bron, aangemaakt, gewijzigd`

func (s *Service) locaties(ctx context.Context, q queryer, waar string, args ...any) ([]Locatie, error) {
	var uit []Locatie
	err := eachRow(ctx, q, `SELECT `+locatieKolommen+` FROM netwerk_locatie WHERE `+waar+` ORDER BY naam, id`, args, func(r *sql.Rows) error {
		var l Locatie
		a := &l.Adres
		if err := r.Scan(&l.ID, &l.PartnerID, &l.Naam, &l.Soort, &a.Straat, &a.Huisnummer, &a.Postcode, &a.Plaats, &l.URL,
			&l.Toegankelijkheid, &l.Bron, &l.Aangemaakt, &l.Gewijzigd); err != nil {
			return err
		}
		uit = append(uit, l)
		return nil
	})
	return uit, err
}

// LocatiesVan returns the locations of partner id, by name.
func (s *Service) LocatiesVan(ctx context.Context, partnerID string) ([]Locatie, error) {
	return s.locaties(ctx, s.db.SQL(), `partner_id = $1`, partnerID)
}

// Locatie returns location id; errs.NotFound when there is none.
func (s *Service) Locatie(ctx context.Context, id string) (Locatie, error) {
	if !partner.GeldigID(id) {
		return Locatie{}, fmt.Errorf("netwerk: locatie %q: %w", id, errs.NotFound)
	}
	ls, err := s.locaties(ctx, s.db.SQL(), `id = $1`, id)
	if err != nil {
		return Locatie{}, err
	}
	if len(ls) == 0 {
		return Locatie{}, fmt.Errorf("netwerk: locatie %s: %w", id, errs.NotFound)
	}
	return ls[0], nil
}

// GemeentenVanLocatie returns the gemeenten of the services offered at location id (sorted): who may
// change the location is decided by them.
func (s *Service) GemeentenVanLocatie(ctx context.Context, id string) ([]string, error) {
	var gs []string
	err := eachRow(ctx, s.db.SQL(), `SELECT DISTINCT g.gemeente FROM netwerk_dienst_gemeente g
		JOIN netwerk_dienst_locatie dl ON dl.dienst_id = g.dienst_id WHERE dl.locatie_id = $1 ORDER BY g.gemeente`, []any{id},
		func(r *sql.Rows) error {
			var g string
			err := r.Scan(&g)
			gs = append(gs, g)
			return err
		})
	return gs, err
}

// controleer checks what Valideer cannot, against the partner o and its locations ls: the partner is
// active, every gemeente of the area is one of its memberships (ended ones are refused: the service
// would show nowhere), every regeling is in that gemeente's pack, every location is the partner's.
func (s *Service) controleer(d Dienst, o partner.Organisatie, ls []Locatie, f *errs.Fields) {
	if o.ID == "" || o.SamengevoegdIn != "" {
		f.Set("partner", "Deze partner bestaat niet (meer).")
		return
	}
	vandaag := s.Vandaag()
	for _, gm := range d.Gemeenten {
		l, ok := o.Lid(gm)
		if !ok || (!l.Tot.IsZero() && l.Tot.Before(vandaag)) {
			f.Set("gemeenten", o.Naam+" is geen lid van "+gm+". Een dienst kan alleen worden aangeboden in een gemeente waar de partner lid is.")
		}
	}
	for _, r := range d.Regelingen {
		veld := "regeling." + r.Regeling
		if !slices.Contains(d.Gemeenten, r.Gemeente) {
			f.Set(veld, "De regeling hoort bij "+r.Gemeente+", maar de dienst wordt daar niet aangeboden.")
			continue
		}
		if s.cat == nil {
			continue
		}
		if !slices.ContainsFunc(s.Regelingen(r.Gemeente), func(x Regeling) bool { return x.ID == r.Regeling }) {
			f.Set(veld, "‘"+r.Regeling+"’ is geen regeling van "+r.Gemeente+".")
		}
	}
	for _, dl := range d.Locaties {
		if !slices.ContainsFunc(ls, func(l Locatie) bool { return l.ID == dl.LocatieID }) {
			f.Set("locaties", "Deze locatie is niet van "+o.Naam+".")
		}
	}
}

// partnerEnLocaties reads what controleer needs of partner id.
func (s *Service) partnerEnLocaties(ctx context.Context, q queryer, id string) (partner.Organisatie, []Locatie, error) {
	o, err := s.partners.Haal(ctx, id)
	if errors.Is(err, errs.NotFound) {
		return partner.Organisatie{}, nil, nil
	}
	if err != nil {
		return o, nil, err
	}
	ls, err := s.locaties(ctx, q, `partner_id = $1`, id)
	return o, ls, err
}

// MaakDienst stores a new service; d.ID empty gets a new UUID (an import may give its own). It
// returns the stored service.
func (s *Service) MaakDienst(ctx context.Context, d Dienst) (Dienst, error) {
	var uit Dienst
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		uit, err = s.maakDienstTx(ctx, tx, d)
		return err
	})
	return uit, err
}

func (s *Service) maakDienstTx(ctx context.Context, tx *sql.Tx, d Dienst) (Dienst, error) {
	d = d.Normaliseer()
	if d.ID == "" {
		d.ID = partner.NieuwID()
	} else if !partner.GeldigID(d.ID) {
		return Dienst{}, ongeldig(errs.Fields{{Path: "id", Reason: "Een id is een UUID in kleine letters, zoals 3f2b…-….; laat het leeg voor een nieuwe dienst."}})
	}
	f := d.Valideer()
	if f == nil {
		f = errs.Fields{}
	}
	o, ls, err := s.partnerEnLocaties(ctx, tx, d.PartnerID)
	if err != nil {
		return Dienst{}, err
	}
	s.controleer(d, o, ls, &f)
	if len(f) > 0 {
		return Dienst{}, ongeldig(f)
	}
	return d, s.schrijfNieuweDienst(ctx, tx, d)
}

// schrijfNieuweDienst inserts a checked service with its audit rows.
func (s *Service) schrijfNieuweDienst(ctx context.Context, tx *sql.Tx, d Dienst) error {
	nu := s.nu()
	d.Aangemaakt, d.Gewijzigd = nu, nu
	if _, err := tx.ExecContext(ctx, `INSERT INTO netwerk_dienst (`+dienstKolommen+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)`, dienstArgs(d, nu)...); err != nil {
		if errors.Is(store.MapError(err), errs.Conflict) {
			return ongeldig(errs.Fields{{Path: "id", Reason: "Er is al een dienst met dit id."}})
		}
		return fmt.Errorf("netwerk: dienst maken: %w", err)
	}
	if err := s.schrijfKinderen(ctx, tx, d); err != nil {
		return err
	}
	return s.logDienst(ctx, tx, "dienst.maken", audit.Aanmaken, d.ID, d.Gemeenten)
}

func dienstArgs(d Dienst, nu time.Time) []any {
	var bs []string
	for _, b := range d.Behoeften {
		bs = append(bs, string(b))
	}
	var min, max any
	if d.MinLeeftijd != nil {
		min = *d.MinLeeftijd
	}
	if d.MaxLeeftijd != nil {
		max = *d.MaxLeeftijd
	}
	return []any{d.ID, d.PartnerID, d.Naam, d.Beschrijving, strings.Join(bs, ","), d.VoorWie, min, max, d.Aanmelden, d.Kosten,
		d.Website, d.Email, d.Telefoon, d.Openingstijden.String(), string(d.Status), d.Bron, partner.DagTekst(d.GecontroleerdOp), nu}
}

func (s *Service) schrijfKinderen(ctx context.Context, tx *sql.Tx, d Dienst) error {
	for _, q := range []string{`DELETE FROM netwerk_dienst_gemeente WHERE dienst_id = $1`, `DELETE FROM netwerk_dienst_regeling WHERE dienst_id = $1`,
		`DELETE FROM netwerk_dienst_locatie WHERE dienst_id = $1`} {
		if _, err := tx.ExecContext(ctx, q, d.ID); err != nil {
			return fmt.Errorf("netwerk: dienst %s: %w", d.ID, err)
		}
	}
	for _, gm := range d.Gemeenten {
		if _, err := tx.ExecContext(ctx, `INSERT INTO netwerk_dienst_gemeente (dienst_id, gemeente) VALUES ($1, $2)`, d.ID, gm); err != nil {
			return fmt.Errorf("netwerk: dienst %s in %s: %w", d.ID, gm, err)
		}
	}
	for _, r := range d.Regelingen {
		if _, err := tx.ExecContext(ctx, `INSERT INTO netwerk_dienst_regeling (dienst_id, gemeente, regeling, rol) VALUES ($1, $2, $3, $4)
			ON CONFLICT (dienst_id, gemeente, regeling) DO UPDATE SET rol = excluded.rol`, d.ID, r.Gemeente, r.Regeling, string(r.Rol)); err != nil {
			return fmt.Errorf("netwerk: dienst %s regeling %s: %w", d.ID, r.Regeling, err)
		}
	}
	for _, l := range d.Locaties {
		if _, err := tx.ExecContext(ctx, `INSERT INTO netwerk_dienst_locatie (dienst_id, locatie_id, openingstijden) VALUES ($1, $2, $3)
			ON CONFLICT (dienst_id, locatie_id) DO UPDATE SET openingstijden = excluded.openingstijden`, d.ID, l.LocatieID, l.Openingstijden.String()); err != nil {
			return fmt.Errorf("netwerk: dienst %s locatie %s: %w", d.ID, l.LocatieID, err)
		}
	}
	return nil
}

func (s *Service) logDienst(ctx context.Context, tx *sql.Tx, op string, actie audit.Actie, id string, gemeenten []string) error {
	for _, gm := range gemeenten {
		if err := s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: Activiteit, Operatie: op,
			Actie: actie, Object: "dienst/" + id}); err != nil {
			return err
		}
	}
	return nil
}

// WijzigDienst replaces service d.ID (everything but its partner and creation time).
func (s *Service) WijzigDienst(ctx context.Context, d Dienst) (Dienst, error) {
	var uit Dienst
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		uit, err = s.wijzigDienstTx(ctx, tx, d)
		return err
	})
	return uit, err
}

func (s *Service) wijzigDienstTx(ctx context.Context, tx *sql.Tx, d Dienst) (Dienst, error) {
	oud, err := s.diensten(ctx, tx, `id = $1`, d.ID)
	if err != nil {
		return Dienst{}, err
	}
	if len(oud) == 0 {
		return Dienst{}, fmt.Errorf("netwerk: dienst %s: %w", d.ID, errs.NotFound)
	}
	d = d.Normaliseer()
	d.PartnerID, d.Aangemaakt = oud[0].PartnerID, oud[0].Aangemaakt
	f := d.Valideer()
	if f == nil {
		f = errs.Fields{}
	}
	o, ls, err := s.partnerEnLocaties(ctx, tx, d.PartnerID)
	if err != nil {
		return Dienst{}, err
	}
	s.controleer(d, o, ls, &f)
	if len(f) > 0 {
		return Dienst{}, ongeldig(f)
	}
	return d, s.schrijfGewijzigdeDienst(ctx, tx, d, oud[0].Gemeenten)
}

// schrijfGewijzigdeDienst updates a checked service with its audit rows (in the gemeenten it was and
// is offered in).
func (s *Service) schrijfGewijzigdeDienst(ctx context.Context, tx *sql.Tx, d Dienst, waren []string) error {
	nu := s.nu()
	d.Gewijzigd = nu
	args := dienstArgs(d, nu)
	if _, err := tx.ExecContext(ctx, `UPDATE netwerk_dienst SET naam = $3, beschrijving = $4, behoeften = $5, voor_wie = $6,
		min_leeftijd = $7, max_leeftijd = $8, aanmelden = $9, kosten = $10, website = $11, email = $12, telefoon = $13,
		openingstijden = $14, status = $15, bron = $16, gecontroleerd_op = $17, gewijzigd = $18 WHERE id = $1 AND partner_id = $2`,
		args...); err != nil {
		return fmt.Errorf("netwerk: dienst wijzigen: %w", err)
	}
	if err := s.schrijfKinderen(ctx, tx, d); err != nil {
		return err
	}
	gms := slices.Concat(waren, d.Gemeenten)
	slices.Sort(gms)
	return s.logDienst(ctx, tx, "dienst.wijzigen", audit.Wijzigen, d.ID, slices.Compact(gms))
}

// Gecontroleerd records that service id was checked on day (its data are still right).
func (s *Service) Gecontroleerd(ctx context.Context, id string, dag time.Time) error {
	d, err := s.Dienst(ctx, id)
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE netwerk_dienst SET gecontroleerd_op = $2, gewijzigd = $3 WHERE id = $1`,
			id, partner.DagTekst(dag), s.nu()); err != nil {
			return fmt.Errorf("netwerk: dienst gecontroleerd: %w", err)
		}
		return s.logDienst(ctx, tx, "dienst.gecontroleerd", audit.Wijzigen, id, d.Gemeenten)
	})
}

// VerwijderDienst removes service id. (A service that stopped is better set to "opgeheven": the
// beheerder keeps seeing it; removing is for a mistake.)
func (s *Service) VerwijderDienst(ctx context.Context, id string) error {
	d, err := s.Dienst(ctx, id)
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM netwerk_dienst_gemeente WHERE dienst_id = $1`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM netwerk_dienst_regeling WHERE dienst_id = $1`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM netwerk_dienst_locatie WHERE dienst_id = $1`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM netwerk_dienst WHERE id = $1`, id); err != nil {
			return fmt.Errorf("netwerk: dienst verwijderen: %w", err)
		}
		return s.logDienst(ctx, tx, "dienst.verwijderen", audit.Verwijderen, id, d.Gemeenten)
	})
}
