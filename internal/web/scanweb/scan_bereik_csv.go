package scanweb

import (
	"encoding/csv"
	"errors"
	"fmt"
	"net/http"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/web"
)

// scanBereikCSV downloads the reach of the latest scan per regeling and target group (aggregates).
func (s *server) scanBereikCSV(w http.ResponseWriter, r *http.Request) {
	gm := r.PathValue("gemeente")
	sv, err := s.scan.LaatsteSamenvatting(r.Context(), gm)
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Er is nog geen scan uitgevoerd.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="bereik-%s-%s.csv"`, gm, sv.Peildatum))
	cw := csv.NewWriter(w)
	cw.Write([]string{"regeling", "dimensie", "groep", "huishoudens", "recht", "geen_recht", "onzeker", "ontvangt", "niet_gebruik", "bereik_procent", "peildatum"})
	rij := func(id, dim, groep string, t scan.Telling) {
		cw.Write([]string{id, dim, web.CSVVeilig(groep), fmt.Sprint(t.Huishoudens), fmt.Sprint(t.Recht), fmt.Sprint(t.GeenRecht), fmt.Sprint(t.Onzeker),
			fmt.Sprint(t.Ontvangt), fmt.Sprint(t.NietGebruik()), fmt.Sprintf("%.1f", t.Bereik()), sv.Peildatum})
	}
	for _, ru := range sv.Regelingen {
		rij(ru.ID, "totaal", "", ru.Totaal)
		for d, gs := range ru.Groepen {
			for _, g := range gs {
				rij(ru.ID, register.Dimensie(d).String(), g.Naam, g.Telling)
			}
		}
	}
	cw.Flush()
}
