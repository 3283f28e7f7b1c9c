package web

import (
	"net/http"

	"github.com/zeker-platform/zeker/internal/tenant"
)

type gemeentenData struct {
	staffPagina
	Gemeenten []tenant.Gemeente
}

// systeemGemeenten lists every gemeente (tenant) for the system administrator.
func (s *Server) systeemGemeenten(w http.ResponseWriter, r *http.Request) {
	lijst, err := tenant.Lijst(r.Context(), s.staff.DB)
	if err != nil {
		s.interneFout(w, r, err)
		return
	}
	d := &gemeentenData{Gemeenten: lijst}
	s.vulStaff(&d.staffPagina, r, "Gemeenten", nil)
	s.renderStaff(w, r, http.StatusOK, "beheer_gemeenten", d)
}
