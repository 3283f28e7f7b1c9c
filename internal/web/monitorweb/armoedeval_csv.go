package monitorweb

import (
	"net/http"
	"time"

	"github.com/zeker-platform/zeker/internal/monitor"
	"github.com/zeker-platform/zeker/internal/web"
)

// armoedevalCSV downloads the curve of the query (the same fields as the page), one row per point of
// € 10, with the disposable income and marginal pressure after each what-if as extra columns. A form
// with a problem gets the staff error page naming the first field (422).
func (s *server) armoedevalCSV(w http.ResponseWriter, r *http.Request) {
	gm := r.PathValue("gemeente")
	var fe web.FieldErrors
	in, u, err := s.bereken(r.Context(), gm, r.URL.Query(), &fe, false)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if len(fe.Fouten) > 0 {
		s.kit.StaffError(w, r, http.StatusUnprocessableEntity, fe.Fouten[0].Bericht)
		return
	}
	var na []monitor.Na
	for _, n := range u.na {
		na = append(na, monitor.Na{Naam: n.variant.Soort, Curve: n.curve})
	}
	// The name is built from checked values only: the gemeente code, a preset id and a parsed date.
	c := web.NieuweCSV(w, "armoedeval-"+gm+"-"+in.Type.ID+"-"+in.Datum.Format(time.DateOnly)+".csv")
	if err := monitor.SchrijfCSV(c.Writer(), u.curve, na...); err != nil {
		s.kit.Log().ErrorContext(r.Context(), "armoedeval csv", "fout", err)
		return
	}
	if err := c.Klaar(); err != nil {
		s.kit.Log().ErrorContext(r.Context(), "armoedeval csv", "fout", err)
	}
}
