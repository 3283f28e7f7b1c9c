package zaken

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/geld"
)

// Changing and removing a debt or a monthly budget post. Every change goes through wijzig: it carries
// the zaak's version (a stale form is refused with ErrVerouderd, never a silent overwrite), writes a
// timeline line saying what changed from what to what, and one audit row. Removal is soft: the row
// stays with who removed it, when and why; the overview and the CSV leave it out, the timeline keeps
// the lines of its life.

// MaxReden bounds the reason of a removal.
const MaxReden = 1000

func redenVeld(veld, reden string) (string, error) {
	t, err := tekstVeld(veld, reden, true, "waarom dit weg moet")
	if err != nil {
		return "", err
	}
	if utf8.RuneCountInString(t) > MaxReden {
		return "", fout(veld, "De reden is te lang: gebruik hoogstens 1.000 tekens.")
	}
	return t, nil
}

// controleerSchuld checks every field of a debt; the error names the field of the change form
// (prefix "wijzig-" for the change form, "" for the add form).
func controleerSchuld(sc Schuld, pre string) (Schuld, error) {
	eiser, err := korteTekst(pre+"schuldeiser", sc.Schuldeiser, "de naam van de schuldeiser")
	if err != nil {
		return sc, err
	}
	sc.Schuldeiser = eiser
	if err := bedragVeld(pre+"schuld-bedrag", sc.Bedrag); err != nil {
		return sc, err
	}
	if !slices.Contains(SchuldSoorten(), sc.Soort) {
		return sc, fout(pre+"schuld-soort", "Kies de soort schuld.")
	}
	if !slices.Contains(SchuldStatussen(), sc.Status) {
		return sc, fout(pre+"schuld-status", "Kies de stand van de schuld.")
	}
	return sc, nil
}

func jaNee(b bool) string {
	if b {
		return "ja"
	}
	return "nee"
}

// leesSchuld reads a current (not removed) debt of the zaak.
func leesSchuld(ctx context.Context, q queryer, gemeente string, id, schuld int64) (Schuld, error) {
	sc := Schuld{ID: schuld}
	var b int64
	var soort, st string
	var stab int
	err := q.QueryRowContext(ctx, `SELECT schuldeiser, bedrag_cent, soort, status, gestabiliseerd FROM zaken_schuld
		WHERE gemeente = $1 AND zaak_id = $2 AND id = $3 AND verwijderd IS NULL`, gemeente, id, schuld).Scan(&sc.Schuldeiser, &b, &soort, &st, &stab)
	if errors.Is(err, sql.ErrNoRows) {
		return sc, fmt.Errorf("zaken: schuld %d: %w", schuld, ErrNietGevonden)
	}
	if err != nil {
		return sc, fmt.Errorf("zaken: schuld: %w", err)
	}
	sc.Bedrag, sc.Soort, sc.Status, sc.Gestabiliseerd = geld.Bedrag(b), SchuldSoort(soort), SchuldStatus(st), stab == 1
	return sc, nil
}

// WijzigSchuld changes every field of debt schuld of open zaak id; the timeline says what changed.
// A form that changes nothing is refused at the creditor field.
func (s *Service) WijzigSchuld(ctx context.Context, gemeente string, id int64, versie int, schuld int64, sc Schuld, door Medewerker) error {
	sc, err := controleerSchuld(sc, "wijzig-")
	if err != nil {
		return err
	}
	return s.wijzig(ctx, gemeente, id, versie, "schuld-gewijzigd", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if !z.Status.Open() {
			return "", fmt.Errorf("%w: schulden wijzigen kan alleen bij een open zaak", ErrStatus)
		}
		oud, err := leesSchuld(ctx, tx, gemeente, id, schuld)
		if err != nil {
			return "", err
		}
		var wat []string
		if oud.Schuldeiser != sc.Schuldeiser {
			wat = append(wat, "schuldeiser "+oud.Schuldeiser+" → "+sc.Schuldeiser)
		}
		if oud.Bedrag != sc.Bedrag {
			wat = append(wat, "bedrag "+oud.Bedrag.String()+" → "+sc.Bedrag.String())
		}
		if oud.Soort != sc.Soort {
			wat = append(wat, "soort "+oud.Soort.Naam()+" → "+sc.Soort.Naam())
		}
		if oud.Status != sc.Status {
			wat = append(wat, "stand "+strings.ToLower(oud.Status.Naam())+" → "+strings.ToLower(sc.Status.Naam()))
		}
		if oud.Gestabiliseerd != sc.Gestabiliseerd {
			wat = append(wat, "gestabiliseerd "+jaNee(oud.Gestabiliseerd)+" → "+jaNee(sc.Gestabiliseerd))
		}
		if len(wat) == 0 {
			return "", fout("wijzig-schuldeiser", "Er is niets veranderd aan deze schuld.")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_schuld SET schuldeiser = $1, bedrag_cent = $2, soort = $3, status = $4, gestabiliseerd = $5
			WHERE gemeente = $6 AND zaak_id = $7 AND id = $8 AND verwijderd IS NULL`, sc.Schuldeiser, int64(sc.Bedrag), string(sc.Soort), string(sc.Status),
			b2i(sc.Gestabiliseerd), gemeente, id, schuld); err != nil {
			return "", fmt.Errorf("zaken: schuld: %w", err)
		}
		return "Schuld bij " + oud.Schuldeiser + " gewijzigd: " + strings.Join(wat, "; ") + ".", nil
	})
}

// VerwijderSchuld removes debt schuld of open zaak id softly, with the reason.
func (s *Service) VerwijderSchuld(ctx context.Context, gemeente string, id int64, versie int, schuld int64, reden string, door Medewerker) error {
	r, err := redenVeld("schuld-weg-reden", reden)
	if err != nil {
		return err
	}
	return s.wijzig(ctx, gemeente, id, versie, "schuld-verwijderd", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if !z.Status.Open() {
			return "", fmt.Errorf("%w: schulden weghalen kan alleen bij een open zaak", ErrStatus)
		}
		oud, err := leesSchuld(ctx, tx, gemeente, id, schuld)
		if err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_schuld SET verwijderd = $1, verwijderd_door = $2, verwijderd_reden = $3
			WHERE gemeente = $4 AND zaak_id = $5 AND id = $6 AND verwijderd IS NULL`, s.klok().UTC(), door.Naam, r, gemeente, id, schuld); err != nil {
			return "", fmt.Errorf("zaken: schuld weghalen: %w", err)
		}
		return "Schuld bij " + oud.Schuldeiser + " (" + oud.Bedrag.String() + ", " + oud.Soort.Naam() + ") uit het overzicht gehaald. Reden: " + r, nil
	})
}

func leesPost(ctx context.Context, q queryer, gemeente string, id, post int64) (Budgetpost, error) {
	p := Budgetpost{ID: post}
	var soort string
	var b int64
	err := q.QueryRowContext(ctx, `SELECT soort, omschrijving, bedrag_cent FROM zaken_budgetpost WHERE gemeente = $1 AND zaak_id = $2 AND id = $3
		AND verwijderd IS NULL`, gemeente, id, post).Scan(&soort, &p.Omschrijving, &b)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("zaken: budgetpost %d: %w", post, ErrNietGevonden)
	}
	if err != nil {
		return p, fmt.Errorf("zaken: budgetpost: %w", err)
	}
	p.Inkomen, p.Bedrag = soort == "inkomen", geld.Bedrag(b)
	return p, nil
}

func (p Budgetpost) soortNaam() string {
	if p.Inkomen {
		return "inkomen"
	}
	return "vaste last"
}

// WijzigBudgetpost changes a monthly income or fixed cost of open zaak id (kind, description, amount).
func (s *Service) WijzigBudgetpost(ctx context.Context, gemeente string, id int64, versie int, post int64, p Budgetpost, door Medewerker) error {
	oms, err := korteTekst("wijzig-post-omschrijving", p.Omschrijving, "waar het bedrag voor is")
	if err != nil {
		return err
	}
	if err := bedragVeld("wijzig-post-bedrag", p.Bedrag); err != nil {
		return err
	}
	p.Omschrijving = oms
	return s.wijzig(ctx, gemeente, id, versie, "budget-gewijzigd", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if !z.Status.Open() {
			return "", fmt.Errorf("%w: het budget wijzigen kan alleen bij een open zaak", ErrStatus)
		}
		oud, err := leesPost(ctx, tx, gemeente, id, post)
		if err != nil {
			return "", err
		}
		var wat []string
		if oud.Inkomen != p.Inkomen {
			wat = append(wat, "soort "+oud.soortNaam()+" → "+p.soortNaam())
		}
		if oud.Omschrijving != p.Omschrijving {
			wat = append(wat, "omschrijving "+oud.Omschrijving+" → "+p.Omschrijving)
		}
		if oud.Bedrag != p.Bedrag {
			wat = append(wat, "bedrag "+oud.Bedrag.String()+" → "+p.Bedrag.String()+" per maand")
		}
		if len(wat) == 0 {
			return "", fout("wijzig-post-omschrijving", "Er is niets veranderd aan deze post.")
		}
		soort := "last"
		if p.Inkomen {
			soort = "inkomen"
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_budgetpost SET soort = $1, omschrijving = $2, bedrag_cent = $3
			WHERE gemeente = $4 AND zaak_id = $5 AND id = $6 AND verwijderd IS NULL`, soort, p.Omschrijving, int64(p.Bedrag), gemeente, id, post); err != nil {
			return "", fmt.Errorf("zaken: budgetpost: %w", err)
		}
		return "Maandbudget, " + oud.soortNaam() + " " + oud.Omschrijving + " gewijzigd: " + strings.Join(wat, "; ") + ".", nil
	})
}

// VerwijderBudgetpost removes a budget post of open zaak id softly, with the reason.
func (s *Service) VerwijderBudgetpost(ctx context.Context, gemeente string, id int64, versie int, post int64, reden string, door Medewerker) error {
	r, err := redenVeld("post-weg-reden", reden)
	if err != nil {
		return err
	}
	return s.wijzig(ctx, gemeente, id, versie, "budget-verwijderd", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if !z.Status.Open() {
			return "", fmt.Errorf("%w: het budget wijzigen kan alleen bij een open zaak", ErrStatus)
		}
		oud, err := leesPost(ctx, tx, gemeente, id, post)
		if err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_budgetpost SET verwijderd = $1, verwijderd_door = $2, verwijderd_reden = $3
			WHERE gemeente = $4 AND zaak_id = $5 AND id = $6 AND verwijderd IS NULL`, s.klok().UTC(), door.Naam, r, gemeente, id, post); err != nil {
			return "", fmt.Errorf("zaken: budgetpost weghalen: %w", err)
		}
		return "Maandbudget: " + oud.soortNaam() + " " + oud.Omschrijving + " (" + oud.Bedrag.String() + " per maand) weggehaald. Reden: " + r, nil
	})
}
