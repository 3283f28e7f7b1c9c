package zakenweb

import (
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// The resident's view of the Wgs art. 4 lid 3 indicators: a public page per gemeente, "Hoe snel helpt
// de gemeente?", and its open-data CSV, both with only the published figures of zaken.Publiek (the
// small-number rules; never an exact count). Cheap by construction: the figures come from
// zaken.Service.IndicatorenPerJaar (its own 5-minute cache) and are kept here per gemeente for
// zaken.IndicatorenBewaren, not dropped by a change of a zaak, so anonymous traffic computes them at
// most once per gemeente per period whatever the rate (one computation at a time, under a lock). No
// query parameter is read but the kit's ?lang.

// CijfersURL is the address of the public page (lang "" or the default: no parameter).
func CijfersURL(gemeente, lang string) string {
	u := "/schuldhulp/" + url.PathEscape(gemeente) + "/cijfers"
	if lang != "" && lang != web.StandaardTaal {
		u += "?lang=" + url.QueryEscape(lang)
	}
	return u
}

// publiekCache keeps the published figures per gemeente.
type publiekCache struct {
	mu sync.Mutex
	m  map[string]publiekWaarde
}

type publiekWaarde struct {
	dag datum.Datum
	op  time.Time
	v   []zaken.PubliekJaar
}

// publiek returns the published figures of gemeente g, every year (oldest first) and all years last.
func (s *server) publiek(r *http.Request, g string) ([]zaken.PubliekJaar, error) {
	c := &s.pub
	c.mu.Lock()
	defer c.mu.Unlock()
	nu, dag := s.kit.Nu(), s.zaken.Vandaag()
	if w, ok := c.m[g]; ok && w.dag == dag && !nu.Before(w.op) && nu.Sub(w.op) <= zaken.IndicatorenBewaren {
		return w.v, nil
	}
	ind, err := s.zaken.IndicatorenPerJaar(r.Context(), g)
	if err != nil {
		return nil, err
	}
	v := zaken.PubliekReeks(ind)
	if c.m == nil {
		c.m = map[string]publiekWaarde{}
	}
	c.m[g] = publiekWaarde{dag: dag, op: nu, v: v}
	return v, nil
}

type cijferRegel struct {
	Getoond bool
	Waarde  string // "33,3" in the page's language
	Zaken   string
}

type cijferJaar struct {
	Jaar                          string
	Resultaat, Gesprekken, Crisis cijferRegel
}

type cijfersData struct {
	web.Page
	Gemeente  string
	Jaren     []cijferJaar
	CSV       string
	Hulpvraag string
}

func cijferVan(l *web.Taal, c zaken.PubliekCijfer) cijferRegel {
	if !c.Getoond {
		return cijferRegel{}
	}
	w := strconv.FormatFloat(c.Waarde, 'f', 1, 64)
	if l.Code == web.StandaardTaal {
		w = komma(c.Waarde)
	}
	return cijferRegel{Getoond: true, Waarde: w, Zaken: c.Zaken}
}

// cijfers shows the public page: per year, newest first, all years last.
func (s *server) cijfers(w http.ResponseWriter, r *http.Request) {
	g, ok := s.hulpvraagGemeente(w, r)
	if !ok {
		return
	}
	v, err := s.publiek(r, g.Code)
	if err != nil {
		s.kit.Log().ErrorContext(r.Context(), "cijfers: indicatoren", "fout", err)
		s.kit.ResidentError(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	l := s.kit.Taal(r, false)
	lang := ""
	if l.Code != web.StandaardTaal {
		lang = l.Code
	}
	d := &cijfersData{Gemeente: g.Naam, CSV: "/schuldhulp/" + url.PathEscape(g.Code) + "/cijfers.csv", Hulpvraag: web.HulpvraagURL(g.Code, lang)}
	s.kit.VulPagina(&d.Page, l, l.T("cijfers.titel"), CijfersURL(g.Code, ""))
	for i := len(v) - 2; i >= 0; i-- {
		d.Jaren = append(d.Jaren, cijferJaarVan(l, v[i]))
	}
	if len(v) > 0 {
		d.Jaren = append(d.Jaren, cijferJaarVan(l, v[len(v)-1]))
	}
	s.inwoner.Render(w, r, http.StatusOK, "cijfers", d)
}

func cijferJaarVan(l *web.Taal, p zaken.PubliekJaar) cijferJaar {
	j := strconv.Itoa(p.Jaar)
	if p.Jaar == 0 {
		j = l.T("cijfers.allejaren")
	}
	return cijferJaar{Jaar: j, Resultaat: cijferVan(l, p.Resultaat), Gesprekken: cijferVan(l, p.Gesprekken), Crisis: cijferVan(l, p.Crisis)}
}

// cijfersCSV is the open data of the page: the same published figures, an empty cell where a figure
// may not be given (never 0).
func (s *server) cijfersCSV(w http.ResponseWriter, r *http.Request) {
	g, ok := s.hulpvraagGemeente(w, r)
	if !ok {
		return
	}
	v, err := s.publiek(r, g.Code)
	if err != nil {
		s.kit.Log().ErrorContext(r.Context(), "cijfers: indicatoren", "fout", err)
		s.kit.ResidentError(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	c := web.NieuweCSV(w, "schuldhulp-cijfers-"+g.Code+".csv")
	c.Rij("jaar", "weken_eerste_gesprek_tot_resultaat_mediaan", "resultaat_zaken_afgerond",
		"eerste_gesprek_binnen_termijn_pct", "eerste_gesprekken_beoordeeld_afgerond",
		"crisis_binnen_3_werkdagen_pct", "crisis_beoordeeld_afgerond", "bron")
	cel := func(p zaken.PubliekCijfer) []string {
		if !p.Getoond {
			return []string{"", ""}
		}
		return []string{strconv.FormatFloat(p.Waarde, 'f', 1, 64), p.Zaken}
	}
	for _, p := range v {
		j := strconv.Itoa(p.Jaar)
		if p.Jaar == 0 {
			j = "alle"
		}
		rij := []string{j}
		rij = append(rij, cel(p.Resultaat)...)
		rij = append(rij, cel(p.Gesprekken)...)
		rij = append(rij, cel(p.Crisis)...)
		c.Rij(append(rij, "Wgs art. 4 lid 1, 2 en 3 (BWBR0031331)")...)
	}
	c.Klaar()
}
