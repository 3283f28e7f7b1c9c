package zaken

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/store"
)

// StatusOpen and StatusAlle are the worklist's status filters beside one Status.
const (
	StatusOpen Status = "open"
	StatusAlle Status = "alle"
)

// Filter selects and pages the worklist. Zero values: open zaken, every village and route.
type Filter struct {
	Status     Status // "" or StatusOpen, StatusAlle, or one Status
	Woonplaats string
	Route      Route
	Team       int64 // 0: every team; GeenTeam: zaken without a team; else that team
	// Statushouder: only zaken marked statushouder or inburgeraar.
	Statushouder bool
	// Stap: only zaken on which this route step is recorded ("" every zaak).
	Stap   Stap
	Limiet int // default 50, at most 500
	Vanaf  int // offset
	// TelTot caps the count: 0 counts exactly; n > 0 stops counting after n+1 matching zaken, so a
	// total of n+1 means "more than n". Counting is most of the cost of a page on PostgreSQL (as in
	// the signal worklist, signalen/opslag.Filter.TelTot).
	TelTot int
}

// Rij is a zaak as the worklist shows it: no names or BSNs.
type Rij struct {
	Zaak
	RegisseurNaam string
}

// Werklijst returns one page of the gemeente's zaken, nearest deadline first (zaken without an open
// deadline last, then by id), and the number of zaken that match (at most f.TelTot+1 when f.TelTot > 0:
// more than f.TelTot match). A negative TelTot is refused. Every order and filter is served by
// an index (migration 0300). The list is one audit row (a list operation, no data subject).
func (s *Service) Werklijst(ctx context.Context, gemeente string, f Filter) ([]Rij, int, error) {
	where := []string{"z.gemeente = $1"}
	args := []any{gemeente}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	switch {
	case f.Status == "" || f.Status == StatusOpen:
		where = append(where, "z.open = 1")
	case f.Status == StatusAlle:
	case f.Status.Geldig():
		where = append(where, "z.status = "+arg(string(f.Status)))
	default:
		return nil, 0, fmt.Errorf("%w: onbekende status %q", ErrOngeldig, f.Status)
	}
	if f.Woonplaats != "" {
		where = append(where, "z.woonplaats = "+arg(f.Woonplaats))
	}
	if f.Route != "" {
		if !f.Route.Geldig() {
			return nil, 0, fmt.Errorf("%w: onbekende route %q", ErrOngeldig, f.Route)
		}
		where = append(where, "z.route = "+arg(string(f.Route)))
	}
	switch {
	case f.Team == GeenTeam:
		where = append(where, "z.team_id = 0")
	case f.Team > 0:
		where = append(where, "z.team_id = "+arg(f.Team))
	case f.Team < 0:
		return nil, 0, fmt.Errorf("%w: onbekend team %d", ErrOngeldig, f.Team)
	}
	if f.Statushouder {
		where = append(where, "z.statushouder = 1")
	}
	if f.Stap != "" {
		if !f.Stap.Geldig() {
			return nil, 0, fmt.Errorf("%w: onbekende stap %q", ErrOngeldig, f.Stap)
		}
		where = append(where, "EXISTS (SELECT 1 FROM zaken_stap s WHERE s.gemeente = z.gemeente AND s.zaak_id = z.id AND s.stap = "+arg(string(f.Stap))+" AND s.verwijderd IS NULL)")
	}
	if f.TelTot < 0 {
		return nil, 0, fmt.Errorf("%w: tel tot %d", ErrOngeldig, f.TelTot)
	}
	w := strings.Join(where, " AND ")
	var totaal int
	tel := `SELECT COUNT(*) FROM zaken_zaak z WHERE ` + w
	if f.TelTot > 0 && f.TelTot < math.MaxInt { // MaxInt+1 would wrap to a negative LIMIT
		tel = `SELECT COUNT(*) FROM (SELECT 1 FROM zaken_zaak z WHERE ` + w + ` LIMIT ` + strconv.Itoa(f.TelTot+1) + `) t`
	}
	if err := s.db.QueryRowContext(ctx, tel, args...).Scan(&totaal); err != nil {
		return nil, 0, fmt.Errorf("zaken: werklijst tellen: %w", store.MapError(err))
	}
	limiet := f.Limiet
	if limiet <= 0 {
		limiet = 50
	}
	limiet = min(limiet, 500)
	kol := strings.ReplaceAll(zaakKolommen, "\n\t", " ")
	kol = "z." + strings.ReplaceAll(kol, ", ", ", z.")
	q := `SELECT ` + kol + `, COALESCE(h.regisseur_naam, '') FROM zaken_zaak z
		LEFT JOIN zaken_huishouden h ON h.gemeente = z.gemeente AND h.huishouden_id = z.huishouden_id
		WHERE ` + w + ` ORDER BY z.volgende_deadline, z.id LIMIT ` + arg(limiet) + ` OFFSET ` + arg(max(f.Vanaf, 0))
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("zaken: werklijst: %w", store.MapError(err))
	}
	defer rows.Close()
	var out []Rij
	for rows.Next() {
		var r Rij
		if err := scanZaak(rijScanner{rows, &r.RegisseurNaam}, &r.Zaak); err != nil {
			return nil, 0, fmt.Errorf("zaken: werklijst: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("zaken: werklijst: %w", err)
	}
	if err := s.logLijst(ctx, gemeente, "zaak.werklijst", len(out)); err != nil {
		return nil, 0, err
	}
	return out, totaal, nil
}

// rijScanner scans the zaak's columns and one extra at the end.
type rijScanner struct {
	r     scanner
	extra *string
}

func (s rijScanner) Scan(dest ...any) error { return s.r.Scan(append(dest, s.extra)...) }

// Woonplaatsen lists the villages of the gemeente's zaken (for the filter), in order.
func (s *Service) Woonplaatsen(ctx context.Context, gemeente string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT woonplaats FROM zaken_zaak WHERE gemeente = $1 AND woonplaats <> '' ORDER BY woonplaats`, gemeente)
	if err != nil {
		return nil, fmt.Errorf("zaken: woonplaatsen: %w", store.MapError(err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, fmt.Errorf("zaken: woonplaatsen: %w", err)
		}
		out = append(out, w)
	}
	return out, rows.Err()
}
