package partner

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
	"github.com/zeker-platform/zeker/internal/store"
)

// Activiteit is the processing activity under which changes to partners are logged.
const Activiteit = "partners.beheren"

// Config are the services of a Service.
type Config struct {
	DB *store.DB
	// Audit gets a row for every change: a partner made, a membership granted or changed, a contact
	// edited, two partners merged. Required.
	Audit *audit.Log
	// Klok gives the current time; tests move it. Default time.Now.
	Klok func() time.Time
	// Verhuizers move what other parts hold of a partner to another partner when two are merged.
	Verhuizers []Verhuizer
}

// Verhuizer moves what one part holds of partner van (API keys, signals, referrals…) to partner naar,
// inside tx, when van is merged into naar. It refuses with an error (errs.Conflict and a reason in
// plain Dutch) what cannot move, for example a signal reference that both partners used in one gemeente;
// then nothing of the merge happens.
type Verhuizer struct {
	Naam      string // what moves, in Dutch plural: "API-sleutels", "signalen"
	Verhuizen func(ctx context.Context, tx *sql.Tx, van, naar string) (int64, error)
}

// Service stores partners and their memberships.
type Service struct {
	db    *store.DB
	log   *audit.Log
	klok  func() time.Time
	verhz []Verhuizer
}

// New returns a Service.
func New(cfg Config) (*Service, error) {
	if cfg.DB == nil {
		return nil, errors.New("partner: geen database")
	}
	if cfg.Audit == nil {
		return nil, errors.New("partner: geen verwerkingslog")
	}
	if cfg.Klok == nil {
		cfg.Klok = time.Now
	}
	return &Service{db: cfg.DB, log: cfg.Audit, klok: cfg.Klok, verhz: slices.Clone(cfg.Verhuizers)}, nil
}

// MetVerhuizers returns a copy of s that also runs vs when merging (the composition root adds the
// parts that hold partner ids once they are built).
func (s *Service) MetVerhuizers(vs ...Verhuizer) *Service {
	c := *s
	c.verhz = slices.Concat(s.verhz, vs)
	return &c
}

// Vandaag is today in Europe/Amsterdam, as a day.
func (s *Service) Vandaag() time.Time { return Vandaag(s.klok()) }

// Nieuw is the input of Maak: a new partner and its first membership.
type Nieuw struct {
	ID       string // empty: a new UUID; the demo gives fixed ids
	Naam     string
	KvK      string
	Contact  Contact
	Gemeente string    // the gemeente that grants the first membership
	Van, Tot time.Time // the membership's period; Van zero: today
	Door     int64     // the beheerder; 0 for the CLI and the demo
}

const kolommen = `id, naam, kvk, website, website_bron, telefoon, telefoon_bron, adres_straat, adres_huisnummer,
	adres_postcode, adres_plaats, adres_bron, COALESCE(samengevoegd_in, ''), aangemaakt, gewijzigd`

func scanOrganisatie(row interface{ Scan(...any) error }) (Organisatie, error) {
	var o Organisatie
	c, a := &o.Contact, &o.Contact.Adres
	err := row.Scan(&o.ID, &o.Naam, &o.KvK, &c.Website, &c.WebsiteBron, &c.Telefoon, &c.TelefoonBron, &a.Straat, &a.Huisnummer,
		&a.Postcode, &a.Plaats, &c.AdresBron, &o.SamengevoegdIn, &o.Aangemaakt, &o.Gewijzigd)
	return o, err
}

func periodeFouten(f *errs.Fields, van, tot time.Time) {
	if !tot.IsZero() && tot.Before(van) {
		f.Set("tot", "De einddatum ligt voor de begindatum. Kies een datum op of na "+van.Format("2-1-2006")+".")
	}
}

// Maak stores a new partner that is a member of n.Gemeente from n.Van through n.Tot. A KvK number that
// another partner already has is refused (Fouten "kvk", naming that partner), so the beheerder makes
// that one a member instead of creating a second entity for one organisation.
func (s *Service) Maak(ctx context.Context, n Nieuw) (Organisatie, error) {
	var o Organisatie
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		o, err = s.MaakTx(ctx, tx, n)
		return err
	})
	return o, err
}

// MaakTx is Maak inside the caller's transaction: an import that makes partners and what they offer
// all or nothing (internal/netwerk).
func (s *Service) MaakTx(ctx context.Context, tx *sql.Tx, n Nieuw) (Organisatie, error) {
	n.Naam, n.KvK, n.Contact = strings.TrimSpace(n.Naam), NormaliseerKvK(n.KvK), n.Contact.Normaliseer()
	f := n.Contact.Valideer()
	if f == nil {
		f = errs.Fields{}
	}
	if r := ValideerNaam(n.Naam); r != "" {
		f.Set("naam", r)
	}
	if r := ValideerKvK(n.KvK); r != "" {
		f.Set("kvk", r)
	}
	if n.Van.IsZero() {
		n.Van = s.Vandaag()
	}
	periodeFouten(&f, n.Van, n.Tot)
	if n.ID == "" {
		n.ID = NieuwID()
	} else if !GeldigID(n.ID) {
		return Organisatie{}, fmt.Errorf("partner: id %q is geen UUID: %w", n.ID, errs.Invalid)
	}
	if n.KvK != "" && !f.Has("kvk") {
		var naam string
		err := tx.QueryRowContext(ctx, `SELECT o.naam FROM partner_organisatie k
			JOIN partner_organisatie o ON o.id = COALESCE(k.samengevoegd_in, k.id) WHERE k.kvk = $1`, n.KvK).Scan(&naam)
		if err == nil {
			f.Set("kvk", "Er is al een partner met dit KvK-nummer: "+naam+". Maak die partner lid van de gemeente in plaats van een nieuwe te maken.")
		} else if !errors.Is(store.MapError(err), errs.NotFound) {
			return Organisatie{}, fmt.Errorf("partner: kvk: %w", err)
		}
	}
	if len(f) > 0 {
		return Organisatie{}, ongeldig(f)
	}
	nu := s.klok().UTC().Truncate(time.Microsecond)
	o := Organisatie{ID: n.ID, Naam: n.Naam, KvK: n.KvK, Contact: n.Contact, Aangemaakt: nu, Gewijzigd: nu}
	c, a := &o.Contact, &o.Contact.Adres
	if _, err := tx.ExecContext(ctx, `INSERT INTO partner_organisatie (id, naam, kvk, website, website_bron, telefoon, telefoon_bron,
		adres_straat, adres_huisnummer, adres_postcode, adres_plaats, adres_bron, aangemaakt, gewijzigd)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`, o.ID, o.Naam, o.KvK, c.Website, c.WebsiteBron,
		c.Telefoon, c.TelefoonBron, a.Straat, a.Huisnummer, a.Postcode, a.Plaats, c.AdresBron, nu); err != nil {
		if errors.Is(store.MapError(err), errs.Conflict) && n.KvK != "" {
			return Organisatie{}, ongeldig(errs.Fields{{Path: "kvk", Reason: "Er is al een partner met dit KvK-nummer."}})
		}
		return Organisatie{}, fmt.Errorf("partner: maken: %w", err)
	}
	if err := s.lid(ctx, tx, o.ID, n.Gemeente, n.Van, n.Tot, n.Door, nu); err != nil {
		return Organisatie{}, fmt.Errorf("partner: maken: %w", err)
	}
	if err := s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: n.Gemeente, Verwerkingsactiviteit: Activiteit,
		Operatie: "partner.maken", Actie: audit.Aanmaken, Object: "partner/" + o.ID}); err != nil {
		return Organisatie{}, fmt.Errorf("partner: maken: %w", err)
	}
	o.Lidmaatschappen = []Lidmaatschap{{PartnerID: o.ID, Gemeente: n.Gemeente, Van: n.Van, Tot: n.Tot, VerleendDoor: n.Door, VerleendOp: nu}}
	return o, nil
}

// MaakLidTx makes partner id (active, checked by the caller) a member of gemeente from van through tot
// inside the caller's transaction, with its audit row.
func (s *Service) MaakLidTx(ctx context.Context, tx *sql.Tx, id, gemeente string, van, tot time.Time, door int64) error {
	f := errs.Fields{}
	periodeFouten(&f, van, tot)
	if van.IsZero() {
		f.Set("van", "Vul de eerste dag van het lidmaatschap in.")
	}
	if len(f) > 0 {
		return ongeldig(f)
	}
	if err := s.lid(ctx, tx, id, gemeente, van, tot, door, s.klok().UTC().Truncate(time.Microsecond)); err != nil {
		return fmt.Errorf("partner: lidmaatschap: %w", err)
	}
	return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: Activiteit,
		Operatie: "partner.lid.maken", Actie: audit.Wijzigen, Object: "partner/" + id, Detail: "van " + DagTekst(van) + " tot en met " + orOpen(tot)})
}

func (s *Service) lid(ctx context.Context, tx *sql.Tx, id, gemeente string, van, tot time.Time, door int64, nu time.Time) error {
	var d any
	if door != 0 {
		d = door
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO partner_lidmaatschap (partner_id, gemeente, van, tot, verleend_door, verleend_op)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (partner_id, gemeente) DO UPDATE SET van = excluded.van, tot = excluded.tot,
			verleend_door = excluded.verleend_door, verleend_op = excluded.verleend_op`,
		id, gemeente, DagTekst(van), DagTekst(tot), d, nu)
	if err != nil {
		return fmt.Errorf("lidmaatschap %s: %w", gemeente, err)
	}
	return nil
}

// MaakLid makes partner id a member of gemeente from van through tot (tot zero: open), or changes the
// period of its membership there (ending it is setting tot). A merged partner cannot become a member.
func (s *Service) MaakLid(ctx context.Context, id, gemeente string, van, tot time.Time, door int64) error {
	f := errs.Fields{}
	if van.IsZero() {
		f.Set("van", "Vul de eerste dag van het lidmaatschap in.")
	}
	periodeFouten(&f, van, tot)
	if len(f) > 0 {
		return ongeldig(f)
	}
	o, err := s.Haal(ctx, id)
	if err != nil {
		return err
	}
	if o.SamengevoegdIn != "" {
		return fmt.Errorf("partner: %s is samengevoegd met een andere partner: %w", id, errs.Conflict)
	}
	oud, had := o.Lid(gemeente)
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.lid(ctx, tx, id, gemeente, van, tot, door, s.klok().UTC().Truncate(time.Microsecond)); err != nil {
			return err
		}
		op, detail := "partner.lid.maken", "van "+DagTekst(van)+" tot en met "+orOpen(tot)
		if had {
			op, detail = "partner.lid.wijzigen", "was "+DagTekst(oud.Van)+" tot en met "+orOpen(oud.Tot)+"; nu "+strings.TrimPrefix(detail, "van ")
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: Activiteit,
			Operatie: op, Actie: audit.Wijzigen, Object: "partner/" + id, Detail: detail})
	})
	if err != nil {
		return fmt.Errorf("partner: lidmaatschap: %w", err)
	}
	return nil
}

func orOpen(d time.Time) string {
	if d.IsZero() {
		return "open"
	}
	return DagTekst(d)
}

// Lid returns the membership of gemeente, if o has one (ended or not).
func (o Organisatie) Lid(gemeente string) (Lidmaatschap, bool) {
	for _, l := range o.Lidmaatschappen {
		if l.Gemeente == gemeente {
			return l, true
		}
	}
	return Lidmaatschap{}, false
}

// Gemeenten returns the gemeenten of o's memberships (ended or not), sorted.
func (o Organisatie) Gemeenten() []string {
	var gs []string
	for _, l := range o.Lidmaatschappen {
		gs = append(gs, l.Gemeente)
	}
	slices.Sort(gs)
	return gs
}

// Haal returns partner id with its memberships; errs.NotFound when there is none. A merged partner is
// returned too (SamengevoegdIn says where it went).
func (s *Service) Haal(ctx context.Context, id string) (Organisatie, error) {
	if !GeldigID(id) {
		return Organisatie{}, fmt.Errorf("partner %q: %w", id, errs.NotFound)
	}
	o, err := scanOrganisatie(s.db.SQL().QueryRowContext(ctx, `SELECT `+kolommen+` FROM partner_organisatie WHERE id = $1`, id))
	if err != nil {
		return Organisatie{}, fmt.Errorf("partner %s: %w", id, store.MapError(err))
	}
	ls, err := s.lidmaatschappen(ctx, `partner_id = $1`, id)
	if err != nil {
		return Organisatie{}, err
	}
	o.Lidmaatschappen = ls[id]
	return o, nil
}

// ZoekKvK returns the active partner with KvK number kvk; errs.NotFound when there is none.
func (s *Service) ZoekKvK(ctx context.Context, kvk string) (Organisatie, error) {
	kvk = NormaliseerKvK(kvk)
	if kvk == "" || ValideerKvK(kvk) != "" {
		return Organisatie{}, fmt.Errorf("partner: kvk %q: %w", kvk, errs.NotFound)
	}
	var id string
	err := s.db.SQL().QueryRowContext(ctx, `SELECT COALESCE(samengevoegd_in, id) FROM partner_organisatie WHERE kvk = $1`, kvk).Scan(&id)
	if err != nil {
		return Organisatie{}, fmt.Errorf("partner: kvk %s: %w", kvk, store.MapError(err))
	}
	return s.Haal(ctx, id)
}

func (s *Service) lidmaatschappen(ctx context.Context, waar string, args ...any) (map[string][]Lidmaatschap, error) {
	rows, err := s.db.SQL().QueryContext(ctx, `SELECT partner_id, gemeente, van, tot, COALESCE(verleend_door, 0), verleend_op
		FROM partner_lidmaatschap WHERE `+waar+` ORDER BY partner_id, gemeente`, args...)
	if err != nil {
		return nil, fmt.Errorf("partner: lidmaatschappen: %w", err)
	}
	defer rows.Close()
	uit := map[string][]Lidmaatschap{}
	for rows.Next() {
		var l Lidmaatschap
		var van, tot string
		if err := rows.Scan(&l.PartnerID, &l.Gemeente, &van, &tot, &l.VerleendDoor, &l.VerleendOp); err != nil {
			return nil, fmt.Errorf("partner: lidmaatschap: %w", err)
		}
		if l.Van, err = ParseDag(van); err == nil {
			l.Tot, err = ParseDag(tot)
		}
		if err != nil {
			return nil, fmt.Errorf("partner: lidmaatschap %s %s: %w", l.PartnerID, l.Gemeente, err)
		}
		uit[l.PartnerID] = append(uit[l.PartnerID], l)
	}
	return uit, rows.Err()
}

// VanGemeente returns the active partners that have (or had) a membership of gemeente, by name, each
// with all its memberships (so a page can show that a partner works for other gemeenten too).
func (s *Service) VanGemeente(ctx context.Context, gemeente string) ([]Organisatie, error) {
	rows, err := s.db.SQL().QueryContext(ctx, `SELECT `+kolommen+` FROM partner_organisatie
		WHERE samengevoegd_in IS NULL AND id IN (SELECT partner_id FROM partner_lidmaatschap WHERE gemeente = $1)
		ORDER BY naam, id`, gemeente)
	if err != nil {
		return nil, fmt.Errorf("partner: partners van %s: %w", gemeente, err)
	}
	var lijst []Organisatie
	for rows.Next() {
		o, err := scanOrganisatie(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("partner: partners van %s: %w", gemeente, err)
		}
		lijst = append(lijst, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ls, err := s.lidmaatschappen(ctx, `partner_id IN (SELECT partner_id FROM partner_lidmaatschap WHERE gemeente = $1)`, gemeente)
	if err != nil {
		return nil, err
	}
	for i := range lijst {
		lijst[i].Lidmaatschappen = ls[lijst[i].ID]
	}
	return lijst, nil
}

// LedenOp returns the active partners whose membership of gemeente is valid on day, by name.
func (s *Service) LedenOp(ctx context.Context, gemeente string, dag time.Time) ([]Organisatie, error) {
	alle, err := s.VanGemeente(ctx, gemeente)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(alle, func(o Organisatie) bool {
		l, ok := o.Lid(gemeente)
		return !ok || !l.GeldigOp(dag)
	}), nil
}

// IsLidOp reports whether partner id is active and a member of gemeente on day.
func (s *Service) IsLidOp(ctx context.Context, id, gemeente string, dag time.Time) (bool, error) {
	o, err := s.Haal(ctx, id)
	if errors.Is(err, errs.NotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	l, ok := o.Lid(gemeente)
	return o.SamengevoegdIn == "" && ok && l.GeldigOp(dag), nil
}

// Wijzig changes the name, KvK number and public contact of partner id. Every gemeente of its
// memberships gets an audit row, since the contact is shown in all of them.
func (s *Service) Wijzig(ctx context.Context, id, naam, kvk string, c Contact) error {
	naam, kvk, c = strings.TrimSpace(naam), NormaliseerKvK(kvk), c.Normaliseer()
	f := c.Valideer()
	if f == nil {
		f = errs.Fields{}
	}
	if r := ValideerNaam(naam); r != "" {
		f.Set("naam", r)
	}
	if r := ValideerKvK(kvk); r != "" {
		f.Set("kvk", r)
	}
	o, err := s.Haal(ctx, id)
	if err != nil {
		return err
	}
	if o.SamengevoegdIn != "" {
		return fmt.Errorf("partner: %s is samengevoegd met een andere partner: %w", id, errs.Conflict)
	}
	if kvk != "" && !f.Has("kvk") {
		if ander, err := s.ZoekKvK(ctx, kvk); err == nil && ander.ID != id {
			f.Set("kvk", "Een andere partner heeft dit KvK-nummer al: "+ander.Naam+". Zijn het dezelfde organisatie? Voeg ze dan samen.")
		}
	}
	if len(f) > 0 {
		return ongeldig(f)
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		a := &c.Adres
		if _, err := tx.ExecContext(ctx, `UPDATE partner_organisatie SET naam = $2, kvk = $3, website = $4, website_bron = $5,
			telefoon = $6, telefoon_bron = $7, adres_straat = $8, adres_huisnummer = $9, adres_postcode = $10, adres_plaats = $11,
			adres_bron = $12, gewijzigd = $13 WHERE id = $1`, id, naam, kvk, c.Website, c.WebsiteBron, c.Telefoon, c.TelefoonBron,
			a.Straat, a.Huisnummer, a.Postcode, a.Plaats, c.AdresBron, s.klok().UTC().Truncate(time.Microsecond)); err != nil {
			return err
		}
		for _, gm := range o.Gemeenten() {
			if err := s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: Activiteit,
				Operatie: "partner.wijzigen", Actie: audit.Wijzigen, Object: "partner/" + id}); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errs.Conflict) {
		return ongeldig(errs.Fields{{Path: "kvk", Reason: "Een andere partner heeft dit KvK-nummer al."}})
	}
	if err != nil {
		return fmt.Errorf("partner: wijzigen: %w", err)
	}
	return nil
}
