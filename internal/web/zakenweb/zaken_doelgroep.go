package zakenweb

import (
	"strconv"

	"github.com/zeker-platform/zeker/internal/zaken"
)

// The marker statushouder or inburgeraar in the indicators: per year the zaken started and how many of
// them carry the marker (zaken.Indicatoren.Doelgroep), as published by zaken.PubliekDoelgroep (counts
// rounded to 5, "<5" for 1 to 4; a share only with at least 100 zaken started; all years held back
// when a small year could be recovered from them; shared/reference/zaken-netwerk-monitor.md §4.5).

// nietGetoond is the page's cell for all years held back by the secondary suppression.
const nietGetoond = "niet getoond"

// doelgroepReeks publishes the marker counts of ind (every year, all years last).
func doelgroepReeks(ind []zaken.Indicatoren) []zaken.PubliekDoelgroepjaar {
	jaren := make([]zaken.Doelgroepjaar, len(ind))
	for i, in := range ind {
		jaren[i] = in.Doelgroep
		jaren[i].Jaar = in.Jaar
	}
	return zaken.PubliekDoelgroep(jaren)
}

// doelgroepCSV gives the three columns of the indicators CSV; empty what may not be shown.
func doelgroepCSV(c zaken.PubliekDoelgroepjaar) []string {
	if !c.Getoond {
		return []string{"", "", ""}
	}
	a := ""
	if c.MetAandeel {
		a = strconv.FormatFloat(c.Aandeel, 'f', 1, 64)
	}
	return []string{c.Gestart, c.Statushouder, a}
}

// doelgroepTekst gives the cells of the zaken page.
func doelgroepTekst(c zaken.PubliekDoelgroepjaar) (gestart, statushouder, aandeel string) {
	if !c.Getoond {
		return nietGetoond, nietGetoond, ""
	}
	if c.MetAandeel {
		aandeel = komma(c.Aandeel) + "%"
	}
	return c.Gestart, c.Statushouder, aandeel
}
