package web

import (
	"errors"
	"net/http"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store"
)

type sleutelsData struct {
	staffPagina
	Sleutels []sleutelRegel
}

type sleutelRegel struct {
	auth.Sleutel
	Status string
	Actief bool
	Andere []string // other gemeenten the credential is scoped to
}

// beheerSleutels lists the API credentials scoped to the gemeente, newest first, with their status.
func (s *Server) beheerSleutels(w http.ResponseWriter, r *http.Request) {
	g, err := s.gemeenteVan(r)
	if err != nil {
		s.interneFout(w, r, err)
		return
	}
	lijst, err := s.staff.Auth.Sleutels(r.Context(), g.Code)
	if err != nil {
		s.interneFout(w, r, err)
		return
	}
	nu := s.staff.Klok()
	d := &sleutelsData{}
	for _, k := range lijst {
		rg := sleutelRegel{Sleutel: k, Actief: k.Geldig(nu), Status: "Actief"}
		switch {
		case !k.IngetrokkenOp.IsZero():
			rg.Status = "Ingetrokken"
		case !rg.Actief:
			rg.Status = "Verlopen"
		}
		for _, gm := range k.Gemeenten {
			if gm != g.Code {
				rg.Andere = append(rg.Andere, gm)
			}
		}
		d.Sleutels = append(d.Sleutels, rg)
	}
	s.vulStaff(&d.staffPagina, r, "API-sleutels", &g)
	s.renderStaff(w, r, http.StatusOK, "beheer_sleutels", d)
}

// beheerSleutelIntrekken revokes a credential of this gemeente; it stops working at once on every
// instance (the check reads the database).
func (s *Server) beheerSleutelIntrekken(w http.ResponseWriter, r *http.Request) {
	g, err := s.gemeenteVan(r)
	if err != nil {
		s.interneFout(w, r, err)
		return
	}
	id, ok := idUit(r, "id")
	if !ok {
		s.staffFout(w, r, http.StatusNotFound, "Deze API-sleutel bestaat niet in deze gemeente.")
		return
	}
	err = s.staff.Auth.TrekSleutelIn(r.Context(), g.Code, id)
	if errors.Is(err, store.ErrNotFound) {
		s.staffFout(w, r, http.StatusNotFound, "Deze API-sleutel bestaat niet in deze gemeente.")
		return
	}
	if err != nil {
		s.interneFout(w, r, err)
		return
	}
	s.beheerLog(r, g.Code, "sleutels.beheren", "sleutel.intrekken", audit.Wijzigen, "sleutel", id)
	s.log.InfoContext(r.Context(), "API-sleutel ingetrokken", "gemeente", g.Code, "sleutel", id)
	terugNaar(w, r, "/beheer/"+g.Code+"/sleutels", "ingetrokken")
}
