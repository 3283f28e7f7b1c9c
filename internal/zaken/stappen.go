package zaken

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
)

// Stap is a recorded step of a route, beside the Wgs steps of the zaak itself.
type Stap string

// The steps. Ondernemers and zzp'ers: the route of issue 17 names "Bbz, ROZ referral"; Borne's plan
// names ROZ (Regionale Organisatie Zelfstandigen), which "biedt schuldhulpverlening voor ondernemers"
// (seed 003), and Ommen's plan sees "geen goed aanbod … voor ondernemers en ZZP-ers met schulden" (seed
// 002). Moratorium: the college may ask the court for an afkoelingsperiode of at most six months (Wgs
// art. 5, shared/reference/vroegsignalering.md §1); the law does not tie it to a bedreigende situatie,
// so it can be recorded on every open zaak.
const (
	StapBbz        Stap = "bbz"        // application under the Besluit bijstandverlening zelfstandigen 2004 (Bbz)
	StapROZ        Stap = "roz"        // referral to ROZ (Regionale Organisatie Zelfstandigen)
	StapMoratorium Stap = "moratorium" // moratorium request to the court (Wgs art. 5)
)

// The steps of the route schuldhulp that issue 17 names ("stabilisatie, schuldregeling, budgetbeheer,
// beschermingsbewind referral"), on every open zaak: an ondernemer can be stabilised, go into a
// schuldregeling or need budgetbeheer too. They have no outcome of their own (UitkomstenVoor: none);
// the debts themselves carry their stand (schulden.go: stabilised, in the schuldregeling).
// Beschermingsbewind is a measure of the kantonrechter (Burgerlijk Wetboek Boek 1, art. 431,
// BWBR0002656): the gemeente refers, the court decides, so the step is the referral.
const (
	StapStabilisatie       Stap = "stabilisatie"       // the debts no longer grow: collection paused, fixed costs paid
	StapSchuldregeling     Stap = "schuldregeling"     // an amicable settlement with the creditors started
	StapBudgetbeheer       Stap = "budgetbeheer"       // the income is managed and the fixed costs paid for the resident
	StapBeschermingsbewind Stap = "beschermingsbewind" // referral to beschermingsbewind (art. 1:431 BW)
)

// schuldhulpStappen are the steps of the route schuldhulp, in the order they usually come.
func schuldhulpStappen() []Stap {
	return []Stap{StapStabilisatie, StapSchuldregeling, StapBudgetbeheer, StapBeschermingsbewind}
}

// AlleStappen lists the steps.
func AlleStappen() []Stap {
	return append([]Stap{StapBbz, StapROZ}, append(schuldhulpStappen(), StapMoratorium)...)
}

// Geldig reports whether s is a known step.
func (s Stap) Geldig() bool {
	return s == StapBbz || s == StapROZ || s == StapMoratorium || slices.Contains(schuldhulpStappen(), s) || s.jpf()
}

// Naam is the step in the words of the field, with its source.
func (s Stap) Naam() string {
	switch s {
	case StapBbz:
		return "Bbz aangevraagd (Besluit bijstandverlening zelfstandigen)"
	case StapROZ:
		return "Verwezen naar ROZ (Regionale Organisatie Zelfstandigen)"
	case StapMoratorium:
		return "Moratorium aangevraagd (Wgs art. 5)"
	case StapStabilisatie:
		return "Stabilisatie bereikt: de schulden lopen niet verder op"
	case StapSchuldregeling:
		return "Schuldregeling gestart (minnelijke regeling met de schuldeisers)"
	case StapBudgetbeheer:
		return "Budgetbeheer gestart"
	case StapBeschermingsbewind:
		return "Verwezen naar beschermingsbewind (de kantonrechter beslist, art. 1:431 BW)"
	}
	if n, ok := jpfNaam(s); ok { // jongeren.go
		return n
	}
	return string(s)
}

// StappenVoor lists the steps that fit zaak z: the ondernemers steps only on the route ondernemers, the
// schuldhulp steps and the moratorium on every zaak.
func StappenVoor(z Zaak) []Stap {
	out := append(schuldhulpStappen(), StapMoratorium)
	if z.Route == Ondernemers {
		return append([]Stap{StapBbz, StapROZ}, out...)
	}
	return out
}

// StapRij is a recorded step.
type StapRij struct {
	ID          int64
	Stap        Stap
	Datum       datum.Datum
	Toelichting string
	Door        string
	// the outcome (stappen_uitkomst.go); Uitkomst "" = not yet recorded
	Uitkomst            Uitkomst
	UitkomstDatum       datum.Datum
	AfkoelingTot        datum.Datum // a granted moratorium
	UitkomstToelichting string
}

// LegStapVast records step st on open zaak id on day op (not in the future, not before the start).
func (s *Service) LegStapVast(ctx context.Context, gemeente string, id int64, versie int, st Stap, op datum.Datum, toelichting string, door Medewerker) error {
	if !st.Geldig() {
		return fout("stap", "Kies een stap uit de lijst.")
	}
	t, err := tekstVeld("stap-toelichting", toelichting, false, "")
	if err != nil {
		return err
	}
	return s.wijzig(ctx, gemeente, id, versie, "stap", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if !z.Status.Open() {
			return "", fmt.Errorf("%w: een stap vastleggen kan alleen bij een open zaak", ErrStatus)
		}
		if st.jpf() { // jongeren.go
			if err := s.jpfStapPast(ctx, tx, z, st); err != nil {
				return "", err
			}
		} else {
			past := false
			for _, x := range StappenVoor(z) {
				past = past || x == st
			}
			if !past {
				return "", fout("stap", "Deze stap hoort bij de route ondernemers en zzp. Zet eerst de route goed.")
			}
		}
		if err := s.datumTussen("stap-datum", op, z.Startdatum, "het begin van de zaak"); err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO zaken_stap (gemeente, zaak_id, stap, datum, toelichting, door, aangemaakt)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, gemeente, id, string(st), op.String(), t, door.Naam, s.klok().UTC().Truncate(time.Microsecond)); err != nil {
			return "", fmt.Errorf("zaken: stap: %w", err)
		}
		tekst := st.Naam() + " op " + op.String() + "."
		if t != "" {
			tekst += " " + t
		}
		return tekst, nil
	})
}

// ZetStatushouder sets or clears the marker for statushouders and inburgeraars on zaak id.
func (s *Service) ZetStatushouder(ctx context.Context, gemeente string, id int64, versie int, aan bool, door Medewerker) error {
	return s.wijzig(ctx, gemeente, id, versie, "doelgroep", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if z.Statushouder == aan {
			return "", fout("statushouder", "De markering staat al zo.")
		}
		v := 0
		if aan {
			v = 1
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET statushouder = $1 WHERE gemeente = $2 AND id = $3`, v, gemeente, id); err != nil {
			return "", fmt.Errorf("zaken: markering: %w", err)
		}
		if aan {
			return "Gemarkeerd: statushouder of inburgeraar.", nil
		}
		return "Markering statushouder of inburgeraar weggehaald.", nil
	})
}

func stappen(ctx context.Context, q queryer, gemeente string, id int64) ([]StapRij, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, stap, datum, toelichting, door, uitkomst, uitkomst_datum, afkoeling_tot, uitkomst_toelichting
		FROM zaken_stap WHERE gemeente = $1 AND zaak_id = $2 AND verwijderd IS NULL ORDER BY id`, gemeente, id)
	if err != nil {
		return nil, fmt.Errorf("zaken: stappen: %w", err)
	}
	defer rows.Close()
	var out []StapRij
	for rows.Next() {
		var r StapRij
		var st, d, u, ud, af string
		if err := rows.Scan(&r.ID, &st, &d, &r.Toelichting, &r.Door, &u, &ud, &af, &r.UitkomstToelichting); err != nil {
			return nil, fmt.Errorf("zaken: stappen: %w", err)
		}
		r.Stap, r.Datum = Stap(st), leesDatum(d)
		r.Uitkomst, r.UitkomstDatum, r.AfkoelingTot = Uitkomst(u), leesDatum(ud), leesDatum(af)
		out = append(out, r)
	}
	return out, rows.Err()
}
