package budgetweb

import (
	"errors"
	"net/http"

	"github.com/zeker-platform/zeker/internal/budget"
)

// brief shows the stored letter of the final decision on request {id} as the print-ready page
// internal/brief made (the read is in the audit log). Its own CSP: the letter has inline styles and
// nothing else. A request without a final decision has no letter: 404.
func (s *server) brief(w http.ResponseWriter, r *http.Request) {
	id, ok := s.idUit(w, r)
	if !ok {
		return
	}
	html, err := s.budget.Brief(r.Context(), r.PathValue("gemeente"), id)
	if errors.Is(err, budget.ErrNietGevonden) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze aanvraag heeft (nog) geen brief: er is nog geen definitief besluit.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(html))
}
