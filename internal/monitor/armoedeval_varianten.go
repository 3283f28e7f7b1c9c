package monitor

import (
	"fmt"
	"strings"

	"github.com/zeker-platform/zeker/internal/geld"
)

// What-if variants of the armoedeval for policy: the same curve before and after a change of one
// regeling of the gemeente, exact per household type.
//
//   - Glijdend: a sliding scale instead of a hard limit — after the cliff the regeling keeps its
//     amount and falls linearly to nil over a band of the bijstandsnorm (e.g. 20%: from the limit to
//     the limit plus 20% of the norm in net income).
//   - Bijverdienpremie: a premium per month for a household that works (gross wage above 0) with a net
//     income up to a percentage of the norm.
//   - ZachteLanding: the regeling is kept for N months after the income rises above the limit; the
//     curve is a year, so just above the cliff the household keeps N/12 of the amount in that year.
//
// The cost of a sliding scale over the population is the existing what-if (zeker watals with a
// glijdend amount in the pack; the snapshot of the register suffices). The cost of a zachte landing or a
// bijverdienpremie depends on how many households cross the limit in a year, which a snapshot cannot
// tell: Kosten computes it only from a share the policy officer enters with its source, and is
// otherwise unknown — never € 0.

// Variant is one what-if of the armoedeval.
type Variant struct {
	Soort    string          `json:"soort"` // "glijdend", "bijverdienpremie", "zachte_landing"
	Regeling string          `json:"regeling,omitempty"`
	Band     geld.Percentage `json:"band,omitempty"`    // glijdend: of the norm
	Bedrag   geld.Bedrag     `json:"bedrag,omitempty"`  // bijverdienpremie: per month
	Tot      geld.Percentage `json:"tot,omitempty"`     // bijverdienpremie: up to this net income, % of the norm
	Maanden  int             `json:"maanden,omitempty"` // zachte landing
}

// ParseVariant reads a variant as the CLI writes it: "glijdend:kindpakket=20%",
// "bijverdienpremie:50=130%" (€ 50 a month up to 130% of the norm), "zachte_landing:kindpakket=6".
func ParseVariant(s string) (Variant, error) {
	soort, rest, ok := strings.Cut(strings.TrimSpace(s), ":")
	links, rechts, ok2 := strings.Cut(rest, "=")
	if !ok || !ok2 || links == "" || rechts == "" {
		return Variant{}, fmt.Errorf("variant %q: schrijf glijdend:regeling=20%%, bijverdienpremie:50=130%% of zachte_landing:regeling=6", s)
	}
	v := Variant{Soort: soort}
	switch soort {
	case "glijdend":
		p, err := geld.ParsePercentage(rechts)
		if err != nil || p <= 0 || p > geld.Procent(200) {
			return v, fmt.Errorf("variant %q: de band %q is geen percentage van 0 tot 200", s, rechts)
		}
		v.Regeling, v.Band = links, p
	case "bijverdienpremie":
		b, err := geld.Parse(links)
		if err != nil || b <= 0 {
			return v, fmt.Errorf("variant %q: de premie %q is geen bedrag per maand boven 0", s, links)
		}
		p, err := geld.ParsePercentage(rechts)
		if err != nil || p <= 0 || p > geld.Procent(400) {
			return v, fmt.Errorf("variant %q: de grens %q is geen percentage van de bijstandsnorm", s, rechts)
		}
		v.Bedrag, v.Tot = b, p
	case "zachte_landing":
		var n int
		if _, err := fmt.Sscanf(rechts, "%d", &n); err != nil || n < 1 || n > 36 || fmt.Sprint(n) != rechts {
			return v, fmt.Errorf("variant %q: het aantal maanden %q is geen geheel getal van 1 tot 36", s, rechts)
		}
		v.Regeling, v.Maanden = links, n
	default:
		return v, fmt.Errorf("variant %q: onbekende soort %q (glijdend, bijverdienpremie, zachte_landing)", s, soort)
	}
	return v, nil
}

// Pas returns a copy of the curve with the variant applied; the regelingen and cliffs are computed
// anew. A variant of a regeling without a cliff in this curve changes nothing and says so.
func (c *Curve) Pas(v Variant) (*Curve, error) {
	n := &Curve{}
	*n = *c
	n.Punten = make([]Punt, len(c.Punten))
	comp := len(c.Regelingen)
	extra := 0
	if v.Soort == "bijverdienpremie" {
		extra = 1
		n.Regelingen = append(append([]Component(nil), c.Regelingen...), Component{ID: "bijverdienpremie", Naam: "Bijverdienpremie (wat als)"})
	}
	bedragen := make([]geld.Bedrag, len(c.Punten)*(comp+extra))
	for i := range c.Punten {
		n.Punten[i] = c.Punten[i]
		n.Punten[i].Regelingen = bedragen[i*(comp+extra) : (i+1)*(comp+extra)]
		copy(n.Punten[i].Regelingen, c.Punten[i].Regelingen)
	}
	ri := -1
	for i, r := range c.Regelingen {
		if r.ID == v.Regeling {
			ri = i
		}
	}
	switch v.Soort {
	case "glijdend", "zachte_landing":
		if ri < 0 {
			return nil, fmt.Errorf("%w: regeling %q staat niet in de curve", ErrArmoedeval, v.Regeling)
		}
		var klif *Klif
		for i := range c.Kliffen {
			if c.Kliffen[i].Regeling == v.Regeling {
				klif = &c.Kliffen[i]
				break
			}
		}
		if klif == nil {
			return nil, fmt.Errorf("%w: regeling %q heeft geen klif in deze curve (zij eindigt niet, of haar bedrag is onbekend)", ErrArmoedeval, v.Regeling)
		}
		start := -1
		for i := range c.Punten {
			if c.Punten[i].Bruto == klif.Bruto {
				start = i
			}
		}
		netStart := c.Punten[start-1].NettoLoon + c.Punten[start-1].Bijstand
		band := c.Norm.VanHalfOmhoog(v.Band)
		for i := start; i < len(n.Punten); i++ {
			p := &n.Punten[i]
			var nieuw geld.Bedrag
			if v.Soort == "glijdend" {
				boven := p.NettoLoon + p.Bijstand - netStart
				if band > 0 && boven < band {
					nieuw = geld.Bedrag(int64(klif.Verlies) * int64(band-boven) / int64(band))
				}
			} else {
				// Kept N months of the year in which the income rose, whatever the new income: the
				// curve is that year, so the average of the year.
				nieuw = geld.Bedrag(int64(klif.Verlies) * int64(min(v.Maanden, 12)) / 12)
			}
			if nieuw > p.Regelingen[ri] {
				p.Besteedbaar += nieuw - p.Regelingen[ri]
				p.Regelingen[ri] = nieuw
			}
		}
	case "bijverdienpremie":
		grens := c.Norm.VanHalfOmhoog(v.Tot)
		for i := range n.Punten {
			p := &n.Punten[i]
			if p.Bruto > 0 && p.NettoLoon+p.Bijstand <= grens {
				p.Regelingen[comp] = v.Bedrag
				p.Besteedbaar += v.Bedrag
			}
		}
	default:
		return nil, fmt.Errorf("%w: onbekende variant %q", ErrArmoedeval, v.Soort)
	}
	n.Kliffen = nil
	stap := geld.Euro(10)
	if len(n.Punten) > 1 {
		stap = n.Punten[1].Bruto - n.Punten[0].Bruto
	}
	n.marginaal(stap)
	n.kliffen(stap)
	return n, nil
}

// Kosten is the cost of a variant per year over the gemeente's households: known only from a number of
// households, the share of them that crosses the limit in a year, and the source of that share.
type Kosten struct {
	Bekend bool         `json:"bekend"`
	Bedrag *geld.Bedrag `json:"bedrag_per_jaar"` // nil when unknown
	Reden  string       `json:"reden"`
}

// KostenInvoer is what the policy officer enters for the cost of a zachte landing or a bijverdienpremie.
type KostenInvoer struct {
	Huishoudens int             // in the target group of the regeling
	Aandeel     geld.Percentage // that crosses the limit in a year
	Bron        string          // where the share comes from
}

// KostenVan estimates the yearly cost of a zachte landing (the amount kept, for the months) or a
// bijverdienpremie (the premium for a year) for the households that cross; without the share and
// its source the cost is unknown, with that reason.
func KostenVan(c *Curve, v Variant, in KostenInvoer) Kosten {
	if v.Soort == "glijdend" {
		return Kosten{Reden: "de kosten van een glijdende schaal over de bevolking geeft de wat-als (zeker watals) met een glijdend bedrag in het regelpakket"}
	}
	if in.Huishoudens <= 0 || in.Aandeel <= 0 || strings.TrimSpace(in.Bron) == "" {
		return Kosten{Reden: "onbekend: daarvoor is nodig hoeveel huishoudens per jaar over de grens gaan (aantal, aandeel en de bron van dat aandeel); een momentopname van de huishoudens zegt dat niet"}
	}
	per := geld.Bedrag(0)
	switch v.Soort {
	case "zachte_landing":
		for _, k := range c.Kliffen {
			if k.Regeling == v.Regeling {
				per = k.Verlies * geld.Bedrag(v.Maanden)
			}
		}
		if per == 0 {
			return Kosten{Reden: "onbekend: de regeling heeft geen klif met een bekend bedrag in deze curve"}
		}
	case "bijverdienpremie":
		per = v.Bedrag * 12
	}
	// households × share (in hundredths of a percent) × amount, rounded half up to cents
	n := int64(per) * int64(in.Huishoudens) * int64(in.Aandeel)
	totaal := geld.Bedrag((n + 5000) / 10000)
	return Kosten{Bekend: true, Bedrag: &totaal, Reden: fmt.Sprintf("%d huishoudens × %s die per jaar over de grens gaan (bron: %s) × %s", in.Huishoudens, in.Aandeel, in.Bron, per)}
}
