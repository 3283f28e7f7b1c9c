package scanweb

import (
	"fmt"
	"net/http"

	"github.com/zeker-platform/zeker/internal/geld"
)

// scanWatAlsCSV downloads the what-if of the query (same fields as the page) per regeling and group.
func (s *server) scanWatAlsCSV(w http.ResponseWriter, r *http.Request) {
	gm := r.PathValue("gemeente")
	d := &scanWatAlsData{}
	wa, err := s.watAlsUit(r.Context(), gm, r.URL.Query(), d)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if wa == nil {
		msg := "Geef minstens één wijziging."
		if len(d.Fouten) > 0 {
			msg = d.Fouten[0].Bericht
		}
		s.kit.StaffError(w, r, http.StatusBadRequest, msg)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="wat-als-%s-%s.csv"`, gm, wa.Peildatum))
	if err := wa.SchrijfCSV(w); err != nil {
		s.kit.Log().ErrorContext(r.Context(), "wat-als csv", "fout", err)
	}
}

func geldBedrag(n int) geld.Bedrag { return geld.Bedrag(n) }
