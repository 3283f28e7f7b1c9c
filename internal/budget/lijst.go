package budget

import (
	"context"
	"encoding/csv"
	"fmt"
	"strconv"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/store"
)

// AanvraagSortering orders the list of requests.
type AanvraagSortering string

// The orders of the request list.
const (
	NieuwsteEerst AanvraagSortering = ""       // newest request first (default)
	OudsteEerst   AanvraagSortering = "oudste" // oldest first: who waits longest
	HoogsteEerst  AanvraagSortering = "bedrag" // highest amount first
)

// Geldig reports whether o is a known order.
func (o AanvraagSortering) Geldig() bool {
	return o == NieuwsteEerst || o == OudsteEerst || o == HoogsteEerst
}

// AanvraagFilter selects requests: a budget (0: all), a status ("": all), a year of the budget (0: all),
// a zaak (0: all); Limiet rows (at most 500) from Vanaf.
type AanvraagFilter struct {
	BudgetID int64
	Status   Status
	Jaar     int
	ZaakID   int64
	Sorteer  AanvraagSortering
	Limiet   int
	Vanaf    int
}

// Aanvragen lists one page of the gemeente's requests and the total; the list is one read in the
// processing log, with the number of rows shown.
func (s *Service) Aanvragen(ctx context.Context, gemeente string, f AanvraagFilter) ([]Aanvraag, int, error) {
	where := ` WHERE a.gemeente = $1`
	args := []any{gemeente}
	voeg := func(kolom string, v any) {
		args = append(args, v)
		where += fmt.Sprintf(" AND %s = $%d", kolom, len(args))
	}
	if f.BudgetID != 0 {
		voeg("a.budget_id", f.BudgetID)
	}
	if f.Status != "" {
		voeg("a.status", string(f.Status))
	}
	if f.Jaar != 0 {
		voeg("b.jaar", f.Jaar)
	}
	if f.ZaakID != 0 {
		voeg("a.zaak_id", f.ZaakID)
	}
	var totaal int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*)`+aanvraagVan+where, args...).Scan(&totaal); err != nil {
		return nil, 0, fmt.Errorf("budget: aanvragen: %w", store.MapError(err))
	}
	orde := " ORDER BY a.ingediend DESC, a.id DESC"
	switch f.Sorteer {
	case OudsteEerst:
		orde = " ORDER BY a.ingediend, a.id"
	case HoogsteEerst:
		orde = " ORDER BY a.bedrag DESC, a.id"
	}
	if f.Limiet <= 0 || f.Limiet > 500 {
		f.Limiet = 500
	}
	args = append(args, f.Limiet, max(f.Vanaf, 0))
	rows, err := s.db.QueryContext(ctx, `SELECT `+aanvraagKolommen+aanvraagVan+where+orde+
		fmt.Sprintf(" LIMIT $%d OFFSET $%d", len(args)-1, len(args)), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("budget: aanvragen: %w", store.MapError(err))
	}
	defer rows.Close()
	var out []Aanvraag
	for rows.Next() {
		a, err := scanAanvraag(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("budget: aanvragen: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	if len(out) > 0 {
		err = s.schrijf(ctx, nil, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: Activiteit, Operatie: "budgetaanvragen.lijst",
			Actie: audit.Lezen, Resultaat: audit.OK, Object: "budgetaanvragen", Aantal: len(out)})
	}
	return out, totaal, err
}

// ExportKoppen are the columns of the export of decisions.
var ExportKoppen = []string{"aanvraag", "besluitdatum", "besluit", "budget", "jaar", "soort_budget", "partner_id", "zaak",
	"vorm", "omschrijving", "bedrag", "beslist_door", "eerste_akkoord_door"}

// Exporteer writes the final decisions (awarded and refused) of the gemeente whose decision day lies in
// [van, tot] as CSV for the financial administration, oldest first, and returns the number of rows. It
// has no household, name or reason: the zaak number leads back to the file. The export is one row in
// the processing log. Free text is written as typed; the web part makes cells safe for spreadsheets.
func (s *Service) Exporteer(ctx context.Context, gemeente string, van, tot datum.Datum, w *csv.Writer, veilig func(string) string) (int, error) {
	if veilig == nil {
		veilig = func(s string) string { return s }
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.besluit_datum, a.status, b.naam, b.jaar, b.soort, COALESCE(b.partner_id, ''),
		COALESCE(a.zaak_id, 0), a.soort, a.omschrijving, a.bedrag, a.besluit_door, a.eerste_door`+aanvraagVan+`
		WHERE a.gemeente = $1 AND a.besluit_datum <> '' AND a.besluit_datum >= $2 AND a.besluit_datum <= $3
		ORDER BY a.besluit_datum, a.id`, gemeente, van.String(), tot.String())
	if err != nil {
		return 0, fmt.Errorf("budget: export: %w", store.MapError(err))
	}
	defer rows.Close()
	if err := w.Write(ExportKoppen); err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		var id, zaak, bedrag int64
		var jaar int
		var dag, status, naam, soort, partner, vorm, oms, door, eerste string
		if err := rows.Scan(&id, &dag, &status, &naam, &jaar, &soort, &partner, &zaak, &vorm, &oms, &bedrag, &door, &eerste); err != nil {
			return n, fmt.Errorf("budget: export: %w", err)
		}
		z := ""
		if zaak > 0 {
			z = strconv.FormatInt(zaak, 10)
		}
		if err := w.Write([]string{strconv.FormatInt(id, 10), dag, status, veilig(naam), strconv.Itoa(jaar), soort, partner, z, vorm,
			veilig(oms), decimaal(bedrag), veilig(door), veilig(eerste)}); err != nil {
			return n, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	w.Flush()
	return n, s.schrijf(ctx, nil, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: Activiteit, Operatie: "budgetbesluiten.exporteren",
		Actie: audit.Exporteren, Resultaat: audit.OK, Object: "budgetbesluiten/" + van.String() + "/" + tot.String(), Aantal: n})
}

// decimaal writes cents as 1234.56 (a dot: the administration's import reads it as a number).
func decimaal(c int64) string {
	neg := c < 0
	if neg {
		c = -c
	}
	s := fmt.Sprintf("%d.%02d", c/100, c%100)
	if neg {
		return "-" + s
	}
	return s
}
