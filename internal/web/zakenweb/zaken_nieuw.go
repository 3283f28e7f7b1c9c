package zakenweb

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// nieuwData is the intake form: the household (a person's BSN or the register's household number),
// how the request came in, when (this starts the clock), the route and whether there is a crisis.
type nieuwData struct {
	web.StaffPage
	web.FieldErrors
	Basis                          string
	BSN, Huishouden                string
	Datum, Tijd, Toelichting       string
	Crisis                         bool
	Kanalen, Routes, CrisisSoorten []web.Optie
}

func (s *server) nieuw(w http.ResponseWriter, r *http.Request) {
	nu := s.zaken.Nu().In(s.zaken.Zone())
	d := &nieuwData{Datum: nu.Format(time.DateOnly), Tijd: nu.Format("15:04")}
	s.toonNieuw(w, r, http.StatusOK, d, "", string(zaken.Schuldhulp), "")
}

func (s *server) toonNieuw(w http.ResponseWriter, r *http.Request, status int, d *nieuwData, kanaal, route, crisis string) {
	gm, ok := s.pagina(w, r, &d.StaffPage, "Nieuwe zaak")
	if !ok {
		return
	}
	d.Basis = basis(gm)
	k := [][2]string{{"", "Kies hoe de hulpvraag binnenkwam"}}
	for _, x := range zaken.Kanalen() {
		k = append(k, [2]string{string(x), x.Naam()})
	}
	d.Kanalen = opties(k, kanaal)
	rt := [][2]string{}
	for _, x := range zaken.Routes() {
		rt = append(rt, [2]string{string(x), x.Naam()})
	}
	d.Routes = opties(rt, route)
	c := [][2]string{{"", "Kies de situatie"}}
	for _, x := range zaken.CrisisSoorten() {
		c = append(c, [2]string{string(x), x.Naam()})
	}
	d.CrisisSoorten = opties(c, crisis)
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "zaken_nieuw", d)
}

// nieuwPost registers the zaak and goes to its page; errors are shown at their fields. The BSN is in
// the form body only, never in a URL.
func (s *server) nieuwPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	f := r.PostForm
	d := &nieuwData{BSN: strings.TrimSpace(f.Get("bsn")), Huishouden: strings.TrimSpace(f.Get("huishouden")),
		Datum: strings.TrimSpace(f.Get("datum")), Tijd: strings.TrimSpace(f.Get("tijd")), Toelichting: f.Get("toelichting"),
		Crisis: f.Get("crisis") == "ja"}
	h := zaken.Hulpvraag{HuishoudenID: d.Huishouden, BSN: strings.ReplaceAll(d.BSN, " ", ""), Kanaal: zaken.Kanaal(f.Get("kanaal")),
		Route: zaken.Route(f.Get("route")), Crisis: d.Crisis, Toelichting: d.Toelichting}
	if d.Crisis {
		h.CrisisSoort = zaken.CrisisSoort(f.Get("crisissoort"))
	}
	// Everything the form alone can tell is named at once; the rest (the register, an open zaak) after.
	if d.BSN == "" && d.Huishouden == "" {
		d.Add("bsn", "Vul het BSN van iemand uit het huishouden in, of het huishoudnummer.")
	}
	if !h.Kanaal.Geldig() || h.Kanaal == zaken.Vroegsignalering || h.Kanaal == zaken.Verwijzing {
		d.Add("kanaal", "Kies hoe de hulpvraag binnenkwam: balie, telefoon of online.")
	}
	if !h.Route.Geldig() {
		d.Add("route", "Kies de route: schuldhulp of ondernemers en zzp.")
	}
	if h.Crisis && !h.CrisisSoort.Geldig() {
		d.Add("crisissoort", "Kies welke bedreigende situatie er is.")
	}
	if t, err := time.ParseInLocation("2006-01-02 15:04", d.Datum+" "+d.Tijd, s.zaken.Zone()); err != nil {
		d.Add("datum", "Vul de datum (JJJJ-MM-DD) en de tijd (UU:MM) van de hulpvraag in.")
	} else {
		h.Gestart = t
	}
	if len(d.Fouten) == 0 {
		id, err := s.zaken.Start(r.Context(), gm, h, medewerker(r))
		var fv errs.Fields
		var open *zaken.OpenZaak
		switch {
		case err == nil:
			web.TerugNaar(w, r, zaakURL(gm, id), "aangemeld")
			return
		case errors.As(err, &fv) && len(fv) > 0:
			veld := fv[0].Path
			if veld == "gestart" {
				veld = "datum"
			}
			d.Add(veld, fv[0].Reason)
		case errors.As(err, &open):
			d.Add("bsn", "Dit huishouden heeft al een open zaak: zaak "+strconv.FormatInt(open.ID, 10)+". Er komt geen tweede; werk in die zaak verder.")
		default:
			s.kit.Error(w, r, err, "")
			return
		}
	}
	s.toonNieuw(w, r, http.StatusUnprocessableEntity, d, f.Get("kanaal"), f.Get("route"), f.Get("crisissoort"))
}

// vanVroegsignaal starts a zaak from a vroegsignaalzaak (the button on its page): the resident accepted
// the offer today, unless the form names an earlier day. A second click goes to the zaak already made.
func (s *server) vanVroegsignaal(w http.ResponseWriter, r *http.Request) {
	id, ok := web.PathID(r, "id")
	if !ok || s.vroegsignaal == nil {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze vroegsignaalzaak bestaat niet in deze gemeente.")
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	if bestaand, ok, err := s.zaken.ZaakVanVroegsignaal(r.Context(), gm, id); err != nil {
		s.kit.InternalError(w, r, err)
		return
	} else if ok {
		web.TerugNaar(w, r, zaakURL(gm, bestaand), "bestond")
		return
	}
	v, err := s.vroegsignaal(r.Context(), gm, id)
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze vroegsignaalzaak bestaat niet in deze gemeente.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	aanvaard := s.zaken.Vandaag()
	if a := strings.TrimSpace(r.PostForm.Get("aanvaard")); a != "" {
		if aanvaard, err = datum.Parse(a); err != nil {
			s.kit.StaffError(w, r, http.StatusUnprocessableEntity, "Schrijf de datum waarop de inwoner het aanbod aanvaardde als JJJJ-MM-DD.")
			return
		}
	}
	route := zaken.Route(r.PostForm.Get("route"))
	if route == "" {
		route = zaken.Schuldhulp
	}
	nieuw, err := s.zaken.VanVroegsignaal(r.Context(), gm, v, route, aanvaard, medewerker(r))
	var fv errs.Fields
	var open *zaken.OpenZaak
	switch {
	case err == nil:
		web.TerugNaar(w, r, zaakURL(gm, nieuw), "aangemeld")
	case errors.Is(err, errs.Conflict) && nieuw > 0:
		web.TerugNaar(w, r, zaakURL(gm, nieuw), "bestond")
	case errors.As(err, &fv) && len(fv) > 0:
		s.kit.StaffError(w, r, http.StatusUnprocessableEntity, fv[0].Reason)
	case errors.As(err, &open):
		s.kit.StaffError(w, r, http.StatusConflict, "Dit huishouden heeft al een open zaak: zaak "+strconv.FormatInt(open.ID, 10)+
			". Werk in die zaak verder; de signalen staan op de vroegsignaalzaak.")
	default:
		s.kit.Error(w, r, err, "")
	}
}
