package zaken

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
)

// The nazorg contact moments on the partner's own list. A partner user (docs/partner.md) sees the
// contact moments planned for its organisation in the gemeenten where it works for it, and marks one as
// held with a short note. It sees only what it needs for that: the day, the gemeente, the state, what
// the moment is about (the onderwerp the case worker wrote when planning it), who at the gemeente handed
// the nazorg over, and a random reference of the nazorg (never the zaak's id: zaak ids count up and
// are guessable). Never the debts, the plan, health data, persons or other content of the zaak.

// MomentStatus is the state of a contact moment on the partner's list.
type MomentStatus string

// The states: planned, held, cancelled (planned after the nazorg ended and not held), or not recorded
// as held (planned on or before the last day of a nazorg that ended, and not held: it can no longer be
// recorded, so it is not planned any more either).
const (
	MomentGepland      MomentStatus = "gepland"
	MomentGehouden     MomentStatus = "gehouden"
	MomentVervallen    MomentStatus = "vervallen"
	MomentNietGehouden MomentStatus = "niet-gehouden"
)

// momentStatus is the state of a contact moment on day dag, held on gedaan (zero: not held), of a
// nazorg whose last day is einde (zero: it runs). The one derivation behind the zaak page
// (Contactmoment.Status) and the partner's list (PartnerMoment.Status), so they never differ; the
// count of cancelled moments on the timeline of BeeindigNazorg takes the same "after the end" rule.
func momentStatus(dag, gedaan, einde datum.Datum) MomentStatus {
	switch {
	case !gedaan.IsZero():
		return MomentGehouden
	case einde.IsZero():
		return MomentGepland
	case dag.Na(einde):
		return MomentVervallen
	}
	return MomentNietGehouden
}

// MaxPartnerMomenten bounds the moments read per gemeente for the list (the most recent days).
const MaxPartnerMomenten = 500

// PartnerMoment is one contact moment as the partner sees it.
type PartnerMoment struct {
	ID         int64 // the moment's id: only for the form; the service checks it belongs to the partner
	Gemeente   string
	Referentie string // of the nazorg
	Datum      datum.Datum
	Onderwerp  string
	Status     MomentStatus
	Gedaan     datum.Datum
	Verslag    string
	Contact    string // the case worker who handed the nazorg over
	Versie     int    // of the zaak: the stale-form check of the held form
}

// nieuweReferentie is a random reference of 10 hexadecimal characters (40 bits).
func nieuweReferentie() (string, error) {
	b := make([]byte, 5)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("zaken: referentie: %w", err)
	}
	return strings.ToUpper(fmt.Sprintf("%x", b)), nil
}

// PartnerMomenten lists the contact moments of partner's nazorg in each of gemeenten: planned ones
// first (nearest day first), then the others (newest first). One audit row per gemeente
// (a list: no data subject). The caller decides that the user works for partner in those gemeenten.
func (s *Service) PartnerMomenten(ctx context.Context, gemeenten []string, partner string) ([]PartnerMoment, error) {
	if partner == "" {
		return nil, nil
	}
	var uit []PartnerMoment
	for _, g := range gemeenten {
		rows, err := s.db.QueryContext(ctx, `SELECT m.id, m.datum, m.onderwerp, m.gedaan, m.verslag, n.referentie, n.afgesloten, n.door, z.versie
			FROM zaken_nazorg n JOIN zaken_contactmoment m ON m.gemeente = n.gemeente AND m.nazorg_id = n.id
			JOIN zaken_zaak z ON z.gemeente = n.gemeente AND z.id = n.zaak_id
			WHERE n.partner_id = $1 AND n.gemeente = $2 ORDER BY m.datum DESC, m.id DESC LIMIT `+fmt.Sprint(MaxPartnerMomenten), partner, g)
		if err != nil {
			return nil, fmt.Errorf("zaken: momenten partner: %w", err)
		}
		n := 0
		for rows.Next() {
			var m PartnerMoment
			var dt, gd, af string
			if err := rows.Scan(&m.ID, &dt, &m.Onderwerp, &gd, &m.Verslag, &m.Referentie, &af, &m.Contact, &m.Versie); err != nil {
				rows.Close()
				return nil, fmt.Errorf("zaken: momenten partner: %w", err)
			}
			m.Gemeente, m.Datum, m.Gedaan = g, leesDatum(dt), leesDatum(gd)
			m.Status = momentStatus(m.Datum, m.Gedaan, leesDatum(af))
			uit = append(uit, m)
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if err := s.log.Schrijf(ctx, audit.Verwerking{Gemeente: g, Verwerkingsactiviteit: activiteit, Operatie: "nazorg.partner.lijst",
			Actie: audit.Lezen, Resultaat: audit.OK, Object: "partner/" + partner, Aantal: n}); err != nil {
			return nil, fmt.Errorf("zaken: audit: %w", err)
		}
	}
	slices.SortStableFunc(uit, func(a, b PartnerMoment) int {
		ag, bg := a.Status == MomentGepland, b.Status == MomentGepland
		switch {
		case ag && !bg:
			return -1
		case bg && !ag:
			return 1
		case ag:
			return strings.Compare(a.Datum.String(), b.Datum.String())
		}
		return strings.Compare(b.Datum.String(), a.Datum.String())
	})
	return uit, nil
}

// PartnerContactGehouden records, for a user of partner, that contact moment moment of gemeente took
// place on op, with a short note (required). A moment of another partner, of another gemeente or of a
// nazorg that ended is ErrNietGevonden (the page answers 404, so it does not tell that the moment
// exists). The change goes through ContactGedaan: the zaak's version (a stale form is ErrVerouderd),
// an audit row with the household's BSNs and a line on the zaak's timeline.
func (s *Service) PartnerContactGehouden(ctx context.Context, gemeente, partner string, moment int64, versie int, op datum.Datum, verslag string, door Medewerker) error {
	if partner == "" {
		return ErrNietGevonden
	}
	if _, err := tekstVeld("verslag", verslag, true, "kort wat er besproken is"); err != nil {
		return err
	}
	var zaak int64
	err := s.db.QueryRowContext(ctx, `SELECT n.zaak_id FROM zaken_contactmoment m JOIN zaken_nazorg n ON n.gemeente = m.gemeente AND n.id = m.nazorg_id
		WHERE m.gemeente = $1 AND m.id = $2 AND n.partner_id = $3 AND n.afgesloten = ''`, gemeente, moment, partner).Scan(&zaak)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("zaken: contactmoment %d: %w", moment, ErrNietGevonden)
	}
	if err != nil {
		return fmt.Errorf("zaken: contactmoment: %w", err)
	}
	door.Naam = strings.TrimSpace(door.Naam + " (partner)")
	return s.ContactGedaan(ctx, gemeente, zaak, versie, moment, op, verslag, door)
}
