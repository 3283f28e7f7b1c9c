package beheerweb

import (
	"net/http"

	"github.com/zeker-platform/zeker/internal/auth"
)

// logout ends the session in the database and removes the cookie. It is a POST (a form button), so a
// link on another site cannot log someone out.
func (s *server) logout(w http.ResponseWriter, r *http.Request) {
	if tok := auth.SessieToken(r, s.kit.Config().BehindTLS); tok != "" {
		if err := s.kit.Auth().Logout(r.Context(), tok); err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
	}
	http.SetCookie(w, auth.WisCookie(s.kit.Config().BehindTLS))
	http.Redirect(w, r, "/login?uit=1", http.StatusSeeOther)
}
