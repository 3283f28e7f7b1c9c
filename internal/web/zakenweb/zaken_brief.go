package zakenweb

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// brief shows a stored decision letter of a zaak as the print-ready page internal/brief made (the read
// is in the audit log). Its own CSP: the letter has inline styles and nothing else.
func (s *server) brief(w http.ResponseWriter, r *http.Request) {
	id, ok1 := web.PathID(r, "id")
	b, ok2 := web.PathID(r, "brief")
	if !ok1 || !ok2 {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze brief bestaat niet bij deze zaak.")
		return
	}
	html, err := s.zaken.Brief(r.Context(), r.PathValue("gemeente"), id, b)
	if errors.Is(err, zaken.ErrNietGevonden) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze brief bestaat niet bij deze zaak.")
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

// briefURL is the page of letter b of zaak id.
func briefURL(gm string, id, b int64) string {
	return zaakURL(gm, id) + "/brief/" + strconv.FormatInt(b, 10)
}

// briefRij is a letter in the list on the zaak page.
type briefRij struct{ URL, Onderwerp, Datum, Door string }
