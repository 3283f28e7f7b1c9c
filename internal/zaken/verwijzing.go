package zaken

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/store"
)

// PartnerVerwijzing is what a zaak needs of a partner's referral of a resident to the gemeente
// (internal/netwerk, richting naar_gemeente). The referral carries no BSN: the zaak waits without a
// household, like an online request, until a case worker links it (KoppelHuishouden).
type PartnerVerwijzing struct {
	ID          int64
	Ontvangen   time.Time // the moment the gemeente received the referral (its created time)
	PartnerNaam string    // "" when unknown
	Crisis      bool      // the referral says the situation is threatening (netwerk has no such field yet)
	CrisisSoort CrisisSoort
}

// VanVerwijzing starts a zaak (kanaal verwijzing, route schuldhulp) from a partner's referral: the clock
// runs from the moment the gemeente received the referral, the referral's id is kept on the zaak
// (Zaak.VerwijzingID; ZaakVanVerwijzing). A referral gets one zaak: a second call returns the existing
// zaak's id with errs.Conflict.
func (s *Service) VanVerwijzing(ctx context.Context, gemeente string, v PartnerVerwijzing, door Medewerker) (int64, error) {
	if v.ID <= 0 || v.Ontvangen.IsZero() {
		return 0, fmt.Errorf("%w: verwijzing zonder id of ontvangstmoment", errs.Invalid)
	}
	if v.Ontvangen.After(s.klok()) {
		return 0, fout("ontvangen", "Het moment van ontvangst van de verwijzing ligt in de toekomst.")
	}
	if id, ok, err := s.ZaakVanVerwijzing(ctx, gemeente, v.ID); err != nil {
		return 0, err
	} else if ok {
		return id, fmt.Errorf("%w: verwijzing %d heeft al zaak %d", errs.Conflict, v.ID, id)
	}
	z := Zaak{Gemeente: gemeente, Kanaal: Verwijzing, Route: Schuldhulp, Gestart: v.Ontvangen.UTC(),
		Startdatum: datum.Van(v.Ontvangen, s.zone), VerwijzingID: v.ID, Crisis: v.Crisis && v.CrisisSoort.Geldig()}
	if z.Crisis {
		z.CrisisSoort = v.CrisisSoort
	}
	partner := strings.TrimSpace(v.PartnerNaam)
	if partner == "" {
		partner = "een partner"
	}
	var id int64
	defer s.ind.vergeet(gemeente)
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		var dl Deadline
		var err error
		if id, dl, err = s.nieuweZaak(ctx, tx, z, door.Naam); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET verwijzing_id = $1 WHERE gemeente = $2 AND id = $3`, v.ID, gemeente, id); err != nil {
			return fmt.Errorf("zaken: verwijzing bewaren: %w", store.MapError(err))
		}
		tekst := "Zaak gestart na een verwijzing door " + partner + " (verwijzing " + strconv.FormatInt(v.ID, 10) + "); route schuldhulp."
		if z.Crisis {
			tekst += " Bedreigende situatie: " + strings.ToLower(z.CrisisSoort.Naam()) + "."
		}
		tekst += " Eerste gesprek uiterlijk " + dl.Datum.String() + ": " + dl.Uitleg
		if err := s.gebeurtenis(ctx, tx, gemeente, "", id, "aangemeld", tekst, door.Naam); err != nil {
			return err
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteit, Operatie: "zaak.verwijzing",
			Actie: audit.Aanmaken, Resultaat: audit.OK, Object: "zaak/" + strconv.FormatInt(id, 10), SubjectSoort: "verwijzing",
			SubjectID: strconv.FormatInt(v.ID, 10)})
	})
	if errors.Is(err, errs.Conflict) { // a concurrent click made it first
		if bestaand, ok, err2 := s.ZaakVanVerwijzing(ctx, gemeente, v.ID); err2 == nil && ok {
			return bestaand, fmt.Errorf("%w: verwijzing %d heeft al zaak %d", errs.Conflict, v.ID, bestaand)
		}
	}
	if err != nil {
		return 0, err
	}
	return id, nil
}

// ZaakVanVerwijzing returns the zaak started from the partner's referral vw, if any.
func (s *Service) ZaakVanVerwijzing(ctx context.Context, gemeente string, vw int64) (int64, bool, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM zaken_zaak WHERE gemeente = $1 AND verwijzing_id = $2`, gemeente, vw).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("zaken: zaak bij verwijzing: %w", store.MapError(err))
	}
	return id, true, nil
}
