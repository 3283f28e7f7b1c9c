package budget

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
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/store"
)

// Vorm is what a request asks for.
type Vorm string

// The forms of a request.
const (
	Geld    Vorm = "geld"    // an amount of money
	Goed    Vorm = "goed"    // goods (an e-bike, insulation) with their value
	Voucher Vorm = "voucher" // a voucher with its value
)

// Vormen lists the forms in a fixed order.
func Vormen() []Vorm { return []Vorm{Geld, Goed, Voucher} }

// Geldig reports whether v is a known form.
func (v Vorm) Geldig() bool { return slices.Contains(Vormen(), v) }

// Naam is the form in Dutch.
func (v Vorm) Naam() string {
	switch v {
	case Geld:
		return "Geld"
	case Goed:
		return "Goederen"
	case Voucher:
		return "Voucher"
	}
	return string(v)
}

// Status is where a request stands.
type Status string

// The statuses of a request.
const (
	Ingediend Status = "ingediend" // waiting for a decision
	Tweede    Status = "tweede"    // awarded once, waiting for the second person (four-eyes)
	Toegekend Status = "toegekend"
	Afgewezen Status = "afgewezen"
)

// Statussen lists the statuses in a fixed order.
func Statussen() []Status { return []Status{Ingediend, Tweede, Toegekend, Afgewezen} }

// Geldig reports whether st is a known status.
func (st Status) Geldig() bool { return slices.Contains(Statussen(), st) }

// Naam is the status in Dutch.
func (st Status) Naam() string {
	switch st {
	case Ingediend:
		return "Wacht op besluit"
	case Tweede:
		return "Wacht op tweede akkoord"
	case Toegekend:
		return "Toegekend"
	case Afgewezen:
		return "Afgewezen"
	}
	return string(st)
}

// Open reports whether a decision is still to come.
func (st Status) Open() bool { return st == Ingediend || st == Tweede }

// Aanvraag is a request against a budget.
type Aanvraag struct {
	ID            int64
	Gemeente      string
	BudgetID      int64
	BudgetNaam    string
	BudgetJaar    int
	ZaakID        int64  // 0: none
	HuishoudenID  string // "": none
	Vorm          Vorm
	Omschrijving  string      // what goods or voucher (required for those)
	Bedrag        geld.Bedrag // the amount, or the value of the goods or voucher
	Reden         string
	Status        Status
	Ingediend     time.Time
	IngediendDoor Medewerker
	// Eerste is the first award of four-eyes (zero when none).
	Eerste      Medewerker
	EersteReden string
	// Besluit: the final decision (Toegekend or Afgewezen), by whom, why and on which day.
	BesluitDoor  Medewerker
	BesluitReden string
	BesluitDatum string
	Versie       int
	// Brief is the letter of the final decision (brief.go); filled by Service.Aanvraag only, nil
	// when there is none (no final decision yet, or decided before letters were made).
	Brief *BriefKort
}

// MaxTekst bounds the free texts of a request.
const MaxTekst = 2000

// Nieuw is a new request.
type Nieuw struct {
	BudgetID     int64
	ZaakID       int64
	HuishoudenID string
	Vorm         Vorm
	Omschrijving string
	Bedrag       geld.Bedrag
	Reden        string
	Door         Medewerker
}

// Controleer checks a new request; the paths are the form's ids.
func (n *Nieuw) Controleer() error {
	var fs errs.Fields
	n.Omschrijving, n.Reden, n.HuishoudenID = strings.TrimSpace(n.Omschrijving), strings.TrimSpace(n.Reden), strings.TrimSpace(n.HuishoudenID)
	if !n.Vorm.Geldig() {
		fs.Add("vorm", "Kies geld, goederen of een voucher.")
	}
	if n.Bedrag <= 0 {
		fs.Add("bedrag", "Vul een bedrag groter dan € 0 in (bij goederen of een voucher: de waarde).")
	}
	if (n.Vorm == Goed || n.Vorm == Voucher) && n.Omschrijving == "" {
		fs.Add("omschrijving", "Beschrijf de goederen of de voucher.")
	}
	if len([]rune(n.Omschrijving)) > 500 {
		fs.Add("omschrijving", "De omschrijving is te lang (hoogstens 500 tekens).")
	}
	switch l := len([]rune(n.Reden)); {
	case l == 0:
		fs.Add("reden", "Schrijf op waarom de aanvraag nodig is.")
	case l > MaxTekst:
		fs.Add("reden", "De reden is te lang (hoogstens 2.000 tekens).")
	}
	if len(n.HuishoudenID) > 100 {
		fs.Add("huishouden", "Het nummer van het huishouden is te lang.")
	}
	if n.ZaakID < 0 {
		fs.Add("zaak", "Het zaaknummer klopt niet.")
	}
	return fs.Err()
}

// DienIn stores a request against a budget of the gemeente and returns its id. A zaak must be a zaak of
// the gemeente; without a household, the zaak's household is taken.
func (s *Service) DienIn(ctx context.Context, gemeente string, n Nieuw) (int64, error) {
	if err := n.Controleer(); err != nil {
		return 0, err
	}
	var id int64
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := haal(ctx, tx, gemeente, n.BudgetID); err != nil {
			return err
		}
		var zaak any
		if n.ZaakID > 0 {
			var hh string
			err := tx.QueryRowContext(ctx, `SELECT huishouden_id FROM zaken_zaak WHERE gemeente = $1 AND id = $2`, gemeente, n.ZaakID).Scan(&hh)
			if errors.Is(err, sql.ErrNoRows) {
				return errs.FieldError("zaak", fmt.Sprintf("Zaak %d bestaat niet in deze gemeente.", n.ZaakID))
			}
			if err != nil {
				return fmt.Errorf("budget: zaak: %w", store.MapError(err))
			}
			if n.HuishoudenID == "" {
				n.HuishoudenID = hh
			} else if n.HuishoudenID != hh {
				return errs.FieldError("huishouden", "Dit huishouden hoort niet bij de zaak. Laat het leeg; het huishouden van de zaak wordt genomen.")
			}
			zaak = n.ZaakID
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO budget_aanvraag (gemeente, budget_id, zaak_id, huishouden_id, soort, omschrijving,
			bedrag, reden, status, ingediend, ingediend_door_id, ingediend_door) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
			RETURNING id`, gemeente, n.BudgetID, zaak, n.HuishoudenID, string(n.Vorm), n.Omschrijving, int64(n.Bedrag), n.Reden,
			string(Ingediend), s.klok().UTC(), n.Door.ID, n.Door.Naam).Scan(&id)
		if err != nil {
			return fmt.Errorf("budget: aanvraag: %w", store.MapError(err))
		}
		return s.logAanvraag(ctx, tx, gemeente, id, n.HuishoudenID, "budgetaanvraag.indienen", audit.Aanmaken)
	})
	return id, err
}

// Besluit is a decision on a request.
type Besluit struct {
	Toekennen bool
	Reden     string
	Door      Medewerker
	// Versie is the request's version the form was loaded with.
	Versie int
}

// Beslis records a decision on request id. An award above the gemeente's four-eyes amount needs two
// different people: the first puts the request on Tweede, the second (another user) completes it.
// An award that would take the budget below zero is ErrTekort; nothing is written then.
func (s *Service) Beslis(ctx context.Context, gemeente string, id int64, b Besluit) (Status, error) {
	b.Reden = strings.TrimSpace(b.Reden)
	switch l := len([]rune(b.Reden)); {
	case l == 0:
		return "", errs.FieldError("besluit-reden", "Schrijf de reden van het besluit op.")
	case l > MaxTekst:
		return "", errs.FieldError("besluit-reden", "De reden is te lang (hoogstens 2.000 tekens).")
	}
	if b.Door.ID == 0 {
		return "", errs.FieldError("besluit-reden", "Alleen een ingelogde medewerker kan besluiten.")
	}
	var nieuw Status
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		a, err := haalAanvraag(ctx, tx, gemeente, id)
		if err != nil {
			return err
		}
		if a.Versie != b.Versie {
			return ErrVerouderd
		}
		if !a.Status.Open() {
			return errors.Join(errs.Conflict, errors.New("budget: over deze aanvraag is al besloten"))
		}
		if a.Status == Tweede && a.Eerste.ID == b.Door.ID {
			return ErrZelfdePersoon
		}
		in, err := instellingen(ctx, tx, gemeente)
		if err != nil {
			return err
		}
		vandaag := s.Vandaag()
		dag := vandaag.String()
		switch {
		case !b.Toekennen:
			nieuw = Afgewezen
		case a.Status == Ingediend && in.VierOgen(a.Bedrag):
			nieuw = Tweede
		default:
			nieuw = Toegekend
		}
		if b.Toekennen {
			// The budget may not go below zero: checked now (also at the first award, so nobody approves
			// what cannot be paid) and kept by the conditional UPDATE at the final award.
			bu, err := haal(ctx, tx, gemeente, a.BudgetID)
			if err != nil {
				return err
			}
			if r, ok := bu.Resterend(); ok && a.Bedrag > r {
				return fmt.Errorf("%w: er resteert %s, de aanvraag is %s", ErrTekort, r, a.Bedrag)
			}
		}
		if nieuw == Toegekend {
			res, err := tx.ExecContext(ctx, `UPDATE budget_budget SET toegekend = toegekend + $1
				WHERE gemeente = $2 AND id = $3 AND (bedrag IS NULL OR toegekend + $1 <= bedrag)`, int64(a.Bedrag), gemeente, a.BudgetID)
			if err != nil {
				return fmt.Errorf("budget: toekennen: %w", store.MapError(err))
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return ErrTekort
			}
		}
		var q string
		var args []any
		if nieuw == Tweede {
			q = `UPDATE budget_aanvraag SET status = $1, eerste_door_id = $2, eerste_door = $3, eerste_reden = $4, versie = versie + 1
				WHERE gemeente = $5 AND id = $6 AND versie = $7`
			args = []any{string(nieuw), b.Door.ID, b.Door.Naam, b.Reden, gemeente, id, b.Versie}
		} else {
			q = `UPDATE budget_aanvraag SET status = $1, besluit = $1, besluit_door_id = $2, besluit_door = $3, besluit_reden = $4,
				besluit_datum = $5, versie = versie + 1 WHERE gemeente = $6 AND id = $7 AND versie = $8`
			args = []any{string(nieuw), b.Door.ID, b.Door.Naam, b.Reden, dag, gemeente, id, b.Versie}
		}
		res, err := tx.ExecContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("budget: besluit: %w", store.MapError(err))
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrVerouderd
		}
		if nieuw != Tweede {
			// The decision is final: its letter now, not at the first approval of four-eyes.
			if err := s.bewaarBrief(ctx, tx, gemeente, id, vandaag); err != nil {
				return err
			}
		}
		return s.logAanvraag(ctx, tx, gemeente, id, a.HuishoudenID, "budgetaanvraag.besluiten", audit.Wijzigen)
	})
	return nieuw, err
}

const aanvraagKolommen = `a.id, a.gemeente, a.budget_id, b.naam, b.jaar, COALESCE(a.zaak_id, 0), a.huishouden_id, a.soort, a.omschrijving,
	a.bedrag, a.reden, a.status, a.ingediend, a.ingediend_door_id, a.ingediend_door, a.eerste_door_id, a.eerste_door, a.eerste_reden,
	a.besluit_door_id, a.besluit_door, a.besluit_reden, a.besluit_datum, a.versie`

const aanvraagVan = ` FROM budget_aanvraag a JOIN budget_budget b ON b.id = a.budget_id AND b.gemeente = a.gemeente`

func scanAanvraag(row interface{ Scan(...any) error }) (Aanvraag, error) {
	var a Aanvraag
	var vorm, status string
	var bedrag int64
	err := row.Scan(&a.ID, &a.Gemeente, &a.BudgetID, &a.BudgetNaam, &a.BudgetJaar, &a.ZaakID, &a.HuishoudenID, &vorm, &a.Omschrijving,
		&bedrag, &a.Reden, &status, &a.Ingediend, &a.IngediendDoor.ID, &a.IngediendDoor.Naam, &a.Eerste.ID, &a.Eerste.Naam, &a.EersteReden,
		&a.BesluitDoor.ID, &a.BesluitDoor.Naam, &a.BesluitReden, &a.BesluitDatum, &a.Versie)
	a.Vorm, a.Status, a.Bedrag = Vorm(vorm), Status(status), geld.Bedrag(bedrag)
	a.Ingediend = a.Ingediend.UTC()
	return a, err
}

func haalAanvraag(ctx context.Context, q queryer, gemeente string, id int64) (Aanvraag, error) {
	a, err := scanAanvraag(q.QueryRowContext(ctx, `SELECT `+aanvraagKolommen+aanvraagVan+` WHERE a.gemeente = $1 AND a.id = $2`, gemeente, id))
	if err != nil {
		return Aanvraag{}, fmt.Errorf("budgetaanvraag %d: %w", id, store.MapError(err))
	}
	return a, nil
}

// Aanvraag reads request id of the gemeente; the read is in the processing log.
func (s *Service) Aanvraag(ctx context.Context, gemeente string, id int64) (Aanvraag, error) {
	a, err := haalAanvraag(ctx, s.db, gemeente, id)
	if err != nil {
		return Aanvraag{}, err
	}
	if b, ok, err := briefVan(ctx, s.db, gemeente, id); err != nil {
		return Aanvraag{}, err
	} else if ok {
		a.Brief = &b
	}
	return a, s.logAanvraag(ctx, nil, gemeente, id, a.HuishoudenID, "budgetaanvraag.bekijken", audit.Lezen)
}
