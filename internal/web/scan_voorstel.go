package web

import (
	"errors"
	"net/http"

	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/store"
)

// scanVoorstelData is one proposal: the regeling, the trace per criterion with its source, the receipt,
// and the decision form (approve or reject, with a reason). Viewing it is logged.
type scanVoorstelData struct {
	staffPagina
	veldFouten
	Menu   scanMenu
	V      *scan.Voorstel
	Bedrag string
	Actie  string
	Reden  string
}

func (s *Server) scanVoorstel(w http.ResponseWriter, r *http.Request) {
	s.toonVoorstel(w, r, http.StatusOK, nil)
}

// toonVoorstel renders the proposal page; pre carries form errors after a failed POST.
func (s *Server) toonVoorstel(w http.ResponseWriter, r *http.Request, status int, pre *scanVoorstelData) {
	d := pre
	if d == nil {
		d = &scanVoorstelData{}
	}
	gm, ok := s.scanPagina(w, r, &d.staffPagina, "Voorstel: ambtshalve toekennen")
	if !ok {
		return
	}
	id, ok := idUit(r, "id")
	if !ok {
		s.staffFout(w, r, http.StatusNotFound, "Dit voorstel bestaat niet.")
		return
	}
	d.Menu = s.scanMenu(r, gm, "voorstellen")
	v, err := scan.HaalVoorstel(r.Context(), s.staff.DB, s.staff.Audit, gm, id)
	if errors.Is(err, store.ErrNotFound) {
		s.staffFout(w, r, http.StatusNotFound, "Dit voorstel bestaat niet.")
		return
	}
	if err != nil {
		s.interneFout(w, r, err)
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
	s.renderStaff(w, r, status, "beheer_scan_voorstel", d)
}
