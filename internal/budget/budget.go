package budget

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/store"
)

// Soort is the kind of a budget.
type Soort string

// The kinds of budget.
const (
	Beleid   Soort = "beleid"   // a policy line of the gemeente: maatwerkbudget, noodfonds, impulsfinanciering
	Fonds    Soort = "fonds"    // a fund run by a partner
	Subsidie Soort = "subsidie" // a subsidy to a partner
)

// Soorten lists the kinds in a fixed order.
func Soorten() []Soort { return []Soort{Beleid, Fonds, Subsidie} }

// Geldig reports whether k is a known kind.
func (k Soort) Geldig() bool { return slices.Contains(Soorten(), k) }

// Naam is the kind in Dutch for pages.
func (k Soort) Naam() string {
	switch k {
	case Beleid:
		return "Beleidslijn"
	case Fonds:
		return "Fonds van een partner"
	case Subsidie:
		return "Subsidie aan een partner"
	}
	return string(k)
}

// Budget is one budget of a gemeente in one year.
type Budget struct {
	ID       int64
	Gemeente string
	Jaar     int
	Soort    Soort
	Naam     string
	// PartnerID is the partner that runs the fund or gets the subsidy ("" none recorded).
	PartnerID string
	// Bedrag is the amount; nil when no source gives it (unknown, never 0).
	Bedrag *geld.Bedrag
	// Bron is where the budget (and its amount, when known) comes from.
	Bron string
	// Toegekend is the sum of the awarded requests.
	Toegekend geld.Bedrag
	Versie    int
}

// Resterend is what remains; ok is false when the amount is unknown.
func (b Budget) Resterend() (geld.Bedrag, bool) {
	if b.Bedrag == nil {
		return 0, false
	}
	return *b.Bedrag - b.Toegekend, true
}

// MinJaar and MaxJaar bound a budget's year.
const (
	MinJaar = 2000
	MaxJaar = 2100
)

// Controleer checks a budget's fields; the paths are the form's ids.
func (b *Budget) Controleer() error {
	var fs errs.Fields
	b.Naam, b.Bron, b.PartnerID = strings.TrimSpace(b.Naam), strings.TrimSpace(b.Bron), strings.TrimSpace(b.PartnerID)
	if b.Jaar < MinJaar || b.Jaar > MaxJaar {
		fs.Add("jaar", fmt.Sprintf("Vul een jaar van %d tot en met %d in.", MinJaar, MaxJaar))
	}
	if !b.Soort.Geldig() {
		fs.Add("soort", "Kies een soort budget uit de lijst.")
	}
	switch n := len([]rune(b.Naam)); {
	case n == 0:
		fs.Add("naam", "Geef het budget een naam, zoals in het plan.")
	case n > 200:
		fs.Add("naam", "De naam is te lang (hoogstens 200 tekens).")
	}
	if b.Bedrag != nil && *b.Bedrag < 0 {
		fs.Add("bedrag", "Het bedrag kan niet negatief zijn. Laat het leeg als het onbekend is.")
	}
	switch n := len([]rune(b.Bron)); {
	case n == 0:
		fs.Add("bron", "Noem de bron: de alinea van het plan of het besluit waar het budget staat.")
	case n > 4000:
		fs.Add("bron", "De bron is te lang (hoogstens 4.000 tekens).")
	}
	if b.Soort != Beleid && b.Soort.Geldig() && b.PartnerID == "" {
		fs.Add("partner", "Kies de partner die het fonds beheert of de subsidie krijgt.")
	}
	return fs.Err()
}

func bedragArg(b *geld.Bedrag) any {
	if b == nil {
		return nil
	}
	return int64(*b)
}

func partnerArg(p string) any {
	if p == "" {
		return nil
	}
	return p
}

// Maak stores a new budget and returns its id. A second budget with the same name in the same year is
// errs.Conflict; an unknown partner errs.Constraint.
func (s *Service) Maak(ctx context.Context, gemeente string, b Budget) (int64, error) {
	if err := b.Controleer(); err != nil {
		return 0, err
	}
	nu := s.klok().UTC()
	var id int64
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		if err := partnerVan(ctx, tx, gemeente, b.PartnerID); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `INSERT INTO budget_budget (gemeente, jaar, soort, naam, partner_id, bedrag, bron, aangemaakt, gewijzigd)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
			gemeente, b.Jaar, string(b.Soort), b.Naam, partnerArg(b.PartnerID), bedragArg(b.Bedrag), b.Bron, nu).Scan(&id)
	})
	if errors.Is(err, errs.Conflict) {
		return 0, errs.FieldError("naam", "Er is in "+fmt.Sprint(b.Jaar)+" al een budget met deze naam.")
	}
	if err != nil {
		return 0, fmt.Errorf("budget: maken: %w", err)
	}
	return id, nil
}

// Wijzig changes a budget's name, kind, partner, amount and source; b.Versie is the version the form
// was loaded with. The amount cannot go below what has been awarded.
func (s *Service) Wijzig(ctx context.Context, gemeente string, b Budget) error {
	if err := b.Controleer(); err != nil {
		return err
	}
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		oud, err := haal(ctx, tx, gemeente, b.ID)
		if err != nil {
			return err
		}
		if oud.Versie != b.Versie {
			return ErrVerouderd
		}
		if b.PartnerID != oud.PartnerID {
			if err := partnerVan(ctx, tx, gemeente, b.PartnerID); err != nil {
				return err
			}
		}
		if b.Bedrag != nil && *b.Bedrag < oud.Toegekend {
			return errs.FieldError("bedrag", "Er is al "+oud.Toegekend.String()+" toegekend; het bedrag kan niet lager zijn.")
		}
		_, err = tx.ExecContext(ctx, `UPDATE budget_budget SET jaar = $1, soort = $2, naam = $3, partner_id = $4, bedrag = $5, bron = $6,
			gewijzigd = $7, versie = versie + 1 WHERE gemeente = $8 AND id = $9 AND versie = $10`,
			b.Jaar, string(b.Soort), b.Naam, partnerArg(b.PartnerID), bedragArg(b.Bedrag), b.Bron, s.klok().UTC(), gemeente, b.ID, b.Versie)
		if errors.Is(store.MapError(err), errs.Conflict) {
			return errs.FieldError("naam", "Er is in dat jaar al een budget met deze naam.")
		}
		if err != nil {
			return fmt.Errorf("budget: wijzigen: %w", store.MapError(err))
		}
		return nil
	})
}

// partnerVan checks that partner id has (or had) a membership of the gemeente; "" is no partner.
func partnerVan(ctx context.Context, tx *sql.Tx, gemeente, id string) error {
	if id == "" {
		return nil
	}
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partner_lidmaatschap WHERE partner_id = $1 AND gemeente = $2`, id, gemeente).Scan(&n)
	if err != nil {
		return fmt.Errorf("budget: partner: %w", store.MapError(err))
	}
	if n == 0 {
		return errs.FieldError("partner", "Deze partner is geen partner van de gemeente. Kies een partner uit de lijst.")
	}
	return nil
}

const budgetKolommen = `id, gemeente, jaar, soort, naam, COALESCE(partner_id, ''), bedrag, bron, toegekend, versie`

func scanBudget(row interface{ Scan(...any) error }) (Budget, error) {
	var b Budget
	var bedrag sql.NullInt64
	var soort string
	var toegekend int64
	if err := row.Scan(&b.ID, &b.Gemeente, &b.Jaar, &soort, &b.Naam, &b.PartnerID, &bedrag, &b.Bron, &toegekend, &b.Versie); err != nil {
		return Budget{}, err
	}
	b.Soort, b.Toegekend = Soort(soort), geld.Bedrag(toegekend)
	if bedrag.Valid {
		v := geld.Bedrag(bedrag.Int64)
		b.Bedrag = &v
	}
	return b, nil
}

// Haal reads one budget of the gemeente.
func (s *Service) Haal(ctx context.Context, gemeente string, id int64) (Budget, error) {
	return haal(ctx, s.db, gemeente, id)
}

func haal(ctx context.Context, q queryer, gemeente string, id int64) (Budget, error) {
	b, err := scanBudget(q.QueryRowContext(ctx, `SELECT `+budgetKolommen+` FROM budget_budget WHERE gemeente = $1 AND id = $2`, gemeente, id))
	if err != nil {
		return Budget{}, fmt.Errorf("budget %d: %w", id, store.MapError(err))
	}
	return b, nil
}

// Sortering orders the list of budgets.
type Sortering string

// The orders of the budget list.
const (
	OpNaam      Sortering = "naam"      // by name (default)
	OpResterend Sortering = "resterend" // least remaining first; unknown last
	OpToegekend Sortering = "toegekend" // most awarded first
)

// Geldig reports whether o is a known order ("" is the default).
func (o Sortering) Geldig() bool {
	return o == "" || o == OpNaam || o == OpResterend || o == OpToegekend
}

// BudgetFilter selects budgets: a year (0: all) and a kind ("": all).
type BudgetFilter struct {
	Jaar    int
	Soort   Soort
	Sorteer Sortering
}

// Budgetten lists the gemeente's budgets.
func (s *Service) Budgetten(ctx context.Context, gemeente string, f BudgetFilter) ([]Budget, error) {
	q := `SELECT ` + budgetKolommen + ` FROM budget_budget WHERE gemeente = $1`
	args := []any{gemeente}
	if f.Jaar != 0 {
		args = append(args, f.Jaar)
		q += fmt.Sprintf(" AND jaar = $%d", len(args))
	}
	if f.Soort != "" {
		args = append(args, string(f.Soort))
		q += fmt.Sprintf(" AND soort = $%d", len(args))
	}
	switch f.Sorteer {
	case OpResterend:
		q += " ORDER BY CASE WHEN bedrag IS NULL THEN 1 ELSE 0 END, COALESCE(bedrag, 0) - toegekend, naam, id"
	case OpToegekend:
		q += " ORDER BY toegekend DESC, naam, id"
	default:
		q += " ORDER BY jaar DESC, naam, id"
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("budget: lijst: %w", store.MapError(err))
	}
	defer rows.Close()
	var out []Budget
	for rows.Next() {
		b, err := scanBudget(rows)
		if err != nil {
			return nil, fmt.Errorf("budget: lijst: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// Jaren lists the years that have budgets in the gemeente, newest first.
func (s *Service) Jaren(ctx context.Context, gemeente string) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT jaar FROM budget_budget WHERE gemeente = $1 ORDER BY jaar DESC`, gemeente)
	if err != nil {
		return nil, fmt.Errorf("budget: jaren: %w", store.MapError(err))
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var j int
		if err := rows.Scan(&j); err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// Verhuis is the partner.Verhuizer of budgets: the budgets of partner van become budgets of naar.
func Verhuis(ctx context.Context, tx *sql.Tx, van, naar string) (int64, error) {
	res, err := tx.ExecContext(ctx, `UPDATE budget_budget SET partner_id = $2 WHERE partner_id = $1`, van, naar)
	if err != nil {
		return 0, fmt.Errorf("budget: budgetten verhuizen: %w", store.MapError(err))
	}
	return res.RowsAffected()
}
