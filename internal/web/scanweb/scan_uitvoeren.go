package scanweb

import (
	"fmt"
	"net/http"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/web"
)

// scanUitvoeren runs a scan of the gemeente's imported households at the reference date of the form
// (default today) and stores its summary. It runs in the request: a gemeente's population of tens of
// thousands of households takes well under a second (docs/scan.md); very large populations use the
// job kind scan.uitvoeren or "zeker scan".
func (s *server) scanUitvoeren(w http.ResponseWriter, r *http.Request) {
	gm := r.PathValue("gemeente")
	datum := s.kit.VandaagUTC()
	if v := r.PostFormValue("datum"); v != "" {
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			s.kit.StaffError(w, r, http.StatusBadRequest, "De peildatum is geen datum. Schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2026-01-01.")
			return
		}
		datum = t
	}
	ctx := r.Context()
	if r.PostFormValue("als_taak") == "ja" {
		// A background job (internal/jobs): for populations too large to scan within the request.
		_, err := s.jobs.EnqueueJSON(ctx, scan.JobScan, gm, scan.ScanTaak{Datum: datum.Format("2006-01-02")}, jobs.Opts{MaxAttempts: 3})
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		web.TerugNaar(w, r, "/beheer/"+gm+"/scan", "taak")
		return
	}
	u, err := s.scan.Voer(ctx, gm, datum)
	if err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, fmt.Sprintf("De scan kon niet worden uitgevoerd: %v", err))
		return
	}
	id, err := s.scan.SlaOp(ctx, u)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if err := s.kit.Audit().Schrijf(ctx, audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: "scan.uitvoeren", Operatie: "huishoudens.scannen",
		Actie: audit.Lezen, Aantal: u.Huishoudens, Object: fmt.Sprintf("scan/%d", id)}); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	web.TerugNaar(w, r, "/beheer/"+gm+"/scan", "scan")
}
