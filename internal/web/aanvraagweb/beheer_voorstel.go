package aanvraagweb

import (
	"errors"
	"net/http"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/web"
)

// voorstelData is one ambtshalve proposal in the inbox: the household, the regeling, the amount, the
// engine's trace per criterion with its source and the receipt, and the form to accept or decline it
// (accepting makes the application, decided, with the letter). An approved proposal without its
// application shows the retry instead.
type voorstelData struct {
	web.StaffPage
	web.FieldErrors
	Basis, Actie   string
	V              *Voorstel
	Rij            voorstelRij
	MagBeslissen   bool
	Besluit, Reden string
	Opnieuw        bool // approved, application not made yet
	Open           bool // not decided: the form to accept or decline
}

func (s *server) voorstel(w http.ResponseWriter, r *http.Request) {
	s.toonVoorstel(w, r, http.StatusOK, nil)
}

// toonVoorstel renders the proposal; pre carries the form and its errors after a failed POST.
func (s *server) toonVoorstel(w http.ResponseWriter, r *http.Request, status int, pre *voorstelData) {
	d := pre
	if d == nil {
		d = &voorstelData{}
	}
	g, ok := s.kit.GemeentePagina(w, r, &d.StaffPage, "Voorstel ambtshalve", meldingen)
	if !ok {
		return
	}
	id, ok := web.PathID(r, "id")
	if !ok || s.voorstellen == nil {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit voorstel bestaat niet in deze gemeente.")
		return
	}
	v, err := s.voorstellen.Haal(r.Context(), g.Code, id)
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit voorstel bestaat niet in deze gemeente.")
		return
	}
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	d.Basis, d.V, d.Rij = basis(g.Code), v, s.voorstelRij(g.Code, *v)
	d.Actie = voorstelURL(g.Code, id) + "/besluit"
	d.Opnieuw = v.Status == "goedgekeurd" && v.Aanvraag == nil
	d.Open = v.Status == "open"
	d.MagBeslissen = auth.Mag(web.ActorUit(r.Context()), g.Code, auth.AanvragenBehandelen)
	s.staf.Render(w, r, status, "av_voorstel", d)
}
