package zaken

import (
	"context"
	"fmt"
	"github.com/zeker-platform/zeker/internal/datum"
	"maps"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
)

// The indicators the Wgs asks a college to give insight into, computed from the dates stored on the
// zaken (no extra bookkeeping):
//
//   - art. 4 lid 3: the number of weeks between the first conversation and reaching the result. The
//     result is read as the end of a zaak whose help was completed (status afgerond); the weeks to any
//     end (also weigering, beëindiging) are given beside it, so nothing is hidden.
//   - art. 4 lid 1 and 2: the share of first conversations held within the term that applied. A zaak
//     counts in the year its deadline fell; one whose deadline passed without a conversation counts as
//     not within the term (it is not left out); one whose deadline is still ahead and that has not had
//     its conversation does not count yet.
//   - art. 4a lid 3: the share of beschikkingen within the decision term, in the year their deadline fell.

// Indicatoren are the indicators of one calendar year (Jaar 0: all years).
type Indicatoren struct {
	Jaar int
	// Art. 4 lid 1 and 2: first conversations.
	Gesprekken Termijnmaat
	Crisis     Termijnmaat // the bedreigende situaties only (4 lid 2)
	Besluiten  Termijnmaat // art. 4a lid 3
	// Art. 4 lid 3: weeks from the first conversation to the result (afgerond), and to any end.
	Resultaat Weken
	Einde     Weken
	// The zaken started in the year and those marked statushouder or inburgeraar, exact (doelgroep.go).
	Doelgroep Doelgroepjaar
}

// Termijnmaat counts steps against their deadline.
type Termijnmaat struct {
	Beoordeeld int // steps whose outcome is known: held, or the deadline passed
	OpTijd     int
	TeLaat     int // held after the deadline
	NogNiet    int // deadline passed, step not taken
}

// Aandeel is the share on time in percent with one decimal, and false when nothing was assessed.
func (t Termijnmaat) Aandeel() (float64, bool) {
	if t.Beoordeeld == 0 {
		return 0, false
	}
	return float64(int(float64(t.OpTijd)*1000/float64(t.Beoordeeld)+0.5)) / 10, true
}

// Weken summarises durations in weeks (days / 7, one decimal).
type Weken struct {
	Aantal     int
	Mediaan    float64
	Gemiddelde float64
}

// weken summarises a histogram of days (days → number of zaken).
func weken(hist map[int]int) Weken {
	n, som := 0, 0
	for d, k := range hist {
		n += k
		som += d * k
	}
	if n == 0 {
		return Weken{}
	}
	// The median: the middle element, or the mean of the two middle ones.
	keys := slices.Sorted(maps.Keys(hist))
	nde := func(i int) int { // the i-th day value (0-based) in sorted order
		for _, d := range keys {
			if i < hist[d] {
				return d
			}
			i -= hist[d]
		}
		return keys[len(keys)-1]
	}
	med := float64(nde(n / 2))
	if n%2 == 0 {
		med = float64(nde(n/2-1)+nde(n/2)) / 2
	}
	rond := func(d float64) float64 { return float64(int(d/7*10+0.5)) / 10 }
	return Weken{Aantal: n, Mediaan: rond(med), Gemiddelde: rond(float64(som) / float64(n))}
}

// IndicatorenPerJaar computes the indicators of the gemeente per calendar year from the first year with
// a zaak through this year, and for all years together (the last element, Jaar 0). Four queries
// grouped per day, each read from its covering index in index order (migrations 0305 and 0311; the fourth counts the zaken started and marked, doelgroep.go), summed per year
// here (dates are ISO text, so comparing them as text is comparing days); the weeks come from the
// stored doorloop_dagen. Aggregates only: no audit row.
func (s *Service) IndicatorenPerJaar(ctx context.Context, gemeente string) ([]Indicatoren, error) {
	vandaag := s.Vandaag()
	if v, ok := s.ind.haal(gemeente, vandaag, s.klok()); ok {
		return v, nil
	}
	v, err := s.indicatoren(ctx, gemeente, vandaag)
	if err == nil {
		s.ind.zet(gemeente, vandaag, s.klok(), v)
	}
	return slices.Clone(v), err
}

// IndicatorenVers computes the indicators without the cache (the CSV export: exact at the moment of
// the download).
func (s *Service) IndicatorenVers(ctx context.Context, gemeente string) ([]Indicatoren, error) {
	vandaag := s.Vandaag()
	v, err := s.indicatoren(ctx, gemeente, vandaag)
	if err == nil {
		s.ind.zet(gemeente, vandaag, s.klok(), v)
	}
	return slices.Clone(v), err
}

// IndicatorenBewaren is how long computed indicators are kept in memory; any change of a zaak of the
// gemeente on this instance drops them at once (another instance's change shows within this time).
const IndicatorenBewaren = 5 * time.Minute

// indCache keeps the indicators per gemeente (they read every zaak of the gemeente: 100,000 zaken take
// a few hundred milliseconds, see docs/zaken.md).
type indCache struct {
	mu sync.Mutex
	m  map[string]indWaarde
}

type indWaarde struct {
	dag datum.Datum
	op  time.Time
	v   []Indicatoren
}

func (c *indCache) haal(gemeente string, dag datum.Datum, nu time.Time) ([]Indicatoren, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	w, ok := c.m[gemeente]
	if !ok || w.dag != dag || nu.Sub(w.op) > IndicatorenBewaren || nu.Before(w.op) {
		return nil, false
	}
	return slices.Clone(w.v), true
}

func (c *indCache) zet(gemeente string, dag datum.Datum, nu time.Time, v []Indicatoren) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]indWaarde{}
	}
	c.m[gemeente] = indWaarde{dag: dag, op: nu, v: v}
}

// vergeet drops the gemeente's indicators (a zaak changed).
func (c *indCache) vergeet(gemeente string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, gemeente)
}

func (s *Service) indicatoren(ctx context.Context, gemeente string, vandaag datum.Datum) ([]Indicatoren, error) {
	per := map[int]*Indicatoren{}
	dagen := map[int]*[2]map[int]int{} // per year: days → number of zaken, to the result and to any end
	jaar := func(j int) *Indicatoren {
		if per[j] == nil {
			per[j], dagen[j] = &Indicatoren{Jaar: j}, &[2]map[int]int{{}, {}}
		}
		return per[j]
	}
	// Art. 4 lid 1 and 2. A zaak ended without a first conversation (beëindigd while waiting) is not a
	// conversation that was late: its deadline no longer runs, so it is left out.
	termijnen := []struct {
		q   string
		put func(in *Indicatoren, crisis bool) []*Termijnmaat
	}{
		{`SELECT eerste_gesprek_deadline, crisis,
			SUM(CASE WHEN eerste_gesprek <> '' AND eerste_gesprek <= eerste_gesprek_deadline THEN 1 ELSE 0 END),
			SUM(CASE WHEN eerste_gesprek <> '' AND eerste_gesprek > eerste_gesprek_deadline THEN 1 ELSE 0 END),
			SUM(CASE WHEN eerste_gesprek = '' AND status = 'aangemeld' AND eerste_gesprek_deadline < $2 THEN 1 ELSE 0 END)
			FROM zaken_zaak WHERE gemeente = $1 AND eerste_gesprek_deadline > '' GROUP BY eerste_gesprek_deadline, crisis`,
			func(in *Indicatoren, crisis bool) []*Termijnmaat {
				if crisis {
					return []*Termijnmaat{&in.Gesprekken, &in.Crisis}
				}
				return []*Termijnmaat{&in.Gesprekken}
			}},
		{`SELECT besluit_deadline, 0,
			SUM(CASE WHEN besluit_datum <> '' AND besluit_datum <= besluit_deadline THEN 1 ELSE 0 END),
			SUM(CASE WHEN besluit_datum <> '' AND besluit_datum > besluit_deadline THEN 1 ELSE 0 END),
			SUM(CASE WHEN besluit_datum = '' AND status = 'intake' AND besluit_deadline < $2 THEN 1 ELSE 0 END)
			FROM zaken_zaak WHERE gemeente = $1 AND besluit_deadline > '' GROUP BY besluit_deadline`,
			func(in *Indicatoren, _ bool) []*Termijnmaat { return []*Termijnmaat{&in.Besluiten} }},
	}
	for _, tq := range termijnen {
		rows, err := s.db.QueryContext(ctx, tq.q, gemeente, vandaag.String())
		if err != nil {
			return nil, fmt.Errorf("zaken: indicatoren: %w", store.MapError(err))
		}
		for rows.Next() {
			var j string
			var crisis, op, laat, niet int
			if err := rows.Scan(&j, &crisis, &op, &laat, &niet); err != nil {
				rows.Close()
				return nil, fmt.Errorf("zaken: indicatoren: %w", err)
			}
			jr, err := strconv.Atoi(j[:min(4, len(j))])
			if err != nil {
				continue
			}
			for _, m := range tq.put(jaar(jr), crisis == 1) {
				m.OpTijd += op
				m.TeLaat += laat
				m.NogNiet += niet
				m.Beoordeeld += op + laat + niet
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("zaken: indicatoren: %w", err)
		}
	}
	// Art. 4 lid 3: the days from the first conversation to the end, per year of the end.
	rows, err := s.db.QueryContext(ctx, `SELECT einde, status, doorloop_dagen, COUNT(*)
		FROM zaken_zaak WHERE gemeente = $1 AND einde > '' AND doorloop_dagen >= 0 GROUP BY einde, status, doorloop_dagen`, gemeente)
	if err != nil {
		return nil, fmt.Errorf("zaken: indicatoren: %w", store.MapError(err))
	}
	for rows.Next() {
		var j, st string
		var d, n int
		if err := rows.Scan(&j, &st, &d, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("zaken: indicatoren: %w", err)
		}
		afgerond := 0
		if Status(st) == Afgerond {
			afgerond = 1
		}
		jr, err := strconv.Atoi(j[:min(4, len(j))])
		if err != nil {
			continue
		}
		jaar(jr)
		dagen[jr][1][d] += n
		if afgerond == 1 {
			dagen[jr][0][d] += n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("zaken: indicatoren: %w", err)
	}
	dg, err := s.startPerJaar(ctx, gemeente) // doelgroep.go
	if err != nil {
		return nil, err
	}
	for j, g := range dg {
		jaar(j).Doelgroep = g
	}
	var jaren []int
	for j := range per {
		jaren = append(jaren, j)
	}
	slices.Sort(jaren)
	alle := Indicatoren{}
	alleDagen := [2]map[int]int{{}, {}}
	for _, j := range jaren {
		in := per[j]
		for _, p := range [][2]*Termijnmaat{{&alle.Gesprekken, &in.Gesprekken}, {&alle.Crisis, &in.Crisis}, {&alle.Besluiten, &in.Besluiten}} {
			p[0].Beoordeeld += p[1].Beoordeeld
			p[0].OpTijd += p[1].OpTijd
			p[0].TeLaat += p[1].TeLaat
			p[0].NogNiet += p[1].NogNiet
		}
		alle.Doelgroep.Gestart += in.Doelgroep.Gestart
		alle.Doelgroep.Statushouder += in.Doelgroep.Statushouder
		for k := range 2 {
			for d, n := range dagen[j][k] {
				alleDagen[k][d] += n
			}
		}
	}
	var out []Indicatoren
	if len(jaren) > 0 {
		for j := jaren[0]; j <= max(vandaag.Jaar(), jaren[len(jaren)-1]); j++ {
			in := jaar(j)
			in.Resultaat, in.Einde = weken(dagen[j][0]), weken(dagen[j][1])
			in.Doelgroep.Jaar = j
			out = append(out, *in)
		}
	}
	alle.Resultaat, alle.Einde = weken(alleDagen[0]), weken(alleDagen[1])
	return append(out, alle), nil
}
