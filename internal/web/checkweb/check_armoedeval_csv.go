package checkweb

import (
	"net/http"
	"net/url"

	"github.com/zeker-platform/zeker/internal/monitor"
	"github.com/zeker-platform/zeker/internal/web"
)

// checkArmoedevalCSV downloads the resident's curve, one row per € 10 of gross wage, with the columns
// of `zeker armoedeval --csv` (monitor.SchrijfCSV). Without a curve (an answer missing, a situation
// not modelled) it sends the resident to the page, which says why.
func (s *server) checkArmoedevalCSV(w http.ResponseWriter, r *http.Request) {
	t := r.URL.Query().Get("t")
	a, err := s.leesToken(r.Context(), t)
	if err != nil {
		s.tokenFout(w, r, err)
		return
	}
	u, err := s.armoedevalVan(a)
	if err != nil {
		s.fout(w, r, http.StatusBadRequest, "fout.code")
		return
	}
	if u.curve == nil {
		l := s.kit.Taal(r, a.Ander)
		http.Redirect(w, r, "/check/armoedeval?lang="+l.Code+"&t="+url.QueryEscape(t), http.StatusSeeOther)
		return
	}
	// The name holds checked values only: the gemeente code of a valid code and a formatted date.
	c := web.NieuweCSV(w, "armoedeval-"+a.Gemeente+"-"+u.curve.Peildatum+".csv")
	if err := monitor.SchrijfCSV(c.Writer(), u.curve); err != nil {
		s.kit.Log().ErrorContext(r.Context(), "check: armoedeval csv", "fout", err)
		return
	}
	if err := c.Klaar(); err != nil {
		s.kit.Log().ErrorContext(r.Context(), "check: armoedeval csv", "fout", err)
	}
}
