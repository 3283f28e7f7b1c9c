package netwerkweb

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

type afsprakenData struct {
	web.StaffPage
	Rijen []afspraakRij
}

type afspraakRij struct {
	netwerk.Afspraak
	Loopt        bool
	PartnerNamen []string
}

// afspraken lists the gemeente's network agreements with their period, partners and indicators.
func (s *server) afspraken(w http.ResponseWriter, r *http.Request) {
	d := &afsprakenData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Netwerkafspraken")
	if !ok {
		return
	}
	ctx := r.Context()
	as, err := s.net.Afspraken(ctx, g.Code)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	leden, err := s.net.Partners().VanGemeente(ctx, g.Code)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	vandaag := s.net.Vandaag()
	for _, a := range as {
		rij := afspraakRij{Afspraak: a, Loopt: a.LooptOp(vandaag)}
		for _, p := range a.Partners {
			if i := slices.IndexFunc(leden, func(o partner.Organisatie) bool { return o.ID == p }); i >= 0 {
				rij.PartnerNamen = append(rij.PartnerNamen, leden[i].Naam)
			}
		}
		d.Rijen = append(d.Rijen, rij)
	}
	s.staff.Render(w, r, http.StatusOK, "afspraken", d)
}

type afspraakForm struct {
	Naam, Soort, Van, Tot, Omschrijving, Bron string
	Indicatoren                               []netwerk.Indicator
}

type afspraakData struct {
	web.StaffPage
	web.FieldErrors
	ID       int64 // 0: new
	F        afspraakForm
	Soorten  []web.Optie
	Partners []web.Optie
}

// lege is the number of empty indicator rows the form offers.
const lege = 3

func (s *server) afspraakPagina(w http.ResponseWriter, r *http.Request, d *afspraakData, gekozen []string, status int) {
	g, ok := s.pagina(w, r, &d.StaffPage, "Netwerkafspraak")
	if !ok {
		return
	}
	if err := s.vulAfspraak(r, d, g, gekozen); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Page.Fout = len(d.Fouten) > 0
	s.staff.Render(w, r, status, "afspraak", d)
}

func (s *server) vulAfspraak(r *http.Request, d *afspraakData, g tenant.Gemeente, gekozen []string) error {
	if d.ID == 0 {
		d.Page.Titel = "Nieuwe netwerkafspraak"
	} else {
		d.Page.Titel = "Netwerkafspraak: " + d.F.Naam
	}
	d.Soorten = []web.Optie{{Waarde: "", Label: "Kies een soort"}}
	for _, so := range netwerk.AfspraakSoorten {
		d.Soorten = append(d.Soorten, web.Optie{Waarde: string(so), Label: netwerk.AfspraakSoortNaam(so), Gekozen: d.F.Soort == string(so)})
	}
	leden, err := s.net.Partners().VanGemeente(r.Context(), g.Code)
	if err != nil {
		return err
	}
	for _, o := range leden {
		d.Partners = append(d.Partners, web.Optie{Waarde: o.ID, Label: o.Naam, Gekozen: slices.Contains(gekozen, o.ID)})
	}
	for range lege {
		if len(d.F.Indicatoren) < netwerk.MaxIndicatoren {
			d.F.Indicatoren = append(d.F.Indicatoren, netwerk.Indicator{})
		}
	}
	return nil
}

// afspraakNieuw shows the form of a new agreement.
func (s *server) afspraakNieuw(w http.ResponseWriter, r *http.Request) {
	s.afspraakPagina(w, r, &afspraakData{}, nil, http.StatusOK)
}

// afspraak shows the form of an existing agreement of this gemeente (404 for another's).
func (s *server) afspraak(w http.ResponseWriter, r *http.Request) {
	a, ok := s.afspraakVan(w, r)
	if !ok {
		return
	}
	d := &afspraakData{ID: a.ID, F: afspraakForm{Naam: a.Naam, Soort: string(a.Soort), Van: dagOfLeeg(a.Van), Tot: dagOfLeeg(a.Tot),
		Omschrijving: a.Omschrijving, Bron: a.Bron, Indicatoren: a.Indicatoren}}
	s.afspraakPagina(w, r, d, a.Partners, http.StatusOK)
}

// dagOfLeeg writes a day for a form: "2026-01-02", or "" for an unknown one.
func dagOfLeeg(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return partner.DagTekst(t)
}

func (s *server) afspraakVan(w http.ResponseWriter, r *http.Request) (netwerk.Afspraak, bool) {
	id, ok := web.PathID(r, "id")
	var a netwerk.Afspraak
	err := errs.NotFound
	if ok {
		a, err = s.net.Afspraak(r.Context(), r.PathValue("gemeente"), id)
	}
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze afspraak bestaat niet in deze gemeente.")
		return a, false
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return a, false
	}
	return a, true
}

// afspraakBewaar stores a new or changed agreement.
func (s *server) afspraakBewaar(w http.ResponseWriter, r *http.Request) {
	if !leesFormulier(w, r, s.kit) {
		return
	}
	gm := r.PathValue("gemeente")
	d := &afspraakData{}
	if r.PathValue("id") != "" {
		a, ok := s.afspraakVan(w, r)
		if !ok {
			return
		}
		d.ID = a.ID
	}
	q := r.PostForm
	d.F = afspraakForm{Naam: q.Get("naam"), Soort: q.Get("soort"), Van: trim(q.Get("van")), Tot: trim(q.Get("tot")),
		Omschrijving: q.Get("omschrijving"), Bron: q.Get("bron")}
	for i := range netwerk.MaxIndicatoren {
		k := "indicator." + strconv.Itoa(i)
		if _, ok := q[k+".naam"]; !ok {
			break
		}
		d.F.Indicatoren = append(d.F.Indicatoren, netwerk.Indicator{Naam: q.Get(k + ".naam"), Streef: q.Get(k + ".streef"), Bron: q.Get(k + ".bron")})
	}
	a := netwerk.Afspraak{ID: d.ID, Gemeente: gm, Naam: d.F.Naam, Soort: netwerk.AfspraakSoort(d.F.Soort), Omschrijving: d.F.Omschrijving,
		Bron: d.F.Bron, Partners: q["partner"], Indicatoren: d.F.Indicatoren}
	for veld, v := range map[string]string{"van": d.F.Van, "tot": d.F.Tot} {
		if v == "" {
			continue
		}
		dag, err := leesDag(v)
		if err != nil {
			d.Add(veld, "Vul een datum in zoals 1-1-2026, of laat het leeg als hij niet bekend is.")
			continue
		}
		if veld == "van" {
			a.Van = dag
		} else {
			a.Tot = dag
		}
	}
	if len(d.Fouten) == 0 {
		b, err := s.net.BewaarAfspraak(r.Context(), a)
		if err == nil {
			web.TerugNaar(w, r, "/beheer/"+gm+"/afspraken/"+strconv.FormatInt(b.ID, 10), "afspraak")
			return
		}
		velden := []string{"naam", "soort", "van", "tot", "omschrijving", "bron", "partners"}
		for i := range d.F.Indicatoren {
			k := "indicator." + strconv.Itoa(i)
			velden = append(velden, k+".naam", k+".streef", k+".bron")
		}
		if !voegFoutenToe(&d.FieldErrors, err, velden...) {
			s.kit.Error(w, r, err, "Deze afspraak bestaat niet in deze gemeente.")
			return
		}
	}
	s.afspraakPagina(w, r, d, q["partner"], http.StatusUnprocessableEntity)
}

// afspraakVerwijder removes an agreement.
func (s *server) afspraakVerwijder(w http.ResponseWriter, r *http.Request) {
	a, ok := s.afspraakVan(w, r)
	if !ok {
		return
	}
	if err := s.net.VerwijderAfspraak(r.Context(), a.Gemeente, a.ID); err != nil {
		s.kit.Error(w, r, err, "Deze afspraak bestaat niet in deze gemeente.")
		return
	}
	web.TerugNaar(w, r, "/beheer/"+a.Gemeente+"/afspraken", "afspraakweg")
}
