package zakenweb

import (
	"context"
	"strconv"

	"github.com/zeker-platform/zeker/internal/zaken"
)

// The marker statushouder or inburgeraar in the indicators: per year the zaken started and how many of
// them carry the marker, as published counts (zaken.PubliceerTelling: rounded to 5, "<5" for 1 to 4; a
// share only with at least 100 zaken started; shared/reference/zaken-netwerk-monitor.md §4.5).

// doelgroepCel is one year of the marker counts as they may be shown.
type doelgroepCel struct {
	Gestart, Statushouder string
	Aandeel               float64
	MetAandeel            bool // false when the denominator is below zaken.MinNoemer
}

func (c doelgroepCel) csv() []string {
	if c.Gestart == "" { // a year without a count: empty cells, never a zero
		return []string{"", "", ""}
	}
	a := ""
	if c.MetAandeel {
		a = strconv.FormatFloat(c.Aandeel, 'f', 1, 64)
	}
	return []string{c.Gestart, c.Statushouder, a}
}

// doelgroepPerJaar reads the exact counts and makes them publishable, per year (0: all years).
func (s *server) doelgroepPerJaar(ctx context.Context, gm string) (map[int]doelgroepCel, error) {
	dg, err := s.zaken.StatushoudersPerJaar(ctx, gm)
	if err != nil {
		return nil, err
	}
	out := make(map[int]doelgroepCel, len(dg))
	for _, g := range dg {
		c := doelgroepCel{Gestart: zaken.PubliceerTelling(g.Gestart), Statushouder: zaken.PubliceerTelling(g.Statushouder)}
		c.Aandeel, c.MetAandeel = zaken.PubliceerAandeel(g.Statushouder, g.Gestart)
		out[g.Jaar] = c
	}
	return out, nil
}

// vulDoelgroep puts the marker counts into the indicator rows of the zaken page.
func (s *server) vulDoelgroep(ctx context.Context, gm string, rijen []indRij) error {
	dg, err := s.doelgroepPerJaar(ctx, gm)
	if err != nil {
		return err
	}
	for i := range rijen {
		c, ok := dg[rijen[i].jaar]
		if !ok {
			rijen[i].Gestart, rijen[i].Statushouder = "—", "—"
			continue
		}
		rijen[i].Gestart, rijen[i].Statushouder = c.Gestart, c.Statushouder
		if c.MetAandeel {
			rijen[i].Aandeel = komma(c.Aandeel) + "%"
		}
	}
	return nil
}
