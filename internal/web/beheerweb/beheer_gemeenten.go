package beheerweb

import (
	"net/http"

	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

type gemeentenData struct {
	web.StaffPage
	Gemeenten []tenant.Gemeente
}

// systeemGemeenten lists every gemeente (tenant) for the system administrator.
func (s *server) systeemGemeenten(w http.ResponseWriter, r *http.Request) {
	lijst, err := s.kit.Gemeenten().Lijst(r.Context())
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &gemeentenData{Gemeenten: lijst}
	s.vulStaff(&d.StaffPage, r, "Gemeenten", nil)
	s.pages.Render(w, r, http.StatusOK, "beheer_gemeenten", d)
}
