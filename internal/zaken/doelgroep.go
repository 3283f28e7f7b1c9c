package zaken

import (
	"context"
	"fmt"
	"strconv"

	"github.com/zeker-platform/zeker/internal/store"
)

// The marker statushouder or inburgeraar in the indicators. Issue 17 asks for the marker "so the monitor
// can answer whether they later show up with debts": per calendar year, how many zaken started and how
// many of those carry the marker (zaken_zaak.statushouder, set by hand; stappen.go).

// Doelgroepjaar counts the zaken that started in one calendar year (Jaar 0: all years), exactly.
type Doelgroepjaar struct {
	Jaar         int
	Gestart      int // zaken started (their startdatum) in the year, every status, also unlinked online requests
	Statushouder int // of those, marked statushouder or inburgeraar
}

// StatushoudersPerJaar returns per calendar year, from the first year with a zaak through this year,
// the zaken started and how many of them are marked statushouder or inburgeraar, and all years together
// as the last element (Jaar 0). The counts are exact: whoever publishes them applies the small-number
// rule with its secondary suppression ([PubliekDoelgroep]); the zaken page and its CSV do. Aggregates only: no
// audit row. The monitor part reads this function.
func (s *Service) StatushoudersPerJaar(ctx context.Context, gemeente string) ([]Doelgroepjaar, error) {
	per, err := s.startPerJaar(ctx, gemeente)
	if err != nil {
		return nil, err
	}
	eerste := 0
	for j := range per {
		if eerste == 0 || j < eerste {
			eerste = j
		}
	}
	var out []Doelgroepjaar
	alle := Doelgroepjaar{}
	if eerste > 0 {
		for j := eerste; j <= max(s.Vandaag().Jaar(), eerste); j++ {
			g := per[j]
			g.Jaar = j
			out = append(out, g)
			alle.Gestart += g.Gestart
			alle.Statushouder += g.Statushouder
		}
	}
	return append(out, alle), nil
}

// startPerJaar counts the zaken started and marked per calendar year of the start. Grouped per day from
// the covering index zaken_zaak_ind_start (migration 0311) and summed per year here (dates are ISO text:
// the year is the first four characters); the indicators of the zaken page read it too (indicatoren.go),
// so the page keeps it in memory with them.
func (s *Service) startPerJaar(ctx context.Context, gemeente string) (map[int]Doelgroepjaar, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT startdatum, COUNT(*), SUM(statushouder) FROM zaken_zaak
		WHERE gemeente = $1 AND startdatum <> '' GROUP BY startdatum`, gemeente)
	if err != nil {
		return nil, fmt.Errorf("zaken: doelgroep: %w", store.MapError(err))
	}
	defer rows.Close()
	per := map[int]Doelgroepjaar{}
	for rows.Next() {
		var dag string
		var n, sh int
		if err := rows.Scan(&dag, &n, &sh); err != nil {
			return nil, fmt.Errorf("zaken: doelgroep: %w", err)
		}
		j, err := strconv.Atoi(dag[:min(4, len(dag))])
		if err != nil || j <= 0 {
			continue // not a date: never written by the code
		}
		g := per[j]
		g.Jaar, g.Gestart, g.Statushouder = j, g.Gestart+n, g.Statushouder+sh
		per[j] = g
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("zaken: doelgroep: %w", err)
	}
	return per, nil
}

// Small-number suppression for published counts of zaken (shared/reference/zaken-netwerk-monitor.md
// §4.5, after CBS "Aanvullende onderzoeksbeschrijving Inkomensstatistiek" §5, and the reference's own
// conservative rule for gemeente figures): counts are rounded to a multiple of 5, a count of 1 to 4 is
// not shown ("<5"), and a share only with a denominator of at least 100. Rounding alone does not stop a
// suppressed year being recovered as the total minus the other years (a shown share fixes its year's
// counts exactly): a series per year with all years publishes through PubliekReeks or PubliekDoelgroep,
// which add the secondary suppression.
const (
	// AfrondenOp is the multiple published counts are rounded to.
	AfrondenOp = 5
	// MinNoemer is the smallest denominator of a published share.
	MinNoemer = 100
)

// PubliceerTelling is count n as it may be published: "0", "<5", or n rounded to the nearest multiple
// of 5 (half up: 7 → "5", 8 → "10").
func PubliceerTelling(n int) string {
	switch {
	case n <= 0:
		return "0"
	case n < AfrondenOp:
		return "<" + strconv.Itoa(AfrondenOp)
	}
	return strconv.Itoa((n + AfrondenOp/2) / AfrondenOp * AfrondenOp)
}

// PubliceerAandeel is teller/noemer in percent with one decimal, computed from the exact counts, and
// false when the denominator is below MinNoemer (then nothing may be shown).
func PubliceerAandeel(teller, noemer int) (float64, bool) {
	if noemer < MinNoemer {
		return 0, false
	}
	return float64(int(float64(teller)*1000/float64(noemer)+0.5)) / 10, true
}

// PubliekDoelgroepjaar is one year (Jaar 0: all years) of the marker counts as they may be published.
type PubliekDoelgroepjaar struct {
	Jaar int
	// Getoond is false only for all years held back by the secondary suppression (PubliekDoelgroep):
	// then neither its counts nor its share may be shown.
	Getoond               bool
	Gestart, Statushouder string // PubliceerTelling
	Aandeel               float64
	MetAandeel            bool // false when the share may not be shown
}

// PubliekDoelgroep turns the exact marker counts of every year, all years last (Jaar 0, as
// StatushoudersPerJaar and Indicatoren.Doelgroep give them), into what may be published: per year the
// counts rounded (PubliceerTelling) and the share from MinNoemer zaken started (PubliceerAandeel), with
// the secondary suppression of PubliekReeks (secundairOnderdrukken) on all years. A year with a shown
// share is known exactly (a share with one decimal and its rounded count fix both counts), so all
// years minus that year would give a suppressed year of 3 (its share, and with the rounded totals even
// its counts: 1 beside an exact 101 with all years "100" can only be 1). All years are therefore held
// back whole — counts and share — when their share would be shown and the years with a suppressed share
// hold together 1 to MinNoemer-1 zaken. Below MinNoemer zaken in all years no year's share is shown, no
// year is known exactly, and the rounded counts of all years leave each small year its whole range.
func PubliekDoelgroep(jaren []Doelgroepjaar) []PubliekDoelgroepjaar {
	v := make([]PubliekDoelgroepjaar, 0, len(jaren))
	for _, g := range jaren {
		p := PubliekDoelgroepjaar{Jaar: g.Jaar, Getoond: true, Gestart: PubliceerTelling(g.Gestart), Statushouder: PubliceerTelling(g.Statushouder)}
		p.Aandeel, p.MetAandeel = PubliceerAandeel(g.Statushouder, g.Gestart)
		v = append(v, p)
	}
	if len(jaren) < 2 || jaren[len(jaren)-1].Jaar != 0 || !v[len(v)-1].MetAandeel {
		return v
	}
	noemers := make([]int, 0, len(jaren)-1)
	for _, g := range jaren[:len(jaren)-1] {
		noemers = append(noemers, g.Gestart)
	}
	if secundairOnderdrukken(noemers) {
		v[len(v)-1] = PubliekDoelgroepjaar{Jaar: 0}
	}
	return v
}
