package zaken

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
)

// The outcome of a route step and the removal of a step recorded by mistake. A Bbz application ends in
// a decision (toegekend or afgewezen), a referral to ROZ in ROZ's answer (the ondernemer is taken on or
// not), a moratorium request in the court's ruling (toegewezen or afgewezen); a granted moratorium has
// the last day of its afkoelingsperiode, at most six months (Wgs art. 5, shared/reference/
// vroegsignalering.md §1 "max 6 months"). The reference does not say from which day the six months
// run; Zeker counts them from the day of the ruling, the strictest reading, and refuses a later end.

// Uitkomst is the outcome of a step.
type Uitkomst string

// The outcomes per step.
const (
	BbzToegekend         Uitkomst = "toegekend"
	BbzAfgewezen         Uitkomst = "afgewezen"
	ROZAangenomen        Uitkomst = "aangenomen"
	ROZNietAangenomen    Uitkomst = "niet-aangenomen"
	MoratoriumToegewezen Uitkomst = "toegewezen"
	MoratoriumAfgewezen  Uitkomst = "afgewezen"
)

// MaxAfkoelingMaanden is the longest afkoelingsperiode of a moratorium (Wgs art. 5).
const MaxAfkoelingMaanden = 6

// UitkomstenVoor lists the outcomes step st can have.
func UitkomstenVoor(st Stap) []Uitkomst {
	switch st {
	case StapBbz:
		return []Uitkomst{BbzToegekend, BbzAfgewezen}
	case StapROZ:
		return []Uitkomst{ROZAangenomen, ROZNietAangenomen}
	case StapMoratorium:
		return []Uitkomst{MoratoriumToegewezen, MoratoriumAfgewezen}
	}
	return nil
}

// UitkomstNaam names outcome u of step st in the words of the field.
func UitkomstNaam(st Stap, u Uitkomst) string {
	switch {
	case st == StapBbz && u == BbzToegekend:
		return "Bbz toegekend"
	case st == StapBbz && u == BbzAfgewezen:
		return "Bbz afgewezen"
	case st == StapROZ && u == ROZAangenomen:
		return "ROZ neemt de ondernemer aan"
	case st == StapROZ && u == ROZNietAangenomen:
		return "ROZ neemt de ondernemer niet aan"
	case st == StapMoratorium && u == MoratoriumToegewezen:
		return "Moratorium toegewezen door de rechter"
	case st == StapMoratorium && u == MoratoriumAfgewezen:
		return "Moratorium afgewezen door de rechter"
	}
	return string(u)
}

// LaatsteAfkoelingsdag is the last day an afkoelingsperiode that starts on van may run: six calendar
// months, and when that month is shorter (31 August → February) its last day, never a day more.
func LaatsteAfkoelingsdag(van datum.Datum) datum.Datum {
	t := van.PlusMaanden(MaxAfkoelingMaanden)
	if t.Dag() != van.Dag() {
		t = t.PlusDagen(-t.Dag()) // AddDate ran into the next month: back to the last day of the month before
	}
	return t
}

// StapUitkomst is what a case worker records as the outcome of a step.
type StapUitkomst struct {
	Uitkomst     Uitkomst
	Datum        datum.Datum // the decision, answer or ruling
	AfkoelingTot datum.Datum // a granted moratorium only: last day of the afkoelingsperiode
	Toelichting  string
}

type stapKop struct {
	stap     Stap
	datum    datum.Datum
	uitkomst string
}

func leesStap(ctx context.Context, q queryer, gemeente string, id, stap int64) (stapKop, error) {
	var k stapKop
	var st, dt string
	err := q.QueryRowContext(ctx, `SELECT stap, datum, uitkomst FROM zaken_stap WHERE gemeente = $1 AND zaak_id = $2 AND id = $3 AND verwijderd IS NULL`,
		gemeente, id, stap).Scan(&st, &dt, &k.uitkomst)
	if errors.Is(err, sql.ErrNoRows) {
		return k, fmt.Errorf("zaken: stap %d: %w", stap, ErrNietGevonden)
	}
	if err != nil {
		return k, fmt.Errorf("zaken: stap: %w", err)
	}
	k.stap, k.datum = Stap(st), leesDatum(dt)
	return k, nil
}

// LegUitkomstVast records the outcome of step stap of open zaak id (once; a wrong outcome: remove the
// step and record it again).
func (s *Service) LegUitkomstVast(ctx context.Context, gemeente string, id int64, versie int, stap int64, u StapUitkomst, door Medewerker) error {
	t, err := tekstVeld("uitkomst-toelichting", u.Toelichting, false, "")
	if err != nil {
		return err
	}
	return s.wijzig(ctx, gemeente, id, versie, "stap-uitkomst", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if !z.Status.Open() {
			return "", fmt.Errorf("%w: een uitkomst vastleggen kan alleen bij een open zaak", ErrStatus)
		}
		k, err := leesStap(ctx, tx, gemeente, id, stap)
		if err != nil {
			return "", err
		}
		if k.uitkomst != "" {
			return "", fout("uitkomst-stap", "Deze stap heeft al een uitkomst. Klopt die niet, haal de stap dan weg en leg hem opnieuw vast.")
		}
		past := false
		for _, x := range UitkomstenVoor(k.stap) {
			past = past || x == u.Uitkomst
		}
		if !past {
			return "", fout("uitkomst", "Kies een uitkomst die bij deze stap hoort.")
		}
		if err := s.datumTussen("uitkomst-datum", u.Datum, k.datum, "de datum van de stap"); err != nil {
			return "", err
		}
		tekst := k.stap.Naam() + " op " + k.datum.String() + ": " + UitkomstNaam(k.stap, u.Uitkomst) + " op " + u.Datum.String()
		tot := ""
		switch {
		case k.stap == StapMoratorium && u.Uitkomst == MoratoriumToegewezen:
			grens := LaatsteAfkoelingsdag(u.Datum)
			switch {
			case u.AfkoelingTot.IsZero():
				return "", fout("afkoeling-tot", "Vul de laatste dag van de afkoelingsperiode in (JJJJ-MM-DD).")
			case !u.AfkoelingTot.Na(u.Datum):
				return "", fout("afkoeling-tot", "De afkoelingsperiode eindigt na de dag van de uitspraak ("+u.Datum.String()+").")
			case u.AfkoelingTot.Na(grens):
				return "", fout("afkoeling-tot", "Een afkoelingsperiode duurt hoogstens zes maanden (Wgs artikel 5): uiterlijk tot en met "+grens.String()+".")
			}
			tot = u.AfkoelingTot.String()
			tekst += ", afkoelingsperiode tot en met " + tot
		case !u.AfkoelingTot.IsZero():
			return "", fout("afkoeling-tot", "Een einddatum van de afkoelingsperiode hoort alleen bij een toegewezen moratorium.")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_stap SET uitkomst = $1, uitkomst_datum = $2, afkoeling_tot = $3, uitkomst_toelichting = $4, uitkomst_door = $5
			WHERE gemeente = $6 AND zaak_id = $7 AND id = $8 AND verwijderd IS NULL`, string(u.Uitkomst), u.Datum.String(), tot, t, door.Naam, gemeente, id, stap); err != nil {
			return "", fmt.Errorf("zaken: uitkomst: %w", err)
		}
		tekst += "."
		if t != "" {
			tekst += " " + t
		}
		return tekst, nil
	})
}

// VerwijderStap removes a step recorded by mistake softly, with the reason; the worklist's step filter
// and the step list leave it out, the timeline keeps both lines.
func (s *Service) VerwijderStap(ctx context.Context, gemeente string, id int64, versie int, stap int64, reden string, door Medewerker) error {
	r, err := redenVeld("stap-weg-reden", reden)
	if err != nil {
		return err
	}
	return s.wijzig(ctx, gemeente, id, versie, "stap-verwijderd", door, func(tx *sql.Tx, z Zaak) (string, error) {
		k, err := leesStap(ctx, tx, gemeente, id, stap)
		if err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_stap SET verwijderd = $1, verwijderd_door = $2, verwijderd_reden = $3
			WHERE gemeente = $4 AND zaak_id = $5 AND id = $6 AND verwijderd IS NULL`, s.klok().UTC().Truncate(time.Microsecond), door.Naam, r, gemeente, id, stap); err != nil {
			return "", fmt.Errorf("zaken: stap weghalen: %w", err)
		}
		return "Stap weggehaald: " + k.stap.Naam() + " op " + k.datum.String() + ". Reden: " + r, nil
	})
}
