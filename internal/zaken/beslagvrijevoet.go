package zaken

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// The inputs of the indication of the beslagvrije voet (Wgs art. 4a lid 5: the plan van aanpak respects
// it; art. 475da Rv). A zaak stores only what the computation needs (table zaken_beslagvrije_voet,
// migration 0314): the leefsituatie, the belastbaar jaarinkomen of debtor and partner, optionally the
// net monthly income with vakantiegeld, and whether there is no woonadres in the BRP. The amount is not
// stored: the web computes it with nl.Parameters for the day it is shown, so it follows the norms
// of that day. Changing the inputs is a change of the zaak (its versie, an audit row, a timeline line
// without amounts); the row is deleted with the zaak by the retention job (bewaar.go).

// MaxBVVJaarinkomen bounds the jaarinkomen: € 10 million (a typo of cents for euros is refused).
const MaxBVVJaarinkomen = geld.Bedrag(1_000_000_000)

// MaxBVVMaandinkomen bounds the monthly income: € 1 million.
const MaxBVVMaandinkomen = geld.Bedrag(100_000_000)

// BVVGegevens are the stored inputs of a zaak's beslagvrije voet.
type BVVGegevens struct {
	Leefsituatie nl.BVVLeefsituatie
	Jaarinkomen  geld.Bedrag // belastbaar inkomen per year, with the partner's
	// Maandinkomen is the net monthly income with vakantiegeld; 0: not given.
	Maandinkomen  geld.Bedrag
	GeenWoonadres bool
	Versie        int // 0: nothing stored (yet); counts the changes
	Door          string
	Gewijzigd     time.Time
}

// Ingevuld reports whether inputs are stored.
func (g BVVGegevens) Ingevuld() bool { return g.Versie > 0 }

// Vraag is the question for nl.Parameters.BeslagvrijeVoet.
func (g BVVGegevens) Vraag() nl.BVVVraag {
	return nl.BVVVraag{Leefsituatie: g.Leefsituatie, Jaarinkomen: g.Jaarinkomen, Maandinkomen: g.Maandinkomen, GeenWoonadres: g.GeenWoonadres}
}

// BVVZaak is what the page of the beslagvrije voet needs of a zaak.
type BVVZaak struct {
	Gegevens BVVGegevens
	Zaak     Zaak
	// Inkomen is the income of the zaak's monthly budget (0 when none is entered; see HeeftInkomen).
	Inkomen      geld.Bedrag
	HeeftInkomen bool
}

// BeslagvrijeVoet reads the inputs of zaak id with the zaak and its budget income. One audit row
// ("zaak.beslagvrije-voet.bekijken", read) with the BSNs of the zaak's persons.
func (s *Service) BeslagvrijeVoet(ctx context.Context, gemeente string, id int64) (BVVZaak, error) {
	var b BVVZaak
	var bsns []string
	err := s.sdb.ReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		if b.Zaak, err = leesZaak(ctx, tx, gemeente, id); err != nil {
			return err
		}
		if b.Gegevens, err = leesBVV(ctx, tx, gemeente, id); err != nil {
			return err
		}
		o, err := overzicht(ctx, tx, gemeente, id)
		if err != nil {
			return err
		}
		for _, p := range o.Budget {
			if p.Inkomen {
				b.HeeftInkomen = true
			}
		}
		b.Inkomen = o.Inkomen
		bsns, err = bsnsVan(ctx, tx, gemeente, id)
		return err
	})
	if err != nil {
		return BVVZaak{}, err
	}
	if err := s.logZaak(ctx, nil, gemeente, id, b.Zaak.HuishoudenID, bsns, "zaak.beslagvrije-voet.bekijken", audit.Lezen); err != nil {
		return BVVZaak{}, err
	}
	return b, nil
}

func leesBVV(ctx context.Context, q queryer, gemeente string, id int64) (BVVGegevens, error) {
	var g BVVGegevens
	var code string
	var jaar int64
	var maand sql.NullInt64
	var geen int
	err := q.QueryRowContext(ctx, `SELECT leefsituatie, jaarinkomen_cent, maandinkomen_cent, geen_woonadres, versie, door, gewijzigd
		FROM zaken_beslagvrije_voet WHERE gemeente = $1 AND zaak_id = $2`, gemeente, id).
		Scan(&code, &jaar, &maand, &geen, &g.Versie, &g.Door, &g.Gewijzigd)
	if errors.Is(err, sql.ErrNoRows) {
		return BVVGegevens{}, nil
	}
	if err != nil {
		return BVVGegevens{}, fmt.Errorf("zaken: beslagvrije voet: %w", err)
	}
	l, ok := nl.ParseBVVLeefsituatie(code)
	if !ok {
		return BVVGegevens{}, fmt.Errorf("zaken: beslagvrije voet: onbekende leefsituatie %q in de database", code)
	}
	g.Leefsituatie, g.Jaarinkomen, g.GeenWoonadres = l, geld.Bedrag(jaar), geen == 1
	if maand.Valid {
		g.Maandinkomen = geld.Bedrag(maand.Int64)
	}
	return g, nil
}

// BVVLeefsituatieFout is the message for a missing or unknown leefsituatie (the web form uses it too).
const BVVLeefsituatieFout = "Kies de leefsituatie: een van de vier situaties."

// checkBVV checks the inputs; the error (errs.Fields) names every wrong field.
func checkBVV(g BVVGegevens) error {
	var fs errs.Fields
	if _, ok := nl.ParseBVVLeefsituatie(g.Leefsituatie.Code()); !ok {
		fs = append(fs, errs.Field{Path: "bvv-leefsituatie", Reason: BVVLeefsituatieFout})
	}
	if g.Jaarinkomen < 0 || g.Jaarinkomen > MaxBVVJaarinkomen {
		fs = append(fs, errs.Field{Path: "bvv-jaarinkomen", Reason: "Vul een belastbaar inkomen per jaar in van € 0 tot hoogstens € 10.000.000."})
	}
	if g.Maandinkomen < 0 || g.Maandinkomen > MaxBVVMaandinkomen {
		fs = append(fs, errs.Field{Path: "bvv-maandinkomen", Reason: "Vul een netto inkomen per maand in van meer dan € 0 tot hoogstens € 1.000.000, of laat het veld leeg."})
	}
	if len(fs) > 0 {
		return fmt.Errorf("zaken: %w", fs)
	}
	return nil
}

// ZetBeslagvrijeVoet stores the inputs of the beslagvrije voet of an open zaak; versie is the zaak's
// versie the form was loaded with (a newer one is ErrVerouderd). The same inputs again change nothing.
// A change bumps the zaak's versie, writes one audit row ("zaak.beslagvrije-voet") and the timeline line
// "Gegevens voor de beslagvrije voet bijgewerkt." (no amounts: the timeline is read by more roles).
func (s *Service) ZetBeslagvrijeVoet(ctx context.Context, gemeente string, id int64, versie int, g BVVGegevens, door Medewerker) error {
	if err := checkBVV(g); err != nil {
		return err
	}
	var maand any
	if g.Maandinkomen > 0 {
		maand = int64(g.Maandinkomen)
	}
	err := s.wijzig(ctx, gemeente, id, versie, "beslagvrije-voet", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if !z.Status.Open() {
			return "", fmt.Errorf("%w: de beslagvrije voet hoort bij een open zaak", ErrStatus)
		}
		huidig, err := leesBVV(ctx, tx, gemeente, id)
		if err != nil {
			return "", err
		}
		if huidig.Ingevuld() && huidig.Vraag() == g.Vraag() {
			return "", errOngewijzigd
		}
		nu := s.klok().UTC().Truncate(time.Microsecond)
		if huidig.Ingevuld() {
			_, err = tx.ExecContext(ctx, `UPDATE zaken_beslagvrije_voet SET leefsituatie = $1, jaarinkomen_cent = $2, maandinkomen_cent = $3,
				geen_woonadres = $4, versie = versie + 1, door = $5, gewijzigd = $6 WHERE gemeente = $7 AND zaak_id = $8`,
				g.Leefsituatie.Code(), int64(g.Jaarinkomen), maand, b2i(g.GeenWoonadres), door.Naam, nu, gemeente, id)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO zaken_beslagvrije_voet (gemeente, zaak_id, leefsituatie, jaarinkomen_cent, maandinkomen_cent,
				geen_woonadres, versie, door, gewijzigd) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)`,
				gemeente, id, g.Leefsituatie.Code(), int64(g.Jaarinkomen), maand, b2i(g.GeenWoonadres), door.Naam, nu)
		}
		if err != nil {
			return "", fmt.Errorf("zaken: beslagvrije voet opslaan: %w", err)
		}
		return "Gegevens voor de beslagvrije voet bijgewerkt.", nil
	})
	if errors.Is(err, errOngewijzigd) {
		return nil
	}
	return err
}

// errOngewijzigd rolls back a change that changes nothing (no versie, audit row or timeline line).
var errOngewijzigd = errors.New("zaken: ongewijzigd")
