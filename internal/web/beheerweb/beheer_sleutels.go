package beheerweb

import (
	"errors"
	"net/http"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/web"
)

type sleutelsData struct {
	web.StaffPage
	Sleutels []sleutelRegel
}

type sleutelRegel struct {
	auth.Sleutel
	Status string
	Actief bool
	Andere []string // other gemeenten the credential is scoped to
}

// beheerSleutels lists the API credentials scoped to the gemeente, newest first, with their status.
func (s *server) beheerSleutels(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	lijst, err := s.kit.Auth().Sleutels(r.Context(), g.Code)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	nu := s.klok()
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
	s.vulStaff(&d.StaffPage, r, "API-sleutels", &g)
	s.pages.Render(w, r, http.StatusOK, "beheer_sleutels", d)
}

// beheerSleutelIntrekken revokes a credential of this gemeente; it stops working at once on every
// instance (the check reads the database).
func (s *server) beheerSleutelIntrekken(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze API-sleutel bestaat niet in deze gemeente.")
		return
	}
	err = s.kit.Auth().TrekSleutelIn(r.Context(), g.Code, id)
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze API-sleutel bestaat niet in deze gemeente.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.beheerLog(r, g.Code, "sleutels.beheren", "sleutel.intrekken", audit.Wijzigen, "sleutel", id)
	s.kit.Log().InfoContext(r.Context(), "API-sleutel ingetrokken", "gemeente", g.Code, "sleutel", id)
	web.TerugNaar(w, r, "/beheer/"+g.Code+"/sleutels", "ingetrokken")
}
