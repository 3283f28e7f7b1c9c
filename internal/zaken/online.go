package zaken

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/mail"
)

// Limits of the online request (the form is public: short fields, no BSN).
const (
	MaxNaam       = 100
	MaxTelefoon   = 20
	MaxEmail      = 254
	MaxWoonplaats = 100
	MaxVraag      = 1000
)

// OnlineAanvraag is a resident's own request for debt help from the public form (kanaal online). It
// asks no BSN: a case worker links the household at the first contact (KoppelHuishouden).
type OnlineAanvraag struct {
	Naam       string
	Telefoon   string // at least one of Telefoon and Email
	Email      string
	Woonplaats string // optional
	Vraag      string // optional, in the resident's words
	Crisis     CrisisSoort
	Ondernemer bool // own business or zzp: route ondernemers
	Kinderen   bool // children under 18 live with them (the waiting list's priority rule)
}

// Aanvraag is what the resident wrote, as the zaak page shows it.
type Aanvraag struct {
	OnlineAanvraag
}

// Ontvangst is what the resident sees after sending: the moment that started the clock and the last
// day of the first conversation.
type Ontvangst struct {
	ZaakID        int64
	Gestart       time.Time
	EersteGesprek Deadline
	Crisis        bool
	// VerwachtUiterlijk is the expected day of the first conversation from the waiting list (zero when
	// the gemeente set no intake capacity); never later than shown as the legal deadline.
	VerwachtUiterlijk datum.Datum
}

// Controleer checks the request; the error names the field (errs.Fields).
func (a OnlineAanvraag) Controleer() error {
	lang := func(veld, t string, max int) error {
		if utf8.RuneCountInString(t) > max {
			return fout(veld, "te-lang")
		}
		return nil
	}
	if strings.TrimSpace(a.Naam) == "" {
		return fout("naam", "leeg")
	}
	for _, v := range []struct {
		veld, t string
		max     int
	}{{"naam", a.Naam, MaxNaam}, {"telefoon", a.Telefoon, MaxTelefoon}, {"email", a.Email, MaxEmail},
		{"woonplaats", a.Woonplaats, MaxWoonplaats}, {"vraag", a.Vraag, MaxVraag}} {
		if err := lang(v.veld, v.t, v.max); err != nil {
			return err
		}
	}
	if strings.TrimSpace(a.Telefoon) == "" && strings.TrimSpace(a.Email) == "" {
		return fout("telefoon", "contact")
	}
	if t := strings.TrimSpace(a.Telefoon); t != "" && !TelefoonGeldig(t) {
		return fout("telefoon", "ongeldig")
	}
	if e := strings.TrimSpace(a.Email); e != "" && (!EmailGeldig(e) || mail.GeldigAdres(e) != "") {
		return fout("email", "ongeldig")
	}
	if a.Crisis != "" && !a.Crisis.Geldig() {
		return fout("crisis", "ongeldig")
	}
	return nil
}

// TelefoonGeldig: digits with optional spaces, dashes, brackets and a leading +; 10 to 15 digits.
func TelefoonGeldig(t string) bool {
	n := 0
	for i, r := range t {
		switch {
		case r >= '0' && r <= '9':
			n++
		case r == ' ' || r == '-' || r == '(' || r == ')':
		case r == '+' && i == 0:
		default:
			return false
		}
	}
	return n >= 10 && n <= 15
}

// EmailGeldig: one @ with text before it and a domain with a dot after it, no spaces.
func EmailGeldig(e string) bool {
	if strings.ContainsAny(e, " \t\r\n<>\"") {
		return false
	}
	lokaal, domein, ok := strings.Cut(e, "@")
	if !ok || lokaal == "" || strings.Contains(domein, "@") {
		return false
	}
	i := strings.LastIndexByte(domein, '.')
	return i > 0 && i < len(domein)-1
}

// Online registers a resident's own request: a zaak with kanaal online whose clock starts now (Wgs
// art. 4 lid 1 onder a: the moment the resident turned to the college). It has no household yet.
// The request's fields (the resident's contact and question) are stored with the zaak.
func (s *Service) Online(ctx context.Context, gemeente string, a OnlineAanvraag) (Ontvangst, error) {
	if err := a.Controleer(); err != nil {
		return Ontvangst{}, err
	}
	nu := s.klok()
	route := Schuldhulp
	if a.Ondernemer {
		route = Ondernemers
	}
	z := Zaak{Gemeente: gemeente, Woonplaats: strings.TrimSpace(a.Woonplaats), Kanaal: Online, Route: route, Gestart: nu.UTC(),
		Startdatum: datum.Van(nu, s.zone), Crisis: a.Crisis != "", CrisisSoort: a.Crisis}
	tekst := "Eigen aanvraag van de inwoner via het online formulier; route " + strings.ToLower(route.Naam()) + "."
	if z.Crisis {
		tekst += " Bedreigende situatie volgens de inwoner: " + strings.ToLower(a.Crisis.Naam()) + "."
	}
	if a.Kinderen {
		tekst += " Er wonen kinderen onder de 18 in het huishouden."
	}
	var id int64
	var dl Deadline
	defer s.ind.vergeet(gemeente)
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, dl, err = s.nieuweZaak(ctx, tx, z, "Inwoner (online)")
		if err != nil {
			return err
		}
		if a.Kinderen {
			if _, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET kind_tot = $1 WHERE gemeente = $2 AND id = $3`, KindOnbekend, gemeente, id); err != nil {
				return fmt.Errorf("zaken: kinderen: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO zaken_aanvraag (gemeente, zaak_id, naam, telefoon, email, woonplaats, vraag, kinderen)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, gemeente, id, strings.TrimSpace(a.Naam), strings.TrimSpace(a.Telefoon),
			strings.TrimSpace(a.Email), z.Woonplaats, strings.TrimSpace(a.Vraag), b2i(a.Kinderen)); err != nil {
			return fmt.Errorf("zaken: aanvraag opslaan: %w", err)
		}
		if e := strings.TrimSpace(a.Email); e != "" { // the confirmation, in the same transaction (docs/mail.md)
			if _, err := mail.Plaats(ctx, tx, bevestiging(gemeente, e, id, z.Gestart, s.zone, dl)); err != nil {
				return err
			}
		}
		if err := s.gebeurtenis(ctx, tx, gemeente, "", id, "aangemeld", "Zaak "+strconv.FormatInt(id, 10)+" aangemeld. "+tekst+
			" Eerste gesprek uiterlijk "+dl.Datum.String()+": "+dl.Uitleg, "Inwoner (online)"); err != nil {
			return err
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteit, Operatie: "zaak.online",
			Actie: audit.Aanmaken, Resultaat: audit.OK, Object: "zaak/" + strconv.FormatInt(id, 10), SubjectSoort: "aanvraag",
			SubjectID: strconv.FormatInt(id, 10)})
	})
	if err != nil {
		return Ontvangst{}, err
	}
	o := Ontvangst{ZaakID: id, Gestart: z.Gestart, EersteGesprek: dl, Crisis: z.Crisis}
	z.ID, z.Status, z.EersteGesprekTermijn = id, Aangemeld, dl
	if w, _, ok, err := s.Plaats(ctx, z); err == nil && ok && !w.VerwachtUiterlijk.IsZero() && w.VerwachtUiterlijk.Voor(dl.Datum) {
		o.VerwachtUiterlijk = w.VerwachtUiterlijk
	}
	return o, nil
}

// nieuweZaak inserts zaak z with the deadline of its first conversation (no household check).
func (s *Service) nieuweZaak(ctx context.Context, tx *sql.Tx, z Zaak, door string) (int64, Deadline, error) {
	in, err := s.instellingen(ctx, tx, z.Gemeente)
	if err != nil {
		return 0, Deadline{}, err
	}
	dl, err := in.EersteGesprekTermijn(z.Startdatum, z.Crisis)
	if err != nil {
		return 0, Deadline{}, fmt.Errorf("zaken: termijn eerste gesprek: %w", err)
	}
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO zaken_zaak (gemeente, huishouden_id, woonplaats, kanaal, route, gestart, startdatum,
		vroegsignaalzaak_id, aanbod_aanvaard, crisis, crisissoort, status, open, eerste_gesprek_deadline, eerste_gesprek_wettelijk,
		eerste_gesprek_uitleg, volgende_deadline, aangemaakt, door)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13, $14, $15, $13, $16, $17) RETURNING id`,
		z.Gemeente, z.HuishoudenID, z.Woonplaats, string(z.Kanaal), string(z.Route), z.Gestart, z.Startdatum.String(),
		z.VroegsignaalzaakID, z.AanbodAanvaard.String(), b2i(z.Crisis), string(z.CrisisSoort), string(Aangemeld),
		dl.Datum.String(), dl.Wettelijk.String(), dl.Uitleg, s.klok().UTC(), door).Scan(&id)
	if err != nil {
		return 0, Deadline{}, fmt.Errorf("zaken: zaak opslaan: %w", err)
	}
	return id, dl, nil
}

// aanvraag reads the online request of zaak id; nil when the zaak did not start online.
func aanvraag(ctx context.Context, q queryer, gemeente string, id int64) (*Aanvraag, error) {
	var a Aanvraag
	var kinderen int
	err := q.QueryRowContext(ctx, `SELECT naam, telefoon, email, woonplaats, vraag, kinderen FROM zaken_aanvraag WHERE gemeente = $1 AND zaak_id = $2`,
		gemeente, id).Scan(&a.Naam, &a.Telefoon, &a.Email, &a.Woonplaats, &a.Vraag, &kinderen)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("zaken: aanvraag: %w", err)
	}
	a.Kinderen = kinderen == 1
	return &a, nil
}

// KoppelHuishouden links a zaak that has no household yet (an online request) to a household of the
// register, by its id or a person's BSN (in the form body only): the persons are copied into the zaak,
// its timeline lines move to the household, and the case worker becomes regisseur when it has none.
// A household with another open zaak is refused (OpenZaak names it).
func (s *Service) KoppelHuishouden(ctx context.Context, gemeente string, id int64, versie int, huishoudenID, b string, door Medewerker) error {
	rec, err := s.huishouden(ctx, gemeente, strings.TrimSpace(huishoudenID), strings.ReplaceAll(strings.TrimSpace(b), " ", ""))
	if err != nil {
		return err
	}
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		z, err := leesZaak(ctx, tx, gemeente, id)
		if err != nil {
			return err
		}
		if z.Versie != versie {
			return ErrVerouderd
		}
		if z.HuishoudenID != "" {
			return fmt.Errorf("%w: de zaak hoort al bij huishouden %s", ErrStatus, z.HuishoudenID)
		}
		if !z.Status.Open() {
			return fmt.Errorf("%w: de zaak is al afgesloten", ErrStatus)
		}
		var open int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM zaken_zaak WHERE gemeente = $1 AND huishouden_id = $2 AND open = 1`, gemeente, rec.ID).Scan(&open)
		if err == nil {
			return &OpenZaak{ID: open}
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("zaken: open zaak zoeken: %w", err)
		}
		woonplaats := z.Woonplaats
		if rec.H.Woonplaats != "" {
			woonplaats = rec.H.Woonplaats
		}
		personen := personenVan(rec)
		// The register's birth dates decide; without a minor there, what the resident said stays.
		kt := kindTot(personen, s.Vandaag())
		if kt == "" {
			err = tx.QueryRowContext(ctx, `SELECT kind_tot FROM zaken_zaak WHERE gemeente = $1 AND id = $2`, gemeente, id).Scan(&kt)
			if err != nil {
				return fmt.Errorf("zaken: kinderen: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET huishouden_id = $1, woonplaats = $2, kind_tot = $3, versie = versie + 1
			WHERE gemeente = $4 AND id = $5`, rec.ID, woonplaats, kt, gemeente, id); err != nil {
			return fmt.Errorf("zaken: huishouden koppelen: %w", err)
		}
		var bsns []string
		for _, p := range personen {
			if _, err := tx.ExecContext(ctx, `INSERT INTO zaken_persoon (gemeente, zaak_id, bsn, rol, geboortedatum) VALUES ($1, $2, $3, $4, $5)`,
				gemeente, id, p.BSN, p.Rol, p.Geboortedatum.String()); err != nil {
				return fmt.Errorf("zaken: persoon opslaan: %w", err)
			}
			bsns = append(bsns, p.BSN)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_gebeurtenis SET huishouden_id = $1 WHERE gemeente = $2 AND zaak_id = $3 AND huishouden_id = ''`,
			rec.ID, gemeente, id); err != nil {
			return fmt.Errorf("zaken: tijdlijn: %w", err)
		}
		if err := s.gebeurtenis(ctx, tx, gemeente, rec.ID, id, "huishouden", "Zaak gekoppeld aan huishouden "+rec.ID+" uit de huishoudregistratie.", door.Naam); err != nil {
			return err
		}
		if err := s.regieBijStart(ctx, tx, gemeente, rec.ID, id, door); err != nil {
			return err
		}
		return s.logZaak(ctx, tx, gemeente, id, rec.ID, bsns, "zaak.huishouden", audit.Wijzigen)
	})
}
