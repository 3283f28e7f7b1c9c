package synth

import (
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
)

// Meting counts what a population looks like, in the terms of the seeds: households under 120% of
// the social minimum (income of aanvrager and partner ≤ 120% of their bijstandsnorm including
// vakantietoeslag, regels.Feiten.NormInclVT) and their composition.
type Meting struct {
	Huishoudens  int
	Laag         int // ≤ 120%
	LaagAlleen   int // one person
	LaagKinderen int // with minor children
	LaagJong     int // aanvrager younger than 24
	LaagBron     [register.AantalInkomensbronnen]int
	PerDorp      map[string][2]int // households, low
	// Per regeling of the pack (when given): entitled and, of those, already receiving.
	Recht, RechtOntvangt map[string]int
}

// NieuweMeting returns an empty Meting.
func NieuweMeting() *Meting {
	return &Meting{PerDorp: map[string][2]int{}, Recht: map[string]int{}, RechtOntvangt: map[string]int{}}
}

// Tel adds one household. pk may be nil.
func (m *Meting) Tel(rec *register.Record, datum time.Time, params *nl.Parameters, pk *regels.Pakket, uit []regels.Kort) error {
	f, err := regels.Afleiden(&rec.H, datum, params)
	if err != nil {
		return fmt.Errorf("synth: meting %s: %w", rec.ID, err)
	}
	m.Huishoudens++
	d := m.PerDorp[rec.H.Woonplaats]
	d[0]++
	if OnderGrens(&f, geld.Procent(120)) {
		m.Laag++
		d[1]++
		if f.Personen == 1 {
			m.LaagAlleen++
		}
		if f.MinderjarigeKinderen > 0 {
			m.LaagKinderen++
		}
		if f.LeeftijdBekend && f.LeeftijdAanvrager < 24 {
			m.LaagJong++
		}
		m.LaagBron[register.HoofdInkomensbron(&rec.H)]++
	}
	m.PerDorp[rec.H.Woonplaats] = d
	if pk != nil {
		pk.EvalueerFeiten(&f, uit)
		for i, reg := range pk.Regelingen {
			if uit[i].Oordeel != regels.Recht {
				continue
			}
			m.Recht[reg.ID]++
			if _, ok := rec.H.OntvangtRegeling(reg.ID); ok {
				m.RechtOntvangt[reg.ID]++
			}
		}
	}
	return nil
}

// OnderGrens reports whether the household's income is at most pct of its bijstandsnorm including
// vakantietoeslag (false when income or norm is unknown).
func OnderGrens(f *regels.Feiten, pct geld.Percentage) bool {
	return f.NormBekend && f.InkomenBekend && f.Inkomen <= f.NormInclVT.VanHalfOmhoog(pct)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Schrijf prints the measurement as a short table.
func (m *Meting) Schrijf(w io.Writer) {
	fmt.Fprintf(w, "huishoudens                 %8d\n", m.Huishoudens)
	fmt.Fprintf(w, "tot 120%% sociaal minimum    %8d  %5.1f%%\n", m.Laag, pct(m.Laag, m.Huishoudens))
	fmt.Fprintf(w, "  eenpersoons               %8d  %5.1f%% van de groep\n", m.LaagAlleen, pct(m.LaagAlleen, m.Laag))
	fmt.Fprintf(w, "  met minderjarige kinderen %8d  %5.1f%%\n", m.LaagKinderen, pct(m.LaagKinderen, m.Laag))
	fmt.Fprintf(w, "  aanvrager jonger dan 24   %8d  %5.1f%%\n", m.LaagJong, pct(m.LaagJong, m.Laag))
	for b := register.InkomenGeen; b < register.Inkomensbron(register.AantalInkomensbronnen); b++ {
		if m.LaagBron[b] > 0 {
			fmt.Fprintf(w, "  inkomen: %-16s %8d  %5.1f%%\n", b, m.LaagBron[b], pct(m.LaagBron[b], m.Laag))
		}
	}
	dorpen := make([]string, 0, len(m.PerDorp))
	for d := range m.PerDorp {
		dorpen = append(dorpen, d)
	}
	sort.Strings(dorpen)
	for _, d := range dorpen {
		v := m.PerDorp[d]
		fmt.Fprintf(w, "dorp %-22s %8d  %5.1f%% tot 120%%\n", d, v[0], pct(v[1], v[0]))
	}
	ids := make([]string, 0, len(m.Recht))
	for id := range m.Recht {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Fprintf(w, "bereik %-28s %6d recht, %6d ontvangt  %5.1f%%\n", id, m.Recht[id], m.RechtOntvangt[id], pct(m.RechtOntvangt[id], m.Recht[id]))
	}
}
