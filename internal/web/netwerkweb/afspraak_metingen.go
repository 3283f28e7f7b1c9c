package netwerkweb

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/web"
)

// The measured values of an agreement's indicators: the list and one form to record or change a value
// (per indicator and period), with errors per field and a version against a stale form (409).

type metingForm struct {
	Indicator, Periode, Waarde, Bron, GemetenOp string
	Versie                                      int
}

type metingRij struct {
	netwerk.Meting
	Wijzig string // the form for this value
}

type metingenData struct {
	web.StaffPage
	web.FieldErrors
	Afspraak    netwerk.Afspraak
	Rijen       []metingRij
	F           metingForm
	Indicatoren []web.Optie
	ZekerTelt   []string // per indicator where Zeker's own data count something like it
	Wijzigen    bool     // the form changes a recorded value
}

// afspraakMetingen shows the recorded values and the form; ?indicator=&periode= opens a recorded one.
func (s *server) afspraakMetingen(w http.ResponseWriter, r *http.Request) {
	a, ok := s.afspraakVan(w, r)
	if !ok {
		return
	}
	d := &metingenData{Afspraak: a}
	q := r.URL.Query()
	d.F.Indicator, d.F.Periode = q.Get("indicator"), q.Get("periode")
	s.metingenPagina(w, r, d, http.StatusOK, true)
}

// metingenPagina fills the list and, with vulUit, the form from the recorded value it names.
func (s *server) metingenPagina(w http.ResponseWriter, r *http.Request, d *metingenData, status int, vulUit bool) {
	if _, ok := s.pagina(w, r, &d.StaffPage, "Gemeten waarden: "+d.Afspraak.Naam); !ok {
		return
	}
	ms, err := s.net.Metingen(r.Context(), d.Afspraak.Gemeente, d.Afspraak.ID)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	basis := "/beheer/" + d.Afspraak.Gemeente + "/afspraken/" + strconv.FormatInt(d.Afspraak.ID, 10) + "/metingen"
	for _, m := range ms {
		d.Rijen = append(d.Rijen, metingRij{Meting: m, Wijzig: basis + "?" + url.Values{"indicator": {m.Indicator}, "periode": {m.Periode.String()}}.Encode() + "#meting"})
		if vulUit && m.Indicator == d.F.Indicator && m.Periode.String() == d.F.Periode {
			d.F = metingForm{Indicator: m.Indicator, Periode: m.Periode.String(), Waarde: m.Waarde, Bron: m.Bron,
				GemetenOp: partner.DagTekst(m.GemetenOp), Versie: m.Versie}
		}
	}
	d.Wijzigen = d.F.Versie > 0
	d.Indicatoren = []web.Optie{{Waarde: "", Label: "Kies een indicator"}}
	for _, x := range d.Afspraak.Indicatoren {
		d.Indicatoren = append(d.Indicatoren, web.Optie{Waarde: x.Naam, Label: x.Naam, Gekozen: x.Naam == d.F.Indicator})
		if z := netwerk.ZekerTelt(x.Naam); z != "" {
			d.ZekerTelt = append(d.ZekerTelt, x.Naam+": "+z)
		}
	}
	d.Page.Fout = len(d.Fouten) > 0
	s.staff.Render(w, r, status, "metingen", d)
}

// afspraakMetingVastleggen records or changes a measured value.
func (s *server) afspraakMetingVastleggen(w http.ResponseWriter, r *http.Request) {
	a, ok := s.afspraakVan(w, r)
	if !ok {
		return
	}
	if !leesFormulier(w, r, s.kit) {
		return
	}
	q := r.PostForm
	d := &metingenData{Afspraak: a, F: metingForm{Indicator: q.Get("indicator"), Periode: trim(q.Get("periode")), Waarde: q.Get("waarde"),
		Bron: q.Get("bron"), GemetenOp: trim(q.Get("gemeten_op"))}}
	d.F.Versie, _ = strconv.Atoi(q.Get("versie"))
	m := netwerk.Meting{Gemeente: a.Gemeente, AfspraakID: a.ID, Indicator: d.F.Indicator, Waarde: d.F.Waarde, Bron: d.F.Bron}
	var leesFout bool
	if d.F.Periode != "" {
		p, err := netwerk.ParsePeriode(d.F.Periode)
		if err != nil {
			d.Add("periode", "Periode: "+err.Error()+".")
			leesFout = true
		}
		m.Periode = p
	}
	if d.F.GemetenOp != "" {
		dag, err := leesMeetdag(d.F.GemetenOp)
		if err != nil {
			d.Add("gemeten_op", "Vul een datum in zoals 15-1-2027.")
			leesFout = true
		}
		m.GemetenOp = dag
	}
	if !leesFout {
		_, err := s.net.LegMetingVast(r.Context(), m, d.F.Versie)
		switch {
		case err == nil:
			web.TerugNaar(w, r, "/beheer/"+a.Gemeente+"/afspraken/"+strconv.FormatInt(a.ID, 10)+"/metingen", "meting")
			return
		case errors.Is(err, netwerk.ErrMetingVerouderd):
			// Show the newest stored value in the form, with its version, and say why.
			d.F.Versie = 0
			d.Add("waarde", "Iemand anders heeft deze meting intussen vastgelegd of gewijzigd. Hieronder staat wat nu is vastgelegd; doe uw wijziging zo nodig opnieuw.")
			s.metingenPagina(w, r, d, http.StatusConflict, true)
			return
		case !voegFoutenToe(&d.FieldErrors, err, "indicator", "periode", "waarde", "bron", "gemeten_op"):
			s.kit.Error(w, r, err, "Deze afspraak bestaat niet in deze gemeente.")
			return
		}
	}
	s.metingenPagina(w, r, d, http.StatusUnprocessableEntity, false)
}

// leesMeetdag reads a day as 15-1-2027 or 2027-01-15.
func leesMeetdag(v string) (time.Time, error) {
	if t, err := time.Parse("2-1-2006", v); err == nil {
		return t, nil
	}
	return partner.ParseDag(v)
}
