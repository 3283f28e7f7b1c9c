package budgetweb

import (
	"net/http"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/web"
)

// MaxExportDagen bounds the period of one export (a little over a year).
const MaxExportDagen = 400

// export sends the decisions of the period ?van= to ?tot= (YYYY-MM-DD, both included) as CSV for the
// financial administration. A wrong or too long period is a 422 that names the field; the export is a
// row in the processing log (internal/budget).
func (s *server) export(w http.ResponseWriter, r *http.Request) {
	gm := r.PathValue("gemeente")
	q := r.URL.Query()
	van, err := datum.Parse(q.Get("van"))
	if err != nil {
		s.kit.StaffError(w, r, http.StatusUnprocessableEntity, "Van: vul een datum in als JJJJ-MM-DD.")
		return
	}
	tot, err := datum.Parse(q.Get("tot"))
	if err != nil {
		s.kit.StaffError(w, r, http.StatusUnprocessableEntity, "Tot en met: vul een datum in als JJJJ-MM-DD.")
		return
	}
	if tot.Voor(van) || van.PlusDagen(MaxExportDagen).Voor(tot) {
		s.kit.StaffError(w, r, http.StatusUnprocessableEntity, "Tot en met: kies een datum op of na de begindatum, hoogstens 400 dagen later.")
		return
	}
	c := web.NieuweCSV(w, "besluiten-budgetten-"+gm+"-"+van.String()+"-"+tot.String()+".csv")
	if _, err := s.budget.Exporteer(r.Context(), gm, van, tot, c.Writer(), web.CSVVeilig); err != nil {
		s.kit.Log().Error("budget: export afgebroken", "gemeente", gm, "fout", err)
		return
	}
	if err := c.Klaar(); err != nil {
		s.kit.Log().Error("budget: export", "gemeente", gm, "fout", err)
	}
}
