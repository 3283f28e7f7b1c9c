package scanweb

import (
	"errors"
	"net/http"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/web"
)

// scanVoorstelData is one proposal: the regeling, the trace per criterion with its source, the receipt,
// and the decision form (approve or reject, with a reason). Viewing it is logged.
type scanVoorstelData struct {
	web.StaffPage
	web.FieldErrors
	Menu   scanMenu
	V      *scan.Voorstel
	Bedrag string
	Actie  string
	Reden  string
}

func (s *server) scanVoorstel(w http.ResponseWriter, r *http.Request) {
	s.toonVoorstel(w, r, http.StatusOK, nil)
}

// toonVoorstel renders the proposal page; pre carries form errors after a failed POST.
func (s *server) toonVoorstel(w http.ResponseWriter, r *http.Request, status int, pre *scanVoorstelData) {
	d := pre
	if d == nil {
		d = &scanVoorstelData{}
	}
	gm, ok := s.scanPagina(w, r, &d.StaffPage, "Voorstel: ambtshalve toekennen")
	if !ok {
		return
	}
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit voorstel bestaat niet.")
		return
	}
	d.Menu = s.scanMenu(r, gm, "voorstellen")
	v, err := s.scan.HaalVoorstel(r.Context(), gm, id)
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit voorstel bestaat niet.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.V = v
	d.Bedrag = "onbekend (vraag de gemeente)"
	if v.Bedrag != nil {
		d.Bedrag = scanBedrag(*v.Bedrag)
	}
	d.Actie = r.URL.Path + "/besluit"
	if pre != nil {
		d.Actie = "/beheer/" + gm + "/scan/voorstellen/" + r.PathValue("id") + "/besluit"
	}
	s.pages.Render(w, r, status, "beheer_scan_voorstel", d)
}
