package monitorweb

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/web"
)

// Afspraken gives a gemeente's network agreements (armoedepact, covenants; kept by the beheerder on
// the netwerk part's pages) that run on a day, each with the names of its partners. cmd/zeker/web.go
// fills it from netwerk.Service; monitorweb does not import the netwerk part.
type Afspraken func(ctx context.Context, gemeente string, dag time.Time) ([]Netwerkafspraak, error)

// Netwerkafspraak is an agreement with its partners' names (in the order of Partners' ids) and the
// measured values of its indicators.
type Netwerkafspraak struct {
	netwerk.Afspraak
	PartnerNamen []string
	Metingen     []netwerk.Meting
}

type afsprakenData struct {
	web.StaffPage
	web.FieldErrors
	Datum     string // as asked, for the form
	Op        string // the day shown, in words
	Ingesteld bool   // false: this server keeps no agreements
	CSV       string
	Rijen     []afspraakRij
}

type afspraakRij struct {
	Netwerkafspraak
	Soort, Periode string
	Indicatoren    []indicatorRij
}

// indicatorRij is an indicator with its measured values (newest period first) and where Zeker's own
// data count something like it.
type indicatorRij struct {
	netwerk.Indicator
	Gemeten   []metingTekst
	ZekerTelt string
}

type metingTekst struct {
	Periode, Waarde, Bron, Op string
}

func indicatorRijen(a Netwerkafspraak) []indicatorRij {
	var uit []indicatorRij
	for _, x := range a.Indicatoren {
		rij := indicatorRij{Indicator: x, ZekerTelt: netwerk.ZekerTelt(x.Naam)}
		for _, m := range a.Metingen {
			if m.Indicator == x.Naam {
				rij.Gemeten = append(rij.Gemeten, metingTekst{Periode: m.Periode.Naam(), Waarde: m.Waarde, Bron: m.Bron, Op: dagNL(m.GemetenOp)})
			}
		}
		uit = append(uit, rij)
	}
	return uit
}

// afspraken shows the network agreements that run on a day (?datum=JJJJ-MM-DD, default today) with
// their period, partners, indicators and sources: what the monitor follows them by.
func (s *server) afspraken(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &afsprakenData{Ingesteld: s.afs != nil}
	s.kit.VulStaff(&d.StaffPage, r, "Netwerkafspraken in de monitor", &g)
	dag := s.kit.VandaagUTC()
	status := http.StatusOK
	if v := r.URL.Query().Get("datum"); v != "" {
		d.Datum = v
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			d.Add("datum", "Peildatum: schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-01-15.")
			d.Page.Fout, status = true, http.StatusUnprocessableEntity
		} else {
			dag = t
		}
	}
	d.Op = dagNL(dag)
	d.CSV = "/beheer/" + g.Code + "/netwerkafspraken.csv?datum=" + dag.Format("2006-01-02")
	if s.afs != nil && status == http.StatusOK {
		as, err := s.afs(r.Context(), g.Code, dag)
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		for _, a := range as {
			d.Rijen = append(d.Rijen, afspraakRij{Netwerkafspraak: a, Soort: netwerk.AfspraakSoortNaam(a.Soort), Periode: periode(a.Van, a.Tot),
				Indicatoren: indicatorRijen(a)})
		}
	}
	s.pages.Render(w, r, status, "beheer_afspraken", d)
}

var maanden = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// dagNL writes a day as "2 maart 2026".
func dagNL(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + maanden[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// periode writes an agreement's period; an unknown start or an open end is said as such.
func periode(van, tot time.Time) string {
	v, t := "begin onbekend", "zonder einddatum"
	if !van.IsZero() {
		v = "vanaf " + dagNL(van)
	}
	if !tot.IsZero() {
		t = "tot en met " + dagNL(tot)
	}
	return v + ", " + t
}
