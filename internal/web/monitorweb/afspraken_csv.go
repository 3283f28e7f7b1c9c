package monitorweb

import (
	"net/http"
	"time"

	"github.com/zeker-platform/zeker/internal/web"
)

// afsprakenCSV exports the agreements running on a day (?datum=, default today): one row per indicator
// and measured value (an indicator without a measured value is one row with those columns empty), with
// the target and every source.
func (s *server) afsprakenCSV(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	dag := s.kit.VandaagUTC()
	if v := r.URL.Query().Get("datum"); v != "" {
		if dag, err = time.Parse("2006-01-02", v); err != nil {
			s.kit.StaffError(w, r, http.StatusUnprocessableEntity, "Peildatum: schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-01-15.")
			return
		}
	}
	if s.afs == nil {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze server houdt geen netwerkafspraken bij.")
		return
	}
	as, err := s.afs(r.Context(), g.Code, dag)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	c := web.NieuweCSV(w, "netwerkafspraken-"+g.Code+"-"+dag.Format("2006-01-02")+".csv")
	c.Rij("afspraak", "soort", "van", "tot", "bron_afspraak", "indicator", "streefwaarde", "bron_streefwaarde",
		"periode", "gemeten_waarde", "bron_meting", "gemeten_op", "zeker_telt")
	v := web.CSVVeilig
	for _, a := range as {
		for _, x := range indicatorRijen(a) {
			basis := []string{v(a.Naam), string(a.Soort), dagOfLeeg(a.Van), dagOfLeeg(a.Tot), v(a.Bron), v(x.Naam), v(x.Streef), v(x.Bron)}
			gemeten := 0
			for _, m := range a.Metingen {
				if m.Indicator == x.Naam {
					c.Rij(append(basis, m.Periode.String(), v(m.Waarde), v(m.Bron), m.GemetenOp.Format("2006-01-02"), x.ZekerTelt)...)
					gemeten++
				}
			}
			if gemeten == 0 {
				c.Rij(append(basis, "", "", "", "", x.ZekerTelt)...)
			}
		}
	}
	if err := c.Klaar(); err != nil {
		s.kit.Log().ErrorContext(r.Context(), "monitor: netwerkafspraken csv", "fout", err)
	}
}

func dagOfLeeg(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
