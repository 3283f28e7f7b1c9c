package monitor

import (
	"encoding/csv"
	"strconv"
)

// Na is a curve after a what-if, with the short name its CSV columns get ("glijdend").
type Na struct {
	Naam  string
	Curve *Curve
}

// SchrijfCSV writes the curve one row per point: bruto_loon, netto_loon, bijstand, one column per
// regeling id, besteedbaar, marginale_druk (percent with two decimals; empty where the next € 100
// is outside the curve), toetsingsinkomen (per year), and per curve after a what-if
// besteedbaar_<naam> and marginale_druk_<naam>. Amounts are "1234.56". The caller flushes.
func SchrijfCSV(cw *csv.Writer, c *Curve, na ...Na) error {
	rij := []string{"bruto_loon", "netto_loon", "bijstand"}
	for _, r := range c.Regelingen {
		rij = append(rij, r.ID)
	}
	rij = append(rij, "besteedbaar", "marginale_druk", "toetsingsinkomen")
	for _, n := range na {
		rij = append(rij, "besteedbaar_"+n.Naam, "marginale_druk_"+n.Naam)
	}
	if err := cw.Write(rij); err != nil {
		return err
	}
	for i, p := range c.Punten {
		rij = rij[:0]
		rij = append(rij, p.Bruto.Decimal(), p.NettoLoon.Decimal(), p.Bijstand.Decimal())
		for _, b := range p.Regelingen[:len(c.Regelingen)] {
			rij = append(rij, b.Decimal())
		}
		rij = append(rij, p.Besteedbaar.Decimal(), drukCSV(p), p.Toetsingsinkomen.Decimal())
		for _, n := range na {
			q := n.Curve.Punten[i]
			rij = append(rij, q.Besteedbaar.Decimal(), drukCSV(q))
		}
		if err := cw.Write(rij); err != nil {
			return err
		}
	}
	return nil
}

func drukCSV(p Punt) string {
	if !p.MarginaalBekend {
		return ""
	}
	return strconv.FormatFloat(float64(p.Marginaal)/100, 'f', 2, 64)
}
