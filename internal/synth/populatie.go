package synth

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
)

// PopulatieOpties configure Genereer.
type PopulatieOpties struct {
	Profiel *Profiel
	Seed    uint64
	Aantal  int       // households; 0 = the profile's number
	Datum   time.Time // reference date: ages, norms and "since" dates are computed at this date
	Params  *nl.Parameters
	// Pakket, when set, gives the regelingen whose observed reach the population reproduces: of the
	// households entitled to a regeling, the profile's share receive it already.
	Pakket *regels.Pakket
}

// samenstelling is the shape of a household.
type samenstelling uint8

const (
	alleen samenstelling = iota
	paarZonder
	paarMet
	eenouder
)

// slot is what the generator has decided about a household before drawing its details.
type slot struct {
	laag bool
	sam  samenstelling
	bron register.Inkomensbron
	jong bool
}

// Genereer produces a synthetic population, deterministic for (profile, seed, aantal, datum, pack),
// calling fn for every household in order. Ids are "<gemeente>-<nnnnnnn>"; BSNs come from the test
// range (BSNs). The share of households under 120% of the social minimum is exact: every low
// household's income is set from its own bijstandsnorm (NormInclVT, from package nl, including the
// kostendelersnorm) and checked with regels.Afleiden.
func Genereer(ctx context.Context, o PopulatieOpties, fn func(*register.Record) error) error {
	p := o.Profiel
	if p == nil || o.Params == nil {
		return fmt.Errorf("synth: populatie: profiel en landelijke parameters zijn nodig")
	}
	n := o.Aantal
	if n <= 0 {
		n = p.Huishoudens
	}
	h := fnv.New64a()
	h.Write([]byte(p.Gemeente))
	r := rand.New(rand.NewPCG(o.Seed, h.Sum64()))
	g := &generator{o: o, p: p, r: r, bsns: BSNs()}

	nLaag := int(math.Round(float64(n) * p.Laag))
	dorpN := verdeel(n, gewichten(p.Dorpen, func(d Dorp) float64 { return d.Gewicht }))
	dorpL := verdeelLaag(nLaag, dorpN, p.Dorpen)
	slots := g.laagSlots(nLaag)

	volg := 0
	next := 0 // next low slot
	for di, d := range p.Dorpen {
		kinds := make([]bool, dorpN[di]) // true = low
		for i := 0; i < dorpL[di]; i++ {
			kinds[i] = true
		}
		r.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
		for _, laag := range kinds {
			if volg%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			volg++
			var s slot
			if laag {
				s = slots[next]
				next++
			} else {
				s = g.hoogSlot()
			}
			rec, err := g.huishouden(volg, d.Naam, s)
			if err != nil {
				return err
			}
			if err := fn(rec); err != nil {
				return err
			}
		}
	}
	return nil
}

type generator struct {
	o    PopulatieOpties
	p    *Profiel
	r    *rand.Rand
	bsns []string
	bsn  int
	uit  []regels.Kort
}

func gewichten(ds []Dorp, f func(Dorp) float64) []float64 {
	w := make([]float64, len(ds))
	for i, d := range ds {
		w[i] = f(d)
	}
	return w
}

// verdeel splits n over weights by the largest-remainder method, so the parts add up to n exactly.
func verdeel(n int, w []float64) []int {
	var som float64
	for _, x := range w {
		som += x
	}
	out := make([]int, len(w))
	type rest struct {
		i int
		f float64
	}
	rs := make([]rest, len(w))
	toegekend := 0
	for i, x := range w {
		exact := 0.0
		if som > 0 {
			exact = float64(n) * x / som
		}
		out[i] = int(math.Floor(exact))
		toegekend += out[i]
		rs[i] = rest{i, exact - math.Floor(exact)}
	}
	sort.SliceStable(rs, func(a, b int) bool { return rs[a].f > rs[b].f })
	for k := 0; toegekend < n && len(rs) > 0; k = (k + 1) % len(rs) {
		out[rs[k].i]++
		toegekend++
	}
	return out
}

// verdeelLaag splits the low-income households over villages in proportion to households × factor,
// never more than a village has.
func verdeelLaag(nLaag int, dorpN []int, ds []Dorp) []int {
	w := make([]float64, len(ds))
	for i, d := range ds {
		w[i] = float64(dorpN[i]) * d.Factor
	}
	out := verdeel(nLaag, w)
	// Move any excess (a tiny village with a high factor) to the others.
	over := 0
	for i := range out {
		if out[i] > dorpN[i] {
			over += out[i] - dorpN[i]
			out[i] = dorpN[i]
		}
	}
	for i := 0; over > 0 && i < len(out); i++ {
		ruimte := dorpN[i] - out[i]
		m := min(ruimte, over)
		out[i] += m
		over -= m
	}
	return out
}

// laagSlots fixes composition and income source of the low-income group by quota, so the profile's
// counts come out exactly (up to rounding), and shuffles them. AOW goes only to households without
// minor children.
func (g *generator) laagSlots(nLaag int) []slot {
	p := g.p
	nAlleen := int(math.Round(float64(nLaag) * p.LaagAlleen))
	nKind := int(math.Round(float64(nLaag) * p.LaagKinderen))
	if nAlleen+nKind > nLaag {
		nKind = nLaag - nAlleen
	}
	sams := make([]samenstelling, 0, nLaag)
	for i := 0; i < nAlleen; i++ {
		sams = append(sams, alleen)
	}
	for i := 0; i < nKind; i++ {
		// Half single parents, half couples with children (an assumption; no seed splits them).
		if i%2 == 0 {
			sams = append(sams, eenouder)
		} else {
			sams = append(sams, paarMet)
		}
	}
	for len(sams) < nLaag {
		sams = append(sams, paarZonder)
	}
	bronnen := []register.Inkomensbron{register.InkomenAOW, register.InkomenBijstand, register.InkomenUitkering, register.InkomenWerk, register.InkomenOnderneming, register.InkomenOverig}
	w := make([]float64, len(bronnen))
	for i, b := range bronnen {
		w[i] = p.LaagBron[b]
	}
	aantallen := verdeel(nLaag, w)

	// Households without children get AOW first.
	zonder, met := []int{}, []int{}
	for i, s := range sams {
		if s == alleen || s == paarZonder {
			zonder = append(zonder, i)
		} else {
			met = append(met, i)
		}
	}
	g.r.Shuffle(len(zonder), func(i, j int) { zonder[i], zonder[j] = zonder[j], zonder[i] })
	slots := make([]slot, nLaag)
	for i, s := range sams {
		slots[i] = slot{laag: true, sam: s}
	}
	nAOW := min(aantallen[0], len(zonder))
	for k := 0; k < nAOW; k++ {
		slots[zonder[k]].bron = register.InkomenAOW
	}
	rest := append(append([]int{}, zonder[nAOW:]...), met...)
	g.r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	k := 0
	for bi := 1; bi < len(bronnen); bi++ {
		for c := 0; c < aantallen[bi] && k < len(rest); c++ {
			slots[rest[k]].bron = bronnen[bi]
			k++
		}
	}
	for ; k < len(rest); k++ { // AOW quota larger than the households without children
		slots[rest[k]].bron = register.InkomenUitkering
	}
	// The young: singles not on AOW.
	nJong := int(math.Round(float64(nLaag) * p.LaagJong))
	for i := range slots {
		if nJong == 0 {
			break
		}
		if slots[i].sam == alleen && slots[i].bron != register.InkomenAOW {
			slots[i].jong = true
			nJong--
		}
	}
	g.r.Shuffle(len(slots), func(i, j int) { slots[i], slots[j] = slots[j], slots[i] })
	return slots
}

// hoogSlot draws a household above 120%. The shares are assumptions near national household
// statistics (docs/populatie.md).
func (g *generator) hoogSlot() slot {
	s := slot{}
	x := g.r.Float64()
	switch {
	case x < 0.36:
		s.sam = alleen
	case x < 0.66:
		s.sam = paarZonder
	case x < 0.92:
		s.sam = paarMet
	default:
		s.sam = eenouder
	}
	y := g.r.Float64()
	switch {
	case (s.sam == alleen || s.sam == paarZonder) && y < 0.40:
		s.bron = register.InkomenAOW
	case y < 0.88:
		s.bron = register.InkomenWerk
	case y < 0.96:
		s.bron = register.InkomenOnderneming
	default:
		s.bron = register.InkomenUitkering
	}
	return s
}

func (g *generator) nextBSN() string {
	b := g.bsns[g.bsn%len(g.bsns)]
	g.bsn++
	return b
}

func (g *generator) geboren(jaren int) *datum.Datum {
	d := g.o.Datum.AddDate(-jaren, 0, -g.r.IntN(365))
	v := datum.Nieuw(d.Year(), d.Month(), d.Day())
	return &v
}

func (g *generator) maandenGeleden(m int) *datum.Datum {
	d := g.o.Datum.AddDate(0, -m, 0)
	v := datum.Nieuw(d.Year(), d.Month(), 1)
	if v.Tijd().After(g.o.Datum) {
		v = v.PlusMaanden(-1)
	}
	return &v
}

func (g *generator) tussen(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// huishouden draws the details of one household.
func (g *generator) huishouden(volg int, dorp string, s slot) (*register.Record, error) {
	r := g.r
	rec := &register.Record{ID: fmt.Sprintf("%s-%07d", g.p.Gemeente, volg)}
	h := &rec.H
	h.Gemeente = g.p.Gemeente
	h.Woonplaats = dorp
	h.Postcode = Adres(volg).Postcode // the residents' address (Adres, Bewoners) has this postcode
	h.Ontvangt = []huishouden.Ontvangst{}

	aow := s.bron == register.InkomenAOW
	var leeftijd int
	switch {
	case aow:
		leeftijd = 68 + min(r.IntN(12)+r.IntN(14), 30)
	case s.jong:
		leeftijd = g.tussen(18, 23)
	case s.sam == paarMet || s.sam == eenouder:
		leeftijd = g.tussen(24, 55)
	default:
		leeftijd = g.tussen(24, 66)
	}
	h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Aanvrager, Geboortedatum: g.geboren(leeftijd)})
	rec.BSN = append(rec.BSN, g.nextBSN())
	if s.sam == paarZonder || s.sam == paarMet {
		pl := leeftijd + g.tussen(-3, 3)
		if aow {
			pl = max(pl, 68)
		} else {
			pl = min(max(pl, 18), 66)
		}
		h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Partner, Geboortedatum: g.geboren(pl)})
		rec.BSN = append(rec.BSN, g.nextBSN())
	}
	if s.sam == paarMet || s.sam == eenouder {
		kinderen := 1 + r.IntN(2) + r.IntN(2)
		for k := 0; k < kinderen; k++ {
			kl := g.tussen(0, min(17, leeftijd-18))
			h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Kind, Geboortedatum: g.geboren(kl)})
			rec.BSN = append(rec.BSN, g.nextBSN())
		}
	}

	// The norm of this household, from the national data.
	f, err := regels.Afleiden(h, g.o.Datum, g.o.Params)
	if err != nil {
		return nil, fmt.Errorf("synth: populatie %s: %w", rec.ID, err)
	}
	if !f.NormBekend {
		return nil, fmt.Errorf("synth: populatie %s: bijstandsnorm onbekend", rec.ID)
	}
	grens120 := f.NormInclVT.VanHalfOmhoog(geld.Procent(120))
	var totaal geld.Bedrag
	if s.laag {
		switch s.bron {
		case register.InkomenBijstand:
			totaal = f.NormExclVT // bijstand is paid without the reserved vakantietoeslag
		case register.InkomenAOW:
			totaal = deel(f.NormInclVT, 0.98+0.21*r.Float64())
		case register.InkomenWerk, register.InkomenOnderneming:
			totaal = deel(f.NormInclVT, 0.70+0.49*r.Float64())
		case register.InkomenUitkering:
			totaal = deel(f.NormInclVT, 0.85+0.34*r.Float64())
		default:
			totaal = deel(f.NormInclVT, 0.60+0.59*r.Float64())
		}
		totaal = min(totaal, grens120)
	} else {
		var ratio float64
		if r.Float64() < 0.2 {
			ratio = 1.2 + 0.25*r.Float64()
		} else {
			ratio = 1.45 + r.ExpFloat64()*1.1
		}
		totaal = max(deel(f.NormInclVT, ratio), grens120+geld.Bedrag(100))
	}
	g.verdeelInkomen(h, s, totaal)

	// Assets: the gemeente knows them for most low-income households, for fewer others.
	switch {
	case s.bron == register.InkomenBijstand:
		v := geld.Euro(int64(r.IntN(6000)))
		h.Vermogen = &v
	case s.laag && r.Float64() < 0.9, !s.laag && r.Float64() < 0.6:
		var v geld.Bedrag
		if r.Float64() < 0.8 {
			v = geld.Euro(int64(r.IntN(5000)))
		} else {
			v = geld.Euro(int64(5000 + r.IntN(60000)))
		}
		h.Vermogen = &v
	}
	if s.laag || r.Float64() < 0.3 {
		huur := geld.Euro(int64(g.tussen(450, 900)))
		h.Wonen = huishouden.Wonen{Soort: huishouden.Huur, HuurPerMaand: &huur}
	} else {
		h.Wonen = huishouden.Wonen{Soort: huishouden.Koop}
	}
	if s.bron == register.InkomenBijstand {
		h.Ontvangt = append(h.Ontvangt, huishouden.Ontvangst{Regeling: "bijstand", Sinds: g.maandenGeleden(g.tussen(1, 120))})
	} else if s.laag {
		// Two thirds have had a low income for more than four years (Westerkwartier seed).
		if r.Float64() < 2.0/3 {
			h.LaagInkomenSinds = g.maandenGeleden(g.tussen(49, 120))
		} else {
			h.LaagInkomenSinds = g.maandenGeleden(g.tussen(3, 48))
		}
	}
	if err := g.gebruik(rec); err != nil {
		return nil, err
	}
	return rec, nil
}

// deel is ratio × b, rounded half up to cents; ratio is a drawn number, not a legal percentage.
func deel(b geld.Bedrag, ratio float64) geld.Bedrag {
	return b.VanHalfOmhoog(geld.Percentage(math.Round(ratio * 10000)))
}

// verdeelInkomen spreads the household's total net income over aanvrager and partner by source.
func (g *generator) verdeelInkomen(h *huishouden.Huishouden, s slot, totaal geld.Bedrag) {
	aanvrager := &h.Personen[0]
	var partner *huishouden.Persoon
	if len(h.Personen) > 1 && h.Personen[1].Rol == huishouden.Partner {
		partner = &h.Personen[1]
	}
	add := func(p *huishouden.Persoon, soort huishouden.InkomenSoort, b geld.Bedrag) {
		if b > 0 {
			p.Inkomens = append(p.Inkomens, huishouden.Inkomen{Soort: soort, BedragPerMaand: b})
		}
	}
	switch s.bron {
	case register.InkomenAOW:
		pensioen := totaal.VanHalfOmhoog(geld.Procent(int64(5 + g.r.IntN(20))))
		if !s.laag {
			pensioen = totaal.VanHalfOmhoog(geld.Procent(int64(20 + g.r.IntN(40))))
		}
		aow := totaal - pensioen
		if partner != nil {
			half := aow.DeelHalfOmhoog(2)
			add(aanvrager, huishouden.AOW, half)
			add(partner, huishouden.AOW, aow-half)
		} else {
			add(aanvrager, huishouden.AOW, aow)
		}
		add(aanvrager, huishouden.Pensioen, pensioen)
	case register.InkomenBijstand:
		if partner != nil {
			half := totaal.DeelHalfOmhoog(2)
			add(aanvrager, huishouden.Bijstand, half)
			add(partner, huishouden.Bijstand, totaal-half)
		} else {
			add(aanvrager, huishouden.Bijstand, totaal)
		}
	default:
		soort := map[register.Inkomensbron]huishouden.InkomenSoort{
			register.InkomenWerk: huishouden.Loon, register.InkomenOnderneming: huishouden.EigenOnderneming,
			register.InkomenUitkering: huishouden.Uitkering, register.InkomenOverig: huishouden.Overig,
		}[s.bron]
		if partner != nil && g.r.Float64() < 0.6 {
			hoofd := totaal.VanHalfOmhoog(geld.Procent(int64(60 + g.r.IntN(30))))
			add(aanvrager, soort, hoofd)
			add(partner, huishouden.Loon, totaal-hoofd)
		} else {
			add(aanvrager, soort, totaal)
		}
	}
}

// gebruik marks, for every regeling of the pack the household is entitled to, whether it already
// receives it, with the profile's observed reach as the probability.
func (g *generator) gebruik(rec *register.Record) error {
	pk := g.o.Pakket
	if pk == nil {
		return nil
	}
	f, err := regels.Afleiden(&rec.H, g.o.Datum, g.o.Params)
	if err != nil {
		return fmt.Errorf("synth: populatie %s: %w", rec.ID, err)
	}
	if len(g.uit) != len(pk.Regelingen) {
		g.uit = make([]regels.Kort, len(pk.Regelingen))
	}
	pk.EvalueerFeiten(&f, g.uit)
	for i, reg := range pk.Regelingen {
		if g.uit[i].Oordeel != regels.Recht {
			continue
		}
		if g.r.Float64() < g.p.gebruikVoor(reg.ID) {
			rec.H.Ontvangt = append(rec.H.Ontvangt, huishouden.Ontvangst{Regeling: reg.ID, Sinds: g.maandenGeleden(g.tussen(1, 36))})
		}
	}
	return nil
}
