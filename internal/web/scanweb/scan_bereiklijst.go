package scanweb

import (
	"fmt"
	"net/http"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
)

// scanBereiklijst downloads the outreach list of one regeling: the entitled households that do not
// receive it, with the reason in B1, for letters or calls. It scans afresh at the reference date (the
// stored summary holds no households) and is logged as an export of personal data.
func (s *server) scanBereiklijst(w http.ResponseWriter, r *http.Request) {
	gm := r.PathValue("gemeente")
	q := r.URL.Query()
	datum := s.kit.VandaagUTC()
	if v := q.Get("datum"); v != "" {
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			s.kit.StaffError(w, r, http.StatusBadRequest, "De peildatum is geen datum (JJJJ-MM-DD).")
			return
		}
		datum = t
	}
	ctx := r.Context()
	u, err := s.scan.Voer(ctx, gm, datum)
	if err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, fmt.Sprintf("De scan kon niet worden uitgevoerd: %v", err))
		return
	}
	regeling := q.Get("regeling")
	if regeling != "" && u.Regeling(regeling) == nil {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze regeling staat niet in het regelpakket van de gemeente.")
		return
	}
	lijst := u.Bereiklijst(regeling, 0)
	// One log row for the export, with the BSN of every person of every listed household hashed
	// beside it (audit.Verwerking.BSNs), so that a search of the log by a resident's BSN finds the
	// export that listed them; the count is the number of households.
	ids := make([]string, len(lijst))
	for i, b := range lijst {
		ids[i] = b.HuishoudenID
	}
	bsns, err := s.scan.BSNsVan(ctx, gm, ids)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if err := s.kit.Audit().Schrijf(ctx, audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: "scan.uitvoeren", Operatie: "bereiklijst.exporteren",
		Actie: audit.Exporteren, Aantal: len(lijst), BSNs: bsns, Object: "regeling/" + regeling}); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="bereiklijst-%s-%s-%s.csv"`, gm, regeling, datum.Format("2006-01-02")))
	if _, err := u.SchrijfBereiklijstCSV(w, regeling); err != nil {
		s.kit.Log().ErrorContext(ctx, "bereiklijst", "fout", err)
	}
}
