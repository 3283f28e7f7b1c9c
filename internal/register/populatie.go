package register

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/store"
)

// Populatie is a gemeente's households at one reference date, held column by column for the scan:
// the facts of every household (regels.Feiten, a flat value) side by side with the target groups and
// a bit set of the regelingen each household already receives. A scan or a what-if walks these
// slices in parallel; nothing is looked up per household.
type Populatie struct {
	Gemeente     string
	Datum        time.Time
	IDs          []string
	Feiten       []regels.Feiten
	Inkomensbron []Inkomensbron
	Leeftijd     []Leeftijdsgroep
	Dorp         []uint16 // index in Dorpen
	Dorpen       []string
	Ontvangt     []uint64 // bit i: receives Namen[i]
	Namen        []string // the regelingen households receive (at most 64 different ones)
	// Fouten counts households whose facts could not be derived (kept out of the population).
	Fouten int

	mu     sync.Mutex
	dorpen map[string]uint16
	namen  map[string]uint
}

// NieuwePopulatie returns an empty population with room for n households.
func NieuwePopulatie(gemeente string, datum time.Time, n int) *Populatie {
	return &Populatie{
		Gemeente: gemeente, Datum: datum,
		IDs: make([]string, 0, n), Feiten: make([]regels.Feiten, 0, n), Inkomensbron: make([]Inkomensbron, 0, n),
		Leeftijd: make([]Leeftijdsgroep, 0, n), Dorp: make([]uint16, 0, n), Ontvangt: make([]uint64, 0, n),
		dorpen: map[string]uint16{}, namen: map[string]uint{},
	}
}

// Len is the number of households.
func (p *Populatie) Len() int { return len(p.Feiten) }

// rij is one household in column form, before it is placed.
type rij struct {
	id       string
	f        regels.Feiten
	bron     Inkomensbron
	leeftijd Leeftijdsgroep
	dorp     uint16
	ontvangt uint64
}

func (p *Populatie) maakRij(rec *Record, params *nl.Parameters) (rij, error) {
	f, err := regels.Afleiden(&rec.H, p.Datum, params)
	if err != nil {
		return rij{}, err
	}
	r := rij{id: rec.ID, f: f, bron: HoofdInkomensbron(&rec.H), leeftijd: LeeftijdsgroepVan(f.LeeftijdAanvrager, f.LeeftijdBekend)}
	p.mu.Lock()
	defer p.mu.Unlock()
	d, ok := p.dorpen[rec.H.Woonplaats]
	if !ok {
		if len(p.Dorpen) >= 1<<16-1 {
			return rij{}, fmt.Errorf("register: meer dan %d woonplaatsen", 1<<16-1)
		}
		d = uint16(len(p.Dorpen))
		p.dorpen[rec.H.Woonplaats] = d
		p.Dorpen = append(p.Dorpen, rec.H.Woonplaats)
	}
	r.dorp = d
	for _, o := range rec.H.Ontvangt {
		b, ok := p.namen[o.Regeling]
		if !ok {
			if len(p.Namen) >= 64 {
				return rij{}, fmt.Errorf("register: meer dan 64 verschillende regelingen in 'ontvangt'")
			}
			b = uint(len(p.Namen))
			p.namen[o.Regeling] = b
			p.Namen = append(p.Namen, o.Regeling)
		}
		r.ontvangt |= 1 << b
	}
	// The regeling names in the facts point into the record; intern them so the record can go.
	for i := 0; i < r.f.AantalOntvangt; i++ {
		r.f.Ontvangt[i].Regeling = p.Namen[p.namen[r.f.Ontvangt[i].Regeling]]
	}
	r.f.Gemeente = p.Gemeente
	return r, nil
}

func (p *Populatie) plaats(r rij) {
	p.IDs = append(p.IDs, r.id)
	p.Feiten = append(p.Feiten, r.f)
	p.Inkomensbron = append(p.Inkomensbron, r.bron)
	p.Leeftijd = append(p.Leeftijd, r.leeftijd)
	p.Dorp = append(p.Dorp, r.dorp)
	p.Ontvangt = append(p.Ontvangt, r.ontvangt)
}

// Voeg adds a household (not concurrently with other calls).
func (p *Populatie) Voeg(rec *Record, params *nl.Parameters) error {
	r, err := p.maakRij(rec, params)
	if err != nil {
		return fmt.Errorf("register: %s: %w", rec.ID, err)
	}
	p.plaats(r)
	return nil
}

// Bit returns the bit of a received regeling, or 0 when no household receives it.
func (p *Populatie) Bit(regeling string) uint64 {
	if b, ok := p.namen[regeling]; ok {
		return 1 << b
	}
	return 0
}

// LaadPopulatie reads the gemeente's stored households and derives their facts at datum, parsing in
// parallel over all cores. Households whose facts cannot be derived (for example a date outside the
// national data) are counted in Fouten and left out.
func LaadPopulatie(ctx context.Context, db *store.DB, gemeente string, datum time.Time, params *nl.Parameters) (*Populatie, error) {
	n, err := AantalHuishoudens(ctx, db, gemeente)
	if err != nil {
		return nil, err
	}
	p := NieuwePopulatie(gemeente, datum, n)
	const blok = 2048
	type taak struct {
		volg int
		rows []string
	}
	type klaar struct {
		volg   int
		rijen  []rij
		fouten int
		err    error
	}
	taken := make(chan taak, 4)
	uit := make(chan klaar, 4)
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ind := StandaardIndeling()
			for t := range taken {
				k := klaar{volg: t.volg, rijen: make([]rij, 0, len(t.rows))}
				for _, g := range t.rows {
					rec, err := LeesGegevens(ind, g)
					if err != nil {
						k.err = err
						break
					}
					r, err := p.maakRij(rec, params)
					if err != nil {
						k.fouten++
						continue
					}
					k.rijen = append(k.rijen, r)
				}
				uit <- k
			}
		}()
	}
	var leesErr error
	go func() {
		defer close(taken)
		volg := 0
		buf := make([]string, 0, blok)
		leesErr = Huishoudens(ctx, db, gemeente, func(g string) error {
			buf = append(buf, g)
			if len(buf) == blok {
				taken <- taak{volg, buf}
				volg++
				buf = make([]string, 0, blok)
			}
			return nil
		})
		if len(buf) > 0 {
			taken <- taak{volg, buf}
		}
	}()
	go func() { wg.Wait(); close(uit) }()
	// Place blocks in read order so the population is in id order whatever the scheduling.
	wacht := map[int]klaar{}
	volgende := 0
	var eerste error
	for k := range uit {
		wacht[k.volg] = k
		for {
			kk, ok := wacht[volgende]
			if !ok {
				break
			}
			delete(wacht, volgende)
			volgende++
			if kk.err != nil && eerste == nil {
				eerste = kk.err
			}
			p.Fouten += kk.fouten
			for _, r := range kk.rijen {
				p.plaats(r)
			}
		}
	}
	if leesErr != nil {
		return nil, leesErr
	}
	if eerste != nil {
		return nil, eerste
	}
	return p, nil
}
