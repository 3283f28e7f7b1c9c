package zaken

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
)

// The plan actions on the partner's own list (issue 17: one plan per household, one regisseur visible to
// everyone on the plan). A partner user sees the actions of household plans that the gemeente assigned
// to its organisation (zaken_actie.partner_id), in the gemeenten where it works for it, and for each only
// what it needs to do the action and to reach the gemeente: what the action says, its date, whether it is
// done, the life domain of its goal and the household's regisseur by name. Never the goal's text, the
// other actions of the plan, persons, debts, the zaak or the household's id.

// MaxPartnerActies bounds the actions read per gemeente for the list (the newest).
const MaxPartnerActies = 500

// PartnerActie is one plan action as the partner sees it.
type PartnerActie struct {
	Gemeente      string
	Omschrijving  string
	WieNaam       string // the person named on the action, if any
	Domein        Domein // of the action's goal
	Datum         datum.Datum
	Gedaan        datum.Datum // zero = open
	RegisseurNaam string      // "" = no regisseur yet
}

// PartnerActies lists the plan actions assigned to partner in each of gemeenten: open ones first (the
// nearest date first, undated last), then the done ones (newest first). One audit row per gemeente
// (a list: no data subject), like PartnerMomenten. The caller decides that the user works for partner in
// those gemeenten.
func (s *Service) PartnerActies(ctx context.Context, gemeenten []string, partner string) ([]PartnerActie, error) {
	if partner == "" {
		return nil, nil
	}
	var uit []PartnerActie
	for _, g := range gemeenten {
		rows, err := s.db.QueryContext(ctx, `SELECT a.omschrijving, a.wie_naam, d.domein, a.datum, a.gedaan, COALESCE(h.regisseur_naam, '')
			FROM zaken_actie a JOIN zaken_doel d ON d.gemeente = a.gemeente AND d.id = a.doel_id
			LEFT JOIN zaken_huishouden h ON h.gemeente = a.gemeente AND h.huishouden_id = a.huishouden_id
			WHERE a.partner_id = $1 AND a.gemeente = $2 AND a.wie = $3 ORDER BY a.id DESC LIMIT `+fmt.Sprint(MaxPartnerActies), partner, g, string(WiePartner))
		if err != nil {
			return nil, fmt.Errorf("zaken: acties partner: %w", err)
		}
		n := 0
		for rows.Next() {
			var a PartnerActie
			var dom, dt, gd string
			if err := rows.Scan(&a.Omschrijving, &a.WieNaam, &dom, &dt, &gd, &a.RegisseurNaam); err != nil {
				rows.Close()
				return nil, fmt.Errorf("zaken: acties partner: %w", err)
			}
			a.Gemeente, a.Domein, a.Datum, a.Gedaan = g, Domein(dom), leesDatum(dt), leesDatum(gd)
			uit = append(uit, a)
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("zaken: acties partner: %w", err)
		}
		if err := s.log.Schrijf(ctx, audit.Verwerking{Gemeente: g, Verwerkingsactiviteit: activiteit, Operatie: "plan.partner.lijst",
			Actie: audit.Lezen, Resultaat: audit.OK, Object: "partner/" + partner, Aantal: n}); err != nil {
			return nil, fmt.Errorf("zaken: audit: %w", err)
		}
	}
	slices.SortStableFunc(uit, func(a, b PartnerActie) int {
		ao, bo := a.Gedaan.IsZero(), b.Gedaan.IsZero()
		switch {
		case ao && !bo:
			return -1
		case bo && !ao:
			return 1
		case !ao:
			return strings.Compare(b.Gedaan.String(), a.Gedaan.String())
		case a.Datum.IsZero() != b.Datum.IsZero():
			if a.Datum.IsZero() {
				return 1
			}
			return -1
		}
		return strings.Compare(a.Datum.String(), b.Datum.String())
	})
	return uit, nil
}
