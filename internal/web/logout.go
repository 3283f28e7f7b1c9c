package web

import (
	"net/http"

	"github.com/zeker-platform/zeker/internal/auth"
)

// logout ends the session in the database and removes the cookie. It is a POST (a form button), so a
// link on another site cannot log someone out.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if tok := auth.SessieToken(r, s.cfg.BehindTLS); tok != "" {
		if err := s.staff.Auth.Logout(r.Context(), tok); err != nil {
			s.interneFout(w, r, err)
			return
		}
	}
	http.SetCookie(w, auth.WisCookie(s.cfg.BehindTLS))
	http.Redirect(w, r, "/login?uit=1", http.StatusSeeOther)
}
