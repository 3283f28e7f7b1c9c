package regels

import (
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// The parts of the compiler for what a regeling gives besides money rules: help in kind, limited places,
// amounts of earlier years, and kwijtschelding's national calculation.

// hulpVorm compiles in_natura and plaatsen of a regeling.
func (c *compiler) hulpVorm(at func(rest ...any) []any, r *rawRegeling, reg *Regeling) {
	if n := r.InNatura; n != nil {
		reg.InNatura = &InNatura{Wat: n.Wat, WatEN: n.WatEN}
		if strings.TrimSpace(n.Wat) == "" {
			c.fout(at("in_natura"), "regeling %s: in_natura: wat ontbreekt (wat krijgt de inwoner, in B1)", r.ID)
		}
		if n.Waarde != "" {
			w := c.geld(at("in_natura", "waarde"), n.Waarde, "waarde")
			reg.InNatura.Waarde = &w
			if n.Bron.leeg() {
				c.fout(at("in_natura"), "regeling %s: in_natura: waarde zonder bron", r.ID)
			}
		}
		if !n.Bron.leeg() {
			reg.InNatura.Bron = c.bron(at("in_natura", "bron"), n.Bron)
		}
	}
	if pl := r.Plaatsen; pl != nil {
		switch {
		case pl.Aantal == nil || *pl.Aantal <= 0:
			c.fout(at("plaatsen"), "regeling %s: plaatsen: aantal ontbreekt of is niet groter dan 0", r.ID)
		case pl.Bron.leeg():
			c.fout(at("plaatsen"), "regeling %s: plaatsen zonder bron", r.ID)
		default:
			reg.Plaatsen = &Plaatsen{Aantal: *pl.Aantal, Bron: c.bron(at("plaatsen", "bron"), pl.Bron)}
		}
	}
}

// eerder compiles the amounts of earlier years beside an amount.
func (c *compiler) eerder(at func(k string) []any, id string, rs []rawEerder) []EerderBedrag {
	var out []EerderBedrag
	for j, e := range rs {
		ep := append(at("eerder"), j)
		if e.Jaar == nil || *e.Jaar < 1900 || *e.Jaar > 2100 {
			c.fout(ep, "regeling %s: eerder: jaar ontbreekt of is geen jaartal", id)
			continue
		}
		if e.Bron.leeg() {
			c.fout(ep, "regeling %s: eerder %d: bron ontbreekt (elk bedrag heeft een bron)", id, *e.Jaar)
			continue
		}
		if e.Leefvorm != "" {
			if _, err := nl.ParseLeefvorm(e.Leefvorm); err != nil {
				c.fout(append(ep, "leefvorm"), "regeling %s: eerder: leefvorm %q bestaat niet (alleenstaande, alleenstaande_ouder, gehuwden)", id, e.Leefvorm)
			}
		}
		out = append(out, EerderBedrag{
			Jaar: *e.Jaar, Leefvorm: e.Leefvorm, Bedrag: c.geld(append(ep, "bedrag"), e.Bedrag, "bedrag"),
			Uitleg: e.Uitleg, UitlegEN: e.UitlegEN, Bron: c.bron(append(ep, "bron"), e.Bron),
		})
	}
	return out
}

// kwijtschelding compiles the amount rule of kwijtschelding's national calculation into b.
func (c *compiler) kwijtschelding(path []any, id string, r *rawBedrag, b *bedragRegel) {
	at := func(k string) []any { return append(append([]any{}, path...), k) }
	// The national calculation (Uitvoeringsregeling Invorderingswet 1990): what is left of the net
	// income after the costs of living is the payment capacity; nothing left is full remission.
	b.soort = bedragKwijtschelding
	if r.KostenVanBestaan == "" {
		c.fout(path, "regeling %s: bedrag kwijtschelding: kosten_van_bestaan ontbreekt", id)
	} else {
		b.kvb = c.procent(at("kosten_van_bestaan"), r.KostenVanBestaan, r.Bron)
	}
	if r.Ondergrens != "" {
		p, err := geld.ParsePercentage(r.Ondergrens)
		if err != nil || p <= 0 {
			c.fout(at("ondergrens"), "regeling %s: ondergrens %q is geen percentage", id, r.Ondergrens)
		}
		b.kvbOndergrens = p
	}
	if !b.kvb.bekend && b.kvbOndergrens == 0 {
		c.fout(path, "regeling %s: bedrag kwijtschelding: kosten_van_bestaan is onbekend en ondergrens ontbreekt", id)
	}
	b.normBasis, _ = c.basis(at("norm_basis"), r.NormBasis)
	if b.normBasis == basisOnbekend {
		c.fout(at("norm_basis"), "regeling %s: bedrag kwijtschelding: norm_basis moet incl_vt of excl_vt zijn", id)
	}
}

// perDatum compiles an amount that changes on a date inside the pack (soort vast with per_datum), such
// as a national amount set per calendar year: each entry has its first day, amount and source, in
// ascending order; the evaluation takes the one that applies on the reference date.
func (c *compiler) perDatum(path []any, id string, r *rawBedrag, b *bedragRegel) {
	at := func(rest ...any) []any { return append(append([]any{}, path...), rest...) }
	if r.Bedrag != "" {
		c.fout(at("bedrag"), "regeling %s: bedrag en per_datum samen: kies één van beide", id)
	}
	for j, e := range r.PerDatum {
		d, err := time.Parse(time.DateOnly, e.Vanaf)
		if err != nil {
			c.fout(at("per_datum", j, "vanaf"), "regeling %s: per_datum %d: vanaf %q is geen datum (jjjj-mm-dd)", id, j+1, e.Vanaf)
			continue
		}
		if n := len(b.perDatum); n > 0 && !d.After(b.perDatum[n-1].vanaf) {
			c.fout(at("per_datum", j, "vanaf"), "regeling %s: per_datum %d: de datums moeten oplopen", id, j+1)
		}
		if e.Bron.leeg() {
			c.fout(at("per_datum", j), "regeling %s: per_datum %d: bedrag zonder bron", id, j+1)
		}
		b.perDatum = append(b.perDatum, datumBedrag{vanaf: d, bedrag: c.geld(at("per_datum", j, "bedrag"), e.Bedrag, "bedrag"), bron: c.bron(at("per_datum", j, "bron"), e.Bron)})
	}
	if !r.Bron.leeg() {
		b.bron = c.bron(at("bron"), r.Bron)
	} else if len(b.perDatum) > 0 {
		b.bron = b.perDatum[len(b.perDatum)-1].bron
	}
}

// sortedKeys returns the keys of m in order, so errors and open terms come out the same every time.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
