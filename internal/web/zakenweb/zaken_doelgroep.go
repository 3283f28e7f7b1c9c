package zakenweb

import (
	"strconv"

	"github.com/zeker-platform/zeker/internal/zaken"
)

// The marker statushouder or inburgeraar in the indicators: per year the zaken started and how many of
// them carry the marker (zaken.Indicatoren.Doelgroep), as published counts (zaken.PubliceerTelling:
// rounded to 5, "<5" for 1 to 4; a share only with at least 100 zaken started;
// shared/reference/zaken-netwerk-monitor.md §4.5).

// doelgroepCel is one year of the marker counts as they may be shown.
type doelgroepCel struct {
	Gestart, Statushouder string
	Aandeel               float64
	MetAandeel            bool // false when the denominator is below zaken.MinNoemer
}

func doelgroepVan(g zaken.Doelgroepjaar) doelgroepCel {
	c := doelgroepCel{Gestart: zaken.PubliceerTelling(g.Gestart), Statushouder: zaken.PubliceerTelling(g.Statushouder)}
	c.Aandeel, c.MetAandeel = zaken.PubliceerAandeel(g.Statushouder, g.Gestart)
	return c
}

// csv gives the three columns of the indicators CSV; the share is empty when it may not be shown.
func (c doelgroepCel) csv() []string {
	a := ""
	if c.MetAandeel {
		a = strconv.FormatFloat(c.Aandeel, 'f', 1, 64)
	}
	return []string{c.Gestart, c.Statushouder, a}
}

// tekst gives the cells of the zaken page.
func (c doelgroepCel) tekst() (gestart, statushouder, aandeel string) {
	if c.MetAandeel {
		aandeel = komma(c.Aandeel) + "%"
	}
	return c.Gestart, c.Statushouder, aandeel
}
