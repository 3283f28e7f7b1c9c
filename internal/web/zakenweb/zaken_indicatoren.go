package zakenweb

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// The indicators of Wgs art. 4 lid 3 (and 4 lid 1–2, 4a lid 3) on the zaken page and as CSV: computed
// from the stored dates by internal/zaken (IndicatorenPerJaar).

type indRij struct {
	Jaar                          string
	Gesprekken, Crisis, Besluiten string
	Resultaat, Einde              string
	// the marker statushouder or inburgeraar, published counts (zaken_doelgroep.go)
	Gestart, Statushouder, Aandeel string
}

func maatTekst(m zaken.Termijnmaat) string {
	p, ok := m.Aandeel()
	if !ok {
		return "Nog niets te beoordelen"
	}
	return komma(p) + "% op tijd (" + strconv.Itoa(m.OpTijd) + " van " + strconv.Itoa(m.Beoordeeld) + "; " +
		strconv.Itoa(m.TeLaat) + " te laat, " + strconv.Itoa(m.NogNiet) + " termijn voorbij zonder gesprek of besluit)"
}

func wekenTekst(w zaken.Weken) string {
	if w.Aantal == 0 {
		return "Nog geen zaken"
	}
	return "mediaan " + komma(w.Mediaan) + " weken, gemiddeld " + komma(w.Gemiddelde) + " weken (" + strconv.Itoa(w.Aantal) + " zaken)"
}

// komma writes 33.3 as 33,3.
func komma(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', 1, 64), ".", ",", 1)
}

func indRijVan(in zaken.Indicatoren, dg zaken.PubliekDoelgroepjaar) indRij {
	j := strconv.Itoa(in.Jaar)
	if in.Jaar == 0 {
		j = "Alle jaren"
	}
	rij := indRij{Jaar: j, Gesprekken: maatTekst(in.Gesprekken), Crisis: maatTekst(in.Crisis), Besluiten: maatTekst(in.Besluiten),
		Resultaat: wekenTekst(in.Resultaat), Einde: wekenTekst(in.Einde)}
	rij.Gestart, rij.Statushouder, rij.Aandeel = doelgroepTekst(dg)
	return rij
}

// indicatorenCSV exports the indicators per year (and all years) for the monitor and the P&C cycle.
func (s *server) indicatorenCSV(w http.ResponseWriter, r *http.Request) {
	gm := r.PathValue("gemeente")
	ind, err := s.zaken.IndicatorenVers(r.Context(), gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	c := web.NieuweCSV(w, "zaken-indicatoren-"+gm+".csv")
	c.Rij("jaar", "eerste_gesprekken_beoordeeld", "eerste_gesprekken_op_tijd", "eerste_gesprekken_te_laat", "eerste_gesprekken_termijn_voorbij",
		"eerste_gesprekken_op_tijd_pct", "crisis_beoordeeld", "crisis_op_tijd", "besluiten_beoordeeld", "besluiten_op_tijd",
		"resultaat_zaken", "resultaat_weken_mediaan", "resultaat_weken_gemiddeld", "einde_zaken", "einde_weken_mediaan", "einde_weken_gemiddeld",
		"zaken_gestart", "zaken_gestart_statushouder", "statushouder_pct")
	getal := func(n int) string { return strconv.Itoa(n) }
	dec := func(f float64, ok bool) string {
		if !ok {
			return ""
		}
		return strconv.FormatFloat(f, 'f', 1, 64)
	}
	dg := doelgroepReeks(ind)
	for i, in := range ind {
		j := getal(in.Jaar)
		if in.Jaar == 0 {
			j = "alle"
		}
		p, ok := in.Gesprekken.Aandeel()
		c.Rij(append([]string{j, getal(in.Gesprekken.Beoordeeld), getal(in.Gesprekken.OpTijd), getal(in.Gesprekken.TeLaat), getal(in.Gesprekken.NogNiet),
			dec(p, ok), getal(in.Crisis.Beoordeeld), getal(in.Crisis.OpTijd), getal(in.Besluiten.Beoordeeld), getal(in.Besluiten.OpTijd),
			getal(in.Resultaat.Aantal), dec(in.Resultaat.Mediaan, in.Resultaat.Aantal > 0), dec(in.Resultaat.Gemiddelde, in.Resultaat.Aantal > 0),
			getal(in.Einde.Aantal), dec(in.Einde.Mediaan, in.Einde.Aantal > 0), dec(in.Einde.Gemiddelde, in.Einde.Aantal > 0),
		}, doelgroepCSV(dg[i])...)...)
	}
	if err := c.Klaar(); err != nil {
		s.kit.Log().ErrorContext(r.Context(), "zaken: indicatoren csv", "fout", err)
	}
}
