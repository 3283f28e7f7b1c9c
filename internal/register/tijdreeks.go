package register

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/store"
)

// The dimensions of the counts kept per snapshot (table register_tijdreeks). Besides the scan's target
// groups (inkomensbron, leeftijd, woonplaats) they count the regelingen households receive and the
// composition of the household (the leefvorm needs the national norms, which the import does not use).
const (
	ReeksTotaal        = "totaal"
	ReeksWoonplaats    = "woonplaats"
	ReeksOntvangt      = "ontvangt" // per regeling received
	ReeksInkomensbron  = "inkomensbron"
	ReeksLeeftijd      = "leeftijd"
	ReeksSamenstelling = "samenstelling"
)

// Reekswaarde is the number of households of one group in one snapshot.
type Reekswaarde struct {
	ImportID    int64  `json:"import_id"`
	Peildatum   string `json:"peildatum"` // jjjj-mm-dd: the import's reference date
	Dimensie    string `json:"dimensie"`
	Groep       string `json:"groep"`
	Huishoudens int64  `json:"huishoudens"`
}

// telling counts the households of one import while it is read. It counts the rows stored, so a
// household id that appears twice in one file is counted twice.
type telling struct {
	datum time.Time
	per   map[[2]string]int64
}

func nieuweTelling(datum time.Time) *telling {
	return &telling{datum: datum, per: map[[2]string]int64{}}
}

func (t *telling) voeg(rec *Record) {
	h := &rec.H
	t.per[[2]string{ReeksTotaal, ""}]++
	t.per[[2]string{ReeksWoonplaats, h.Woonplaats}]++
	for i, o := range h.Ontvangt {
		if !slices.ContainsFunc(h.Ontvangt[:i], func(v huishouden.Ontvangst) bool { return v.Regeling == o.Regeling }) {
			t.per[[2]string{ReeksOntvangt, o.Regeling}]++
		}
	}
	t.per[[2]string{ReeksInkomensbron, HoofdInkomensbron(h).String()}]++
	lg := LeeftijdOnbekend
	partner, kind := false, false
	for i := range h.Personen {
		p := &h.Personen[i]
		switch p.Rol {
		case huishouden.Aanvrager:
			if j, ok := p.Leeftijd(t.datum); ok {
				lg = LeeftijdsgroepVan(j, true)
			}
		case huishouden.Partner:
			partner = true
		case huishouden.Kind:
			kind = true
		}
	}
	t.per[[2]string{ReeksLeeftijd, lg.String()}]++
	sam := "alleenstaand"
	switch {
	case partner && kind:
		sam = "paar met kinderen"
	case partner:
		sam = "paar"
	case kind:
		sam = "alleenstaande ouder"
	}
	t.per[[2]string{ReeksSamenstelling, sam}]++
}

// groepen returns the counts in a stable order.
func (t *telling) groepen() []Reekswaarde {
	out := make([]Reekswaarde, 0, len(t.per))
	for k, n := range t.per {
		out = append(out, Reekswaarde{Dimensie: k[0], Groep: k[1], Huishoudens: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Dimensie != out[j].Dimensie {
			return out[i].Dimensie < out[j].Dimensie
		}
		return out[i].Groep < out[j].Groep
	})
	return out
}

// Tijdreeks returns the counts of every snapshot of a gemeente, also of snapshots whose households
// retention has deleted, oldest snapshot first: the household register's time series for the monitor.
// dimensie "" gives every dimension.
func Tijdreeks(ctx context.Context, db *store.DB, gemeente, dimensie string) ([]Reekswaarde, error) {
	rows, err := db.SQL().QueryContext(ctx, `SELECT import_id, peildatum, dimensie, groep, huishoudens FROM register_tijdreeks
		WHERE gemeente = $1 AND ($2 = '' OR dimensie = $2) ORDER BY import_id, dimensie, groep`, gemeente, dimensie)
	if err != nil {
		return nil, fmt.Errorf("register: tijdreeks: %w", store.MapError(err))
	}
	defer rows.Close()
	var out []Reekswaarde
	for rows.Next() {
		var r Reekswaarde
		if err := rows.Scan(&r.ImportID, &r.Peildatum, &r.Dimensie, &r.Groep, &r.Huishoudens); err != nil {
			return nil, fmt.Errorf("register: tijdreeks: %w", store.MapError(err))
		}
		out = append(out, r)
	}
	return out, store.MapError(rows.Err())
}
