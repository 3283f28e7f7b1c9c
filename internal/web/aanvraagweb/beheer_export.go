package aanvraagweb

import (
	"bytes"
	"github.com/zeker-platform/zeker/internal/datum"
	"net/http"
)

// export sends the awarded amounts of the decisions from van to tot (?van=JJJJ-MM-DD&tot=…) as CSV
// for the financial administration.
func (s *server) export(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	van, err1 := datum.Parse(q.Get("van"))
	tot, err2 := datum.Parse(q.Get("tot"))
	if err1 != nil || err2 != nil || tot.Voor(van) {
		s.kit.StaffError(w, r, http.StatusUnprocessableEntity, "Kies een periode: van en tot als JJJJ-MM-DD, tot niet voor van.")
		return
	}
	var buf bytes.Buffer
	if _, err := s.svc.Export(r.Context(), r.PathValue("gemeente"), van, tot, &buf); err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	geenCache(w)
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="toekenningen-`+van.String()+`-`+tot.String()+`.csv"`)
	_, _ = w.Write(buf.Bytes())
}
