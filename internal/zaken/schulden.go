package zaken

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/geld"
)

// The debt overview of a zaak (creditor, amount, kind, status, stabilised or not) and the household's
// monthly budget (income and fixed costs). The case worker enters them; nothing is assumed: a debt
// without a known amount is not entered until the creditor states it, and the budget shows only the
// posts entered (no norm amounts are filled in).

// SchuldSoort is the kind of a debt.
type SchuldSoort string

// The kinds (after the creditors the Wgs and the signals name, and the usual creditors of a
// schuldregeling).
const (
	SchuldHuur            SchuldSoort = "huur"
	SchuldEnergie         SchuldSoort = "energie"
	SchuldWater           SchuldSoort = "water"
	SchuldZorgverzekering SchuldSoort = "zorgverzekering"
	SchuldBelastingdienst SchuldSoort = "belastingdienst" // belastingen en toeslagen
	SchuldGemeente        SchuldSoort = "gemeente"        // gemeentelijke belastingen, terugvordering bijstand
	SchuldCJIB            SchuldSoort = "cjib"            // boetes
	SchuldTelecom         SchuldSoort = "telecom"
	SchuldKrediet         SchuldSoort = "krediet" // lening, koop op afbetaling
	SchuldOverig          SchuldSoort = "overig"
)

// SchuldSoorten lists them.
func SchuldSoorten() []SchuldSoort {
	return []SchuldSoort{SchuldHuur, SchuldEnergie, SchuldWater, SchuldZorgverzekering, SchuldBelastingdienst, SchuldGemeente,
		SchuldCJIB, SchuldTelecom, SchuldKrediet, SchuldOverig}
}

// Naam names the kind.
func (s SchuldSoort) Naam() string {
	return map[SchuldSoort]string{SchuldHuur: "Huur", SchuldEnergie: "Energie", SchuldWater: "Water", SchuldZorgverzekering: "Zorgverzekering",
		SchuldBelastingdienst: "Belastingdienst en toeslagen", SchuldGemeente: "Gemeente", SchuldCJIB: "Boetes (CJIB)", SchuldTelecom: "Telefoon en internet",
		SchuldKrediet: "Lening of afbetaling", SchuldOverig: "Overig"}[s]
}

// SchuldStatus is where a debt stands in the help.
type SchuldStatus string

// The statuses.
const (
	SchuldBekend      SchuldStatus = "bekend"    // named by the resident or a signal
	SchuldBevestigd   SchuldStatus = "bevestigd" // the creditor confirmed the amount
	SchuldRegeling    SchuldStatus = "regeling"  // a payment arrangement runs
	SchuldSchuldregel SchuldStatus = "schuldregeling"
	SchuldAfgelost    SchuldStatus = "afgelost"
)

// SchuldStatussen lists them.
func SchuldStatussen() []SchuldStatus {
	return []SchuldStatus{SchuldBekend, SchuldBevestigd, SchuldRegeling, SchuldSchuldregel, SchuldAfgelost}
}

// Naam names the status.
func (s SchuldStatus) Naam() string {
	return map[SchuldStatus]string{SchuldBekend: "Bekend, bedrag nog niet bevestigd", SchuldBevestigd: "Bevestigd door de schuldeiser",
		SchuldRegeling: "Betalingsregeling", SchuldSchuldregel: "In de schuldregeling", SchuldAfgelost: "Afgelost"}[s]
}

// Schuld is one debt of the overview.
type Schuld struct {
	ID             int64
	Schuldeiser    string
	Bedrag         geld.Bedrag
	Soort          SchuldSoort
	Status         SchuldStatus
	Gestabiliseerd bool // collection paused (stabilisation)
}

// Budgetpost is a monthly income or fixed cost.
type Budgetpost struct {
	ID           int64
	Inkomen      bool // else a fixed cost
	Omschrijving string
	Bedrag       geld.Bedrag // per month
}

// MaxSchulden bounds the debts and budget posts of a zaak.
const MaxSchulden = 200

// MaxBedrag bounds an amount (a typo of cents for euros is refused): € 10 million.
const MaxBedrag = geld.Bedrag(1_000_000_000)

func bedragVeld(veld string, b geld.Bedrag) error {
	if b <= 0 || b > MaxBedrag {
		return fout(veld, "Vul een bedrag in van meer dan € 0 tot hoogstens € 10.000.000.")
	}
	return nil
}

func korteTekst(veld, t, wat string) (string, error) {
	t = strings.TrimSpace(t)
	if t == "" {
		return "", fout(veld, "Vul "+wat+" in.")
	}
	if utf8.RuneCountInString(t) > 200 {
		return "", fout(veld, "Gebruik hoogstens 200 tekens.")
	}
	return t, nil
}

func telRijen(ctx context.Context, tx *sql.Tx, tabel, gemeente string, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+tabel+` WHERE gemeente = $1 AND zaak_id = $2`, gemeente, id).Scan(&n); err != nil {
		return fmt.Errorf("zaken: tellen: %w", err)
	}
	if n >= MaxSchulden {
		return fout("schuldeiser", "De zaak heeft er al "+strconv.Itoa(MaxSchulden)+"; meer kan niet.")
	}
	return nil
}

// VoegSchuldToe adds a debt to the overview of an open zaak.
func (s *Service) VoegSchuldToe(ctx context.Context, gemeente string, id int64, versie int, sc Schuld, door Medewerker) error {
	eiser, err := korteTekst("schuldeiser", sc.Schuldeiser, "de naam van de schuldeiser")
	if err != nil {
		return err
	}
	if err := bedragVeld("schuld-bedrag", sc.Bedrag); err != nil {
		return err
	}
	if !slices.Contains(SchuldSoorten(), sc.Soort) {
		return fout("schuld-soort", "Kies de soort schuld.")
	}
	if sc.Status == "" {
		sc.Status = SchuldBekend
	}
	if !slices.Contains(SchuldStatussen(), sc.Status) {
		return fout("schuld-status", "Kies de stand van de schuld.")
	}
	return s.wijzig(ctx, gemeente, id, versie, "schuld", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if !z.Status.Open() {
			return "", fmt.Errorf("%w: schulden horen bij een open zaak", ErrStatus)
		}
		if err := telRijen(ctx, tx, "zaken_schuld", gemeente, id); err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO zaken_schuld (gemeente, zaak_id, schuldeiser, bedrag_cent, soort, status, gestabiliseerd, door, aangemaakt)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, gemeente, id, eiser, int64(sc.Bedrag), string(sc.Soort), string(sc.Status),
			b2i(sc.Gestabiliseerd), door.Naam, s.klok().UTC()); err != nil {
			return "", fmt.Errorf("zaken: schuld: %w", err)
		}
		return "Schuld toegevoegd: " + eiser + ", " + sc.Bedrag.String() + " (" + sc.Soort.Naam() + "; " + strings.ToLower(sc.Status.Naam()) + ").", nil
	})
}

// ZetSchuldStatus changes the status of a debt and whether collection is paused.
func (s *Service) ZetSchuldStatus(ctx context.Context, gemeente string, id int64, versie int, schuld int64, st SchuldStatus, gestabiliseerd bool, door Medewerker) error {
	if !slices.Contains(SchuldStatussen(), st) {
		return fout("schuld-stand", "Kies de stand van de schuld.")
	}
	return s.wijzig(ctx, gemeente, id, versie, "schuld-status", door, func(tx *sql.Tx, z Zaak) (string, error) {
		var eiser string
		if err := tx.QueryRowContext(ctx, `SELECT schuldeiser FROM zaken_schuld WHERE gemeente = $1 AND zaak_id = $2 AND id = $3 AND verwijderd IS NULL`,
			gemeente, id, schuld).Scan(&eiser); err != nil {
			return "", fmt.Errorf("zaken: schuld %d: %w", schuld, ErrNietGevonden)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_schuld SET status = $1, gestabiliseerd = $2 WHERE gemeente = $3 AND id = $4 AND verwijderd IS NULL`,
			string(st), b2i(gestabiliseerd), gemeente, schuld); err != nil {
			return "", fmt.Errorf("zaken: schuld: %w", err)
		}
		t := "Schuld bij " + eiser + ": " + strings.ToLower(st.Naam())
		if gestabiliseerd {
			t += ", invordering gestopt (gestabiliseerd)"
		}
		return t + ".", nil
	})
}

// VoegBudgetpostToe adds a monthly income or fixed cost to the zaak's budget.
func (s *Service) VoegBudgetpostToe(ctx context.Context, gemeente string, id int64, versie int, p Budgetpost, door Medewerker) error {
	oms, err := korteTekst("post-omschrijving", p.Omschrijving, "waar het bedrag voor is")
	if err != nil {
		return err
	}
	if err := bedragVeld("post-bedrag", p.Bedrag); err != nil {
		return err
	}
	soort := "last"
	if p.Inkomen {
		soort = "inkomen"
	}
	return s.wijzig(ctx, gemeente, id, versie, "budget", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if !z.Status.Open() {
			return "", fmt.Errorf("%w: het budget hoort bij een open zaak", ErrStatus)
		}
		if err := telRijen(ctx, tx, "zaken_budgetpost", gemeente, id); err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO zaken_budgetpost (gemeente, zaak_id, soort, omschrijving, bedrag_cent) VALUES ($1, $2, $3, $4, $5)`,
			gemeente, id, soort, oms, int64(p.Bedrag)); err != nil {
			return "", fmt.Errorf("zaken: budget: %w", err)
		}
		wat := "Vaste last"
		if p.Inkomen {
			wat = "Inkomen"
		}
		return wat + " in het maandbudget: " + oms + ", " + p.Bedrag.String() + " per maand.", nil
	})
}

// Overzicht is the debt overview and monthly budget of a zaak with their totals.
type Overzicht struct {
	Schulden        []Schuld
	Budget          []Budgetpost
	TotaalSchuld    geld.Bedrag
	Gestabiliseerd  int
	Inkomen, Lasten geld.Bedrag
}

// Saldo is income minus fixed costs per month (what is left to live on and to pay debts from).
func (o Overzicht) Saldo() geld.Bedrag { return o.Inkomen - o.Lasten }

func overzicht(ctx context.Context, q queryer, gemeente string, id int64) (Overzicht, error) {
	var o Overzicht
	rows, err := q.QueryContext(ctx, `SELECT id, schuldeiser, bedrag_cent, soort, status, gestabiliseerd FROM zaken_schuld
		WHERE gemeente = $1 AND zaak_id = $2 AND verwijderd IS NULL ORDER BY id`, gemeente, id)
	if err != nil {
		return o, fmt.Errorf("zaken: schulden: %w", err)
	}
	for rows.Next() {
		var sc Schuld
		var b int64
		var soort, st string
		var stab int
		if err := rows.Scan(&sc.ID, &sc.Schuldeiser, &b, &soort, &st, &stab); err != nil {
			rows.Close()
			return o, fmt.Errorf("zaken: schulden: %w", err)
		}
		sc.Bedrag, sc.Soort, sc.Status, sc.Gestabiliseerd = geld.Bedrag(b), SchuldSoort(soort), SchuldStatus(st), stab == 1
		o.Schulden = append(o.Schulden, sc)
		if sc.Status != SchuldAfgelost {
			o.TotaalSchuld += sc.Bedrag
		}
		if sc.Gestabiliseerd {
			o.Gestabiliseerd++
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return o, err
	}
	rows, err = q.QueryContext(ctx, `SELECT id, soort, omschrijving, bedrag_cent FROM zaken_budgetpost WHERE gemeente = $1 AND zaak_id = $2 AND verwijderd IS NULL ORDER BY soort, id`,
		gemeente, id)
	if err != nil {
		return o, fmt.Errorf("zaken: budget: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p Budgetpost
		var soort string
		var b int64
		if err := rows.Scan(&p.ID, &soort, &p.Omschrijving, &b); err != nil {
			return o, fmt.Errorf("zaken: budget: %w", err)
		}
		p.Inkomen, p.Bedrag = soort == "inkomen", geld.Bedrag(b)
		o.Budget = append(o.Budget, p)
		if p.Inkomen {
			o.Inkomen += p.Bedrag
		} else {
			o.Lasten += p.Bedrag
		}
	}
	return o, rows.Err()
}

// SchuldenExport returns the debt overview of zaak id for the creditors' round (a file that leaves
// Zeker): one audit row, action export, with the household's BSNs.
func (s *Service) SchuldenExport(ctx context.Context, gemeente string, id int64) (Overzicht, error) {
	z, err := leesZaak(ctx, s.db, gemeente, id)
	if err != nil {
		return Overzicht{}, err
	}
	o, err := overzicht(ctx, s.db, gemeente, id)
	if err != nil {
		return o, err
	}
	bsns, err := bsnsVan(ctx, s.db, gemeente, id)
	if err != nil {
		return o, err
	}
	return o, s.logZaak(ctx, nil, gemeente, id, z.HuishoudenID, bsns, "zaak.schulden-export", audit.Exporteren)
}
